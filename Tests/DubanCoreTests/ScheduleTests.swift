import XCTest

@testable import DubanCore

/// 序时进度, traffic lights, the reporting calendar and targets, at chosen dates.
final class ScheduleTests: XCTestCase {
  var plan: Plan!

  override func setUpWithError() throws { plan = try Fixtures.seedPlan() }

  func schedule(_ day: String, _ settings: Settings = Settings()) -> Schedule {
    Schedule(plan: plan, settings: settings, today: Day(day)!)
  }

  func testExpectedProgressFromTimeElapsed() {
    let item = plan.item(id: "2.1")!
    XCTAssertEqual(schedule("2019-01-01").expected(item), 0)
    XCTAssertEqual(schedule("2019-07-02").expected(item), 50)
    XCTAssertEqual(schedule("2019-12-31").expected(item), 100)
    XCTAssertEqual(schedule("2018-06-01").expected(item), 0, "before the plan's year")
    var own = item
    own.deadline = "2019-06-30"
    XCTAssertEqual(schedule("2019-04-01").expected(own), 50, "up to the item's own deadline")
  }

  func testLights() {
    var item = plan.item(id: "2.1")!
    let s = schedule("2019-07-02")  // expected 50
    item.progress = 45
    XCTAssertEqual(s.light(item), .green, "5 behind")
    item.progress = 40
    XCTAssertEqual(s.light(item), .yellow, "10 behind")
    item.progress = 20
    XCTAssertEqual(s.light(item), .yellow, "30 behind")
    item.progress = 19
    XCTAssertEqual(s.light(item), .red, "31 behind")
    item.progress = 90
    item.status = .blocked
    XCTAssertEqual(s.light(item), .red, "滞后 is red whatever the progress")
    item.status = .done
    XCTAssertEqual(s.light(item), .green)
    var late = plan.item(id: "2.2")!
    late.deadline = "2019-05-01"
    late.progress = 99
    XCTAssertEqual(s.light(late), .red, "past its deadline and not done")
    let strict = schedule("2019-07-02", Settings(yellowBehind: 5, redBehind: 15))
    item.status = .inProgress
    item.progress = 40
    XCTAssertEqual(strict.light(item), .yellow)
    item.progress = 30
    XCTAssertEqual(strict.light(item), .red, "thresholds come from the settings")
  }

  func testReportingCalendarAtChosenDates() {
    let duty = ReportDuty(plan: plan, settings: Settings())
    let cal = duty.calendar
    var item = plan.item(id: "1.2")!  // led by 区财政局
    let unit = "区财政局"
    // Before the first deadline: Q1 due within 7 days.
    XCTAssertEqual(cal.current(on: Day("2019-04-05")!)?.id, "Q1")
    XCTAssertEqual(duty.state(item, on: Day("2019-04-05")!), .dueSoon)
    XCTAssertEqual(duty.state(item, on: Day("2019-03-01")!), .open)
    XCTAssertEqual(duty.overdue(item, unit: unit, on: Day("2019-04-10")!).map(\.id), [], "due today is not overdue")
    // The day after: Q1 overdue; the current period is Q2.
    XCTAssertEqual(duty.overdue(item, unit: unit, on: Day("2019-04-11")!).map(\.id), ["Q1"])
    XCTAssertEqual(cal.current(on: Day("2019-04-11")!)?.id, "Q2")
    // Year end: every period passed.
    XCTAssertEqual(duty.overdue(item, unit: unit, on: Day("2019-12-31")!).map(\.id), ["Q1", "Q2", "Q3", "Y"])
    XCTAssertEqual(duty.state(item, on: Day("2019-12-31")!), .overdue)
    // A bare marker without a unit (older stores) counts for the default reporter.
    item.reports = [ReportFiling(period: "Q1", filed: "2019-04-09", user: "a")]
    XCTAssertEqual(duty.overdue(item, unit: unit, on: Day("2019-12-31")!).map(\.id), ["Q2", "Q3", "Y"])
    item.status = .done
    XCTAssertEqual(duty.overdue(item, unit: unit, on: Day("2019-12-31")!), [], "done, history silent: done all along")
  }

  func testReportersAreLeadsElseResponsibleUnits() {
    let duty = ReportDuty(plan: plan, settings: Settings())
    XCTAssertEqual(duty.reporters(of: plan.item(id: "1.2")!), ["区财政局"])
    let streets = plan.units.filter { $0.kind == .unit && $0.name.hasSuffix("街道") }.map(\.name)
    XCTAssertEqual(duty.reporters(of: plan.item(id: "2.24")!), ["区城管委"] + streets, "each street files for itself")
  }

