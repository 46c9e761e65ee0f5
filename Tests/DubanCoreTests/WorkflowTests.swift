import Foundation
import XCTest

@testable import DubanCore

/// Work plans, period reports, close-out and the exports, on the seed with chosen marks.
final class WorkflowTests: XCTestCase {
  override func setUp() {
    super.setUp()
    Store.prepareProcess()
  }

  let stamp = Stamp(user: "督查室", time: "2019-04-20T09:00:00+08:00")

  /// The scenario the golden exports show.
  func scenario() throws -> StoreDocument {
    var doc = StoreDocument(plan: try Fixtures.seedPlan())
    doc.save(
      WorkPlan(
        unit: "区商务局", owner: "张局长",
        rows: [
          WorkPlanRow(item: "2.2", content: "制定招商计划，赴深圳开展招商活动", deadline: "2019年6月底", leader: "李副局长", office: "招商科"),
          WorkPlanRow(item: "2.2", content: "举办“江岸招商周”", deadline: "2019年10月", leader: "李副局长", office: "招商科"),
          WorkPlanRow(item: "2.29", content: "对接“一带一路”项目", deadline: "2019年9月", leader: "王副局长", office: "外经科"),
        ]), on: "2019-01-25")
    // Filed as collect and R file them: the report, and the item's progress by the one rule.
    func file(_ filing: ReportFiling, _ id: String) throws {
      try doc.plan.apply(doc.duty.reportEdits(doc.plan.item(id: id)!, filing), to: id, stamp: stamp)
    }
    try file(
      ReportFiling(
        period: "Q1", filed: "2019-04-08", user: "商务局", unit: "区商务局", progressText: "已签约项目3个",
        problems: "土地指标紧张", nextSteps: "加快项目落地", progress: 30), "2.2")
    try file(
      ReportFiling(period: "Q1", filed: "2019-04-12", user: "发改委", unit: "区发改委", progressText: "增长7.9%", progress: 25),
      "1.1")
    try doc.plan.apply(.status(.done), to: "1.6", stamp: stamp)
    try doc.plan.apply(.close(date: "2019-04-20", remark: "已完成节能减排"), to: "1.6", stamp: stamp)
    return doc
  }

