import DubanCore
import XCTest

@testable import DubanTUI

/// Every command of the key table, through the reducer.
final class ReducerTests: XCTestCase {
  func testEveryCommandIsBoundAndInHelp() {
    var h = Harness()
    h.press(.char("?"))
    var help = h.text
    for _ in 0..<KeyTable.bindings.count {
      h.press(.down)
      help += h.text
    }
    for command in Command.allCases {
      let binding = KeyTable.binding(command)
      XCTAssertFalse(binding.keys.isEmpty, command.rawValue)
      for key in binding.keys { XCTAssertEqual(KeyTable.command(for: key), command, "\(key)") }
      XCTAssertTrue(help.contains(binding.help(.zh)), "help shows \(command.rawValue)")
    }
  }

  func testMovingAndPanes() {
    var h = Harness()
    XCTAssertEqual(h.state.focus, .tree)
    h.press(.char("j"), .char("j"))
    XCTAssertEqual(h.state.selectedNode.kind, .part(2))
    XCTAssertEqual(h.visibleItems.count, 67)
    h.press(.enter)
    XCTAssertEqual(h.state.focus, .tasks)
    h.press(.down, .down)
    XCTAssertEqual(h.selectedItem?.id, "2.3")
    h.press(.char("G"))
    XCTAssertEqual(h.selectedItem?.id, "2.67")
    h.press(.char("g"))
    XCTAssertEqual(h.selectedItem?.id, "2.1")
    h.press(.pageDown)
    XCTAssertGreaterThan(h.state.taskList.index, 10)
    XCTAssertGreaterThanOrEqual(h.state.taskList.index, h.state.taskList.scroll)
    h.press(.pageUp)
    XCTAssertEqual(h.state.taskList.index, 0)
    h.press(.up)
    XCTAssertEqual(h.state.taskList.index, 0, "stops at the top")
    h.press(.tab)
    XCTAssertEqual(h.state.focus, .units)
    h.press(.tab)
    XCTAssertEqual(h.state.focus, .tree)
    h.press(.backTab)
    XCTAssertEqual(h.state.focus, .units)
    h.press(.char("h"))
    XCTAssertEqual(h.state.focus, .tasks)
    h.press(.escape)
    XCTAssertEqual(h.state.focus, .tree)
  }

  func testEnterOnUnitFiltersItsItemsAndEscClears() {
    var h = Harness()
    h.press(.tab, .down, .tab)  // tasks → 1.2, units: 区财政局 (lead), 区税务局
    XCTAssertEqual(h.selectedUnits.map(\.name), ["区财政局", "区税务局"])
    XCTAssertTrue(h.selectedUnits[0].isLead)
    h.press(.enter)
    XCTAssertEqual(h.state.narrowing.unit, "区财政局")
    XCTAssertEqual(h.state.focus, .tasks)
    XCTAssertEqual(h.visibleItems.count, 7)
    h.press(.escape)
    XCTAssertNil(h.state.narrowing.unit)
    XCTAssertEqual(h.visibleItems.count, 90)
  }

  func testSearchInChineseWithNextAndPrevious() {
    var h = Harness()
    h.press(.char("/"))
    XCTAssertNotNil(h.state.searchEditor)
    h.type("停车")
    XCTAssertEqual(h.selectedItem?.id, "2.39", "incremental: moves as typed")
    XCTAssertTrue(h.text.contains("搜索：停车"))
    h.press(.enter)
    XCTAssertNil(h.state.searchEditor)
    h.press(.char("n"))
    XCTAssertEqual(h.selectedItem?.id, "2.55", "2.40 (停放) does not match")
    h.press(.char("n"))
    XCTAssertEqual(h.selectedItem?.id, "3.12")
    h.press(.char("N"))
    XCTAssertEqual(h.selectedItem?.id, "2.55")
    h.press(.char("/"))
    h.type("区残联")
    XCTAssertEqual(h.selectedItem?.id, "3.17", "unit names are searched too")
    h.press(.escape)
    h.press(.char("/"))
    h.type("不存在的内容")
    XCTAssertTrue(h.state.messageIsError)
  }

  func testSearchLeavesAScopeWithoutMatches() {
    var h = Harness()
    h.press(.down)  // part 一
    h.press(.char("/"))
    h.type("厕所")
    XCTAssertEqual(h.selectedItem?.id, "3.7")
    XCTAssertEqual(h.state.treeList.index, 0)
  }

