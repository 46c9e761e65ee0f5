import Foundation
import XCTest

/// The dashboard's `I` as a clerk uses it: a folder of returned forms (a Chinese name, the
/// workbook LibreOffice Calc saved), Tab to complete the path, the preview, y, the progress
/// changed on screen and in the store, u and it is back.
final class CollectDashboardTests: SeededStoreTestCase {
  let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("DubanOfficeTests/Fixtures")

  func testIPreviewsCollectsAndUUndoesTheWholeCollect() throws {
    let folder = dir.appendingPathComponent("收回")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: fixtures.appendingPathComponent("filled-form.xlsx"),
      to: folder.appendingPathComponent("区发改委-第一季度进展情况报送表.xlsx"))
    let t = try dashboard(columns: 80, rows: 24, in: dir.path)
    try t.waitFor("1.1  未 红   0%")
    try t.keys("Tab")  // the task list, on 1.1
    try t.keys("I")
    try t.waitFor("收集报送表")
    try t.text("收")
    try t.keys("Tab")
    try t.waitFor("收回/")
    let before = try Data(contentsOf: URL(fileURLWithPath: store))
    try t.keys("Enter")
    var screen = try t.waitFor("收集预览：收回/")
    XCTAssertTrue(screen.contains("区发改委-第一季度进展情况报送表.xlsx：区发改委 Q1 进展报送"), screen)
    XCTAssertTrue(screen.contains("1.1  更新：进展情况、进度（进度 0%→30%）"), screen)
    XCTAssertTrue(screen.contains("y 收集 2 项"), screen)
    XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: store)), before, "a preview writes nothing")

    try t.keys("y")
    screen = try t.waitFor("已收集")
    XCTAssertTrue(screen.contains("1.1  推 绿  30%"), screen)
    XCTAssertTrue(screen.contains("1.3  推 绿  25%"), screen)
    try t.waitFor("已保存")
    let collected = try item("1.1")
    XCTAssertEqual(collected["progress"] as? Int, 30)
    let history = try XCTUnwrap(collected["history"] as? [[String: Any]])
    XCTAssertTrue(
      history.contains { $0["user"] as? String == "tester（收集自 区发改委-第一季度进展情况报送表.xlsx）" }, "\(history)")

    try t.keys("u")
    screen = try t.waitFor("已撤销：收集")
    XCTAssertTrue(screen.contains("1.1  未 红   0%"), screen)
    XCTAssertTrue(screen.contains("1.3  未 红   0%"), screen)
    try t.waitFor("已保存")
    XCTAssertEqual(try item("1.1")["progress"] as? Int, 0)
    XCTAssertEqual(try item("1.3")["progress"] as? Int, 0)

    // A second I on the same folder after a redo: nothing left to change, nothing written.
    try t.keys("C-r")
    try t.waitFor("已重做")
    try t.waitFor("已保存")
    let written = try Data(contentsOf: URL(fileURLWithPath: store))
    try t.keys("I")
    try t.text("收回")
    try t.keys("Enter")
    screen = try t.waitFor("（无变化）")
    try t.keys("y")
    try t.waitFor("没有变化")
    XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: store)), written, "collecting twice changes nothing")
    try t.keys("q")
    try t.waitFor("EXIT=0")
  }

  func testARefusedFormShowsWhereAndEscWritesNothing() throws {
    let bad = dir.appendingPathComponent("坏表.xlsx")
    try FileManager.default.copyItem(at: fixtures.appendingPathComponent("bad-form.xlsx"), to: bad)
    let before = try Data(contentsOf: URL(fileURLWithPath: store))
    let t = try dashboard(columns: 120, rows: 40, in: dir.path)
    try t.waitFor("已保存")
    try t.keys("I")
    try t.text("坏表.xlsx")
    try t.keys("Enter")
    let screen = try t.waitFor("不能收集：坏表.xlsx")
    XCTAssertTrue(screen.contains("第 4 行 F 列：进度“120”应为 0 到 100 的整数"), screen)
    try t.keys("Escape")
    try t.waitFor("未收集，什么也没有改动")
    try t.keys("q")
    try t.waitFor("EXIT=0")
    XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: store)), before)
  }

  /// A colleague's `duban mark` between the preview and y, and y pressed at once (whether or
  /// not the dashboard's poll has seen the file yet): nothing of the collect is written, the
  /// colleague's 77 stays, and the preview is shown again. `I` then offers the path typed last.
  func testAColleaguesMarkBetweenPreviewAndYIsNeverOverwritten() throws {
    let folder = dir.appendingPathComponent("conc")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: fixtures.appendingPathComponent("filled-form.xlsx"), to: folder.appendingPathComponent("区发改委.xlsx"))
    let t = try dashboard(columns: 80, rows: 24, in: dir.path)
    try t.waitFor("已保存")
    try t.keys("I")
    try t.text("conc")
    try t.keys("Enter")
    try t.waitFor("1.1  更新：进展情况、进度（进度 0%→30%）")
    let mark = try DubanBinary.run(["--store", store, "mark", "1.1", "--progress", "77"])
    XCTAssertEqual(mark.status, 0, mark.stderr)
    try t.keys("y")
    var screen = try t.waitFor("数据文件刚被改动，预览已更新：请再核对一次")
    XCTAssertTrue(screen.contains("进度 77%→30%"), screen)
    XCTAssertEqual(try item("1.1")["progress"] as? Int, 77, "the colleague's value stays")
    XCTAssertEqual(try item("1.3")["progress"] as? Int, 0, "nothing of the collect is written")
    try t.keys("Escape")
    try t.waitFor("未收集")
    XCTAssertEqual(try item("1.1")["progress"] as? Int, 77)
    try t.keys("I")
    screen = try t.waitFor("收集报送表")
    XCTAssertTrue(screen.contains("conc"), "the path typed last is offered: \(screen)")
    try t.keys("Escape")
    try t.keys("q")
    try t.waitFor("EXIT=0")
  }
}
