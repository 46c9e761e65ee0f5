import Foundation
import XCTest

/// `duban file` again for the same unit and period: what it leaves out it keeps.
final class RefileCommandTests: SeededStoreTestCase {
  @discardableResult
  func duban(_ args: [String], status: Int32 = 0) throws -> DubanBinary.Result {
    let r = try DubanBinary.run(args + ["--store", store, "--today", "2019-07-15"])
    XCTAssertEqual(r.status, status, "\(args): \(r.stderr)")
    return r
  }

  func report(_ id: String) throws -> [String: Any] {
    let items = try XCTUnwrap(DubanBinary.json(try duban(["list", "--json"]).stdout) as? [[String: Any]])
    let item = try XCTUnwrap(items.first { $0["id"] as? String == id })
    return try XCTUnwrap((item["reports"] as? [[String: Any]])?.first { $0["unit"] as? String == "区商务局" })
  }

  func testRefilingKeepsWhatItLeavesOutAndSaysWhatMoved() throws {
    let first = try duban([
      "file", "2.3", "--period", "Q2", "--unit", "区商务局", "--progress", "30", "--done", "初稿", "--problems", "资金不足",
    ])
    XCTAssertTrue(first.stdout.contains("进度 0%→30%"), first.stdout)
    try duban(["file", "2.3", "--period", "Q2", "--unit", "区商务局", "--done", "改写"])
    var r = try report("2.3")
    XCTAssertEqual(r["progressText"] as? String, "改写")
    XCTAssertEqual(r["problems"] as? String, "资金不足")
    XCTAssertEqual(r["progress"] as? Int, 30)
    try duban(["file", "2.3", "--period", "Q2", "--unit", "区商务局", "--problems", ""])
    r = try report("2.3")
    XCTAssertEqual(r["problems"] as? String, "", "an explicit empty value clears")
    XCTAssertEqual(r["progressText"] as? String, "改写")
    // A late Q1 figure is kept in its report; the item stays at its Q2 progress.
    let late = try duban(["file", "2.3", "--period", "Q1", "--unit", "区商务局", "--progress", "5"])
    XCTAssertTrue(late.stdout.contains("；事项进度仍为 30%"), late.stdout)
  }
}