  func testFilterAndSortCycle() {
    var h = Harness()
    h.press(.tab, .char(" "), .char("+"))  // 1.1 → in progress, 10%
    h.press(.char("f"))
    XCTAssertEqual(h.state.filter, .status(.notStarted))
    XCTAssertEqual(h.visibleItems.count, 89)
    h.press(.char("f"))
    XCTAssertEqual(h.visibleItems.map(\.id), ["1.1"])
    h.press(.char("f"), .char("f"), .char("f"))
    XCTAssertEqual(h.state.filter, .overdue)
    XCTAssertEqual(h.visibleItems.count, 90, "Q1 report (due 4月10日) missing everywhere on 5月1日")
    h.press(.char("f"))
    XCTAssertEqual(h.state.filter, .none)
    h.press(.char("s"))
    XCTAssertEqual(h.state.sort, .progress)
    XCTAssertEqual(h.visibleItems.last?.id, "1.1")
    h.press(.char("s"), .char("s"))
    XCTAssertEqual(h.state.sort, .lead)
    XCTAssertEqual(h.visibleItems.first?.lead.isEmpty, false)
    h.press(.char("s"))
    XCTAssertEqual(h.state.sort, .number)
  }

  func testMarkingEmitsPersistAndUndoRedoKeepHistory() {
    var h = Harness()
    h.press(.tab)
    var effects = h.press(.char(" "))
    XCTAssertEqual(effects.persisted, ["1.1": [.restore(status: .inProgress, progress: 0)]])
    h.press(.char("+"), .char("+"))
    XCTAssertEqual(h.selectedItem?.progress, 20)
    h.press(.char("-"))
    XCTAssertEqual(h.selectedItem?.progress, 10)
    h.press(.char("x"))
    XCTAssertEqual(h.selectedItem?.status, .blocked)
    h.press(.char("x"))
    XCTAssertEqual(h.selectedItem?.status, .inProgress)
    h.press(.char(" "))
    XCTAssertEqual(h.selectedItem?.status, .done)
    XCTAssertEqual(h.selectedItem?.progress, 100)
    let historyBefore = h.selectedItem!.history.count
    effects = h.press(.char("u"))
    // The text and units are in the snapshot too (fixing the plan is undoable); unchanged here.
    let item = h.state.plan.item(id: "1.1")!
    let done = ItemState(
      status: .done, progress: 100, notes: [], reports: [], actuals: [nil], closed: nil, text: item.text,
      lead: item.lead,
      responsible: item.responsible)
    var before = done
    (before.status, before.progress) = (.inProgress, 10)
    XCTAssertEqual(effects.persisted, ["1.1": [.revert(from: done, to: before)]], "undo puts back its own snapshot")
    XCTAssertEqual(h.selectedItem?.status, .inProgress)
    XCTAssertGreaterThan(h.selectedItem!.history.count, historyBefore, "undo adds history")
    h.press(.ctrl("r"))
    XCTAssertEqual(h.selectedItem?.status, .done)
    for _ in 0..<7 { h.press(.char("u")) }
    XCTAssertEqual(h.selectedItem?.status, .notStarted)
    XCTAssertEqual(h.selectedItem?.progress, 0)
    h.press(.char("u"))
    XCTAssertEqual(h.state.message, "没有可撤销的操作")
  }

  func testReportFiledForTheEarliestOverduePeriodThenTheCurrentOne() {
    var h = Harness(today: "2019-06-30")
    h.press(.tab)
    // Q1 (due 4/10) passed without 区发改委's report: r files it first, late.
    let effects = h.press(.char("r"))
    XCTAssertEqual(effects.persisted, ["1.1": [.report(period: "Q1", unit: "区发改委", filed: true, day: "2019-06-30")]])
    XCTAssertTrue(h.text.contains("Q1迟 Q2· Q3· Y·"), h.text)
    // Nothing overdue left: the current period.
    h.press(.char("r"))
    XCTAssertEqual(h.selectedItem?.reports.map(\.period), ["Q1", "Q2"])
    XCTAssertTrue(h.text.contains("Q1迟 Q2✓ Q3· Y·"), h.text)
    h.press(.char("r"))
    XCTAssertEqual(h.selectedItem?.reports.map(\.period), ["Q1"], "r again takes the current marker back")
    h.press(.char("u"))
    XCTAssertEqual(h.selectedItem?.reports.map(\.period), ["Q1", "Q2"])
  }

