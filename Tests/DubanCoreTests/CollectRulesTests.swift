import XCTest

@testable import DubanCore

/// What collecting may change: a blank never erases what was filed, a unit's form has the
/// rows `due` counts, and one rule decides what a report does to the item's progress.
final class CollectRulesTests: XCTestCase {
  let day = Day("2019-07-15")!
  let time = "2019-07-15T09:00:00+08:00"
  var doc: StoreDocument!

  override func setUpWithError() throws { doc = StoreDocument(plan: try Fixtures.seedPlan()) }

  func period(_ n: Int) -> ReportPeriod { doc.plan.calendar.periods[n] }

  func form(unit: String, period n: Int, name: String, _ fill: [String: [(Int, String)]]) -> CollectBatch.File {
    var grid = CSVReader.grid(UnitForm(doc, unit: unit, period: period(n)).csv(), sheet: "")
    for i in grid.rows.indices {
      for (column, text) in fill[grid.rows[i][0]] ?? [] { grid.rows[i].cells[column] = text }
    }
    return .init(name: name, sheets: [grid])
  }

  func collect(_ files: CollectBatch.File...) throws {
    try CollectBatch(files: files).apply(to: &doc, user: "王科员", time: time, day: day)
  }

  func summary(_ files: CollectBatch.File..., partial: Bool = false) -> [String] {
    let batch = CollectBatch(files: files)
    return CollectSummary.lines(batch.forms(doc, day: day), doc: doc, lang: .zh, partial: partial)
  }

  func testAnUntouchedCopyOfAWorkPlanNeverErasesTheFiledRows() throws {
    let blank = CSVReader.grid(WorkPlanSheet.render(doc, unit: "区发改委", format: .csv), sheet: "")
    var filled = blank
    let owner = try XCTUnwrap(filled.rows.firstIndex { $0[0] == "总责任人" })
    filled.rows[owner].cells[1] = "张主任"
    let row = try XCTUnwrap(filled.rows.firstIndex { $0[1].hasPrefix("2.8 ") })
    filled.rows[row].cells.replaceSubrange(2...5, with: ["开展GDP监测", "2019-09-30", "李副主任", "综合科"])
    try collect(.init(name: "filled.csv", sheets: [filled]))
    let rows = doc.workPlan(of: "区发改委")?.rows.filter { $0.item == "2.8" }
    XCTAssertEqual(rows?.map(\.content), ["开展GDP监测"])
    let before = doc
    let again = CollectBatch(files: [.init(name: "blank.csv", sheets: [blank])]).forms(doc, day: day)
    XCTAssertEqual(again.map(\.changeCount), [0], "a blank row keeps what was filed")
    try collect(.init(name: "blank.csv", sheets: [blank]))
    XCTAssertEqual(doc, before)
    // A blank cell of a row keeps the filed one; a typed one replaces it.
    var partly = blank
    partly.rows[row].cells[2] = "开展GDP季度监测"
    try collect(.init(name: "partly.csv", sheets: [partly]))
    XCTAssertEqual(
      doc.workPlan(of: "区发改委")?.rows.filter { $0.item == "2.8" },
      [WorkPlanRow(item: "2.8", content: "开展GDP季度监测", deadline: "2019-09-30", leader: "李副主任", office: "综合科")])
  }

