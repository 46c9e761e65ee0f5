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
    let tree = try XCTUnwrap(XMLNode.parse(Array(doc.utf8)))
    XCTAssertEqual(tree.attributes["a"], "<b>\"&'")
    XCTAssertEqual(tree.first("t")?.text, "<b>\"&'")
    XCTAssertNil(XMLNode.parse(Array("<r><t></r>".utf8)))
  }
}
