import DubanCore
import Foundation
import XCTest

@testable import DubanTUI

/// My unit (`U`), combined filters (`F`, Esc), the unit chooser of `r`/`R`, the period in
/// the report form, and the chase view (`C`), on the seed as of 2019-07-15.
final class UnitChaseReducerTests: XCTestCase {
  func testUnitPromptCompletesNamesAndAliasesAndRestricts() throws {
    var h = Harness(today: "2019-07-15")
    h.press(.char("U"))
    h.type("商务")
    guard case .unitPrompt(let prompt) = h.state.overlay else { return XCTFail("no prompt") }
    XCTAssertEqual(prompt.matches.first, "区商务局", "names starting with it first")
    XCTAssertTrue(prompt.matches.contains("汉口滨江国际商务区工作专班"))
    h.press(.tab)
    guard case .unitPrompt(let completed) = h.state.overlay else { return XCTFail("prompt closed") }
    XCTAssertEqual(completed.editor.text, "区商务局")
    h.press(.tab)
    guard case .unitPrompt(let next) = h.state.overlay else { return XCTFail("prompt closed") }
    XCTAssertEqual(next.editor.text, next.matches[1], "Tab again takes the next match")
    h.press(.tab)
    h.press(.enter)
    XCTAssertNil(h.state.overlay)
    XCTAssertEqual(h.state.narrowing.unit, "区商务局")
    XCTAssertEqual(h.state.focus, .tasks)
    // Its six items; all owe Q1 and Q2, so the one it leads comes first.
    XCTAssertEqual(h.visibleItems.map(\.id), ["2.2", "1.4", "2.1", "2.3", "2.13", "2.29"])
    XCTAssertTrue(h.state.message?.contains("逾期未报 12 项") == true, h.state.message ?? "")
    XCTAssertTrue(h.text.contains("任务 1/6 · 区商务局"))

    // An alias works; a name nobody has keeps the prompt open with the close ones.
    h.press(.char("U"))
    h.type("招商局")
    h.press(.enter)
    XCTAssertEqual(h.state.narrowing.unit, "区商务局")
    h.press(.char("U"))
    h.type("经信")
    h.press(.backspace, .backspace)
    h.type("科技局")
    h.press(.enter)
    XCTAssertEqual(h.state.narrowing.unit, "区科技局")
    h.press(.char("U"))
    h.type("商物局")
    h.press(.enter)
    guard case .unitPrompt = h.state.overlay else { return XCTFail("a bad name closed the prompt") }
    XCTAssertTrue(h.state.message?.contains("相近的：区商务局") == true, h.state.message ?? "")
    XCTAssertEqual(h.state.narrowing.unit, "区科技局", "unchanged")
    // An empty line clears the restriction.
    h.press(.ctrl("u"), .enter)
    XCTAssertNil(h.state.narrowing.unit)
    XCTAssertEqual(h.visibleCount, 90)
  }