  func testAUnitThatOnlySharesALedItemHasNoRowForIt() throws {
    let item = try XCTUnwrap(doc.plan.item(id: "2.2"))
    XCTAssertEqual(item.lead, ["区商务局"])
    XCTAssertTrue(item.responsible.contains("区发改委"))
    let rows = UnitForm(doc, unit: "区发改委", period: period(1)).rows.map(\.id)
    XCTAssertFalse(rows.contains("2.2"), "the lead files for 2.2")
    XCTAssertEqual(rows, doc.plan.items.filter { doc.duty.reporters(of: $0).contains("区发改委") }.map(\.id))
    XCTAssertTrue(UnitForm(doc, unit: "区商务局", period: period(1)).rows.map(\.id).contains("2.2"))
    // A row typed for it anyway is refused, naming who files.
    var grid = CSVReader.grid(UnitForm(doc, unit: "区发改委", period: period(1)).csv(), sheet: "")
    grid.rows.append(.init(number: grid.rows.count + 1, cells: ["2.2", item.text, "推进中", "", "", "90"]))
    let read = FormCollect.read([grid], file: "f.csv", doc: doc, day: day)
    XCTAssertEqual(read.problems.map(\.zh), ["事项 2.2 不由区发改委报送（由区商务局报送）"])
  }

  func testALateEarlierPeriodIsStoredButDoesNotLowerTheItem() throws {
    let id = try XCTUnwrap(UnitForm(doc, unit: "区发改委", period: period(0)).rows.first?.id)
    try collect(form(unit: "区发改委", period: 1, name: "q2.csv", [id: [(2, "过半"), (5, "50")]]))
    XCTAssertEqual(doc.plan.item(id: id)?.progress, 50)
    let q1 = form(unit: "区发改委", period: 0, name: "q1.csv", [id: [(2, "起步"), (5, "20")]])
    XCTAssertEqual(
      summary(q1)[1], "  \(id)  更新：进展情况、进度（进度 20% 记入\(period(0).name)报告；事项进度仍为 50%）")
    try collect(q1)
    XCTAssertEqual(doc.plan.item(id: id)?.progress, 50, "an earlier period never lowers the current progress")
    XCTAssertEqual(doc.plan.item(id: id)?.reports.first { $0.period == period(0).id }?.progress, 20)
  }

  func testSeveralReportersMoveTheItemToTheLowestFigureAndOthersNotAtAll() throws {
    let duty = doc.duty
    let shared = try XCTUnwrap(doc.plan.items.first { duty.reporters(of: $0).count >= 2 })
    let (a, b) = (duty.reporters(of: shared)[0], duty.reporters(of: shared)[1])
    func file(_ unit: String, _ p: Int) throws {
      let f = ReportFiling(period: period(1).id, filed: "2019-07-10", user: "", unit: unit, progress: p)
      try doc.plan.apply(
        doc.duty.reportEdits(doc.plan.item(id: shared.id)!, f), to: shared.id, stamp: Stamp(user: "u", time: time))
    }
    try file(a, 80)
    XCTAssertEqual(doc.plan.item(id: shared.id)?.progress, 80)
    try file(b, 40)
    XCTAssertEqual(doc.plan.item(id: shared.id)?.progress, 40, "the laggard shows")
    try file(a, 90)
    XCTAssertEqual(doc.plan.item(id: shared.id)?.progress, 40, "file order does not decide")
    // A unit that only shares a led item: its report is kept, the item does not move.
    let led = try XCTUnwrap(doc.plan.item(id: "2.2"))
    let other = ReportFiling(period: period(1).id, filed: "2019-07-10", user: "", unit: "区发改委", progress: 90)
    XCTAssertEqual(duty.reportEdits(led, other), [.periodReport(other)])
  }

