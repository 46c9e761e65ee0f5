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

  func testTheChaseViewAsksMarkdownOrWordAndKeepsAskingAfterASpreadsheetLetter() {
    var h = Harness(today: "2019-07-15")
    h.press(.char("C"))
    XCTAssertEqual(h.press(.char("X")), [], "X asks first")
    XCTAssertEqual(h.state.overlay, .exportFormat(.chaseNotices(unit: nil)))
    XCTAssertTrue(h.text.contains("m Markdown · d Word"), h.text)
    XCTAssertFalse(h.text.contains("x Excel"), "a notice is a letter: no spreadsheet offered")
    XCTAssertTrue(h.text.contains("m/d 选择格式"), h.text)
    for letter in ["x", "c", "e"] {
      XCTAssertEqual(h.press(.char(Character(letter))), [], "\(letter) is no notice format")
      XCTAssertEqual(h.state.overlay, .exportFormat(.chaseNotices(unit: nil)), "the question stays open")
      XCTAssertTrue(h.state.messageIsError)
    }
    XCTAssertEqual(h.press(.char("d")), [.exportAs(.chaseNotices(unit: nil), .docx)])
    XCTAssertNil(h.state.overlay)
    XCTAssertEqual(h.state.view, .chase, "still in the chase view")
    h.press(.char("X"))
    XCTAssertEqual(h.press(.enter), [.export(.chaseNotices(unit: nil))], "Enter is Markdown, as in the dashboard")
  }
}
