import XCTest

@testable import DubanCore

/// The layouts the blind corpus documents showed (27–36, and 25–26 marked before): web tables
/// one cell per line with gaps in their numbers, cells over several lines and a merged 序号
/// cell; tables with a field per row; a whole document run into one line; two spaced-out
/// leader names run together. Each rule also has the case it must leave alone.
final class LayoutRuleTests: XCTestCase {
  /// An office's share of a city's list: numbers from 3, a jump to 68, part headings between
  /// rows, 主要责任单位 naming the lead, cells ending in “。”.
  func testCellPerLineNumbersWithGapsAndHeadings() throws {
    let plan = try Fixtures.parse(
      """
      序号

      重点工作任务

      主要责任单位

      协同配合单位

      一、主要预期目标

      3

      固定资产投资增长7.5%左右。

      区发改委

      区工信局、区住建局。

      二、全力以赴扩投资

      68

      加快建设黎明小学扩建教学楼项目。

      区教育局

      区投资促进中心。
      """)
    XCTAssertEqual(plan.items.map(\.text), ["固定资产投资增长7.5%左右。", "加快建设黎明小学扩建教学楼项目。"])
    XCTAssertEqual(plan.items[0].lead, ["区发改委"])
    XCTAssertEqual(plan.items[0].responsible, ["区工信局", "区住建局"])
    XCTAssertEqual(plan.items[1].lead, ["区教育局"])
    XCTAssertEqual(plan.items[1].responsible, ["区投资促进中心"])
  }

  /// Three units on three lines are one cell; a second task under a merged 序号 is more of the
  /// item, not an item of its own; 民生实事 names the task column.
  func testCellPerLineCellsOverSeveralLines() throws {
    let plan = try Fixtures.parse(
      """
      序号

      民生实事

      责任单位

      完成时限

      1

      启动建设东柳河综合治理工程。

      县水务局

      县住建局

      县护城河指挥部

      12月底前

      2

      开工建设县老年养护楼。

      县民政局

      5月底前动工

      开工建设老年大学。

      12月底前

      3

      新建2座人行天桥。

      县住建局

      9月投入使用
      """)
    XCTAssertEqual(plan.items.count, 3)
    XCTAssertEqual(plan.items[0].responsible, ["县水务局", "县住建局", "县护城河指挥部"])
    XCTAssertEqual(plan.items[1].text, "开工建设县老年养护楼。开工建设老年大学。")
    XCTAssertEqual(plan.items[1].responsible, ["县民政局"])
    XCTAssertEqual(plan.items[2].responsible, ["县住建局"])
  }

  /// Heading and clause lines are no header words: a part heading, a “(一)” section whose
  /// title names a category, and a lone clause stay what they are.
  func testHeadingsAndClausesAreNoHeaderWords() throws {
    let plan = try Fixtures.parse(
      """
      一、预期目标(共1项)
      (一)增长8%。
      (责任单位:区财政局)
      二、重点工作(共1项)
      (一)第一板块
      营商环境
      1. 甲。(责任单位:区发改委)
      """)
    XCTAssertEqual(plan.items.count, 2)
    XCTAssertEqual(plan.items[0].responsible, ["区财政局"])
    XCTAssertEqual(plan.items[1].responsible, ["区发改委"])
  }

  /// A task on a page of its own, printed as a label and a value per row.
  func testFieldPerRowTable() throws {
    let plan = try Fixtures.parse(
      """
      重点工作: | 制定鼓励海外人才来穗创业红棉计划,吸引全球顶尖人才在广州集聚。 |
      牵头单位: | 市人力资源和社会保障局 |
      年度阶段性工作目标及完成时限: | 第一季度:启动实施“红棉计划”。 |
      进展落实情况: | 已完成。 |
      """)
    XCTAssertEqual(plan.items.count, 1)
    XCTAssertTrue(plan.items[0].text.hasPrefix("制定鼓励海外人才来穗创业"))
    XCTAssertEqual(plan.items[0].lead, ["市人力资源和社会保障局"])
  }

