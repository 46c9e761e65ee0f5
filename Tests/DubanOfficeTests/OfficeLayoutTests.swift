import DubanCore
import Foundation
import XCTest

@testable import DubanOffice

/// The layout of what duban writes, as LibreOffice reads it (its flat XML: .fodt, .fods):
/// GB/T 9704's page and fonts for the Word documents, widths and heights for the sheets.
/// Skipped where LibreOffice is not installed.
final class OfficeLayoutTests: XCTestCase {
  var doc: StoreDocument!
  var dir: URL!

  override func setUpWithError() throws {
    _ = try Office.requireSoffice()
    doc = try Office.seed()
    dir = try Office.tempDir()
  }

  override func tearDownWithError() throws {
    if let dir { try? FileManager.default.removeItem(at: dir) }
  }

  func flat(_ bytes: [UInt8], _ name: String, _ ext: String) throws -> String {
    let url = dir.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return try String(contentsOf: Office.convert(url, to: ext, ext: ext, in: dir), encoding: .utf8)
  }

  /// Every `attribute="N.NNNin"` in the text, in millimetres.
  func millimetres(_ attribute: String, in text: String) -> [Double] {
    text.matches(of: try! Regex("\(attribute)=\"([0-9.]+)in\"")).compactMap {
      ($0.output[1].substring).flatMap { Double($0) }.map { $0 * 25.4 }
    }
  }

  func testTheBulletinIsAGovernmentDocumentInLibreOffice() throws {
    let b = Bulletin(doc, period: "Q1", today: Day("2019-04-20")!)
    let x = try flat(try DOCXWriter.data(OfficeExports.bulletinDocument(b)), "通报.docx", "fodt")
    XCTAssertEqual(millimetres("fo:page-width", in: x).first ?? 0, 210, accuracy: 0.5, "A4")
    XCTAssertEqual(millimetres("fo:page-height", in: x).first ?? 0, 297, accuracy: 0.5, "A4")
    XCTAssertTrue(millimetres("fo:margin-left", in: x).contains { abs($0 - 28) < 0.3 }, "left margin 28 mm")
    XCTAssertTrue(millimetres("fo:margin-right", in: x).contains { abs($0 - 26) < 0.3 }, "right margin 26 mm")
    for font in ["方正小标宋简体", "仿宋_GB2312", "黑体"] {
      XCTAssertTrue(x.contains("style:font-face style:name=\"\(font)\""), "\(font) named")
    }
    XCTAssertTrue(x.contains("fo:font-size=\"22pt\""), "title 二号")
    XCTAssertTrue(x.contains("fo:font-size=\"16pt\""), "body 三号")
    XCTAssertTrue(x.contains("<text:page-number"), "page numbers in the footer")
    // Every table is as wide as the type area (156 mm) and no wider.
    let tables = millimetres("style:width", in: x).filter { $0 > 10 }
    XCTAssertEqual(tables.count, b.tables.filter { !$0.rows.isEmpty }.count)
    for w in tables { XCTAssertEqual(w, 156, accuracy: 0.5) }
    XCTAssertNil(x.firstMatch(of: /<text:p[^>]*>[^<]*\d{4}-\d{2}-\d{2}/), "no ISO date in the text")
  }

  func testTheNoticesTableGivesItsItemTextTheWidestColumn() throws {
    let u = ChaseList(doc, today: Day("2019-07-15")!, unit: "区商务局").units[0]
    let notice = OfficeExports.chaseNoticeDocument(u, planTitle: doc.plan.title, asOf: Day("2019-07-15")!)
    let x = try flat(try DOCXWriter.data(notice), "催办.docx", "fodt")
    // Table1.A … Table1.E: 编号, 事项, 期次, 截止日期, 情况.
    let columns = x.matches(
      of:
        /style:name="Table1\.([A-E])" style:family="table-column">\s*<style:table-column-properties style:column-width="([0-9.]+)in"/
    ).map { (String($0.output.1), Double($0.output.2)! * 25.4) }
    XCTAssertEqual(columns.map(\.0), ["A", "B", "C", "D", "E"])
    XCTAssertEqual(columns.max { $0.1 < $1.1 }?.0, "B", "事项 is the widest: \(columns)")
    XCTAssertEqual(columns.map(\.1).reduce(0, +), 156, accuracy: 0.5)
  }

  func testTheFormsColumnsAndRowsFitTheirTextInLibreOffice() throws {
    let book = OfficeExports.form(UnitForm(doc, unit: "区发改委", period: doc.plan.calendar.periods[0]))
    let x = try flat(try XLSXWriter.data(book), "表.xlsx", "fods")
    var style: [String: Double] = [:]
    for m in x.matches(
      of:
        /style:name="(co\d+)" style:family="table-column">\s*<style:table-column-properties fo:break-before="auto" style:column-width="([0-9.]+)in"/
    ) {
      style[String(m.output.1)] = Double(m.output.2)! * 25.4
    }
    // The sheet's columns in order (a style repeated over equal columns counts for each).
    var widths: [Double] = []
    for m in x.matches(of: /<table:table-column table:style-name="(co\d+)"(?: table:number-columns-repeated="(\d+)")?/)
    {
      let n = m.output.2.map { Int($0)! } ?? 1
      if n > 100 { break }
      widths += Array(repeating: style[String(m.output.1)] ?? 0, count: n)
    }
    XCTAssertEqual(widths.count, UnitForm.headers.count, "\(widths)")
    guard widths.count == 6 else { return }
    // 进展情况 (C) is the widest of the text columns, as LibreOffice lays them out.
    XCTAssertEqual(widths[2], widths[1...4].max(), "\(widths)")
    XCTAssertGreaterThan(widths[2], widths[1])
    let sheet = book.sheets[0]
    let heights = Set(sheet.rowHeights.map { ($0 * 100).rounded() / 100 })
    let written = Set(
      x.matches(of: /style:row-height="([0-9.]+)in"/).map { (Double($0.output.1)! * 72 * 4).rounded() / 4 })
    XCTAssertTrue(heights.filter { $0 > 30 }.isSubset(of: written), "tall rows kept: \(heights) in \(written)")
    // 报送截止 is a date to LibreOffice, not text; the table's cells wrap.
    let due = doc.plan.calendar.periods[0].due
    XCTAssertTrue(x.contains("office:value-type=\"date\" office:date-value=\"\(due)\""), "the deadline is a date cell")
    XCTAssertTrue(x.contains("fo:wrap-option=\"wrap\""), "wrapped cells")
  }
}
