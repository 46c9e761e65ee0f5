import Foundation
import XCTest

/// Every subcommand through the real binary.
final class CommandLineTests: XCTestCase {
  var dir: URL!
  var store: String { dir.appendingPathComponent("plan.json").path }

  override func setUpWithError() throws { dir = try DubanBinary.tempDir() }
  override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

  func importSeed() throws {
    let r = try DubanBinary.run(["import", DubanBinary.seed, "--out", store])
    XCTAssertEqual(r.status, 0, r.stderr)
  }

  func testImportPrintsSummaryAndWarningsWithLines() throws {
    let r = try DubanBinary.run(["import", DubanBinary.seed, "--out", store])
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertTrue(r.stdout.contains("共 90 项"), r.stdout)
    XCTAssertTrue(r.stdout.contains("\(DubanBinary.seed):92: [split-units]"), r.stdout)
    XCTAssertTrue(r.stdout.contains("\(DubanBinary.seed):260: [advertising]"), r.stdout)
    XCTAssertTrue(r.stdout.contains("2019-01-28"))
    XCTAssertTrue(FileManager.default.fileExists(atPath: store))
    let en = try DubanBinary.run(["import", DubanBinary.seed, "--dry-run", "--lang", "en"])
    XCTAssertTrue(en.stdout.contains("90 items"), en.stdout)
    XCTAssertTrue(en.stdout.contains("dry run"), en.stdout)
  }

