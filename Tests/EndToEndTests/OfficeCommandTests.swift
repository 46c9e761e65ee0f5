import Foundation
import XCTest

/// `duban form`, `duban collect`, `duban report --format docx|xlsx`, `duban remind`: the
/// office round trip as a clerk runs it, on the real binary.
final class OfficeCommandTests: SeededStoreTestCase {
  let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("DubanOfficeTests/Fixtures")

  func duban(_ args: [String]) throws -> DubanBinary.Result {
    try DubanBinary.run(args + ["--store", store, "--today", "2019-04-05"], env: ["DUBAN_USER": "王科员"])
  }

  func testFormsForEveryUnitGetChineseFileNames() throws {
    let out = dir.appendingPathComponent("报送表").path
    let r = try duban(["form", "--period", "Q1", "--out", out])
    XCTAssertEqual(r.status, 0, r.stderr)
    let names = try FileManager.default.contentsOfDirectory(atPath: out)
    XCTAssertTrue(names.contains("区发改委-第一季度进展情况报送表.xlsx"), "\(names)")
    XCTAssertTrue(r.stderr.contains("个单位导出报送表"), r.stderr)
    // Written again, they replace themselves; a file of the clerk's own is never replaced.
    XCTAssertEqual(try duban(["form", "--period", "Q1", "--out", out]).status, 0)
    let mine = dir.appendingPathComponent("mine.xlsx").path
    try Data("my own".utf8).write(to: URL(fileURLWithPath: mine))
    let refused = try duban(["form", "--unit", "区发改委", "--period", "Q1", "--out", mine])
    XCTAssertEqual(refused.status, 2)
    XCTAssertEqual(try String(contentsOfFile: mine, encoding: .utf8), "my own")
  }

  func testAFilledFormIsCollectedOnceWithHistoryNamingTheFile() throws {
    let filled = dir.appendingPathComponent("filled-form.xlsx").path
    try FileManager.default.copyItem(atPath: fixtures.appendingPathComponent("filled-form.xlsx").path, toPath: filled)
    let before = try Data(contentsOf: URL(fileURLWithPath: store))
    let dry = try duban(["collect", filled, "--dry-run"])
    XCTAssertEqual(dry.status, 0, dry.stderr)
    XCTAssertTrue(dry.stdout.contains("1.1  更新：进展情况、进度（进度 0%→30%）"), dry.stdout)
    XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: store)), before, "a dry run writes nothing")
    let r = try duban(["collect", filled])
    XCTAssertEqual(r.status, 0, r.stderr)
    let item = try item("1.1")
    XCTAssertEqual(item["progress"] as? Int, 30)
    let history = try XCTUnwrap(item["history"] as? [[String: Any]])
    XCTAssertTrue(history.contains { $0["user"] as? String == "王科员（收集自 filled-form.xlsx）" }, "\(history)")
    let written = try Data(contentsOf: URL(fileURLWithPath: store))
    let again = try duban(["collect", filled])
    XCTAssertEqual(again.status, 0, again.stderr)
    XCTAssertTrue(again.stdout.contains("没有变化"), again.stdout)
    XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: store)), written, "collecting twice changes nothing")
  }

  func testBadRowsWriteNothingUnlessPartial() throws {
    let bad = dir.appendingPathComponent("bad-form.xlsx").path
    try FileManager.default.copyItem(atPath: fixtures.appendingPathComponent("bad-form.xlsx").path, toPath: bad)
    let before = try Data(contentsOf: URL(fileURLWithPath: store))
    let r = try duban(["collect", bad])
    XCTAssertEqual(r.status, 2)
    XCTAssertTrue(r.stderr.contains("bad-form.xlsx：工作表“bad-form”：第 4 行 F 列：进度“120”应为 0 到 100 的整数"), r.stderr)
    XCTAssertTrue(r.stderr.contains("什么也没有写入"), r.stderr)
    XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: store)), before)
    let partial = try duban(["collect", bad, "--partial"])
    XCTAssertEqual(partial.status, 0, partial.stderr)
    let reports = try XCTUnwrap(try item("1.6")["reports"] as? [Any])
    XCTAssertFalse(reports.isEmpty, "the good row applied")
    XCTAssertEqual(try item("1.1")["progress"] as? Int, 0, "the bad row did not")
  }

  func testACorruptWorkbookIsRefusedByName() throws {
    let broken = dir.appendingPathComponent("坏.xlsx")
    let good = try Data(contentsOf: fixtures.appendingPathComponent("filled-form.xlsx"))
    try good.prefix(good.count / 2).write(to: broken)
    let r = try duban(["collect", broken.path, "--lang", "en"])
    XCTAssertEqual(r.status, 2)
    XCTAssertTrue(r.stderr.contains("坏.xlsx: not a readable .xlsx workbook"), r.stderr)
  }

  func testDocumentsOut() throws {
    for (args, file) in [
      (["report", "--period", "Q1", "--format", "docx"], "通报.docx"), (["report", "--format", "xlsx"], "通报.xlsx"),
      (["sheet", "--unit", "区发改委", "--format", "xlsx"], "方案.xlsx"), (["remind", "--unit", "区发改委"], "催办.docx"),
    ] {
      let path = dir.appendingPathComponent(file).path
      let r = try duban(args + ["--out", path])
      XCTAssertEqual(r.status, 0, "\(args): \(r.stderr)")
      let head = try XCTUnwrap(FileManager.default.contents(atPath: path)).prefix(2)
      XCTAssertEqual(Array(head), [0x50, 0x4B], "\(file) is a zip")
    }
    let stdout = try duban(["report", "--format", "docx"])
    XCTAssertEqual(stdout.status, 2, "an office file needs --out")
  }
}