  func testTheSummaryNamesAStatusChangeAndWhatWasNotCollected() throws {
    let id = try XCTUnwrap(UnitForm(doc, unit: "区发改委", period: period(1)).rows.first?.id)
    XCTAssertEqual(
      summary(form(unit: "区发改委", period: 1, name: "done.csv", [id: [(5, "100")]]))[1],
      "  \(id)  更新：进度（进度 0%→100%），状态→已完成")
    let blank = form(unit: "区发改委", period: 1, name: "blank.csv", [:])
    XCTAssertEqual(summary(blank), ["blank.csv：区发改委 Q2 进展报送（未填写）"])
    let bad = form(unit: "区发改委", period: 1, name: "bad.csv", [id: [(2, "推进中"), (5, "120")]])
    XCTAssertEqual(summary(bad), ["bad.csv：区发改委 Q2 进展报送（未收集：1 处问题）"])
    XCTAssertEqual(summary(bad, partial: true), ["bad.csv：区发改委 Q2 进展报送（未收集：1 处问题）"])
    try collect(form(unit: "区发改委", period: 1, name: "f.csv", [id: [(2, "推进中")]]))
    XCTAssertEqual(
      summary(form(unit: "区发改委", period: 1, name: "f.csv", [id: [(2, "推进中")]])),
      ["f.csv：区发改委 Q2 进展报送（无变化）"])
    XCTAssertEqual(CollectSummary.problems(1, .en), "1 problem")
    XCTAssertEqual(CollectSummary.problems(2, .en), "2 problems")
  }
}

extension CollectRulesTests {
  func testTheSummarySaysWhenTheLowestFigureHolds() throws {
    let duty = doc.duty
    let shared = try XCTUnwrap(doc.plan.items.first { duty.reporters(of: $0).count >= 2 })
    let (a, b) = (duty.reporters(of: shared)[0], duty.reporters(of: shared)[1])
    try collect(form(unit: a, period: 1, name: "a.csv", [shared.id: [(2, "起步"), (5, "5")]]))
    XCTAssertEqual(
      summary(form(unit: b, period: 1, name: "b.csv", [shared.id: [(2, "过八成"), (5, "80")]]))[1],
      "  \(shared.id)  更新：进展情况、进度（进度 80%；事项进度取各报送单位的最低值，仍为 5%）")
  }
}

/// A returned work plan changes and adds rows but never removes them.
extension CollectRulesTests {
  /// 区发改委's sheet as exported from `from` (an older store; by default the current one),
  /// with 2.8's first row and the rows under it typed in.
  func workPlan(_ rows: [[String]], from: StoreDocument? = nil) throws -> CollectBatch.File {
    var grid = CSVReader.grid(WorkPlanSheet.render(from ?? doc, unit: "区发改委", format: .csv), sheet: "")
    let at = try XCTUnwrap(grid.rows.firstIndex { $0[1].hasPrefix("2.8 ") })
    grid.rows[at].cells.replaceSubrange(2...5, with: rows[0])
    for (k, cells) in rows.dropFirst().enumerated() {
      grid.rows.insert(.init(number: 0, cells: ["", ""] + cells), at: at + 1 + k)
    }
    for i in grid.rows.indices { grid.rows[i].number = i + 1 }
    return .init(name: "plan.csv", sheets: [grid])
  }

  var filed28: [WorkPlanRow]? { doc.workPlan(of: "区发改委")?.rows.filter { $0.item == "2.8" } }

  func testAnOlderCopyOrADeletedRowNeverRemovesAFiledRow() throws {
    let one = ["建立重大项目调度台账，每月调度一次", "2019-09-30", "李副区长", "投资科"]
    let two = ["协调中诚信大厦开工", "2019-12-31", "李副区长", "重点办"]
    let blank = doc!
    try collect(workPlan([one, two]))
    let both = [
      WorkPlanRow(item: "2.8", content: one[0], deadline: one[1], leader: one[2], office: one[3]),
      WorkPlanRow(item: "2.8", content: two[0], deadline: two[1], leader: two[2], office: two[3]),
    ]
    XCTAssertEqual(filed28, both)
    // An older copy holding only the first row changes nothing.
    let older = try workPlan([one], from: blank)
    XCTAssertEqual(CollectBatch(files: [older]).forms(doc, day: day).map(\.changeCount), [0])
    try collect(older)
    XCTAssertEqual(filed28, both)
    // The first row typed over (its other cells left blank), the second deleted from the
    // sheet: the edit applies in that row, the deleted row stays.
    let edited = try workPlan([["建立重大项目调度台账，每半月调度一次", "", "", ""]], from: blank)
    XCTAssertEqual(summary(edited)[1], "  2.8  办理方案行已更新（保留未返回的 1 行）")
    try collect(edited)
    var expected = both
    expected[0].content = "建立重大项目调度台账，每半月调度一次"
    XCTAssertEqual(filed28, expected)
    // An older copy with complete rows of other contents adds them: it never undoes a later
    // edit (the edited row stays as it is).
    try collect(try workPlan([one, two], from: blank))
    XCTAssertEqual(filed28, expected + [both[0]])
  }

