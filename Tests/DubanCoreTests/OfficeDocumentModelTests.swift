import XCTest

@testable import DubanCore

/// The office documents as duban means them, before any writer: Word tables that fit the
/// type area with the long text widest, sheets whose columns and rows fit what they hold,
/// dates in Chinese, and the plan named on every form so another plan's is refused.
final class OfficeDocumentModelTests: XCTestCase {
  var doc: StoreDocument!

  override func setUpWithError() throws { doc = StoreDocument(plan: try Fixtures.seedPlan()) }

  // MARK: Word tables

  func testAWordTableFillsTheTypeAreaAndItsLongTextIsWidest() throws {
    let b = Bulletin(doc, period: "Q1", today: Day("2019-04-20")!)
    for t in b.tables {
      let w = WordDocument.columnWidths(headers: t.headers, rows: t.rows)
      XCTAssertEqual(w.count, t.headers.count)
      XCTAssertEqual(w.reduce(0, +), WordDocument.textWidth, "\(t.title): the type area, 156 mm")
      XCTAssertEqual(WordDocument.textWidth, Int((156 / 25.4 * 1440).rounded(.down)), "A4 less 28 and 26 mm")
      // The column holding the longest text is the widest.
      let longest = (0..<t.headers.count).max { a, b in
        t.rows.map { DisplayWidth.standard.width(of: $0[a]) }.max()! < t.rows.map {
          DisplayWidth.standard.width(of: $0[b])
        }.max()!
      }!
      XCTAssertEqual(w.firstIndex(of: w.max()!), longest, "\(t.title): \(w)")
    }
    // The lagging items: 事项 wider than any other; every short column (编号, 序时进度, 灯)
    // holds its values on one line (a display column is 105 twips at 10.5 pt).
    let lag = b.tables[2]
    let w = WordDocument.columnWidths(headers: lag.headers, rows: lag.rows)
    XCTAssertGreaterThan(w[1], w.enumerated().filter { $0.offset != 1 }.map(\.element).max()!)
    for c in WordDocument.shortColumns(headers: lag.headers, rows: lag.rows) {
      let widest = lag.rows.map { DisplayWidth.standard.width(of: $0[c]) }.max()!
      XCTAssertGreaterThanOrEqual(w[c], (widest + 3) * 105, "\(lag.headers[c]) on one line")
    }
    XCTAssertEqual(WordDocument.shortColumns(headers: lag.headers, rows: lag.rows), [0, 3, 4, 5])
  }

  func testANarrowTableSharesTheWidthByItsText() {
    let w = WordDocument.columnWidths(headers: ["编号", "事项"], rows: [["1", "短"]])
    XCTAssertEqual(w.reduce(0, +), WordDocument.textWidth)
    XCTAssertEqual(Double(w[0]), Double(w[1]), accuracy: 1, "equal text, equal share")
    XCTAssertEqual(WordDocument.columnWidths(headers: [], rows: []), [])
  }

  // MARK: sheets

  func testTheFormsProgressColumnIsTheWidestTextColumnAndRowsFitTheirText() throws {
    let p = doc.plan.calendar.periods[0]
    let sheet = OfficeExports.form(UnitForm(doc, unit: "区发改委", period: p)).sheets[0]
    let w = sheet.columnWidths
    XCTAssertEqual(UnitForm.headers[2], "进展情况")
    XCTAssertEqual(w[2], w[1...4].max(), "进展情况 is the widest text column: \(w)")
    XCTAssertGreaterThan(w[2], w[1], "wider than the item text it answers")
    XCTAssertGreaterThanOrEqual(w[3], 24)
    XCTAssertGreaterThanOrEqual(w[4], 24)
    XCTAssertLessThanOrEqual(w.reduce(0, +), 140, "fits an A4 landscape page across: \(w)")
    // A row is as tall as its longest wrapped cell: 事项 wraps at its width.
    let heights = sheet.rowHeights
    for (r, row) in sheet.rows.enumerated().dropFirst(3) {
      let text = row[1].shown
      let lines = Int((Double(DisplayWidth.standard.width(of: text)) / (w[1] * 0.9 - 1)).rounded(.up))
      XCTAssertEqual(heights[r], Double(max(1, lines)) * Workbook.Sheet.lineHeight + 3, text)
    }
    XCTAssertEqual(sheet.frozenRows, 3, "title, unit row and headers stay in view")
    guard case .date = sheet.rows[1][5].value else { return XCTFail("报送截止 is a date cell") }
  }

  func testTheWorkPlansContentColumnIsTheWidestAndItsDeadlinesAreDates() throws {
    var d = doc!
    let first = d.plan.itemsForWorkPlan(of: "区发改委")[0].id
    try d.apply(
      WorkPlanEdit(
        unit: "区发改委", owner: "张主任",
        items: [
          .init(
            item: first,
            rows: [WorkPlanRow(item: first, content: "季度调度", deadline: "2019-06-30", leader: "李", office: "综合科")])
        ]),
      day: "2019-01-20", stamp: Stamp(user: "t", time: "2019-01-20T00:00:00Z"))
    let sheet = OfficeExports.workPlan(d, unit: "区发改委").sheets[0]
    let w = sheet.columnWidths
    XCTAssertEqual(w[2], w[1...5].max(), "具体工作内容: \(w)")
    XCTAssertEqual(
      sheet.rows[1].map(\.shown), [WorkPlanSheet.planLabel, d.plan.title], "the plan named under the title")
    XCTAssertEqual(sheet.frozenRows, 4)
    guard case .date(let day) = sheet.rows[4][3].value else { return XCTFail("完成时限 is a date cell") }
    XCTAssertEqual(day, Day("2019-06-30"))
  }

