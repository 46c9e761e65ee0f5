import DubanCore
import Foundation
import XCTest

@testable import DubanTUI

/// The review's second round (a tester's findings): undo and redo of every decision, a chooser
/// when the merge target typed fits several units, refusals that say what to do, no English
/// word on the Chinese screen, `i`/`m`/`s` on calendar warnings, and a list that uses the height.
final class ImportReviewDecisionTests: ImportReviewTestCase {
  func warning(_ s: ImportReviewState, line: Int, kind: ImportWarning.Kind) -> ImportWarning? {
    s.plan.warnings.first { $0.line == line && $0.kind == kind }
  }

  // MARK: - Undo and redo

  func testUUndoesAnAcceptAndCtrlRRedoesIt() {
    var s = review()
    press(&s, .enter)
    let accepted = s.plan
    XCTAssertEqual(s.plan.warnings[0].decision, "accepted")
    press(&s, .char("u"))
    XCTAssertEqual(s.plan, Harness.seedPlan, "the plan as it was")
    XCTAssertEqual(s.selected, 0, "back on the warning undone")
    XCTAssertEqual(s.message, "已撤销：接受第 40 行的修正")
    press(&s, .ctrl("r"))
    XCTAssertEqual(s.plan, accepted)
    XCTAssertEqual(s.message, "已重做：接受第 40 行的修正")
    press(&s, .char("u"), .char("u"))
    XCTAssertEqual(s.message, "没有可撤销的决定")
    XCTAssertEqual(s.plan, Harness.seedPlan)
  }

  func testUUndoesAMergeEverywhereItReached() throws {
    var s = review()
    try select(&s, line: 98, kind: .mergedAlias)
    press(&s, .char("m"))
    type(&s, "区建投公司")
    press(&s, .enter)
    XCTAssertNil(s.plan.units.first { $0.name == "区国资公司" })
    press(&s, .char("u"))
    XCTAssertEqual(s.plan, Harness.seedPlan, "units, items, history and the decision all as before")
    XCTAssertEqual(s.message, "已撤销：合并 区国资公司 → 区建投公司")
    XCTAssertEqual(s.plan.warnings[s.selected].line, 98)
  }

  func testUUndoesASplitAnEditAndAcceptAllInTurn() throws {
    var s = review()
    try select(&s, line: 98, kind: .splitUnits)
    press(&s, .char("s"), .ctrl("u"))
    type(&s, "汉口历史文化风貌街区指挥部、创谷项目指挥部")
    press(&s, .enter)
    let afterSplit = s.plan
    try select(&s, line: 260, kind: .advertising)
    press(&s, .char("i"), .ctrl("u"))
    type(&s, "加大执法监督力度")
    press(&s, .enter)
    XCTAssertEqual(warning(s, line: 260, kind: .advertising)?.decision, "edited")
    let afterEdit = s.plan
    press(&s, .char("A"))
    XCTAssertEqual(s.undecided, 0)
    press(&s, .char("u"))
    XCTAssertEqual(s.plan, afterEdit, "accept-all undone")
    press(&s, .char("u"))
    XCTAssertEqual(s.plan, afterSplit, "the edit undone: text, reviewed mark and decision")
    XCTAssertEqual(s.message, "已撤销：修改 2.67")
    press(&s, .char("u"))
    XCTAssertEqual(s.plan, Harness.seedPlan, "the split undone")
    press(&s, .ctrl("r"), .ctrl("r"))
    XCTAssertEqual(s.plan, afterEdit)
    press(&s, .enter)
    press(&s, .ctrl("r"))
    XCTAssertEqual(s.message, "没有可重做的决定", "a new decision forgets what was undone")
  }

  // MARK: - Merge: a chooser when the name typed fits several units

