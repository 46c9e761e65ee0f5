import Foundation
import XCTest

/// The real dashboard in tmux: browse, search in Chinese, mark, undo, a Chinese note,
/// resize, help, quit; then the store on disk, the exit code and the borders.
final class DashboardTests: SeededStoreTestCase {
  func launch(_ extra: String = "", env: String = "", columns: Int = 120, rows: Int = 35) throws -> Tmux {
    let t = try dashboard(extra, env: env, columns: columns, rows: rows)
    try t.waitFor("板块") { $0.contains("板块") || $0.contains("Sections") || $0.contains("EXIT=") }
    return t
  }

  func testBrowseSearchMarkUndoNoteResizeHelpQuit() throws {
    let t = try launch()
    var screen = try t.waitForLayout(columns: 120)
    XCTAssertTrue(screen.contains("全部事项"))
    XCTAssertTrue(screen.contains("0/90"))
    assertBordersAligned(screen, columns: 120)

    // Browse the tree to part 二, into its tasks.
    try t.keys("j", "j", "Enter")
    screen = try t.waitFor("任务 1/67")
    XCTAssertTrue(screen.contains("[牵]") || screen.contains("[责]"))

    // Search in Chinese: 停车 first appears in 2.39.
    try t.keys("/")
    try t.waitFor("搜索：")
    try t.text("停车")
    screen = try t.waitFor("详情 2.39")
    try t.keys("Enter")
    try t.keys("n")
    try t.waitFor("详情 2.55")

    // Mark: Space → 推进中, + + → 20%, undo the last +.
    try t.keys("Space")
    try t.waitFor("推进中 0%")
    try t.keys("+", "+")
    try t.waitFor("推进中 20%")
    try t.keys("u")
    try t.waitFor("推进中 10%")

    // A note typed in Chinese in the one-line editor.
    try t.keys("e")
    try t.waitFor("备注 2.55")
    try t.text("协调儿童医院周边停车")
    try t.waitFor("协调儿童医院周边停车")
    try t.keys("Enter")
    try t.waitFor("最新备注")

    // Resize to several sizes; the borders stay aligned.
    for (columns, rows) in [(80, 24), (60, 20), (100, 30)] {
      try t.resize(columns: columns, rows: rows)
      screen = try t.waitForLayout(columns: columns)
      assertBordersAligned(screen, columns: columns)
      XCTAssertTrue(screen.contains("2.55"), "the place is kept at \(columns)x\(rows)")
    }

    // Too small, then back.
    try t.resize(columns: 40, rows: 12)
    try t.waitFor("终端太小")
    try t.resize(columns: 120, rows: 35)
    try t.waitFor("详情 2.55")

    // Help, opened and closed, also across a resize.
    try t.keys("?")
    try t.waitFor("帮助（Esc 关闭")
    try t.resize(columns: 90, rows: 30)
    try t.waitFor("帮助（Esc 关闭")
    try t.keys("Escape")
    try t.waitFor("帮助") { !$0.contains("帮助（Esc 关闭") }

    try t.keys("q")
    screen = try t.waitFor("EXIT=0")
    XCTAssertFalse(screen.contains("板块"), "the terminal is restored after exit")

    let saved = try item("2.55")
    XCTAssertEqual(saved["status"] as? String, "in_progress")
    XCTAssertEqual(saved["progress"] as? Int, 10)
    XCTAssertEqual((saved["notes"] as? [[String: Any]])?.first?["text"] as? String, "协调儿童医院周边停车")
    XCTAssertEqual((saved["notes"] as? [[String: Any]])?.first?["user"] as? String, "tester")
    let history = try XCTUnwrap(saved["history"] as? [[String: Any]]).map {
      "\($0["field"]!):\($0["before"]!)→\($0["after"]!)"
    }
    XCTAssertEqual(
      history,
      ["status:not_started→in_progress", "progress:0→10", "progress:10→20", "progress:20→10", "note:→协调儿童医院周边停车"])
  }

