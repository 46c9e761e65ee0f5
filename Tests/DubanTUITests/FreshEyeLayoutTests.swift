import DubanCore
import Foundation
import XCTest

@testable import DubanTUI

/// A fresh-eye tester's layout findings: English split mid-word, `↓ 0 more` at the end of the
/// help, the outline's title cut at 60 columns, bars that did not line up.
final class FreshEyeLayoutTests: XCTestCase {
  let w = DisplayWidth.standard

  func testEnglishWrapsBetweenWordsAndChineseAnywhere() {
    let text = "the value must be a whole number (no change)"
    for columns in 8...30 {
      let lines = w.wrap(text, columns: columns)
      XCTAssertEqual(lines.joined(separator: " "), text, "only spaces are dropped at \(columns)")
      for line in lines {
        XCTAssertLessThanOrEqual(w.width(of: line), columns)
        XCTAssertFalse(line.hasPrefix(" ") || line.hasSuffix(" "), "“\(line)” at \(columns)")
      }
    }
    XCTAssertEqual(w.wrap("must be a whole number", columns: 12), ["must be a", "whole number"])
    // A word longer than the line still breaks; Chinese breaks anywhere, as before.
    XCTAssertEqual(w.wrap("abcdefgh", columns: 3), ["abc", "def", "gh"])
    XCTAssertEqual(w.wrap("区商务局", columns: 3), ["区", "商", "务", "局"])
    // In Chinese text an English word is carried down whole too.
    XCTAssertEqual(w.wrap("输入空格再按 Enter", columns: 14), ["输入空格再按", "Enter"])
  }

  func testTheHelpScrolledToItsEndNeverSaysZeroMore() {
    for lang in [Lang.zh, .en] {
      var h = Harness(rows: 20, columns: 60, lang: lang)
      h.press(.char("?"))
      XCTAssertTrue(h.text.contains(lang.pick("↓ 还有", "more")), "the first page says what is below")
      for _ in 0..<(KeyTable.bindings.count + 20) { h.press(.down) }
      XCTAssertFalse(h.text.contains(lang.pick("还有 0 行", "↓ 0 more")), h.text)
      XCTAssertTrue(h.text.contains(lang.pick("状态：未=未开始", "status: - new")), "the legend in its place:\n\(h.text)")
    }
  }

  func testTheNarrowOutlineTitleKeepsItsPosition() {
    var h = Harness(rows: 20, columns: 60, lang: .en)
    h.press(.char("j"))
    XCTAssertTrue(h.screen.line(1).contains("Sect. 2/"), h.screen.line(1))
    let wide = Harness(rows: 20, columns: 120, lang: .en)
    XCTAssertTrue(wide.screen.line(1).contains("Sections 1/"), wide.screen.line(1))
  }

  /// The column where each outline row's bar starts, for the rows that have one.
  func barColumns(_ screen: Screen, rows: Range<Int>) -> [Int] {
    rows.compactMap { row in
      let line = screen.line(row)
      let pane = line.prefix { $0 != "│" || line.first == $0 }.dropFirst()
      guard let bar = pane.firstIndex(where: { "▐░|".contains($0) }) else { return nil }
      return w.width(of: String(line[..<bar]))
    }
  }

  func testOutlineBarsStartInOneColumnWhateverTheCount() {
    let h = Harness(rows: 40, columns: 120)
    let starts = barColumns(h.screen, rows: 2..<28)
    XCTAssertGreaterThan(starts.count, 5, h.text)
    XCTAssertEqual(Set(starts).count, 1, "bars start at \(starts)\n\(h.text)")
    // And the counts end at the border, right-aligned.
    XCTAssertTrue(h.text.contains("0/67│") || h.text.contains("/67│"), h.text)
  }

  func testTimelineBarsAreOneLengthAt60x20() {
    for lang in [Lang.zh, .en] {
      var h = Harness(rows: 20, columns: 60, lang: lang)
      h.press(.char("t"))
      // The deadlines' rows (▲), not the laggards' bars below them.
      let lengths = (0..<20).map { h.screen.line($0) }.filter { $0.contains("▲ ") && $0.contains("/") }
        .map { $0.filter { "█░".contains($0) }.count }.filter { $0 > 0 }
      XCTAssertGreaterThan(lengths.count, 2, h.text)
      XCTAssertEqual(Set(lengths).count, 1, "bar lengths \(lengths)\n\(h.text)")
    }
  }
}

extension FreshEyeLayoutTests {
  /// A form field being typed still breaks anywhere: its cursor is placed by wrapping the text
  /// before it, which must break where the whole text does.
  func testAnEditorsTextBreaksAnywhereSoTheCursorStaysOnIt() {
    XCTAssertEqual(w.wrap("must be a whole number", columns: 12, words: false), ["must be a wh", "ole number"])
    // Wrapping the text before the cursor gives the cursor's line: it must agree with the whole.
    let text = "must be a whole number"
    for end in text.indices {
      let prefix = w.wrap(String(text[..<end]), columns: 12, words: false)
      let whole = w.wrap(text, columns: 12, words: false)
      XCTAssertEqual(prefix.dropLast(), whole.prefix(prefix.count - 1))
    }
  }
}
