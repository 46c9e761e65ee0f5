import DubanCore
import Foundation
import XCTest

/// Crashes, signals, full disks, concurrent clerks and hostile text, against the real binary.
final class ReliabilityTests: SeededStoreTestCase {
  func notes(_ id: String) throws -> [String] {
    (try item(id)["notes"] as? [[String: Any]] ?? []).map { $0["text"] as! String }
  }

  /// kill -9 a writer at each moment of a save: DUBAN_TEST_STOP_AT makes it stop itself
  /// there (SIGSTOP), so every kill lands exactly where it is meant to, on any machine. Before
  /// the rename the store is the old one byte for byte, after it the new one; the store and
  /// its .bak always load, no edit reported saved is lost, and the next writer clears what the
  /// killed ones left behind.
  func testKillNineNeverTearsTheStore() throws {
    var saved: [(id: String, note: String)] = []
    // A first save, so that .bak exists and every later save rotates it.
    XCTAssertEqual(try DubanBinary.run(["mark", "1.1", "--note", "first", "--store", store]).status, 0)
    saved.append(("1.1", "first"))
    let stages = AtomicFile.Stage.allCases
    for (n, stage) in stages.enumerated() {
      let id = "2.\(n + 1)"
      let before = try Data(contentsOf: URL(fileURLWithPath: store))
      let p = Process()
      p.executableURL = URL(fileURLWithPath: DubanBinary.path)
      p.arguments = ["mark", id, "--note", "k\(n)", "--store", store]
      p.environment = [
        "LANG": "C.UTF-8", "USER": "tester", "HOME": NSTemporaryDirectory(), "DUBAN_TEST_STOP_AT": stage.rawValue,
      ]
      p.standardOutput = FileHandle.nullDevice
      p.standardError = FileHandle.nullDevice
      try p.run()
      try waitUntilStopped(p, stage: stage.rawValue)
      if stage != .renamed {
        let temporaries = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".tmp-") }
        XCTAssertFalse(temporaries.isEmpty, "\(stage): the writer is midway through a save")
      }
      kill(p.processIdentifier, SIGKILL)
      p.waitUntilExit()
      XCTAssertEqual(p.terminationReason, .uncaughtSignal, "\(stage)")
      let replaced = stages.firstIndex(of: stage)! >= stages.firstIndex(of: .renamed)!
      if replaced {
        saved.append((id, "k\(n)"))
      } else {
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: store)), before, "\(stage): the old store, untouched")
      }
      XCTAssertEqual(try notes(id), replaced ? ["k\(n)"] : [], "\(stage)")
      for (id, note) in saved { XCTAssertTrue(try notes(id).contains(note), "\(stage): lost \(id)=\(note)") }
      let backup = try DubanBinary.run(["list", "--store", store + ".bak", "--json"])
      XCTAssertEqual(backup.status, 0, "\(stage): .bak loads: \(backup.stderr)")
    }
    // The next writer, under the lock, clears what killed writers left behind.
    XCTAssertEqual(try DubanBinary.run(["mark", "1.1", "--progress", "10", "--store", store]).status, 0)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".tmp-") }
    XCTAssertEqual(leftovers, [])
    for (id, note) in saved { XCTAssertTrue(try notes(id).contains(note), "lost \(id)=\(note)") }
  }

  /// Waits (10 s at most) until the process has stopped itself at its stage; fails if it
  /// ends or runs on instead (the hook is gone, or the save never reached that stage).
  func waitUntilStopped(_ p: Process, stage: String) throws {
    let statPath = "/proc/\(p.processIdentifier)/stat"
    for _ in 0..<1000 {
      // The state follows the command name in parentheses: "pid (duban) T ...".
      if let stat = try? String(contentsOfFile: statPath, encoding: .utf8),
        let close = stat.lastIndex(of: ")"), stat[stat.index(close, offsetBy: 2)] == "T"
      {
        return
      }
      guard p.isRunning else { throw NotStopped(stage: stage, why: "it ended first") }
      usleep(10_000)
    }
    kill(p.processIdentifier, SIGKILL)
    throw NotStopped(stage: stage, why: "it was still running after 10 s")
  }

  struct NotStopped: Error, CustomStringConvertible {
    var stage: String
    var why: String
    var description: String { "the writer never stopped at \(stage): \(why)" }
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