  func testEnglishAndMonochrome() throws {
    let t = try launch("--lang en", env: "NO_COLOR=1", columns: 100, rows: 30)
    try t.waitFor("Sections")
    let screen = try t.waitForLayout(columns: 100)
    let styled = try t.tmux(["capture-pane", "-p", "-e", "-t", t.session])
    XCTAssertFalse(
      styled.contains("[3") && styled.range(of: #"\[(\d+;)*3[0-7]m"#, options: .regularExpression) != nil,
      "NO_COLOR: no colours")
    XCTAssertTrue(styled.contains("\u{1B}[7m") || styled.contains(";7m"), "selection still shows, in reverse video")
    XCTAssertTrue(screen.contains("Tasks"))
    XCTAssertTrue(screen.contains("All items"))
    assertBordersAligned(screen, columns: 100)
    try t.keys("q")
    try t.waitFor("EXIT=0")
  }

  func testSignalRestoresTerminal() throws {
    let t = try launch()
    try t.keys("Tab", "x")
    try t.waitFor("滞后")
    // Only the duban process itself (its command line starts with the binary).
    _ = try DubanBinary.runShell("pkill -TERM -f '^\(DubanBinary.path) --store \(store)'")
    let screen = try t.waitFor("EXIT=143")
    XCTAssertFalse(screen.contains("板块"))
    XCTAssertEqual(try item("1.1")["status"] as? String, "blocked", "the change was saved before the signal")
  }

  func testSeesChangesFromOtherProcesses() throws {
    let t = try launch()
    try t.keys("Tab", "j")
    try t.waitFor("详情 1.2")
    let r = try DubanBinary.run(["mark", "1.2", "--progress", "60", "--store", store])
    XCTAssertEqual(r.status, 0)
    try t.waitFor("推进中 60%")
    try t.waitFor("详情 1.2")
    try t.keys("q")
    try t.waitFor("EXIT=0")
  }

  func testCtrlCQuitsAndRestores() throws {
    let t = try launch()
    try t.keys("C-c")
    let screen = try t.waitFor("EXIT=130")
    XCTAssertFalse(screen.contains("板块"))
  }

  /// Ctrl-Z in an interactive shell stops duban with the terminal restored; fg redraws it.
  func testSuspendAndResume() throws {
    let t = try Tmux(command: "bash --norc --noprofile -i", columns: 100, rows: 30)
    try t.waitFor("prompt") { $0.contains("$") || $0.contains("#") }
    try t.text("LANG=C.UTF-8 TERM=xterm-256color \(DubanBinary.path) --store \(store) --today 2019-05-01")
    try t.keys("Enter")
    try t.waitFor("板块")
    try t.keys("C-z")
    try t.waitFor("Stopped")
    try t.text("fg")
    try t.keys("Enter")
    try t.waitForLayout(columns: 100)
    try t.keys("q")
    try t.text("echo EXIT=$?")
    try t.keys("Enter")
    try t.waitFor("EXIT=0")
  }

  /// E hands the terminal to $EDITOR; what it writes becomes the note.
  func testLongNoteInExternalEditor() throws {
    let editor = dir.appendingPathComponent("editor.sh")
    try "#!/bin/sh\nprintf '第一段：已完成调研。\\n第二段：下月开工。\\n' > \"$1\"\n".write(to: editor, atomically: true, encoding: .utf8)
    chmod(editor.path, 0o755)
    let t = try launch(env: "EDITOR=\(editor.path)")
    try t.keys("Tab", "E")
    try t.waitFor("最新备注")
    try t.keys("q")
    try t.waitFor("EXIT=0")
    let notes = try XCTUnwrap(try item("1.1")["notes"] as? [[String: Any]])
    XCTAssertEqual(notes.first?["text"] as? String, "第一段：已完成调研。\n第二段：下月开工。")
  }

  /// The units view: one key away, sorted, a group expanded, Enter to a unit's items,
  /// marking there saved to the store.
  func testUnitsView() throws {
    let t = try launch()
    try t.keys("w")
    try t.waitFor("单位工作量")
    var screen = try t.waitForLayout(columns: 120)
    XCTAssertTrue(screen.contains("区城管委"))
    XCTAssertTrue(screen.contains("█"), "a load bar")
    assertBordersAligned(screen, columns: 120)
    try t.keys("s")
    try t.waitFor("按牵头数排序")
    try t.keys("s", "s", "s", "s", "s", "s", "s", "s", "s")
    try t.waitFor("按加权负荷排序")
    // Down to 各街道's row (by weighted load, document order breaking ties), and expand it.
    let units = try XCTUnwrap(
      DubanBinary.json(try DubanBinary.run(["units", "--json", "--store", store, "--today", "2019-05-01"]).stdout)
        as? [[String: Any]])
    let byLoad = units.indices.sorted {
      let (a, b) = (units[$0]["weighted"] as! Double, units[$1]["weighted"] as! Double)
      return a > b || (a == b && $0 < $1)
    }
    let row = try XCTUnwrap(byLoad.firstIndex { units[$0]["name"] as? String == "各街道" })
    for _ in 0..<row { try t.keys("j") }
    try t.keys("o")
    screen = try t.waitFor("（假定）")
    XCTAssertTrue(screen.contains("└ 四唯街道"), screen)
    try t.resize(columns: 80, rows: 24)
    screen = try t.waitForLayout(columns: 80)
    XCTAssertTrue(screen.contains("单位工作量"))
    try t.keys("g", "Enter")
    try t.waitFor("牵头的在前")
    try t.keys("+")
    try t.waitFor("推进中 10%")
    try t.keys("q")
    try t.waitFor("EXIT=0")
    let items = try XCTUnwrap(
      DubanBinary.json(try DubanBinary.run(["list", "--store", store, "--json", "--status", "in_progress"]).stdout)
        as? [[String: Any]])
    XCTAssertEqual(items.count, 1)
    XCTAssertEqual((items[0]["lead"] as? [String])?.first, "区城管委", "the first of its items is one it leads")
  }

  /// A mouse click selects a pane and row (the SGR mouse report xterm-style terminals send).
  func testMouseClickSelectsPaneAndRow() throws {
    let t = try launch()
    func click(column: Int, row: Int) throws {
      try t.text("\u{1B}[<0;\(column + 1);\(row + 1)M\u{1B}[<0;\(column + 1);\(row + 1)m")
    }
    try click(column: 40, row: 6)  // the task pane's fifth row
    try t.waitFor("详情 1.5")
    try t.waitFor("任务 5/90")
    try click(column: 3, row: 3)  // the tree's part 一
    try t.waitFor("任务 1/6")
    try t.keys("q")
    try t.waitFor("EXIT=0")
  }

  func testNotATerminal() throws {
    let r = try DubanBinary.run(["--store", store])
    XCTAssertEqual(r.status, 2)
    XCTAssertTrue(r.stderr.contains("需要在终端"), r.stderr)
    let en = try DubanBinary.run(["--store", store, "--lang", "en"])
    XCTAssertEqual(en.status, 2)
    XCTAssertTrue(en.stderr.contains("needs a terminal"), en.stderr)
  }
}