  func testAPartOfANameSeveralUnitsHaveOffersAChooser() throws {
    var s = review()
    try select(&s, line: 98, kind: .mergedAlias)
    press(&s, .char("m"))
    type(&s, "建")
    press(&s, .enter)
    let chooser = try XCTUnwrap(s.chooser, "a chooser, not an error")
    XCTAssertEqual(Set(chooser.options.map(\.value)), ["区建设局", "汉口历史文化风貌街区<创谷>项目建设指挥部", "区建投公司"])
    XCTAssertFalse(s.messageIsError)
    XCTAssertEqual(s.plan, Harness.seedPlan, "nothing merged yet")
    // Esc goes back to the prompt with what was typed.
    press(&s, .escape)
    XCTAssertNil(s.chooser)
    XCTAssertEqual(s.prompt?.editor.text, "建")
    press(&s, .enter)
    let i = try XCTUnwrap(s.chooser?.options.firstIndex { $0.value == "区建投公司" })
    for _ in 0..<i { press(&s, .down) }
    press(&s, .enter)
    XCTAssertNil(s.chooser)
    XCTAssertNil(s.prompt)
    XCTAssertEqual(warning(s, line: 98, kind: .mergedAlias)?.decision, "merged 区国资公司 → 区建投公司")
    XCTAssertEqual(s.message, "已合并：区国资公司 → 区建投公司")
  }

  func testADigitPicksFromTheChooser() throws {
    var s = review(.en)
    try select(&s, line: 98, kind: .mergedAlias)
    press(&s, .char("m"))
    type(&s, "建")
    press(&s, .enter)
    let third = try XCTUnwrap(s.chooser?.options[2].value)
    press(&s, .char("3"))
    XCTAssertEqual(warning(s, line: 98, kind: .mergedAlias)?.decision, "merged 区国资公司 → \(third)")
  }

  func testAMergeTargetNoUnitHasSaysWhatToType() throws {
    var s = review()
    try select(&s, line: 98, kind: .mergedAlias)
    press(&s, .char("m"))
    type(&s, "不存在")
    press(&s, .enter)
    XCTAssertNotNil(s.prompt)
    XCTAssertTrue(s.messageIsError)
    XCTAssertEqual(
      s.message,
      "没有名称或别称含“不存在”的单位：改成要并入的那个单位名称的一部分；只能并入方案已有的单位（新单位请按 Esc 后用 i 写入事项）")
    XCTAssertFalse(s.message!.contains("+"), "a merge never makes a new unit: no advice to write one with +")
  }

  // MARK: - Split refusals say what to do

  func testSplitOfAnUnchangedNameSaysWhereToTypeAndHowToAcceptInstead() throws {
    var s = review()
    try select(&s, line: 92, kind: .splitUnits)
    press(&s, .char("s"))
    XCTAssertEqual(s.prompt?.source, "区商务局")
    press(&s, .enter)
    XCTAssertNotNil(s.prompt, "what was typed stays")
    XCTAssertEqual(
      s.message,
      "“区商务局”还没有拆开：在一个单位结束、下一个单位开始的地方输入“、”或空格再按 Enter；它本来就是一个单位时，按 Esc 后按 Enter 接受这条修正")
    XCTAssertEqual(s.plan, Harness.seedPlan)
  }

  func testSplitIntoItselfAndAnotherSaysToEditTheItemsUnits() throws {
    var s = review(.en)
    try select(&s, line: 92, kind: .splitUnits)
    press(&s, .char("s"))
    type(&s, "区商务局、区发改委")
    press(&s, .enter)
    XCTAssertEqual(
      s.message,
      "split “区商务局”: a part cannot be “区商务局” itself; to add a unit to the item, edit the item's units")
    // A spelling of the unit (商务局 for 区商务局) counts as the unit, never a new one.
    press(&s, .ctrl("u"))
    type(&s, "商务局 区发改委")
    press(&s, .enter)
    XCTAssertTrue(s.message!.contains("cannot be “区商务局” itself"), s.message!)
    XCTAssertNil(s.plan.units.first { $0.name == "商务局" })
  }

