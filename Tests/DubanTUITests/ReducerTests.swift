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
    XCTAssertEqual(h.state.visibleItems.count, 67)
    h.press(.enter)
    XCTAssertEqual(h.state.focus, .tasks)
    h.press(.down, .down)
    XCTAssertEqual(h.state.selectedItem?.id, "2.3")
    h.press(.char("G"))
    XCTAssertEqual(h.state.selectedItem?.id, "2.67")
    h.press(.char("g"))
    XCTAssertEqual(h.state.selectedItem?.id, "2.1")
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
    XCTAssertEqual(h.state.selectedUnits.map(\.name), ["区财政局", "区税务局"])
    XCTAssertTrue(h.state.selectedUnits[0].isLead)
    h.press(.enter)
    XCTAssertEqual(h.state.filter, .unit("区财政局"))
    XCTAssertEqual(h.state.focus, .tasks)
    XCTAssertEqual(h.state.visibleItems.count, 7)
    h.press(.escape)
    XCTAssertEqual(h.state.filter, .none)
    XCTAssertEqual(h.state.visibleItems.count, 90)
  }

  func testSearchInChineseWithNextAndPrevious() {
    var h = Harness()
    h.press(.char("/"))
    XCTAssertNotNil(h.state.searchEditor)
    h.type("停车")
    XCTAssertEqual(h.state.selectedItem?.id, "2.39", "incremental: moves as typed")
    XCTAssertTrue(h.text.contains("搜索：停车"))
    h.press(.enter)
    XCTAssertNil(h.state.searchEditor)
    h.press(.char("n"))
    XCTAssertEqual(h.state.selectedItem?.id, "2.55", "2.40 (停放) does not match")
    h.press(.char("n"))
    XCTAssertEqual(h.state.selectedItem?.id, "3.12")
    h.press(.char("N"))
    XCTAssertEqual(h.state.selectedItem?.id, "2.55")
    h.press(.char("/"))
    h.type("区残联")
    XCTAssertEqual(h.state.selectedItem?.id, "3.17", "unit names are searched too")
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
    XCTAssertEqual(h.state.selectedItem?.id, "3.7")
    XCTAssertEqual(h.state.treeList.index, 0)
  }

  func testFilterAndSortCycle() {
    var h = Harness()
    h.press(.tab, .char(" "), .char("+"))  // 1.1 → in progress, 10%
    h.press(.char("f"))
    XCTAssertEqual(h.state.filter, .status(.notStarted))
    XCTAssertEqual(h.state.visibleItems.count, 89)
    h.press(.char("f"))
    XCTAssertEqual(h.state.visibleItems.map(\.id), ["1.1"])
    h.press(.char("f"), .char("f"), .char("f"))
    XCTAssertEqual(h.state.filter, .overdue)
    XCTAssertEqual(h.state.visibleItems.count, 90, "Q1 report (due 4月10日) missing everywhere on 5月1日")
    h.press(.char("f"))
    XCTAssertEqual(h.state.filter, .none)
    h.press(.char("s"))
    XCTAssertEqual(h.state.sort, .progress)
    XCTAssertEqual(h.state.visibleItems.last?.id, "1.1")
    h.press(.char("s"), .char("s"))
    XCTAssertEqual(h.state.sort, .lead)
    XCTAssertEqual(h.state.visibleItems.first?.lead.isEmpty, false)
    h.press(.char("s"))
    XCTAssertEqual(h.state.sort, .number)
  }

  func testMarkingEmitsPersistAndUndoRedoKeepHistory() {
    var h = Harness()
    h.press(.tab)
    var effects = h.press(.char(" "))
    XCTAssertEqual(effects.persisted, ["1.1": [.restore(status: .inProgress, progress: 0)]])
    h.press(.char("+"), .char("+"))
    XCTAssertEqual(h.state.selectedItem?.progress, 20)
    h.press(.char("-"))
    XCTAssertEqual(h.state.selectedItem?.progress, 10)
    h.press(.char("x"))
    XCTAssertEqual(h.state.selectedItem?.status, .blocked)
    h.press(.char("x"))
    XCTAssertEqual(h.state.selectedItem?.status, .inProgress)
    h.press(.char(" "))
    XCTAssertEqual(h.state.selectedItem?.status, .done)
    XCTAssertEqual(h.state.selectedItem?.progress, 100)
    let historyBefore = h.state.selectedItem!.history.count
    effects = h.press(.char("u"))
    let done = ItemState(status: .done, progress: 100, notes: [], reports: [], actuals: [nil], closed: nil)
    let before = ItemState(status: .inProgress, progress: 10, notes: [], reports: [], actuals: [nil], closed: nil)
    XCTAssertEqual(effects.persisted, ["1.1": [.revert(from: done, to: before)]], "undo puts back its own snapshot")
    XCTAssertEqual(h.state.selectedItem?.status, .inProgress)
    XCTAssertGreaterThan(h.state.selectedItem!.history.count, historyBefore, "undo adds history")
    h.press(.ctrl("r"))
    XCTAssertEqual(h.state.selectedItem?.status, .done)
    for _ in 0..<7 { h.press(.char("u")) }
    XCTAssertEqual(h.state.selectedItem?.status, .notStarted)
    XCTAssertEqual(h.state.selectedItem?.progress, 0)
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
    XCTAssertEqual(h.state.selectedItem?.reports.map(\.period), ["Q1", "Q2"])
    XCTAssertTrue(h.text.contains("Q1迟 Q2✓ Q3· Y·"), h.text)
    h.press(.char("r"))
    XCTAssertEqual(h.state.selectedItem?.reports.map(\.period), ["Q1"], "r again takes the current marker back")
    h.press(.char("u"))
    XCTAssertEqual(h.state.selectedItem?.reports.map(\.period), ["Q1", "Q2"])
  }

  func testRFormDefaultsToTheEarliestOverduePeriodAndAsksWhenAmbiguous() {
    var h = Harness(today: "2019-07-15")
    h.press(.tab, .down)  // 1.2, led by 区财政局
    h.press(.char("R"))
    guard case .form(let form) = h.state.overlay else { return XCTFail("no form") }
    XCTAssertEqual(form.kind, .periodReport(itemID: "1.2", period: "Q1", unit: "区财政局"))
    XCTAssertTrue(form.title.contains("第一季度"), form.title)
    h.press(.escape)
    // 2.3: no lead, four units: the user picks one in the units pane first.
    h.state.taskList.index = h.state.visibleItems.firstIndex { $0.id == "2.3" }!
    h.press(.char("r"))
    XCTAssertEqual(h.state.selectedItem?.reports, [])
    XCTAssertTrue(h.state.message?.contains("单位窗格") == true, h.state.message ?? "")
    h.press(.tab)
    h.state.unitList.index = h.state.selectedUnits.firstIndex { $0.name == "区科技局" }!
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
    XCTAssertEqual(h.state.selectedItem?.notes.last?.text, "已完成季年统计")
    XCTAssertTrue(h.text.contains("最新备注"))
    h.press(.char("e"))
    h.type("不要")
    XCTAssertEqual(h.press(.escape), [])
    XCTAssertNotNil(h.state.overlay, "Esc on typed text asks first")
    XCTAssertEqual(h.press(.escape), [])
    XCTAssertNil(h.state.overlay)
    XCTAssertEqual(h.state.selectedItem?.notes.count, 1)
    h.press(.char("u"))
    XCTAssertEqual(h.state.selectedItem?.notes.count, 0, "undo withdraws the note")
  }

  func testExternalEditorEffectAndResult() {
    var h = Harness()
    h.press(.tab)
    XCTAssertEqual(h.press(.char("E")), [.openEditor(itemID: "1.1")])
    let effects = Reducer.reduce(&h.state, .externalNote(itemID: "1.1", text: "长备注\n第二行\n"), now: Harness.now)
    XCTAssertEqual(effects.persisted, ["1.1": [.note("长备注\n第二行")]])
    XCTAssertEqual(Reducer.reduce(&h.state, .externalNote(itemID: "1.1", text: nil), now: Harness.now), [])
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
    XCTAssertEqual(h.state.selectedItem?.id, "1.4")
    h.press(.click(row: layout.tree.row + 3, column: 3))
    XCTAssertEqual(h.state.selectedNode.kind, .part(2))
    XCTAssertEqual(h.press(.char("q")), [.quit])
    var h2 = Harness()
    XCTAssertEqual(h2.press(.ctrl("c")), [.quit])
  }
}

