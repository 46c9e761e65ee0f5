import DubanCore
import DubanOffice
import Foundation
import XCTest

/// Warnings from a workbook name the sheet, column and row (`分解方案!B70`), as the collect
/// errors do; Word tables keep their running row number.
final class SheetCellWarningTests: XCTestCase {
  func path(_ name: String) -> String { OfficeReadingTests.fixtures.appendingPathComponent(name).path }

  /// The cell reference of row `r` (0-based) and column `c`, as Excel names it.
  func ref(_ sheet: String, _ r: Int, _ c: Int) -> String { "\(sheet)!\(SheetGrid.column(c))\(r + 1)" }

  func testWarningsNameTheCellTheyAreAbout() throws {
    let rows = [
      ["2019年重点工作", "", "", ""],
      ["序号", "工作任务", "牵头单位", "责任单位"],
      ["1", "深化招商引资", "区商务局", "区财政局"],
      ["2", "优化营商环境", "区发改委", "商务局、区财政局"],
      ["3", "加快项目建设", "区建设局", "区财政局区发改委"],
      ["4", "提升城市管理", "", ""],
    ]
    let plan = try DocumentImporter.parse(blocks: [.text("说明"), .sheet("工作表1", rows)], file: "t.xlsx")
    XCTAssertEqual(plan.items.count, 4)
    func cell(_ kind: ImportWarning.Kind) -> String? { plan.warnings.first { $0.kind == kind }?.cell }
    XCTAssertEqual(cell(.mergedAlias), ref("工作表1", 3, 3), "the cell that holds the spelling “商务局”")
    XCTAssertEqual(cell(.splitUnits), ref("工作表1", 4, 3))
    XCTAssertEqual(cell(.noUnits), ref("工作表1", 5, 2), "no quote: the first unit column")
    // Every warning on the sheet's rows names a cell; the sheet's rows count from its row 1,
    // not from the line of text before it.
    for w in plan.warnings where w.line >= 2 {
      let cell = try XCTUnwrap(w.cell, "\(w)")
      XCTAssertTrue(cell.hasPrefix("工作表1!") && cell.hasSuffix("\(w.line - 1)"), "\(cell) for line \(w.line)")
    }
    // The store keeps the line; the cell travels with the warning into the import summary.
    let alias = try XCTUnwrap(plan.warnings.first { $0.kind == .mergedAlias })
    XCTAssertEqual(alias.localized(.zh).cell, alias.cell)
  }

  /// The seed's sheet reads clean: its only warnings (no calendar) concern the whole file.
  func testSeedSheetImportsLikeTheText() throws {
    let sheet = try XLSXReader.sheets(OfficeZip.open(path("seed.xlsx")))[0]
    let plan = try DocumentImporter.parse(blocks: [.sheet(sheet.name, sheet.rowsFillingMerged)], file: "seed.xlsx")
    XCTAssertEqual(plan.items.count, 90)
    XCTAssertTrue(plan.warnings.allSatisfy { $0.line == 0 && $0.cell == nil }, "\(plan.warnings)")
  }

  func testWordTablesKeepTheirLine() throws {
    let blocks = try DOCXReader.blocks(OfficeZip.open(path("seed.docx")))
    let imported = blocks.map { b -> DocumentImporter.Block in
      switch b {
      case .paragraph(let p): return .text(p)
      case .table(let rows): return .table(rows)
      }
    }
    let plan = try DocumentImporter.parse(blocks: imported, file: "seed.docx")
    XCTAssertFalse(plan.warnings.isEmpty)
    XCTAssertTrue(plan.warnings.allSatisfy { $0.cell == nil })
  }

  /// A deadline that is not a date names the 完成时限 cell it came from.
  func testUnreadableDeadlineNamesItsCell() throws {
    let rows = [
      ["2020年重点工作", "", "", ""],
      ["序号", "重点工作", "牵头单位", "完成时限"],
      ["1", "城镇新增就业3万人", "市人社局", "2020年12月底前"],
      ["2", "建设智慧城市", "市大数据局", "视情况而定"],
    ]
    let plan = try DocumentImporter.parse(blocks: [.sheet("工作表1", rows)], file: "t.xlsx")
    XCTAssertEqual(plan.items.map(\.deadline), ["2020-12-31", nil])
    let w = try XCTUnwrap(plan.warnings.first { $0.message.contains("视情况而定") })
    XCTAssertEqual(w.cell, "工作表1!D4")
  }
}
