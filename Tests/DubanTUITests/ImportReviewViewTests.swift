import DubanCore
import Foundation
import XCTest

@testable import DubanTUI

/// The review after import, driven by keys without a terminal: what each key decides, and
/// what the screen shows (golden screens at 80x24 and 120x40, Chinese and English).
final class ImportReviewViewTests: ImportReviewTestCase {
  func testEnterAcceptsAndMovesToTheNextOpenWarning() {
    var s = review()
    XCTAssertEqual(s.selected, 0)
    XCTAssertEqual(press(&s, .enter), .stay)
    XCTAssertEqual(s.plan.warnings[0].decision, "accepted")
    XCTAssertEqual(s.plan.warnings[0].by, "clerk \(Harness.now)")
    XCTAssertEqual(s.selected, 1)
    XCTAssertEqual(s.undecided, s.plan.warnings.count - 1)
  }

  func testMergeChoosesTheNamedUnitAndTheTargetByAnyPartOfItsName() throws {
    var s = review()
    try select(&s, line: 98, kind: .mergedAlias)
    press(&s, .char("m"))
    XCTAssertEqual(s.prompt?.source, "区国资公司", "the unit the warning names comes first")
    type(&s, "建投")
    XCTAssertEqual(s.prompt?.matches(in: s.plan), ["区建投公司"])
    press(&s, .enter)
    XCTAssertNil(s.prompt)
    let w = try XCTUnwrap(s.plan.warnings.first { $0.line == 98 && $0.kind == .mergedAlias })
    XCTAssertEqual(w.decision, "merged 区国资公司 → 区建投公司")
    XCTAssertEqual(s.plan.unit(named: "国资公司")?.name, "区建投公司")
    XCTAssertTrue(s.plan.item(id: "2.4")!.responsible.contains("区建投公司"))
  }

  func testAMergeIntoAnUnknownUnitKeepsThePromptOpenWithTheReason() throws {
    var s = review()
    try select(&s, line: 98, kind: .mergedAlias)
    press(&s, .char("m"))
    type(&s, "不存在的局")
    press(&s, .enter)
    XCTAssertNotNil(s.prompt, "what was typed is kept")
    XCTAssertTrue(s.messageIsError)
    XCTAssertEqual(s.plan, Harness.seedPlan, "nothing changed")
    press(&s, .escape)
    XCTAssertNil(s.prompt)
  }

  func testSplitTypesTheSeparatorsIntoTheName() throws {
    var s = review()
    try select(&s, line: 98, kind: .splitUnits)
    press(&s, .char("s"))
    XCTAssertEqual(s.prompt?.source, "汉口历史文化风貌街区<创谷>项目建设指挥部")
    press(&s, .ctrl("u"))
    type(&s, "汉口历史文化风貌街区指挥部、创谷项目指挥部")
    press(&s, .enter)
    XCTAssertNil(s.prompt)
    let item = try XCTUnwrap(s.plan.item(id: "2.4"))
    XCTAssertEqual(Array(item.responsible.prefix(2)), ["汉口历史文化风貌街区指挥部", "创谷项目指挥部"])
    let w = try XCTUnwrap(s.plan.warnings.first { $0.line == 98 && $0.kind == .splitUnits })
    XCTAssertEqual(w.decision, "split 汉口历史文化风貌街区<创谷>项目建设指挥部 → 汉口历史文化风貌街区指挥部、创谷项目指挥部")
  }

  func testIOpensTheItemFormAndASavedFixRecordsEdited() throws {
    var s = review()
    try select(&s, line: 260, kind: .advertising)
    press(&s, .char("i"))
    guard case .form = s.app.overlay else { return XCTFail("the item form is open") }
    let id = try XCTUnwrap(s.selectedItem?.id)
    // Replace the advertising in the text with what the printed report says.
    let text = s.selectedItem!.text.replacingOccurrences(of: "365bet体育投注", with: "执法监督")
    press(&s, .ctrl("u"))
    type(&s, text)
    press(&s, .enter)
    XCTAssertNil(s.app.overlay)
    XCTAssertEqual(s.plan.item(id: id)?.text, text)
    XCTAssertNotNil(s.plan.item(id: id)?.reviewed)
    XCTAssertEqual(s.plan.warnings.first { $0.line == 260 }?.decision, "edited")
  }

