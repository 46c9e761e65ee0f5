import XCTest

@testable import DubanCore
@testable import DubanTUI

/// The `R` form files only what this unit gives, and says when its figure leaves the item.
final class ReportRefileReducerTests: XCTestCase {
  func plan(filing unit: String, on id: String, _ period: String, _ progress: Int) throws -> Plan {
    var plan = Harness.seedPlan
    let report = ReportFiling(period: period, filed: "2019-07-15", user: "u", unit: unit, progress: progress)
    try plan.apply(
      [.periodReport(report), .progress(progress)], to: id, stamp: Stamp(user: "u", time: "2019-07-15T09:00"))
    return plan
  }

  func testTheFormNeverPrefillsAnotherUnitsFigure() throws {
    var h = Harness(today: "2019-07-15", plan: try plan(filing: "区发改委", on: "2.63", "Q2", 70))
    Reducer.openRestricted(&h.state, to: "区建设局", cache: h.cache)
    h.state.taskList.index = try XCTUnwrap(h.visibleItems.firstIndex { $0.id == "2.63" })
    h.press(.char("R"))
    guard case .form(let form) = h.state.overlay else { return XCTFail("no form") }
    XCTAssertEqual(form.value("progress"), "", "区发改委's 70 is not 区建设局's figure")
    h.type("推进中")
    XCTAssertEqual(h.press(.enter).count, 1)
    let mine = h.selectedItem?.reports.first { $0.unit == "区建设局" }
    XCTAssertEqual(mine?.progressText, "推进中")
    XCTAssertNil(mine?.progress, "no figure given, none filed")
    XCTAssertEqual(h.selectedItem?.progress, 70)
    // Its own figure, once filed, is what the form shows again.
    h.press(.char("R"), .tab, .tab, .tab)
    h.type("20")
    h.press(.enter)
    let item = try XCTUnwrap(h.selectedItem)
    let q2 = try XCTUnwrap(h.state.plan.calendar.periods.first { $0.id == "Q2" })
    XCTAssertEqual(Form.periodReport(item: item, period: q2, unit: "区建设局", lang: .zh).value("progress"), "20")
    XCTAssertEqual(Form.periodReport(item: item, period: q2, unit: "区发改委", lang: .zh).value("progress"), "70")
  }

  func testALateEarlierReportSaysTheItemKeepsItsProgress() throws {
    var h = Harness(today: "2019-07-15", plan: try plan(filing: "区发改委", on: "1.6", "Q2", 40))
    Reducer.openRestricted(&h.state, to: "区发改委", cache: h.cache)
    h.state.taskList.index = try XCTUnwrap(h.visibleItems.firstIndex { $0.id == "1.6" })
    h.press(.char("R"))
    guard case .form(let form) = h.state.overlay else { return XCTFail("no form") }
    XCTAssertEqual(form.kind, .periodReport(itemID: "1.6", period: "Q1", unit: "区发改委"))
    h.press(.tab, .tab, .tab)
    h.type("5")
    XCTAssertEqual(h.press(.enter).count, 1)
    XCTAssertEqual(h.selectedItem?.progress, 40)
    XCTAssertTrue(h.state.message?.hasSuffix("；事项进度仍为 40%") == true, h.state.message ?? "")
  }
}
