import XCTest

@testable import DubanCore

/// The one collect rule `duban collect` and the dashboard's `I` share: several files apply
/// all together or not at all, each read against the document the files before it left.
final class CollectBatchTests: XCTestCase {
  let day = Day("2019-05-01")!

  func form(_ doc: StoreDocument, unit: String, name: String, _ fill: [String: [(Int, String)]]) -> CollectBatch.File {
    var grid = CSVReader.grid(UnitForm(doc, unit: unit, period: doc.plan.calendar.periods[0]).csv(), sheet: "")
    for i in grid.rows.indices {
      for (column, text) in fill[grid.rows[i][0]] ?? [] { grid.rows[i].cells[column] = text }
    }
    return .init(name: name, sheets: [grid])
  }

  func testFilesApplyAllOrNone() throws {
    let doc = StoreDocument(plan: try Fixtures.seedPlan())
    let good = form(doc, unit: "区发改委", name: "发改委.csv", ["1.1": [(5, "30")]])
    let bad = form(doc, unit: "区财政局", name: "财政局.csv", ["1.2": [(5, "130")]])
    var after = doc
    XCTAssertThrowsError(
      try CollectBatch(files: [good, bad]).apply(to: &after, user: "王科员", time: "2019-05-01T09:00:00+08:00", day: day)
    ) { error in
      XCTAssertEqual((error as? EditError)?.zh, "财政局.csv：第 4 行 F 列：进度“130”应为 0 到 100 的整数")
    }
    XCTAssertEqual(after, doc, "the good file is not applied either")
    // --partial (the dashboard's p): the good rows of both.
    try CollectBatch(files: [good, bad]).apply(
      to: &after, user: "王科员", time: "2019-05-01T09:00:00+08:00", day: day, partial: true)
    XCTAssertEqual(after.plan.item(id: "1.1")?.progress, 30)
    XCTAssertEqual(after.plan.item(id: "1.2")?.progress, 0)
    XCTAssertTrue(after.plan.item(id: "1.1")!.history.contains { $0.user == "王科员（收集自 发改委.csv）" })
  }

  func testTheSummarySaysProgressBeforeAndAfter() throws {
    let doc = StoreDocument(plan: try Fixtures.seedPlan())
    let batch = CollectBatch(files: [form(doc, unit: "区发改委", name: "f.csv", ["1.1": [(2, "已完成一半"), (5, "50")]])])
    XCTAssertEqual(
      CollectSummary.lines(batch.forms(doc, day: day), doc: doc, lang: .en, details: true),
      [
        "f.csv: 区发改委 Q1 period report", "  1.1  changes: 进展情况、进度 (progress 0%→50%), status → in progress",
        "      progress report: 已完成一半",
      ])
  }
}
