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

  func testMutatedStores() throws {
    let good = [UInt8](try Store.encode(StoreDocument(plan: try Fixtures.seedPlan())))
    var rng = SeededGenerator(seed: Self.seed &+ 2)
    var refused = 0
    for _ in 0..<Self.count {
      var bytes = good
      switch Int.random(in: 0..<3, using: &rng) {
      case 0: bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &rng)))  // truncated
      case 1:
        for _ in 0..<Int.random(in: 1...10, using: &rng) {
          bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
        }
      default:
        let at = Int.random(in: 0..<bytes.count, using: &rng)
        bytes.insert(contentsOf: Array(#"{"x":[[[["#.utf8), at: at)
      }
      do {
        _ = try Store.decode(Data(bytes), file: "store.json")
      } catch let e as StoreError {
        XCTAssertEqual(e.file, "store.json")
        refused += 1
      }
    }
    XCTAssertGreaterThan(refused, Self.count / 2)
    print("fuzz: \(Self.count) mutated stores: \(refused) refused with a clear error")
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
