import XCTest

@testable import DubanCore

/// The rule `duban mark` (and the dashboard) use to refuse a status and progress that disagree.
final class MarkRequestTests: XCTestCase {
  func check(_ status: Status?, _ progress: Int?, current: Int) -> MarkRequest.Conflict? {
    do {
      try MarkRequest(status: status, progress: progress).check(item: "2.2", currentProgress: current)
      return nil
    } catch {
      return error
    }
  }

  func testContradictionsAreRefused() {
    XCTAssertEqual(check(.done, 50, current: 0), .doneWithProgress(50))
    XCTAssertEqual(check(.notStarted, 30, current: 0), .notStartedWithProgress(30))
    XCTAssertEqual(check(.notStarted, nil, current: 40), .notStartedButItemHasProgress(item: "2.2", progress: 40))
  }

  func testAgreementsPass() {
    XCTAssertNil(check(.done, 100, current: 20))
    XCTAssertNil(check(.done, nil, current: 20))
    XCTAssertNil(check(.notStarted, 0, current: 40), "--progress 0 resets it")
    XCTAssertNil(check(.notStarted, nil, current: 0))
    XCTAssertNil(check(.inProgress, 30, current: 0))
    XCTAssertNil(check(.blocked, 50, current: 10))
    XCTAssertNil(check(nil, 50, current: 10))
  }

  func testMessagesInBothLanguages() {
    let c = MarkRequest.Conflict.notStartedButItemHasProgress(item: "2.2", progress: 40)
    XCTAssertTrue(c.message(.zh).contains("--progress 0"), c.message(.zh))
    XCTAssertTrue(c.message(.zh).contains("未开始"), c.message(.zh))
    XCTAssertEqual(c.description, c.message(.en))
    XCTAssertTrue(c.message(.en).contains("add --progress 0"), c.message(.en))
  }
}
