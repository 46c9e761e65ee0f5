import Foundation
import XCTest

/// duban always stops when told, and costs nothing while it waits: signals, a terminal that
/// goes away, a terminal that cannot draw. Run on whichever binary DUBAN_BIN names (`make
/// test` runs them on the debug and the release build).
final class StoppingTests: SeededStoreTestCase {
  /// The duban process of this test's dashboard (its command line starts with the binary
  /// and names this test's store).
  func dubanPID() throws -> pid_t {
    let deadline = Date().addingTimeInterval(10)
    while Date() < deadline {
      for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
        guard let pid = pid_t(entry),
          let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline")
        else { continue }
        let argv = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        if argv.first == DubanBinary.path && argv.contains(store) { return pid }
      }
      Thread.sleep(forTimeInterval: 0.05)
    }
    XCTFail("no duban process on \(store)")
    throw CocoaError(.fileNoSuchFile)
  }

  /// /proc/PID/stat's fields after the command name: state first, utime and stime at 11, 12.
  func stat(_ pid: pid_t) -> [Substring]? {
    guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/stat") else { return nil }
    let text = String(decoding: data, as: UTF8.self)
    guard let close = text.lastIndex(of: ")") else { return nil }
    return text[text.index(after: close)...].split(separator: " ")
  }

  /// Gone, or a zombie nobody has reaped yet (it has exited).
  func hasEnded(_ pid: pid_t) -> Bool {
    guard let fields = stat(pid) else { return true }
    return fields.first == "Z" || fields.first == "X"
  }

  /// A failed test leaves no duban behind (one that ignores signals would spin once its
  /// tmux server is gone).
  func killIfRunning(_ pid: pid_t) {
    if !hasEnded(pid) { kill(pid, SIGKILL) }
  }

  /// A dashboard with a mark just made: `+` on item 1.1, the signal sent as soon as the
  /// screen shows it, while the save may still be under way.
  func signalWithPendingMark(_ signal: Int32, name: String) throws {
    let t = try dashboard()
    try t.waitFor("板块")
    let pid = try dubanPID()
    defer { killIfRunning(pid) }
    try t.keys("Tab", "+")
    try t.waitFor("推进中 10%")
    XCTAssertEqual(kill(pid, signal), 0)
    let screen = try t.waitFor("EXIT=\(128 + signal)")
    XCTAssertFalse(screen.contains("板块"), "\(name): terminal restored")
    let item = try item("1.1")
    XCTAssertEqual(item["progress"] as? Int, 10, "\(name): the pending mark was saved")
  }

  func testSIGTERMSavesAndExits143() throws { try signalWithPendingMark(SIGTERM, name: "SIGTERM") }
  func testSIGINTSavesAndExits130() throws { try signalWithPendingMark(SIGINT, name: "SIGINT") }
  func testSIGHUPSavesAndExits129() throws { try signalWithPendingMark(SIGHUP, name: "SIGHUP") }

  /// A dropped connection: the terminal disappears under the dashboard, which saves and
  /// ends (within 3 s) instead of spinning on a dead terminal.
  func testKillSessionEndsTheProcess() throws {
    let t = try dashboard()
    try t.waitFor("板块")
    let pid = try dubanPID()
    try t.keys("Tab", "+")
    try t.waitFor("推进中 10%")
    try t.tmux(["kill-session", "-t", t.session], output: false)
    try assertEnds(pid, within: 3)
    XCTAssertEqual(try item("1.1")["progress"] as? Int, 10, "the mark was saved")
  }

  /// The terminal goes away without a SIGHUP reaching duban (it runs in a session of its
  /// own): reading EOF/EIO from the terminal is a hang-up all the same.
  func testTerminalGoneWithoutSIGHUPEndsTheProcess() throws {
    let t = try dashboard(env: "setsid -w")
    try t.waitFor("板块")
    let pid = try dubanPID()
    try t.tmux(["kill-session", "-t", t.session], output: false)
    try assertEnds(pid, within: 3)
  }

  func assertEnds(_ pid: pid_t, within seconds: TimeInterval, file: StaticString = #filePath, line: UInt = #line)
    throws
  {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline && !hasEnded(pid) { Thread.sleep(forTimeInterval: 0.05) }
    if !hasEnded(pid) {
      let fields = stat(pid) ?? []
      killIfRunning(pid)
      XCTFail("duban (pid \(pid), state \(fields.first ?? "?")) still runs \(seconds) s after its terminal went away")
    }
  }

  /// An idle dashboard blocks waiting for a key: below 1% CPU over 5 s.
  func testIdleUsesNoCPU() throws {
    let t = try dashboard()
    try t.waitFor("板块")
    let pid = try dubanPID()
    defer { killIfRunning(pid) }
    Thread.sleep(forTimeInterval: 0.5)  // start-up done
    func cpuTicks() throws -> Int {
      let fields = try XCTUnwrap(stat(pid))
      return Int(fields[11])! + Int(fields[12])!
    }
    let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))
    let before = try cpuTicks()
    let start = Date()
    Thread.sleep(forTimeInterval: 5)
    let used = Double(try cpuTicks() - before) / ticksPerSecond
    let elapsed = Date().timeIntervalSince(start)
    let percent = used / elapsed * 100
    print("idle CPU: \(used) s over \(String(format: "%.1f", elapsed)) s = \(String(format: "%.2f", percent))%")
    XCTAssertLessThan(percent, 1, "an idle dashboard must block, not spin")
    try t.keys("q")
    try t.waitFor("EXIT=0")
  }

  /// A terminal without cursor addressing (TERM=dumb) or without a terminfo entry: a message
  /// pointing to `duban list` and exit 2, as for a pipe; the store untouched.
  func testTerminalThatCannotDrawExits2() throws {
    let before = try Data(contentsOf: URL(fileURLWithPath: store))
    for term in ["dumb", "no-such-terminal"] {
      let t = try dashboard(env: "TERM=\(term)")
      let screen = try t.waitFor("EXIT=2")
      XCTAssertTrue(screen.contains("duban list"), "TERM=\(term): \(screen)")
      XCTAssertFalse(screen.contains("板块"), "TERM=\(term): no dashboard drawn")
    }
    XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: store)), before)
  }
}
