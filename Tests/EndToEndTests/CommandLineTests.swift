import DubanCore
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
    XCTAssertTrue(r.stdout.contains("\(DubanBinary.seed):92: [拆分单位]"), r.stdout)
    XCTAssertTrue(r.stdout.contains("\(DubanBinary.seed):260: [疑似广告]"), r.stdout)
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
    let textColumn = DisplayWidth.standard.width(of: header[..<header.range(of: "事项")!.lowerBound])
    for line in lines.dropFirst() {
      let cells = line.split(separator: " ", omittingEmptySubsequences: true)
      let text = cells.last!
      let start = DisplayWidth.standard.width(of: line[..<line.range(of: text, options: .backwards)!.lowerBound])
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
    XCTAssertTrue(r.stdout.contains("2.29: 进度 0%→40%"), r.stdout)
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
      XCTAssertTrue(r.stderr.contains("\(store)：第 1 行第 29 列：不是有效的 JSON"), r.stderr)
      let en = try DubanBinary.run(args + ["--store", store, "--lang", "en"])
      XCTAssertEqual(en.status, 2, "\(args)")
      XCTAssertTrue(en.stderr.contains("\(store): line 1, column 29: not valid JSON"), en.stderr)
      XCTAssertEqual(try String(contentsOfFile: store, encoding: .utf8), bad)
    }
  }

  /// A store error says where and what in the UI's language; DUBAN_LANG as well as --lang.
  func testStoreErrorInTheUILanguage() throws {
    try importSeed()
    let text = try String(contentsOfFile: store, encoding: .utf8)
    let range = try XCTUnwrap(text.range(of: "\"progress\" : 0"))
    try text.replacingCharacters(in: range, with: "\"progress\" : \"x\"").write(
      toFile: store, atomically: false, encoding: .utf8)
    let zh = try DubanBinary.run(["list", "--json", "--store", store])
    XCTAssertEqual(zh.status, 2)
    XCTAssertTrue(zh.stderr.contains("plan.items[0].progress：类型不对"), zh.stderr)
    XCTAssertFalse(zh.stderr.contains("wrong type"), zh.stderr)
    let en = try DubanBinary.run(["list", "--json", "--store", store], env: ["DUBAN_LANG": "en"])
    XCTAssertEqual(en.status, 2)
    XCTAssertTrue(en.stderr.contains("plan.items[0].progress: wrong type"), en.stderr)
  }

  /// Import warnings (and the errors of a document that cannot be imported) in the UI's language.
  func testImportWarningsAndErrorsInTheUILanguage() throws {
    let zh = try DubanBinary.run(["import", DubanBinary.seed, "--dry-run"])
    XCTAssertEqual(zh.status, 0, zh.stderr)
    XCTAssertTrue(zh.stdout.contains("\(DubanBinary.seed):260: [疑似广告] 疑似混入的广告"), zh.stdout)
    XCTAssertTrue(zh.stdout.contains("[拆分单位] “"), zh.stdout)
    XCTAssertFalse(zh.stdout.contains("[split-units]"), "kinds in Chinese too")
    XCTAssertFalse(zh.stdout.contains("looks like injected advertising"), zh.stdout)
    let en = try DubanBinary.run(["import", DubanBinary.seed, "--dry-run", "--lang", "en"])
    XCTAssertTrue(
      en.stdout.contains("\(DubanBinary.seed):260: [advertising] looks like injected advertising"), en.stdout)
    XCTAssertTrue(en.stdout.contains("has no separators; split into"), en.stdout)

    // The store keeps them in the language the import ran in.
    try importSeed()
    let stored = try XCTUnwrap(
      (DubanBinary.json(String(contentsOfFile: store, encoding: .utf8)) as? [String: Any])?["plan"] as? [String: Any])
    let messages = try XCTUnwrap(stored["warnings"] as? [[String: Any]]).compactMap { $0["message"] as? String }
    XCTAssertTrue(messages.contains { $0.hasPrefix("疑似混入的广告") }, "\(messages)")

    let empty = dir.appendingPathComponent("empty.txt").path
    try Data().write(to: URL(fileURLWithPath: empty))
    let refused = try DubanBinary.run(["import", empty, "--dry-run"])
    XCTAssertEqual(refused.status, 2)
    XCTAssertTrue(refused.stderr.contains("\(empty): 文件是空的"), refused.stderr)
    let refusedEn = try DubanBinary.run(["import", empty, "--dry-run", "--lang", "en"])
    XCTAssertTrue(refusedEn.stderr.contains("\(empty): the file is empty"), refusedEn.stderr)
  }

  func testFirstRunCreatesDefaultStoreFromEmbeddedPlan() throws {
    let env = ["XDG_DATA_HOME": dir.path]
    let r = try DubanBinary.run(["list", "--part", "3"], env: env)
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertTrue(r.stderr.contains("内置"), r.stderr)
    XCTAssertEqual(r.stdout.split(separator: "\n").count, 18)
    XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("duban/plan.json").path))
    // Without XDG_DATA_HOME: under $HOME/.local/share.
    let home = dir.appendingPathComponent("home")
    let viaHome = try DubanBinary.run(["units", "--json"], env: ["HOME": home.path])
    XCTAssertEqual(viaHome.status, 0, viaHome.stderr)
    XCTAssertTrue(
      FileManager.default.fileExists(atPath: home.appendingPathComponent(".local/share/duban/plan.json").path))
  }

  /// A store named by --store or $DUBAN_STORE that does not exist: exit 2, a message, nothing
  /// created — except by `import`, which is how a store is made.
  func testNamedStoreMustExist() throws {
    let typo = dir.appendingPathComponent("typo")
    let path = typo.appendingPathComponent("x.json").path
    let commands = [
      ["mark", "2.2", "--progress", "50"], ["list"], ["units"], ["due"], ["group", "各街道"], ["close", "1.1"],
      ["report"], ["sheet", "--unit", "区商务局"], ["file", "2.2"], ["workplan", "--unit", "区商务局"],
    ]
    for args in commands {
      let r = try DubanBinary.run(args + ["--store", path], env: ["XDG_DATA_HOME": dir.path])
      XCTAssertEqual(r.status, 2, "\(args): \(r.stderr)")
      XCTAssertTrue(r.stderr.contains("\(path)：数据文件不存在"), "\(args): \(r.stderr)")
      XCTAssertTrue(r.stderr.contains("duban import 文档 --out \(path)"), "\(args): \(r.stderr)")
      let viaEnv = try DubanBinary.run(args + ["--lang", "en"], env: ["DUBAN_STORE": path, "XDG_DATA_HOME": dir.path])
      XCTAssertEqual(viaEnv.status, 2, "\(args): \(viaEnv.stderr)")
      XCTAssertTrue(viaEnv.stderr.contains("\(path): no store there ($DUBAN_STORE)"), viaEnv.stderr)
      XCTAssertTrue(viaEnv.stderr.contains("duban import DOC --out \(path)"), viaEnv.stderr)
    }
    // Before the subcommand, and the dashboard (no subcommand) alike.
    for args in [["--store", path, "list"], ["--store", path]] {
      let r = try DubanBinary.run(args)
      XCTAssertEqual(r.status, 2, "\(args): \(r.stderr)")
      XCTAssertTrue(r.stderr.contains("数据文件不存在"), "\(args): \(r.stderr)")
    }
    XCTAssertFalse(FileManager.default.fileExists(atPath: typo.path), "no folder was created")
    XCTAssertFalse(
      FileManager.default.fileExists(atPath: dir.appendingPathComponent("duban").path), "nor a default store")
    // import is how a store is made, folder and all: into --store as into --out.
    let made = try DubanBinary.run(["--store", path, "import", DubanBinary.seed])
    XCTAssertEqual(made.status, 0, made.stderr)
    let list = try DubanBinary.run(["--store", path, "list", "--part", "1"])
    XCTAssertEqual(list.status, 0, list.stderr)
    XCTAssertEqual(list.stdout.split(separator: "\n").count, 7)
  }

  /// Global options go before or after the subcommand, as in git, task or kubectl.
  func testGlobalOptionsBeforeTheSubcommand() throws {
    try importSeed()
    let after = try DubanBinary.run(["units", "--lang", "en", "--today", "2019-07-01", "--store", store])
    XCTAssertEqual(after.status, 0, after.stderr)
    let before = try DubanBinary.run(["--lang", "en", "--today", "2019-07-01", "--store", store, "units"])
    XCTAssertEqual(before.status, 0, before.stderr)
    XCTAssertEqual(before.stdout, after.stdout)
    XCTAssertTrue(before.stdout.hasPrefix("unit"), before.stdout)
    let equals = try DubanBinary.run(["--store=\(store)", "--lang=en", "list", "--part", "1"])
    XCTAssertEqual(equals.status, 0, equals.stderr)
    XCTAssertTrue(equals.stdout.hasPrefix("id"), equals.stdout)
    let mixed = try DubanBinary.run(["--store", store, "mark", "1.1", "--progress", "20", "--lang", "en"])
    XCTAssertEqual(mixed.status, 0, mixed.stderr)
    XCTAssertTrue(mixed.stdout.contains("saved to"), mixed.stdout)
  }

  func testBadOptions() throws {
    try importSeed()
    let r = try DubanBinary.run(["list", "--today", "2019-13-01", "--store", store])
    XCTAssertEqual(r.status, 2)
    XCTAssertTrue(r.stderr.contains("--today 须是 YYYY-MM-DD 格式的日期"), r.stderr)
    XCTAssertTrue(r.stderr.contains("用法："), r.stderr)
    XCTAssertFalse(r.stderr.contains("Error:"), r.stderr)
    let before = try DubanBinary.run(["--today", "2019-13-01", "--store", store, "units"])
    XCTAssertEqual(before.status, 2)
    XCTAssertTrue(before.stderr.contains("YYYY-MM-DD"), before.stderr)
    let en = try DubanBinary.run(["list", "--today", "2019-13-01", "--store", store, "--lang", "en"])
    XCTAssertEqual(en.status, 2)
    XCTAssertTrue(en.stderr.contains("--today must be a date as YYYY-MM-DD"), en.stderr)
    // The parser's own errors: exit 2 as well, in Chinese.
    for (args, expected) in [
      (["list", "--bogus"], "未知选项 '--bogus'"), (["mark"], "缺少参数 '<id>'"),
      (["mark", "1.1", "--progress", "abc"], "--progress 须是 0–100 的整数，不能是“abc”"),
      (["mark", "1.1", "--status", "foo"], "未知状态“foo”"), (["list", "--part", "x"], "'x' 不是 '--part <n>' 的有效值"),
      (["mark", "1.1"], "请说明要记录什么"), (["report", "--format", "pdf"], "--format 只能是 md、csv 或 json"),
      (["list", "--lang", "fr"], "--lang 只能是 zh 或 en"),
    ] {
      let e = try DubanBinary.run(args + ["--store", store])
      XCTAssertEqual(e.status, 2, "\(args): \(e.stderr)")
      XCTAssertTrue(e.stderr.contains(expected), "\(args): \(e.stderr)")
    }
  }

  /// `mark` refuses a status and a progress that contradict each other or the item.
  func testMarkRefusesContradictions() throws {
    try importSeed()
    XCTAssertEqual(try DubanBinary.run(["mark", "2.2", "--progress", "40", "--store", store]).status, 0)
    let cases: [([String], String, String)] = [
      (["--status", "done", "--progress", "50"], "已完成即进度 100%", "done means 100%"),
      (["--status", "not_started", "--progress", "30"], "未开始即进度 0%", "not started means 0%"),
      (["--status", "未开始"], "事项 2.2 已有进度 40%", "item 2.2 has progress 40%"),
    ]
    for (args, zh, en) in cases {
      let before = try Data(contentsOf: URL(fileURLWithPath: store))
      let r = try DubanBinary.run(["mark", "2.2"] + args + ["--store", store])
      XCTAssertEqual(r.status, 2, "\(args): \(r.stderr)")
      XCTAssertTrue(r.stderr.contains(zh), "\(args): \(r.stderr)")
      let e = try DubanBinary.run(["mark", "2.2"] + args + ["--store", store, "--lang", "en"])
      XCTAssertEqual(e.status, 2, "\(args): \(e.stderr)")
      XCTAssertTrue(e.stderr.contains(en), "\(args): \(e.stderr)")
      XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: store)), before, "\(args) changed nothing")
    }
    // What agrees is done: reset with --progress 0, finish with 100.
    let reset = try DubanBinary.run(["mark", "2.2", "--status", "not_started", "--progress", "0", "--store", store])
    XCTAssertEqual(reset.status, 0, reset.stderr)
    let done = try DubanBinary.run(["mark", "2.2", "--status", "done", "--progress", "100", "--store", store])
    XCTAssertEqual(done.status, 0, done.stderr)
    let item = try XCTUnwrap(
      (DubanBinary.json(DubanBinary.run(["list", "--json", "--store", store]).stdout) as? [[String: Any]])?.first {
        $0["id"] as? String == "2.2"
      })
    XCTAssertEqual(item["status"] as? String, "done")
    XCTAssertEqual(item["progress"] as? Int, 100)
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
