import Foundation
import XCTest

/// Where `duban import` says a warning stands: an .xlsx cell (`seed.xlsx:分解方案!B70:`), a
/// line elsewhere; and the deadlines it reads reach the store.
final class ImportPlacesTests: XCTestCase {
  static let fixtures = DubanBinary.repoRoot.appendingPathComponent("Tests/DubanOfficeTests/Fixtures")

  /// The summary's warning lines: `  PLACE: [kind] message`.
  func warningLines(_ out: String) -> [String] {
    out.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.contains(": [") }
  }

  /// A workbook saved by LibreOffice Calc (Scripts/make-libreoffice-fixtures.sh; Calc names
  /// the sheet after the CSV it read): a title row, a merged spelling, a run-together name
  /// and a row without units.
  func testExcelWarningsNameSheetColumnAndRow() throws {
    let doc = Self.fixtures.appendingPathComponent("units-to-repair.xlsx").path
    let r = try DubanBinary.run(["import", doc, "--dry-run", "--lang", "en"])
    XCTAssertEqual(r.status, 0, r.stderr)
    let lines = warningLines(r.stdout)
    XCTAssertTrue(
      lines.contains { $0.hasSuffix("units-to-repair.xlsx:units-to-repair!D4: [merged-alias] “商务局” read as 区商务局") },
      r.stdout)
    XCTAssertTrue(lines.contains { $0.contains("units-to-repair.xlsx:units-to-repair!D5: [split-units]") }, r.stdout)
    XCTAssertTrue(lines.contains { $0.contains("units-to-repair.xlsx:units-to-repair!C6: [no-units]") }, r.stdout)
  }

  func testWordWarningsKeepTheLine() throws {
    let doc = Self.fixtures.appendingPathComponent("seed.docx").path
    let r = try DubanBinary.run(["import", doc, "--dry-run", "--lang", "en"])
    XCTAssertEqual(r.status, 0, r.stderr)
    let lines = warningLines(r.stdout)
    XCTAssertFalse(lines.isEmpty, r.stdout)
    XCTAssertTrue(lines.allSatisfy { !$0.contains("!") }, "\(lines)")
    XCTAssertTrue(lines.contains { $0.range(of: #"seed\.docx:[0-9]+: \["#, options: .regularExpression) != nil })
  }

  func testDeadlinesReachTheStore() throws {
    let dir = try DubanBinary.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let doc = dir.appendingPathComponent("plan.txt")
    try """
    2019年重点工作责任分解方案
    一、重点工作(共3项)
    1.新建学校3所。(牵头单位:区教育局;完成时限:2019年8月底前)
    2.深化放管服改革。(责任单位:区行政审批局;完成时限:长期坚持)
    3.优化营商环境。(责任单位:区发改委;完成时限:按上级要求)

    """.write(to: doc, atomically: true, encoding: .utf8)
    let store = dir.appendingPathComponent("s.json").path
    let r = try DubanBinary.run(["import", doc.path, "--out", store, "--lang", "en"])
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertTrue(r.stdout.contains("plan.txt:5: [ignored-line] deadline “按上级要求” of item 3 is not a date"), r.stdout)
    XCTAssertFalse(r.stdout.contains("长期坚持"), r.stdout)
    let list = try DubanBinary.run(["list", "--store", store, "--json"])
    let items = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
    XCTAssertEqual(items.map { $0["deadline"] as? String }, ["2019-08-31", nil, nil])
  }
}
