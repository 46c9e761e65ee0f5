import DubanCore
import Foundation
import XCTest

@testable import DubanTUI

/// Issue 11: every edit lands on the item the user sees, nothing typed is lost, undo never
/// overwrites a colleague. Through the reducer (Harness) and the runtime on a real store.
final class TrustReducerTests: XCTestCase {
  func testSortedListMarksTheSameItemThreeTimes() {
    var h = Harness()
    h.press(.tab, .char("s"))  // sort by progress: 1.1 is last, every item at 0%
    XCTAssertEqual(h.state.sort, .progress)
    h.press(.char("G"))
    let id = h.selectedItem!.id
    h.press(.char("+"), .char("+"), .char("+"))
    XCTAssertEqual(h.selectedItem?.id, id, "the selection follows the item it marked")
    XCTAssertEqual(h.state.plan.item(id: id)?.progress, 30)
    XCTAssertEqual(h.state.plan.items.filter { $0.progress > 0 }.map(\.id), [id], "no other item was touched")
  }

  func testWorkloadSortKeepsTheUnit() {
    var h = Harness(today: "2019-07-01")
    h.press(.char("w"), .down, .down)
    let unit = h.workloadRows[h.state.workloadList.index].load.unit.name
    h.press(.char("s"))
    XCTAssertEqual(h.workloadRows[h.state.workloadList.index].load.unit.name, unit)
  }

  func testRAfterRKeepsTheWrittenReport() {
    var h = Harness(today: "2019-04-08")
    h.press(.tab, .down, .char("R"))  // 1.2, 区财政局's Q1 report
    h.type("一季度收入增长6.5%")
    h.press(.enter)
    XCTAssertEqual(h.selectedItem?.reports.first?.progressText, "一季度收入增长6.5%")
    // r cannot remove a written report: it says so and changes nothing.
    XCTAssertEqual(h.press(.char("r")), [])
    XCTAssertEqual(h.selectedItem?.reports.count, 1)
    XCTAssertTrue(h.state.message?.contains("W") == true, h.state.message ?? "")
    // W shows the text and asks; anything but y keeps it.
    h.press(.char("W"))
    guard case .confirm(.withdrawReport(_, let report)) = h.state.overlay else { return XCTFail("no question") }
    XCTAssertEqual(report.progressText, "一季度收入增长6.5%")
    XCTAssertTrue(h.text.contains("一季度收入增长6.5%"), "the text is shown before it goes")
    h.press(.char("n"))
    XCTAssertEqual(h.selectedItem?.reports.count, 1)
    h.press(.char("W"), .char("y"))
    XCTAssertEqual(h.selectedItem?.reports, [])
    h.press(.char("u"))
    XCTAssertEqual(h.selectedItem?.reports.first?.progressText, "一季度收入增长6.5%", "undo restores the text")
  }

  func testRTogglesOnlyItsOwnMarker() {
    var h = Harness(today: "2019-04-08")
    h.press(.tab, .down)
    h.press(.char("r"))  // 1.2's lead, 区财政局, as R would file
    XCTAssertEqual(h.selectedItem?.reports.map(\.isBare), [true])
    XCTAssertEqual(h.selectedItem?.reports.first?.unit, "区财政局")
    h.press(.char("r"))
    XCTAssertEqual(h.selectedItem?.reports, [], "a second r takes its marker back")
    h.press(.char("r"), .char("R"))
    h.type("已报")
    h.press(.enter)
    XCTAssertEqual(h.selectedItem?.reports.map(\.progressText), ["已报"], "the written report replaces the marker")
    XCTAssertEqual(h.press(.char("r")), [], "and r leaves it alone")
    XCTAssertEqual(h.selectedItem?.reports.map(\.progressText), ["已报"])
  }

  func testUndoRestoresReportTextExactly() {
    var h = Harness(today: "2019-04-08")
    h.press(.tab, .down, .char("R"))
    h.type("第一版")
    h.press(.enter, .char("R"))
    guard case .form(let form) = h.state.overlay else { return XCTFail("no form") }
    XCTAssertTrue(form.fields[form.focus].editor.selected, "a prefilled value is selected")
    h.type("第二版")  // replaces the selected text
    h.press(.enter)
    XCTAssertEqual(h.selectedItem?.reports.first?.progressText, "第二版")
    h.press(.char("u"))
    XCTAssertEqual(h.selectedItem?.reports.first?.progressText, "第一版")
    h.press(.ctrl("r"))
    XCTAssertEqual(h.selectedItem?.reports.first?.progressText, "第二版")
  }