  func testFiltersCombineAndEscTakesOffTheLastOne() {
    var h = Harness(today: "2019-07-15")
    h.state.doc.plan.items[h.state.plan.itemIndex(id: "2.2")!].progress = 50  // 序时 54%: green
    Reducer.openRestricted(&h.state, to: "区商务局", cache: h.cache)
    h.press(.char("F"))
    guard case .chooser(let chooser) = h.state.overlay else { return XCTFail("no chooser") }
    XCTAssertEqual(chooser.options.prefix(3).map(\.value), ["light:red", "light:yellow", "light:green"])
    h.press(.char("1"))  // 红灯
    XCTAssertEqual(h.visibleItems.map(\.id), ["1.4", "2.1", "2.3", "2.13", "2.29"])
    h.press(.char("F"), .down, .down, .down, .enter)  // 报送逾期
    XCTAssertEqual(h.state.narrowing.report, .overdue)
    h.press(.char("f"))  // 未开始
    XCTAssertEqual(h.state.filter, .status(.notStarted))
    XCTAssertEqual(h.state.filterLabels(), ["区商务局", "红灯", "报送逾期", "未开始"])
    XCTAssertTrue(h.text.contains("任务 1/5 · 区商务局 · 红灯 · 报送逾期 · 未开始"), h.text)
    // Esc takes them off one by one, the last set first.
    h.press(.escape)
    XCTAssertEqual(h.state.filter, .none)
    XCTAssertEqual(h.state.filterLabels(), ["区商务局", "红灯", "报送逾期"])
    h.press(.escape)
    XCTAssertEqual(h.state.filterLabels(), ["区商务局", "红灯"])
    h.press(.escape)
    XCTAssertEqual(h.state.filterLabels(), ["区商务局"])
    XCTAssertEqual(h.visibleCount, 6)
    h.press(.escape)
    XCTAssertEqual(h.state.filterLabels(), [])
    XCTAssertEqual(h.visibleCount, 90)
    XCTAssertEqual(h.state.focus, .tasks)
    h.press(.escape)
    XCTAssertEqual(h.state.focus, .tree, "no filter left: Esc goes back a pane")
    // The unit set after a light goes first.
    h.press(.char("F"), .char("1"))
    Reducer.openRestricted(&h.state, to: "区商务局", cache: h.cache)
    h.press(.escape)
    XCTAssertEqual(h.state.filterLabels(), ["红灯"])
    h.press(.char("F"), .char("9"))  // 清除全部筛选
    XCTAssertEqual(h.state.filterLabels(), [])
  }

  func testChooserAsksWhichUnitFilesAndMyUnitNeedsNoAsking() {
    var h = Harness(today: "2019-07-15")
    h.press(.tab)
    h.state.taskList.index = h.visibleItems.firstIndex { $0.id == "2.3" }!
    h.press(.char("R"))
    guard case .chooser(let chooser) = h.state.overlay else { return XCTFail("no chooser") }
    XCTAssertEqual(chooser.options.map(\.value), ["区商务局", "区经信局", "区科技局", "汉口滨江国际商务区工作专班"])
    XCTAssertEqual(chooser.options[0].label, "区商务局（逾期：Q1、Q2）")
    h.press(.down, .down, .up, .up, .up)
    guard case .chooser(let moved) = h.state.overlay else { return XCTFail("chooser closed") }
    XCTAssertEqual(moved.index, 0, "stops at the top")
    h.press(.char("3"))
    guard case .form(let form) = h.state.overlay else { return XCTFail("no form") }
    XCTAssertEqual(form.kind, .periodReport(itemID: "2.3", period: "Q1", unit: "区科技局"))
    h.press(.escape)
    // r: the chooser, then Enter on the second.
    h.press(.char("r"), .down)
    let effects = h.press(.enter)
    XCTAssertEqual(effects.persisted, ["2.3": [.report(period: "Q1", unit: "区经信局", filed: true, day: "2019-07-15")]])
    // Restricted to 区商务局, R files for it without asking.
    Reducer.openRestricted(&h.state, to: "区商务局", cache: h.cache)
    h.state.taskList.index = h.visibleItems.firstIndex { $0.id == "2.3" }!
    h.press(.char("R"))
    guard case .form(let mine) = h.state.overlay else { return XCTFail("no form") }
    XCTAssertEqual(mine.kind, .periodReport(itemID: "2.3", period: "Q1", unit: "区商务局"))
  }

