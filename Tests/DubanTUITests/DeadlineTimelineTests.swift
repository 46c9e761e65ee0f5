import DubanCore
import XCTest

@testable import DubanTUI

/// Deadlines in sight (issue 14, point 7): the task list's deadline column, `d` for an item's
/// deadline, the timeline (`t`) and its form for the plan's dates — all in history, undoable.
final class DeadlineTimelineTests: XCTestCase {
  /// Part 二, the task list focused on 2.2.
  func onItem22(rows: Int = 35, columns: Int = 120, today: String = "2019-05-01") -> Harness {
    var h = Harness(rows: rows, columns: columns, today: today)
    h.press(.char("j"), .char("j"), .enter, .down)
    XCTAssertEqual(h.selectedItem?.id, "2.2")
    return h
  }

  func line(_ h: Harness, containing text: String) -> (row: Int, text: String)? {
    let screen = h.screen
    return (0..<screen.rows).lazy.map { ($0, screen.line($0)) }.first { $0.1.contains(text) }
  }

  func testDeadlineKeyRecordsTheItemsDeadlineAndUndoPutsItBack() throws {
    var h = onItem22()
    h.press(.char("d"))
    guard case .deadline("2.2", _) = h.state.overlay else { return XCTFail("no deadline prompt") }
    h.type("6月30日")
    let effects = h.press(.enter)
    XCTAssertNil(h.state.overlay)
    XCTAssertEqual(h.selectedItem?.deadline, "2019-06-30")
    XCTAssertEqual(h.selectedItem?.history.last?.field, .deadline)
    XCTAssertEqual(effects, [.persist(itemID: "2.2", edits: [.deadline("2019-06-30")], editID: 1)])
    XCTAssertEqual(h.state.message, "2.2 期限 —→2019-06-30")
    // The column shows it in place of the report deadline, not yet close: dim.
    let row = try XCTUnwrap(line(h, containing: "2.2 "))
    XCTAssertTrue(row.text.contains(" 6/30 "), row.text)
    h.press(.char("u"))
    XCTAssertNil(h.selectedItem?.deadline)
    XCTAssertEqual(
      h.effects.last,
      .persist(
        itemID: "2.2",
        edits: [
          .revert(from: h.selectedItem!.state.with(deadline: "2019-06-30"), to: h.selectedItem!.state)
        ], editID: 1))
    h.press(.ctrl("r"))
    XCTAssertEqual(h.selectedItem?.deadline, "2019-06-30")
    // Empty clears it.
    h.press(.char("d"), .backspace, .enter)
    XCTAssertNil(h.selectedItem?.deadline)
  }

  func testABadDayKeepsThePromptAndTheText() {
    var h = onItem22()
    h.press(.char("d"))
    h.type("下周")
    h.press(.enter)
    guard case .deadline(_, let editor) = h.state.overlay else { return XCTFail("prompt closed") }
    XCTAssertEqual(editor.text, "下周")
    XCTAssertTrue(h.state.messageIsError)
    XCTAssertNil(h.selectedItem?.deadline)
  }

  func testTheColumnIsRedWhenPastYellowWhenSoon() throws {
    // On 4/5 Q1 (4/10) is five days ahead: yellow. On 5/1 it has passed unfiled: red.
    for (today, style) in [("2019-04-05", Style.inProgress), ("2019-05-01", .blocked)] {
      let h = onItem22(today: today)
      let row = try XCTUnwrap(line(h, containing: "2.3 "), "2.3: not the selected row")
      let column = try XCTUnwrap(row.text.range(of: "Q1 4/10")).lowerBound
      let at = h.screen.width.width(of: row.text[..<column])
      XCTAssertEqual(h.screen[row.row, at + 4].style, style, today)
    }
  }

  func testTimelineOpensOnTodayAndEscReturnsWhereItWas() {
    var h = onItem22()
    h.press(.char("t"))
    XCTAssertEqual(h.state.view, .timeline)
    let rows = TimelineRow.rows(h.state, h.cache)
    XCTAssertEqual(rows[h.state.timelineList.index].calendarKey, "Q2", "the next deadline after today")
    XCTAssertEqual(rows.map { $0.calendarKey ?? "-" }, ["workPlanDue", "Q1", "-", "Q2", "Q3", "Y"])
    // Q1 on 5/1: 区商务局 and every other reporting unit owes it; none filed.
    let q1 = rows[1]
    XCTAssertGreaterThan(q1.overdue, 0)
    XCTAssertEqual(q1.filed + q1.late, 0)
    h.press(.escape)
    XCTAssertEqual(h.state.view, .dashboard)
    XCTAssertEqual(h.selectedItem?.id, "2.2")
    XCTAssertEqual(h.state.focus, .tasks)
  }

