import XCTest

@testable import DubanCore

/// Layouts of the genre beyond the seed's: clauses without label words, leader lines, numbering
/// variants, unit lists, PDF text and tables. Snippets are written the way real documents are.
final class LayoutTests: XCTestCase {
  func testClausesWithoutLabelWords() throws {
    let plan = try Fixtures.parse(
      """
      一、稳定经济运行
      1.进一步落实煤炭出省销售、企业用电用气直供等产销衔接政策。(省发改委、省工业和信息化厅等负责)
      2.继续实施“十百千万”工程,大力培育新型农业经营主体。(省农业厅牵头)
      3.优化营商环境。(市政务服务中心主办,市发展改革委、市司法局协办)
      4.扩大有效投资。市发展改革委牵头,市财政局、市自然资源局配合
      5.推进社会信用体系建设。(由市发展改革委、人民银行市中心支行负责落实)
      6.保持经济运行在合理区间。(国务院各部门分别负责,年内持续推进)
      7.抓好粮食生产。(市农业农村局、市水务局分别牵头)
      """)
    XCTAssertEqual(plan.items.count, 7)
    XCTAssertEqual(plan.items[0].responsible, ["省发改委", "省工业和信息化厅"])
    XCTAssertEqual(plan.items[0].text, "进一步落实煤炭出省销售、企业用电用气直供等产销衔接政策。")
    XCTAssertEqual(plan.items[1].lead, ["省农业厅"])
    XCTAssertEqual(plan.items[2].lead, ["市政务服务中心"])
    XCTAssertEqual(plan.items[2].responsible, ["市发展改革委", "市司法局"])
    XCTAssertEqual(plan.items[3].lead, ["市发展改革委"])
    XCTAssertEqual(plan.items[3].responsible, ["市财政局", "市自然资源局"])
    XCTAssertEqual(plan.items[4].responsible, ["市发展改革委", "人民银行市中心支行"])
    XCTAssertEqual(plan.items[5].responsible, ["国务院各部门"])
    XCTAssertEqual(plan.items[6].lead, ["市农业农村局", "市水务局"])
  }

  /// Brackets that are part of the item's text are not clauses.
  func testBracketedProseStaysText() throws {
    let plan = try Fixtures.parse(
      """
      一、重点工作
      1.新建学校3所(含幼儿园1所)。(责任单位:区教育局)
      2.改造老旧小区20个(年底前完成)。
      牵头单位:区房管局
      """)
    XCTAssertEqual(plan.items[0].text, "新建学校3所(含幼儿园1所)。")
    XCTAssertEqual(plan.items[1].text, "改造老旧小区20个(年底前完成)。")
    XCTAssertEqual(plan.items[1].lead, ["区房管局"])
  }

  func testLeaderLinesAndNamesWithASpace() throws {
    let plan = try Fixtures.parse(
      """
      一、2021年经济社会发展主要预期目标
      1.地区生产总值增长6%以上。
      分管省领导:林克庆
      部门分工:省发展改革委牵头,各地、各部门配合。
      2.居民收入增长与经济增长基本同步。
      牵头领导:王 健
      责任单位:市人力资源社会保障局
      完成时限:2021年12月底
      3.全面完成节能减排任务。(分管副省长、协管副秘书长负责,省生态环境厅牵头,省工业和信息化厅配合)
      """)
    XCTAssertEqual(plan.items.count, 3)
    XCTAssertEqual(plan.items[0].leaders, ["林克庆"])
    XCTAssertEqual(plan.items[0].lead, ["省发展改革委"])
    XCTAssertEqual(plan.items[0].responsible, ["各地", "各部门"])
    XCTAssertEqual(plan.items[1].leaders, ["王健"])
    XCTAssertEqual(plan.items[1].responsible, ["市人力资源社会保障局"], "the deadline is not a unit")
    XCTAssertEqual(plan.items[2].leaders, ["分管副省长", "协管副秘书长"])
    XCTAssertEqual(plan.items[2].lead, ["省生态环境厅"])
    XCTAssertEqual(plan.items[2].responsible, ["省工业和信息化厅"])
  }

  func testNumberingVariantsAndTwoItemsOnALine() throws {
    let plan = try Fixtures.parse(
      """
      一、重点工作
      1﹒甲事项。(责任单位:区发改局)
      ②乙事项。(责任单位:区财政局)
      3)丙事项。(责任单位:区商务局)
      二、民生实事
      (一)丁事项。(区教育局负责)(二)戊事项。(区卫健局主办,区医保局协办)
      """)
    XCTAssertEqual(plan.items.map(\.number), ["1", "2", "3", "一", "二"])
    XCTAssertEqual(plan.items[3].responsible, ["区教育局"])
    XCTAssertEqual(plan.items[4].lead, ["区卫健局"])
    XCTAssertEqual(plan.items[4].responsible, ["区医保局"])
    XCTAssertTrue(plan.warnings.contains { $0.message.contains("2 items on one line") })
  }

