import Foundation
import XCTest

/// Issue 12, point 4: a store full of hostile text — escape sequences (OSC 52 clipboard
/// writes, OSC 0 titles), C1 controls, DEL, bidi overrides, zero-width and invisible
/// characters — in item texts, unit and group names, notes, report texts, a work plan's
/// owner and rows, the plan's title, periods and warnings; every command in every format,
/// to stdout and to `--out` files, and not one such character comes out. JSON carries the
/// same text, escaped, and parses back to it.
final class HostileOutputTests: XCTestCase {
  var dir: URL!
  var store: String { dir.appendingPathComponent("plan.json").path }

  override func setUpWithError() throws { dir = try DubanBinary.tempDir() }
  override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

  /// Legitimate text that must come out whole: Chinese, full-width punctuation, emoji
  /// (a skin tone, a zero-width-joiner sequence, a subdivision flag made of tag characters).
  static let legit = "全角（，：）👍🏻👩‍💻🏴󠁧󠁢󠁳󠁣󠁴󠁿"
  static let emoji = ["👩‍💻", "🏴󠁧󠁢󠁳󠁣󠁴󠁿"]

  /// Everything a terminal or a reader could be fooled by.
  static let attack =
    "\u{1B}]52;c;ZXZpbA==\u{07}" + "\u{1B}]0;pwned\u{1B}\\" + "\u{1B}[2J\u{1B}[31m" + "\u{9B}31m" + "\u{9D}0;t\u{9C}"
    + "\u{7F}\u{08}\u{0D}\u{85}" + "\u{202E}反转\u{202C}\u{2066}\u{2069}\u{200E}\u{200F}\u{061C}"
    + "\u{200B}\u{200C}\u{200D}\u{2060}\u{FEFF}\u{00AD}\u{180E}\u{3164}\u{E0041}\u{E0001}" + "\u{2028}\u{2029}"

  /// A hostile string with a distinct tag, so each field can be found again in the JSON.
  static func hostile(_ tag: String) -> String { "\(tag)\(attack)\(legit)尾" }

  /// The same for a document, whose lines CR, NEL and the separators would end.
  static func hostileLine(_ tag: String) -> String {
    var s = hostile(tag)
    s.unicodeScalars.removeAll { ["\r", "\u{85}", "\u{2028}", "\u{2029}"].contains($0) }
    return s
  }