  func testRFormDefaultsToTheEarliestOverduePeriodAndAsksWhenAmbiguous() {
    var h = Harness(today: "2019-07-15")
    h.press(.tab, .down)  // 1.2, led by 区财政局
    h.press(.char("R"))
    guard case .form(let form) = h.state.overlay else { return XCTFail("no form") }
    XCTAssertEqual(form.kind, .periodReport(itemID: "1.2", period: "Q1", unit: "区财政局"))
    XCTAssertTrue(form.title.contains("第一季度"), form.title)
    h.press(.escape)
    // 2.3: no lead, four units: r asks which (the chooser; Esc files nothing), or the
    // user selects one in the units pane first.
    h.state.taskList.index = h.visibleItems.firstIndex { $0.id == "2.3" }!
    h.press(.char("r"))
    XCTAssertEqual(h.selectedItem?.reports, [])
    guard case .chooser(let chooser) = h.state.overlay else { return XCTFail("no chooser") }
    XCTAssertEqual(chooser.options.map(\.value), ["区商务局", "区经信局", "区科技局", "汉口滨江国际商务区工作专班"])
    h.press(.escape)
    XCTAssertNil(h.state.overlay)
    XCTAssertEqual(h.selectedItem?.reports, [])
    h.press(.tab)
    h.state.unitList.index = h.selectedUnits.firstIndex { $0.name == "区科技局" }!
    let effects = h.press(.char("r"))
    XCTAssertEqual(effects.persisted, ["2.3": [.report(period: "Q1", unit: "区科技局", filed: true, day: "2019-07-15")]])
  }

  func testNoteEditorTakesChineseAndCancels() {
    var h = Harness()
    h.press(.tab, .char("e"))
    guard case .note(let id, _) = h.state.overlay else { return XCTFail("no editor") }
    XCTAssertEqual(id, "1.1")
    h.type("已完成季度统计")
    h.press(.left, .left, .backspace)
    h.type("年")
    let effects = h.press(.enter)
    XCTAssertEqual(effects.persisted, ["1.1": [.note("已完成季年统计")]])
    XCTAssertEqual(h.selectedItem?.notes.last?.text, "已完成季年统计")
    XCTAssertTrue(h.text.contains("最新备注"))
    h.press(.char("e"))
    h.type("不要")
    XCTAssertEqual(h.press(.escape), [])
    XCTAssertNotNil(h.state.overlay, "Esc on typed text asks first")
    XCTAssertEqual(h.press(.escape), [])
    XCTAssertNil(h.state.overlay)
    XCTAssertEqual(h.selectedItem?.notes.count, 1)
    h.press(.char("u"))
    XCTAssertEqual(h.selectedItem?.notes.count, 0, "undo withdraws the note")
  }

  func testExternalEditorEffectAndResult() {
    var h = Harness()
    h.press(.tab)
    XCTAssertEqual(h.press(.char("E")), [.openEditor(itemID: "1.1")])
    let effects = h.send(.externalNote(itemID: "1.1", text: "长备注\n第二行\n"))
    XCTAssertEqual(effects.persisted, ["1.1": [.note("长备注\n第二行")]])
    XCTAssertEqual(h.send(.externalNote(itemID: "1.1", text: nil)), [])
  }

  func testHelpQuitResizeClick() {
    var h = Harness()
    h.press(.char("?"))
    XCTAssertEqual(h.state.overlay, .help)
    h.press(.char("j"))
    XCTAssertEqual(h.state.treeList.index, 0, "keys go to the overlay")
    h.press(.resize(rows: 24, columns: 80))
    XCTAssertEqual(h.state.overlay, .help, "resize keeps the overlay open")
    XCTAssertTrue(h.text.contains("帮助"))
    h.press(.escape)
    XCTAssertNil(h.state.overlay)
    let layout = Layout(rows: 24, columns: 80)
    h.press(.click(row: layout.tasks.row + 4, column: layout.tasks.column + 5))
    XCTAssertEqual(h.state.focus, .tasks)
    XCTAssertEqual(h.selectedItem?.id, "1.4")
    h.press(.click(row: layout.tree.row + 3, column: 3))
    XCTAssertEqual(h.state.selectedNode.kind, .part(2))
    XCTAssertEqual(h.press(.char("q")), [.quit])
    var h2 = Harness()
    XCTAssertEqual(h2.press(.ctrl("c")), [.quit])
  }
}