  /// A document without parts, its items numbered 一、 and carrying their clauses.
  func testItemsNumberedLikePartsInADocumentWithoutParts() throws {
    let plan = try Fixtures.parse(
      """
      某县2016年政府工作报告目标任务分解
      一、地区生产总值增长8%。(县发改局负责)
      二、固定资产投资增长12%。(县发改局牵头,县统计局配合)
      """)
    XCTAssertEqual(plan.items.count, 2)
    XCTAssertEqual(plan.items[1].lead, ["县发改局"])
    XCTAssertEqual(plan.parts.count, 1)
  }

  func testUnitListsCompoundGroupsAndEtc() throws {
    let plan = try Fixtures.parse(
      """
      一、重点工作
      1.甲事项。(责任单位:市住房城乡建设局及各区、县(市)政府)
      2.乙事项。(责任单位:市生态环境局,各县(市)、区人民政府)
      3.丙事项。(责任单位:市商务局等有关部门)
      4.丁事项。(责任单位:市农业农村局、各开发区、镇(街道))
      """)
    XCTAssertEqual(plan.items[0].responsible, ["市住房城乡建设局", "各区、县(市)政府"])
    XCTAssertEqual(plan.items[1].responsible, ["市生态环境局", "各县(市)、区人民政府"])
    XCTAssertEqual(plan.items[2].responsible, ["市商务局", "有关部门"])
    XCTAssertEqual(plan.items[3].responsible, ["市农业农村局", "各开发区、镇(街道)"])
  }

  func testFirstListedNoteInItsWordings() throws {
    for note in ["(列第一位者为牵头单位,下同)", "责任分解中,列第一位的责任单位为牵头单位或汇总单位。", "列第一位的为牵头部门。"] {
      let plan = try Fixtures.parse(
        """
        \(note)
        一、重点工作
        1.制定出台高质量发展政策体系。
        责任单位:财政局、发改局、经信局
        """)
      XCTAssertEqual(plan.items[0].lead, ["财政局"], note)
      XCTAssertEqual(plan.items[0].responsible, ["发改局", "经信局"], note)
    }
    // The note riding on the last name of the first list.
    let plan = try Fixtures.parse(
      """
      一、于市长主抓重点工作
      1.制定出台高质量发展政策体系。
      责任单位:财政局、发改局、工商联(列第一位者为牵头或汇总单位,下同)
      """)
    XCTAssertEqual(plan.items[0].lead, ["财政局"])
    XCTAssertEqual(plan.items[0].responsible, ["发改局", "工商联"])
  }

  func testPDFTextPageMarkersHeadersAndWraps() throws {
    let plan = try Fixtures.parse(
      """
      某市人民政府文件
      一、重点工作
      1.推进城市更新。(牵头单位:市住房城乡建设局;责任单位:市自然资源和规
      划局、各区政府)
      — 3 —
      某市人民政府文件
      2.扩大就业。(责任单位:市人力资源社会保障局)
      — 4 —
      某市人民政府文件
      3.办好民生实事。(责任单位:市民政局)
      """)
    XCTAssertEqual(plan.items.count, 3)
    XCTAssertEqual(plan.items[0].responsible, ["市自然资源和规划局", "各区政府"])
    XCTAssertEqual(plan.items[1].text, "扩大就业。")
    XCTAssertEqual(plan.items[2].text, "办好民生实事。")
    XCTAssertTrue(plan.warnings.contains { $0.message.contains("page markers") })
    XCTAssertTrue(plan.warnings.contains { $0.message.contains("running header") })
  }

  func testPipeAndTabTables() throws {
    let pipe = try Fixtures.parse(
      """
      2021年政府工作报告任务分解表
      | 序号 | 工作任务 | 牵头单位 | 责任单位 | 完成时限 |
      |---|---|---|---|---|
      | 一、稳增长 | | | | |
      | 1 | 地区生产总值增长6% | 区发改局 | 区统计局、各街道 | 12月底 |
      | 2 | 一般公共预算收入增长5% | 区财政局 | 区税务局 | 12月底 |
      """)
    XCTAssertEqual(pipe.items.count, 2)
    XCTAssertEqual(pipe.items[0].text, "地区生产总值增长6%")
    XCTAssertEqual(pipe.items[0].lead, ["区发改局"])
    XCTAssertEqual(pipe.items[0].responsible, ["区统计局", "各街道"])
    let tab = try Fixtures.parse(
      "重点工作\t责任领导\t责任单位\n1.推进乡村振兴\t李四\t县农业农村局、各乡镇\n2.建设美丽县城\t王五\t县住建局\n")
    XCTAssertEqual(tab.items.count, 2)
    XCTAssertEqual(tab.items[0].leaders, ["李四"])
    XCTAssertEqual(tab.items[0].responsible, ["县农业农村局", "各乡镇"])
    XCTAssertEqual(tab.items[1].text, "2.建设美丽县城")
  }

