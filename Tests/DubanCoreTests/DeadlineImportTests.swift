import XCTest

@testable import DubanCore

/// Deadlines printed with a row (a 完成时限 column or label, a clause's time note, a time note
/// ending the item's text) are stored on the item; one that names no date is a warning.
final class DeadlineImportTests: XCTestCase {
  func day(_ text: String, year: Int? = 2019) -> String? {
    if case .day(let d) = DeadlineText.read(text, year: year) { return d.description }
    return nil
  }

  func testDeadlineTextsReadAsDays() {
    XCTAssertEqual(day("2019年6月底前完成"), "2019-06-30")
    XCTAssertEqual(day("6月底前"), "2019-06-30")
    XCTAssertEqual(day("2020年9月30日前"), "2020-09-30")
    XCTAssertEqual(day("9月15日"), "2019-09-15")
    XCTAssertEqual(day("年底前"), "2019-12-31")
    XCTAssertEqual(day("2019年底"), "2019-12-31")
    XCTAssertEqual(day("上半年"), "2019-06-30")
    XCTAssertEqual(day("第三季度"), "2019-09-30")
    XCTAssertEqual(day("2月底"), "2019-02-28")
    XCTAssertEqual(day("2020-02"), "2020-02-29")
    XCTAssertEqual(day("2019.11.15"), "2019-11-15")
    XCTAssertEqual(day("十二月底前"), "2019-12-31")
    XCTAssertEqual(day("6月底前完成初稿,12月底前全面完成"), "2019-12-31", "the latest date is the deadline")
    XCTAssertEqual(day("6月底前", year: nil), nil, "a month without a year is no date")
  }

  func testOpenEndedPhrasesAreNoDeadlineAndOthersUnreadable() {
    XCTAssertEqual(DeadlineText.read("长期坚持", year: 2019), .none)
    XCTAssertEqual(DeadlineText.read("持续推进", year: 2019), .none)
    XCTAssertEqual(DeadlineText.read("", year: 2019), .none)
    XCTAssertEqual(DeadlineText.read("视情况而定", year: 2019), .unreadable)
    XCTAssertEqual(DeadlineText.read("按上级要求", year: 2019), .unreadable)
  }

  func testDeadlinesFromLabelsClausesAndText() throws {
    let plan = try Fixtures.parse(
      """
      2019年重点工作责任分解方案
      一、重点工作(共5项)
      1.新建学校3所。(牵头单位:区教育局;完成时限:2019年8月底前)
      2.扩大有效投资。(区发改委牵头,区财政局配合,9月底前完成)
      3.改造老旧小区20个,2019年10月底前完成。(责任单位:区房管局)
      4.深化放管服改革。(责任单位:区行政审批局;完成时限:长期坚持)
      5.优化营商环境。(责任单位:区发改委;完成时限:按上级要求)
      """)
    XCTAssertEqual(plan.items.count, 5)
    XCTAssertEqual(plan.items.map(\.deadline), ["2019-08-31", "2019-09-30", "2019-10-31", nil, nil])
    XCTAssertEqual(plan.items[0].lead, ["区教育局"], "the deadline is no unit")
    XCTAssertEqual(plan.items[1].responsible, ["区财政局"])
    XCTAssertEqual(plan.items[2].text, "改造老旧小区20个,2019年10月底前完成。", "the text stays as printed")
    let deadlineWarnings = plan.warnings.filter { $0.message.contains("deadline") }
    XCTAssertEqual(deadlineWarnings.map(\.line), [7], "长期坚持 is no deadline without a warning; 按上级要求 warns")
    XCTAssertTrue(deadlineWarnings[0].message(.zh).contains("按上级要求"))
  }

  func testDeadlineColumnOfATable() throws {
    let plan = try Fixtures.parse(
      """
      2020年重点工作任务分解表
      | 序号 | 重点工作 | 牵头单位 | 完成时限 |
      | --- | --- | --- | --- |
      | 1 | 城镇新增就业3万人 | 市人社局 | 2020年12月底前 |
      | 2 | 完成棚户区改造 | 市住建局 | 持续推进 |
      | 3 | 建设智慧城市 | 市大数据局 | 视情况而定 |
      | 4 | 新建5G基站 | 市工信局 | 第二季度 |
      """)
    XCTAssertEqual(plan.items.map(\.deadline), ["2020-12-31", nil, nil, "2020-06-30"])
    XCTAssertEqual(plan.warnings.filter { $0.message.contains("视情况而定") }.count, 1)
    XCTAssertFalse(plan.warnings.contains { $0.message.contains("持续推进") })
  }

  /// The seed prints no deadline with its items (its 完成时限 is a column of the blank form
  /// after 附件): none is stored, and no deadline warning appears.
  func testSeedStoresNoDeadline() throws {
    let plan = try Fixtures.seedPlan()
    XCTAssertEqual(plan.items.count, 90)
    XCTAssertTrue(plan.items.allSatisfy { $0.deadline == nil })
    XCTAssertFalse(plan.warnings.contains { $0.message.contains("deadline") })
  }
}
