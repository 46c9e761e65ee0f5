import Foundation
import XCTest

@testable import DubanCore

/// Generated and mutated documents and stores: every run ends with a plan or a clear error.
/// `make test` runs a bounded number; `make fuzz` sets DUBAN_FUZZ_COUNT for a long run.
final class FuzzTests: XCTestCase {
  static var count: Int { Int(ProcessInfo.processInfo.environment["DUBAN_FUZZ_COUNT"] ?? "") ?? 300 }
  static var seed: UInt64 { UInt64(ProcessInfo.processInfo.environment["DUBAN_FUZZ_SEED"] ?? "") ?? 2019 }

  static let fragments = [
    "一、重点工作(共3项)", "二、", "(一)", "（二）坚持", "——", "—城市", "1.", "2、", "3．", "12，", "(责任单位:", "（牵头单位：", "[配合单位:",
    "【协同责任单位：", "责任领导:", ")", "）", "〈", "〉", "<", ">", "区商务局", "商务局招商局", "各街道", "相关", "、", "，", ";", "；",
    "2019410日", "于128日前", "季度", "日前", "列第一位者为牵头", "附件", "365bet", "\u{1B}[31m", "\u{202E}", "\u{200B}",
    "e\u{301}", "\u{0}", "\t", "10000个", "7.8%左右", "不少于", "两条", "共", "项", String(repeating: "长", count: 300),
  ]

  func testGeneratedDocuments() throws {
    var rng = SeededGenerator(seed: Self.seed)
    var plans = 0
    var errors = 0
    for n in 0..<Self.count {
      var lines: [String] = []
      for _ in 0..<Int.random(in: 1...40, using: &rng) {
        var line = ""
        for _ in 0..<Int.random(in: 0...8, using: &rng) { line += Self.fragments.randomElement(using: &rng)! }
        lines.append(line)
      }
      let text = lines.joined(separator: ["\n", "\r\n", "\r"].randomElement(using: &rng)!)
      do {
        let plan = try DocumentImporter.parse(text, file: "gen-\(n).txt")
        XCTAssertFalse(plan.items.isEmpty)
        XCTAssertEqual(Set(plan.items.map(\.id)).count, plan.items.count, "ids unique")
        plans += 1
      } catch let e as ImportError {
        XCTAssertEqual(e.file, "gen-\(n).txt", "the error names the document")
        XCTAssertFalse(e.reason.isEmpty)
        errors += 1
      }
    }
    XCTAssertGreaterThan(plans, 0, "the generator makes some valid documents")
    print("fuzz: \(Self.count) generated documents: \(plans) plans, \(errors) clear errors")
  }

  func testMutatedSeed() throws {
    let seedText = try String(contentsOfFile: Fixtures.seedPath, encoding: .utf8)
    var rng = SeededGenerator(seed: Self.seed &+ 1)
    var plans = 0
    // Each import of the whole seed takes a while in a debug build: a third of the count.
    let count = max(1, Self.count / 3)
    for n in 0..<count {
      // Mostly edits a person or a bad converter makes, line by line; sometimes raw bytes.
      var lines = seedText.components(separatedBy: "\n")
      for _ in 0..<Int.random(in: 1...30, using: &rng) {
        let at = Int.random(in: 0..<lines.count, using: &rng)
        var chars = Array(lines[at])
        switch Int.random(in: 0..<6, using: &rng) {
        case 0: lines.remove(at: at)
        case 1: lines.insert(lines[Int.random(in: 0..<lines.count, using: &rng)], at: at)
        case 2: lines.swapAt(at, Int.random(in: 0..<lines.count, using: &rng))
        case 3:
          chars.insert(
            contentsOf: Self.fragments.randomElement(using: &rng)!, at: Int.random(in: 0...chars.count, using: &rng))
          lines[at] = String(chars)
        case 4:
          if !chars.isEmpty { chars.removeSubrange(Int.random(in: 0..<chars.count, using: &rng)...) }
          lines[at] = String(chars)
        default:
          if !chars.isEmpty { chars.remove(at: Int.random(in: 0..<chars.count, using: &rng)) }
          lines[at] = String(chars)
        }
        if lines.isEmpty { lines = [""] }
      }
      var bytes = Array(lines.joined(separator: "\n").utf8)
      if n % 10 == 0 {
        for _ in 0..<Int.random(in: 1...5, using: &rng) where !bytes.isEmpty {
          bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
        }
      }
      let url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("duban-fuzz-\(n).txt")
      try Data(bytes).write(to: url)
      defer { try? FileManager.default.removeItem(at: url) }
      do {
        let plan = try DocumentImporter.importFile(at: url.path)
        XCTAssertEqual(Set(plan.plan.items.map(\.id)).count, plan.plan.items.count)
        plans += 1
      } catch is ImportError {}
    }
    XCTAssertGreaterThan(plans, count / 2, "most damaged documents still give a plan")
    print("fuzz: \(count) mutated seeds: \(plans) plans, \(count - plans) clear errors")
  }

