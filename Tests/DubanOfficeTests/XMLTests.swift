import DubanCore
import Foundation
import XCTest

@testable import DubanOffice

final class XMLTests: XCTestCase {
  func testEscapesMarkupAndDropsWhatXML10Forbids() {
    XCTAssertEqual(XML.text("a<b>&c\u{1}\u{1b}[31m\u{FFFE}\t"), "a&lt;b&gt;&amp;c[31m\t")
    XCTAssertEqual(XML.attr("\"x\"\n"), "&quot;x&quot;&#10;")
    XCTAssertEqual(XML.text("区发改委（牵头）"), "区发改委（牵头）")
  }

  func testParsesWhatItWritesBack() throws {
    let hostile = "<b>\u{7}\"&'"
    let doc = XML.header + "<r a=\"\(XML.attr(hostile))\"><t>\(XML.text(hostile))</t></r>"
    let root = try XCTUnwrap(XMLTree(xml: Data(doc.utf8), part: "r.xml").root)
    XCTAssertEqual(root.attr("a"), "<b>\"&'")
    XCTAssertEqual(root.first("t")?.text, "<b>\"&'")
    XCTAssertThrowsError(try XMLTree(xml: Data("<r><t></r>".utf8), part: "r.xml")) {
      XCTAssertEqual(($0 as? OfficeError)?.code, .badPart("r.xml"))
    }
  }
}

final class HostileOfficeTextTests: XCTestCase {
  /// Item text with controls, markup and an XML-forbidden U+FFFE still gives parts that parse,
  /// and reads back without what XML 1.0 forbids.
  func testHostileTextGivesWellFormedParts() throws {
    let hostile = "\u{1b}[31m红</t></c>&amp;<![CDATA[x]]>\u{0}\u{FFFE}\u{202E}"
    let sheet = Workbook.Sheet(
      name: "a[b]:c*?/\\" + String(repeating: "长", count: 40), rows: [[.text(hostile)]], frozenRows: 0)
    XCTAssertEqual(sheet.name.count, 31)
    XCTAssertFalse(sheet.name.contains { "[]:*?/\\".contains($0) })
    let grids = try XLSXFormReader.sheets(try XLSXWriter.data(Workbook(sheets: [sheet])))
    XCTAssertEqual(grids[0].rows[0].cells, ["[31m红</t></c>&amp;<![CDATA[x]]>\u{202E}"])
    let document = DOCXWriter.document(
      WordDocument([.paragraph(hostile), .table(headers: [hostile], rows: [[hostile]])]))
    XCTAssertNoThrow(try XMLTree(xml: Data(document.utf8), part: "word/document.xml"))
  }
}
