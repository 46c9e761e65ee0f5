import DubanCore
import XCTest

@testable import DubanTUI

/// The workload view and targets, through the reducer.
final class WorkloadReducerTests: XCTestCase {
  func testWorkloadViewSortEnterAndGroups() {
    var h = Harness(today: "2019-07-01")
    h.press(.char("w"))
    XCTAssertEqual(h.state.view, .workload)
    XCTAssertEqual(h.workloadRows.first?.load.unit.name, "区城管委", "heaviest weighted load first")
    h.press(.char("s"))
    XCTAssertEqual(h.state.workloadSort, .lead)
    XCTAssertEqual(h.workloadRows.first?.load.lead, 3)
    for _ in 0..<9 { h.press(.char("s")) }
    XCTAssertEqual(h.state.workloadSort, .weighted, "s cycles every column")
    // Expand 各街道 into its assumed members, then collapse it again.
    let groupIndex = h.workloadRows.firstIndex { $0.load.unit.name == "各街道" }!
    h.state.workloadList.index = groupIndex
    h.press(.char("o"))
    let members = h.workloadRows.filter { $0.memberOf == "各街道" }
    XCTAssertEqual(members.count, 14)
    XCTAssertTrue(members.allSatisfy(\.assumed))
    XCTAssertTrue(h.text.contains("（假定）"))
    h.press(.down, .char("o"))
    XCTAssertTrue(h.workloadRows.allSatisfy { $0.memberOf == nil })
    XCTAssertEqual(h.workloadRows[h.state.workloadList.index].load.unit.name, "各街道")
    // Enter lists the unit's items, led ones first; marking works there.
    h.press(.char("g"), .enter)
    XCTAssertEqual(h.state.view, .dashboard)
    XCTAssertEqual(h.state.narrowing.unit, "区城管委")
    let items = h.visibleItems
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
    XCTAssertEqual(h.selectedItem?.id, "2.39")
    h.press(.char("a"))
    guard case .actual(_, let editor) = h.state.overlay else { return XCTFail("no prompt") }
    XCTAssertEqual(editor.text, "道路=", "the first target without an actual")
    h.press(.ctrl("u"))
    h.type("停车泊位=3,000")
    let effects = h.press(.enter)
    XCTAssertEqual(effects.persisted, ["2.39": [.actual(target: "停车泊位", value: 3000)]])
    XCTAssertTrue(h.text.contains("停车泊位 3000/10000个"))
    h.press(.char("u"))
    XCTAssertNil(h.selectedItem?.targets[1].actual)
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
    let item = h.selectedItem!
    XCTAssertEqual(item.reports.first?.progressText, "一季度收入增长6.5%")
    XCTAssertEqual(item.reports.first?.problems, "减税降费影响")
    XCTAssertEqual(item.reports.first?.unit, "区财政局")
    XCTAssertEqual(item.progress, 25)
    XCTAssertEqual(h.state.duty.state(item, on: h.state.today), .filed)
    h.press(.char("u"))
    XCTAssertEqual(h.selectedItem?.reports, [])
    XCTAssertEqual(h.selectedItem?.progress, 0)
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
    XCTAssertEqual(h.selectedItem?.closed?.remark, "数据已核实")
    XCTAssertTrue(h.text.contains("已销号"))
    h.press(.char("+"))
    XCTAssertTrue(h.state.messageIsError, "a closed item is read-only")
    h.press(.char("c"))
    h.type("复核")
    h.press(.enter)
    XCTAssertNil(h.selectedItem?.closed)
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
    h.state.taskList.index = h.visibleItems.firstIndex { $0.id == "2.24" }!
    h.press(.tab)  // units pane: 区城管委, 各街道 [泛]
    h.state.unitList.index = h.selectedUnits.firstIndex { $0.name == "各街道" }!
    XCTAssertEqual(h.selectedUnits[h.state.unitList.index].kind, .group)
    h.press(.enter)
    XCTAssertEqual(h.state.narrowing.unit, "各街道")
    XCTAssertEqual(
      h.visibleItems.map(\.id), ["2.24", "2.36", "2.39", "2.44", "2.59", "3.3", "3.5", "3.8", "3.12"])
    // A street's list holds the items of its groups.
    h.state.restrict(toUnit: "四唯街道")
    XCTAssertEqual(h.visibleItems.count, 15)
  }
}