  func testFormsKeepTheirInput() {
    var h = Harness(today: "2019-04-08")
    h.press(.tab, .down, .char("R"))
    h.type("进展")
    h.press(.tab)
    h.type("问题")
    h.press(.tab, .tab)
    h.type("4050")  // replaces the prefilled 0, but 4050 is no percentage
    XCTAssertEqual(h.press(.enter), [])
    guard case .form(var form) = h.state.overlay else { return XCTFail("the form closed") }
    XCTAssertEqual(form.fields[form.focus].key, "progress")
    XCTAssertEqual(form.value("progressText"), "进展", "nothing typed is lost")
    XCTAssertTrue(h.text.contains("进度必须是 0–100 的整数"), "the reason beside the field")
    // Full-width digits from a Chinese IME are digits.
    h.press(.ctrl("u"))
    h.type("３０")
    h.press(.enter)
    XCTAssertNil(h.state.overlay)
    XCTAssertEqual(h.selectedItem?.progress, 30)
    // Esc on a changed form asks first; another key goes back to the form.
    h.press(.char("R"))
    h.type("新的")
    h.press(.escape)
    guard case .form(let asking) = h.state.overlay, asking.askingToDiscard else { return XCTFail("did not ask") }
    XCTAssertTrue(h.text.contains("放弃所有修改"))
    h.press(.char("k"))
    guard case .form(let kept) = h.state.overlay else { return XCTFail("discarded without asking") }
    form = kept
    XCTAssertEqual(form.value("progressText"), "新的k", "the key after the question goes on editing")
    h.press(.escape, .escape)
    XCTAssertNil(h.state.overlay, "a second Esc discards")
    // An unchanged form closes on the first Esc.
    h.press(.char("R"), .escape)
    XCTAssertNil(h.state.overlay)
  }

  func testFullWidthEqualsInTheActualPrompt() {
    var h = Harness()
    h.press(.char("/"))
    h.type("停车泊位")
    h.press(.enter, .char("a"), .ctrl("u"))
    h.type("停车泊位＝２５００")
    h.press(.enter)
    XCTAssertEqual(h.selectedItem?.targets.first { $0.name == "停车泊位" }?.actual, 2500)
  }

  func testClosedItemSaysSoBeforeAnyEditorOpens() {
    var h = Harness()
    h.press(.tab, .char(" "), .char(" "), .char("c"))
    h.type("核实")
    h.press(.enter)
    XCTAssertNotNil(h.selectedItem?.closed)
    for key in ["e", "R", "a", "E", "r", "+", " "] {
      h.state.message = nil
      XCTAssertEqual(h.press(.char(Character(key))), [], key)
      XCTAssertNil(h.state.overlay, "\(key) opens nothing on a closed item")
      XCTAssertTrue(h.state.message?.contains("销号") == true, "\(key): \(h.state.message ?? "")")
    }
  }

  func testStatusKeysKeepWhatTheyDoNotChange() {
    var h = Harness()
    h.press(.tab, .char("+"), .char("+"), .char("+"), .char("+"))  // 40%, 推进中
    h.press(.char(" "))  // → 已完成 100%
    XCTAssertEqual(h.selectedItem?.status, .done)
    h.press(.char(" "))  // from 已完成: back to the 40% it had
    XCTAssertEqual(h.selectedItem?.status, .inProgress)
    XCTAssertEqual(h.selectedItem?.progress, 40)
    // x toggles back to the status it replaced.
    h.press(.char(" "), .char("x"))
    XCTAssertEqual(h.selectedItem?.status, .blocked)
    h.press(.char("x"))
    XCTAssertEqual(h.selectedItem?.status, .done)
    XCTAssertEqual(h.press(.char("+")), [], "+ at 100% changes nothing")
    XCTAssertTrue(h.state.message?.contains("100%") == true)
    var h2 = Harness()
    h2.press(.tab)
    XCTAssertEqual(h2.press(.char("-")), [])
    XCTAssertTrue(h2.state.message?.contains("0%") == true)
  }