  func testReportFormPeriodCanBeChangedToAnOwedOrTheCurrentOne() {
    var h = Harness(today: "2019-07-15")
    Reducer.openRestricted(&h.state, to: "区商务局", cache: h.cache)
    XCTAssertEqual(h.selectedItem?.id, "2.2")
    h.press(.char("R"))
    guard case .form(let form) = h.state.overlay else { return XCTFail("no form") }
    XCTAssertEqual(form.fields[form.focus].key, "progressText", "typing starts on the report")
    XCTAssertEqual(form.value("period"), "第一季度")
    h.type("签约3个项目")
    h.press(.backTab)  // the period field
    h.type("全年")
    h.press(.enter)
    guard case .form(let refused) = h.state.overlay else { return XCTFail("a bad period closed the form") }
    XCTAssertEqual(refused.fields[refused.focus].key, "period")
    XCTAssertEqual(refused.error, "期次只能是：第一季度（Q1）、第二季度（Q2）、第三季度（Q3）")
    XCTAssertEqual(refused.value("progressText"), "签约3个项目", "nothing typed is lost")
    for typed in ["q2", "２", "二季度", "Ｑ２"] {
      guard case .form(let f) = h.state.overlay else { return XCTFail("form closed") }
      XCTAssertEqual(Form.period(typed: typed, in: h.state.plan.calendar.periods)?.id, "Q2", typed)
      XCTAssertEqual(f.kind, .periodReport(itemID: "2.2", period: "Q1", unit: "区商务局"))
    }
    h.press(.ctrl("u"))
    h.type("q2")
    guard case .form(let retitled) = h.state.overlay else { return XCTFail("form closed") }
    XCTAssertTrue(retitled.title.hasPrefix("第二季度进展 2.2 · 区商务局"), retitled.title)
    let effects = h.press(.enter)
    guard case .periodReport(let report)? = effects.persisted["2.2"]?.first else { return XCTFail("\(effects)") }
    XCTAssertEqual(
      [report.period, report.unit, report.filed, report.progressText], ["Q2", "区商务局", "2019-07-15", "签约3个项目"])
    XCTAssertTrue(h.text.contains("进展报送（区商务局）：Q1✗ Q2迟 Q3· Y·"), h.text)
  }

  func testChaseViewOpensItemsFilesReportsExportsAndReturns() throws {
    var h = Harness(today: "2019-07-15")
    h.press(.char("w"), .char("C"))
    XCTAssertEqual(h.state.view, .chase)
    let rows = h.chaseRows
    guard case .unit(let first) = rows.first else { return XCTFail("no unit heading") }
    XCTAssertEqual(first.unit, "区城管委")
    XCTAssertEqual(rows.count, h.chase.units.count + h.chase.overdueCount)
    h.press(.escape)
    XCTAssertEqual(h.state.view, .workload, "Esc returns where C was pressed")
    h.press(.escape, .char("C"), .down)
    guard case .entry(let unit, let entry) = h.chaseRows[1] else { return XCTFail("no entry") }
    XCTAssertEqual([unit, entry.itemID, entry.period.id], ["区城管委", "2.20", "Q1"])
    // R files the entry's report for its unit and period.
    h.press(.char("R"))
    guard case .form(let form) = h.state.overlay else { return XCTFail("no form") }
    XCTAssertEqual(form.kind, .periodReport(itemID: "2.20", period: "Q1", unit: "区城管委"))
    h.press(.escape)
    let effects = h.press(.char("r"))
    XCTAssertEqual(effects.persisted, ["2.20": [.report(period: "Q1", unit: "区城管委", filed: true, day: "2019-07-15")]])
    XCTAssertEqual(h.chase.units.first { $0.unit == "区城管委" }?.overdue.count, 27, "the filed one is off the list")
    // The selection stays on the row: the next report to chase, 2.22. Enter opens its item
    // in the dashboard; Esc comes back.
    h.press(.enter)
    XCTAssertEqual(h.state.view, .dashboard)
    XCTAssertEqual(h.selectedItem?.id, "2.22")
    h.press(.escape)
    XCTAssertEqual(h.state.view, .chase)
    // X asks the format (m Markdown, d Word): every unit's notice; restricted to one unit,
    // that unit's.
    XCTAssertEqual(h.press(.char("X")), [])
    XCTAssertEqual(h.state.overlay, .exportFormat(.chaseNotices(unit: nil)))
    XCTAssertEqual(h.press(.char("m")), [.export(.chaseNotices(unit: nil))])
    h.press(.char("U"))
    h.type("区商务局")
    h.press(.enter)
    XCTAssertEqual(h.chase.units.map(\.unit), ["区商务局"])
    h.press(.char("X"))
    XCTAssertEqual(h.press(.char("d")), [.exportAs(.chaseNotices(unit: "区商务局"), .docx)])
    XCTAssertEqual(h.state.view, .chase)
    h.press(.escape)
    XCTAssertEqual(h.state.view, .dashboard)
  }
}