  func testWorkloadWithLightsAndOverdueReports() {
    let loads = Dictionary(
      uniqueKeysWithValues: plan.workload(settings: Settings(), today: Day("2019-04-11")!).map { ($0.unit.name, $0) })
    let ndrc = loads["区发改委"]!
    XCTAssertEqual([ndrc.lead, ndrc.responsible, ndrc.total], [2, 12, 14])
    XCTAssertEqual(ndrc.weighted, 16)
    XCTAssertEqual(ndrc.statuses[.notStarted], 14)
    XCTAssertEqual(ndrc.reportsOverdue, 13, "files for 13 items (2.8, 2.9 lead; 11 with no lead); 1.x led by others")
    XCTAssertEqual(loads["各街道"]?.reportsOverdue, 0)
    let weighted = plan.workload(settings: Settings(leadWeight: 3, coWeight: 0.5), today: Day("2019-04-11")!)
    XCTAssertEqual(weighted.first { $0.unit.name == "区发改委" }?.weighted, 12)
  }

  func testGroupMembershipDefaultsAreAssumed() {
    let settings = Settings()
    let streets = settings.membership(of: "各街道", in: plan)
    XCTAssertTrue(streets.assumed)
    XCTAssertEqual(streets.members.count, 14)
    XCTAssertTrue(streets.members.allSatisfy { $0.hasSuffix("街道") })
    XCTAssertEqual(settings.membership(of: "相关职能部门", in: plan).members, [])
    let set = Settings(groups: [GroupMembership(group: "各街道", members: ["后湖街道"], assumed: false)])
    XCTAssertEqual(
      set.membership(of: "各街道", in: plan), GroupMembership(group: "各街道", members: ["后湖街道"], assumed: false))
  }

  /// Every item of the seed that states a number, against the reviewed golden table.
  func testTargetsOnEverySeedItemWithANumber() throws {
    let golden = try String(contentsOf: Fixtures.goldenDir.appendingPathComponent("seed-targets.tsv"), encoding: .utf8)
      .split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)
    let actual = plan.items.flatMap { item in
      item.targets.map { t in
        [item.id, t.name, Target.format(t.value), t.unit, t.comparator, t.printed].joined(separator: "\t")
      }
    }
    XCTAssertEqual(actual, golden)
    let ids = Set(plan.items.filter { !$0.targets.isEmpty }.map(\.id))
    for id in ["1.1", "2.39", "3.7", "2.15", "3.16"] { XCTAssertTrue(ids.contains(id), id) }
    XCTAssertNil(plan.item(id: "2.67")!.targets.first, "365bet is no target")
    XCTAssertNil(plan.item(id: "2.9")!.targets.first, "武汉天地A1 is no target")
    XCTAssertEqual(plan.item(id: "3.12")!.targets.map(\.name), ["停车泊位", "充电桩"])
    XCTAssertEqual(plan.item(id: "1.1")!.targets.first?.comparator, "≈")
    XCTAssertEqual(plan.item(id: "2.15")!.targets.first?.comparator, "≥", "不少于20项")
  }

  func testRecordingActuals() throws {
    var plan = self.plan!
    let stamp = Stamp(user: "u", time: "t")
    try plan.apply(.actual(target: "停车泊位", value: 2500), to: "3.12", stamp: stamp)
    try plan.apply(.actual(target: "2", value: 1000), to: "3.12", stamp: stamp)
    XCTAssertEqual(plan.item(id: "3.12")!.targets.map(\.actual), [2500, 1000])
    XCTAssertEqual(plan.item(id: "3.12")!.targets[0].fraction, 0.25)
    XCTAssertThrowsError(try plan.apply(.actual(target: "不存在", value: 1), to: "3.12", stamp: stamp))
    XCTAssertThrowsError(try plan.apply(.actual(target: "1", value: 1), to: "1.5", stamp: stamp))
    XCTAssertEqual(plan.item(id: "3.12")!.history.map(\.field.stored), ["actual:停车泊位", "actual:充电桩"])
  }

  func testStoreWithoutSettingsLoadsDefaults() throws {
    let doc = StoreDocument(plan: plan)
    var text = String(decoding: try Store.encode(doc), as: UTF8.self)
    let range = text.range(of: "\"settings\" : {")!
    let end = text.range(of: "}", range: range.upperBound..<text.endIndex)!
    text.replaceSubrange(range.lowerBound...end.lowerBound, with: "\"nothing\" : {}")
    let loaded = try Store.decode(Data(text.utf8), file: "x.json")
    XCTAssertEqual(loaded.settings, Settings())
  }
}
