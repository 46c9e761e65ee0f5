import Foundation
import XCTest

/// The review after import on the real binary: `duban --store S import seed.txt` on a
/// terminal opens the review; accept one, merge one, split one, quit writing; the store, `list
/// --json` and `doctor` show the decisions. `--yes` writes without the screen; abandoning
/// writes nothing; a pipe behaves as before and says what is left to review.
final class ImportReviewTests: SeededStoreTestCase {
  func reviewImport(_ extra: String = "", columns: Int = 100, rows: Int = 30) throws -> Tmux {
    let command =
      "LANG=C.UTF-8 USER=tester TERM=xterm-256color \(DubanBinary.path) --store \(store) --today 2019-02-01 import \(DubanBinary.seed) --force \(extra); echo EXIT=$?; sleep 60"
    return try Tmux(command: command, columns: columns, rows: rows)
  }

  func storedWarnings() throws -> [[String: Any]] {
    let data = try Data(contentsOf: URL(fileURLWithPath: store))
    let doc = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let plan = try XCTUnwrap(doc["plan"] as? [String: Any])
    return try XCTUnwrap(plan["warnings"] as? [[String: Any]])
  }

  func testAcceptMergeSplitAndQuitWriting() throws {
    let t = try reviewImport()
    try t.waitFor("导入审核")
    try t.waitFor("21 条待定")
    try t.keys("Enter")  // line 40: the repaired date reads right
    try t.waitFor("20 条待定")
    // The 国资公司 spelling on line 98 (item 2.4): merge 区国资公司 into 区建投公司.
    for _ in 0..<11 { try t.keys("Down") }
    try t.waitFor("seed line 98 selected") { $0.contains("jiangan-2019-task-breakdown.txt:98  [合并写法]") }
    try t.keys("m")
    try t.waitFor("把“区国资公司”并入单位")
    try t.text("建投")
    try t.waitFor("区建投公司")
    try t.keys("Enter")
    try t.waitFor("已合并：区国资公司 → 区建投公司")
    // The split on the same line (the merge moved on to the next open warning): the long unit
    // name becomes two units.
    try t.keys("Up", "Up", "s")
    try t.waitFor("拆成（用、或空格隔开）")
    try t.keys("C-u")
    try t.text("汉口历史文化风貌街区指挥部、创谷项目指挥部")
    try t.keys("Enter")
    var screen = try t.waitFor("已拆分")
    XCTAssertTrue(screen.contains("18 条待定"), screen)
    try t.keys("q")
    try t.waitFor("结束审核")
    try t.keys("w")
    screen = try t.waitFor("EXIT=0")
    XCTAssertTrue(screen.contains("已写入"), screen)
    XCTAssertTrue(screen.contains("18 条修正未审核"), screen)

    let item = try item("2.4")
    let units = try XCTUnwrap(item["responsible"] as? [String])
    XCTAssertEqual(Array(units.prefix(2)), ["汉口历史文化风貌街区指挥部", "创谷项目指挥部"])
    XCTAssertTrue(units.contains("区建投公司") && !units.contains("区国资公司"), "\(units)")
    XCTAssertNotNil(item["reviewed"], "both warnings of 2.4 decided: no 疑")
    XCTAssertNil(try self.item("2.1")["reviewed"], "2.1's warnings are still open")

    let warnings = try storedWarnings()
    let decided = warnings.filter { $0["decision"] != nil }
    XCTAssertEqual(decided.count, 3)
    XCTAssertEqual(decided.map { $0["line"] as? Int }, [40, 98, 98])
    XCTAssertEqual(decided[0]["decision"] as? String, "accepted")
    XCTAssertEqual(
      Set(decided.dropFirst().compactMap { $0["decision"] as? String }),
      [
        "merged 区国资公司 → 区建投公司",
        "split 汉口历史文化风貌街区<创谷>项目建设指挥部 → 汉口历史文化风貌街区指挥部、创谷项目指挥部",
      ])
    XCTAssertTrue(decided.allSatisfy { ($0["by"] as? String)?.hasPrefix("tester ") == true })

    let units2 = try DubanBinary.run(["units", "--store", store, "--json"])
    XCTAssertTrue(units2.stdout.contains("\"国资公司\""), "the merged spelling is an alias")
    let doctor = try DubanBinary.run(["doctor", "--store", store])
    XCTAssertTrue(doctor.stdout.contains("导入修正 21 条：已审核 3 条，待定 18 条"), doctor.stdout + doctor.stderr)
  }

