import Foundation
import XCTest

/// Work plans, reports, close-out and exports through the real binary and the dashboard.
final class WorkflowCommandTests: SeededStoreTestCase {
  @discardableResult
  func duban(_ args: [String], status: Int32 = 0) throws -> DubanBinary.Result {
    let r = try DubanBinary.run(args + ["--store", store])
    XCTAssertEqual(r.status, status, "\(args): \(r.stderr)")
    return r
  }

  func testWorkPlanReportCloseAndExports() throws {
    try duban(["workplan", "--unit", "商务局", "--owner", "张局长", "--row", "2.2|制定招商计划|2019年6月底|李副局长|招商科"])
    try duban(["workplan", "--unit", "商务局", "--row", "9.9|x|x|x|x"], status: 2)
    try duban([
      "file", "2.2", "--period", "Q1", "--done", "签约3个项目", "--problems", "用地紧张", "--next", "加快落地", "--progress", "30",
      "--today", "2019-04-08",
    ])
    try duban(["file", "1.1", "--period", "Q1", "--done", "增长7.9%", "--today", "2019-04-12"])
    try duban(["mark", "1.6", "--status", "done"])
    try duban(["close", "1.6", "--remark", "已完成", "--today", "2019-04-20"])
    try duban(["mark", "1.6", "--progress", "50"], status: 2)
    try duban(["close", "1.1"], status: 2)

    let sheet = dir.appendingPathComponent("sheet.csv").path
    try duban(["sheet", "--unit", "区商务局", "--format", "csv", "--out", sheet])
    let csv = try Data(contentsOf: URL(fileURLWithPath: sheet))
    XCTAssertEqual(Array(csv.prefix(3)), [0xEF, 0xBB, 0xBF], "UTF-8 BOM")
    let csvText = String(decoding: csv, as: UTF8.self)
    XCTAssertTrue(csvText.contains("\"总责任人\",\"张局长\""))
    XCTAssertTrue(csvText.contains("\"序号\",\"责任事项\",\"具体工作内容\",\"完成时限\",\"分管领导\",\"责任科室\""))

    let md = try duban(["report", "--period", "Q1", "--today", "2019-04-20"]).stdout
    XCTAssertTrue(md.contains("# 关于2019年区《政府工作报告》确定的主要目标任务第一季度完成情况的通报"), md)
    XCTAssertTrue(md.contains("| 区商务局 | 1 | 5 | 1 | 0 | 5 |"), md)
    // 1.6 was done and closed out after the Q1 deadline: its Q1 report is still missing.
    XCTAssertTrue(md.contains("| 区发改委 | 2 | 12 | 0 | 1 | 12 |"), md)
    let json = try XCTUnwrap(
      DubanBinary.json(try duban(["report", "--format", "json", "--today", "2019-04-20"]).stdout) as? [String: Any])
    XCTAssertEqual(json["period"] as? String, "Q1", "the last period whose deadline has passed")
    XCTAssertEqual(json["generator"] as? String, "duban")

    // Never over a file that is not an export without --force.
    let mine = dir.appendingPathComponent("mine.md").path
    try "手写的文件".write(toFile: mine, atomically: true, encoding: .utf8)
    let refused = try duban(["report", "--out", mine], status: 2)
    XCTAssertTrue(refused.stderr.contains("--force"), refused.stderr)
    XCTAssertEqual(try String(contentsOfFile: mine, encoding: .utf8), "手写的文件")
    try duban(["report", "--out", mine, "--force"])
    try duban(["report", "--out", mine])  // now ours: replaced without --force
    try duban(["report", "--period", "Q9"], status: 2)
    try duban(["sheet", "--unit", "各街道"], status: 2)
  }

  /// In the dashboard: a work plan and a period report typed in Chinese, then exported.
  func testFillAndExportInTheDashboard() throws {
    let t = try dashboard(today: "2019-04-08", in: dir.path)
    try t.waitFor("板块")
    // 1.2 is led by 区财政局: its units pane row, then the work plan form.
    try t.keys("Tab", "j", "Tab", "p")
    try t.waitFor("区财政局办理方案")
    try t.text("刘局长")
    try t.keys("Tab")
    try t.text("组织税收分析会")
    try t.keys("Tab")
    try t.text("每季度末")
    try t.keys("Tab")
    try t.text("王副局长")
    try t.keys("Tab")
    try t.text("预算科")
    try t.waitFor("预算科")
    try t.keys("C-s")
    try t.waitFor("办理方案已保存")
    // The period report on 1.2.
    try t.keys("BTab", "R")
    try t.waitFor("第一季度进展 1.2")
    try t.text("一季度收入增长6.5%")
    try t.keys("Tab")
    try t.text("减税降费影响收入")
    try t.keys("Tab")
    try t.text("加强税源管理")
    try t.keys("Tab", "BSpace")
    try t.text("25")
    try t.keys("Enter")
    try t.waitFor("第一季度进展（区财政局）：一季度收入增长6.5%")
    // Export the bulletin (tasks pane), then the work plan (units pane).
    try t.keys("X")
    try t.waitFor("选择格式")
    try t.keys("m")
    try t.waitFor("已导出")
    try t.keys("Tab", "X", "m")
    try t.waitFor("办理方案-区财政局.md")
    // The same as an Excel workbook, and the bulletin as a Word document.
    try t.keys("X", "x")
    try t.waitFor("办理方案-区财政局.xlsx")
    try t.keys("BTab", "X", "d")
    try t.waitFor("docx")
    try t.keys("q")
    try t.waitFor("EXIT=0")

    let sheet = try String(contentsOfFile: dir.appendingPathComponent("duban-办理方案-区财政局.md").path, encoding: .utf8)
    XCTAssertTrue(sheet.contains("总责任人：刘局长"), sheet)
    XCTAssertTrue(sheet.contains("| 组织税收分析会 | 每季度末 | 王副局长 | 预算科 |"), sheet)
    let bulletin = try String(
      contentsOfFile: dir.appendingPathComponent("duban-通报-Q1-2019-04-08.md").path, encoding: .utf8)
    XCTAssertTrue(bulletin.contains("| 区财政局 | 1 | 6 | 1 | 0 | 0 |"), bulletin)
    let items = try XCTUnwrap(
      DubanBinary.json(try duban(["list", "--json", "--part", "1"]).stdout) as? [[String: Any]])
    let report = try XCTUnwrap((items[1]["reports"] as? [[String: Any]])?.first)
    XCTAssertEqual(report["problems"] as? String, "减税降费影响收入")
    XCTAssertEqual(report["nextSteps"] as? String, "加强税源管理")
    XCTAssertEqual(report["progress"] as? Int, 25)
    XCTAssertEqual(report["unit"] as? String, "区财政局")
  }
}
