import DubanCore
import XCTest

@testable import DubanTUI

/// Whole states compared: what an action must leave alone, it leaves alone — every field,
/// not just the ones a test thought of.
final class StateEqualityTests: XCTestCase {
  func testActionsThatChangeNothingLeaveAnEqualState() {
    var h = Harness()
    h.press(.tab, .char("j"))
    let moved = h.state
    h.press(.char("k"), .char("k"), .char("k"), .char("j"))  // up past the top, and back
    assertEqualStates(h.state, moved, "moved back")
    for action: Action in [
      .key(.resize(rows: 35, columns: 120)),  // the size it has
      .storeNotice(.lockTaken(file: "/tmp/plan.json")),  // no wait was shown
      .saved(document: nil, refused: [], edited: []),  // nothing was pending
      .key(.click(row: 0, column: 0)),  // the title bar
      .reloaded(h.state.doc),  // the same document, read again
    ] {
      _ = h.send(action)
      assertEqualStates(h.state, moved, "\(action)")
    }
    XCTAssertNotEqual(h.state.revision, moved.revision, "a reload is a new document for the cache")
    XCTAssertEqual(h.selectedItem?.id, ViewCache().selectedItem(moved)?.id)
  }

  /// Undo after a mark puts everything back: only the undo stacks, the status line and the
  /// item's history (which records the mark and its undoing) tell the two states apart.
  func testUndoAfterAMarkReturnsTheStateBefore() throws {
    var h = Harness()
    h.press(.tab, .char("j"))
    let before = h.state
    let id = try XCTUnwrap(h.selectedItem?.id)
    h.press(.char(" "), .char("+"))
    let marked = h.state
    XCTAssertNotEqual(marked, before)
    XCTAssertEqual(differingFields(marked, before), ["doc", "message", "saveState", "undoStack", "lastEditID"])
    h.press(.char("u"), .char("u"))
    var undone = h.state
    XCTAssertEqual(undone.redoStack.count, 2)
    XCTAssertTrue(undone.undoStack.isEmpty)
    let i = try XCTUnwrap(undone.plan.items.firstIndex { $0.id == id })
    XCTAssertEqual(undone.plan.items[i].history.count, before.plan.items[i].history.count + 4)
    undone.redoStack = before.redoStack
    undone.message = before.message
    undone.lastEditID = before.lastEditID
    undone.saveState = before.saveState  // no runtime here: the saves stay in flight
    undone.doc.plan.items[i].history = before.plan.items[i].history
    assertEqualStates(undone, before, "undone")

    // And redo goes forward to the marked state, by the same measure.
    h.press(.ctrl("r"), .ctrl("r"))
    var redone = h.state
    XCTAssertEqual(redone.undoStack, marked.undoStack)
    redone.message = marked.message
    redone.redoStack = marked.redoStack
    redone.doc.plan.items[i].history = marked.plan.items[i].history
    assertEqualStates(redone, marked, "redone")
  }
}

/// The names of the state's fields that differ (for a failure message a person can read:
/// a whole state printed is thousands of lines). The revision stamp is left out, as `==` does.
func differingFields(_ a: AppState, _ b: AppState) -> [String] {
  zip(Mirror(reflecting: a).children, Mirror(reflecting: b).children).compactMap { x, y in
    x.label == "stamp" || String(reflecting: x.value) == String(reflecting: y.value) ? nil : x.label ?? "?"
  }
}

func assertEqualStates(
  _ a: AppState, _ b: AppState, _ message: String, file: StaticString = #filePath, line: UInt = #line
) {
  if a != b { XCTFail("\(message): differ in \(differingFields(a, b))", file: file, line: line) }
}