  func testTheCalendarFormMovesAReportDateInHistoryAndUndoable() throws {
    var h = onItem22()
    h.press(.char("t"), .char("d"))  // on Q2, the next deadline
    guard case .form(let form) = h.state.overlay else { return XCTFail("no form") }
    XCTAssertEqual(form.fields[form.focus].key, "Q2")
    h.type("7/12")
    let effects = h.press(.enter)
    XCTAssertNil(h.state.overlay)
    XCTAssertEqual(h.state.plan.calendar.date("Q2"), "2019-07-12")
    XCTAssertEqual(h.state.plan.calendar.history?.last?.user, "王科员")
    XCTAssertEqual(
      effects, [.persistCalendar([CalendarEdit(key: "Q2", from: "2019-07-10", to: "2019-07-12")], editID: 1)])
    XCTAssertTrue(h.text.contains("日期修改记录"), "the timeline lists who changed the dates")
    XCTAssertTrue(h.text.contains("Q2 7/12"), "the title strip follows")
    h.press(.char("u"))
    XCTAssertEqual(h.state.plan.calendar.date("Q2"), "2019-07-10")
    XCTAssertEqual(
      h.effects.last, .persistCalendar([CalendarEdit(key: "Q2", from: "2019-07-12", to: "2019-07-10")], editID: 1))
  }

  func testTheWheelMovesThroughTheTimeline() {
    var h = onItem22()
    h.press(.char("t"))
    let at = h.state.timelineList.index
    h.press(.scrollDown)
    XCTAssertEqual(h.state.timelineList.index, at + 1)
    h.press(.scrollUp, .scrollUp)
    XCTAssertEqual(h.state.timelineList.index, at - 1)
    XCTAssertEqual(h.selectedItem?.id, "2.2", "the hidden task list stays where it was")
    // A click on a deadline's row selects it; the hidden panes do not take the click.
    let screen = h.screen
    let y = (0..<screen.rows).first { screen.line($0).contains("Y 全年") }!
    h.press(.click(row: y, column: 10))
    XCTAssertEqual(TimelineRow.rows(h.state, h.cache)[h.state.timelineList.index].calendarKey, "Y")
    XCTAssertEqual(h.state.focus, .tasks)
  }

  func testTheCalendarFormRefusesOutOfOrderAndStaysOpen() {
    var h = onItem22()
    h.press(.char("t"), .char("d"))
    h.type("10/20")
    h.press(.enter)
    guard case .form(let form) = h.state.overlay else { return XCTFail("form closed") }
    XCTAssertNotNil(form.error)
    XCTAssertEqual(form.fields[form.focus].editor.text, "10/20")
    XCTAssertEqual(h.state.plan.calendar.date("Q2"), "2019-07-10")
    XCTAssertTrue(h.effects.isEmpty)
  }

  func testEnterOnAnItemDeadlineOpensTheItemAndEscComesBack() {
    var h = onItem22()
    h.press(.char("d"))
    h.type("6/30")
    h.press(.enter, .char("t"))
    let rows = TimelineRow.rows(h.state, h.cache)
    let i = rows.firstIndex { if case .items(["2.2"]) = $0.kind { return true } else { return false } }!
    h.state.timelineList.index = i
    h.press(.enter)
    XCTAssertEqual(h.state.view, .dashboard)
    XCTAssertEqual(h.selectedItem?.id, "2.2")
    h.press(.escape)
    XCTAssertEqual(h.state.view, .timeline)
    XCTAssertEqual(h.state.timelineList.index, i)
    // t from the item goes back to the timeline too, without stacking another way back.
    h.press(.enter, .char("t"))
    XCTAssertEqual(h.state.view, .timeline)
    XCTAssertEqual(h.state.timelineList.index, i)
    h.press(.escape)
    XCTAssertEqual(h.state.view, .dashboard)
    XCTAssertTrue(h.state.returnStack.isEmpty)
  }

  func testTimelineFitsEverySize() {
    for (rows, columns) in [(16, 50), (20, 60), (24, 80), (30, 100), (50, 200)] {
      for lang in [Lang.zh, .en] {
        var h = Harness(rows: rows, columns: columns, lang: lang, today: "2019-07-15")
        h.press(.char("t"))
        let screen = h.screen
        for row in 0..<rows { XCTAssertEqual(screen.width.width(of: screen.line(row)), columns, "\(columns)x\(rows)") }
        let lines = h.text.split(separator: "\n").map(String.init)
        let edges = Set(lines.dropFirst(2).dropLast(2).map { columnsOf("│", in: $0) })
        XCTAssertEqual(edges, [[0, columns - 1]], "\(columns)x\(rows) \(lang)")
        XCTAssertTrue(h.text.contains(lang == .zh ? "时间轴" : "Timeline"))
      }
    }
  }

  func testTimelineGoldens() throws {
    for (rows, columns) in [(24, 80), (40, 120)] {
      var h = onItem22(rows: rows, columns: columns, today: "2019-07-15")
      h.press(.char("d"))
      h.type("6/30")
      h.press(.enter, .char("t"))
      for row in 0..<rows { XCTAssertEqual(h.screen.width.width(of: h.screen.line(row)), columns) }
      let lines = h.text.split(separator: "\n").map(String.init)
      let edges = Set(lines.dropFirst(2).dropLast(2).map { columnsOf("│", in: $0) })
      XCTAssertEqual(edges, [[0, columns - 1]], "\(columns)x\(rows)")
      try assertGolden(h.text, "timeline-\(columns)x\(rows).txt")
    }
    var h = onItem22(rows: 24, columns: 80, today: "2019-07-15")
    h.press(.char("t"))
    try assertGolden(h.screen.styleMap(), "timeline-80x24.styles")
    h.state.lang = .en
    try assertGolden(h.text, "timeline-80x24-en.txt")
  }
}

extension ItemState {
  func with(deadline: String?) -> ItemState {
    var s = self
    s.deadline = deadline
    return s
  }
}
