import XCTest

@testable import DubanCore

/// Which deadline the task list shows, how typed days are read, and how the item's and the
/// calendar's dates are edited, recorded and undone. On the seed: reports due 4/10 (Q1),
/// 7/10 (Q2), 10/10 (Q3), 12/25 (Y); dueSoonDays 7.
final class DeadlineTests: XCTestCase {
  var plan: Plan!
  var duty: ReportDuty { StoreDocument(plan: plan).duty }
  let stamp = Stamp(user: "李科员", time: "2019-05-01T09:00:00+08:00")

  override func setUpWithError() throws {
    plan = try Fixtures.seedPlan()
  }

  func item(_ id: String) -> Item { plan.item(id: id)! }

  func sight(_ id: String, _ today: String) -> DeadlineInSight? {
    DeadlineInSight.of(item(id), duty: duty, on: Day(today)!)
  }

  func testTheItemsOwnDeadlineFirstWhileNotDone() throws {
    try plan.apply(.deadline("2019-06-30"), to: "2.2", stamp: stamp)
    XCTAssertEqual(sight("2.2", "2019-05-01"), DeadlineInSight(day: Day("2019-06-30")!, kind: .item, urgency: .later))
    XCTAssertEqual(sight("2.2", "2019-06-25")?.urgency, .soon, "5 days ahead, within dueSoonDays")
    XCTAssertEqual(sight("2.2", "2019-07-01")?.urgency, .past)
    // Done: the item's deadline no longer matters; the overdue Q1 report still does.
    try plan.apply(.status(.done), to: "2.2", stamp: stamp)
    XCTAssertEqual(
      sight("2.2", "2019-07-01"), DeadlineInSight(day: Day("2019-04-10")!, kind: .report("Q1"), urgency: .past))
  }

  func testElseTheNextReportTheItemOwes() throws {
    // 2.2 is reported by 区商务局 alone. Before Q1: Q1, not yet soon; a week before: soon.
    XCTAssertEqual(
      sight("2.2", "2019-03-01"), DeadlineInSight(day: Day("2019-04-10")!, kind: .report("Q1"), urgency: .later))
    XCTAssertEqual(sight("2.2", "2019-04-03")?.urgency, .soon)
    // After Q1 without a report: Q1, past (the overdue one comes before the next).
    XCTAssertEqual(
      sight("2.2", "2019-05-01"), DeadlineInSight(day: Day("2019-04-10")!, kind: .report("Q1"), urgency: .past))
    // Filed (late): the next one is Q2.
    try plan.apply(.report(period: "Q1", unit: "区商务局", filed: true, day: "2019-04-20"), to: "2.2", stamp: stamp)
    XCTAssertEqual(
      sight("2.2", "2019-05-01"), DeadlineInSight(day: Day("2019-07-10")!, kind: .report("Q2"), urgency: .later))
  }

  func testNothingAheadForADoneItemWithEveryReportInOrWaived() throws {
    let i = plan.itemIndex(id: "1.2")!
    plan.items[i].status = .done
    plan.items[i].progress = 100
    plan.items[i].history = [
      Change(time: "2019-03-01T10:00:00+08:00", user: "a", field: .status, before: "in_progress", after: "done")
    ]
    XCTAssertNil(sight("1.2", "2019-05-01"), "done before Q1: every period waived")
  }

  func testTypedDays() {
    let cases: [(String, String?)] = [
      ("2019-06-30", "2019-06-30"), ("6/30", "2019-06-30"), ("6-30", "2019-06-30"), ("6月30日", "2019-06-30"),
      ("2019年6月30日", "2019-06-30"), ("2019/6/30", "2019-06-30"), ("2019.6.30", "2019-06-30"), ("６／３０", "2019-06-30"),
      (" 7/1 ", "2019-07-01"), ("2020-01-15", "2020-01-15"), ("2/30", nil), ("明天", nil), ("30", nil), ("6/30/1", nil),
      ("", nil), ("13/1", nil),
    ]
    for (text, expected) in cases {
      XCTAssertEqual(UserInput.day(text, year: 2019)?.description, expected, text)
    }
  }

  func testAnItemsDeadlineIsRecordedAndUndoneOnlyWhereUnchanged() throws {
    let before = item("2.2").state
    let changes = try plan.apply(.deadline("2019-06-30"), to: "2.2", stamp: stamp)
    XCTAssertEqual(changes.map(\.field), [.deadline])
    XCTAssertEqual(changes.first?.summary(.zh), "期限 —→2019-06-30")
    XCTAssertEqual(item("2.2").deadline, "2019-06-30")
    XCTAssertEqual(try plan.apply(.deadline("2019-06-30"), to: "2.2", stamp: stamp), [], "no change, no history")
    XCTAssertThrowsError(try plan.apply(.deadline("2019-6-30"), to: "2.2", stamp: stamp), "only the stored form")
    let after = item("2.2").state
    // A colleague moves it meanwhile: undo refuses, naming them.
    var other = plan!
    try other.apply(.deadline("2019-09-30"), to: "2.2", stamp: Stamp(user: "张科员", time: "2019-05-02T09:00:00+08:00"))
    XCTAssertThrowsError(try other.apply(.revert(from: after, to: before), to: "2.2", stamp: stamp)) { error in
      XCTAssertTrue((error as! EditError).zh.contains("张科员"), "\(error)")
    }
    // Unchanged: undo clears it again, and says so in history.
    try plan.apply(.revert(from: after, to: before), to: "2.2", stamp: stamp)
    XCTAssertNil(item("2.2").deadline)
    XCTAssertEqual(item("2.2").history.last?.summary(.en), "deadline 2019-06-30→—")
  }

