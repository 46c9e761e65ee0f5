import Foundation
import XCTest

@testable import DubanCore

/// Small documents of every shape the importer must handle.
final class DocumentShapeTests: XCTestCase {
  /// A large document reports how far the import is, in order, from 0 to 1.
  func testLargeDocumentsReportProgress() throws {
    let lines = ["一、重点工作(共5000项)"] + (1...5000).map { "\($0). 推进第\($0)项工作。(责任单位:区财政局、区税务局)" }
    var heard: [Double] = []
    let plan = try DocumentImporter.parse(lines.joined(separator: "\n"), file: "big.txt") { heard.append($0) }
    XCTAssertEqual(plan.items.count, 5000)
    XCTAssertGreaterThanOrEqual(heard.count, 8, "\(heard)")
    XCTAssertEqual(heard, heard.sorted())
    XCTAssertTrue(heard.allSatisfy { (0...1).contains($0) })
    XCTAssertGreaterThan(heard.last ?? 0, 0.9)
  }

  func testNumberingStylesAndBrackets() throws {
    let plan = try Fixtures.parse(
      """
      一、重点工作(共4项)
      1、甲事项。（责任单位：区发改委）
      2．乙事项。[牵头单位:区财政局;配合单位:区税务局]
      3. 丙事项。【牵头责任单位：区教育局，协同责任单位：区卫计委】
      4，丁事项。(责任单位:区民政局; 区房管局)
      """)
    XCTAssertEqual(plan.items.map(\.number), ["1", "2", "3", "4"])
    XCTAssertEqual(plan.items.map(\.text), ["甲事项。", "乙事项。", "丙事项。", "丁事项。"])
    XCTAssertEqual(plan.items[0].responsible, ["区发改委"])
    XCTAssertEqual(plan.items[1].lead, ["区财政局"])
    XCTAssertEqual(plan.items[1].responsible, ["区税务局"])
    XCTAssertEqual(plan.items[2].lead, ["区教育局"])
    XCTAssertEqual(plan.items[2].responsible, ["区卫计委"])
    XCTAssertEqual(plan.items[3].responsible, ["区民政局", "区房管局"])
    XCTAssertTrue(plan.warnings.filter { $0.kind != .noCalendar }.isEmpty, "\(plan.warnings)")
  }

  func testClauseOnItsOwnLinesAndOfficials() throws {
    let plan = try Fixtures.parse(
      """
      一、重点工作
      1. 推进老旧小区改造，
      完成改造20个。
      牵头单位：区房管局
      责任单位：各街道、区建设局
      责任领导：张三、李四
      2. 另一事项。(牵头市领导:王五;牵头单位:区发改委)
      """)
    XCTAssertEqual(plan.items.count, 2)
    XCTAssertEqual(plan.items[0].text, "推进老旧小区改造，完成改造20个。")
    XCTAssertEqual(plan.items[0].lead, ["区房管局"])
    XCTAssertEqual(plan.items[0].responsible, ["各街道", "区建设局"])
    XCTAssertEqual(plan.items[0].leaders, ["张三", "李四"])
    XCTAssertEqual(plan.items[1].leaders, ["王五"])
    XCTAssertEqual(plan.items[1].lead, ["区发改委"])
  }

  func testNamesContainingBracketsStayWhole() throws {
    let plan = try Fixtures.parse(
      """
      一、重点工作
      1. 事项一。(责任单位:区发改(商务)局、各县(市、区)政府、区商务局〈招商局〉)
      2. 事项二。(责任单位:区商务局)
      """)
    XCTAssertEqual(plan.items[0].responsible, ["区发改(商务)局", "各县(市、区)政府", "区商务局"])
    XCTAssertEqual(plan.unit(named: "各县(市、区)政府")?.kind, .group)
    XCTAssertEqual(plan.unit(named: "招商局")?.name, "区商务局")
  }

