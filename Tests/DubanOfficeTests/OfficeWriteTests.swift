import DubanCore
import Foundation
import XCTest

@testable import DubanOffice

/// Every .xlsx and .docx duban writes, opened by LibreOffice and compared with what duban
/// meant to write. Skipped (with a message) where LibreOffice is not installed.
final class OfficeWriteTests: XCTestCase {
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

  /// Rows as shown, trailing empty cells dropped (LibreOffice pads rows to the widest).
  /// What duban means a sheet to show: each cell's text without what XML 1.0 forbids.
  func shown(_ sheet: Workbook.Sheet) -> [[String]] {
    sheet.rows.map { trim($0.map { String(String.UnicodeScalarView($0.shown.unicodeScalars.filter(XML.allowed))) }) }
  }
  func trim(_ row: [String]) -> [String] {
    var r = row
    while r.last == "" { r.removeLast() }
    return r
  }

  func write(_ book: Workbook, _ name: String) throws -> URL {
    let url = dir.appendingPathComponent(name)
    try Data(XLSXWriter.data(book)).write(to: url)
    return url
  }

  func testAFormOpensInLibreOfficeAsWritten() throws {
    var d = doc!
    let p = d.plan.calendar.periods[0]
    // Something filed, with text that needs escaping and a control character to drop.
    let filing = ReportFiling(
      period: p.id, filed: "2019-04-01", user: "t", unit: "区发改委", progressText: "完成<一>&“二”\n第二行\u{7}",
      problems: "", nextSteps: "", progress: 40)
    try d.plan.apply(.periodReport(filing), to: "1.1", stamp: Stamp(user: "t", time: "2019-04-01T00:00:00Z"))
    let form = UnitForm(d, unit: "区发改委", period: p)
    let book = OfficeExports.form(form)
    let csv = try Office.convert(try write(book, "form.xlsx"), to: Office.csvFilter, ext: "csv", in: dir)
    XCTAssertEqual(try Office.csvRows(csv).map(trim), shown(book.sheets[0]))
    XCTAssertEqual(try Office.csvRows(csv)[3][2], "完成<一>&“二”\n第二行")
    XCTAssertEqual(try Office.csvRows(csv)[1][5], "2019-04-10", "the deadline is a date cell shown as a date")
  }

  func testTheWorkPlanSheetOpensAsWritten() throws {
    var d = doc!
    let edit = WorkPlanEdit(
      unit: "区发改委", owner: "张主任",
      items: [
        .init(
          item: "1.1",
          rows: [WorkPlanRow(item: "1.1", content: "季度调度", deadline: "2019-06-30", leader: "李", office: "综合科")])
      ])
    try d.apply(edit, day: "2019-01-20", stamp: Stamp(user: "t", time: "2019-01-20T00:00:00Z"))
    let book = OfficeExports.workPlan(d, unit: "区发改委")
    let csv = try Office.convert(try write(book, "plan.xlsx"), to: Office.csvFilter, ext: "csv", in: dir)
    XCTAssertEqual(try Office.csvRows(csv).map(trim), shown(book.sheets[0]))
  }

  func testTheBulletinWorkbookHasOneSheetPerTable() throws {
    let b = Bulletin(doc, period: "Q1", today: Day("2019-04-20")!)
    let book = OfficeExports.bulletin(b)
    let url = try write(book, "bulletin.xlsx")
    // Token 12 = -1: every sheet, each to NAME-SHEET.csv.
    try Office.convert(
      url, to: Office.csvFilter + ",1,,0,false,true,false,false,false,-1", ext: "csv", in: dir, ignoreMissing: true)
    for sheet in book.sheets {
      let csv = dir.appendingPathComponent("bulletin-\(sheet.name).csv")
      XCTAssertEqual(try Office.csvRows(csv).map(trim), shown(sheet), sheet.name)
    }
  }

  func testTheBulletinDocumentReadsAsWritten() throws {
    let b = Bulletin(doc, period: "Q1", today: Day("2019-04-20")!)
    try checkDocument(OfficeExports.bulletinDocument(b), "通报")
  }

  func testTheReminderDocumentReadsAsWritten() throws {
    let r = Reminder(doc, unit: "区发改委", today: Day("2019-04-20")!)
    XCTAssertFalse(r.owed.isEmpty)
    try checkDocument(OfficeExports.reminderDocument(r), "催办")
  }

  func checkDocument(_ word: WordDocument, _ name: String) throws {
    let url = dir.appendingPathComponent("\(name).docx")
    try Data(DOCXWriter.data(word)).write(to: url)
    let txt = try Office.convert(url, to: "txt:Text (encoded):UTF8", ext: "txt", in: dir)
    let text = try String(contentsOf: txt, encoding: .utf8)
    let lines = text.replacing("\u{FEFF}", with: "").replacing("\r\n", with: "\n").split(
      separator: "\n", omittingEmptySubsequences: true
    )
    .map(String.init)
    XCTAssertEqual(lines, word.plainLines.flatMap { $0.split(separator: "\n").map(String.init) }.filter { !$0.isEmpty })
  }
}