  /// A store with every kind of member, small enough to be read four ways thousands of
  /// times: a dozen of the seed's items with notes, history, reports, targets, a close-out.
  static func fuzzStore() throws -> StoreDocument {
    var doc = try StoreJSONTests.fullDocument()
    let keep = Set(doc.plan.items.indices.filter { $0 < 8 || !doc.plan.items[$0].targets.isEmpty }.prefix(12))
    doc.plan.items = doc.plan.items.indices.filter(keep.contains).map { doc.plan.items[$0] }
    doc.plan.parts = Array(doc.plan.parts.prefix(2))
    doc.plan.units = Array(doc.plan.units.prefix(8))
    doc.plan.warnings = Array(doc.plan.warnings.prefix(3))
    let stamp = Stamp(user: "王五", time: "2019-05-01T10:00:00+08:00")
    for id in doc.plan.items.prefix(3).map(\.id) {
      _ = try doc.plan.apply(.note("第二条\\备注 \u{1F600}"), to: id, stamp: stamp)
      _ = try doc.plan.apply(.progress(60), to: id, stamp: stamp)
    }
    return doc
  }

  /// One mutation of a pretty-printed store, and what it did.
  static func mutate(_ bytes: inout [UInt8], using rng: inout SeededGenerator) -> String {
    func lineStarts() -> [Int] { [0] + bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 } }
    func line(_ starts: [Int], _ k: Int) -> Range<Int> {
      starts[k]..<(k + 1 < starts.count ? starts[k + 1] : bytes.count)
    }
    switch Int.random(in: 0..<12, using: &rng) {
    case 0:
      let n = Int.random(in: 0..<bytes.count, using: &rng)
      bytes = Array(bytes.prefix(n))
      return "truncated to \(n) bytes"
    case 1:
      let at = Int.random(in: 0..<bytes.count, using: &rng)
      let b = UInt8.random(in: 0...255, using: &rng)
      bytes[at] = b
      return "byte \(at) set to \(b)"
    case 2, 3:  // a member or element given twice (often a duplicate member)
      let starts = lineStarts()
      let k = Int.random(in: 0..<starts.count, using: &rng)
      bytes.insert(contentsOf: Array(bytes[line(starts, k)]), at: starts[k])
      return "line \(k + 1) repeated"
    case 4:
      let starts = lineStarts()
      let k = Int.random(in: 0..<starts.count, using: &rng)
      bytes.removeSubrange(line(starts, k))
      return "line \(k + 1) removed"
    case 5:
      let starts = lineStarts()
      let (a, b) = (Int.random(in: 0..<starts.count, using: &rng), Int.random(in: 0..<starts.count, using: &rng))
      let (x, y) = (min(a, b), max(a, b))
      guard x != y, y + 1 < starts.count else { return "nothing" }
      let first = Array(bytes[line(starts, x)])
      let second = Array(bytes[line(starts, y)])
      bytes.replaceSubrange(line(starts, y), with: first)
      bytes.replaceSubrange(line(starts, x), with: second)
      return "lines \(x + 1) and \(y + 1) swapped"
    case 6:
      // Another spelling of a figure: some JSONDecoder reads, some nobody does.
      let digits = bytes.indices.filter {
        $0 + 1 < bytes.count && (0x30...0x39).contains(bytes[$0]) && !(0x30...0x39).contains(bytes[$0 + 1])
      }
      guard let at = digits.randomElement(using: &rng) else { return "nothing" }
      let spelling = [".0", "e0", "E+1", ".5", "0", "e400", ".", "-", " 1"].randomElement(using: &rng)!
      bytes.insert(contentsOf: Array(spelling.utf8), at: at + 1)
      return "\(spelling) after the figure at byte \(at)"
    case 7:
      // A letter of a member name or a string escaped.
      let quotes = bytes.indices.filter { bytes[$0] == 0x22 && $0 + 1 < bytes.count && bytes[$0 + 1] >= 0x61 }
      guard let at = quotes.randomElement(using: &rng) else { return "nothing" }
      let escape = String(format: "\\u%04x", Int(bytes[at + 1]))
      bytes.replaceSubrange((at + 1)...(at + 1), with: Array(escape.utf8))
      return "letter at byte \(at + 1) escaped"
    case 8:
      let words = ["null", "true", "0", "\"\"", "[]", "{}", "-1", "101", "\"x\"", "1.5"]
      let values = bytes.indices.filter { $0 > 1 && bytes[$0 - 2] == 0x3A && bytes[$0 - 1] == 0x20 }
      guard let at = values.randomElement(using: &rng) else { return "nothing" }
      var end = at
      while end < bytes.count, bytes[end] != 0x2C, bytes[end] != 0x0A { end += 1 }
      let word = words.randomElement(using: &rng)!
      bytes.replaceSubrange(at..<end, with: Array(word.utf8))
      return "value at byte \(at) replaced by \(word)"
    case 9:
      let inserts = [
        ",", "\"future\" : [1, {\"a\" : null}],", "\"x\" : 1, \"x\" : 2,", "\t", "\u{FEFF}", "\"progress\" : 50,",
        "\"notes\" : [],", "\\", "\"", "}", "]", "\u{1}", "😀",
      ]
      let at = Int.random(in: 0...bytes.count, using: &rng)
      let text = inserts.randomElement(using: &rng)!
      bytes.insert(contentsOf: Array(text.utf8), at: at)
      return "\(text.debugDescription) inserted at byte \(at)"
    case 10:
      // A member renamed: one letter changed.
      let keys = bytes.indices.filter { $0 + 3 < bytes.count && bytes[$0] == 0x22 && bytes[$0 + 1] >= 0x61 }
      guard let at = keys.randomElement(using: &rng) else { return "nothing" }
      bytes[at + 2] = UInt8.random(in: 0x61...0x7A, using: &rng)
      return "letter at byte \(at + 2) changed"
    default:
      // Written compactly, as another program might.
      let before = bytes.count
      bytes.removeAll { $0 == 0x0A }
      return "newlines removed (\(before - bytes.count))"
    }
  }

  /// Mutated stores read every way there is: the fast reader, JSONDecoder alone, the load
  /// (fast reader, else JSONDecoder) and the listing's summary. A store is accepted by all
  /// or refused by all with one message, and every reading of it is the same document.
  func testMutatedStores() throws {
    let good = [UInt8](try Store.encode(try Self.fuzzStore()))
    var rng = SeededGenerator(seed: Self.seed &+ 2)
    var (accepted, fast, refused) = (0, 0, 0)
    var disagreements: [String] = []
    let started = Date()
    for n in 0..<Self.count {
      var bytes = good
      var mutations: [String] = []
      for _ in 0..<Int.random(in: 1...3, using: &rng) where !bytes.isEmpty {
        mutations.append(Self.mutate(&bytes, using: &rng))
      }
      let data = Data(bytes)
      let fastDoc = data.withUnsafeBytes { raw -> StoreDocument? in
        var r = JSONReader(raw)
        return try? Store.readFast(&r, file: "store.json")
      }
      let reference = Result { try Store.decodeWithFoundation(data, file: "store.json") }
      let loaded = Result { try Store.decode(data, file: "store.json") }
      let summary = Result { try Store.decodeSummary(data, file: "store.json") }
      var problems: [String] = []
      switch (loaded, reference) {
      case (.success(let a), .success(let b)):
        if a != b { problems.append("the load and JSONDecoder read different documents") }
        accepted += 1
      case (.failure(let a), .failure(let b)):
        if "\(a)" != "\(b)" { problems.append("refused differently: “\(a)” and by JSONDecoder “\(b)”") }
        if !(a is StoreError) { problems.append("refused without a StoreError: \(a)") }
        refused += 1
      case (.success, .failure(let e)): problems.append("loaded, but JSONDecoder refuses it: \(e)")
      case (.failure(let e), .success): problems.append("JSONDecoder reads it, the load refuses it: \(e)")
      }
      if let fastDoc {
        fast += 1
        if case .success(let doc) = reference, doc == fastDoc {
        } else {
          problems.append("the fast reader reads it otherwise than JSONDecoder")
        }
      }
      switch (summary, loaded) {
      case (.success(let s), .success(let doc)):
        // (A summary JSONDecoder read has everything; a listing shows the same of it.)
        if StoreJSONTests.listed(s.plan) != StoreJSONTests.listed(doc.plan) || s.settings != doc.settings {
          problems.append("the listing's summary differs from the load")
        }
      case (.failure(let a), .failure(let b)):
        if "\(a)" != "\(b)" { problems.append("the listing refuses it otherwise: “\(a)”, the load “\(b)”") }
      case (.success, .failure): problems.append("the listing reads it, the load refuses it")
      case (.failure(let e), .success): problems.append("the load reads it, the listing refuses it: \(e)")
      }
      if !problems.isEmpty {
        let path = NSTemporaryDirectory() + "duban-fuzz-\(Self.seed)-\(n).json"
        try? data.write(to: URL(fileURLWithPath: path))
        disagreements.append(
          "seed \(Self.seed), store \(n) (\(mutations.joined(separator: "; "))), kept in \(path): "
            + problems.joined(separator: "; "))
      }
    }
    for d in disagreements.prefix(20) { XCTFail(d) }
    XCTAssertGreaterThan(accepted, Self.count / 10, "some mutations leave a store that reads")
    XCTAssertGreaterThan(refused, Self.count / 10, "some mutations break it")
    let seconds = Date().timeIntervalSince(started)
    print(
      "fuzz: \(Self.count) mutated stores (seed \(Self.seed)): \(accepted) accepted (\(fast) by the fast reader, "
        + "\(accepted - fast) by JSONDecoder alone), \(refused) refused, \(disagreements.count) disagreements, "
        + String(format: "%.0f s", seconds))
  }

  func testHostileStores() throws {
    let plan = try Fixtures.seedPlan()
    var doc = StoreDocument(plan: plan)
    doc.plan.items.append(doc.plan.items[0])
    XCTAssertThrowsError(try Store.decode(try Store.encode(doc), file: "s.json")) {
      XCTAssertTrue("\($0)".contains("duplicate item id “1.1”"), "\($0)")
    }
    let deep = Data(("{\"schema\":1,\"plan\":" + String(repeating: "[", count: 100_000)).utf8)
    XCTAssertThrowsError(try Store.decode(deep, file: "s.json")) {
      XCTAssertTrue("\($0)".contains("nested more than 512 levels"), "\($0)")
    }
    var huge = StoreDocument(plan: plan)
    huge.plan.items[0].text = String(repeating: "长", count: 1_000_000)
    XCTAssertEqual(try Store.decode(try Store.encode(huge), file: "s.json").plan.items[0].text.count, 1_000_000)
    XCTAssertThrowsError(try Store.decode(Data([0x7B, 0xFF, 0xFE, 0x7D]), file: "s.json"), "invalid UTF-8")
  }

  func testPathologicalLinesStayFast() throws {
    // A long run with no separators must not be tried as names run together, nor scanned
    // quadratically for targets.
    let unitRun = String(repeating: "区商务局", count: 50_000)
    let targets = String(repeating: "1个", count: 100_000)
    let plan = try DocumentImporter.parse("一、重点工作\n1. \(targets)。(责任单位:\(unitRun))\n", file: "p.txt")
    XCTAssertEqual(plan.items.count, 1)
    XCTAssertLessThanOrEqual(plan.items[0].targets.count, TargetExtractor.maxTargets)
  }
}
