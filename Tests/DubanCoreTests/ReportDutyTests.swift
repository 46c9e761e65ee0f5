import XCTest

@testable import DubanCore

/// Who owes what on the seed, hand-checked against the document: reports due 4/10 (Q1),
/// 7/10 (Q2), 10/10 (Q3), 12/25 (Y); 各街道 and 相关街道 stand (assumed) for the 14 streets.
///
/// The story: 2.2 (lead 区商务局) gets a Q1 report from the co-unit 区发改委 only; on 2.3 (no
/// lead: 区商务局、区经信局、区科技局、专班) 区商务局 files Q1 on time and 区经信局 late, on
/// 4/15; 1.1 (区发改委 alone) is marked done on 7/15; 1.2 (区财政局) is done on 4/10, the Q1
/// deadline; 四唯街道 files Q1 for 2.24 (区城管委、各街道) on 4/10.
final class ReportDutyTests: XCTestCase {
  var doc: StoreDocument!
  var duty: ReportDuty { doc.duty }

  override func setUpWithError() throws {
    var plan = try Fixtures.seedPlan()
    func edit(_ id: String, _ body: (inout Item) -> Void) {
      let i = plan.items.firstIndex { $0.id == id }!
      body(&plan.items[i])
    }
    edit("2.2") { $0.reports = [ReportFiling(period: "Q1", filed: "2019-04-09", user: "a", unit: "区发改委")] }
    edit("2.3") {
      $0.reports = [
        ReportFiling(period: "Q1", filed: "2019-04-08", user: "a", unit: "区商务局"),
        ReportFiling(period: "Q1", filed: "2019-04-15", user: "a", unit: "区经信局"),
      ]
    }
    edit("1.1") {
      $0.status = .done
      $0.progress = 100
      $0.history = [
        Change(time: "2019-07-15T10:00:00+08:00", user: "a", field: .status, before: "not_started", after: "done")
      ]
    }
    edit("1.2") {
      $0.status = .done
      $0.progress = 100
      $0.history = [
        Change(time: "2019-04-10T17:30:00+08:00", user: "a", field: .status, before: "in_progress", after: "done")
      ]
    }
    edit("2.24") { $0.reports = [ReportFiling(period: "Q1", filed: "2019-04-10", user: "a", unit: "四唯街道")] }
    doc = StoreDocument(plan: plan)
  }

  func item(_ id: String) -> Item { doc.plan.item(id: id)! }
  func owes(_ id: String, _ unit: String, _ day: String) -> [String] {
    duty.overdue(item(id), unit: unit, on: Day(day)!).map(\.id)
  }

  func testWhoOwesWhatOnTheThreeDays() {
    // 2.2: only the lead files; the co-unit's report does not clear it.
    XCTAssertEqual(duty.reporters(of: item("2.2")), ["区商务局"])
    XCTAssertEqual(owes("2.2", "区商务局", "2019-04-11"), ["Q1"])
    XCTAssertEqual(owes("2.2", "区商务局", "2019-07-15"), ["Q1", "Q2"])
    XCTAssertEqual(owes("2.2", "区商务局", "2019-12-31"), ["Q1", "Q2", "Q3", "Y"])
    // 2.3: every unit files for itself.
    XCTAssertEqual(owes("2.3", "区商务局", "2019-04-11"), [])
    XCTAssertEqual(owes("2.3", "区经信局", "2019-04-11"), ["Q1"], "not filed yet on 4/11")
    XCTAssertEqual(owes("2.3", "区科技局", "2019-04-11"), ["Q1"])
    XCTAssertEqual(owes("2.3", "区经信局", "2019-07-15"), ["Q2"], "filed late: no longer owed")
    XCTAssertEqual(owes("2.3", "区科技局", "2019-07-15"), ["Q1", "Q2"])
    XCTAssertEqual(owes("2.3", "区商务局", "2019-12-31"), ["Q2", "Q3", "Y"])
    let q1 = duty.calendar.periods[0]
    XCTAssertEqual(
      duty.standing(item("2.3"), unit: "区经信局", period: q1.period, due: q1.due, on: Day("2019-07-15")!, doneSince: nil),
      .late)
    // 1.1 done on 7/15: Q1 and Q2 stay owed; Q3 and Y are waived.
    XCTAssertEqual(owes("1.1", "区发改委", "2019-07-15"), ["Q1", "Q2"])
    XCTAssertEqual(owes("1.1", "区发改委", "2019-12-31"), ["Q1", "Q2"])
    // 1.2 done on the Q1 deadline itself: nothing owed.
    XCTAssertEqual(owes("1.2", "区财政局", "2019-04-11"), [])
    XCTAssertEqual(owes("1.2", "区财政局", "2019-12-31"), [])
    // 2.24: no lead; 区城管委 and each street file; 四唯街道 filed Q1 for itself only.
    XCTAssertEqual(owes("2.24", "四唯街道", "2019-04-11"), [])
    XCTAssertEqual(owes("2.24", "永清街道", "2019-04-11"), ["Q1"])
    XCTAssertEqual(owes("2.24", "区城管委", "2019-04-11"), ["Q1"])
    XCTAssertEqual(owes("2.24", "四唯街道", "2019-12-31"), ["Q2", "Q3", "Y"])
  }