  // MARK: dates in documents

  func testDocumentsWriteDatesInChinese() {
    let b = Bulletin(doc, period: "Q1", today: Day("2019-04-20")!)
    XCTAssertTrue(b.summary.hasPrefix("截至2019年4月20日，"), b.summary)
    XCTAssertEqual(b.dueSentence, "本期（第一季度）进展报送截止日期为2019年4月10日。")
    let word = OfficeExports.bulletinDocument(b).plainLines.joined(separator: "\n")
    XCTAssertNil(word.firstMatch(of: /\d{4}-\d{2}-\d{2}/), "no ISO date in the bulletin: \(word.prefix(300))")
    let r = Reminder(doc, unit: "区发改委", today: Day("2019-04-20")!)
    XCTAssertEqual(r.rows.first?[3], "2019年4月10日")
    let chase = ChaseList(doc, today: Day("2019-04-20")!, unit: "区发改委").units[0]
    let notice = OfficeExports.chaseNoticeDocument(chase, planTitle: doc.plan.title, asOf: Day("2019-04-20")!)
    let text = notice.plainLines.joined(separator: "\n")
    XCTAssertNil(text.firstMatch(of: /\d{4}-\d{2}-\d{2}/), text)
    XCTAssertTrue(text.contains("截至2019年4月20日"), text)
    XCTAssertEqual(notice.plainLines.last, "2019年4月20日")
  }

  func testTheWordNoticeSaysWhatTheMarkdownNoticeSays() {
    let today = Day("2019-07-15")!
    let u = ChaseList(doc, today: today, unit: "区商务局").units[0]
    let md = ChaseNotice.notice(u, planTitle: doc.plan.title, asOf: today)
    for line in OfficeExports.chaseNoticeDocument(u, planTitle: doc.plan.title, asOf: today).plainLines {
      XCTAssertTrue(md.contains(line), "the Markdown notice has “\(line)” too")
    }
  }

  // MARK: the plan on every form

  func testAWorkPlanOfAnotherPlanIsRefusedAndAnOlderOneIsReadWithANote() throws {
    let day = Day("2019-04-05")!
    let csv = WorkPlanSheet.render(doc, unit: "区发改委", format: .csv)
    var grid = CSVReader.grid(csv, sheet: "")
    XCTAssertEqual(grid.rows[1].cells, [WorkPlanSheet.planLabel, doc.plan.title])
    // As written: this plan's, nothing to say.
    let same = FormCollect.read([grid], file: "方案.csv", doc: doc, day: day)
    XCTAssertEqual(same.problems, [])
    XCTAssertEqual(same.notes, [])
    XCTAssertEqual(same.kind, .workPlan(unit: "区发改委"))
    // Another plan's: refused at the cell that names it.
    var other = doc!
    other.plan.title = "2020年区《政府工作报告》确定的主要目标任务责任分解方案"
    let foreign = FormCollect.read([grid], file: "方案.csv", doc: other, day: day)
    XCTAssertEqual(foreign.problems.map { [$0.row, $0.column] }, [[2, 1]])
    XCTAssertNil(foreign.kind)
    XCTAssertEqual(
      foreign.problems[0].message(.zh),
      "方案.csv：第 2 行 B 列：这份办理方案属于另一个方案（“\(doc.plan.title)”，本数据文件是“\(other.plan.title)”）")
    // An older work plan, written before it named its plan: read, with a note.
    grid.rows.remove(at: 1)
    let older = FormCollect.read([grid], file: "旧方案.csv", doc: doc, day: day)
    XCTAssertEqual(older.problems, [])
    XCTAssertEqual(older.kind, .workPlan(unit: "区发改委"))
    XCTAssertEqual(older.notes.count, 1)
    XCTAssertTrue(older.notes[0].message(.zh).contains("未注明所属方案"), older.notes[0].message(.zh))
  }

  func testAReportFormWithoutItsPlanIsReadWithANoteAndAnotherPlansIsRefused() throws {
    let day = Day("2019-04-05")!
    let form = UnitForm(doc, unit: "区发改委", period: doc.plan.calendar.periods[0])
    var grid = CSVReader.grid(form.csv(), sheet: "")
    grid.rows[0].cells = ["进展情况报送表"]
    let older = FormCollect.read([grid], file: "旧表.csv", doc: doc, day: day)
    XCTAssertEqual(older.problems, [])
    XCTAssertEqual(older.notes.map { [$0.row, $0.column] }, [[1, 0]])
    XCTAssertEqual(older.kind, .report(unit: "区发改委", period: "Q1"))
    grid.rows[0].cells = ["2020年区《政府工作报告》确定的主要目标任务责任分解方案进展情况报送表"]
    let foreign = FormCollect.read([grid], file: "表.csv", doc: doc, day: day)
    XCTAssertEqual(foreign.problems.map { [$0.row, $0.column] }, [[1, 0]])
    XCTAssertEqual(PlanCheck.reportTitle("", plan: "P"), .unnamed)
    XCTAssertEqual(PlanCheck.reportTitle("P进展情况报送表", plan: "P"), .same)
    XCTAssertEqual(PlanCheck.workPlanTitle("Q", plan: "P"), .other)
  }
}
