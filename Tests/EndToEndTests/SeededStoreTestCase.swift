import Foundation
import XCTest

/// A test with its own folder and a store imported from the seed document.
class SeededStoreTestCase: XCTestCase {
  var dir: URL!
  var store: String { dir.appendingPathComponent("plan.json").path }

  override func setUpWithError() throws {
    dir = try DubanBinary.tempDir()
    let r = try DubanBinary.run(["import", DubanBinary.seed, "--out", store])
    XCTAssertEqual(r.status, 0, r.stderr)
  }

  override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

  /// The dashboard in a private tmux server, on this test's store (or `on`), echoing its
  /// exit code when it ends.
  func dashboard(
    _ extra: String = "", on storePath: String? = nil, env: String = "", today: String? = "2019-05-01",
    columns: Int = 120, rows: Int = 35, in folder: String? = nil
  ) throws -> Tmux {
    let cd = folder.map { "cd \($0) && " } ?? ""
    let day = today.map { "--today \($0)" } ?? ""
    let command =
      "\(cd)LANG=C.UTF-8 USER=tester TERM=xterm-256color \(env) \(DubanBinary.path) --store \(storePath ?? store) \(day) \(extra); echo EXIT=$?; sleep 60"
    return try Tmux(command: command, columns: columns, rows: rows)
  }

  /// One item as `duban list --json` prints it.
  func item(_ id: String) throws -> [String: Any] {
    let r = try DubanBinary.run(["list", "--store", store, "--json"])
    XCTAssertEqual(r.status, 0, "the store loads: \(r.stderr)")
    let items = try XCTUnwrap(DubanBinary.json(r.stdout) as? [[String: Any]])
    return try XCTUnwrap(items.first { $0["id"] as? String == id })
  }
}
