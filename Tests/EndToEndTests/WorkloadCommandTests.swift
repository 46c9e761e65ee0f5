import Foundation
import XCTest

/// Workload, calendar, lights and targets through the real binary.
final class WorkloadCommandTests: SeededStoreTestCase {
  func json(_ args: [String]) throws -> [[String: Any]] {
    let r = try DubanBinary.run(args + ["--store", store, "--json"])
    XCTAssertEqual(r.status, 0, r.stderr)
    return try XCTUnwrap(DubanBinary.json(r.stdout) as? [[String: Any]])
  }

  /// Every unit of the seed: lead, responsible, total and weighted load, against the golden table.
  func testWorkloadUnitByUnit() throws {
    let golden = try String(
      contentsOf: DubanBinary.repoRoot.appendingPathComponent("Tests/EndToEndTests/Golden/seed-units.tsv"),
      encoding: .utf8
    ).split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)
    let units = try json(["units", "--today", "2019-07-01"])
    let actual = units.map { u -> String in
      let w = u["weighted"] as! Double
      return [
        u["name"] as! String, u["kind"] as! String, "\(u["lead"]!)", "\(u["responsible"]!)", "\(u["total"]!)",
        w == w.rounded() ? "\(Int(w))" : "\(w)",
      ].joined(separator: "\t")
    }
    XCTAssertEqual(actual, golden)
    let streets = try XCTUnwrap(units.first { $0["name"] as? String == "各街道" })
    XCTAssertEqual((streets["members"] as? [String])?.count, 14)
    XCTAssertEqual(streets["membersAssumed"] as? Bool, true)
    let ndrc = try XCTUnwrap(units.first { $0["name"] as? String == "区发改委" })
    XCTAssertEqual(ndrc["reportsOverdue"] as? Int, 13)
    XCTAssertEqual((ndrc["lights"] as? [String: Int])?["red"], 14)
    XCTAssertEqual((ndrc["statuses"] as? [String: Int])?["not_started"], 14)
  }

  func testLightsAtChosenDates() throws {
    try DubanBinary.run(["mark", "2.1", "--progress", "40", "--store", store])
    func light(_ today: String) throws -> (String, Int) {
      let item = try XCTUnwrap(try json(["list", "--today", today]).first { $0["id"] as? String == "2.1" })
      return (item["light"] as! String, item["expected"] as! Int)
    }
    XCTAssertEqual(try light("2019-03-01").0, "green", "ahead of schedule early in the year")
    XCTAssertEqual(try light("2019-07-02").0, "yellow", "10 points behind 50%")
    XCTAssertEqual(try light("2019-12-31").0, "red")
    XCTAssertEqual(try light("2019-07-02").1, 50)
    let table = try DubanBinary.run(["list", "--part", "1", "--today", "2019-07-02", "--store", store])
    XCTAssertTrue(table.stdout.contains("序时"), table.stdout)
    XCTAssertTrue(table.stdout.contains("红"))
  }

  func testDueAtChosenDates() throws {
    let before = try json(["due", "--today", "2019-04-05"])
    let ndrcBefore = try XCTUnwrap(before.first { $0["unit"] as? String == "区发改委" })
    XCTAssertEqual((ndrcBefore["dueSoon"] as? [Any])?.count, 13)
    XCTAssertEqual((ndrcBefore["overdue"] as? [Any])?.count, 0)
    XCTAssertNil(before.first { $0["unit"] as? String == "各街道" }, "groups file no reports")

    try DubanBinary.run(["mark", "1.1", "--status", "done", "--store", store])
    let after = try json(["due", "--today", "2019-04-11"])
    let ndrcAfter = try XCTUnwrap(after.first { $0["unit"] as? String == "区发改委" })
    let overdue = try XCTUnwrap(ndrcAfter["overdue"] as? [[String: Any]])
    XCTAssertEqual(overdue.count, 13, "1.1 was marked done after 4/10 (its history says when): Q1 is still owed")
    XCTAssertEqual(overdue.first?["period"] as? String, "Q1")
    XCTAssertEqual(overdue.first?["due"] as? String, "2019-04-10")

    let yearEnd = try DubanBinary.run(["due", "--today", "2019-12-31", "--store", store])
    XCTAssertTrue(yearEnd.stdout.contains("区发改委：逾期"), yearEnd.stdout)
    let early = try DubanBinary.run(["due", "--today", "2019-02-01", "--store", store])
    XCTAssertTrue(early.stdout.contains("没有逾期或即将到期"), early.stdout)
  }

  func testTargetsAndActuals() throws {
    let r = try DubanBinary.run(["mark", "3.12", "--actual", "停车泊位=2500", "--actual", "2=1,200", "--store", store])
    XCTAssertEqual(r.status, 0, r.stderr)
    let item = try XCTUnwrap(try json(["list", "--part", "3"]).first { $0["id"] as? String == "3.12" })
    let targets = try XCTUnwrap(item["targets"] as? [[String: Any]])
    XCTAssertEqual(targets.map { $0["name"] as! String }, ["停车泊位", "充电桩"])
    XCTAssertEqual(targets.map { $0["value"] as! Double }, [10000, 5000])
    XCTAssertEqual(targets.map { $0["actual"] as? Double }, [2500, 1200])
    let bad = try DubanBinary.run(["mark", "3.12", "--actual", "不存在=1", "--store", store])
    XCTAssertEqual(bad.status, 2)
    XCTAssertTrue(bad.stderr.contains("停车泊位"), "names the item's targets: \(bad.stderr)")
  }

  func testGroupMembershipIsEditable() throws {
    let shown = try DubanBinary.run(["group", "各街道", "--store", store])
    XCTAssertTrue(shown.stdout.hasPrefix("各街道（假定）: 四唯街道"), shown.stdout)
    let set = try DubanBinary.run(["group", "相关街道", "--set", "后湖街道、四唯街道", "--store", store])
    XCTAssertEqual(set.status, 0, set.stderr)
    let group = try XCTUnwrap(try json(["units"]).first { $0["name"] as? String == "相关街道" })
    XCTAssertEqual(group["members"] as? [String], ["后湖街道", "四唯街道"])
    XCTAssertEqual(group["membersAssumed"] as? Bool, false)
    let reset = try DubanBinary.run(["group", "相关街道", "--reset", "--store", store])
    XCTAssertTrue(reset.stdout.contains("（假定）"), reset.stdout)
    for bad in [["group", "区发改委"], ["group", "各街道", "--set", "不存在街道"]] {
      let r = try DubanBinary.run(bad + ["--store", store])
      XCTAssertEqual(r.status, 2, "\(bad)")
    }
  }
}
