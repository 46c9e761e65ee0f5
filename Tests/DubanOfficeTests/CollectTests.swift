import DubanCore
import Foundation
import XCTest

@testable import DubanOffice

/// Forms filled by a test and saved by LibreOffice Calc, collected back. Each file LibreOffice
/// saved is kept in Fixtures/ (DUBAN_UPDATE_FIXTURES=1 writes them anew), so the collect
/// tests run where LibreOffice is not installed.
final class CollectTests: XCTestCase {
  var doc: StoreDocument!
  let day = Day("2019-04-05")!
  let stamp = Stamp(user: FormCollect.collector("王科员", file: "filled-form.xlsx"), time: "2019-04-05T09:00:00Z")

  override func setUpWithError() throws { doc = try Office.seed() }

  var q1: ReportPeriod { doc.plan.calendar.periods[0] }

  func fixture(_ name: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: Office.fixtures.appendingPathComponent(name)))
  }

  /// Writes duban's file, lets LibreOffice read it into CSV, fills the rows as a clerk would,
  /// and has LibreOffice Calc save that as .xlsx (编号 kept as text, as typed in a sheet).
  func filledByLibreOffice(_ book: Workbook, name: String, fill: (inout [[String]]) -> Void) throws -> [UInt8] {
    let dir = try Office.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let blank = dir.appendingPathComponent("blank.xlsx")
    try Data(XLSXWriter.data(book)).write(to: blank)
    var rows = try Office.csvRows(try Office.convert(blank, to: Office.csvFilter, ext: "csv", in: dir))
    fill(&rows)
    let csv = dir.appendingPathComponent(name.replacing(".xlsx", with: ".csv"))
    try Data(
      rows.map { r in r.map { "\"" + $0.replacing("\"", with: "\"\"") + "\"" }.joined(separator: ",") + "\r\n" }
        .joined().utf8
    )
    .write(to: csv)
    let xlsx = try Office.convert(
      csv, to: "xlsx:Calc MS Excel 2007 XML", ext: "xlsx", in: dir, infilter: "CSV:44,34,76,1,1/2/2/2")
    let bytes = [UInt8](try Data(contentsOf: xlsx))
    if ProcessInfo.processInfo.environment["DUBAN_UPDATE_FIXTURES"] == "1" {
      try Data(bytes).write(to: Office.fixtures.appendingPathComponent(name))
    }
    return bytes
  }

  func formBook() -> Workbook { OfficeExports.form(UnitForm(doc, unit: "区发改委", period: q1)) }

  static func fillGood(_ rows: inout [[String]]) {
    rows[3][2] = "一季度地区生产总值增长8.1%"
    rows[3][5] = "30"
    rows[4][3] = "项目审批慢"
    rows[4][4] = "加快审批\n每周调度"
    rows[4][5] = "25%"
  }

  static func fillBad(_ rows: inout [[String]]) {
    let width = rows[2].count
    func row(_ cells: [String]) -> [String] { cells + Array(repeating: "", count: max(0, width - cells.count)) }
    rows[3][5] = "120"  // row 4, F: progress out of range
    rows[5][1] += "（改）"  // row 6, B: item text changed
    rows[6][2] = "节能减排按计划推进"  // row 7: a good row
    rows.append(row(["1.2", "区级一般公共预算收入增长6%以上。", "已完成"]))  // not 区发改委's
    rows.append(row(["9.99", "不存在的事项", "x"]))  // unknown
    rows.append(row([rows[4][0], rows[4][1], "重复一行"]))  // 1.3 again
  }

  // MARK: live, through LibreOffice

  func testAFormFilledAndSavedByLibreOfficeCalcIsCollected() throws {
    _ = try Office.requireSoffice()
    try checkGood(try filledByLibreOffice(formBook(), name: "filled-form.xlsx", fill: Self.fillGood))
  }

  func testBadRowsInAFormSavedByLibreOfficeAreNamed() throws {
    _ = try Office.requireSoffice()
    try checkBad(try filledByLibreOffice(formBook(), name: "bad-form.xlsx", fill: Self.fillBad))
  }

  func testAWorkPlanSavedByLibreOfficeIsCollected() throws {
    _ = try Office.requireSoffice()
    let bytes = try filledByLibreOffice(OfficeExports.workPlan(doc, unit: "区发改委"), name: "filled-plan.xlsx") {
      rows in
      XCTAssertEqual(rows[1][0], WorkPlanSheet.planLabel, "the plan is named under the title")
      rows[2][1] = "张主任"
      rows[4][2] = "按月调度经济运行"
      rows[4][3] = "2019-06-30"
      rows[4][4] = "李副区长"
      rows[4][5] = "综合科"
      rows.insert(["", "", "季度分析", "2019-12-31", "李副区长", "综合科"], at: 5)
    }
    try checkPlan(bytes)
  }

  // MARK: the same, from the files LibreOffice saved

  func testTheFilledFormFixtureIsCollected() throws { try checkGood(try fixture("filled-form.xlsx")) }
  func testTheBadFormFixtureIsRefusedRowByRow() throws { try checkBad(try fixture("bad-form.xlsx")) }
  func testTheWorkPlanFixtureIsCollected() throws { try checkPlan(try fixture("filled-plan.xlsx")) }

  /// A work plan sent out before the template named its plan (filled and saved by
  /// LibreOffice then): collected all the same, with a note that it names no plan.
  func testAnOlderWorkPlanWithoutItsPlanIsCollectedWithANote() throws {
    let bytes = try fixture("filled-plan-older.xlsx")
    try checkPlan(bytes, notes: 1)
    let form = FormCollect.read(try XLSXFormReader.sheets(bytes), file: "filled-plan-older.xlsx", doc: doc, day: day)
    XCTAssertEqual(form.notes.map { [$0.row, $0.column] }, [[1, 0]])
  }

  /// The work plan duban writes, read back as it is (完成时限 a date cell): nothing changes;
  /// for another plan, refused at the cell that names the plan.
  func testAWorkPlanAsWrittenChangesNothingAndAnotherPlansIsRefused() throws {
    var d = doc!
    let first = d.plan.itemsForWorkPlan(of: "区发改委")[0].id
    try d.apply(
      WorkPlanEdit(
        unit: "区发改委", owner: "张主任",
        items: [
          .init(
            item: first,
            rows: [WorkPlanRow(item: first, content: "季度调度", deadline: "2019-06-30", leader: "李", office: "综合科")])
        ]), day: "2019-01-20", stamp: stamp)
    let grids = try XLSXFormReader.sheets(try XLSXWriter.data(OfficeExports.workPlan(d, unit: "区发改委")))
    let same = FormCollect.read(grids, file: "方案.xlsx", doc: d, day: day)
    XCTAssertEqual(same.problems, [])
    XCTAssertEqual(same.notes, [])
    XCTAssertEqual(same.changeCount, 0, "the date cell reads back as the date it was")
    var other = d
    other.plan.title = "2020年区《政府工作报告》确定的主要目标任务责任分解方案"
    let foreign = FormCollect.read(grids, file: "方案.xlsx", doc: other, day: day)
    XCTAssertEqual(foreign.problems.map { [$0.row, $0.column] }, [[2, 1]])
    XCTAssertTrue(foreign.problems[0].message(.zh).hasPrefix("方案.xlsx：工作表“区发改委”：第 2 行 B 列：这份办理方案属于另一个方案"))
    XCTAssertNil(foreign.workPlan)
  }

  func checkGood(_ bytes: [UInt8]) throws {
    let form = FormCollect.read(try XLSXFormReader.sheets(bytes), file: "filled-form.xlsx", doc: doc, day: day)
    XCTAssertEqual(form.problems, [])
    XCTAssertEqual(form.kind, .report(unit: "区发改委", period: "Q1"))
    XCTAssertEqual(form.reports.map(\.item), ["1.1", "1.3"])
    XCTAssertEqual(form.reports[0].filing.progressText, "一季度地区生产总值增长8.1%")
    XCTAssertEqual(form.reports[0].fields, ["进展情况", "进度"])
    XCTAssertEqual(form.reports[1].filing.nextSteps, "加快审批\n每周调度")
    XCTAssertEqual(form.reports[1].filing.progress, 25)
    var after = doc!
    try FormCollect.apply(form, to: &after, stamp: stamp, day: day)
    let item = try XCTUnwrap(after.plan.item(id: "1.1"))
    XCTAssertEqual(item.progress, 30)
    XCTAssertEqual(item.reports.first { $0.unit == "区发改委" }?.period, "Q1")
    XCTAssertTrue(item.history.contains { $0.user == "王科员（收集自 filled-form.xlsx）" && $0.field == .report("Q1") })
    // Collected twice: nothing changes.
    let again = FormCollect.read(try XLSXFormReader.sheets(bytes), file: "filled-form.xlsx", doc: after, day: day)
    XCTAssertEqual(again.problems, [])
    XCTAssertEqual(again.changeCount, 0)
  }

  func checkBad(_ bytes: [UInt8]) throws {
    let form = FormCollect.read(try XLSXFormReader.sheets(bytes), file: "bad-form.xlsx", doc: doc, day: day)
    // The form's last item row (a fixture may hold a row the form no longer has: blank).
    let last = try XLSXFormReader.sheets(bytes)[0].rows.count - 3
    XCTAssertEqual(
      form.problems.map { [$0.row ?? 0, $0.column ?? -1] },
      [[4, 5], [6, 1], [last + 1, 0], [last + 2, 0], [last + 3, 0]])
    guard form.problems.count == 5 else { return }
    XCTAssertEqual(
      form.problems[0].message(.zh), "bad-form.xlsx：工作表“bad-form”：第 4 行 F 列：进度“120”应为 0 到 100 的整数")
    XCTAssertTrue(form.problems[4].message(.en).contains("repeats row 5"), form.problems[4].message(.en))
    // What --partial applies: the good rows only.
    XCTAssertEqual(form.reports.map(\.item), ["1.6"])
  }

  func checkPlan(_ bytes: [UInt8], notes: Int = 0) throws {
    let form = FormCollect.read(try XLSXFormReader.sheets(bytes), file: "filled-plan.xlsx", doc: doc, day: day)
    XCTAssertEqual(form.problems, [])
    XCTAssertEqual(form.notes.count, notes)
    XCTAssertEqual(form.kind, .workPlan(unit: "区发改委"))
    let edit = try XCTUnwrap(form.workPlan)
    XCTAssertEqual(edit.owner, "张主任")
    let first = doc.plan.itemsForWorkPlan(of: "区发改委")[0].id
    XCTAssertEqual(edit.items.map(\.item), [first])
    XCTAssertEqual(
      edit.items[0].rows,
      [
        WorkPlanRow(item: first, content: "按月调度经济运行", deadline: "2019-06-30", leader: "李副区长", office: "综合科"),
        WorkPlanRow(item: first, content: "季度分析", deadline: "2019-12-31", leader: "李副区长", office: "综合科"),
      ])
    var after = doc!
    try FormCollect.apply(form, to: &after, stamp: stamp, day: day)
    XCTAssertEqual(after.workPlan(of: "区发改委")?.owner, "张主任")
    let again = FormCollect.read(try XLSXFormReader.sheets(bytes), file: "filled-plan.xlsx", doc: after, day: day)
    XCTAssertEqual(again.changeCount, 0)
  }

  // MARK: foreign and broken input

  func testCorruptAndForeignFilesAreRefused() throws {
    let good = try XLSXWriter.data(formBook())
    XCTAssertThrowsError(try XLSXFormReader.sheets(Array(good.prefix(good.count / 2))))
    XCTAssertThrowsError(try XLSXFormReader.sheets(Array("编号,事项\n".utf8))) {
      XCTAssertEqual($0 as? OfficeReadError, .notZip)
    }
    let docx = try DOCXWriter.data(WordDocument([.paragraph("不是工作簿")]))
    XCTAssertThrowsError(try XLSXFormReader.sheets(docx)) { XCTAssertEqual($0 as? OfficeReadError, .notWorkbook) }
    // A workbook, but not a form.
    let other = try XLSXWriter.data(Workbook(sheets: [Workbook.Sheet(name: "S", rows: [[.text("随便")]], frozenRows: 0)]))
    let form = FormCollect.read(try XLSXFormReader.sheets(other), file: "x.xlsx", doc: doc, day: day)
    XCTAssertEqual(form.problems.count, 1)
    XCTAssertNil(form.kind)
  }

  func testAFormOfAnotherPlanOrWithABrokenHeaderChangesNothing() throws {
    var grid = try XLSXFormReader.sheets(try XLSXWriter.data(formBook()))
    var other = doc!
    other.plan.title = "2020年区《政府工作报告》确定的主要目标任务责任分解方案"
    let foreign = FormCollect.read(grid, file: "f.xlsx", doc: other, day: day)
    XCTAssertEqual(foreign.problems.map { [$0.row, $0.column] }, [[1, 0]])
    XCTAssertTrue(foreign.reports.isEmpty)
    grid[0].rows[2].cells[2] = "进展"
    let broken = FormCollect.read(grid, file: "f.xlsx", doc: doc, day: day)
    XCTAssertEqual(broken.problems.map { [$0.row, $0.column] }, [[3, 2]])
  }

  func testTheCSVFormComesBackTheSameWay() throws {
    let form = UnitForm(doc, unit: "区发改委", period: q1)
    var grid = CSVReader.grid(form.csv(), sheet: "")
    XCTAssertEqual(grid.rows.map(\.cells), form.grid.enumerated().map { $0 == 0 ? ["duban 导出：" + $1[0]] : $1 })
    XCTAssertEqual(FormCollect.read([grid], file: "f.csv", doc: doc, day: day).changeCount, 0)
    grid.rows[3].cells[5] = "５０"  // full-width, from a Chinese IME
    grid.rows[3].cells[0] = "1.10" == grid.rows[3].cells[0] ? "1.1" : grid.rows[3].cells[0]
    let collected = FormCollect.read([grid], file: "f.csv", doc: doc, day: day)
    XCTAssertEqual(collected.problems, [])
    XCTAssertEqual(collected.reports.map(\.filing.progress), [50])
  }

  func testAnIdASpreadsheetTookForANumberIsReadByItsText() throws {
    // Excel shows 编号 2.10 of a CSV as the number 2.1; the row's text says which item it is.
    let form = UnitForm(doc, unit: "区发改委", period: q1)
    guard let i = form.rows.firstIndex(where: { $0.id.hasSuffix("0") && $0.id.contains(".") }) else {
      throw XCTSkip("区发改委 has no item numbered like 2.10")
    }
    var grid = CSVReader.grid(form.csv(), sheet: "")
    grid.rows[3 + i].cells[0] = String(Double(form.rows[i].id)!)
    grid.rows[3 + i].cells[2] = "推进中"
    let collected = FormCollect.read([grid], file: "f.csv", doc: doc, day: day)
    XCTAssertEqual(collected.problems, [])
    XCTAssertEqual(collected.reports.map(\.item), [form.rows[i].id])
  }

  func testAnOlderBlankCopyNeverErasesWhatWasFiled() throws {
    // The unit sends back the filled form, then (by mistake) the blank copy it was sent.
    let form = UnitForm(doc, unit: "区发改委", period: q1)
    let blank = CSVReader.grid(form.csv(), sheet: "")
    var filled = blank
    filled.rows[3].cells[2] = "引进总部企业两家"
    filled.rows[3].cells[5] = "30"
    let first = FormCollect.read([filled], file: "filled.csv", doc: doc, day: day)
    XCTAssertEqual(first.problems, [])
    XCTAssertEqual(first.reports.map(\.filing.progressText), ["引进总部企业两家"])
    var after = try XCTUnwrap(doc)
    let id = first.reports[0].item
    let index = try XCTUnwrap(after.plan.items.firstIndex { $0.id == id })
    after.plan.items[index].reports.append(first.reports[0].filing)
    let again = FormCollect.read([blank], file: "blank.csv", doc: after, day: day)
    XCTAssertEqual(again.problems, [])
    XCTAssertEqual(again.changeCount, 0, "blank cells keep the filed text and progress")
  }
}
