import DubanCore
import Foundation
import XCTest

@testable import DubanOffice

/// The one .xlsx reader, as importing a plan and collecting a form use it.
final class XLSXReaderTests: XCTestCase {
  /// A workbook by hand: shared strings with a phonetic run, a date format, a number format
  /// with a quoted y (not a date), cells out of Excel's bounds, a merged title.
  func handMade() throws -> [UInt8] {
    let ns = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    return try ZipParts.make([
      (
        "_rels/.rels",
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"r1\" Type=\"\(rel)/officeDocument\" Target=\"book/wb.xml\"/></Relationships>"
      ),
      (
        "book/wb.xml",
        "<workbook \(ns) xmlns:r=\"\(rel)\"><sheets><sheet name=\"任务\" sheetId=\"1\" r:id=\"s1\"/></sheets></workbook>"
      ),
      (
        "book/_rels/wb.xml.rels",
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"s1\" Type=\"\(rel)/worksheet\" Target=\"sheets/one.xml\"/></Relationships>"
      ),
      (
        "book/sharedStrings.xml",
        "<sst \(ns)><si><t>标题</t></si><si><r><t>区</t></r><r><t>发改委</t></r><rPh><t>く</t></rPh></si></sst>"
      ),
      (
        "book/styles.xml",
        "<styleSheet \(ns)><numFmts><numFmt numFmtId=\"164\" formatCode=\"0&quot; yuan&quot;\"/><numFmt numFmtId=\"165\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/></numFmts><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"165\"/><xf numFmtId=\"164\"/><xf numFmtId=\"9\"/></cellXfs></styleSheet>"
      ),
      (
        "book/sheets/one.xml",
        "<worksheet \(ns)><sheetData>"
          + "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"
          + "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t> 1.1 </t></is></c><c r=\"B3\" t=\"s\"><v>1</v></c>"
          + "<c r=\"C3\" s=\"1\"><v>43646</v></c><c r=\"D3\" s=\"2\"><v>30</v></c><c r=\"E3\" s=\"3\"><v>0.25</v></c>"
          + "<c r=\"F3\" t=\"b\"><v>1</v></c><c r=\"XFE3\"><v>9</v></c><c><v>2.50</v></c></row>"
          + "<row r=\"2000000\"><c r=\"A2000000\"><v>1</v></c></row>"
          + "</sheetData><mergeCells><mergeCell ref=\"A1:D1\"/></mergeCells></worksheet>"
      ),
    ])
  }

  func testOneReaderForImportAndForms() throws {
    let bytes = try handMade()
    let sheets = try XLSXReader.sheets(OfficeZip(bytes: bytes))
    XCTAssertEqual(sheets.map(\.name), ["任务"])
    // Import: dense rows from row 1, trimmed, the merged title in every column it covers.
    XCTAssertEqual(sheets[0].rows, [["标题"], [], ["1.1", "区发改委", "2019-06-30", "30", "25%", "TRUE", "2.5"]])
    XCTAssertEqual(sheets[0].merged, [XLSXReader.Merge(r0: 0, c0: 0, r1: 0, c1: 3)])
    XCTAssertEqual(sheets[0].rowsFillingMerged[0], ["标题", "标题", "标题", "标题"])
    // Forms: the rows the sheet stores, by their own numbers, cells as typed.
    let grids = try XLSXFormReader.sheets(bytes)
    XCTAssertEqual(grids.map(\.sheet), ["任务"])
    XCTAssertEqual(grids[0].rows.map(\.number), [1, 3])
    XCTAssertEqual(grids[0].rows[1].cells, [" 1.1 ", "区发改委", "2019-06-30", "30", "25%", "TRUE", "2.5"])
  }

  func testDateFormatCodes() {
    XCTAssertTrue(XLSXValues.isDateCode("yyyy-mm-dd"))
    XCTAssertTrue(XLSXValues.isDateCode("[$-804]yyyy\"年\"m\"月\"d\"日\""))
    XCTAssertFalse(XLSXValues.isDateCode("0\" yuan\""), "a y inside quotes is text")
    XCTAssertFalse(XLSXValues.isDateCode("[Red]0.00"))
    XCTAssertFalse(XLSXValues.isDateCode("General"))
  }

  /// The same refusals on both paths: a message for import, a code for collecting.
  func testRefusalsOnBothPaths() throws {
    let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504)
    XCTAssertThrowsError(try OfficeZip(bytes: ole)) { XCTAssertTrue("\($0)".contains("password-protected"), "\($0)") }
    XCTAssertThrowsError(try XLSXFormReader.sheets(ole)) { XCTAssertEqual($0 as? OfficeReadError, .notZip) }
    // A sheet that unpacks past the part limit (Scripts/make-office-fixtures.py).
    let bomb = [UInt8](try Data(contentsOf: Office.fixtures.appendingPathComponent("zip-bomb.xlsx")))
    XCTAssertThrowsError(try XLSXFormReader.sheets(bomb)) { XCTAssertEqual($0 as? OfficeReadError, .tooLarge) }
    XCTAssertThrowsError(try XLSXReader.sheets(OfficeZip(bytes: bomb))) {
      XCTAssertTrue("\($0)".contains("xl/worksheets/sheet1.xml unpacks to more than 64 MiB"), "\($0)")
    }
    let docx = try DOCXWriter.data(WordDocument([.paragraph("不是工作簿")]))
    XCTAssertThrowsError(try XLSXReader.sheets(OfficeZip(bytes: docx))) {
      XCTAssertTrue("\($0)".contains("not an Excel workbook"), "\($0)")
    }
    let broken = try ZipParts.make([("xl/workbook.xml", "<workbook><sheets>")])
    XCTAssertThrowsError(try XLSXFormReader.sheets(broken)) {
      XCTAssertEqual($0 as? OfficeReadError, .badPart("xl/workbook.xml"))
    }
  }
}
