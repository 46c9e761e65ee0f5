import DubanCore
import DubanOffice
import Foundation
import XCTest

/// Word, Excel and web-page files read into paragraphs and tables, and imported: the seed in
/// each format gives the seed's 90 items and unit sets. Fixtures: Scripts/make-office-fixtures.py.
final class OfficeReadingTests: XCTestCase {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  func path(_ name: String) -> String { Self.fixtures.appendingPathComponent(name).path }

  /// The importer's input from the readers, as the import command builds it.
  func importBlocks(_ blocks: [DOCXReader.Block]) -> [DocumentImporter.Block] {
    blocks.map {
      switch $0 {
      case .paragraph(let p): return .text(p)
      case .table(let rows): return .table(rows)
      }
    }
  }

  func seedText() throws -> Plan {
    try DocumentImporter.importFile(
      at: Self.root.appendingPathComponent("Resources/jiangan-2019-task-breakdown.txt").path
    ).plan
  }

  func assertSameItems(_ plan: Plan, _ seed: Plan, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(plan.items.count, 90, file: file, line: line)
    XCTAssertEqual(plan.items.map(\.id), seed.items.map(\.id), file: file, line: line)
    XCTAssertEqual(plan.items.map(\.text), seed.items.map(\.text), file: file, line: line)
    XCTAssertEqual(plan.items.map(\.lead), seed.items.map(\.lead), file: file, line: line)
    XCTAssertEqual(plan.items.map(\.responsible), seed.items.map(\.responsible), file: file, line: line)
    XCTAssertEqual(plan.items.map(\.section), seed.items.map(\.section), file: file, line: line)
    XCTAssertEqual(plan.items.map(\.group), seed.items.map(\.group), file: file, line: line)
  }

  func testSeedAsWordImportsLikeTheText() throws {
    let blocks = try DOCXReader.blocks(OfficeZip.open(path("seed.docx")))
    let plan = try DocumentImporter.parse(blocks: importBlocks(blocks), file: "seed.docx")
    let seed = try seedText()
    assertSameItems(plan, seed)
    XCTAssertEqual(plan.calendar, seed.calendar)
  }

  func testSeedAsExcelTableImportsLikeTheText() throws {
    let sheets = try XLSXReader.sheets(OfficeZip.open(path("seed.xlsx")))
    XCTAssertEqual(sheets.map(\.name), ["分解方案"])
    XCTAssertTrue(sheets[0].merged.contains(XLSXReader.Merge(r0: 0, c0: 0, r1: 0, c1: 3)))
    let plan = try DocumentImporter.parse(blocks: [.table(sheets[0].rowsFillingMerged)], file: "seed.xlsx")
    assertSameItems(plan, try seedText())
    XCTAssertEqual(plan.parts.map(\.declaredCount), [6, 67, 17])
  }

  /// The same documents as LibreOffice writes them (Scripts/make-libreoffice-fixtures.sh):
  /// Writer's paragraphs and styles, Calc's shared strings and merges, not our generator's.
  func testSeedSavedByLibreOfficeImportsLikeTheText() throws {
    let seed = try seedText()
    let blocks = try DOCXReader.blocks(OfficeZip.open(path("seed-libreoffice.docx")))
    assertSameItems(try DocumentImporter.parse(blocks: importBlocks(blocks), file: "seed-libreoffice.docx"), seed)
    let sheets = try XLSXReader.sheets(OfficeZip.open(path("seed-libreoffice.xlsx")))
    XCTAssertEqual(sheets.count, 1)
    let plan = try DocumentImporter.parse(blocks: [.table(sheets[0].rowsFillingMerged)], file: "seed-libreoffice.xlsx")
    assertSameItems(plan, seed)
  }

  func testSeedAsWebPageImportsLikeTheText() throws {
    let data = try Data(contentsOf: URL(fileURLWithPath: path("seed.html")))
    let blocks = try HTMLReader.blocks(data, name: "seed.html")
    XCTAssertFalse(
      blocks.contains { if case .paragraph(let p) = $0 { return p.contains("not text") } else { return false } },
      "scripts are not text")
    let plan = try DocumentImporter.parse(blocks: importBlocks(blocks), file: "seed.html")
    assertSameItems(plan, try seedText())
  }

  func testWordNumberingAndTables() throws {
    let blocks = try DOCXReader.blocks(OfficeZip.open(path("numbered-list-and-table.docx")))
    XCTAssertEqual(blocks[1], .paragraph("一、稳定经济增长(共2项)"))
    XCTAssertEqual(blocks[2], .paragraph("1.地区生产总值增长6%左右。(牵头单位:区发改局;责任单位:区统计局)"))
    XCTAssertEqual(blocks[4], .paragraph("二、民生实事"))
    guard case .table(let rows) = blocks[5] else { return XCTFail("\(blocks)") }
    XCTAssertEqual(rows[0], ["序号", "重点工作", "牵头单位", "配合单位", "完成时限"])
    let plan = try DocumentImporter.parse(blocks: importBlocks(blocks), file: "n.docx")
    XCTAssertEqual(plan.items.count, 4)
    XCTAssertEqual(plan.items[1].responsible, ["区财政局"])
    XCTAssertEqual(plan.items[2].text, "新建幼儿园3所")
    XCTAssertEqual(plan.items[2].lead, ["区教育局"])
    XCTAssertEqual(plan.items[2].responsible, ["各街道", "区住建局"])
    XCTAssertEqual(plan.items[3].part, 2)
  }

  func testExcelHeaderBelowATitleAndAMergedCategory() throws {
    let sheets = try XLSXReader.sheets(OfficeZip.open(path("header-below-title.xlsx")))
    XCTAssertEqual(sheets.map(\.name), ["任务分解", "说明"])
    XCTAssertEqual(sheets[0].rows[3][0], "", "merged cells hold their value only in the first")
    XCTAssertEqual(sheets[0].rowsFillingMerged[3][0], "经济发展")
    let plan = try DocumentImporter.parse(blocks: [.table(sheets[0].rowsFillingMerged)], file: "h.xlsx")
    XCTAssertEqual(plan.items.map(\.text), ["规上工业增加值增长8%", "固定资产投资增长10%", "城镇新增就业2000人"])
    XCTAssertEqual(plan.items.map(\.group), ["经济发展", "经济发展", "民生保障"])
    XCTAssertEqual(plan.items[0].responsible, ["县工信局", "县统计局"])
    XCTAssertEqual(plan.items[2].leaders, ["王健"])
  }

  func testHostileFilesAreRefusedWithAReason() throws {
    XCTAssertThrowsError(try DOCXReader.blocks(OfficeZip.open(path("zip-bomb.docx")))) { error in
      XCTAssertTrue("\(error)".contains("64 MiB"), "\(error)")
    }
    XCTAssertThrowsError(try OfficeZip.open(path("encrypted.docx"))) { error in
      XCTAssertTrue("\(error)".contains("password-protected"), "\(error)")
    }
    XCTAssertThrowsError(try OfficeZip.open(Self.root.appendingPathComponent("Package.swift").path))
    let empty = try DOCXReader.blocks(OfficeZip.open(path("no-text.docx")))
    XCTAssertEqual(empty, [.paragraph(""), .paragraph("")])
  }

  func testMissingToolsNameTheirPackage() throws {
    let tool = ExternalText.Tool(program: "duban-no-such-converter", arguments: { [$0] }, package: "no-such-package")
    XCTAssertThrowsError(try ExternalText.text(of: "x.pdf", with: [tool], kind: "PDF")) { error in
      XCTAssertTrue("\(error)".contains("sudo apt-get install no-such-package"), "\(error)")
    }
  }
}
