import DubanCore
import XCTest

@testable import DubanTUI

/// `I`: the path prompt, the preview, and applying a collect as one undoable step — or
/// nothing. The forms are 区发改委's Q1 form as `duban form --format csv` writes it, filled
/// in here as a unit would (the runtime's reading is a separate effect, so the reducer gets
/// the sheets as an action).
final class CollectReducerTests: XCTestCase {
  static let path = "收回/区发改委.csv"

  /// 区发改委's Q1 form with `fill` applied to its rows by item id: (column, text).
  static func form(_ h: Harness, _ fill: [String: [(Int, String)]]) -> CollectBatch {
    let q1 = h.state.plan.calendar.periods[0]
    var grid = CSVReader.grid(UnitForm(h.state.doc, unit: "区发改委", period: q1).csv(), sheet: "")
    for i in grid.rows.indices {
      for (column, text) in fill[grid.rows[i][0]] ?? [] { grid.rows[i].cells[column] = text }
    }
    return CollectBatch(files: [.init(name: "区发改委.csv", sheets: [grid])])
  }

  static let good: [String: [(Int, String)]] = [
    "1.1": [(2, "一季度地区生产总值增长8.1%"), (5, "30")],
    "1.3": [(3, "项目审批慢"), (4, "加快审批"), (5, "25%")],
  ]

  /// I, the path typed (Chinese), Enter, and the runtime's answer.
  @discardableResult
  func preview(_ h: inout Harness, _ batch: CollectBatch) -> [Effect] {
    h.press(.char("I"))
    h.type(Self.path)
    let asked = h.press(.enter)
    _ = h.send(.formsRead(path: Self.path, batch))
    return asked
  }

  var dialog: (Harness) -> CollectDialog? = { h in
    if case .collect(let d) = h.state.overlay { return d }
    return nil
  }

  func testEnterAsksTheRuntimeToReadThePathTyped() {
    var h = Harness()
    h.press(.char("I"))
    h.type(Self.path)
    XCTAssertEqual(h.press(.enter), [.readForms(path: Self.path)], "reading is the runtime's work")
    XCTAssertEqual(dialog(h)?.stage, .reading(path: Self.path))
    XCTAssertTrue(h.text.contains("正在读取 收回/区发改委.csv"), h.text)
  }

  func testThePreviewSaysWhatChangesAndEscChangesNothing() {
    var h = Harness()
    let before = h.state.doc
    preview(&h, Self.form(h, Self.good))
    guard case .preview(let p) = dialog(h)?.stage else {
      return XCTFail("no preview: \(String(describing: h.state.overlay))")
    }
    XCTAssertEqual(p.problems, [])
    XCTAssertEqual(p.changes, 2)
    XCTAssertTrue(p.lines.contains("区发改委.csv：区发改委 Q1 进展报送"), "\(p.lines)")
    XCTAssertTrue(p.lines.contains("  1.1  更新：进展情况、进度（进度 0%→30%），状态→推进中"), "\(p.lines)")
    XCTAssertTrue(p.lines.contains("      进展情况：一季度地区生产总值增长8.1%"), "\(p.lines)")
    XCTAssertTrue(p.lines.contains("  1.3  更新：存在问题、下一步措施、进度（进度 0%→25%），状态→推进中"), "\(p.lines)")
    XCTAssertTrue(h.text.contains("y 收集 2 项"), h.text)
    XCTAssertEqual(h.state.doc, before, "a preview changes nothing")
    XCTAssertEqual(h.press(.escape), [])
    XCTAssertNil(h.state.overlay)
    XCTAssertEqual(h.state.doc, before)
    XCTAssertTrue(h.state.undoStack.isEmpty)
    XCTAssertEqual(h.state.message, "未收集，什么也没有改动")
  }

  func testALongPreviewScrollsWithinItsLines() {
    var h = Harness(rows: 24, columns: 80)
    let one = Self.form(h, Self.good).files[0]
    let many = CollectBatch(files: (1...30).map { CollectBatch.File(name: "表\($0).csv", sheets: one.sheets) })
    preview(&h, many)
    guard case .preview(let p) = dialog(h)?.stage else { return XCTFail("no preview") }
    XCTAssertEqual(p.changes, 2, "the same form thirty times changes what it changes once")
    h.press(.char("G"))
    let end = dialog(h)?.scroll ?? 0
    XCTAssertGreaterThan(end, 0)
    XCTAssertTrue(h.text.contains("表30.csv"), h.text)
    h.press(.down, .down)
    XCTAssertEqual(dialog(h)?.scroll, end, "no further than the last line")
    h.press(.char("g"))
    XCTAssertEqual(dialog(h)?.scroll, 0)
    XCTAssertTrue(h.text.contains("↓ 还有"), h.text)
  }

  func testNCancelsAsEscDoes() {
    var h = Harness()
    let before = h.state.doc
    preview(&h, Self.form(h, Self.good))
    XCTAssertEqual(h.press(.char("n")), [])
    XCTAssertNil(h.state.overlay)
    XCTAssertEqual(h.state.doc, before)
  }