  /// The scalars no output may carry, decided here independently of duban's own table.
  static func forbidden(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x00...0x1F: return s != "\n"
    case 0x7F...0x9F, 0x00AD, 0x061C, 0x180E, 0x3164: return true
    case 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x206F, 0xFEFF, 0xE0000...0xE007F: return true
    default: return false
    }
  }

  /// Fails on any forbidden scalar: a CSV's leading BOM and its CRLF row ends, and the
  /// legitimate emoji, aside.
  func assertClean(
    _ output: String, _ what: String, csv: Bool = false, file: StaticString = #filePath, line: UInt = #line
  ) {
    var text = output
    if csv {
      if text.hasPrefix("\u{FEFF}") { text.unicodeScalars.removeFirst() }
      text = text.replacing("\r\n", with: "\n")
    }
    for e in Self.emoji { text = text.replacing(e, with: "") }
    let bad = text.unicodeScalars.filter(Self.forbidden)
    if let first = bad.first {
      let at = text.unicodeScalars.firstIndex(of: first)!
      let context = String(text.unicodeScalars[at...].prefix(20)).debugDescription
      XCTFail(
        "\(what): \(bad.count) unsafe scalars, the first U+\(String(first.value, radix: 16, uppercase: true)) at \(context)",
        file: file, line: line)
    }
  }

  /// Runs a command and checks both its streams.
  @discardableResult
  func run(
    _ args: [String], today: String = "2019-07-20", status: Int32 = 0, csv: Bool = false,
    file: StaticString = #filePath, line: UInt = #line
  ) throws -> DubanBinary.Result {
    let r = try DubanBinary.run(args + ["--store", store, "--today", today])
    XCTAssertEqual(r.status, status, "\(args): \(r.stderr)", file: file, line: line)
    assertClean(r.stdout, "stdout of \(args)", csv: csv, file: file, line: line)
    assertClean(r.stderr, "stderr of \(args)", file: file, line: line)
    if !csv {  // CSV fields may hold newlines, quoted
      for (name, text) in [("stdout", r.stdout), ("stderr", r.stderr)] {
        let forged = text.split(separator: "\n").filter { $0.hasPrefix("伪行") }
        XCTAssertTrue(forged.isEmpty, "\(name) of \(args): a name's newline starts a line", file: file, line: line)
      }
    }
    return r
  }

  /// JSON text as JSONSerialization reads it.
  func parse(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

  /// Every string anywhere in parsed JSON.
  func strings(_ value: Any) -> [String] {
    switch value {
    case let s as String: return [s]
    case let a as [Any]: return a.flatMap(strings)
    case let d as [String: Any]: return d.keys.map { $0 } + d.values.flatMap(strings)
    default: return []
    }
  }

  /// A JSON value as one JSON string literal, for replacing text inside the store's file.
  func literal(_ s: String) throws -> String {
    let data = try JSONSerialization.data(withJSONObject: [s])
    return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
  }

  /// The seed imported, worked on through the command line, then hostile text put into
  /// every kind of field by editing the store's JSON.
  func makeHostileStore() throws -> (unit: String, street: String, group: String) {
    let imported = try DubanBinary.run(["import", DubanBinary.seed, "--out", store])
    XCTAssertEqual(imported.status, 0, imported.stderr)
    let commerce = try XCTUnwrap(
      parse(run(["list", "--json", "--unit", "招商局"]).stdout) as? [[String: Any]]
    ).compactMap { $0["id"] as? String }
    XCTAssertFalse(commerce.isEmpty)

    // Through the command line: a note, a work plan, a period report, a close-out.
    try run(["mark", "1.1", "--progress", "40", "--note", Self.hostile("NOTE") + "\n第二行"])
    try run(
      ["workplan", "--unit", "招商局", "--owner", Self.hostile("OWNER")]
        + commerce.map { "--row" + "=\($0)|\(Self.hostile("CONTENT"))|2019年6月底|\(Self.hostile("LEADER"))|招商科" })
    try run(
      [
        "file", commerce[0], "--period", "Q1", "--done", Self.hostile("DONE"), "--problems", Self.hostile("PROBLEMS"),
        "--next", Self.hostile("NEXT"), "--progress", "30",
      ])
    try run(["mark", "1.6", "--status", "done"])
    try run(["close", "1.6", "--remark", Self.hostile("REMARK")])
    try run(["group", "相关街道", "--set", "后湖街道、四唯街道"])

    // Unit and group names everywhere they are written (items, units, work plans, reports,
    // settings), then titles, texts, periods and warnings.
    // Names are one line: a newline in one must not start a line of output of its own.
    let unit = "区商务局" + Self.hostile("UNIT") + "\n伪行"
    let street = "后湖街道" + Self.hostile("STREET") + "\n伪行"
    let group = "相关街道" + Self.hostile("GROUP")
    var text = try String(contentsOfFile: store, encoding: .utf8)
    for (plain, bad) in [("区商务局", unit), ("后湖街道", street), ("相关街道", group)] {
      let escaped = try literal(bad)
      text = text.replacing("\"\(plain)", with: "\"" + escaped.dropFirst().dropLast())
    }
    var root = try XCTUnwrap(parse(text) as? [String: Any])
    var plan = try XCTUnwrap(root["plan"] as? [String: Any])
    plan["title"] = Self.hostile("TITLE") + (plan["title"] as? String ?? "")
    var items = try XCTUnwrap(plan["items"] as? [[String: Any]])
    for i in items.indices where i % 3 == 0 {
      items[i]["text"] = Self.hostile("ITEM\(i)") + (items[i]["text"] as? String ?? "")
    }
    plan["items"] = items
    var parts = try XCTUnwrap(plan["parts"] as? [[String: Any]])
    for p in parts.indices {
      parts[p]["title"] = Self.hostile("PART") + (parts[p]["title"] as? String ?? "")
      var sections = parts[p]["sections"] as? [[String: Any]] ?? []
      for s in sections.indices where !(sections[s]["title"] as? String ?? "").isEmpty {
        sections[s]["title"] = Self.hostile("SECTION") + (sections[s]["title"] as? String ?? "")
      }
      parts[p]["sections"] = sections
    }
    plan["parts"] = parts
    var calendar = try XCTUnwrap(plan["calendar"] as? [String: Any])
    var periods = try XCTUnwrap(calendar["periods"] as? [[String: Any]])
    for p in periods.indices { periods[p]["name"] = Self.hostile("PERIOD") + (periods[p]["name"] as? String ?? "") }
    calendar["periods"] = periods
    plan["calendar"] = calendar
    var warnings = try XCTUnwrap(plan["warnings"] as? [[String: Any]])
    for w in warnings.indices { warnings[w]["message"] = Self.hostile("WARNING") }
    plan["warnings"] = warnings
    root["plan"] = plan
    try JSONSerialization.data(withJSONObject: root, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
      .write(to: URL(fileURLWithPath: store))
    return (unit, street, group)
  }

  func testNoControlCharacterInAnyCommandOrFormat() throws {
    let (unit, street, group) = try makeHostileStore()
    var json: [String: String] = [:]  // command → its JSON

    // Tables and messages.
    let table = try run(["list"])
    XCTAssertTrue(table.stdout.contains(Self.legit), "Chinese, full-width punctuation and emoji kept whole")
    XCTAssertTrue(table.stdout.contains("\u{FFFD}]52;c;ZXZpbA=="), "the clipboard write shown as text, not run")
    try run(["list", "--unit", "招商局"])
    try run(["list", "--lang", "en"])
    try run(["units"])
    try run(["due"])
    try run(["due"], today: "2019-12-31")
    // The chase list, its notices (named after units) and the unit filters.
    try run(["chase"])
    try run(["chase", "--unit", "招商局", "--format", "md"])
    try run(["chase", "--format", "csv"], csv: true)
    try run(["due", "--unit", "招商局"])
    try run(["list", "--unit", "招商局", "--light", "red", "--report", "overdue"])
    try run(["--unit", Self.hostile("NOSUCH")], status: 2)
    let notices = dir.appendingPathComponent("notices").path
    try run(["chase", "--notices", notices])
    for name in try FileManager.default.contentsOfDirectory(atPath: notices) {
      assertClean(name, "a notice's file name")
      let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: notices + "/" + name)), as: UTF8.self)
      assertClean(text, "notice \(name)")
    }
    try run(["group", "各街道"])
    try run(["group", group])
    try run(["keys"])
    try run(["keys", "--markdown"])
    let marked = try run(["mark", "1.1", "--note", Self.hostile("MARK")])
    XCTAssertTrue(marked.stdout.contains("MARK"), marked.stdout)
    let planned = try run(["workplan", "--unit", "招商局", "--owner", Self.hostile("OWNER2")])
    XCTAssertTrue(planned.stdout.contains("UNIT"), "the unit's name, cleaned: \(planned.stdout)")
    let commerce = try XCTUnwrap(parse(run(["list", "--json", "--unit", "招商局"]).stdout) as? [[String: Any]])
    let first = try XCTUnwrap(commerce.first?["id"] as? String)
    try run(["file", first, "--period", "Q2", "--done", Self.hostile("DONE2"), "--unit", "招商局"])
    try run(["close", "1.6", "--reopen", "--remark", Self.hostile("REOPEN")])
    // Refusals name what the user typed, cleaned too.
    try run(["list", "--unit", Self.hostile("NOSUCH")], status: 2)
    try run(["mark", "1.1", "--status", Self.hostile("STATUS")], status: 2)
    try run(["sheet", "--unit", Self.hostile("NOSUCH")], status: 2)

    // JSON to stdout.
    json["list"] = try run(["list", "--json"]).stdout
    json["units"] = try run(["units", "--json"]).stdout
    json["due"] = try run(["due", "--json"], today: "2019-12-31").stdout

    // Exports in every format, to stdout and to files.
    for format in ["md", "csv", "json"] {
      for (name, args) in [
        ("sheet", ["sheet", "--unit", "招商局", "--format", format]),
        ("report", ["report", "--period", "Q1", "--format", format]),
        ("report-en", ["report", "--format", format, "--lang", "en"]),
      ] {
        let r = try run(args, csv: format == "csv")
        if format == "json" { json[name] = r.stdout }
        let path = dir.appendingPathComponent("\(name).\(format)").path
        try run(args + ["--out", path])
        // As bytes: String(contentsOfFile:) would drop the CSV's BOM.
        let written = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        assertClean(written, "--out \(name).\(format)", csv: format == "csv")
        XCTAssertTrue(written == r.stdout, "\(name).\(format): the file is what stdout shows")
      }
    }
    let sheet = try run(["sheet", "--unit", "招商局"]).stdout
    let header = try XCTUnwrap(sheet.split(separator: "\n").first { $0.hasPrefix("总责任人：") })
    XCTAssertTrue(header.contains("OWNER2") && header.contains(Self.legit), String(header))

    // Import of a hostile document (mostly ordinary lines: a file of nothing but controls
    // is refused as binary): summary, warnings, JSON.
    let doc = dir.appendingPathComponent("hostile.txt").path
    let ordinary = (4...40).map { "\($0). 推进第\($0)项工作，确保按期完成。(责任单位:区财政局)" }
    try
      ([
        Self.hostileLine("DOCTITLE"),
        "一、重点工作\(Self.hostileLine("DOCPART"))(共40项)",
        "1. \(Self.hostileLine("DOCITEM"))。(责任单位:区\(Self.hostileLine("DOCUNIT"))发改委)",
        "2. 推进工作。(牵头单位：商务局招商局财政局\u{202E}金融工作局",
        "3. 365bet\(Self.hostileLine("AD"))。(责任单位:区财政局)",
      ] + ordinary).joined(separator: "\n").write(toFile: doc, atomically: true, encoding: .utf8)
    for args in [["import", doc, "--dry-run"], ["import", doc, "--dry-run", "--lang", "en"]] {
      let r = try DubanBinary.run(args)
      XCTAssertEqual(r.status, 0, r.stderr)
      assertClean(r.stdout + r.stderr, "\(args)")
      XCTAssertTrue(r.stdout.contains("DOCITEM") || r.stdout.contains("DOCPART"), r.stdout)
    }
    let imported = try DubanBinary.run(["import", doc, "--dry-run", "--json"])
    XCTAssertEqual(imported.status, 0, imported.stderr)
    assertClean(imported.stdout + imported.stderr, "import --json")
    json["import"] = imported.stdout
    let newStore = dir.appendingPathComponent("imported.json").path
    let written = try DubanBinary.run(["import", doc, "--out", newStore])
    assertClean(written.stdout + written.stderr, "import --out")

    // JSON: nothing raw, and the same data once parsed — every hostile string intact.
    var found: Set<String> = []
    for (name, text) in json {
      XCTAssertTrue(text.contains("\\u009b") || text.contains("\\u001b"), "\(name): escaped, not dropped")
      let values = try strings(parse(text))
      for v in values {
        for tag in [
          "NOTE", "OWNER2", "CONTENT", "LEADER", "DONE", "UNIT", "STREET", "GROUP", "TITLE", "ITEM0", "PERIOD",
          "DOCITEM", "MARK",
        ] where v.contains(tag + "\u{1B}]52;") {
          found.insert(tag)
          let expected = tag.hasPrefix("DOC") ? Self.hostileLine(tag) : Self.hostile(tag)
          XCTAssertTrue(v.contains(expected), "\(name): \(tag) comes back exactly as stored")
        }
      }
    }
    XCTAssertEqual(
      found,
      [
        "NOTE", "OWNER2", "CONTENT", "LEADER", "DONE", "UNIT", "STREET", "GROUP", "TITLE", "ITEM0", "PERIOD", "DOCITEM",
        "MARK",
      ],
      "every hostile field reached some JSON output")
    let units = try XCTUnwrap(parse(json["units"]!) as? [[String: Any]])
    XCTAssertTrue(units.contains { $0["name"] as? String == unit })
    XCTAssertTrue(units.contains { $0["name"] as? String == street })
    XCTAssertTrue(units.contains { $0["name"] as? String == group })
    let owner = try XCTUnwrap(parse(json["sheet"]!) as? [String: Any])["owner"] as? String
    XCTAssertEqual(owner, Self.hostile("OWNER2"))
  }
}