/// The workload view and targets, through the reducer.
final class WorkloadReducerTests: XCTestCase {
  func testWorkloadViewSortEnterAndGroups() {
    var h = Harness(today: "2019-07-01")
    h.press(.char("w"))
    XCTAssertEqual(h.state.view, .workload)
    XCTAssertEqual(h.state.workloadRows.first?.load.unit.name, "区城管委", "heaviest weighted load first")
    h.press(.char("s"))
    XCTAssertEqual(h.state.workloadSort, .lead)
    XCTAssertEqual(h.state.workloadRows.first?.load.lead, 3)
    for _ in 0..<9 { h.press(.char("s")) }
    XCTAssertEqual(h.state.workloadSort, .weighted, "s cycles every column")
    // Expand 各街道 into its assumed members, then collapse it again.
    let groupIndex = h.state.workloadRows.firstIndex { $0.load.unit.name == "各街道" }!
    h.state.workloadList.index = groupIndex
    h.press(.char("o"))
    let members = h.state.workloadRows.filter { $0.memberOf == "各街道" }
    XCTAssertEqual(members.count, 14)
    XCTAssertTrue(members.allSatisfy(\.assumed))
    XCTAssertTrue(h.text.contains("（假定）"))
    h.press(.down, .char("o"))
    XCTAssertTrue(h.state.workloadRows.allSatisfy { $0.memberOf == nil })
    XCTAssertEqual(h.state.workloadRows[h.state.workloadList.index].load.unit.name, "各街道")
    // Enter lists the unit's items, led ones first; marking works there.
    h.press(.char("g"), .enter)
    XCTAssertEqual(h.state.view, .dashboard)
    XCTAssertEqual(h.state.filter, .unit("区城管委"))
    let items = h.state.visibleItems
    XCTAssertEqual(items.count, 17)
    XCTAssertEqual(items.prefix(3).map { $0.lead.contains("区城管委") }, [true, true, true])
    XCTAssertFalse(items[3].lead.contains("区城管委"))
    h.press(.char("+"))
    XCTAssertEqual(h.effects.suffix(1).persisted, [items[0].id: [.step(up: true)]])
    h.press(.char("w"), .char(" "))
    XCTAssertTrue(h.state.message?.contains("任务列表") == true, "no marking from the workload table")
    h.press(.char("w"))
    XCTAssertEqual(h.state.view, .dashboard)
  }

