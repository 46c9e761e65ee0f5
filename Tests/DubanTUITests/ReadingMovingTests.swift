import DubanCore
import XCTest

@testable import DubanTUI

/// Read everything and moving around (issue 14, points 8 and 9): the detail scrolls through
/// notes, reports and history; search finds aliases and section titles and says n/M, in
/// every view; Esc goes back where one came from; long lists say where one is; the status
/// line has the focused pane's keys.
final class ReadingMovingTests: XCTestCase {
  /// 2.2 with two notes, a late Q1 report with long text, a Q2 report, and close-out history.
  func reported(rows: Int = 24, columns: Int = 80, lang: Lang = .zh) -> Harness {
    var h = Harness(rows: rows, columns: columns, lang: lang, today: "2019-07-15")
    h.press(.char("j"), .char("j"), .enter, .down)
    for text in ["已召开专题会议", "对接客商三批"] {
      h.press(.char("e"))
      h.type(text)
      h.press(.enter)
    }
    // R files the earliest period owed: Q1, late.
    h.press(.char("R"))
    h.type(String(repeating: "签约项目落地，", count: 12) + "完成一季度目标")
    h.press(.tab)
    h.type("用地指标紧张")
    h.press(.tab)
    h.type("加快土地报批")
    h.press(.tab)
    h.type("30")
    h.press(.enter)
    XCTAssertNil(h.state.overlay, h.state.message ?? "")
    return h
  }

  func testTheDetailScrollsToEveryReportNoteAndHistoryLine() {
    var h = reported()
    let item = h.selectedItem!
    XCTAssertEqual(item.reports.first?.period, "Q1")
    let all = DetailPane.lines(h.state, item, columns: 77).map(\.0).joined(separator: "\n")
    for expected in [
      "已召开专题会议", "对接客商三批", "区商务局 2019-07-15 逾期报送", "问题：用地指标紧张", "措施：加快土地报批", "Q2 第二季度（截止 7/10）：区商务局✗",
      "── 历史",
    ] {
      XCTAssertTrue(all.contains(expected), "details hold “\(expected)”:\n\(all)")
    }
    XCTAssertTrue(h.text.contains("J/K"), "the title says there is more")
    var seen = h.text
    for _ in 0..<20 {
      h.press(.char("J"))
      seen += h.text
    }
    XCTAssertTrue(seen.contains("措施：加快土地报批"), "J reaches the report's next steps")
    XCTAssertTrue(h.text.contains("── 历史") || seen.contains("── 历史"))
    let bottom = h.state.detailScroll
    XCTAssertGreaterThan(bottom, 0)
    h.press(.char("J"))
    XCTAssertEqual(h.state.detailScroll, bottom, "stops at the end")
    h.press(.char("K"))
    XCTAssertLessThan(h.state.detailScroll, bottom)
    // Another item starts at its top.
    h.press(.down)
    XCTAssertEqual(h.state.detailScroll, 0)
  }

  func testDetailGoldenScrolledToTheReport() throws {
    var h = reported()
    h.press(.char("J"), .char("J"), .char("J"))
    assertBordersAligned(h.screen)
    try assertGolden(h.text, "detail-scrolled-80x24.txt")
  }

  func testSearchFindsAliasesAndSectionTitlesAndCounts() {
    var h = Harness()
    h.press(.char("/"))
    h.type("招商局")  // an alias of 区商务局: no item text says it
    h.press(.enter)
    let first = h.selectedItem!
    XCTAssertTrue(first.allUnits.contains("区商务局"), first.id)
    let total = h.state.searchHits!.rows.count
    XCTAssertGreaterThan(total, 3)
    XCTAssertTrue(h.state.message!.contains("“招商局” 1/\(total)"), h.state.message!)
    h.press(.char("n"))
    XCTAssertTrue(h.state.message!.contains("2/\(total)"), h.state.message!)
    h.press(.char("N"), .char("N"))
    XCTAssertTrue(h.state.message!.contains("\(total)/\(total)"), "wraps around: \(h.state.message!)")
    // A section title: the first item under it, and its title highlighted in the tree.
    h.press(.char("/"))
    h.type("提升城市环境品质")
    h.press(.enter)
    XCTAssertEqual(h.selectedItem?.section.map { $0.contains("提升城市环境品质") }, true)
    let screen = h.screen
    let highlighted = (0..<screen.rows).contains { r in (0..<screen.columns).contains { screen[r, $0].style == .match }
    }
    XCTAssertTrue(highlighted, "the match is highlighted where it shows")
  }