  /// A tester typed the parts after `s` and got 区商务局区商务局、区招商局 written as a unit:
  /// the prefilled name is selected, so typing replaces it.
  func testSplitPrefillIsReplacedByWhatIsTypedAndALongerNameIsRefused() throws {
    var s = review()
    try select(&s, line: 92, kind: .splitUnits)
    press(&s, .char("s"))
    type(&s, "区发改委、区招商局")
    XCTAssertEqual(s.prompt?.editor.text, "区发改委、区招商局", "the first character typed replaces the name")
    press(&s, .escape, .char("s"), .right)
    type(&s, "区商务局、区招商局")
    XCTAssertEqual(s.prompt?.editor.text, "区商务局区商务局、区招商局", "an arrow keeps the name to edit it")
    press(&s, .enter)
    XCTAssertNotNil(s.prompt, "what was typed stays")
    XCTAssertTrue(s.messageIsError)
    XCTAssertTrue(s.message!.contains("比原名还长"), s.message!)
    XCTAssertEqual(s.plan, Harness.seedPlan, "no unit named 区商务局区商务局")
    // Tab to another unit of the item: its name is selected too.
    press(&s, .tab)
    XCTAssertEqual(s.prompt?.editor.selected, true)
  }

  /// The merge prompt has nothing prefilled to append to; the `i` form edits the item's text
  /// and units in place (the cursor at the end, as the dashboard's `i`): a unit is added by
  /// typing `、` and its name after the others.
  func testTheMergePromptStartsEmpty() throws {
    var s = review()
    try select(&s, line: 98, kind: .mergedAlias)
    press(&s, .char("m"))
    XCTAssertEqual(s.prompt?.editor.text, "")
    type(&s, "区建投公司")
    XCTAssertEqual(s.prompt?.editor.text, "区建投公司")
  }

  // MARK: - Chinese words on the Chinese screen

  func testNoEnglishDecisionOrKindWordOnTheChineseScreen() throws {
    var s = review(rows: 40, columns: 120)
    press(&s, .enter)
    try select(&s, line: 98, kind: .mergedAlias)
    press(&s, .char("m"))
    type(&s, "区建投公司")
    press(&s, .enter)
    try select(&s, line: 98, kind: .mergedAlias)
    var screen = ImportReviewView.render(s).text()
    XCTAssertTrue(screen.contains("决定：已合并 区国资公司 → 区建投公司（clerk \(Harness.now)）"), screen)
    try select(&s, line: 40, kind: .repairedDate)
    screen = ImportReviewView.render(s).text()
    XCTAssertTrue(screen.contains("决定：已接受（clerk"), screen)
    press(&s, .char("?"))
    screen += ImportReviewView.render(s).text()
    press(&s, .escape, .char("q"))
    screen += ImportReviewView.render(s).text()
    let kinds: [ImportWarning.Kind] = [
      .splitUnits, .mergedAlias, .unclosedBracket, .countMismatch, .advertising, .repairedDate, .noCalendar, .noUnits,
      .ignoredLine, .encoding, .duplicateNumber,
    ]
    for word in ["accepted", "merged", "edited", "split ", "accept", "merge "] + kinds.map(\.rawValue) {
      XCTAssertFalse(screen.contains(word), "“\(word)” on the Chinese screen:\n\(screen)")
    }
    for kind in kinds {
      XCTAssertNil(kind.label(.zh).first { $0.isASCII && $0.isLetter }, kind.rawValue)
      XCTAssertEqual(kind.label(.en), kind.rawValue)
    }
    XCTAssertEqual(ImportDecision.label("edited; split 甲乙 → 甲、乙", .zh), "已修改；已拆分 甲乙 → 甲、乙")
    XCTAssertEqual(ImportDecision.label("accepted", .en), "accepted")
  }

  // MARK: - Calendar warnings

  func testIOnARepairedDateOpensThePlansDatesAndUUndoesTheChange() throws {
    var s = review()
    try select(&s, line: 40, kind: .repairedDate)
    press(&s, .char("i"))
    guard case .form(let form) = s.app.overlay else { return XCTFail("the dates form is open") }
    XCTAssertEqual(form.fields[form.focus].key, CalendarEdit.workPlanDue, "on the date the warning read")
    type(&s, "1/30")
    press(&s, .enter)
    XCTAssertNil(s.app.overlay)
    XCTAssertEqual(s.plan.calendar.workPlanDue, "2019-01-30")
    XCTAssertEqual(warning(s, line: 40, kind: .repairedDate)?.decision, "edited 2019-01-30")
    press(&s, .char("u"))
    XCTAssertEqual(s.plan, Harness.seedPlan)
    XCTAssertEqual(s.message, "已撤销：修改报送日期")
    // On a period's date the form opens on that period.
    let q2 = try XCTUnwrap(s.plan.warnings.firstIndex { $0.message.contains("2019-07-10") })
    while s.selected < q2 { press(&s, .down) }
    press(&s, .char("i"))
    guard case .form(let f2) = s.app.overlay else { return XCTFail("the dates form is open") }
    XCTAssertEqual(f2.fields[f2.focus].key, "Q2")
  }

