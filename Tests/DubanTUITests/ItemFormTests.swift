import DubanCore
import Foundation
import XCTest

@testable import DubanTUI

/// `i` and `v`: fixing an item's text and units in the dashboard.
final class ItemFormTests: XCTestCase {
  /// Part 二's task list on 2.67.
  func on267() -> Harness {
    var h = Harness()
    h.press(.char("j"), .char("j"), .enter, .char("G"))
    XCTAssertEqual(h.selectedItem?.id, "2.67")
    return h
  }

  func form(_ h: Harness) -> Form? {
    if case .form(let f) = h.state.overlay { return f }
    return nil
  }

  func testFixing267InTheFormIsInHistoryAndUndoable() throws {
    var h = on267()
    let original = h.state.plan.item(id: "2.67")!.text
    XCTAssertTrue(h.text.contains("疑 有序推进"), "the flagged item is marked on its row")
    h.press(.char("i"))
    let opened = try XCTUnwrap(form(h))
    XCTAssertEqual(opened.fields.map(\.key), ["text", "lead", "units", "warning"])
    XCTAssertTrue(h.text.contains("疑似混入的广告"), "the form shows the import warning")
    // Cursor to just after 投注, delete the ten characters of 365bet体育投注, type the fix.
    for _ in 0..<18 { h.press(.left) }
    for _ in 0..<10 { h.press(.backspace) }
    h.type("执法监督")
    let effects = h.press(.enter)
    XCTAssertNil(h.state.overlay)
    let item = try XCTUnwrap(h.state.plan.item(id: "2.67"))
    XCTAssertEqual(item.text, "有序推进执法公示、全过程记录等工作,细化、量化行政裁量标准,加大执法监督力度,确保行政权力在法治轨道上运行。")
    XCTAssertEqual(effects.persisted["2.67"], [.text(item.text, was: original)], "checked against what it opened on")
    XCTAssertEqual(item.history.suffix(2).map(\.field), [.text, .reviewed])
    XCTAssertFalse(h.text.contains("疑 有序推进"), "resolved: the mark is gone")
    // The history is at the end of the detail: J scrolls down to it.
    let line = "文本 “…准,加大365bet体育投注力度,确…”→“…准,加大执法监督力度,确…”"
    for _ in 0..<12 where !h.text.contains(line) { h.press(.char("J")) }
    XCTAssertTrue(h.text.contains(line), "history in the detail")
    h.press(.char("u"))
    XCTAssertTrue(h.state.plan.item(id: "2.67")!.text.contains("365bet"), "u puts the text back")
    XCTAssertTrue(h.text.contains("疑 有序推进"), "and the warning is open again")
  }

  func testUnitsByAliasAnUnknownNameKeepsTheFormOpenAndPlusAddsOne() throws {
    var h = on267()
    h.press(.char("i"), .tab)
    h.type("司法局")
    h.press(.tab, .ctrl("u"))
    h.type("区法制")
    h.press(.enter)
    var f = try XCTUnwrap(form(h), "an unknown unit keeps the form open")
    XCTAssertEqual(f.fields[f.focus].key, "units", "on the field at fault")
    XCTAssertTrue(f.error?.contains("“区法制”") == true && f.error?.contains("区法制办") == true, f.error ?? "")
    XCTAssertTrue(h.text.contains("区法制办"))
    for _ in 0..<3 { h.press(.backspace) }
    h.type("法制办、+区执法监督局")
    h.press(.enter)
    XCTAssertNil(h.state.overlay, h.state.message ?? "")
    let item = try XCTUnwrap(h.state.plan.item(id: "2.67"))
    XCTAssertEqual(item.lead, ["区司法局"])
    XCTAssertEqual(item.responsible, ["区法制办", "区执法监督局"])
    XCTAssertNotNil(h.state.plan.unit(named: "区执法监督局"), "the new unit joins the plan")
    f = Form.item(item, warnings: [], lang: .zh)
    XCTAssertEqual(f.value("lead"), "区司法局")
  }

  func testAColleaguesFixWhileTheFormIsOpenIsNotOverwrittenAndTheInputStays() throws {
    var h = on267()
    h.press(.char("i"))
    h.type("。")
    // A colleague's fix arrives from the store while the form is open.
    var doc = h.state.doc
    try doc.plan.apply(
      .text("加大执法监督力度。"), to: "2.67", stamp: Stamp(user: "李科员", time: "2019-05-01T10:30:00+08:00"))
    _ = h.send(.reloaded(doc))
    let effects = h.press(.enter)
    XCTAssertEqual(effects, [])
    let f = try XCTUnwrap(form(h), "the form stays open")
    XCTAssertTrue(f.error?.contains("李科员") == true, f.error ?? "")
    XCTAssertTrue(f.value("text").hasSuffix("运行。。"), "what was typed is still there")
    XCTAssertEqual(h.state.plan.item(id: "2.67")?.text, "加大执法监督力度。")
  }

  func testAUnitsListFollowsAUnitFix() throws {
    var h = on267()
    h.press(.tab)
    let row = try XCTUnwrap(h.selectedUnits.firstIndex { $0.name == "区法制办" })
    h.state.unitList.index = row
    h.press(.enter)
    XCTAssertTrue(h.visibleItems.map(\.id).contains("2.67"), "区法制办's list")
    XCTAssertEqual(h.state.focus, .tasks)
    h.state.taskList.index = try XCTUnwrap(h.visibleItems.firstIndex { $0.id == "2.67" })
    XCTAssertEqual(h.selectedItem?.id, "2.67")
    h.press(.char("i"), .tab, .tab, .ctrl("u"))
    h.type("司法局")
    h.press(.enter)
    XCTAssertFalse(h.visibleItems.map(\.id).contains("2.67"), "no longer 区法制办's")
    h.press(.char("u"))
    XCTAssertTrue(h.visibleItems.map(\.id).contains("2.67"), "undo brings it back: \(h.state.message ?? "")")
  }

  func testVResolvesWithoutAChangeAndAgainReopens() {
    var h = on267()
    h.press(.char("v"))
    XCTAssertNotNil(h.state.plan.item(id: "2.67")?.reviewed)
    XCTAssertFalse(h.text.contains("疑 有序推进"))
    h.press(.char("v"))
    XCTAssertNil(h.state.plan.item(id: "2.67")?.reviewed)
    h.press(.char("k"), .char("v"))
    XCTAssertEqual(h.state.message, "2.66 没有导入提示")
    h.press(.char("i"), .enter)
    XCTAssertNil(h.state.overlay)
    XCTAssertEqual(h.state.message, "2.66 没有修改")
  }

  func testItemFormGolden() throws {
    var h = on267()
    h.state.rows = 24
    h.state.columns = 80
    h.press(.char("i"))
    try assertGolden(h.text, "item-form-80x24.txt")
    for row in 0..<24 { XCTAssertEqual(h.screen.width.width(of: h.screen.line(row)), 80) }
    var wide = on267()
    wide.press(.char("i"))
    try assertGolden(wide.text, "item-form-120x35.txt")
  }
}