  func assertGolden(_ text: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
    let url = Fixtures.goldenDir.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
      try text.write(to: url, atomically: true, encoding: .utf8)
      return
    }
    // Bytes, not String(contentsOf:), which would drop the CSV's BOM.
    let golden = String(decoding: try Data(contentsOf: url), as: UTF8.self)
    XCTAssertEqual(text, golden, "\(name) differs from its golden", file: file, line: line)
  }

  func testSheetGoldens() throws {
    let doc = try scenario()
    try assertGolden(WorkPlanSheet.render(doc, unit: "区商务局", format: .md), "sheet-commerce.md")
    try assertGolden(WorkPlanSheet.render(doc, unit: "区商务局", format: .csv), "sheet-commerce.csv")
    let csv = WorkPlanSheet.render(doc, unit: "区商务局", format: .csv)
    XCTAssertTrue(csv.hasPrefix("\u{FEFF}"), "a BOM for Excel and WPS")
    XCTAssertTrue(csv.contains("\"举办“江岸招商周”\""))
    XCTAssertTrue(csv.contains("\r\n"))
  }

  func testBulletinGoldens() throws {
    let doc = try scenario()
    let bulletin = Bulletin(doc, period: "Q1", today: Day("2019-04-20")!)
    try assertGolden(bulletin.render(.md), "report-Q1.md")
    try assertGolden(bulletin.render(.csv), "report-Q1.csv")
    try assertGolden(bulletin.render(.json), "report-Q1.json")
    let commerce = bulletin.units.first { $0.unit == "区商务局" }!
    XCTAssertEqual([commerce.lead, commerce.joined, commerce.filedOnTime, commerce.filedLate], [1, 5, 1, 0])
    let ndrc = bulletin.units.first { $0.unit == "区发改委" }!
    XCTAssertEqual(ndrc.filedLate, 1, "1.1 filed on 4月12日, after 4月10日")
    XCTAssertEqual(ndrc.missing, 12, "13 it files, one late; 1.6 was done after 4月10日, so its Q1 report is still owed")
    XCTAssertTrue(bulletin.laggingUnits.contains("区发改委"))
    XCTAssertEqual(bulletin.sections.last?.total, 90)
    XCTAssertEqual(bulletin.sections.last?.done, 1)
    XCTAssertEqual(bulletin.title, "关于2019年区《政府工作报告》确定的主要目标任务第一季度完成情况的通报")
  }

  func testRoundTripThroughTheStore() throws {
    let dir = try Fixtures.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let store = Store(path: dir.appendingPathComponent("p.json").path)
    let doc = try scenario()
    try store.save(doc)
    let loaded = try store.load()
    XCTAssertEqual(loaded, doc)
    XCTAssertEqual(loaded.workPlan(of: "区商务局")?.rows.count, 3)
    XCTAssertEqual(loaded.plan.item(id: "2.2")?.reports.first?.problems, "土地指标紧张")
    XCTAssertEqual(loaded.plan.item(id: "1.6")?.closed?.remark, "已完成节能减排")
  }

  func testWorkPlanIsFiledOnlyWhenComplete() throws {
    var doc = try scenario()
    XCTAssertNil(doc.workPlan(of: "区商务局")?.filed, "1.4, 2.1, 2.3, 2.13 have no rows yet")
    var wp = doc.workPlan(of: "区商务局")!
    for id in ["1.4", "2.1", "2.3", "2.13"] {
      wp.rows.append(WorkPlanRow(item: id, content: "落实", deadline: "年底", leader: "李", office: "综合科"))
    }
    doc.save(wp, on: "2019-01-27")
    XCTAssertEqual(doc.workPlan(of: "区商务局")?.filed, "2019-01-27")
    doc.save(wp, on: "2019-02-10")
    XCTAssertEqual(doc.workPlan(of: "区商务局")?.filed, "2019-01-27", "the first filing date stays")
    wp.owner = ""
    doc.save(wp, on: "2019-02-11")
    XCTAssertNil(doc.workPlan(of: "区商务局")?.filed, "no owner, not filed")
  }

  func testClosedItemsAreReadOnlyUntilReopened() throws {
    var doc = try scenario()
    XCTAssertThrowsError(try doc.plan.apply(.progress(50), to: "1.6", stamp: stamp)) {
      XCTAssertTrue("\($0)".contains("closed out"), "\($0)")
    }
    XCTAssertThrowsError(
      try doc.plan.apply(.close(date: "2019-04-20", remark: ""), to: "1.1", stamp: stamp), "not done")
    try doc.plan.apply(.reopen(remark: "复核发现问题"), to: "1.6", stamp: stamp)
    try doc.plan.apply(.progress(80), to: "1.6", stamp: stamp)
    let history = doc.plan.item(id: "1.6")!.history.map { "\($0.field.stored):\($0.after)" }
    XCTAssertTrue(history.contains("closed:2019-04-20 已完成节能减排"))
    XCTAssertTrue(history.contains("reopened:复核发现问题"))
    let labels = doc.plan.item(id: "1.6")!.history.map { $0.summary(.zh) }
    XCTAssertTrue(labels.contains("重新打开 复核发现问题"), "\(labels)")
    XCTAssertTrue(labels.contains("销号 2019-04-20 已完成节能减排"), "\(labels)")
  }

  func testExportsNeverReplaceAFileThatIsNotTheirs() throws {
    let dir = try Fixtures.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("notes.md").path
    try "我的笔记".write(toFile: path, atomically: true, encoding: .utf8)
    XCTAssertThrowsError(try ExportFile.write("x", to: path, format: .md, force: false))
    XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "我的笔记")
    try ExportFile.write(
      WorkPlanSheet.render(try scenario(), unit: "区商务局", format: .md), to: path, format: .md, force: true)
    XCTAssertTrue(ExportFile.isOurs(path))
    for format in ExportFormat.allCases {
      let p = dir.appendingPathComponent("out.\(format.rawValue)").path
      try ExportFile.write(
        Bulletin(try scenario(), period: "Q1", today: Day("2019-04-20")!).render(format), to: p, format: format,
        force: false)
      XCTAssertTrue(ExportFile.isOurs(p), format.rawValue)
      try ExportFile.write("again", to: p, format: format, force: false)  // ours: may be replaced
    }
  }
}