  func testImportJSONAndRefusalToOverwrite() throws {
    let r = try DubanBinary.run(["import", DubanBinary.seed, "--out", store, "--json"])
    XCTAssertEqual(r.status, 0, r.stderr)
    let plan = try XCTUnwrap(DubanBinary.json(r.stdout) as? [String: Any])
    XCTAssertEqual((plan["items"] as? [Any])?.count, 90)
    XCTAssertFalse((plan["warnings"] as? [Any] ?? []).isEmpty)
    XCTAssertTrue(r.stderr.contains("共 90 项"), "summary on stderr, JSON alone on stdout")

    try DubanBinary.run(["mark", "1.1", "--progress", "20", "--store", store])
    let before = try Data(contentsOf: URL(fileURLWithPath: store))
    let again = try DubanBinary.run(["import", DubanBinary.seed, "--out", store])
    XCTAssertEqual(again.status, 2)
    XCTAssertTrue(again.stderr.contains("--force"), again.stderr)
    XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: store)), before, "store untouched")
    let forced = try DubanBinary.run(["import", DubanBinary.seed, "--out", store, "--force"])
    XCTAssertEqual(forced.status, 0, forced.stderr)
    XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: store + ".bak")), before, "old version kept")
  }

  func testBadDocumentsExit2AndWriteNothing() throws {
    let cases: [(String, Data)] = [
      ("empty.txt", Data()),
      ("binary.bin", Data([0, 1, 2, 3, 0xFF, 0xFE, 0, 0])),
      ("long.txt", Data(repeating: 0x41, count: 10 << 20)),
      ("noitems.txt", Data("只是一段话。\n".utf8)),
    ]
    for (name, data) in cases {
      let doc = dir.appendingPathComponent(name).path
      try data.write(to: URL(fileURLWithPath: doc))
      let out = dir.appendingPathComponent(name + ".json").path
      let r = try DubanBinary.run(["import", doc, "--out", out])
      XCTAssertEqual(r.status, 2, name)
      XCTAssertTrue(r.stderr.hasPrefix("duban: \(doc)"), "\(name): \(r.stderr)")
      XCTAssertFalse(r.stderr.contains("Fatal"), name)
      XCTAssertFalse(FileManager.default.fileExists(atPath: out), "\(name): nothing written")
    }
  }

  func testListTableAlignsAndFilters() throws {
    try importSeed()
    let r = try DubanBinary.run(["list", "--store", store])
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertFalse(r.stdout.contains("\u{1B}"), "no escape codes when stdout is not a terminal")
    let lines = r.stdout.split(separator: "\n")
    XCTAssertEqual(lines.count, 91)
    // The item text (last column) starts at the same display column on every row.
    let header = String(lines[0])
    let textColumn = columns(header[..<header.range(of: "事项")!.lowerBound])
    for line in lines.dropFirst() {
      let cells = line.split(separator: " ", omittingEmptySubsequences: true)
      let text = cells.last!
      let start = columns(line[..<line.range(of: text, options: .backwards)!.lowerBound])
      XCTAssertEqual(start, textColumn, String(line))
    }
    XCTAssertTrue(lines[2].hasPrefix("1.2 "))
    XCTAssertTrue(lines[2].contains("区财政局"))

    let unit = try DubanBinary.run(["list", "--store", store, "--unit", "招商局", "--json"])
    let ids = try XCTUnwrap(DubanBinary.json(unit.stdout) as? [[String: Any]]).map { $0["id"] as! String }
    XCTAssertEqual(ids, ["1.4", "2.1", "2.2", "2.3", "2.13", "2.29"])
    let part = try DubanBinary.run(["list", "--store", store, "--part", "1"])
    XCTAssertEqual(part.stdout.split(separator: "\n").count, 7)
    let unknown = try DubanBinary.run(["list", "--store", store, "--unit", "不存在局"])
    XCTAssertEqual(unknown.status, 2)
    XCTAssertTrue(unknown.stderr.contains("duban units"), unknown.stderr)
  }

  func testListJSONFields() throws {
    try importSeed()
    let r = try DubanBinary.run(["list", "--store", store, "--json"])
    let items = try XCTUnwrap(DubanBinary.json(r.stdout) as? [[String: Any]])
    XCTAssertEqual(items.count, 90)
    let fields: Set = [
      "id", "part", "section", "group", "number", "text", "lead", "responsible", "leaders", "status", "progress",
      "notes",
    ]
    for item in items { XCTAssertTrue(fields.isSubset(of: Set(item.keys)), "\(item.keys)") }
    let i229 = try XCTUnwrap(items.first { $0["id"] as? String == "2.29" })
    XCTAssertEqual(i229["number"] as? String, "29")
    XCTAssertEqual(i229["part"] as? Int, 2)
    XCTAssertEqual(i229["responsible"] as? [String], ["区商务局"])
    XCTAssertEqual(i229["status"] as? String, "not_started")
    XCTAssertTrue(items[0]["group"] is NSNull)
  }

  func testUnitsJSON() throws {
    try importSeed()
    let r = try DubanBinary.run(["units", "--store", store, "--json"])
    let units = try XCTUnwrap(DubanBinary.json(r.stdout) as? [[String: Any]])
    let commerce = try XCTUnwrap(units.first { $0["name"] as? String == "区商务局" })
    XCTAssertEqual(commerce["kind"] as? String, "unit")
    XCTAssertEqual([commerce["lead"], commerce["responsible"], commerce["total"]] as? [Int], [1, 5, 6])
    XCTAssertTrue((commerce["aliases"] as? [String])?.contains("区商务局〈招商局〉") == true)
    let streets = try XCTUnwrap(units.first { $0["name"] as? String == "各街道" })
    XCTAssertEqual(streets["kind"] as? String, "group")
    let table = try DubanBinary.run(["units", "--store", store, "--lang", "en"])
    XCTAssertTrue(table.stdout.hasPrefix("unit"), table.stdout)
  }

  func testMarkRecordsAndSaves() throws {
    try importSeed()
    let r = try DubanBinary.run(
      ["mark", "2.29", "--status", "推进中", "--progress", "40", "--note", "已对接“一带一路”项目", "--store", store],
      env: ["USER": "王科员"])
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertTrue(r.stdout.contains("2.29: progress 0 → 40"), r.stdout)
    let list = try DubanBinary.run(["list", "--store", store, "--json", "--status", "in_progress"])
    let items = try XCTUnwrap(DubanBinary.json(list.stdout) as? [[String: Any]])
    XCTAssertEqual(items.map { $0["id"] as! String }, ["2.29"])
    XCTAssertEqual(items[0]["progress"] as? Int, 40)
    let notes = try XCTUnwrap(items[0]["notes"] as? [[String: Any]])
    XCTAssertEqual(notes.first?["text"] as? String, "已对接“一带一路”项目")
    XCTAssertEqual(notes.first?["user"] as? String, "王科员")
    let history = try XCTUnwrap(items[0]["history"] as? [[String: Any]])
    XCTAssertEqual(history.map { $0["field"] as! String }, ["status", "progress", "note"])

    for bad in [
      ["mark", "9.99", "--progress", "10"], ["mark", "2.1", "--progress", "120"], ["mark", "2.1", "--status", "maybe"],
    ] {
      let before = try Data(contentsOf: URL(fileURLWithPath: store))
      let e = try DubanBinary.run(bad + ["--store", store])
      XCTAssertEqual(e.status, 2, "\(bad): \(e.stderr)")
      XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: store)), before, "\(bad) changed nothing")
    }
  }

  func testUnreadableStoreIsRefusedUntouched() throws {
    let bad = "{\"schema\": 1, \"plan\": [1, 2,,]}"
    try bad.write(toFile: store, atomically: false, encoding: .utf8)
    for args in [["list"], ["units"], ["mark", "1.1", "--progress", "5"]] {
      let r = try DubanBinary.run(args + ["--store", store])
      XCTAssertEqual(r.status, 2, "\(args)")
      XCTAssertTrue(r.stderr.contains("\(store): line 1, column 29"), r.stderr)
      XCTAssertEqual(try String(contentsOfFile: store, encoding: .utf8), bad)
    }
  }

  func testFirstRunCreatesDefaultStoreFromEmbeddedPlan() throws {
    let env = ["XDG_DATA_HOME": dir.path]
    let r = try DubanBinary.run(["list", "--part", "3"], env: env)
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertTrue(r.stderr.contains("内置"), r.stderr)
    XCTAssertEqual(r.stdout.split(separator: "\n").count, 18)
    XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("duban/plan.json").path))
    let viaEnv = try DubanBinary.run(
      ["units", "--json"], env: ["DUBAN_STORE": dir.appendingPathComponent("other.json").path])
    XCTAssertEqual(viaEnv.status, 0)
    XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("other.json").path))
  }

  func testBadOptions() throws {
    let r = try DubanBinary.run(["list", "--today", "2019-13-01", "--store", store])
    XCTAssertNotEqual(r.status, 0)
    XCTAssertTrue(r.stderr.contains("YYYY-MM-DD"), r.stderr)
  }

  /// Several processes marking at once: every edit is in the final file.
  func testConcurrentMarksLoseNothing() throws {
    try importSeed()
    let ids = ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "2.1", "2.2"]
    let failures = Counter()
    let store = self.store
    DispatchQueue.concurrentPerform(iterations: ids.count) { i in
      for round in 0..<3 {
        let r = try? DubanBinary.run([
          "mark", ids[i], "--note", "第\(round)次", "--progress", "\(10 * (round + 1))", "--store", store,
        ])
        if r?.status != 0 { failures.add() }
      }
    }
    XCTAssertEqual(failures.value, 0)
    let list = try DubanBinary.run(["list", "--store", store, "--json"])
    let items = try XCTUnwrap(DubanBinary.json(list.stdout) as? [[String: Any]])
    for id in ids {
      let item = try XCTUnwrap(items.first { $0["id"] as? String == id })
      XCTAssertEqual((item["notes"] as? [[String: Any]])?.map { $0["text"] as! String }, ["第0次", "第1次", "第2次"], id)
      XCTAssertEqual(item["progress"] as? Int, 30, id)
    }
  }
}

final class Counter: @unchecked Sendable {
  private let lock = NSLock()
  private var n = 0
  func add() { lock.withLock { n += 1 } }
  var value: Int { lock.withLock { n } }
}

/// The README's copy of the key table is the table itself.
final class DocumentationTests: XCTestCase {
  func testReadmeKeyTableMatchesTheBinary() throws {
    let r = try DubanBinary.run(["keys", "--markdown"])
    XCTAssertEqual(r.status, 0)
    XCTAssertTrue(r.stdout.contains("| `Space` | cycle-status |"))
    let readme = try String(contentsOf: DubanBinary.repoRoot.appendingPathComponent("README.md"), encoding: .utf8)
    XCTAssertTrue(readme.contains(r.stdout), "README.md's key table is out of date: paste `duban keys --markdown`")
  }
}