  func testUnclosedClauseAndTruncatedSecondTitle() throws {
    let plan = try Fixtures.parse(
      """
      一、重点工作
      1. 事项一。(责任单位:区商务局〈招商局〉、区财政局)
      2. 事项二。(责任单位:区商务局〈招商
      3. 事项三。(责任单位:区财政局
      """)
    XCTAssertEqual(plan.items.map(\.responsible), [["区商务局", "区财政局"], ["区商务局"], ["区财政局"]])
    XCTAssertEqual(plan.warnings.filter { $0.kind == .unclosedBracket }.map(\.line).sorted(), [3, 3, 4])
  }

  func testConcatenatedNamesSplitWithTheDocumentsOwnMentions() throws {
    let plan = try Fixtures.parse(
      """
      一、重点工作
      1. 事项一。(责任单位:区财政局区税务局)
      2. 事项二。(责任单位:区财政局、区税务局、区建设局)
      3. 事项三。(责任单位:某某项目建设指挥部建设局)
      4. 事项四。(责任单位:区城乡统筹办)
      """)
    XCTAssertEqual(plan.items[0].responsible, ["区财政局", "区税务局"])
    XCTAssertEqual(plan.items[2].responsible, ["某某项目建设指挥部", "区建设局"])
    XCTAssertEqual(plan.items[3].responsible, ["区城乡统筹办"], "a name with no known part is never split")
    XCTAssertEqual(plan.warnings.filter { $0.kind == .splitUnits }.map(\.line), [2, 4])
  }

  func testFirstListedIsLeadNote() throws {
    let plan = try Fixtures.parse(
      """
      说明：责任单位中列第一位者为牵头或汇总单位。
      一、重点工作
      1. 事项一。(责任单位:区发改委、区财政局)
      2. 事项二。(牵头单位:区教育局;责任单位:区发改委)
      """)
    XCTAssertEqual(plan.items[0].lead, ["区发改委"])
    XCTAssertEqual(plan.items[0].responsible, ["区财政局"])
    XCTAssertEqual(plan.items[1].lead, ["区教育局"])
  }

  func testParenItemsVersusSectionsAndHeadingGroups() throws {
    let plan = try Fixtures.parse(
      """
      一、预期目标(共2项)
      (一)增长7%。(责任单位:区发改委)
      (二)增长8%。
      (责任单位:区财政局)
      二、重点工作(共3项)
      (一)第一板块
      营商环境
      1. 甲。(责任单位:区发改委)
      ——城市管理
      2. 乙。(责任单位:区城管委)
      (二)第二板块
      3. 丙。(责任单位:区城管委)
      """)
    XCTAssertEqual(plan.items.map(\.id), ["1.1", "1.2", "2.1", "2.2", "2.3"])
    XCTAssertEqual(plan.items[1].responsible, ["区财政局"])
    XCTAssertEqual(plan.parts[1].sections.map(\.title), ["第一板块", "第二板块"])
    XCTAssertEqual(plan.parts[1].sections[0].groups, ["营商环境", "城市管理"])
    XCTAssertEqual(plan.items[2].group, "营商环境")
    XCTAssertEqual(plan.items[4].group, nil)
    XCTAssertEqual(plan.items[4].section, "第二板块")
  }

  func testDeclaredCountMismatchAndAdvertisingAreWarnings() throws {
    let plan = try Fixtures.parse(
      """
      一、重点工作(共3项)
      1. 加大365bet体育投注力度。(责任单位:区法制办)
      2. 乙。(责任单位:区司法局)
      """)
    XCTAssertEqual(plan.warnings.first { $0.kind == .countMismatch }?.line, 1)
    XCTAssertEqual(plan.warnings.first { $0.kind == .advertising }?.line, 2)
    XCTAssertEqual(plan.items[0].text, "加大365bet体育投注力度。")
  }

