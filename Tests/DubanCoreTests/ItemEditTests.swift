import XCTest

@testable import DubanCore

final class ItemEditTests: XCTestCase {
  let stamp = Stamp(user: "王科员", time: "2019-05-01T09:00:00+08:00")

  func testStatusProgressAndHistory() throws {
    var plan = try Fixtures.seedPlan()
    try plan.apply(.progress(30), to: "2.1", stamp: stamp)
    XCTAssertEqual(plan.item(id: "2.1")?.status, .inProgress, "first progress starts the item")
    try plan.apply(.status(.done), to: "2.1", stamp: stamp)
    XCTAssertEqual(plan.item(id: "2.1")?.progress, 100, "已完成 means 100%")
    try plan.apply(.progress(90), to: "2.1", stamp: stamp)
    XCTAssertEqual(plan.item(id: "2.1")?.status, .inProgress)
    try plan.apply(.note("已召开推进会"), to: "2.1", stamp: stamp)
    let item = try XCTUnwrap(plan.item(id: "2.1"))
    XCTAssertEqual(item.notes.map(\.text), ["已召开推进会"])
    XCTAssertEqual(
      item.history.map { "\($0.field.stored):\($0.before)→\($0.after)" },
      [
        "progress:0→30", "status:not_started→in_progress", "status:in_progress→done", "progress:30→100",
        "progress:100→90", "status:done→in_progress", "note:→已召开推进会",
      ])
    XCTAssertTrue(item.history.allSatisfy { $0.user == "王科员" && $0.time == stamp.time })
  }

  func testRejectsBadEdits() throws {
    var plan = try Fixtures.seedPlan()
    XCTAssertThrowsError(try plan.apply(.progress(101), to: "2.1", stamp: stamp))
    XCTAssertThrowsError(try plan.apply(.progress(-1), to: "2.1", stamp: stamp))
    XCTAssertThrowsError(try plan.apply(.status(.done), to: "9.9", stamp: stamp))
    XCTAssertThrowsError(try plan.apply(.note("  "), to: "2.1", stamp: stamp))
    XCTAssertEqual(plan, try Fixtures.seedPlan(), "a refused edit changes nothing")
  }

  func testStatusFromUserText() {
    XCTAssertEqual(Status(userText: "推进中"), .inProgress)
    XCTAssertEqual(Status(userText: "in-progress"), .inProgress)
    XCTAssertEqual(Status(userText: "DONE"), .done)
    XCTAssertEqual(Status(userText: "滞后"), .blocked)
    XCTAssertNil(Status(userText: "maybe"))
  }

  func testWorkloadCounts() throws {
    let loads = Dictionary(uniqueKeysWithValues: try Fixtures.seedPlan().workload().map { ($0.unit.name, $0) })
    XCTAssertEqual(loads["区发改委"].map { [$0.lead, $0.responsible, $0.total] }, [2, 12, 14])
    XCTAssertEqual(loads["区商务局"].map { [$0.lead, $0.responsible, $0.total] }, [1, 5, 6])
    XCTAssertEqual(loads["各街道"].map { [$0.lead, $0.responsible, $0.total] }, [0, 9, 9])
  }
}