  /// A tester corrected the work-plan date and the detail called it the issue date: the field
  /// was found by matching the message against the dates, which the correction changed.
  func testACorrectedDateIsStillTheSameFieldAndTheDecisionShowsTheNewDate() throws {
    var s = review()
    try select(&s, line: 40, kind: .repairedDate)
    press(&s, .char("i"))
    type(&s, "1/31")
    press(&s, .enter)
    XCTAssertEqual(s.plan.calendar.workPlanDue, "2019-01-31")
    try select(&s, line: 40, kind: .repairedDate)
    let screen = ImportReviewView.render(s).text()
    XCTAssertTrue(screen.contains("（不涉及某个事项：这是报送日期，按 i 修改）"), screen)
    XCTAssertFalse(screen.contains("印发日期"), screen)
    XCTAssertTrue(screen.contains("决定：已修改为 2019-01-31（clerk"), screen)
    // `i` again opens the same date, and a second correction is shown in its turn.
    press(&s, .char("i"))
    guard case .form(let form) = s.app.overlay else { return XCTFail("the dates form is open") }
    XCTAssertEqual(form.fields[form.focus].key, CalendarEdit.workPlanDue)
    type(&s, "1/29")
    press(&s, .enter)
    XCTAssertEqual(warning(s, line: 40, kind: .repairedDate)?.decision, "edited 2019-01-29")
    XCTAssertEqual(ImportDecision.label("edited 2019-01-29", .en), "edited to 2019-01-29")
  }

  func testMAndSOnADateAndIOnTheIssueDateSayWhyAndWhatToDo() throws {
    var s = review()
    try select(&s, line: 40, kind: .repairedDate)
    XCTAssertTrue(ImportReviewView.render(s).text().contains("（不涉及某个事项：这是报送日期，按 i 修改）"))
    press(&s, .char("m"))
    XCTAssertEqual(s.message, "合并和拆分只用于单位名称，这条是日期修正：日期对就按 Enter 接受，不对就按 i 改报送日期")
    press(&s, .char("s"))
    XCTAssertEqual(s.message, "合并和拆分只用于单位名称，这条是日期修正：日期对就按 Enter 接受，不对就按 i 改报送日期")
    XCTAssertNil(s.prompt)
    try select(&s, line: 54, kind: .repairedDate)
    XCTAssertTrue(ImportReviewView.render(s).text().contains("（不涉及某个事项：这是印发日期，只作记录）"))
    press(&s, .char("i"))
    XCTAssertNil(s.app.overlay)
    XCTAssertTrue(s.message!.hasPrefix("这是印发日期（2019-01-11），不影响任何报送期限"), s.message!)
    XCTAssertEqual(s.plan, Harness.seedPlan)
  }

  func corpusReview(_ name: String) throws -> ImportReviewState {
    let doc = Harness.repoRoot.appendingPathComponent("Tests/DubanCoreTests/Corpus/\(name)")
    var plan = try DocumentImporter.importFile(at: doc.path).plan
    plan.warnings = plan.warnings.map { $0.localized(.zh) }
    return ImportReviewState(
      plan: plan, document: doc.path, lang: .zh, today: Day("2026-02-01")!, user: "clerk", rows: 24, columns: 80)
  }