  func testEscOnTheFormChangesNothing() throws {
    var s = review()
    try select(&s, line: 260, kind: .advertising)
    press(&s, .char("i"), .escape)
    XCTAssertNil(s.app.overlay)
    XCTAssertNil(s.plan.warnings.first { $0.line == 260 }?.decision)
  }

  func testAFormSavedWithoutAChangeDecidesNothingAndSaysEnterAccepts() throws {
    var s = review()
    try select(&s, line: 260, kind: .advertising)
    press(&s, .char("i"), .enter)
    XCTAssertNil(s.app.overlay)
    XCTAssertNil(s.plan.warnings.first { $0.line == 260 }?.decision)
    XCTAssertEqual(s.message, "2.67 没有修改；所读无误请按 Enter 接受")
  }

  func testQuitAsksThenWritesOrAbandons() {
    var s = review()
    XCTAssertEqual(press(&s, .char("q")), .stay)
    XCTAssertTrue(s.quitting)
    XCTAssertEqual(press(&s, .escape), .stay)
    XCTAssertFalse(s.quitting, "Esc goes back to the review")
    XCTAssertEqual(press(&s, .escape, .char("w")), .write)
    var t = review()
    XCTAssertEqual(press(&t, .char("q"), .char("x")), .abandon)
  }

  func testAAcceptsTheRestAndKeepsEarlierDecisions() throws {
    var s = review()
    try select(&s, line: 98, kind: .mergedAlias)
    press(&s, .char("m"))
    type(&s, "区建投公司")
    press(&s, .enter, .char("A"))
    XCTAssertEqual(s.undecided, 0)
    XCTAssertEqual(s.plan.warnings.filter { $0.decision?.hasPrefix("merged") == true }.count, 1)
  }

  func testEveryKeyOfTheTableDoesSomethingAndHelpListsThem() {
    for binding in ReviewKeys.table {
      for key in binding.keys {
        XCTAssertEqual(ReviewKeys.command(for: key), binding.command, "\(key)")
      }
    }
    var s = review()
    press(&s, .char("?"))
    let screen = ImportReviewView.render(s).text()
    for binding in ReviewKeys.table { XCTAssertTrue(screen.contains(binding.zh), binding.zh) }
  }

  // MARK: - Golden screens

  func testGoldenScreens() throws {
    for (rows, columns) in [(24, 80), (40, 120)] {
      for lang in [Lang.zh, .en] {
        var s = review(lang, rows: rows, columns: columns)
        try select(&s, line: 98, kind: .mergedAlias)
        let suffix = lang == .zh ? "" : "-en"
        try assertGolden(ImportReviewView.render(s).text(), "import-review-\(columns)x\(rows)\(suffix).txt")
        press(&s, .char("m"))
        type(&s, "建投")
        try assertGolden(ImportReviewView.render(s).text(), "import-review-merge-\(columns)x\(rows)\(suffix).txt")
        press(&s, .enter, .char("q"))
        try assertGolden(ImportReviewView.render(s).text(), "import-review-quit-\(columns)x\(rows)\(suffix).txt")
      }
    }
  }

  func testNoRowIsWiderThanTheScreenAtAnySize() {
    for (rows, columns) in [(10, 40), (24, 80), (40, 120), (30, 61)] {
      var s = review(rows: rows, columns: columns)
      for keys: [Key] in [[], [.char("m")], [.escape, .char("s")], [.escape, .char("?")], [.escape, .char("i")]] {
        for k in keys { press(&s, k) }
        let screen = ImportReviewView.render(s)
        for r in 0..<rows {
          XCTAssertLessThanOrEqual(screen.width.width(of: screen.line(r)), columns, "\(columns)x\(rows) \(keys)")
        }
      }
    }
  }
}

final class ImportReviewReadmeTests: XCTestCase {
  func testTheReadmeCarriesTheReviewKeyTable() throws {
    let readme = try String(
      contentsOf: Harness.repoRoot.appendingPathComponent("README.md"), encoding: .utf8)
    XCTAssertTrue(
      readme.contains(ReviewKeys.markdown()), "README.md's review key table is out of date:\n\(ReviewKeys.markdown())")
  }
}
