import DubanCore
import Foundation
import XCTest

@testable import DubanTUI

/// What the review's tests share: the seed's review at a size and language, and keys pressed
/// or text typed into it without a terminal.
class ImportReviewTestCase: XCTestCase {
  let cache = ViewCache()

  func review(_ lang: Lang = .zh, rows: Int = 24, columns: Int = 80) -> ImportReviewState {
    _ = Harness.zone
    return ImportReviewState(
      plan: Harness.seedPlan, document: "seed.txt", lang: lang, today: Day("2019-02-01")!, user: "clerk", rows: rows,
      columns: columns)
  }

  @discardableResult
  func press(_ s: inout ImportReviewState, _ keys: Key...) -> ReviewOutcome {
    var outcome = ReviewOutcome.stay
    for k in keys { outcome = ImportReviewer.reduce(&s, k, now: Harness.now, cache: cache) }
    return outcome
  }

  func type(_ s: inout ImportReviewState, _ text: String) {
    for c in text { press(&s, .char(c)) }
  }

  func select(_ s: inout ImportReviewState, line: Int, kind: ImportWarning.Kind) throws {
    let i = try XCTUnwrap(s.plan.warnings.firstIndex { $0.line == line && $0.kind == kind })
    while s.selected > i { press(&s, .up) }
    while s.selected < i { press(&s, .down) }
  }
}