  func testYesAcceptsEverythingWithoutTheScreen() throws {
    let t = try reviewImport("--yes --lang en")
    let screen = try t.waitFor("EXIT=0")
    XCTAssertFalse(screen.contains("Review import"), screen)
    XCTAssertTrue(screen.contains("written to"), screen)
    XCTAssertTrue(try storedWarnings().allSatisfy { $0["decision"] as? String == "accepted" })
    XCTAssertNotNil(try item("2.67")["reviewed"])
    let doctor = try DubanBinary.run(["doctor", "--store", store, "--lang", "en"])
    XCTAssertTrue(doctor.stdout.contains("import repairs: 21, 21 reviewed, 0 open"), doctor.stdout)
  }

  func testAbandonWritesNothing() throws {
    let before = try Data(contentsOf: URL(fileURLWithPath: store))
    let t = try reviewImport()
    try t.waitFor("导入审核")
    try t.keys("A")
    try t.waitFor("0 条待定")
    try t.keys("Escape")
    try t.waitFor("结束审核")
    try t.keys("x")
    // Not a success: a script sees it (and the message on stderr says the code).
    let screen = try t.waitFor("EXIT=3")
    XCTAssertTrue(screen.contains("已放弃导入，未写入任何文件（退出码 3）"), screen)
    XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: store)), before)
    XCTAssertFalse(FileManager.default.fileExists(atPath: store + ".bak"), "not even a backup")
  }

  /// The tester's path: a merge picked from a chooser (`建` fits three units), undone with
  /// `u`, then a split; only the split reaches the store.
  func testUUndoesADecisionBeforeTheStoreIsWritten() throws {
    let t = try reviewImport("--lang en", columns: 80, rows: 24)
    try t.waitFor("21 undecided")
    for _ in 0..<12 { try t.keys("Down") }
    try t.waitFor("seed line 98 selected") { $0.contains("jiangan-2019-task-breakdown.txt:98  [merged-alias]") }
    try t.keys("m")
    try t.text("建")
    try t.keys("Enter")
    try t.waitFor("3 units contain “建”")
    try t.keys("3")
    try t.waitFor("merged: 区国资公司 →")
    try t.keys("u")
    try t.waitFor("undone: merge 区国资公司 →")
    try t.waitFor("21 undecided")
    try t.keys("Up", "s", "C-u")
    try t.text("汉口历史文化风貌街区指挥部、创谷项目指挥部")
    try t.keys("Enter")
    try t.waitFor("20 undecided")
    try t.keys("q")
    try t.waitFor("Finish the review")
    try t.keys("w")
    try t.waitFor("EXIT=0")
    let units = try XCTUnwrap(try item("2.4")["responsible"] as? [String])
    XCTAssertTrue(units.contains("区国资公司"), "the merge was undone: \(units)")
    XCTAssertEqual(Array(units.prefix(2)), ["汉口历史文化风貌街区指挥部", "创谷项目指挥部"])
    let decided = try storedWarnings().compactMap { $0["decision"] as? String }
    XCTAssertEqual(decided, ["split 汉口历史文化风貌街区<创谷>项目建设指挥部 → 汉口历史文化风貌街区指挥部、创谷项目指挥部"])
  }

  /// Abandoning with Esc from the first screen, at 60x20: exit 3, and a store that did not
  /// exist is still not there.
  func testAbandonIntoANewStoreLeavesNoFile() throws {
    let fresh = dir.appendingPathComponent("new/plan.json").path
    let command =
      "LANG=C.UTF-8 USER=tester TERM=xterm-256color \(DubanBinary.path) --store \(fresh) import \(DubanBinary.seed); echo EXIT=$?; sleep 60"
    let t = try Tmux(command: command, columns: 60, rows: 20)
    try t.waitFor("导入审核")
    try t.keys("Escape")
    try t.waitFor("结束审核")
    try t.keys("x")
    try t.waitFor("EXIT=3")
    XCTAssertFalse(FileManager.default.fileExists(atPath: fresh))
  }

  func testOnAPipeItWritesAsBeforeAndSaysWhatIsLeft() throws {
    let r = try DubanBinary.run(["import", DubanBinary.seed, "--store", store, "--force"])
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertTrue(r.stdout.contains("21 条修正未审核：打开 duban，相关事项以“疑”标出"), r.stdout)
    XCTAssertTrue(try storedWarnings().allSatisfy { $0["decision"] == nil })
    XCTAssertNil(try item("2.67")["reviewed"])
  }
}
