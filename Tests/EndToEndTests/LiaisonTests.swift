import Foundation
import XCTest

/// The unit liaison's path on the real binary, in tmux: open restricted to 区商务局 on
/// 7/15, see what it owes on top, file the late Q2 report with R (changing the form's
/// period), and find it in the Q2 bulletin's 逾期报送; then the chase view and its notice.
final class LiaisonTests: SeededStoreTestCase {
  func testLiaisonFilesALateQ2ReportAndTheBulletinShowsIt() throws {
    let t = try dashboard("--unit 区商务局", today: "2019-07-15", columns: 120, rows: 40, in: dir.path)
    // The status line is drawn last: waiting for it, the whole first frame is there.
    var screen = try t.waitFor("只看“区商务局”：6 项，逾期未报 12 项")
    XCTAssertTrue(screen.contains("任务 1/6 · 区商务局"), screen)
    // The item it leads first, and its own reports: Q1 and Q2 overdue.
    XCTAssertTrue(screen.contains("详情 2.2"), screen)
    XCTAssertTrue(screen.contains("进展报送（区商务局）：Q1✗ Q2✗ Q3· Y·"), screen)
    assertBordersAligned(screen, columns: 120)

    // R: the form opens on Q1, the earliest owed; the liaison files Q2 instead.
    try t.keys("R")
    try t.waitFor("第一季度进展 2.2 · 区商务局")
    try t.text("签约3个项目，落地2个")
    try t.keys("BTab")
    try t.text("Q2")
    try t.waitFor("第二季度进展 2.2 · 区商务局")
    try t.keys("Enter")
    screen = try t.waitFor("Q1✗ Q2迟")
    XCTAssertTrue(screen.contains("2.2 Q2已报送"), screen)

    // The chase view, for this unit: 11 left; X writes its notice where duban started.
    try t.keys("C")
    screen = try t.waitFor("催办清单 1/12")
    XCTAssertTrue(screen.contains("区商务局  逾期未报 11 项"), screen)
    // X asks the format, as in the dashboard: m Markdown, d Word (no spreadsheet for a letter).
    try t.keys("X")
    try t.waitFor("m Markdown · d Word")
    try t.keys("m")
    try t.waitFor("已导出 催办通知-区商务局-2019-07-15.md")
    let notice = try String(
      contentsOf: dir.appendingPathComponent("催办通知-区商务局-2019-07-15.md"), encoding: .utf8)
    XCTAssertTrue(notice.contains("## 一、逾期未报送（11项）"), notice)
    try t.keys("X")
    try t.waitFor("m Markdown · d Word")
    try t.keys("d")
    try t.waitFor("已导出 催办通知-区商务局-2019-07-15.docx")
    let word = try Data(contentsOf: dir.appendingPathComponent("催办通知-区商务局-2019-07-15.docx"))
    XCTAssertEqual(Array(word.prefix(2)), [0x50, 0x4B], "a Word file (a zip)")

    // At 80x24 the chase view and the dashboard keep their borders.
    try t.resize(columns: 80, rows: 24)
    screen = try t.waitFor("80-column chase view") { $0.contains("催办清单") && borderProblems($0, columns: 80).isEmpty }
    try t.keys("Escape")
    screen = try t.waitForLayout(columns: 80)
    assertBordersAligned(screen, columns: 80)
    try t.keys("q")
    try t.waitFor("EXIT=0")

    // The Q2 bulletin: 区商务局 filed one late and owes five.
    let r = try DubanBinary.run([
      "report", "--store", store, "--today", "2019-07-15", "--period", "Q2", "--format", "json",
    ])
    XCTAssertEqual(r.status, 0, r.stderr)
    let bulletin = try XCTUnwrap(DubanBinary.json(r.stdout) as? [String: Any])
    let units = try XCTUnwrap(bulletin["units"] as? [[String: Any]])
    let commerce = try XCTUnwrap(units.first { $0["unit"] as? String == "区商务局" })
    XCTAssertEqual(commerce["filedLate"] as? Int, 1)
    XCTAssertEqual(commerce["missing"] as? Int, 5)
    let md = try DubanBinary.run(["report", "--store", store, "--today", "2019-07-15", "--period", "Q2"])
    XCTAssertTrue(md.stdout.contains("| 区商务局 | 1 | 5 | 0 | 1 | 5 |"), md.stdout)
  }

  func testUnitOptionsOnTheCommandLine() throws {
    // An unknown unit: exit 2 before any screen, naming the close ones.
    let bad = try DubanBinary.run(["--store", store, "--unit", "商物局"])
    XCTAssertEqual(bad.status, 2)
    XCTAssertTrue(bad.stderr.contains("没有单位“商物局”；相近的单位：区商务局"), bad.stderr)
    let day = ["--store", store, "--today", "2019-07-15"]
    let due = try DubanBinary.run(["due", "--unit", "招商局", "--json"] + day)
    XCTAssertEqual(due.status, 0, due.stderr)
    let owed = try XCTUnwrap(DubanBinary.json(due.stdout) as? [[String: Any]])
    XCTAssertEqual(owed.map { $0["unit"] as? String }, ["区商务局"])
    XCTAssertEqual((owed.first?["overdue"] as? [Any])?.count, 12)
    // Before the subcommand, as the dashboard takes it.
    let before = try DubanBinary.run(["--unit", "招商局"] + day + ["due", "--json"])
    XCTAssertEqual(before.stdout, due.stdout, before.stderr)
    let list = try DubanBinary.run(["list", "--unit", "区商务局", "--light", "red", "--report", "overdue", "--json"] + day)
    XCTAssertEqual(list.status, 0, list.stderr)
    let items = try XCTUnwrap(DubanBinary.json(list.stdout) as? [[String: Any]])
    XCTAssertEqual(items.compactMap { $0["id"] as? String }, ["1.4", "2.1", "2.2", "2.3", "2.13", "2.29"])
    let none = try DubanBinary.run(["list", "--unit", "区商务局", "--light", "green"] + day)
    XCTAssertEqual(none.stdout.split(separator: "\n").count, 1, "the header alone: \(none.stdout)")
    let badLight = try DubanBinary.run(["list", "--light", "purple"] + day)
    XCTAssertEqual(badLight.status, 2)
    XCTAssertTrue(badLight.stderr.contains("--light"), badLight.stderr)
    let chase = try DubanBinary.run(["chase", "--unit", "区商务局", "--format", "csv"] + day)
    XCTAssertEqual(chase.status, 0, chase.stderr)
    XCTAssertTrue(chase.stdout.hasPrefix("\u{FEFF}\"duban 导出：催办清单（截至 2019-07-15）\""), chase.stdout)
    XCTAssertEqual(chase.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count, 14)
    let folder = dir.appendingPathComponent("notices").path
    let notices = try DubanBinary.run(["chase", "--notices", folder] + day)
    XCTAssertEqual(notices.status, 0, notices.stderr)
    XCTAssertTrue(notices.stderr.contains("已写 54 份催办通知"), notices.stderr)
    XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/催办通知-区城管委-2019-07-15.md"))
  }
}