  func testYAppliesEverythingAsOneStepThatUUndoes() throws {
    var h = Harness()
    let batch = Self.form(h, Self.good)
    let before = h.state.doc
    preview(&h, batch)
    let basis = CollectBasis(batch, doc: before, day: h.state.today)
    let effects = h.press(.char("y"))
    XCTAssertEqual(
      effects, [.persistCollect(batch, partial: false, basis: basis, editID: h.state.lastEditID)],
      "one save, the rule's own, with what the preview was read on")
    XCTAssertNil(h.state.overlay)
    let item = try XCTUnwrap(h.state.plan.item(id: "1.1"))
    XCTAssertEqual(item.progress, 30)
    XCTAssertEqual(item.reports.first { $0.unit == "区发改委" }?.progressText, "一季度地区生产总值增长8.1%")
    XCTAssertTrue(item.history.contains { $0.user == "王科员（收集自 区发改委.csv）" && $0.field == .report("Q1") })
    XCTAssertEqual(h.state.plan.item(id: "1.3")?.progress, 25)
    XCTAssertEqual(h.state.undoStack.count, 1, "one step")
    XCTAssertEqual(h.state.message, "已收集 区发改委.csv：2 项变更（u 撤销）")
    // The screen holds what the file will: the same rule applied to the same document.
    var file = before
    try batch.apply(to: &file, user: "王科员", time: Harness.now, day: h.state.today)
    XCTAssertEqual(file, h.state.doc)

    let undo = h.press(.char("u"))
    XCTAssertEqual(Set(undo.persisted.keys), ["1.1", "1.3"], "u undoes the whole collect")
    for id in ["1.1", "1.3"] {
      XCTAssertEqual(h.state.plan.item(id: id)?.state, before.plan.item(id: id)?.state, id)
    }
    XCTAssertTrue(h.state.message?.hasPrefix("已撤销：收集 区发改委.csv") == true, h.state.message ?? "")
    // And Ctrl-R puts it back.
    h.press(.ctrl("r"))
    XCTAssertEqual(h.state.plan.item(id: "1.1")?.progress, 30)
  }

  func testARefusedFileShowsWhereAndAppliesNothing() {
    var h = Harness()
    let before = h.state.doc
    var fill = Self.good
    fill["1.1"] = [(5, "120")]
    preview(&h, Self.form(h, fill))
    guard case .preview(let p) = dialog(h)?.stage else { return XCTFail("no preview") }
    XCTAssertEqual(p.problems, ["区发改委.csv：第 4 行 F 列：进度“120”应为 0 到 100 的整数"])
    XCTAssertTrue(h.text.contains("不能收集"), h.text)
    XCTAssertTrue(h.text.contains("第 4 行 F 列"), h.text)
    XCTAssertEqual(h.press(.char("y")), [], "y applies nothing while a row is bad")
    XCTAssertNil(h.state.overlay)
    XCTAssertEqual(h.state.doc, before)
    XCTAssertTrue(h.state.undoStack.isEmpty)
    XCTAssertTrue(h.state.messageIsError)
  }

  func testPCollectsTheGoodRowsOnlyWhenChosen() {
    var h = Harness()
    var fill = Self.good
    fill["1.1"] = [(5, "120")]
    let batch = Self.form(h, fill)
    let basis = CollectBasis(batch, doc: h.state.doc, day: h.state.today)
    preview(&h, batch)
    XCTAssertTrue(h.text.contains("p 只收正确的行（1 项）"), h.text)
    XCTAssertEqual(
      h.press(.char("p")), [.persistCollect(batch, partial: true, basis: basis, editID: h.state.lastEditID)])
    XCTAssertEqual(h.state.plan.item(id: "1.3")?.progress, 25, "the good row")
    XCTAssertEqual(h.state.plan.item(id: "1.1")?.progress, 0, "not the bad one")
  }

  func testCollectingTheSameFileTwiceChangesNothing() {
    var h = Harness()
    let batch = Self.form(h, Self.good)
    preview(&h, batch)
    h.press(.char("y"))
    let after = h.state.doc
    preview(&h, batch)
    guard case .preview(let p) = dialog(h)?.stage else { return XCTFail("no preview") }
    XCTAssertEqual(p.changes, 0)
    XCTAssertEqual(p.lines, ["区发改委.csv：区发改委 Q1 进展报送（无变化）"])
    XCTAssertEqual(h.press(.char("y")), [])
    XCTAssertEqual(h.state.doc, after)
    XCTAssertEqual(h.state.undoStack.count, 1, "no second step")
    XCTAssertEqual(h.state.message, "没有变化：这些报送表已经收过")
  }

