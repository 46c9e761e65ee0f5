import Foundation
import XCTest

@testable import DubanCore

final class TextTests: XCTestCase {
  let w = DisplayWidth.standard

  func testWidths() {
    XCTAssertEqual(w.width(of: "abc"), 3)
    XCTAssertEqual(w.width(of: "区商务局"), 8)
    XCTAssertEqual(w.width(of: "（一）"), 6, "full-width brackets are wide")
    XCTAssertEqual(w.width(of: "e\u{301}"), 1, "combining mark adds nothing")
    XCTAssertEqual(w.width(of: "“”…"), 3, "ambiguous: narrow by default")
    XCTAssertEqual(DisplayWidth(ambiguousIsWide: true).width(of: "“”…"), 6)
    XCTAssertEqual(w.width(of: "\u{200B}"), 0)
    XCTAssertEqual(w.width(of: "😀"), 2)
  }

  func testTruncateNeverSplitsAWideCharacter() {
    XCTAssertEqual(w.truncate("区商务局", columns: 5), "区商…")
    XCTAssertEqual(w.truncate("区商务局", columns: 4), "区…")
    XCTAssertEqual(w.truncate("区商务局", columns: 8), "区商务局")
    XCTAssertEqual(w.prefix("a区商", columns: 4).text, "a区")
    XCTAssertEqual(w.pad("区", columns: 3), "区 ")
    XCTAssertEqual(w.pad("区商", columns: 3), "区 ", "cut, then padded to exactly 3")
    for line in w.wrap("推进“一带一路”建设abc，扩大开放", columns: 7) {
      XCTAssertLessThanOrEqual(w.width(of: line), 7)
    }
    XCTAssertEqual(w.wrap("区商务局", columns: 3), ["区", "商", "务", "局"])
  }

  func testTerminalSafe() {
    XCTAssertEqual(TerminalSafe.line("a\u{1B}[31mb"), "a\u{FFFD}[31mb")
    XCTAssertEqual(TerminalSafe.line("x\u{202E}y\u{9B}z"), "x\u{FFFD}y\u{FFFD}z")
    XCTAssertEqual(TerminalSafe.line("a\tb\nc"), "a b c")
    XCTAssertEqual(TerminalSafe.block("a\nb\u{07}"), "a\nb\u{FFFD}")
    XCTAssertEqual(TerminalSafe.line("区商务局"), "区商务局")
  }

  /// The one table of unsafe scalars, every way out (text, CSV, JSON), and what stays.
  func testOutputSafeEveryFormat() throws {
    let unsafe: [Unicode.Scalar] = [
      "\u{00}", "\u{1B}", "\u{7F}", "\u{85}", "\u{9B}", "\u{9D}", "\u{AD}", "\u{061C}", "\u{180E}", "\u{200B}",
      "\u{200C}", "\u{200D}", "\u{200E}", "\u{200F}", "\u{2028}", "\u{2029}", "\u{202A}", "\u{202E}", "\u{2060}",
      "\u{2066}", "\u{2069}", "\u{206F}", "\u{3164}", "\u{FEFF}", "\u{FFF9}", "\u{E0001}", "\u{E0041}",
    ]
    for s in unsafe {
      let text = "区\(Character(s))局"
      XCTAssertTrue(TerminalSafe.isUnsafe(s), "U+\(String(s.value, radix: 16))")
      XCTAssertFalse(TerminalSafe.isClean(text), "U+\(String(s.value, radix: 16)): the byte scan sees it")
      XCTAssertEqual(TerminalSafe.line(text), "区\u{FFFD}局", "U+\(String(s.value, radix: 16))")
      // JSON: escaped, and the same string once parsed.
      let json = TerminalSafe.json(String(decoding: try JSONEncoder().encode([text]), as: UTF8.self))
      XCTAssertFalse(json.unicodeScalars.contains(s), json)
      XCTAssertEqual(try JSONDecoder().decode([String].self, from: Data(json.utf8)), [text])
    }
    // What is legitimate stays, byte for byte, and is not even copied.
    for ok in ["区商务局（全角，标点）：“引号”…", "👍🏻 ❤️ 👩‍💻 🏳️‍🌈 🏴󠁧󠁢󠁳󠁣󠁴󠁿", "café Ελλάδα", "e\u{301}"] {
      XCTAssertEqual(TerminalSafe.line(ok), ok)
      XCTAssertEqual(TerminalSafe.json(ok), ok)
    }
    XCTAssertTrue(TerminalSafe.isClean("区商务局（全角）“”…"))
    // A zero-width joiner or a tag outside an emoji is not.
    XCTAssertEqual(TerminalSafe.line("区\u{200D}局👩\u{200D}"), "区\u{FFFD}局👩\u{FFFD}")
    XCTAssertEqual(TerminalSafe.line("a\u{E0067}\u{E007F}"), "a\u{FFFD}\u{FFFD}")
    // Newlines: a line has none, a block keeps them, CSV keeps CRLF row ends only.
    XCTAssertEqual(TerminalSafe.block("a\r\nb\tc\u{1B}"), "a \nb c\u{FFFD}")
    XCTAssertEqual(TerminalSafe.csv("\"a\rb\"\r\n"), "\"a b\"\r\n")
    XCTAssertEqual(ExportFormat.csv.clean("\u{FEFF}\"x\u{9B}\"\r\n"), "\u{FEFF}\"x\u{FFFD}\"\r\n", "our BOM stays")
    // Beyond the BMP, JSON spells a surrogate pair.
    XCTAssertEqual(TerminalSafe.json("\"\u{E0041}\""), "\"\\udb40\\udc41\"")
    let layout = Array("{\n  \"a\" : \"\u{7F}\"\n}".utf8)
    XCTAssertEqual(layout.withUnsafeBytes(TerminalSafe.json), "{\n  \"a\" : \"\\u007f\"\n}")
    XCTAssertNil(Array("{\n  \"a\" : \"区商务局“”\"\n}".utf8).withUnsafeBytes(TerminalSafe.json), "nothing to escape")
    // The byte scan at every offset and length: eight ASCII bytes at a time, then the rest.
    for bad in ["\u{7F}", "\u{1B}", "\u{9B}", "\u{202E}", "\u{E0041}"] {
      for k in 0..<20 {
        let text = String(repeating: "a", count: k) + bad + String(repeating: "区", count: k % 3)
        XCTAssertFalse(TerminalSafe.isClean(text), "\(k) \(bad.unicodeScalars.first!.value)")
      }
    }
    XCTAssertTrue(TerminalSafe.isClean(String(repeating: "abcdefgh区", count: 9)))
    XCTAssertFalse(TerminalSafe.isClean("abcdefgh\nabc"))
    XCTAssertTrue(TerminalSafe.isClean("abcdefgh\nabc", keepingNewlines: true))
  }

