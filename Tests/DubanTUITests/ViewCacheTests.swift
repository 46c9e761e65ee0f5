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

  /// What the harness's cache, kept across every keystroke before, says for its state
  /// equals what a new cache works out for the same document.
  func assertMatchesFresh(_ h: Harness, _ message: String, line: UInt = #line) {
    let (f, cache) = (fresh(h.state), ViewCache())
    XCTAssertEqual(h.treeStats, cache.treeStats(f), message, line: line)
    XCTAssertEqual(h.cache.visibleIndices(h.state), cache.visibleIndices(f), message, line: line)
    XCTAssertEqual(h.workloadRows, cache.workloadRows(f), message, line: line)
  }

  func testMarksUpdateTheTreeAndListsAsARebuildWould() {
    var h = Harness()
    h.press(.char("j"), .enter)  // part 1, task pane
    for keys in [[Key.char(" ")], [.char("+"), .char("+")], [.down, .char("x")], [.char("u")], [.down, .char(" ")]] {
      for k in keys { h.press(k) }
      assertMatchesFresh(h, "after \(keys)")
    }
    // Filters and sorts that depend on status and progress follow the marks too.
    h.press(.char("f"))
    assertMatchesFresh(h, "status filter")
    h.press(.char(" "))
    assertMatchesFresh(h, "status filter after a mark")
    h.press(.char("s"), .char("s"))
    h.press(.char("+"))
    assertMatchesFresh(h, "sorted after a mark")
  }

  func testAUnitsOverdueListFollowsItsFilingsAsARebuildWould() {
    var h = Harness(today: "2019-07-15")
    Reducer.openRestricted(&h.state, to: "区商务局", cache: h.cache)
    h.press(.char("F"), .char("4"))  // 报送逾期
    XCTAssertEqual(h.visibleItems.count, 6)
    // r files Q1 then Q2 for the selected item: after the second it owes nothing and leaves.
    let first = h.selectedItem?.id
    h.press(.char("r"))
    assertMatchesFresh(h, "one period filed")
    XCTAssertEqual(h.visibleItems.count, 6)
    h.press(.char("r"))
    assertMatchesFresh(h, "both filed")
    XCTAssertEqual(h.visibleItems.count, 5)
    XCTAssertFalse(h.visibleItems.contains { $0.id == first })
    h.press(.char("u"))
    assertMatchesFresh(h, "undone")
    XCTAssertEqual(h.visibleItems.count, 6)
  }

  /// One cache, two states that parted ways: each gets the figures of its own document.
  func testACopyThatDivergesDoesNotSeeTheOthersEdits() {
    var h = Harness()
    h.press(.tab)
    let before = h.state
    let statsBefore = h.cache.treeStats(before)
    h.press(.char(" "), .char(" "))  // done: counts change in the edited copy only
    XCTAssertNotEqual(h.treeStats, statsBefore)
    XCTAssertEqual(h.cache.treeStats(before), statsBefore)
    XCTAssertEqual(h.cache.treeStats(before), ViewCache().treeStats(fresh(before)))
    assertMatchesFresh(h, "edited copy")
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
