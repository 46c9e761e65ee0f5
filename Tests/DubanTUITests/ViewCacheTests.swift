import DubanCore
import XCTest

@testable import DubanTUI

/// The per-frame figures kept between keystrokes must always equal the figures worked out
/// from scratch, whatever happened in between.
final class ViewCacheTests: XCTestCase {
  /// The same document in a fresh state: no cache history at all.
  func fresh(_ s: AppState) -> AppState {
    var f = AppState(
      doc: s.doc, storePath: s.storePath, lang: s.lang, today: s.today, user: s.user, rows: s.rows, columns: s.columns)
    f.treeList.index = s.treeList.index
    f.filter = s.filter
    f.narrowing = s.narrowing
    f.sort = s.sort
    return f
  }

  func assertMatchesFresh(_ s: AppState, _ message: String, line: UInt = #line) {
    let f = fresh(s)
    XCTAssertEqual(s.treeStats(), f.treeStats(), message, line: line)
    XCTAssertEqual(s.visibleIndices, f.visibleIndices, message, line: line)
    XCTAssertEqual(s.workloadRows, f.workloadRows, message, line: line)
  }

  func testMarksUpdateTheTreeAndListsAsARebuildWould() {
    var h = Harness()
    h.press(.char("j"), .enter)  // part 1, task pane
    for keys in [[Key.char(" ")], [.char("+"), .char("+")], [.down, .char("x")], [.char("u")], [.down, .char(" ")]] {
      for k in keys { h.press(k) }
      assertMatchesFresh(h.state, "after \(keys)")
    }
    // Filters and sorts that depend on status and progress follow the marks too.
    h.press(.char("f"))
    assertMatchesFresh(h.state, "status filter")
    h.press(.char(" "))
    assertMatchesFresh(h.state, "status filter after a mark")
    h.press(.char("s"), .char("s"))
    h.press(.char("+"))
    assertMatchesFresh(h.state, "sorted after a mark")
  }

  func testAUnitsOverdueListFollowsItsFilingsAsARebuildWould() {
    var h = Harness(today: "2019-07-15")
    Reducer.openRestricted(&h.state, to: "区商务局")
    h.press(.char("F"), .char("4"))  // 报送逾期
    XCTAssertEqual(h.state.visibleCount, 6)
    // r files Q1 then Q2 for the selected item: after the second it owes nothing and leaves.
    let first = h.state.selectedItem?.id
    h.press(.char("r"))
    assertMatchesFresh(h.state, "one period filed")
    XCTAssertEqual(h.state.visibleCount, 6)
    h.press(.char("r"))
    assertMatchesFresh(h.state, "both filed")
    XCTAssertEqual(h.state.visibleCount, 5)
    XCTAssertFalse(h.state.visibleItems.contains { $0.id == first })
    h.press(.char("u"))
    assertMatchesFresh(h.state, "undone")
    XCTAssertEqual(h.state.visibleCount, 6)
  }

  func testACopyThatDivergesDoesNotSeeTheOthersEdits() {
    var h = Harness()
    h.press(.tab)
    let before = h.state
    let statsBefore = before.treeStats()
    h.press(.char(" "), .char(" "))  // done: counts change in the edited copy only
    XCTAssertNotEqual(h.state.treeStats(), statsBefore)
    XCTAssertEqual(before.treeStats(), statsBefore)
    XCTAssertEqual(before.treeStats(), fresh(before).treeStats())
    assertMatchesFresh(h.state, "edited copy")
  }

  func testSearchFoldsLatinCaseAndFindsChineseUnitsAndIds() throws {
    let item = try XCTUnwrap(Harness.seedPlan.items.first { !$0.lead.isEmpty })
    XCTAssertTrue(SearchText("gdp").contains("全区GDP增长7.8%"))
    XCTAssertTrue(SearchText("GdP").contains("全区gdp增长"))
    XCTAssertFalse(SearchText("gdp").contains("全区G D P"))
    XCTAssertTrue(SearchText("增长").contains("全区GDP增长7.8%"))
    XCTAssertEqual(SearchText("增长").ranges(in: "增长，再增长").count, 2)
    let text = "招商GDP与gdp"
    let ranges = SearchText("Gdp").ranges(in: text)
    XCTAssertEqual(ranges.map { String(text[$0]) }, ["GDP", "gdp"])
    XCTAssertTrue(SearchText(item.id).matches(item))
    XCTAssertTrue(SearchText(String(item.lead[0].suffix(2))).matches(item), "part of the lead unit's name")
    XCTAssertFalse(SearchText("不存在的字样").matches(item))
  }
}