  func testRecordActualPrompt() {
    var h = Harness()
    h.press(.char("/"))
    h.type("停车泊位")
    h.press(.enter)
    XCTAssertEqual(h.state.selectedItem?.id, "2.39")
    h.press(.char("a"))
    guard case .actual(_, let editor) = h.state.overlay else { return XCTFail("no prompt") }
    XCTAssertEqual(editor.text, "道路=", "the first target without an actual")
    h.press(.ctrl("u"))
    h.type("停车泊位=3,000")
    let effects = h.press(.enter)
    XCTAssertEqual(effects.persisted, ["2.39": [.actual(target: "停车泊位", value: 3000)]])
    XCTAssertTrue(h.text.contains("停车泊位 3000/10000个"))
    h.press(.char("u"))
    XCTAssertNil(h.state.selectedItem?.targets[1].actual)
    h.press(.char("a"))
    h.type("abc")
    h.press(.enter)
    XCTAssertTrue(h.state.messageIsError, "not a number")
    XCTAssertNotNil(h.state.overlay, "the prompt stays open with what was typed")
    h.press(.escape)
    h.press(.escape)
    h.press(.char("g"), .down, .down, .down, .down, .char("a"))
    XCTAssertTrue(h.state.message?.contains("没有量化目标") == true, "1.5 states no number")
  }
}

/// Work plan and period report forms, close-out and export, through the reducer.
final class WorkflowReducerTests: XCTestCase {
  func testWorkPlanForm() throws {
    var h = Harness()
    h.press(.tab, .down, .tab)  // 1.2 → units pane: 区财政局
    h.press(.char("p"))
    guard case .form(let form) = h.state.overlay else { return XCTFail("no form") }
    XCTAssertEqual(form.kind, .workPlan(unit: "区财政局", opened: nil))
    XCTAssertEqual(form.fields[form.focus].key, "owner")
    XCTAssertEqual(form.fields.filter { $0.key == "item" }.count, 7, "every item the unit is named on")
    h.type("刘局长")
    h.press(.tab)
    h.type("组织税收分析会")
    h.press(.tab)
    h.type("每季度")
    h.press(.ctrl("n"))
    h.type("编制预算执行报告")
    XCTAssertTrue(h.text.contains("组织税收分析会"))
    XCTAssertNotNil(h.screen.cursor, "the cursor is in the focused field")
    let effects = h.press(.ctrl("s"))
    guard case .persistWorkPlan(let wp, _) = effects.first else { return XCTFail("\(effects)") }
    XCTAssertEqual(wp.owner, "刘局长")
    XCTAssertEqual(wp.items.flatMap(\.rows).map(\.content), ["组织税收分析会", "编制预算执行报告"])
    XCTAssertEqual(wp.items.map(\.item), ["1.2"], "only the item whose rows changed")
    XCTAssertEqual(h.state.doc.workPlan(of: "区财政局")?.rows.count, 2)
    XCTAssertNil(h.state.doc.workPlan(of: "区财政局")?.filed, "six items still without rows")
    // Esc cancels without saving.
    h.press(.char("p"))
    h.type("改")
    XCTAssertEqual(h.press(.escape), [])
    XCTAssertEqual(h.state.doc.workPlan(of: "区财政局")?.owner, "刘局长")
  }