  func testAStoreChangedSinceThePreviewIsPreviewedAgainNotApplied() throws {
    var h = Harness()
    preview(&h, Self.form(h, Self.good))
    // A colleague collects 1.1 meanwhile: the preview the clerk saw is out of date.
    var newer = h.state.doc
    let q1 = newer.plan.calendar.periods[0].id
    try newer.plan.apply(
      .periodReport(
        ReportFiling(
          period: q1, filed: "2019-05-01", user: "李科员", unit: "区发改委", progressText: "一季度地区生产总值增长8.1%",
          progress: 30)), to: "1.1", stamp: Stamp(user: "李科员", time: Harness.now))
    _ = h.send(.reloaded(newer))
    XCTAssertEqual(h.press(.char("y")), [], "not applied on what was not previewed")
    guard case .preview(let p) = dialog(h)?.stage else { return XCTFail("the preview stays open") }
    XCTAssertEqual(p.changes, 1, "only 1.3 is left to change")
    XCTAssertTrue(h.state.messageIsError)
    XCTAssertEqual(h.press(.char("y")).count, 1, "the new preview applies")
  }

  func testAnUnreadablePathSaysWhyAndEnterGoesBackToIt() {
    var h = Harness()
    h.press(.char("I"))
    h.type("坏.xlsx")
    h.press(.enter)
    _ = h.send(.formsUnreadable(path: "坏.xlsx", message: "坏.xlsx：不是可读的 .xlsx 工作簿（文件已损坏或不是 zip 格式）"))
    XCTAssertTrue(h.text.contains("不是可读的 .xlsx 工作簿"), h.text)
    h.press(.enter)
    XCTAssertEqual(dialog(h)?.stage, .typing)
    XCTAssertEqual(dialog(h)?.editor.text, "坏.xlsx", "the path stays, to be corrected")
    h.press(.escape)
    XCTAssertNil(h.state.overlay)
  }

  func testAnAnswerAfterEscIsIgnored() {
    var h = Harness()
    let batch = Self.form(h, Self.good)
    h.press(.char("I"))
    h.type(Self.path)
    h.press(.enter, .escape)
    _ = h.send(.formsRead(path: Self.path, batch))
    XCTAssertNil(h.state.overlay, "a read that comes back after Esc opens nothing")
  }

  func testTabCompletesThePath() {
    var h = Harness()
    h.press(.char("I"))
    h.type("收")
    XCTAssertEqual(h.press(.tab), [.completePath(typed: "收")])
    _ = h.send(.pathCompletions(typed: "收", ["收回/"]))
    XCTAssertEqual(dialog(h)?.editor.text, "收回/")
    h.press(.char("区"))
    _ = h.send(.pathCompletions(typed: "收回/区", ["收回/区发改委.csv", "收回/区发改委.xlsx"]))
    XCTAssertEqual(dialog(h)?.editor.text, "收回/区发改委.", "what both begin with")
    XCTAssertTrue(h.text.contains("区发改委.xlsx"), h.text)
  }

  func testCompletionOffersFoldersAndFormsOnly() {
    let entries: [(name: String, isFolder: Bool)] = [
      ("区发改委.xlsx", false), ("区发改委.csv", false), ("区情.txt", false), ("区县", true), ("~$区发改委.xlsx", false),
      (".区隐藏", true),
    ]
    XCTAssertEqual(
      PathCompletion.candidates("收回/区", entries: entries), ["收回/区县/", "收回/区发改委.csv", "收回/区发改委.xlsx"])
    XCTAssertEqual(PathCompletion.candidates("", entries: entries).count, 3, "lock files and hidden ones left out")
  }

  func testAPastedPathIsReadAsThePathItStandsFor() {
    XCTAssertEqual(PathCompletion.cleaned("'/home/王/收回'"), "/home/王/收回")
    XCTAssertEqual(PathCompletion.cleaned(" \"收回/区 发改委.xlsx\" "), "收回/区 发改委.xlsx")
    XCTAssertEqual(PathCompletion.cleaned("收回/区\\ 发改委.xlsx"), "收回/区 发改委.xlsx")
    XCTAssertEqual(PathCompletion.cleaned("'"), "'")
  }

  func testTheKeyIsInTheTableAndTheHelp() {
    XCTAssertEqual(KeyTable.command(for: .char("I")), .collect)
    var h = Harness()
    h.press(.char("?"))
    XCTAssertTrue(HelpOverlay.lines(h.state, width: .standard).contains { $0.contains("收集报送表：文件或文件夹") })
  }

  // MARK: golden screens

  func testGoldenPreview80x24() throws {
    var h = Harness(rows: 24, columns: 80)
    preview(&h, Self.form(h, Self.good))
    for row in 0..<24 { XCTAssertEqual(h.screen.width.width(of: h.screen.line(row)), 80, "row \(row)") }
    try assertGolden(h.text, "collect-preview-80x24.txt")
  }

  func testGoldenRefusal80x24() throws {
    var h = Harness(rows: 24, columns: 80)
    var fill = Self.good
    fill["1.1"] = [(5, "120")]
    preview(&h, Self.form(h, fill))
    try assertGolden(h.text, "collect-refused-80x24.txt")
  }
}
