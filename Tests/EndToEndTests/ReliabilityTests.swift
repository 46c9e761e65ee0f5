import Foundation
import XCTest

/// Crashes, signals, full disks, concurrent clerks and hostile text, against the real binary.
final class ReliabilityTests: SeededStoreTestCase {
  func notes(_ id: String) throws -> [String] {
    (try item(id)["notes"] as? [[String: Any]] ?? []).map { $0["text"] as! String }
  }

  /// kill -9 a writer at random moments, 200 times: the store always loads and every edit
  /// that was reported saved is in it.
  func testKillNineNeverTearsTheStore() throws {
    var rng = SystemRandomNumberGenerator()
    var reportedSaved: [String] = []
    var kills = 0
    // Kill within 1.5× the time a write takes here, so about half die mid-way on any machine.
    let start = Date()
    try DubanBinary.run(["mark", "1.1", "--note", "timing", "--store", store])
    let window = UInt32(max(5_000, min(500_000, Date().timeIntervalSince(start) * 1.5e6)))
    for n in 0..<200 {
      let p = Process()
      p.executableURL = URL(fileURLWithPath: DubanBinary.path)
      p.arguments = ["mark", "2.\(n % 67 + 1)", "--note", "k\(n)", "--store", store]
      p.environment = ["LANG": "C.UTF-8", "USER": "tester", "HOME": NSTemporaryDirectory()]
      let out = Pipe()
      p.standardOutput = out
      p.standardError = FileHandle.nullDevice
      try p.run()
      usleep(UInt32.random(in: 0...window, using: &rng))
      if p.isRunning {
        kill(p.processIdentifier, SIGKILL)
        kills += 1
      }
      p.waitUntilExit()
      let said = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      if p.terminationReason == .exit && p.terminationStatus == 0 && said.contains("已保存") {
        reportedSaved.append("2.\(n % 67 + 1)=k\(n)")
      }
      // After every kill the store still loads.
      if n % 20 == 0 { _ = try notes("2.1") }
    }
    let r = try DubanBinary.run(["list", "--store", store, "--json"])
    XCTAssertEqual(r.status, 0, r.stderr)
    let items = try XCTUnwrap(DubanBinary.json(r.stdout) as? [[String: Any]])
    var present = Set<String>()
    for item in items {
      for note in item["notes"] as? [[String: Any]] ?? [] { present.insert("\(item["id"]!)=\(note["text"]!)") }
    }
    for saved in reportedSaved { XCTAssertTrue(present.contains(saved), "lost \(saved)") }
    // The next writer, under the lock, clears what killed writers left behind.
    try DubanBinary.run(["mark", "1.1", "--progress", "10", "--store", store])
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".tmp-") }
    XCTAssertEqual(leftovers, [])
    print("kill -9: \(kills) of 200 writers killed mid-way, \(reportedSaved.count) edits reported saved, all kept")
    XCTAssertGreaterThan(kills, 20, "enough writers were killed mid-way")
  }

  /// A file-size limit stands in for a full disk: a clear message, non-zero exit, the
  /// store exactly as it was.
  func testFullDiskLeavesStoreIntact() throws {
    let before = try Data(contentsOf: URL(fileURLWithPath: store))
    let status = try DubanBinary.runShell(
      "ulimit -f 16; LANG=C.UTF-8 '\(DubanBinary.path)' mark 1.1 --progress 50 --lang en --store '\(store)' 2> '\(dir.path)/err.txt'"
    )
    XCTAssertEqual(status, 1, "a change that could not be saved exits 1")
    let err = try String(contentsOfFile: dir.appendingPathComponent("err.txt").path, encoding: .utf8)
    XCTAssertTrue(err.contains(store) && err.contains("cannot write"), err)
    XCTAssertTrue(err.contains("unchanged"), err)
    XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: store)), before, "never a truncated file")
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".tmp-") }
    XCTAssertEqual(leftovers, [])
  }

  func testFullDiskInTheDashboardSaysSoAndKeepsTheEdit() throws {
    let before = try Data(contentsOf: URL(fileURLWithPath: store))
    let t = try dashboard(in: "\(dir.path) && ulimit -f 16")
    try t.waitFor("板块")
    try t.keys("Tab", "+")
    let screen = try t.waitFor("未保存！")
    XCTAssertTrue(screen.contains("推进中 10%"), "the edit is kept in memory")
    XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: store)), before)
    try t.keys("q")
    try t.waitFor("EXIT=1")
  }

  func testHangupAndResizeBurst() throws {
    let t = try dashboard(today: nil, columns: 100, rows: 30)
    try t.waitFor("板块")
    try t.keys("Tab", "Space")
    try t.waitFor("推进中 0%")
    let pattern = "'^\(DubanBinary.path) --store \(store)'"
    for _ in 0..<50 { try DubanBinary.runShell("pkill -WINCH -f \(pattern)") }
    try t.resize(columns: 90, rows: 28)
    try t.waitForLayout(columns: 90)
    try DubanBinary.runShell("pkill -HUP -f \(pattern)")
    let screen = try t.waitFor("EXIT=129")
    XCTAssertFalse(screen.contains("板块"), "terminal restored")
    let r = try DubanBinary.run(["list", "--store", store, "--json", "--status", "in_progress"])
    XCTAssertEqual(
      (try DubanBinary.json(r.stdout) as? [[String: Any]])?.count, 1, "the edit before the hangup was saved")
  }

  /// Two dashboards and a `duban mark` loop on one store at once: every edit is kept.
  func testTwoDashboardsAndAMarkLoop() throws {
    let a = try dashboard()
    let b = try dashboard(columns: 100, rows: 30)
    try a.waitFor("板块")
    try b.waitFor("板块")
    let loop = DispatchGroup()
    let failures = Counter()
    let store = self.store
    loop.enter()
    DispatchQueue.global().async {
      for n in 0..<15 {
        let r = try? DubanBinary.run(["mark", "3.\(n + 1)", "--note", "loop\(n)", "--store", store])
        if r?.status != 0 { failures.add() }
      }
      loop.leave()
    }
    // Dashboard A marks part 一's items, B notes on 2.1 and 2.2, while the loop runs.
    try a.keys("Tab")
    for _ in 0..<6 {
      try a.keys("+", "j")
    }
    try b.keys("j", "j", "Enter")
    try b.waitFor("任务 1/67")
    for n in 0..<2 {
      try b.keys("e")
      try b.waitFor("备注 2.\(n + 1)")
      try b.text("仪表盘B\(n)")
      try b.keys("Enter", "j")
    }
    loop.wait()
    XCTAssertEqual(failures.value, 0)
    try a.keys("q")
    try b.keys("q")
    try a.waitFor("EXIT=0")
    try b.waitFor("EXIT=0")
    let r = try DubanBinary.run(["list", "--store", store, "--json"])
    let items = try XCTUnwrap(DubanBinary.json(r.stdout) as? [[String: Any]])
    func item(_ id: String) -> [String: Any] { items.first { $0["id"] as? String == id }! }
    for n in 1...6 { XCTAssertEqual(item("1.\(n)")["progress"] as? Int, 10, "dashboard A's edit on 1.\(n)") }
    for n in 0..<2 {
      XCTAssertEqual((item("2.\(n + 1)")["notes"] as? [[String: Any]])?.map { $0["text"] as! String }, ["仪表盘B\(n)"])
    }
    for n in 0..<15 {
      XCTAssertEqual((item("3.\(n + 1)")["notes"] as? [[String: Any]])?.map { $0["text"] as! String }, ["loop\(n)"])
    }
  }

  /// Escape sequences, bidi overrides, zero-width and combining characters and a 100,000-
  /// character item, through every command and the dashboard: nothing reaches the terminal
  /// as a control.
  func testHostileTextThroughEveryCommand() throws {
    let long = String(repeating: "长", count: 100_000)
    let doc = """
      一、重点工作(共2项)
      1. 恶意\u{1B}]0;pwned\u{07}标题\u{1B}[2J清屏\u{202E}反转\u{200B}零宽e\u{301}组合。(责任单位:区\u{1B}[31m发改委)
      2. \(long)。(责任单位:区财政局)
      """
    let path = dir.appendingPathComponent("hostile.txt").path
    try doc.write(toFile: path, atomically: true, encoding: .utf8)
    let hostile = dir.appendingPathComponent("hostile.json").path
    var outputs: [String] = []
    let imported = try DubanBinary.run(["import", path, "--out", hostile])
    XCTAssertEqual(imported.status, 0, imported.stderr)
    outputs += [imported.stdout, imported.stderr]
    for args in [
      ["list"], ["units"], ["due", "--today", "2019-12-31"], ["mark", "1.1", "--note", "注\u{1B}[1m意\u{9B}"],
      ["group", "各街道"],
    ] {
      let r = try DubanBinary.run(args + ["--store", hostile])
      outputs += [r.stdout, r.stderr]
    }
    for out in outputs {
      XCTAssertFalse(
        out.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{9B}" || $0 == "\u{202E}" || $0 == "\u{07}" },
        out.prefix(300).description)
    }
    let t = try dashboard(on: hostile, columns: 100, rows: 30)
    try t.waitFor("板块")
    try t.keys("Tab")
    var screen = try t.waitForLayout(columns: 100)
    XCTAssertTrue(screen.contains("恶意"), screen)
    XCTAssertTrue(screen.contains("]0;pwned"), "the title sequence is shown as text, not run: \(screen)")
    XCTAssertTrue(screen.contains("[2J"), "the clear-screen sequence is shown as text")
    try t.keys("j")
    screen = try t.waitForLayout(columns: 100)
    XCTAssertTrue(screen.contains("长长长"))
    try t.keys("q")
    try t.waitFor("EXIT=0")
  }
}
