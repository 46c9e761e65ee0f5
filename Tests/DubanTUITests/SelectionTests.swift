import DubanCore
import Foundation
import XCTest

@testable import DubanTUI

/// Several items at once (`m`, `M`, Esc), one undoable step.
final class SelectionTests: XCTestCase {
  /// Part 二's task list, focused, on 2.1.
  func onPartTwo(today: String = "2019-05-01") -> Harness {
    var h = Harness(today: today)
    h.press(.char("j"), .char("j"), .enter)
    return h
  }

  func testMSelectsAndMovesDownMAllAndEscClears() {
    var h = onPartTwo()
    h.press(.char("m"), .char("m"), .char("m"))
    XCTAssertEqual(h.state.selection, ["2.1", "2.2", "2.3"])
    XCTAssertEqual(h.selectedItem?.id, "2.4", "m moves on to the next row")
    XCTAssertTrue(h.text.contains("已选 3 项"), "the status line counts the selection")
    h.press(.char("k"), .char("m"))
    XCTAssertEqual(h.state.selection, ["2.1", "2.2"], "m again unselects")
    h.press(.char("M"))
    XCTAssertEqual(h.state.selection.count, 67, "M: every item of the list")
    h.press(.char("M"))
    XCTAssertEqual(h.state.selection, [], "M again: none of them")
    h.press(.char("m"), .escape)
    XCTAssertEqual(h.state.selection, [])
    XCTAssertEqual(h.state.focus, .tasks, "Esc cleared the selection and did not leave the pane")
  }

  func testSpaceMarksThreeDoneInOneStepAndOneUndoTakesAllBack() {
    var h = onPartTwo()
    h.press(.char("+"))  // 2.1 at 10%: undo must put that back too
    h.press(.char("m"), .char("m"), .char("m"))
    let before = ["2.1", "2.2", "2.3"].map { h.state.plan.item(id: $0)!.state }
    let undoDepth = h.state.undoStack.count
    h.press(.up, .up, .up)  // back on 2.1, which is selected: Space takes its next status
    let effects = h.press(.char(" "))
    XCTAssertEqual(Set(effects.persisted.keys), ["2.1", "2.2", "2.3"])
    XCTAssertEqual(Set(effects.compactMap(\.editID)).count, 1, "one edit id: one step")
    for id in ["2.1", "2.2", "2.3"] {
      XCTAssertEqual(h.state.plan.item(id: id)?.status, .done, id)
      XCTAssertEqual(h.state.plan.item(id: id)?.progress, 100, id)
    }
    XCTAssertEqual(h.state.plan.item(id: "2.4")?.status, .notStarted, "unselected items untouched")
    XCTAssertEqual(h.state.undoStack.count, undoDepth + 1)
    XCTAssertTrue(h.state.message?.hasPrefix("3 项 状态→已完成") == true, h.state.message ?? "")
    let undo = h.press(.char("u"))
    XCTAssertEqual(Set(undo.persisted.keys), ["2.1", "2.2", "2.3"])
    XCTAssertEqual(["2.1", "2.2", "2.3"].map { h.state.plan.item(id: $0)!.state }, before, "one u undoes all three")
    XCTAssertTrue(h.state.message?.hasPrefix("已撤销：3 项") == true, h.state.message ?? "")
    h.press(.ctrl("r"))
    XCTAssertEqual(h.state.plan.item(id: "2.3")?.status, .done, "redo too")
  }

  func testClosedItemsInTheSelectionAreSkippedAndNamed() {
    var plan = Harness.seedPlan
    let stamp = Stamp(user: "李科员", time: "2019-04-01T10:00:00+08:00")
    try! plan.apply([.status(.done), .close(date: "2019-04-01", remark: "核实")], to: "2.2", stamp: stamp)
    var h = Harness(plan: plan)
    h.press(.char("j"), .char("j"), .enter, .char("m"), .char("m"), .char("m"))
    let effects = h.press(.char("+"))
    XCTAssertEqual(Set(effects.persisted.keys), ["2.1", "2.3"])
    let message = h.state.message ?? ""
    XCTAssertTrue(message.contains("已销号，跳过 2.2"), message)
    XCTAssertEqual(h.state.plan.item(id: "2.2")?.progress, 100)
  }

  func testRFilesEachSelectedItemsEarliestOwedPeriod() {
    var h = onPartTwo(today: "2019-07-15")
    h.press(.char("m"), .char("m"), .char("m"), .char("m"))
    XCTAssertEqual(h.state.selection, ["2.1", "2.2", "2.3", "2.4"])
    let duty = h.state.duty
    let all = ["2.1", "2.2", "2.3", "2.4"]
    let single = all.filter { duty.reporters(of: h.state.plan.item(id: $0)!).count <= 1 }
    let effects = h.press(.char("r"))
    XCTAssertEqual(Set(effects.persisted.keys), Set(single))
    for id in single {
      let item = h.state.plan.item(id: id)!
      XCTAssertEqual(item.reports.count, 1, id)
      XCTAssertEqual(item.reports.first?.period, "Q1", "the earliest period owed: \(id)")
    }
    XCTAssertFalse(single.isEmpty)
    let several = Set(all).subtracting(single)
    XCTAssertFalse(several.isEmpty, "2.1 names two units and no lead: the clerk must pick one")
    for id in several { XCTAssertTrue(h.state.message?.contains(id) == true, "\(id) named: \(h.state.message ?? "")") }
    // As on one item, r again files the next period each still owes (Q2, due 7/10).
    h.press(.char("r"))
    for id in single { XCTAssertEqual(h.state.plan.item(id: id)?.reports.map(\.period), ["Q1", "Q2"], id) }
    h.press(.char("u"), .char("u"))
    for id in single { XCTAssertEqual(h.state.plan.item(id: id)?.reports, [], "two u, two steps: \(id)") }
  }

