import DubanCore
import Foundation
import XCTest

/// A private tmux server running duban, read and typed into as a person would.
final class Tmux {
  let socket = "duban-test-\(UUID().uuidString.prefix(8))"
  let session = "t"

  init(command: String, columns: Int, rows: Int) throws {
    // The server forks from this first client and would hold a stdout pipe open forever.
    try tmux(["new-session", "-d", "-s", session, "-x", "\(columns)", "-y", "\(rows)", command], output: false)
  }

  deinit { _ = try? tmux(["kill-server"], output: false) }

  /// Runs tmux with posix_spawn and waitpid. Foundation's Process is not used here: the
  /// tmux server forks from the first client and keeps its descriptors, and Process would
  /// wait for them to close.
  @discardableResult
  func tmux(_ args: [String], output: Bool = true) throws -> String {
    let outPath = NSTemporaryDirectory() + "duban-tmux-\(UUID().uuidString)"
    defer { unlink(outPath) }
    var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, output ? outPath : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ["tmux", "-L", socket, "-f", "/dev/null"] + args
    var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
    defer { for a in cArgs { free(a) } }
    var pid: pid_t = 0
    let rc = posix_spawnp(&pid, "tmux", &actions, nil, &cArgs, environ)
    guard rc == 0 else { throw NSError(domain: "tmux", code: Int(rc)) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    guard output, let data = FileManager.default.contents(atPath: outPath) else { return "" }
    return String(decoding: data, as: UTF8.self)
  }

  /// Keys by tmux name (Up, Enter, Escape, Space, BTab, C-r) or literal text (-l).
  func keys(_ names: String...) throws { try tmux(["send-keys", "-t", session] + names, output: false) }
  func text(_ literal: String) throws { try tmux(["send-keys", "-t", session, "-l", literal], output: false) }

  func capture() throws -> String { try tmux(["capture-pane", "-p", "-t", session]) }

  func resize(columns: Int, rows: Int) throws {
    try tmux(["resize-window", "-t", session, "-x", "\(columns)", "-y", "\(rows)"], output: false)
  }

  /// Polls the screen until `predicate` holds (or 10 s pass) instead of sleeping blindly,
  /// and the screen has settled: a frame caught half drawn (its first lines new, the rest
  /// still the old view) is captured again until two captures agree.
  @discardableResult
  func waitFor(_ what: String, timeout: TimeInterval = 10, _ predicate: (String) -> Bool) throws -> String {
    let deadline = Date().addingTimeInterval(timeout)
    var screen = ""
    while Date() < deadline {
      screen = try capture()
      if predicate(screen) {
        Thread.sleep(forTimeInterval: 0.05)
        let again = try capture()
        if again == screen { return screen }
        if predicate(again) { screen = again; continue }
      }
      Thread.sleep(forTimeInterval: 0.05)
    }
    print("TIMEOUT waiting for \(what):\n\(screen)")
    XCTFail("timed out waiting for \(what); screen:\n\(screen)")
    return screen
  }

  @discardableResult
  func waitFor(_ text: String) throws -> String { try waitFor(text) { $0.contains(text) } }
}

/// Problems with a captured screen's borders: a row wider than the terminal, pane rows
/// whose vertical borders sit in different display columns, a right border not at the
/// last column. Empty when the layout holds. Measured with duban's own widths,
/// `DisplayWidth.standard` (ambiguous characters narrow, as tmux draws them by default).
func borderProblems(_ screen: String, columns: Int) -> [String] {
  var problems: [String] = []
  let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  var borderSets: [[Int]: Int] = [:]
  for l in lines {
    if DisplayWidth.standard.width(of: l) > columns { problems.append("too wide: \(l)") }
    guard l.hasPrefix("│") else { continue }
    var col = 0
    var positions: [Int] = []
    for ch in l {
      if ch == "│" { positions.append(col) }
      col += DisplayWidth.standard.width(of: ch)
    }
    borderSets[positions, default: 0] += 1
  }
  // Pane rows share one set of positions; detail rows another ([0, last]).
  if borderSets.count > 2 { problems.append("border columns differ between rows: \(borderSets)") }
  for positions in borderSets.keys where positions.last != columns - 1 {
    problems.append("right border not at the last column: \(positions)")
  }
  if !lines.contains(where: { $0.hasPrefix("└") && DisplayWidth.standard.width(of: $0) == columns }) {
    problems.append("no bottom border \(columns) columns wide")
  }
  return problems
}

func assertBordersAligned(_ screen: String, columns: Int, file: StaticString = #filePath, line: UInt = #line) {
  let problems = borderProblems(screen, columns: columns)
  XCTAssertEqual(problems, [], screen, file: file, line: line)
}

extension Tmux {
  /// After a resize the program redraws; wait for a frame whose borders hold at the new width.
  @discardableResult
  func waitForLayout(columns: Int) throws -> String {
    try waitFor("a consistent \(columns)-column frame") { borderProblems($0, columns: columns).isEmpty }
  }
}