  func testNoticeParagraphsAreNotParts() throws {
    let plan = try Fixtures.parse(
      """
      各街道办事处：
      一、认真制订工作方案，确保工作有序开展。各责任单位要根据所承担责任事项，逐项进行研究，制订工作方案，于1月28日前报送。
      二、加大督办考核力度。各责任单位于2020年4月10日、7月10日、10月10日及12月25日前，将第一、第二、第三季度及全年完成情况填报。
      江岸区人民政府办公室
      2020年1月11日
      一、重点工作
      1. 甲。(责任单位:区发改委)
      """)
    XCTAssertEqual(plan.parts.count, 1)
    XCTAssertEqual(plan.calendar.issued, "2020-01-11")
    XCTAssertEqual(plan.calendar.workPlanDue, "2020-01-28")
    XCTAssertEqual(plan.calendar.periods.map(\.due), ["2020-04-10", "2020-07-10", "2020-10-10", "2020-12-25"])
    XCTAssertFalse(plan.warnings.contains { $0.kind == .repairedDate }, "well-formed dates need no repair")
  }

  func testRecurringQuarterlyDates() throws {
    let plan = try Fixtures.parse(
      """
      2021年1月5日
      各单位于每季度最后一个月的30日前报送进展情况。
      一、重点工作
      1. 甲。(责任单位:区发改委)
      """)
    XCTAssertEqual(plan.calendar.periods.map(\.due), ["2021-03-30", "2021-06-30", "2021-09-30", "2021-12-30"])
  }

  func testNoCalendarIsSaid() throws {
    let plan = try Fixtures.parse("一、重点工作\n1. 甲。(责任单位:区发改委)\n")
    XCTAssertNil(plan.calendar.workPlanDue)
    XCTAssertTrue(plan.calendar.periods.isEmpty)
    XCTAssertEqual(plan.calendar.remarks.count, 2)
    XCTAssertTrue(plan.warnings.contains { $0.kind == .noCalendar })
  }

  func testEncodings() throws {
    let dir = try Fixtures.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let text = "一、重点工作\r\n1. 推进招商。(责任单位:区商务局〈招商局〉)\r\n"
    let bom = dir.appendingPathComponent("bom.txt")
    try (Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)).write(to: bom)
    let gbk = dir.appendingPathComponent("gbk.txt")
    let gbBytes = try XCTUnwrap(iconvEncode(text, to: "GB18030"))
    XCTAssertNil(String(data: gbBytes, encoding: .utf8), "the fixture really is not UTF-8")
    try gbBytes.write(to: gbk)
    for (url, encoding) in [(bom, "UTF-8 (BOM)"), (gbk, "GB18030")] {
      let result = try DocumentImporter.importFile(at: url.path)
      XCTAssertEqual(result.encoding, encoding)
      XCTAssertEqual(result.plan.items.first?.text, "推进招商。")
      XCTAssertEqual(result.plan.items.first?.responsible, ["区商务局"])
    }
  }

  private func iconvEncode(_ text: String, to encoding: String) -> Data? {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
    p.arguments = ["-f", "UTF-8", "-t", encoding]
    let input = Pipe()
    let output = Pipe()
    p.standardInput = input
    p.standardOutput = output
    guard (try? p.run()) != nil else { return nil }
    input.fileHandleForWriting.write(Data(text.utf8))
    try? input.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return p.terminationStatus == 0 ? data : nil
  }

  func testThousandsOfItemsInAPart() throws {
    var text = "一、重点工作(共1200项)\n"
    for n in 1...1200 { text += "\(n). 第\(n)项任务。(责任单位:区发改委)\n" }
    let plan = try Fixtures.parse(text)
    XCTAssertEqual(plan.items.count, 1200)
    XCTAssertEqual(plan.items.last?.number, "1200")
    XCTAssertFalse(plan.warnings.contains { $0.kind == .countMismatch })
  }

  func testTitleSkipsTheSignatureDate() throws {
    let plan = try Fixtures.parse("通知正文。\n2019年1月11日\n2019年工作报告分解方案\n一、重点工作\n1. 甲。(责任单位:区发改委)\n")
    XCTAssertEqual(plan.title, "2019年工作报告分解方案")
  }
}
