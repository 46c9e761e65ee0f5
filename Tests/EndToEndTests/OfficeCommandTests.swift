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
    // Refused: the refusal only, never the changes that were not made (the good row 1.6).
    XCTAssertEqual(r.stdout, "", "a refused collect prints no 更新 lines")
    XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: store)), before)
    let dry = try duban(["collect", bad, "--dry-run"])
    XCTAssertEqual(dry.status, 2)
    XCTAssertEqual(dry.stdout, "", "nor does a refused dry run")
    let partialDry = try duban(["collect", bad, "--dry-run", "--partial"])
    XCTAssertEqual(partialDry.status, 0, partialDry.stderr)
    XCTAssertTrue(partialDry.stdout.contains("1.6  更新："), "the changes --partial would make: \(partialDry.stdout)")
    XCTAssertTrue(partialDry.stdout.contains("试运行：未写入"), partialDry.stdout)
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

  /// One rule for every export: the extension of --out decides without --format; a --format
  /// that contradicts it is refused and nothing is written.
  func testTheExtensionOfOutDecidesAndAContradictingFormatIsRefused() throws {
    let q2 = dir.appendingPathComponent("q2.docx").path
    let refused = try duban(["report", "--format", "xlsx", "--out", q2])
    XCTAssertEqual(refused.status, 2)
    XCTAssertTrue(refused.stderr.contains("--format xlsx 与 --out \(q2) 的扩展名 .docx 不一致，什么也没有写入"), refused.stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: q2), "no workbook under a .docx name")
    let en = try duban(["sheet", "--unit", "区发改委", "--format", "md", "--out", q2, "--lang", "en"])
    XCTAssertEqual(en.status, 2)
    XCTAssertTrue(en.stderr.contains("--format md does not match the .docx of --out"), en.stderr)
    for (args, file, zip) in [
      (["report", "--period", "Q1"], "通报.docx", true), (["report", "--period", "Q1"], "通报.xlsx", true),
      (["report", "--period", "Q1"], "通报.csv", false), (["sheet", "--unit", "区发改委"], "方案.xlsx", true),
      (["form", "--unit", "区发改委", "--period", "Q1"], "表.csv", false),
      (["remind", "--unit", "区发改委"], "催办.md", false), (["report", "--format", "docx"], "同意.docx", true),
    ] {
      let path = dir.appendingPathComponent(file).path
      let r = try duban(args + ["--out", path])
      XCTAssertEqual(r.status, 0, "\(args) \(file): \(r.stderr)")
      let bytes = try XCTUnwrap(FileManager.default.contents(atPath: path), file)
      XCTAssertEqual(Array(bytes.prefix(2)) == [0x50, 0x4B], zip, "\(file) is written as its extension says")
      if file.hasSuffix(".csv") { XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF], "\(file): CSV with BOM") }
      if file.hasSuffix(".md") { XCTAssertTrue(String(decoding: bytes, as: UTF8.self).contains("# 催办通知"), file) }
    }
    let formRefused = try duban([
      "form", "--unit", "区发改委", "--format", "xlsx", "--out", dir.appendingPathComponent("表2.csv").path,
    ])
    XCTAssertEqual(formRefused.status, 2, formRefused.stderr)
  }

  /// A work plan names its plan under the title: one for another plan is refused at that
  /// cell, nothing written; an older one without it is collected with a note.
  func testAWorkPlanOfAnotherPlanIsRefusedAndAnOlderOneCollectedWithANote() throws {
    let sheet = dir.appendingPathComponent("区发改委办理方案.csv").path
    XCTAssertEqual(try duban(["sheet", "--unit", "区发改委", "--out", sheet]).status, 0)
    let written = try String(contentsOfFile: sheet, encoding: .utf8)
    let planLine = try XCTUnwrap(written.split(separator: "\r\n").first { $0.hasPrefix("\"所属方案\"") })
    XCTAssertTrue(planLine.contains("2019年"), "the plan's title: \(planLine)")
    // Another plan's work plan, with a row filled in: refused, nothing written.
    var lines = written.components(separatedBy: "\r\n")
    lines[1] = "\"所属方案\",\"2020年区《政府工作报告》确定的主要目标任务责任分解方案\""
    lines[2] = "\"总责任人\",\"张主任\""
    let other = dir.appendingPathComponent("他方案.csv").path
    try lines.joined(separator: "\r\n").write(toFile: other, atomically: true, encoding: .utf8)
    let before = try Data(contentsOf: URL(fileURLWithPath: store))
    let r = try duban(["collect", other])
    XCTAssertEqual(r.status, 2)
    XCTAssertTrue(r.stderr.contains("他方案.csv：第 2 行 B 列：这份办理方案属于另一个方案（“2020年"), r.stderr)
    XCTAssertEqual(r.stdout, "")
    XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: store)), before, "nothing written")
    // The same rows from an older template (no 所属方案 row): collected, with a note.
    lines.remove(at: 1)
    let older = dir.appendingPathComponent("旧方案.csv").path
    try lines.joined(separator: "\r\n").write(toFile: older, atomically: true, encoding: .utf8)
    let collected = try duban(["collect", older])
    XCTAssertEqual(collected.status, 0, collected.stderr)
    XCTAssertTrue(collected.stderr.contains("旧方案.csv：第 1 行 A 列：未注明所属方案（旧版表格）"), collected.stderr)
    XCTAssertTrue(collected.stdout.contains("总责任人：张主任"), collected.stdout)
  }

  /// An untouched copy of a work plan sent back after the filled one never erases the rows.
  func testAnUntouchedWorkPlanCopyKeepsTheFiledRows() throws {
    let blank = dir.appendingPathComponent("办理方案.csv").path
    XCTAssertEqual(try duban(["sheet", "--unit", "区发改委", "--out", blank]).status, 0)
    var lines = try String(contentsOfFile: blank, encoding: .utf8).components(separatedBy: "\r\n")
    let owner = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("\"总责任人\"") })
    lines[owner] = "\"总责任人\",\"张主任\""
    let row = try XCTUnwrap(lines.firstIndex { $0.contains(",\"2.8 ") })
    XCTAssertTrue(lines[row].hasSuffix(",\"\",\"\",\"\",\"\""), lines[row])
    lines[row] = String(lines[row].dropLast(12)) + ",\"开展GDP监测\",\"2019-09-30\",\"李副主任\",\"综合科\""
    let filled = dir.appendingPathComponent("办理方案-填.csv").path
    try lines.joined(separator: "\r\n").write(toFile: filled, atomically: true, encoding: .utf8)
    let first = try duban(["collect", filled])
    XCTAssertEqual(first.status, 0, first.stderr)
    let again = try duban(["collect", blank])
    XCTAssertEqual(again.status, 0, again.stderr)
    XCTAssertTrue(again.stdout.contains("没有变化"), again.stdout)
    let sheet = try duban(["sheet", "--unit", "区发改委", "--format", "md"])
    XCTAssertTrue(sheet.stdout.contains("开展GDP监测"), sheet.stdout)
  }

  /// An older copy of a work plan, its first row edited, never deletes a row filed since:
  /// the summary says the row was kept.
  func testAnOlderWorkPlanCopyKeepsARowFiledSince() throws {
    let older = dir.appendingPathComponent("旧办理方案.csv").path
    XCTAssertEqual(try duban(["sheet", "--unit", "区发改委", "--out", older]).status, 0)
    let filed = try duban([
      "workplan", "--unit", "区发改委", "--row", "2.8|建立重大项目调度台账，每月调度一次|2019-09-30|李副区长|投资科",
      "--row", "2.8|协调中诚信大厦开工|2019-12-31|李副区长|重点办",
    ])
    XCTAssertEqual(filed.status, 0, filed.stderr)
    var lines = try String(contentsOfFile: older, encoding: .utf8).components(separatedBy: "\r\n")
    let row = try XCTUnwrap(lines.firstIndex { $0.contains(",\"2.8 ") })
    lines[row] = String(lines[row].dropLast(12)) + ",\"建立重大项目调度台账，每半月调度一次\",\"\",\"\",\"\""
    try lines.joined(separator: "\r\n").write(toFile: older, atomically: true, encoding: .utf8)
    let r = try duban(["collect", older])
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertTrue(r.stdout.contains("2.8  办理方案行已更新（保留未返回的 1 行）"), r.stdout)
    let sheet = try duban(["sheet", "--unit", "区发改委", "--format", "md"]).stdout
    XCTAssertTrue(sheet.contains("每半月调度一次") && sheet.contains("协调中诚信大厦开工"), sheet)
    XCTAssertFalse(sheet.contains("每月调度一次"), sheet)
  }

  /// A late form of an earlier period keeps its figure in its report; the item's progress
  /// stays with the newest period, and the summary says so.
  func testALateEarlierFormDoesNotLowerTheItemAndSaysSo() throws {
    let q2 = try duban(["file", "1.1", "--period", "Q2", "--unit", "区发改委", "--done", "过半", "--progress", "50"])
    XCTAssertEqual(q2.status, 0, q2.stderr)
    XCTAssertEqual(try item("1.1")["progress"] as? Int, 50)
    let form = dir.appendingPathComponent("q1.csv").path
    XCTAssertEqual(try duban(["form", "--unit", "区发改委", "--period", "Q1", "--out", form]).status, 0)
    let text = try String(contentsOfFile: form, encoding: .utf8)
    XCTAssertFalse(text.contains("\"2.2\","), "2.2 is the lead's (区商务局) to report")
    var lines = text.components(separatedBy: "\r\n")
    let row = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("\"1.1\"") })
    var cells = lines[row].components(separatedBy: ",")
    cells[2] = "\"起步\""
    cells[5] = "\"20\""
    lines[row] = cells.joined(separator: ",")
    try lines.joined(separator: "\r\n").write(toFile: form, atomically: true, encoding: .utf8)
    let r = try duban(["collect", form])
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertTrue(r.stdout.contains("（进度 20% 记入第一季度报告；事项进度仍为 50%）"), r.stdout)
    XCTAssertEqual(try item("1.1")["progress"] as? Int, 50)
    // `duban file` follows the same rule, and says so.
    let late = try duban(["file", "1.1", "--period", "Q1", "--unit", "区发改委", "--progress", "10"])
    XCTAssertEqual(late.status, 0, late.stderr)
    XCTAssertTrue(late.stdout.contains("事项进度仍为 50%"), late.stdout)
    XCTAssertEqual(try item("1.1")["progress"] as? Int, 50)
  }

  /// remind without --out prints Markdown; with nothing owed it says so and writes nothing.
  func testRemindPrintsMarkdownAndNothingWhenNothingIsOwed() throws {
    let r = try duban(["remind", "--unit", "区发改委"])
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertTrue(r.stdout.contains("# 催办通知"), r.stdout)
    let out = dir.appendingPathComponent("无.docx").path
    let none = try DubanBinary.run(
      ["remind", "--unit", "区发改委", "--store", store, "--today", "2019-03-01", "--out", out])
    XCTAssertEqual(none.status, 0, none.stderr)
    XCTAssertTrue(none.stderr.contains("不需要催办"), none.stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: out), "no notice when nothing is owed")
    let forced = try DubanBinary.run(["remind", "--unit", "区发改委", "--store", store, "--today", "2019-03-01", "--force"])
    XCTAssertEqual(forced.status, 0, forced.stderr)
    XCTAssertTrue(forced.stdout.contains("# 催办通知"), forced.stdout)
  }
}
