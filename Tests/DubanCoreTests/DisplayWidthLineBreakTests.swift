import XCTest

@testable import DubanCore

/// Wrapped Chinese follows the line-breaking rules: the screen never starts a line with 、
/// or ends one with （.
final class DisplayWidthLineBreakTests: XCTestCase {
  let w = DisplayWidth.standard

  func testNoLineStartsWithClosingPunctuation() {
    // 12 columns: six characters a line; the seventh is 、, which may not start a line.
    let lines = w.wrap("推进招商引资、加快项目落地。", columns: 12)
    XCTAssertEqual(lines, ["推进招商引", "资、加快项目", "落地。"])
    for line in lines { XCTAssertFalse(DisplayWidth.noLineStart.contains(line.first!), line) }
    XCTAssertTrue(lines.allSatisfy { w.width(of: $0) <= 12 })
  }

  func testNoLineEndsWithAnOpeningBracket() {
    let lines = w.wrap("推进招商（含引资）落地", columns: 10)
    XCTAssertEqual(lines, ["推进招商", "（含引资）", "落地"])
  }

  func testSeedItemsWrapByTheRules() throws {
    let plan = try DocumentImporter.importFile(at: Fixtures.seedPath).plan
    for item in plan.items {
      for columns in [20, 37, 58] {
        let lines = w.wrap(item.text, columns: columns)
        XCTAssertEqual(lines.joined(), item.text.replacing("\n", with: ""), "nothing lost")
        for line in lines.dropFirst() where !line.isEmpty {
          XCTAssertFalse(DisplayWidth.noLineStart.contains(line.first!), "\(item.id) at \(columns): \(line)")
        }
        XCTAssertTrue(lines.allSatisfy { w.width(of: $0) <= columns })
      }
    }
  }
}
