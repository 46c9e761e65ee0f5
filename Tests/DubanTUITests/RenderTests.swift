import DubanCore
import Foundation
import XCTest

@testable import DubanTUI

/// The rendered frame as a person sees it, compared with reviewed golden text.
/// Regenerate after an intended change: UPDATE_GOLDEN=1 swift test --filter RenderTests
final class RenderTests: XCTestCase {
  func assertGolden(_ text: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
    try DubanTUITests.assertGolden(text, name, file: file, line: line)
  }

  /// A browsed, marked dashboard: part 二, item 2.2 selected with progress and a note.
  func marked(rows: Int, columns: Int, lang: Lang = .zh) -> Harness {
    var h = Harness(rows: rows, columns: columns, lang: lang)
    h.press(.char("j"), .char("j"), .enter, .down, .char(" "), .char("+"), .char("+"), .char("e"))
    h.type("已召开专题会议")
    h.press(.enter)
    return h
  }

  func testGolden120x35() throws {
    let h = marked(rows: 35, columns: 120)
    try assertGolden(h.text, "dashboard-120x35.txt")
    // Styles too: what is selected, dim, coloured, with what each looks like.
    try assertGolden(h.screen.styleMap(), "dashboard-120x35.styles")
    assertBordersAligned(h.screen)
  }

  func testGolden80x24() throws {
    let h = marked(rows: 24, columns: 80)
    try assertGolden(h.text, "dashboard-80x24.txt")
    try assertGolden(h.screen.styleMap(), "dashboard-80x24.styles")
    assertBordersAligned(h.screen)
  }

  func testGolden60x20() throws {
    let h = marked(rows: 20, columns: 60)
    try assertGolden(h.text, "dashboard-60x20.txt")
    assertBordersAligned(h.screen)
  }

  func testGoldenEnglish() throws {
    let h = marked(rows: 24, columns: 80, lang: .en)
    try assertGolden(h.text, "dashboard-80x24-en.txt")
    XCTAssertTrue(h.text.contains("Sections"))
    assertBordersAligned(h.screen)
  }

  func testHelpOverlayAtEverySize() throws {
    for (rows, columns) in [(35, 120), (24, 80), (20, 60)] {
      var h = Harness(rows: rows, columns: columns)
      h.press(.char("?"))
      XCTAssertTrue(h.text.contains("帮助"), "\(columns)x\(rows)")
      for _ in 0..<KeyTable.bindings.count { h.press(.down) }
      XCTAssertTrue(h.text.contains("退出"), "scrolled to the last binding at \(columns)x\(rows)")
      for row in 0..<rows { XCTAssertEqual(h.screen.width.width(of: h.screen.line(row)), columns) }
    }
    var h = Harness()
    h.press(.char("?"))
    try assertGolden(h.text, "help-120x35.txt")
  }

  func testBordersAlignAtManySizesWhileBrowsing() {
    for columns in stride(from: 50, through: 160, by: 7) {
      for rows in [16, 20, 24, 31, 45] {
        var h = Harness(rows: rows, columns: columns)
        h.press(.char("j"), .char("j"), .char("j"), .enter, .down, .down, .down)
        assertBordersAligned(h.screen)
      }
    }
  }

  func testTooSmall() {
    let h = Harness(rows: 10, columns: 40)
    XCTAssertTrue(h.text.contains("终端太小"))
    XCTAssertTrue(h.text.contains("40×10"))
    XCTAssertFalse(h.text.contains("│"))
  }

  func testWideCharacterNeverSplitAtAnEdge() {
    var screen = Screen(rows: 1, columns: 5)
    screen.put("区商务局", row: 0, column: 0)
    XCTAssertEqual(screen.line(0), "区商 ")
    screen.put("a", row: 0, column: 1)
    XCTAssertEqual(screen.line(0), " a商 ", "overwriting half of 区 blanks the other half")
    XCTAssertEqual(DisplayWidth.standard.width(of: screen.line(0)), 5)
  }

  func testHostileTextNeverReachesTheScreenAsControl() {
    var plan = Harness.seedPlan
    plan.items[0].text =
      "恶意\u{1B}[2J\u{1B}]0;title\u{07}文本\u{202E}反转\u{200B}零宽e\u{301}" + String(repeating: "长", count: 100_000)
    plan.items[0].lead = ["区\u{1B}[31m发改委"]
    var h = Harness(plan: plan)
    h.press(.tab)
    let screen = h.screen
    for row in 0..<screen.rows {
      for c in 0..<screen.columns {
        let scalars = screen[row, c].character.unicodeScalars
        XCTAssertFalse(scalars.contains(where: TerminalSafe.isUnsafe), "row \(row) col \(c)")
      }
    }
    XCTAssertTrue(h.text.contains("恶意\u{FFFD}[2J"))
    assertBordersAligned(screen)
  }

