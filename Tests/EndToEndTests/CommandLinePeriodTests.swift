import DubanCore
import Foundation
import XCTest

/// Periods as people type them, through the real binary.
extension CommandLineTests {
  func testPeriodsAreTypedAsPeopleSayThem() throws {
    try importSeed()
    // The seed's periods: Q1 第一季度, Q2, Q3, Y 全年.
    for (typed, id) in [("q1", "Q1"), ("一季度", "Q1"), ("第二季度", "Q2"), ("3", "Q3"), ("全年", "Y"), ("Ｑ１", "Q1")] {
      let r = try DubanBinary.run(["file", "2.2", "--period", typed, "--done", "进展", "--store", store])
      XCTAssertEqual(r.status, 0, "\(typed): \(r.stderr)")
      XCTAssertTrue(r.stdout.contains("2.2 \(id) 进展已报送"), "\(typed): \(r.stdout)")
    }
    let report = try DubanBinary.run(["report", "--period", "第一季度", "--store", store, "--today", "2019-04-20"])
    XCTAssertEqual(report.status, 0, report.stderr)
    XCTAssertEqual(
      report.stdout,
      try DubanBinary.run(["report", "--period", "Q1", "--store", store, "--today", "2019-04-20"]).stdout)

    // due: every period owed by 7/20 (Q1, Q2), or the one named.
    func duePeriods(_ extra: [String]) throws -> Set<String> {
      let r = try DubanBinary.run(["due", "--json", "--store", store, "--today", "2019-07-20"] + extra)
      XCTAssertEqual(r.status, 0, r.stderr)
      let units = try XCTUnwrap(DubanBinary.json(r.stdout) as? [[String: Any]])
      return Set(units.flatMap { ($0["overdue"] as? [[String: Any]] ?? []).compactMap { $0["period"] as? String } })
    }
    XCTAssertEqual(try duePeriods([]), ["Q1", "Q2"])
    XCTAssertEqual(try duePeriods(["--period", "二季度"]), ["Q2"])

    let before = try Data(contentsOf: URL(fileURLWithPath: store))
    let q4 = try DubanBinary.run(["file", "2.2", "--period", "Q4", "--store", store])
    XCTAssertEqual(q4.status, 2)
    XCTAssertTrue(q4.stderr.contains("没有期次“Q4”；本方案的期次：Q1（第一季度）、Q2（第二季度）、Q3（第三季度）、Y（全年）"), q4.stderr)
    let en = try DubanBinary.run(["report", "--period", "H1", "--store", store, "--lang", "en"])
    XCTAssertEqual(en.status, 2)
    XCTAssertTrue(en.stderr.contains("no period “H1”; this plan has: Q1 (第一季度), Q2"), en.stderr)
    let empty = try DubanBinary.run(["file", "2.2", "--period", " ", "--store", store])
    XCTAssertEqual(empty.status, 2)
    XCTAssertTrue(empty.stderr.contains("--period 须是期次"), empty.stderr)
    XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: store)), before, "refusals write nothing")
    let help = try DubanBinary.run(["file", "--help"])
    XCTAssertTrue(help.stdout.contains("一季度"), help.stdout)
  }
}