  func testWebTableWithOneCellPerLine() throws {
    let plan = try Fixtures.parse(
      """
      序号 |
      主要工作任务 |
      牵头单位 |
      配合单位 |
      1 |
      地区生产总值增长7%左右 |
      市发展改革委 |
      市统计局 |
      2 |
      城镇新增就业3万人 |
      市人力资源社会保障局 |
      各区县政府 |
      """)
    XCTAssertEqual(plan.items.count, 2)
    XCTAssertEqual(plan.items[1].text, "城镇新增就业3万人")
    XCTAssertEqual(plan.items[1].lead, ["市人力资源社会保障局"])
    XCTAssertEqual(plan.items[1].responsible, ["各区县政府"])
  }

  /// Word, Excel and HTML tables reach the importer as cells; the header is found by its words.
  func testTablesHandedOverAsCells() throws {
    let plan = try DocumentImporter.parse(
      blocks: [
        .text("2020年区政府重点工作责任分解"),
        .table([
          ["序号", "重点工作", "牵头单位", "责任单位"],
          ["一、全力统筹疫情防控", "一、全力统筹疫情防控", "一、全力统筹疫情防控", "一、全力统筹疫情防控"],
          ["1", "坚持常态化疫情防控", "区卫健局", "各街办(新区)"],
          ["2", "开展爱国卫生运动", "区卫健局、区创文办", "区直各单位"],
        ]),
      ], file: "t.docx")
    XCTAssertEqual(plan.items.count, 2)
    XCTAssertEqual(plan.parts.first?.title, "全力统筹疫情防控")
    XCTAssertEqual(plan.items[1].lead, ["区卫健局", "区创文办"])
    XCTAssertEqual(plan.items[0].responsible, ["各街办(新区)"])
  }

  /// The bracket counter's scalars are the brackets unit names use.
  func testBracketScalarsMatchUnitNames() {
    for u in DocumentLayout.openerScalars {
      XCTAssertNotNil(UnitName.openers[Character(u)], "\(u)")
    }
    XCTAssertEqual(Set(UnitName.openers.allValues.flatMap(\.unicodeScalars)), DocumentLayout.closerScalars)
    XCTAssertEqual(DocumentLayout.openerScalars.count, UnitName.openers.allValues.count)
    XCTAssertEqual(DocumentLayout.balance("(责任单位:区财政局〈招商"), 2)
  }

  /// Offices listed before a comma share the next segment's verb; bracketed prose still stays
  /// text; 各区、县级市 is one group; 参加 names responsible units.
  func testOfficesBeforeACommaShareTheNextVerb() throws {
    let plan = try Fixtures.parse(
      """
      一、重点工作
      1.加强项目谋划储备。(区发改局牵头,区财政局、区水务局等部门,区国投公司、各街道办事处配合)
      2.做好用地保障。(市自然资源局,各街道办事处负责)
      3.新建学校3所。(含幼儿园1所)
      4.落实就业优先。(市发展改革委牵头,市教育局参加)
      5.紧缺人才开发。（牵头单位：市发展改革委，配合单位：市委组织部，各区、县级市）
      """)
    XCTAssertEqual(plan.items.count, 5)
    XCTAssertEqual(plan.items[0].lead, ["区发改局"])
    XCTAssertEqual(plan.items[0].responsible, ["区财政局", "区水务局", "区国投公司", "各街道办事处"])
    XCTAssertEqual(plan.items[1].responsible, ["市自然资源局", "各街道办事处"])
    XCTAssertTrue(plan.items[2].text.contains("含幼儿园1所"))
    XCTAssertEqual(plan.items[2].lead + plan.items[2].responsible, [])
    XCTAssertEqual(plan.items[3].lead, ["市发展改革委"])
    XCTAssertEqual(plan.items[3].responsible, ["市教育局"])
    XCTAssertEqual(plan.items[4].responsible, ["市委组织部", "各区、县级市"])
  }

  /// A part heading that names the lead (“X牵头工作(8项)”) leads the items without a clause of
  /// their own; a (一) paragraph hard-wrapped onto the line with its clause is an item.
  func testLeadInThePartHeadingAndAParagraphWrappedOntoItsClause() throws {
    let plan = try Fixtures.parse(
      """
      一、县示范区管委会牵头工作(8项)
      1.建设南美白对虾工厂化循环水养殖基地。
      2.打造食用菌酵素生产基地。(县农业农村局牵头)
      二、稳定就业
      (一)坚持扩大就业发展战略。各级发展改革部门要建立宏观经济政策对就业影响的评价机制和公共投资与重大项目建设带动就业的
      评估机制。(省发展改革委、省财政厅等负责,列第一位者为牵头单位,下同)
      (二)发展吸纳就业能力强的产业
      """)
    XCTAssertEqual(plan.items.count, 3)
    XCTAssertEqual(plan.items[0].lead, ["县示范区管委会"])
    XCTAssertEqual(plan.items[1].lead, ["县农业农村局"])
    XCTAssertEqual(plan.items[2].lead, ["省发展改革委"])
    XCTAssertEqual(plan.items[2].responsible, ["省财政厅"])
    XCTAssertTrue(plan.items[2].text.hasSuffix("评估机制。"))
    XCTAssertNil(HeadingClause.lead("全力抓好落实"))
    XCTAssertNil(HeadingClause.lead("稳增长工作(共5项)"))
  }
}