  func testLineEditorCursorByDisplayWidth() {
    var e = LineEditor()
    for c in "区商a务" { e.handle(.char(c)) }
    XCTAssertEqual(e.visible(columns: 20, width: .standard).cursorColumn, 7)
    e.handle(.left)
    e.handle(.left)
    XCTAssertEqual(e.visible(columns: 20, width: .standard).cursorColumn, 4)
    let long = LineEditor(String(repeating: "长", count: 30))
    let shown = long.visible(columns: 11, width: .standard)
    XCTAssertLessThanOrEqual(shown.cursorColumn, 10, "the cursor stays visible")
    XCTAssertLessThanOrEqual(DisplayWidth.standard.width(of: shown.text), 11)
    e.handle(.char("\u{1B}"))
    XCTAssertEqual(e.text, "区商a务", "controls never enter the text")
    for c: Character in ["\u{202E}", "\u{200B}", "\u{9B}", "👩", "\u{200D}", "💻"] { e.handle(.char(c)) }
    XCTAssertEqual(e.text, "区商👩‍💻a务", "bidi and invisible characters refused; an emoji sequence kept whole")
  }

  func testASCIIBordersAndAmbiguousWide() {
    var h = Harness(rows: 24, columns: 80)
    h.state.asciiBorders = true
    h.state.width = DisplayWidth(ambiguousIsWide: true)
    let screen = h.screen
    XCTAssertFalse(screen.text().contains("│"))
    XCTAssertTrue(screen.text().contains("+-"))
    for row in 0..<24 { XCTAssertEqual(screen.width.width(of: screen.line(row)), 80, "row \(row)") }
  }
}

final class WorkloadRenderTests: XCTestCase {
  func testWorkloadGoldenAndAlignment() throws {
    for (rows, columns) in [(35, 120), (24, 80), (20, 60)] {
      var h = Harness(rows: rows, columns: columns, today: "2019-07-01")
      h.press(.char("w"))
      for row in 0..<rows { XCTAssertEqual(h.screen.width.width(of: h.screen.line(row)), columns) }
      let lines = h.text.split(separator: "\n").map(String.init)
      let edges = Set(lines.dropFirst(2).dropLast(2).map { columnsOf("│", in: $0) })
      XCTAssertEqual(edges, [[0, columns - 1]], "\(columns)x\(rows)")
    }
    var h = Harness(rows: 35, columns: 120, today: "2019-07-01")
    h.press(.char("w"))
    try assertGolden(h.text, "workload-120x35.txt")
  }
}

/// Compares with a reviewed golden file; UPDATE_GOLDEN=1 rewrites it.
/// Every pane shows where its selection is, on dark and light themes, with colours or not.
final class SelectionVisibilityTests: XCTestCase {
  func testSelectionsStandOut() {
    for colors in [true, false] {
      XCTAssertTrue(Style.selected.appearance(colors: colors).standsOut)
      XCTAssertTrue(Style.selectedInactive.appearance(colors: colors).standsOut)
    }
    // Each pane's selected row carries a selection style, focused or not.
    var h = Harness()
    h.press(.tab)
    let screen = h.screen
    let layout = Layout(rows: screen.rows, columns: screen.columns)
    for pane in Pane.allCases {
      let r = layout.rect(of: pane)
      let rows = (r.row + 1)..<(r.row + r.height - 1)
      let marked = rows.filter { row in
        (r.column + 1..<r.column + r.width - 1).contains {
          [.selected, .selectedInactive].contains(screen[row, $0].style)
        }
      }
      XCTAssertEqual(marked.count, 1, "\(pane): one selected row")
    }
  }
}

func assertGolden(_ text: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
  let url = Harness.repoRoot.appendingPathComponent("Tests/DubanTUITests/Golden").appendingPathComponent(name)
  if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
    try (text + "\n").write(to: url, atomically: true, encoding: .utf8)
    return
  }
  let golden = try String(contentsOf: url, encoding: .utf8)
  XCTAssertEqual(text + "\n", golden, "\(name) differs from its golden", file: file, line: line)
}