  /// The tester's sheet with a middle row deleted (filed A, C, D; returned A, D): before, rows
  /// matched by position, so D was laid over C and C's content was lost.
  func testADeletedMiddleRowKeepsEveryRowAsFiled() throws {
    let a = ["推进项目A", "2019-09-30", "李副区长", "投资科"]
    let c = ["推进项目C", "2019-11-30", "王副区长", "规划科"]
    let d = ["推进项目D", "2019-12-31", "李副区长", "重点办"]
    let blank = doc!
    try collect(workPlan([a, c, d]))
    let filed = filed28
    let returned = try workPlan([a, d], from: blank)
    XCTAssertEqual(CollectBatch(files: [returned]).forms(doc, day: day).map(\.changeCount), [0])
    try collect(returned)
    XCTAssertEqual(filed28, filed)
    // D's leader changed in the returned sheet: D is updated where it is, C untouched.
    try collect(workPlan([a, [d[0], d[1], "赵副区长", d[3]]], from: blank))
    XCTAssertEqual(filed28?.map(\.leader), ["李副区长", "王副区长", "赵副区长"])
  }

  /// An item's first row deleted (its 序号 and 责任事项): the rows under it would be read as the
  /// item above's, so the gap in 序号 is refused at the row where it shows.
  func testAGapInTheItemNumbersIsRefused() throws {
    var grid = CSVReader.grid(WorkPlanSheet.render(doc, unit: "区发改委", format: .csv), sheet: "")
    let second = try XCTUnwrap(grid.rows.firstIndex { $0[0] == "2" })
    grid.rows[second].cells[0] = ""
    grid.rows[second].cells[1] = ""
    grid.rows[second].cells[2] = "楼宇乙"
    let read = FormCollect.read([grid], file: "plan.csv", doc: doc, day: day)
    let gap = try XCTUnwrap(read.problems.first { $0.zh.hasPrefix("序号从 1 跳到 3") }, "\(read.problems)")
    XCTAssertEqual(gap.column, 0)
    XCTAssertEqual(gap.row, grid.rows[second + 1].number)
  }

  func testABlankCellKeepsTheFiledValueWhenRowsAreAdded() throws {
    let one = ["建立重大项目调度台账，每月调度一次", "2019-09-30", "李副区长", "投资科"]
    try collect(workPlan([one]))
    // A fresh export (2.8 filed as one row): 分管领导 blanked, a second row inserted.
    let returned = try workPlan([[one[0], one[1], "", one[3]], ["协调中诚信大厦开工", "2019-12-31", "", "重点办"]])
    XCTAssertEqual(summary(returned)[1], "  2.8  办理方案行已更新（新增 1 行）")
    // The preview (details) shows the item's rows as they will be.
    let preview = CollectSummary.lines(
      CollectBatch(files: [returned]).forms(doc, day: day), doc: doc, lang: .zh, details: true)
    XCTAssertEqual(Array(preview.suffix(2)), ["      · \(one[0])（2019-09-30）", "      · 协调中诚信大厦开工（2019-12-31）"])
    try collect(returned)
    XCTAssertEqual(
      filed28,
      [
        WorkPlanRow(item: "2.8", content: one[0], deadline: one[1], leader: "李副区长", office: one[3]),
        WorkPlanRow(item: "2.8", content: "协调中诚信大厦开工", deadline: "2019-12-31", leader: "", office: "重点办"),
      ])
  }
}