  func testHistoryIsTypedAndShownInLocalTime() {
    var h = Harness()
    h.press(.tab, .char("+"))
    let change = h.selectedItem!.history.last!
    XCTAssertEqual(change.field, .progress)
    XCTAssertEqual(change.summary(.zh), "进度 0%→10%")
    XCTAssertEqual(change.summary(.en), "progress 0%→10%")
    // Stored with its offset; shown in the reader's zone (the harness pins UTC+8).
    XCTAssertEqual(Timestamp.display("2019-05-01T01:00:00Z"), "2019-05-01 09:00")
    XCTAssertEqual(Timestamp.display("2019-04-30T20:00:00-05:00"), "2019-05-01 09:00")
    XCTAssertEqual(HistoryField("actual:停车泊位"), .actual("停车泊位"))
    XCTAssertEqual(HistoryField("workPlan:区商务局").stored, "workPlan:区商务局")
  }
}

extension TrustReducerTests {
  func testRFilesForTheSelectedUnitAndWPointsToR() {
    var h = Harness(today: "2019-10-05")
    // 2.2: 区商务局 leads, 区发改委 joins. The co-unit files a written report.
    h.press(.char("/"))
    h.type("聚焦前沿")
    h.press(.enter)
    XCTAssertEqual(h.selectedItem?.id, "2.2")
    h.press(.tab)  // units pane
    let units = h.selectedUnits.map(\.name)
    h.state.unitList.index = units.firstIndex(of: "区发改委")!
    h.press(.char("R"))
    h.type("配合推进")
    h.press(.enter)
    // The lead's r is its own marker, whatever the co-unit wrote.
    h.state.unitList.index = h.selectedUnits.firstIndex { $0.name == "区商务局" }!
    h.press(.char("r"))
    let reports = h.selectedItem!.reports
    XCTAssertEqual(Set(reports.map { $0.unit ?? "—" }), ["区发改委", "区商务局"])
    XCTAssertTrue(reports.first { $0.unit == "区商务局" }!.isBare)
    // W on the lead (only a marker) points to r; on the co-unit it offers its report.
    h.press(.char("W"))
    XCTAssertNil(h.state.overlay)
    XCTAssertTrue(h.state.message?.contains("按 r 撤回") == true, h.state.message ?? "")
    h.state.unitList.index = h.selectedUnits.firstIndex { $0.name == "区发改委" }!
    h.press(.char("W"))
    guard case .confirm(.withdrawReport(_, let report)) = h.state.overlay else { return XCTFail("no question") }
    XCTAssertEqual(report.unit, "区发改委")
  }

  func testPromptsAskBeforeDiscardingTypedText() {
    var h = Harness()
    h.press(.tab, .char("e"))
    h.type("半句话")
    h.press(.escape)
    XCTAssertNotNil(h.state.overlay, "asks first")
    XCTAssertTrue(h.text.contains("放弃所输入的内容"))
    h.press(.char("。"))  // goes on editing, and counts
    guard case .note(_, let editor) = h.state.overlay else { return XCTFail("closed") }
    XCTAssertEqual(editor.text, "半句话。")
    XCTAssertTrue(h.text.contains("Enter 保存 · Esc 取消"), "the status line shows the prompt's keys")
    h.press(.escape, .escape)
    XCTAssertNil(h.state.overlay)
    // The a prompt's prefilled name is selected: typing replaces it.
    h.press(.char("/"))
    h.type("停车泊位")
    h.press(.enter, .char("a"))
    h.type("停车泊位=100")
    h.press(.enter)
    XCTAssertEqual(h.selectedItem?.targets.first { $0.name == "停车泊位" }?.actual, 100)
    // An untouched prompt closes at once.
    h.press(.char("a"), .escape)
    XCTAssertNil(h.state.overlay)
  }

  func testUndoNamesWhatItUndidAndShowsTheItem() {
    var h = Harness()
    h.press(.tab, .char("+"), .down, .down)
    h.press(.char("u"))
    XCTAssertEqual(h.state.message, "已撤销：1.1 状态 未开始→推进中，进度 0%→10%")
    XCTAssertEqual(h.selectedItem?.id, "1.1", "the selection goes to the item undo changed")
  }
}