  /// Lishan 2023 gives its issue date but no other: the work-plan date is filled in with `i`
  /// (in the plan's year), the report dates are added to the store afterwards.
  func testADocumentWithoutDatesSaysWhatIOrEnterDoes() throws {
    var s = try corpusReview("01-lishan-district-2023.txt")
    XCTAssertEqual(s.plan.warnings.prefix(2).map(\.kind), [.noCalendar, .noCalendar])
    let screen = ImportReviewView.render(s).text()
    XCTAssertTrue(screen.contains("│· 全文 [无日程] 文档没有写明办理方案的报送期限"), screen)
    XCTAssertTrue(screen.contains("（不涉及某个事项：没有办理方案报送日期，按 i 填写）"), screen)
    press(&s, .char("i"))
    guard case .form(let form) = s.app.overlay else { return XCTFail("the dates form is open") }
    XCTAssertEqual(form.fields[form.focus].key, CalendarEdit.workPlanDue)
    type(&s, "4/15")
    press(&s, .enter)
    XCTAssertNil(s.app.overlay, s.message ?? "")
    XCTAssertEqual(s.plan.calendar.workPlanDue, "2023-04-15", "in the plan's year, not today's")
    XCTAssertEqual(s.plan.warnings[0].decision, "edited 2023-04-15", "the date filled in goes with the decision")
    press(&s, .char("i"))
    XCTAssertNil(s.app.overlay)
    XCTAssertEqual(
      s.message, "文件没有写明进展报送日期，这里不能添加期次：按 Enter 接受，写入后在数据文件的日历（plan.calendar.periods）中添加")
    press(&s, .enter)
    XCTAssertEqual(s.message, "已接受全文的提示")
  }

  /// Tongchuan's PDF text has no date at all: `i` opens the dates form all the same, and the
  /// first date typed sets the plan's year (it was refused as "not a date in 2000").
  func testADocumentWithNoDateAtAllTakesTheYearOfTheDateTyped() throws {
    var s = try corpusReview("17-tongchuan-city-2025-pdf-layout.txt")
    XCTAssertNil(s.plan.calendar.issued)
    XCTAssertTrue(s.plan.calendar.periods.isEmpty)
    press(&s, .char("i"))
    guard case .form(let form) = s.app.overlay else { return XCTFail("the dates form is open: \(s.message ?? "")") }
    XCTAssertEqual(form.fields[form.focus].key, CalendarEdit.workPlanDue)
    type(&s, "2025-02-20")
    press(&s, .enter)
    XCTAssertNil(s.app.overlay, s.message ?? "")
    XCTAssertEqual(s.plan.calendar.workPlanDue, "2025-02-20")
  }

  // MARK: - Layout

  func testTheListUsesTheHeightAndACutLineEndsInAnEllipsis() throws {
    let tall = review(rows: 40, columns: 120)
    XCTAssertEqual(ImportReviewer.listHeight(tall), 21, "all 21 warnings at 120x40 (24 rows of room)")
    XCTAssertEqual(ImportReviewer.listHeight(review(rows: 24, columns: 80)), 8)
    XCTAssertEqual(ImportReviewer.listHeight(review(rows: 20, columns: 60)), 5)
    let screen = ImportReviewView.render(review(rows: 24, columns: 80))
    let cut = (2..<10).map { screen.line($0) }.filter { $0.contains("第92行 2.1 [拆分单位]") }
    XCTAssertEqual(cut.count, 1)
    XCTAssertTrue(cut[0].hasSuffix("…│"), cut[0])
  }

  func testGoldenScreensOfTheNewStates() throws {
    for (rows, columns) in [(24, 80), (20, 60)] {
      for lang in [Lang.zh, .en] {
        let suffix = "-\(columns)x\(rows)" + (lang == .zh ? "" : "-en")
        var s = review(lang, rows: rows, columns: columns)
        try select(&s, line: 98, kind: .mergedAlias)
        press(&s, .char("m"))
        type(&s, "建")
        press(&s, .enter)
        try assertGolden(ImportReviewView.render(s).text(), "import-review-chooser\(suffix).txt")
        press(&s, .char("3"))
        try assertGolden(ImportReviewView.render(s).text(), "import-review-merged\(suffix).txt")
        press(&s, .char("u"))
        try assertGolden(ImportReviewView.render(s).text(), "import-review-undone\(suffix).txt")
        try select(&s, line: 92, kind: .splitUnits)
        press(&s, .char("s"), .enter)
        try assertGolden(ImportReviewView.render(s).text(), "import-review-split-refused\(suffix).txt")
      }
    }
  }
}