final class UnitChaseRenderTests: XCTestCase {
  func testChaseViewGoldenAndAlignment() throws {
    for (rows, columns) in [(40, 120), (24, 80), (20, 60)] {
      var h = Harness(rows: rows, columns: columns, today: "2019-07-15")
      h.press(.char("C"), .down, .down)
      for row in 0..<rows { XCTAssertEqual(h.screen.width.width(of: h.screen.line(row)), columns, "row \(row)") }
      let lines = h.text.split(separator: "\n").map(String.init)
      let edges = Set(lines.dropFirst(2).dropLast(2).map { columnsOf("│", in: $0) })
      XCTAssertEqual(edges, [[0, columns - 1]], "\(columns)x\(rows)")
    }
    var h = Harness(rows: 40, columns: 120, today: "2019-07-15")
    h.press(.char("C"), .down, .down)
    try assertGolden(h.text, "chase-120x40.txt")
    var small = Harness(rows: 24, columns: 80, today: "2019-07-15")
    Reducer.openRestricted(&small.state, to: "区商务局", cache: small.cache)
    small.press(.char("C"))
    try assertGolden(small.text, "chase-unit-80x24.txt")
  }

  func testReportFormShowsItsPeriodGolden() throws {
    var h = Harness(rows: 24, columns: 80, today: "2019-07-15")
    Reducer.openRestricted(&h.state, to: "区商务局", cache: h.cache)
    h.press(.char("R"))
    h.type("签约3个项目")
    h.press(.up)
    h.type("第五季度")
    h.press(.enter)
    try assertGolden(h.text, "report-form-period-80x24.txt")
    XCTAssertTrue(h.text.contains("⚠ 期次只能是"), h.text)
    for row in 0..<24 { XCTAssertEqual(h.screen.width.width(of: h.screen.line(row)), 80) }
  }

  func testChooserAndUnitPromptGoldens() throws {
    var h = Harness(rows: 24, columns: 80, today: "2019-07-15")
    h.press(.tab)
    h.state.taskList.index = h.visibleItems.firstIndex { $0.id == "2.3" }!
    h.press(.char("R"))
    try assertGolden(h.text, "chooser-80x24.txt")
    assertBordersAligned(Harness(rows: 24, columns: 80).screen)
    var p = Harness(rows: 24, columns: 80, today: "2019-07-15")
    p.press(.char("U"))
    p.type("街道")
    try assertGolden(p.text, "unit-prompt-80x24.txt")
    XCTAssertTrue(p.text.contains("还有"), "more matches than shown")
    for row in 0..<24 { XCTAssertEqual(p.screen.width.width(of: p.screen.line(row)), 80) }
    var e = Harness(rows: 24, columns: 80, lang: .en, today: "2019-07-15")
    e.press(.char("U"))
    e.type("商务")
    e.press(.tab)
    try assertGolden(e.text, "unit-prompt-80x24-en.txt")
  }
}

/// `X` in the chase view, through the runtime onto the disk: where the notices go.
final class ChaseExportRuntimeTests: XCTestCase {
  /// A dashboard on the seed at 7/15, started in a folder of its own (where X writes).
  func inChaseFolder(_ body: (AppRuntime, URL) throws -> Void) throws {
    Store.prepareProcess()
    let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("duban-chase-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let previous = FileManager.default.currentDirectoryPath
    XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath(dir.path))
    defer {
      _ = FileManager.default.changeCurrentDirectoryPath(previous)
      try? FileManager.default.removeItem(at: dir)
    }
    let store = Store(path: dir.appendingPathComponent("plan.json").path)
    try store.save(StoreDocument(plan: Harness.seedPlan))
    let state = AppState(
      doc: try store.load(), storePath: store.path, lang: .zh, today: Day("2019-07-15")!, user: "王科员", rows: 35,
      columns: 120)
    try body(AppRuntime(state: state, store: store, clock: { Harness.now }), dir)
  }