  func testSearchInTheWorkloadViewAndEscBackToTheSameRow() {
    var h = Harness(today: "2019-07-01")
    h.press(.char("w"), .char("/"))
    h.type("财政")
    h.press(.enter)
    XCTAssertEqual(h.state.view, .workload)
    let rows = h.workloadRows
    XCTAssertEqual(rows[h.state.workloadList.index].load.unit.name, "区财政局")
    XCTAssertTrue(h.state.message!.contains("1/"), h.state.message!)
    // An alias finds its unit too.
    h.press(.char("/"))
    h.type("招商局")
    h.press(.enter)
    let row = h.state.workloadList.index
    XCTAssertEqual(rows[row].load.unit.name, "区商务局")
    // Its items, then Esc: back in the workload view, on the same row.
    h.press(.enter)
    XCTAssertEqual(h.state.view, .dashboard)
    XCTAssertEqual(h.state.narrowing.unit, "区商务局")
    h.press(.escape)
    XCTAssertEqual(h.state.view, .workload)
    XCTAssertEqual(h.state.workloadList.index, row)
    XCTAssertEqual(h.state.filter, .none)
    h.press(.escape)
    XCTAssertEqual(h.state.view, .dashboard)
  }

  func testEscFromAUnitsItemsReturnsToTheItemItCameFrom() {
    var h = Harness()
    h.press(.char("j"), .char("j"), .enter)
    for _ in 0..<10 { h.press(.down) }
    XCTAssertEqual(h.selectedItem?.id, "2.11")
    h.press(.tab)
    let unit = h.selectedUnits[0].name
    h.press(.enter)
    XCTAssertEqual(h.state.narrowing.unit, unit, "a unit's items")
    h.press(.down, .escape)
    XCTAssertEqual(h.state.filter, .none)
    XCTAssertEqual(h.selectedItem?.id, "2.11", "back on the item it came from")
    XCTAssertEqual(h.state.focus, .units)
  }

  func testPositionsAndPaneKeys() {
    var h = Harness(rows: 24, columns: 80)
    XCTAssertTrue(h.text.contains("板块 1/"), "the tree is longer than its pane")
    XCTAssertTrue(h.screen.line(23).contains("Enter进入"), h.screen.line(23))
    h.press(.char("j"), .char("j"), .enter)
    XCTAssertTrue(h.text.contains("任务 1/67"))
    XCTAssertTrue(h.screen.line(23).contains("␣状态"), h.screen.line(23))
    h.press(.tab)
    XCTAssertTrue(h.screen.line(23).contains("Enter该单位事项"), h.screen.line(23))
    h.press(.char("w"))
    XCTAssertTrue(h.text.contains("单位工作量 1/"))
    XCTAssertTrue(h.screen.line(23).contains("Enter看事项"), h.screen.line(23))
    h.press(.char("t"))
    XCTAssertTrue(h.screen.line(23).contains("d改日期"), h.screen.line(23))
    h.press(.escape)
    XCTAssertEqual(h.state.view, .workload, "the timeline opened from the workload view returns to it")
  }

  func testEscInTheSearchLineReturnsWhereTheSearchStarted() {
    var h = Harness()
    h.press(.tab, .down, .down)
    XCTAssertEqual(h.selectedItem?.id, "1.3")
    h.press(.char("/"))
    h.type("招商")
    XCTAssertNotEqual(h.selectedItem?.id, "1.3", "typing moves to the first match")
    h.press(.escape)
    XCTAssertNil(h.state.searchEditor)
    XCTAssertEqual(h.selectedItem?.id, "1.3", "Esc: back where / was pressed")
    XCTAssertEqual(h.state.focus, .tasks)
    // Enter keeps the match.
    h.press(.char("/"))
    h.type("招商")
    h.press(.enter)
    XCTAssertNotEqual(h.selectedItem?.id, "1.3")
  }
}