  /// The same turned on its side with several items: columns are items, a field row each.
  func testTransposedTableWithSeveralItems() throws {
    let plan = try Fixtures.parse(
      """
      | 序号 | 1 | 2 |
      | 工作任务 | 推进老旧小区改造。 | 新建公园3个。 |
      | 牵头单位 | 区住建局 | 区园林局 |
      | 配合单位 | 各街道 | 区财政局、各街道 |
      """)
    XCTAssertEqual(plan.items.map(\.text), ["推进老旧小区改造。", "新建公园3个。"])
    XCTAssertEqual(plan.items[1].lead, ["区园林局"])
    XCTAssertEqual(plan.items[1].responsible, ["区财政局", "各街道"])
  }

  /// A table whose first column is data (a 序号 under a header row) is no field-per-row table.
  func testOrdinaryPipeTableIsNotTransposed() throws {
    let plan = try Fixtures.parse(
      """
      序号 | 工作任务 | 牵头单位 |
      1 | 推进老旧小区改造。 | 区住建局 |
      2 | 新建公园3个。 | 区园林局 |
      """)
    XCTAssertEqual(plan.items.map(\.lead), [["区住建局"], ["区园林局"]])
  }

  /// A page that runs the whole document into one line: the notice, the part heading and the
  /// item follow each other after spaces.
  func testRunOnLineIsSplitAtItsNumbers() throws {
    let notice = String(repeating: "为进一步做好我市新形势下就业创业工作,结合实际,", count: 6)
    let plan = try Fixtures.parse(
      "各县区人民政府: \(notice)现提出以下意见: 一、深入实施就业优先战略 1.坚持就业优先发展战略。将就业创业工作纳入政绩考核。"
        + "(市发展改革委牵头,市财政局参加) 2.发展吸纳就业能力强的产业。(市商务局负责)")
    XCTAssertEqual(plan.items.count, 2)
    XCTAssertEqual(plan.items[0].lead, ["市发展改革委"])
    XCTAssertEqual(plan.items[0].responsible, ["市财政局"])
    XCTAssertEqual(plan.items[1].responsible, ["市商务局"])
    XCTAssertTrue(plan.warnings.contains { $0.message.includes("split at the numbers") })
  }

  /// Numbers inside a sentence, or out of sequence, are no cuts; a short line is never split.
  func testRunOnCutsNeedSequenceAndAPlaceToStart() {
    let long = String(repeating: "推进项目建设,", count: 40)
    XCTAssertEqual(DocumentLayout.runOnCuts("\(long)增长2.5%。三、四季度 7.完成。 5.完成。").count, 0)
    XCTAssertEqual(DocumentLayout.runOnCuts("\(long) 一、甲 1.乙 2.丙").count, 3)
    var layout = DocumentLayout()
    let short = layout.splitRunOnLines([(1, "一、甲 1.乙 2.丙")])
    XCTAssertEqual(short.count, 1)
  }

  /// Two-character names spaced out to line up, run together without their separator.
  func testSpacedNamesRunTogether() {
    XCTAssertEqual(UnitClause.leaderNames(Array("陆 明俞 悦")), ["陆明", "俞悦"])
    XCTAssertEqual(UnitClause.leaderNames(Array("俞 悦")), ["俞悦"])
    XCTAssertEqual(UnitClause.leaderNames(Array("王 健李 强张 伟")), ["王健", "李强", "张伟"])
    XCTAssertEqual(UnitClause.leaderNames(Array("欧阳 明")), ["欧阳明"])
  }
}

extension LayoutRuleTests {
  /// A bracket of bare unit names closing an item is its clause; a bracket of prose stays text.
  func testBareUnitListInBrackets() throws {
    let plan = try Fixtures.parse(
      """
      一、主要工作目标
      1、地区生产总值增长11%(市发改委,市政府相关部门,各县市区政府,荆州开发区)。
      2、新建学校3所(含幼儿园1所)。(责任单位:市教育局)
      3、改造老旧小区20个(年底前完成)。
      """)
    XCTAssertEqual(plan.items[0].responsible, ["市发改委", "市政府相关部门", "各县市区政府", "荆州开发区"])
    XCTAssertEqual(plan.items[0].text, "地区生产总值增长11%")
    XCTAssertEqual(plan.items[1].text, "新建学校3所(含幼儿园1所)。")
    XCTAssertEqual(plan.items[1].responsible, ["市教育局"])
    XCTAssertEqual(plan.items[2].responsible, [])
    XCTAssertTrue(plan.items[2].text.includes("(年底前完成)"))
  }
}
