import XCTest

@testable import DubanTUI

/// X's format question: a letter it does not take keeps it open, so the next letter
/// chooses a format instead of editing the item under the cursor.
final class ExportChooserKeyTests: XCTestCase {
  func testAMistypedLetterKeepsTheFormatQuestionOpen() {
    var h = Harness()
    h.press(.tab)
    let before = h.selectedItem
    h.press(.char("X"))
    XCTAssertEqual(h.press(.char("e")), [], "e is no format")
    XCTAssertEqual(h.state.overlay, .exportFormat(.bulletin), "the question stays open")
    XCTAssertTrue(h.state.messageIsError)
    XCTAssertEqual(h.press(.char("x")), [.exportAs(.bulletin, .xlsx)], "x now chooses Excel")
    XCTAssertNil(h.state.overlay)
    XCTAssertEqual(h.selectedItem, before, "x did not mark the item 滞后")
  }

  func testAWorkPlansQuestionStaysOpenAfterWordIsRefusedAndAnotherLetter() {
    var h = Harness()
    h.press(.char("w"))
    h.press(.char("X"))
    XCTAssertEqual(h.press(.char("d")), [])
    XCTAssertEqual(h.press(.char("X")), [], "a second X is no format either")
    guard case .exportFormat(.sheet) = h.state.overlay else { return XCTFail("still asking") }
    XCTAssertEqual(h.press(.escape), [])
    XCTAssertNil(h.state.overlay, "Esc still cancels")
  }
}