  func testPeriodReportFormAndUndo() {
    var h = Harness(today: "2019-04-08")
    h.press(.tab, .down)  // 1.2, led by 区财政局
    h.press(.char("R"))
    guard case .form(let form) = h.state.overlay else { return XCTFail("no form") }
    XCTAssertEqual(form.kind, .periodReport(itemID: "1.2", period: "Q1", unit: "区财政局"))
    h.type("一季度收入增长6.5%")
    h.press(.tab)
    h.type("减税降费影响")
    h.press(.tab, .tab, .backspace)
    h.type("25")
    let effects = h.press(.enter)
    XCTAssertEqual(effects.count, 1)
    let item = h.state.selectedItem!
    XCTAssertEqual(item.reports.first?.progressText, "一季度收入增长6.5%")
    XCTAssertEqual(item.reports.first?.problems, "减税降费影响")
    XCTAssertEqual(item.reports.first?.unit, "区财政局")
    XCTAssertEqual(item.progress, 25)
    XCTAssertEqual(h.state.duty.state(item, on: h.state.today), .filed)
    h.press(.char("u"))
    XCTAssertEqual(h.state.selectedItem?.reports, [])
    XCTAssertEqual(h.state.selectedItem?.progress, 0)
    h.press(.char("R"))
    h.press(.tab, .tab, .tab)
    h.type("x")
    XCTAssertEqual(h.press(.enter), [])
    guard case .form(let kept) = h.state.overlay else { return XCTFail("a bad field keeps the form open") }
    XCTAssertEqual(kept.fields[kept.focus].key, "progress", "the cursor on the field at fault")
    XCTAssertNotNil(kept.error)
  }

  func testCloseOutReopenAndExport() {
    var h = Harness()
    h.press(.tab, .char("c"))
    XCTAssertTrue(h.state.messageIsError, "only finished items are closed out")
    h.press(.char(" "), .char(" "))  // → done
    h.press(.char("c"))
    h.type("数据已核实")
    h.press(.enter)
    XCTAssertEqual(h.state.selectedItem?.closed?.remark, "数据已核实")
    XCTAssertTrue(h.text.contains("已销号"))
    h.press(.char("+"))
    XCTAssertTrue(h.state.messageIsError, "a closed item is read-only")
    h.press(.char("c"))
    h.type("复核")
    h.press(.enter)
    XCTAssertNil(h.state.selectedItem?.closed)
    XCTAssertEqual(h.press(.char("X")), [])
    XCTAssertEqual(h.state.overlay, .exportFormat(.bulletin), "X asks for the format")
    XCTAssertEqual(h.press(.char("m")), [.export(.bulletin)])
    h.press(.char("w"))
    h.press(.char("X"))
    XCTAssertEqual(h.press(.char("m")), [.export(.sheet(unit: "区城管委"))])
    h.press(.char("X"))
    XCTAssertEqual(h.press(.char("d")), [], "a work plan has no Word format")
    XCTAssertTrue(h.state.messageIsError)
    XCTAssertEqual(h.press(.char("x")), [.exportAs(.sheet(unit: "区城管委"), .xlsx)])
    h.press(.char("w"))
    h.press(.char("X"))
    XCTAssertEqual(h.press(.char("d")), [.exportAs(.bulletin, .docx)])
    h.press(.char("X"))
    XCTAssertEqual(h.press(.escape), [])
    XCTAssertNil(h.state.overlay)
  }
}

final class GroupReducerTests: XCTestCase {
  func testEnterOnAGroupRowListsTheGroupsItemsAndAStreetSeesThemToo() {
    var h = Harness(today: "2019-07-15")
    h.press(.tab)
    h.state.taskList.index = h.state.visibleItems.firstIndex { $0.id == "2.24" }!
    h.press(.tab)  // units pane: 区城管委, 各街道 [泛]
    h.state.unitList.index = h.state.selectedUnits.firstIndex { $0.name == "各街道" }!
    XCTAssertEqual(h.state.selectedUnits[h.state.unitList.index].kind, .group)
    h.press(.enter)
    XCTAssertEqual(h.state.filter, .unit("各街道"))
    XCTAssertEqual(
      h.state.visibleItems.map(\.id), ["2.24", "2.36", "2.39", "2.44", "2.59", "3.3", "3.5", "3.8", "3.12"])
    // A street's list holds the items of its groups.
    h.state.filter = .unit("四唯街道")
    XCTAssertEqual(h.state.visibleItems.count, 15)
  }
}
