import Foundation
import XCTest

/// The clerk's path through bars, the selection and fixing the plan, on the real binary in
/// tmux, checked against `duban list --json` and the history on disk.
final class PlanFixTests: SeededStoreTestCase {
  func launch(columns: Int = 120, rows: Int = 35) throws -> Tmux {
    let t = try dashboard(columns: columns, rows: rows)
    try t.waitFor("板块") { $0.contains("板块") || $0.contains("EXIT=") }
    return t
  }

  func testSelectThreeMarkThemDoneUndoOnce() throws {
    let t = try launch(columns: 80, rows: 24)
    try t.keys("j", "j", "Enter")
    try t.waitFor("任务 1/67")
    try t.keys("m", "m", "m")
    var screen = try t.waitFor("已选 3 项")
    XCTAssertTrue(screen.contains("2.1 *") && screen.contains("2.3 *"), screen)
    // Space twice: 推进中, then 已完成, each for all three.
    try t.keys("Space")
    try t.waitFor("3 项 状态→推进中")
    try t.keys("Space")
    screen = try t.waitFor("3 项 状态→已完成 saved") { $0.contains("3 项 状态→已完成") && $0.contains("已保存") }
    assertBordersAligned(screen, columns: 80)
    XCTAssertTrue(screen.contains("2.1 *完"), screen)
    for id in ["2.1", "2.2", "2.3"] { XCTAssertEqual(try item(id)["status"] as? String, "done", id) }
    XCTAssertEqual(try item("2.4")["status"] as? String, "not_started")
    // One u takes all three back to 推进中 (the step before).
    try t.keys("u")
    try t.waitFor("undone and saved") { $0.contains("已撤销：3 项") && $0.contains("已保存") }
    for id in ["2.1", "2.2", "2.3"] {
      let saved = try item(id)
      XCTAssertEqual(saved["status"] as? String, "in_progress", id)
      XCTAssertEqual(saved["progress"] as? Int, 0, id)
    }
    try t.keys("Escape")
    screen = try t.waitFor("已清除选中")
    XCTAssertFalse(screen.contains("已选 3 项"))
    try t.keys("q")
    try t.waitFor("EXIT=0")
  }

  func testFix267WithIAndSeeItInListAndHistory() throws {
    let t = try launch()
    try t.keys("j", "j", "Enter", "G")
    var screen = try t.waitFor("详情 2.67")
    XCTAssertTrue(screen.contains("疑 有序推进"), "the import warning is marked on the row:\n\(screen)")
    try t.keys("i")
    try t.waitFor("修改事项 2.67")
    for _ in 0..<18 { try t.keys("Left") }
    for _ in 0..<10 { try t.keys("BSpace") }
    try t.text("执法监督")
    try t.waitFor("加大执法监督力度")
    try t.keys("Enter")
    screen = try t.waitFor("fixed and saved") { $0.contains("导入提示已处理") && $0.contains("已保存") }
    XCTAssertFalse(screen.contains("疑 有序推进"), screen)
    assertBordersAligned(screen, columns: 120)
    try t.keys("q")
    try t.waitFor("EXIT=0")

    let saved = try item("2.67")
    let text = try XCTUnwrap(saved["text"] as? String)
    XCTAssertEqual(text, "有序推进执法公示、全过程记录等工作,细化、量化行政裁量标准,加大执法监督力度,确保行政权力在法治轨道上运行。")
    let history = try XCTUnwrap(saved["history"] as? [[String: Any]])
    let fix = try XCTUnwrap(history.first { $0["field"] as? String == "text" })
    XCTAssertTrue((fix["before"] as? String)?.contains("365bet体育投注") == true)
    XCTAssertEqual(fix["after"] as? String, text)
    XCTAssertEqual(fix["user"] as? String, "tester")
    XCTAssertNotNil(saved["reviewed"], "the warning is resolved in the store")
    // The table shows the fixed text too.
    let list = try DubanBinary.run(["list", "--store", store, "--part", "2"])
    XCTAssertTrue(list.stdout.contains("加大执法监督力度"), list.stdout)
    XCTAssertFalse(list.stdout.contains("365bet"))
  }

  func testBarsHoldTheirColumnsAtEverySize() throws {
    let t = try launch()
    try t.keys("j", "j", "Enter", "+", "+", "+")
    try t.waitFor("进度 20%→30%")
    for (columns, rows) in [(120, 35), (100, 30), (80, 24), (60, 20)] {
      try t.resize(columns: columns, rows: rows)
      let screen = try t.waitForLayout(columns: columns)
      assertBordersAligned(screen, columns: columns)
      // Bars where the task pane has room for them beside the deadline and the text (120).
      if columns >= 120 {
        XCTAssertTrue(screen.contains("▐") && screen.contains("|"), "a bar at \(columns):\n\(screen)")
      }
    }
    try t.keys("q")
    try t.waitFor("EXIT=0")
  }

  func testEditCommandFixesTextAndUnitsAndRefusesUnknownUnits() throws {
    let before = try String(contentsOfFile: store, encoding: .utf8)
    let bad = try DubanBinary.run(["edit", "2.16", "--store", store, "--units", "区法制"])
    XCTAssertEqual(bad.status, 2)
    XCTAssertTrue(bad.stderr.contains("“区法制”") && bad.stderr.contains("区法制办"), bad.stderr)
    XCTAssertEqual(try String(contentsOfFile: store, encoding: .utf8), before, "store untouched")

    let text = "深化政府机构改革,科学设置部门、优化权责职能、规范政府运行,确保按期完成区级机构改革任务。"
    let ok = try DubanBinary.run([
      "edit", "2.16", "--store", store, "--text", text, "--lead", "编办", "--units", "人力资源局、+区大数据局",
    ])
    XCTAssertEqual(ok.status, 0, ok.stderr)
    XCTAssertTrue(ok.stdout.contains("2.16: 文本 “化政府机…”→“深化政府机…”"), ok.stdout)
    let saved = try item("2.16")
    XCTAssertEqual(saved["text"] as? String, text)
    XCTAssertEqual(saved["lead"] as? [String], ["区编办"])
    XCTAssertEqual(saved["responsible"] as? [String], ["区人力资源局", "区大数据局"])
    let again = try DubanBinary.run(["edit", "2.16", "--store", store, "--text", text])
    XCTAssertTrue(again.stdout.contains("没有变化"), again.stdout)
    let resolved = try DubanBinary.run(["edit", "2.1", "--store", store, "--resolved", "--lang", "en"])
    XCTAssertTrue(resolved.stdout.contains("2.1: import warnings resolved"), resolved.stdout)
  }
}