  func testRestrictedToAUnitROverTheSelectionFilesForThatUnit() {
    var h = Harness(today: "2019-07-15")
    Reducer.openRestricted(&h.state, to: "区商务局", cache: h.cache)
    h.press(.tab, .char("M"))
    let ids = h.visibleItems.map(\.id)
    XCTAssertEqual(h.state.selection.count, ids.count)
    let effects = h.press(.char("r"))
    XCTAssertEqual(Set(effects.persisted.keys), Set(ids), "items with several reporters too: 区商务局 files")
    for id in ids {
      XCTAssertEqual(h.state.plan.item(id: id)?.reports.map(\.unit), ["区商务局"], id)
    }
  }

  func testSelectionGolden() throws {
    var h = onPartTwo()
    h.state.rows = 24
    h.state.columns = 80
    h.press(.char("m"), .char("j"), .char("m"), .char("m"), .char(" "))
    try assertGolden(h.text, "selection-80x24.txt")
    assertBordersAligned(h.screen)
  }
}

/// The bars' characters are narrow on every terminal, and ASCII with --ascii-borders.
final class ProgressBarRenderTests: XCTestCase {
  func testBarCharactersAreNeverAmbiguousAndASCIIWhenAsked() {
    let wide = DisplayWidth(ambiguousIsWide: true)
    for ch in [ProgressBar.filled, ProgressBar.empty, ProgressBar.marker, RowMarks.selected] {
      XCTAssertEqual(wide.width(of: ch), 1, "\(ch) is one column even where ambiguous is wide")
    }
    // 120 columns: a task pane wide enough for a five-cell bar (at 80 the text comes first).
    var h = Harness(rows: 24, columns: 120)
    h.press(.char("j"), .char("j"), .enter, .char("+"), .char("+"))
    XCTAssertTrue(h.text.contains("20% ▐░|░░░"), h.text)
    h.state.asciiBorders = true
    h.state.width = wide
    XCTAssertTrue(h.text.contains("20% #.|..."), h.text)
    XCTAssertFalse(h.text.contains("▐") || h.text.contains("░"))
    for row in 0..<24 { XCTAssertEqual(h.screen.width.width(of: h.screen.line(row)), 120, "row \(row)") }
  }
}

/// The selection against the store: one item of it changed by a colleague since.
final class SelectionStoreTests: XCTestCase {
  var dir: URL!
  let colleague = Stamp(user: "李科员", time: "2019-05-01T10:30:00+08:00")

  override func setUpWithError() throws {
    Store.prepareProcess()
    dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("duban-selection-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    _ = Harness.zone
  }

  override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

  func testUndoLeavesTheItemAColleagueChangedAndSaysWhy() throws {
    let store = Store(path: dir.appendingPathComponent("plan.json").path)
    try store.save(StoreDocument(plan: Harness.seedPlan))
    let state = AppState(
      doc: try store.load(), storePath: store.path, lang: .zh, today: Day("2019-05-01")!, user: "王科员", rows: 35,
      columns: 120)
    let runtime = AppRuntime(state: state, store: store, clock: { Harness.now })
    for k: Key in [.tab, .char("m"), .char("m"), .char("m"), .char(" ")] { _ = runtime.handle(.key(k)) }
    runtime.finishSaving()
    XCTAssertEqual(try store.load().plan.items.prefix(3).map(\.status), [.inProgress, .inProgress, .inProgress])
    try store.update { try $0.plan.apply(.status(.blocked), to: "1.2", stamp: colleague) }
    for _ in 0..<20 {
      runtime.tick()
      runtime.settle()
    }
    _ = runtime.handle(.key(.char("u")))
    runtime.finishSaving()
    let saved = try store.load().plan
    XCTAssertEqual(saved.item(id: "1.1")?.status, .notStarted, "undone")
    XCTAssertEqual(saved.item(id: "1.3")?.status, .notStarted, "undone")
    XCTAssertEqual(saved.item(id: "1.2")?.status, .blocked, "the colleague's change stays")
    let message = runtime.state.message ?? ""
    XCTAssertTrue(message.contains("2/3"), message)
    XCTAssertTrue(message.contains("1.2") && message.contains("李科员"), message)
    // Redo brings back only what the undo changed.
    _ = runtime.handle(.key(.ctrl("r")))
    runtime.finishSaving()
    XCTAssertEqual(try store.load().plan.item(id: "1.1")?.status, .inProgress)
  }
}