  func testCalendarEditsAreRecordedValidatedAndUndoable() throws {
    let q2 = CalendarEdit(key: "Q2", from: "2019-07-10", to: "2019-07-12")
    let changes = try plan.apply([q2], stamp: stamp)
    XCTAssertEqual(plan.calendar.date("Q2"), "2019-07-12")
    XCTAssertEqual(changes.map(\.field), [.calendar("Q2")])
    XCTAssertEqual(plan.calendar.history?.count, 1)
    XCTAssertEqual(changes.first?.summary(.zh), "Q2报送日期 2019-07-10→2019-07-12")
    // The reporting rule follows the new date: on 7/11 Q2 is not overdue yet.
    XCTAssertEqual(StoreDocument(plan: plan).calendar.current(on: Day("2019-07-11")!)?.id, "Q2")
    // A stale edit (someone moved it since) is refused, naming who.
    XCTAssertThrowsError(try plan.apply([q2], stamp: stamp)) { error in
      XCTAssertTrue((error as! EditError).zh.contains("李科员"), "\(error)")
    }
    // Out of the plan's year, out of order, or no date for a period: refused, nothing changed.
    let before = plan.calendar
    XCTAssertThrowsError(try plan.apply([CalendarEdit(key: "Y", from: "2019-12-25", to: "2020-01-10")], stamp: stamp))
    XCTAssertThrowsError(try plan.apply([CalendarEdit(key: "Q2", from: "2019-07-12", to: "2019-10-20")], stamp: stamp))
    XCTAssertThrowsError(try plan.apply([CalendarEdit(key: "Q1", from: "2019-04-10", to: nil)], stamp: stamp))
    XCTAssertThrowsError(
      try plan.apply(
        [
          CalendarEdit(key: "Q1", from: "2019-04-10", to: "2019-04-12"),
          CalendarEdit(key: "Q9", from: nil, to: "2019-05-01"),
        ],
        stamp: stamp), "all or none")
    XCTAssertEqual(plan.calendar, before)
    // Moving Q2 and Q3 together past each other's old dates is one valid change.
    try plan.apply(
      [
        CalendarEdit(key: "Q3", from: "2019-10-10", to: "2019-10-20"),
        CalendarEdit(key: "Q2", from: "2019-07-12", to: "2019-10-15"),
      ],
      stamp: stamp)
    XCTAssertEqual(plan.calendar.periods.map(\.due), ["2019-04-10", "2019-10-15", "2019-10-20", "2019-12-25"])
    // The work-plan date may be cleared; undo puts it back.
    let clear = CalendarEdit(key: CalendarEdit.workPlanDue, from: "2019-01-28", to: nil)
    try plan.apply([clear], stamp: stamp)
    XCTAssertNil(plan.calendar.workPlanDue)
    try plan.apply([clear.inverse], stamp: stamp)
    XCTAssertEqual(plan.calendar.workPlanDue, "2019-01-28")
    XCTAssertEqual(plan.calendar.history?.count, 5)
  }

  /// A document that printed no dates gives a plan of no known year: its first date sets it
  /// (it was refused as "not a date in 2000", whatever was typed).
  func testAPlanWithoutDatesTakesTheYearOfItsFirstDate() throws {
    plan.calendar.issued = nil
    plan.calendar.workPlanDue = nil
    plan.calendar.periods = []
    try plan.apply([CalendarEdit(key: CalendarEdit.workPlanDue, from: nil, to: "2023-02-10")], stamp: stamp)
    XCTAssertEqual(plan.calendar.workPlanDue, "2023-02-10")
    // Now the plan's year is 2023.
    XCTAssertThrowsError(
      try plan.apply([CalendarEdit(key: CalendarEdit.workPlanDue, from: "2023-02-10", to: "2024-02-10")], stamp: stamp)
    ) { error in XCTAssertTrue((error as! EditError).zh.contains("2023 年内"), "\(error)") }
  }

  func testSearchFindsItemsByAliasAndSectionTitle() throws {
    // 招商局 is an alias of 区商务局: its items are found though the text never says 招商局.
    let byAlias = ItemMatcher("招商局", plan: plan)
    let led = plan.items.filter { $0.lead.contains("区商务局") || $0.responsible.contains("区商务局") }
    XCTAssertFalse(led.isEmpty)
    for item in led { XCTAssertTrue(byAlias.matches(item), item.id) }
    // A section's title finds every item under it.
    let section = try XCTUnwrap(item("2.1").section)
    let bySection = ItemMatcher(String(section.prefix(6)), plan: plan)
    for item in plan.items where item.section == section { XCTAssertTrue(bySection.matches(item), item.id) }
    XCTAssertFalse(ItemMatcher("不存在的词", plan: plan).matches(item("2.1")))
  }
}
