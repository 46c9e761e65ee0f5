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