  func testXWritesOneNoticePerUnitOrTheRestrictedUnitsOne() throws {
    try inChaseFolder { runtime, dir in
      _ = runtime.handle(.key(.char("C")))
      _ = runtime.handle(.key(.char("X")))
      _ = runtime.handle(.key(.char("m")))
      let units = runtime.cache.chase(runtime.state).units.count
      XCTAssertEqual(runtime.state.message, "已导出 duban-催办通知-2019-07-15/（\(units) 份催办通知，在启动 duban 的文件夹）")
      let folder = dir.appendingPathComponent("duban-催办通知-2019-07-15").path
      XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).count, units)
      let notice = try String(contentsOfFile: folder + "/催办通知-区城管委-2019-07-15.md", encoding: .utf8)
      XCTAssertTrue(notice.contains("## 一、逾期未报送（28项）"), notice)
      // Restricted to one unit: its notice alone, beside the store.
      _ = runtime.handle(.key(.char("U")))
      for c in "区商务局" { _ = runtime.handle(.key(.char(c))) }
      _ = runtime.handle(.key(.enter))
      _ = runtime.handle(.key(.char("X")))
      _ = runtime.handle(.key(.char("m")))
      XCTAssertEqual(runtime.state.message, "已导出 催办通知-区商务局-2019-07-15.md（在启动 duban 的文件夹）")
      XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("催办通知-区商务局-2019-07-15.md").path))
      // A second X replaces duban's own file; a file someone wrote by hand is never replaced.
      let mine = dir.appendingPathComponent("催办通知-区商务局-2019-07-15.md")
      try "手写的通知".write(to: mine, atomically: true, encoding: .utf8)
      _ = runtime.handle(.key(.char("X")))
      _ = runtime.handle(.key(.char("m")))
      XCTAssertEqual(
        runtime.state.message, "导出失败：催办通知-区商务局-2019-07-15.md 已存在且不是 duban 导出的文件，未覆盖；请改名或移走后再导出")
      XCTAssertEqual(try String(contentsOf: mine, encoding: .utf8), "手写的通知")
    }
  }

  /// X, d: the same notices as Word documents, one per unit the office sends them to, each
  /// laid out by the office exporter (duban-office in duban; a stand-in here).
  func testXThenDWritesOneWordNoticePerUnit() throws {
    try inChaseFolder { runtime, dir in
      // An office file as duban writes it, naming the unit it was asked for.
      runtime.officeExporter = { request, choice, _, _ in
        guard case .chaseNotices(let unit?) = request, choice == .docx else { return [] }
        return [0x50, 0x4B, 0x03, 0x04] + Array((OfficeFile.application + unit).utf8)
      }
      _ = runtime.handle(.key(.char("C")))
      _ = runtime.handle(.key(.char("X")))
      _ = runtime.handle(.key(.char("d")))
      let units = runtime.cache.chase(runtime.state).units.map(\.unit)
      XCTAssertEqual(runtime.state.message, "已导出 duban-催办通知-2019-07-15/（\(units.count) 份催办通知，在启动 duban 的文件夹）")
      let folder = dir.appendingPathComponent("duban-催办通知-2019-07-15").path
      let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
      XCTAssertEqual(names, units.map { "催办通知-\($0)-2019-07-15.docx" }.sorted())
      let one = try Data(contentsOf: URL(fileURLWithPath: folder + "/催办通知-区城管委-2019-07-15.docx"))
      XCTAssertTrue(String(decoding: one, as: UTF8.self).hasSuffix("区城管委"), "each file is its own unit's notice")
    }
  }
}
