import XCTest

@testable import DubanCore

/// The rules the layout-invariance test led to, each on a small document of the genre, with the
/// case it must leave alone.
final class InvarianceRuleTests: XCTestCase {
  func item(_ plan: Plan, _ k: Int) -> (lead: [String], responsible: [String], leaders: [String]) {
    (plan.items[k].lead, plan.items[k].responsible, plan.items[k].leaders)
  }

  func testVerbClauseThenLeadersClauseKeepsItsUnits() throws {
    let plan = try Fixtures.parse(
      """
      1.稳定经济增长。（市发展改革委牵头，市财政局、市统计局配合）（责任领导：王健）
      2.办好民生实事（2024年底前完成）。（责任单位：市民政局；责任领导：李明）
      """)
    XCTAssertEqual(plan.items[0].text, "稳定经济增长。")
    XCTAssertEqual(item(plan, 0).lead, ["市发展改革委"])
    XCTAssertEqual(item(plan, 0).responsible, ["市财政局", "市统计局"])
    XCTAssertEqual(item(plan, 0).leaders, ["王健"])
    // A bracket of text before a clause that names units itself stays text.
    XCTAssertTrue(plan.items[1].text.contains("2024年底前完成"))
    XCTAssertEqual(item(plan, 1).responsible, ["市民政局"])
  }

  func testCircledNumbersPastTwenty() {
    XCTAssertEqual(ChineseNumerals.circled("⑳"), 20)
    XCTAssertEqual(ChineseNumerals.circled("㉑"), 21)
    XCTAssertEqual(ChineseNumerals.circled("㊿"), 50)
    XCTAssertNil(ChineseNumerals.circled("㊀"))
  }

  func testShortPageRunIntoOneLine() throws {
    let plan = try Fixtures.parse(
      "重点任务分解　1.稳定经济增长。（牵头单位：市发展改革委）2.扩大就业。（责任单位：市人社局、市教育局）")
    XCTAssertEqual(plan.items.map(\.lead), [["市发展改革委"], []])
    XCTAssertEqual(plan.items.map(\.responsible), [[], ["市人社局", "市教育局"]])
    // A short sentence that mentions numbers, without a clause after each, is not cut.
    XCTAssertTrue(DocumentLayout.clauseItemCuts("目标：1.增长6%。2.就业稳定。").isEmpty)
  }

  func testClauseWrappedOverSeveralLinesAndItemWrappedOntoIt() throws {
    let plan = try Fixtures.parse(
      """
      2024年重点任务分解
      1．制定出台高质量发展政策体系，建立企业参
      与的政策决策机制，与企业共克时艰。（牵头部门：财政局；参与单位：发改
      局、经信局、科技局、商务局、人才办、服
      务业局、工商联）
      2．全面落实减税降费政策。（牵头部门：发改局；参与单位：税务局）
      """)
    XCTAssertEqual(plan.items.count, 2)
    XCTAssertEqual(item(plan, 0).lead, ["财政局"])
    XCTAssertEqual(item(plan, 0).responsible, ["发改局", "经信局", "科技局", "商务局", "人才办", "服务业局", "工商联"])
    // A bracket never closed within a few lines is not joined across the document.
    var layout = DocumentLayout()
    let lines = ["1.任务（说明", "第二行", "第三行", "第四行", "第五行", "第六行", "第七行", "第八行）"].enumerated().map {
      (number: $0.offset + 1, text: $0.element)
    }
    XCTAssertEqual(layout.joinHardWraps(lines).count, lines.count)
  }

  func testEmptyCellOfATableOneCellPerLine() throws {
    let plan = try Fixtures.parse(
      """
      序号
      工作任务
      牵头单位
      责任单位
      1
      稳定经济增长。

      区发改委
      2
      扩大有效投资。
      区财政局
      区住建局
      """)
    XCTAssertEqual(plan.items.map(\.lead), [[], ["区财政局"]])
    XCTAssertEqual(plan.items.map(\.responsible), [["区发改委"], ["区住建局"]])
  }

  func testFieldColonRecords() throws {
    let plan = try Fixtures.parse(
      """
      序号：1
      工作任务：稳定经济增长。
      牵头单位：市发展改革委
      责任单位：市财政局、市统计局
      序号：2
      工作任务：扩大就业。
      牵头单位：市人社局
      """)
    XCTAssertEqual(plan.items.map(\.text), ["稳定经济增长。", "扩大就业。"])
    XCTAssertEqual(plan.items.map(\.lead), [["市发展改革委"], ["市人社局"]])
    XCTAssertEqual(plan.items[0].responsible, ["市财政局", "市统计局"])
    // A line whose words before the colon name no field of the genre is no record.
    XCTAssertNil(TableReader.fieldColonCells("说明：以下各项按季度报送"))
  }

  func testSentenceCutAtAVerbIsNoClause() throws {
    let plan = try Fixtures.parse(
      """
      2024年重点任务分解
      1．稳定就业。在安排公共投资与重大项目建设时,同等条件下对创造就业岗位
      多的项目优先安排。鼓励社会资金和金融资本参与
      创业投资,推动创业带动就业工作。（牵头单位：省发展改革委；责任单位：省财政厅）
      2．扩大有效投资。省发展改革委牵头，省财政厅配合
      """)
    XCTAssertEqual(plan.items.map(\.lead), [["省发展改革委"], ["省发展改革委"]])
    XCTAssertEqual(plan.items.map(\.responsible), [["省财政厅"], ["省财政厅"]])
  }

  /// The quick test before a short line is cut: only a first number after a break can start
  /// a sequence (an item line's own number, figures and dates cannot).
  func testOnlyAFirstNumberAfterABreakMayCutALine() {
    XCTAssertTrue(DocumentLayout.mayCut("重点工作 1.推进项目(牵头单位:区发改委)2.…"))
    XCTAssertTrue(DocumentLayout.mayCut("通知如下：一、目标"))
    XCTAssertTrue(DocumentLayout.mayCut("任务 （一）招商"))
    XCTAssertFalse(DocumentLayout.mayCut("1. 增长 2.5%，完成 12.3亿元(牵头单位:区发改委)"))
    XCTAssertFalse(DocumentLayout.mayCut("完成时限: 6月底前；11.5万平方米"))
  }
}
