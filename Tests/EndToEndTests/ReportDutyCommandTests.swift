import Foundation
import XCTest

/// Reports per unit through the real binary: who must be named, groups reaching their
/// members, and `due` after one co-unit filed.
final class ReportDutyCommandTests: SeededStoreTestCase {
  @discardableResult
  func duban(_ args: [String], status: Int32 = 0) throws -> DubanBinary.Result {
    let r = try DubanBinary.run(args + ["--store", store])
    XCTAssertEqual(r.status, status, "\(args): \(r.stderr)")
    return r
  }

  func testFileWithoutUnitOnAnAmbiguousItemNamesTheCandidates() throws {
    let before = try Data(contentsOf: URL(fileURLWithPath: store))
    let r = try duban(["file", "2.3", "--today", "2019-07-15"], status: 2)
    for unit in ["区商务局", "区经信局", "区科技局", "汉口滨江国际商务区工作专班"] {
      XCTAssertTrue(r.stderr.contains(unit), r.stderr)
    }
    XCTAssertTrue(r.stderr.contains("--unit"), r.stderr)
    XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: store)), before, "nothing written")
    // One reporting unit: it is used.
    XCTAssertTrue(try duban(["file", "2.2", "--today", "2019-07-15"]).stdout.contains("区商务局"))
  }

  func testListUnitIncludesItemsViaGroups() throws {
    let table = try duban(["list", "--unit", "四唯街道", "--today", "2019-07-15"]).stdout
    let ids = table.split(separator: "\n").dropFirst().map { String($0.split(separator: " ").first ?? "") }
    XCTAssertEqual(
      ids,
      [
        "2.9", "2.13", "2.24", "2.36", "2.37", "2.39", "2.42", "2.44", "2.59", "3.3", "3.4", "3.5", "3.6", "3.8",
        "3.12",
      ])
    XCTAssertTrue(table.contains("经 各街道"), table)
    let json = try XCTUnwrap(
      DubanBinary.json(try duban(["list", "--unit", "四唯街道", "--json"]).stdout) as? [[String: Any]])
    XCTAssertEqual(json.filter { $0["via"] as? String == "各街道" }.count, 9)
    XCTAssertNil(json.first { $0["id"] as? String == "2.9" }?["via"])
  }

  func testDueAfterOneCoUnitFiled() throws {
    // A co-unit of 2.2 files Q1: the lead 区商务局 still owes it, in due and in the bulletin.
    try duban(["file", "2.2", "--unit", "区发改委", "--period", "Q1", "--done", "配合", "--today", "2019-04-09"])
    let due = try XCTUnwrap(
      DubanBinary.json(try duban(["due", "--json", "--today", "2019-07-15"]).stdout) as? [[String: Any]])
    let commerce = try XCTUnwrap(due.first { $0["unit"] as? String == "区商务局" })
    let overdue = (commerce["overdue"] as? [[String: Any]] ?? []).filter { $0["item"] as? String == "2.2" }
    XCTAssertEqual(overdue.compactMap { $0["period"] as? String }, ["Q1", "Q2"])
    // On 2.3 one unit files Q1 late: it is listed as late, the others still owe it.
    try duban(["file", "2.3", "--unit", "区经信局", "--period", "Q1", "--today", "2019-04-15"])
    let after = try XCTUnwrap(
      DubanBinary.json(try duban(["due", "--json", "--today", "2019-07-15"]).stdout) as? [[String: Any]])
    func entries(_ unit: String, _ key: String) -> [String] {
      let u = after.first { $0["unit"] as? String == unit }
      return (u?[key] as? [[String: Any]] ?? []).filter { $0["item"] as? String == "2.3" }.compactMap {
        $0["period"] as? String
      }
    }
    XCTAssertEqual(entries("区经信局", "overdue"), ["Q2"])
    XCTAssertEqual(entries("区经信局", "late"), ["Q1"])
    XCTAssertEqual(entries("区科技局", "overdue"), ["Q1", "Q2"])
    let md = try duban(["report", "--period", "Q1", "--today", "2019-07-15"]).stdout
    XCTAssertTrue(md.contains("区经信局（"), md)
  }
}
