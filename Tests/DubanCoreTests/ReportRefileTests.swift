import XCTest

@testable import DubanCore

/// Filing a unit's report again keeps what the new filing leaves out, and tells when the
/// figure does not move the item.
final class ReportRefileTests: XCTestCase {
  let stamp = Stamp(user: "u", time: "2019-07-15T09:00:00+08:00")
  var doc: StoreDocument!

  override func setUpWithError() throws { doc = StoreDocument(plan: try Fixtures.seedPlan()) }

  func file(_ id: String, _ period: String, progressText: String? = nil, problems: String? = nil, progress: Int? = nil)
    throws -> ReportFiling
  {
    let item = try XCTUnwrap(doc.plan.item(id: id))
    let unit = doc.duty.defaultReporter(of: item)
    let f = ReportFiling.refiling(
      item, period: period, filed: "2019-07-15", user: "u", unit: unit, progressText: progressText,
      problems: problems, nextSteps: nil, progress: progress)
    try doc.plan.apply(doc.duty.reportEdits(item, f), to: id, stamp: stamp)
    return f
  }

  func testAnOmittedFieldKeepsTheEarlierReportAndAnEmptyOneClears() throws {
    _ = try file("2.2", "Q2", progressText: "初稿", problems: "资金不足", progress: 30)
    let again = try file("2.2", "Q2", progressText: "改写")
    XCTAssertEqual(again.progressText, "改写")
    XCTAssertEqual(again.problems, "资金不足")
    XCTAssertEqual(again.progress, 30)
    let reports = try XCTUnwrap(doc.plan.item(id: "2.2")).reports
    XCTAssertEqual(reports.count, 1)
    XCTAssertEqual(reports.first?.problems, "资金不足")
    XCTAssertEqual(try file("2.2", "Q2", problems: "").problems, "")
    XCTAssertEqual(try file("2.2", "Q1", progressText: "x").problems, "", "another period keeps nothing of Q2")
  }

  func testALateEarlierReportKeepsTheItemsProgressAndSaysSo() throws {
    _ = try file("2.2", "Q2", progress: 40)
    let item = try XCTUnwrap(doc.plan.item(id: "2.2"))
    let late = ReportFiling(
      period: "Q1", filed: "2019-07-15", user: "u", unit: doc.duty.defaultReporter(of: item), progress: 5)
    XCTAssertEqual(doc.duty.keptProgress(item, with: late), 40)
    XCTAssertEqual(ReportDuty.keptNote(40, .zh), "；事项进度仍为 40%")
    let current = ReportFiling(period: "Q2", filed: "2019-07-15", user: "u", unit: late.unit, progress: 50)
    XCTAssertNil(doc.duty.keptProgress(item, with: current))
  }

  /// The tester's case: the unit filed 20, the office then marked the item 55; the unit files
  /// its text again (its figure unchanged) — the item stays at 55 and the note says so.
  func testARefilingOfTheTextNeverMovesTheItemsProgress() throws {
    _ = try file("2.3", "Q2", progressText: "初稿", progress: 20)
    try doc.plan.apply(.progress(55), to: "2.3", stamp: stamp)
    let again = try file("2.3", "Q2", progressText: "只改措施")
    XCTAssertEqual(again.progress, 20, "the unit's own figure is kept in its report")
    XCTAssertEqual(doc.plan.item(id: "2.3")?.progress, 55)
    let item = try XCTUnwrap(doc.plan.item(id: "2.3"))
    XCTAssertEqual(doc.duty.keptProgress(item, with: again), 55)
    // A changed figure still moves it.
    _ = try file("2.3", "Q2", progress: 30)
    XCTAssertEqual(doc.plan.item(id: "2.3")?.progress, 30)
  }
}
