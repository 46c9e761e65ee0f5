import DubanCore
import DubanTUI

/// The review after import on the terminal: read a key → `ImportReviewer.reduce` → draw.
/// Nothing is saved here: `duban import` writes the store when the review says so.
public enum ReviewLoop {
  /// Returns the review's outcome, or `.abandon` with the signal that ended it.
  public static func run(
    _ state: inout ImportReviewState, on terminal: Terminal, clock: () -> String
  ) -> (outcome: ReviewOutcome, signal: Int32) {
    let cache = ViewCache()
    terminal.draw(ImportReviewView.render(state))
    while true {
      let signal = terminal.takeSignal()
      if signal != 0 { return (.abandon, signal) }
      guard let key = terminal.readKey() else { continue }
      let outcome = ImportReviewer.reduce(&state, key, now: clock(), cache: cache)
      if outcome != .stay { return (outcome, 0) }
      terminal.draw(ImportReviewView.render(state))
    }
  }
}