  /// The byte scan agrees with the scalar table on random mixtures of ASCII, Chinese,
  /// full-width punctuation, emoji and every kind of unsafe scalar, at every alignment.
  func testByteScanAgreesWithTheTable() {
    let pool: [Unicode.Scalar] = [
      "a", "Z", " ", "\n", "\t", "\u{1B}", "\u{7F}", "\u{80}", "\u{9B}", "\u{A0}", "\u{AD}", "é", "\u{061C}",
      "\u{0627}",
      "\u{115F}", "\u{1E00}", "\u{180E}", "\u{200B}", "\u{200D}", "\u{2014}", "“", "…", "\u{2028}", "\u{202E}",
      "\u{2060}",
      "\u{2066}", "\u{3001}", "\u{3164}", "区", "\u{FEFF}", "\u{FF0C}", "\u{FFA0}", "\u{FFFB}", "\u{FFFD}", "😀",
      "\u{1D173}", "\u{E0041}", "\u{E0100}",
    ]
    var rng = SystemRandomNumberGenerator()
    for _ in 0..<3000 {
      var view = String.UnicodeScalarView()
      for _ in 0..<Int.random(in: 0..<24, using: &rng) {
        view.append(Bool.random(using: &rng) ? "a" : pool.randomElement(using: &rng)!)
      }
      let text = String(view)
      for keep in [false, true] {
        let expected = !text.unicodeScalars.contains { TerminalSafe.isUnsafe($0) && !(keep && $0 == "\n") }
        XCTAssertEqual(TerminalSafe.isClean(text, keepingNewlines: keep), expected, text.debugDescription)
      }
    }
  }

  func testTableAlignsByDisplayWidth() {
    let text = TextTable(headers: ["编号", "单位", "事项"], rows: [["1.1", "区发改委", "甲"], ["2.10", "汉口滨江国际商务区工作专班", "乙"]])
      .render()
    let lines = text.split(separator: "\n").map(String.init)
    let columns = lines.map { line -> Int in
      let prefix = line.prefix(while: { $0 != "甲" && $0 != "乙" && $0 != "事" })
      return w.width(of: prefix)
    }
    XCTAssertEqual(Set(columns).count, 1, "the last column starts at one display column: \(lines)")
  }

  func testDays() {
    XCTAssertEqual(Day("2019-02-29"), nil)
    XCTAssertEqual(Day("2020-02-29")?.description, "2020-02-29")
    XCTAssertEqual(Day("2019-12-31")!.ordinal - Day("2019-01-01")!.ordinal, 364)
    XCTAssertEqual(
      CalendarExtractor.monthDayReadings("111", year: 2019).map(\.description), ["2019-01-11", "2019-11-01"])
    XCTAssertEqual(CalendarExtractor.monthDayReadings("1225", year: 2019).map(\.description), ["2019-12-25"])
    XCTAssertEqual(ChineseNumerals.value("十七"), 17)
    XCTAssertEqual(ChineseNumerals.value("二十"), 20)
  }
}