  func testItemStateFromEveryReportingUnit() {
    // After the last deadline the current period is Y.
    var late = item("2.3")
    for u in ["区商务局", "区经信局", "区科技局", "汉口滨江国际商务区工作专班"] {
      late.reports.append(
        ReportFiling(period: "Y", filed: u == "区科技局" ? "2019-12-28" : "2019-12-20", user: "a", unit: u))
    }
    XCTAssertEqual(duty.state(late, on: Day("2019-12-31")!), .late, "all filed, one after 12/25")
    late.reports.removeLast()
    XCTAssertEqual(duty.state(late, on: Day("2019-12-31")!), .overdue, "one unit has not filed")
    XCTAssertEqual(duty.state(item("1.1"), on: Day("2019-12-31")!), .filed, "done before Y's deadline: waived")
    XCTAssertFalse(duty.hasOverdue(item("1.2"), on: Day("2019-12-31")!))
    XCTAssertTrue(duty.hasOverdue(item("1.1"), on: Day("2019-12-31")!), "Q1 and Q2 are still owed")
  }

  func testUnitsLoadAndDueCountsOnTheThreeDays() {
    func load(_ unit: String, _ day: String) -> UnitLoad {
      doc.plan.workload(settings: doc.settings, today: Day(day)!).first { $0.unit.name == unit }!
    }
    // 四唯街道: named by 2.9 only; 14 items via 各街道 / 相关街道 (2.13 2.24 2.36 2.37 2.39 2.42
    // 2.44 2.59 3.3 3.4 3.5 3.6 3.8 3.12). It files for the five with no lead: 2.13 2.24
    // 2.36 2.37 2.59 — and filed Q1 for 2.24.
    let s = load("四唯街道", "2019-04-11")
    XCTAssertEqual([s.total, s.viaGroup, s.lead], [15, 14, 0])
    XCTAssertEqual(s.reportsOverdue, 4)
    XCTAssertEqual(load("四唯街道", "2019-07-15").reportsOverdue, 9)
    XCTAssertEqual(load("四唯街道", "2019-12-31").reportsOverdue, 19)
    XCTAssertEqual(load("永清街道", "2019-12-31").reportsOverdue, 20)
    XCTAssertEqual(
      doc.plan.items(unit: "四唯街道", settings: doc.settings).map(\.id),
      [
        "2.9", "2.13", "2.24", "2.36", "2.37", "2.39", "2.42", "2.44", "2.59", "3.3", "3.4", "3.5", "3.6", "3.8",
        "3.12",
      ])
  }

  func testBulletinCreditsExactlyTheUnitsThatFiled() {
    func line(_ unit: String, _ period: String, _ day: String) -> Bulletin.UnitLine {
      Bulletin(doc, period: period, today: Day(day)!).units.first { $0.unit == unit }!
    }
    // Q1 as of 7/15. 区经信局: 2.3 late. 区发改委: 1.1 missing (done only on 7/15); its
    // Q1 report on 2.2 is a co-unit's and counts for nobody's duty.
    XCTAssertEqual(line("区经信局", "Q1", "2019-07-15").filedLate, 1)
    let commerce = line("区商务局", "Q1", "2019-07-15")
    XCTAssertEqual(commerce.filedOnTime, 1, "2.3")
    XCTAssertGreaterThanOrEqual(commerce.missing, 1, "2.2 is the lead's to file")
    let finance = line("区财政局", "Q1", "2019-07-15")
    XCTAssertEqual(finance.filedOnTime + finance.filedLate, 0)
    let sw = line("四唯街道", "Q1", "2019-07-15")
    XCTAssertEqual([sw.filedOnTime, sw.filedLate, sw.missing], [1, 0, 4])
    XCTAssertEqual(sw.joined, 15)
  }
}
