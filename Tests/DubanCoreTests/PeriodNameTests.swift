import XCTest

@testable import DubanCore

/// `--period` as people type it: one rule for every command.
final class PeriodNameTests: XCTestCase {
  let seed = PlanCalendar(
    issued: nil, published: nil, workPlanDue: nil,
    periods: [
      ReportPeriod(id: "Q1", name: "第一季度", due: "2019-04-10"),
      ReportPeriod(id: "Q2", name: "第二季度", due: "2019-07-10"),
      ReportPeriod(id: "Q3", name: "第三季度", due: "2019-10-10"),
      ReportPeriod(id: "Y", name: "全年", due: "2019-12-25"),
    ], remarks: [])

  func testQuartersAndTheYearInTheirUsualSpellings() {
    let expected: [(String, String?)] = [
      ("Q1", "Q1"), ("q1", "Q1"), ("Ｑ１", "Q1"), (" q2 ", "Q2"), ("1", "Q1"), ("２", "Q2"), ("一季度", "Q1"),
      ("第一季度", "Q1"), ("第1季度", "Q1"), ("三季度", "Q3"), ("3季", "Q3"), ("全年", "Y"), ("年度", "Y"), ("y", "Y"),
      ("year", "Y"),
      // Not in this plan, or not a period at all.
      ("Q4", nil), ("4", nil), ("四季度", nil), ("5", nil), ("Q12", nil), ("", nil), ("季度", nil), ("H1", nil),
    ]
    for (typed, id) in expected {
      XCTAssertEqual(seed.period(named: typed)?.id, id, typed)
    }
  }

  /// A plan with names of its own (上半年) and a fourth quarter: its names are matched as
  /// written, before any usual spelling.
  func testThePlansOwnNamesAndIDs() {
    var cal = seed
    cal.periods = [
      ReportPeriod(id: "H1", name: "上半年", due: "2019-07-05"), ReportPeriod(id: "Q4", name: "第四季度", due: "2020-01-10"),
      ReportPeriod(id: "2", name: "第二期", due: "2019-09-01"),
    ]
    XCTAssertEqual(cal.period(named: "h1")?.id, "H1")
    XCTAssertEqual(cal.period(named: "上半年")?.id, "H1")
    XCTAssertEqual(cal.period(named: "四季度")?.id, "Q4")
    XCTAssertEqual(cal.period(named: "4")?.id, "Q4")
    XCTAssertEqual(cal.period(named: "2")?.id, "2", "the plan's own id before the quarter it would mean")
    XCTAssertNil(cal.period(named: "Q1"))
    XCTAssertEqual(cal.periodList(.zh), "H1（上半年）、Q4（第四季度）、2（第二期）")
    XCTAssertEqual(cal.periodList(.en), "H1 (上半年), Q4 (第四季度), 2 (第二期)")
  }
}
