import Foundation
import XCTest

@testable import DubanCore

/// What the store's readers refuse, and where they say it is.
extension StoreJSONTests {
  func testRefusalsKeepJSONDecodersMessages() throws {
    let good = String(decoding: try Store.encode(StoreDocument(plan: try Fixtures.seedPlan())), as: UTF8.self)
    let bad = good.replacingOccurrences(of: "\"progress\" : 0,", with: "\"progress\" : 140,")
    XCTAssertThrowsError(try Store.decode(Data(bad.utf8), file: "s.json")) {
      XCTAssertTrue("\($0)".contains("progress 140 is not 0–100"), "\($0)")
    }
  }

  /// The plan a listing shows: the full plan without notes, history, reports and targets.
  static func listed(_ plan: Plan) -> Plan {
    var p = plan
    for i in p.items.indices {
      p.items[i].notes = []
      p.items[i].history = []
      p.items[i].reports = []
      p.items[i].targets = []
    }
    return p
  }

  /// Every way a store is read — the fast reader from a file or from memory, JSONDecoder
  /// alone, the listing's summary — refuses it with the same message.
  func assertEveryReaderRefuses(_ text: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line)
    throws
  {
    let data = Data(text.utf8)
    let path = try Fixtures.tempDir().appendingPathComponent("s.json").path
    try data.write(to: URL(fileURLWithPath: path))
    let readers: [(String, () throws -> Any)] = [
      ("load", { try Store(path: path).load() }),
      ("loadSummary", { try Store(path: path).loadSummary() }),
      ("decode", { try Store.decode(data, file: path) }),
      ("decodeSummary", { try Store.decodeSummary(data, file: path) }),
      ("JSONDecoder", { try Store.decodeWithFoundation(data, file: path) }),
    ]
    for (name, read) in readers {
      XCTAssertThrowsError(try read(), name, file: file, line: line) {
        XCTAssertEqual("\($0)", "\(path): \(expected)", name, file: file, line: line)
      }
    }
    let fast = data.withUnsafeBytes { raw in
      var r = JSONReader(raw)
      return try? StoreJSON.decode(&r)
    }
    XCTAssertNil(fast, "the fast reader does not pick one of the two", file: file, line: line)
  }

  /// Two members of one name: refused with the place of the second by every reader, however
  /// the rest of the file is written (a `45.0` elsewhere used to decide which one was kept).
  func testDuplicateMembersAreRefusedWhereTheyAre() throws {
    let good = String(decoding: try Store.encode(try Self.fullDocument()), as: UTF8.self)
    var lines = good.components(separatedBy: "\n")
    let at = try XCTUnwrap(lines.firstIndex { $0.hasSuffix("\"progress\" : 45,") })
    let indent = lines[at].prefix { $0 == " " }.count
    let left = " left untouched"
    func refused(_ l: Int, _ c: Int, _ name: String) -> String {
      "line \(l), column \(c): duplicate member “\(name)”; the file was\(left)"
    }
    // The same member twice; the second one with another value, or spelled with an escape.
    for second in ["\"progress\" : 45,", "\"progress\" : 90,", "\"\\u0070rogress\" : 90,"] {
      var copy = lines
      copy.insert(String(repeating: " ", count: indent) + second, at: at + 1)
      let text = copy.joined(separator: "\n")
      try assertEveryReaderRefuses(text, refused(at + 2, indent + 1, "progress"))
      // With a figure the fast reader leaves to JSONDecoder elsewhere in the file.
      let other = try XCTUnwrap(text.range(of: "\"ordinal\" : 1,"))
      try assertEveryReaderRefuses(
        text.replacingCharacters(in: other, with: "\"ordinal\" : 1.0,"), refused(at + 2, indent + 1, "progress"))
    }
    // Out of order, in a note (which a listing does not show), and an unknown member.
    var copy = lines
    copy.insert(String(repeating: " ", count: indent) + "\"id\" : \"9.9\",", at: at + 1)
    try assertEveryReaderRefuses(copy.joined(separator: "\n"), refused(at + 2, indent + 1, "id"))
    let note = try XCTUnwrap(lines.firstIndex { $0.contains("\"time\" : ") })
    let noteIndent = lines[note].prefix { $0 == " " }.count
    copy = lines
    copy.insert(String(repeating: " ", count: noteIndent) + "\"time\" : \"x\",", at: note)
    try assertEveryReaderRefuses(copy.joined(separator: "\n"), refused(note + 2, noteIndent + 1, "time"))
    // Out of order, then in order after a smaller name (the fuzz test found this one).
    copy = lines
    copy.insert(String(repeating: " ", count: indent) + "\"progress\" : 50, \"problems\" : \"\",", at: at)
    try assertEveryReaderRefuses(copy.joined(separator: "\n"), refused(at + 2, indent + 1, "progress"))
    let long = "a member name longer than sixteen bytes"
    copy = lines
    copy.insert("  \"\(long)\" : 1,\n  \"\(long)\" : [2],", at: 1)
    try assertEveryReaderRefuses(copy.joined(separator: "\n"), refused(3, 3, long))
    copy = lines
    copy.insert("  \"\(long)\(long)\" : 1,\n  \"\(long)\(long)\" : 2,", at: 1)
    try assertEveryReaderRefuses(copy.joined(separator: "\n"), refused(3, 3, long + "…"))
    lines[at] += " \"future\" : {\"x\" : 1, \"x\" : 1},"
    let x = lines[at].utf8.count - "\"x\" : 1},".utf8.count + 1
    try assertEveryReaderRefuses(lines.joined(separator: "\n"), refused(at + 1, x, "x"))
  }

  /// What a listing does not show is still checked: a store `duban list` reads is one the
  /// dashboard reads, and the other way round.
  func testTheListingRefusesWhatTheDashboardRefuses() throws {
    let doc = try Self.fullDocument()
    let good = String(decoding: try Store.encode(doc), as: UTF8.self)
    let summary = try Store.decodeSummary(Data(good.utf8), file: "s.json")
    XCTAssertEqual(summary.plan, Self.listed(doc.plan))
    XCTAssertEqual(summary.settings, doc.settings)
    func first(_ text: String) throws -> Range<String.Index> { try XCTUnwrap(good.range(of: text)) }
    let history = try first("\"field\" : ")
    let entries = try XCTUnwrap(good.range(of: "},", range: try first("\"history\" : [").upperBound..<good.endIndex))
    let damaged = [
      good.replacingCharacters(in: history, with: "\"field\" : 7, \"x\" : "),  // wrong type
      good.replacingCharacters(in: history, with: "\"fields\" : "),  // a missing member
      good.replacingCharacters(in: history, with: "\"field\"  "),  // no colon
      good.replacingCharacters(in: entries, with: "}"),  // no comma between two entries
      good.replacingCharacters(in: try first("\"text\" : \"引号"), with: "\"text\" : \"\\q"),  // a bad escape
      good.replacingCharacters(in: try first("\"comparator\" : "), with: "\"comparator\" : 1, \"y\" : "),
      good.replacingCharacters(in: try first("\"filed\" : \"2019-07-08\""), with: "\"filed\" : null"),
    ]
    for text in damaged {
      var full = ""
      XCTAssertThrowsError(try Store.decode(Data(text.utf8), file: "s.json")) { full = "\($0)" }
      XCTAssertThrowsError(try Store.decodeSummary(Data(text.utf8), file: "s.json")) { XCTAssertEqual("\($0)", full) }
    }
    // Invalid UTF-8 in a note.
    var bytes = Array(good.utf8)
    let at = try XCTUnwrap(good.utf8.firstRange(of: "引号".utf8)).lowerBound
    bytes[good.utf8.distance(from: good.utf8.startIndex, to: at) + 1] = 0x41
    XCTAssertThrowsError(try Store.decode(Data(bytes), file: "s.json"))
    XCTAssertThrowsError(try Store.decodeSummary(Data(bytes), file: "s.json"))
  }

  func testUTF8CheckAgreesWithTheStandardLibrary() {
    var rng = SeededGenerator(seed: 7)
    let pieces: [[UInt8]] = [
      [0x41], [0xC3, 0xA9], [0xE4, 0xB8, 0xAD], [0xF0, 0x9F, 0x98, 0x80], [0xC0, 0x80], [0xE0, 0x80, 0x80],
      [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5], [0x80], [0xE4, 0xB8], [0xFF], Array("abcdefghij".utf8),
    ]
    for _ in 0..<5000 {
      var bytes: [UInt8] = []
      for _ in 0..<Int.random(in: 0...6, using: &rng) { bytes += pieces.randomElement(using: &rng)! }
      bytes.withUnsafeBufferPointer { raw in
        XCTAssertEqual(JSONReader.isUTF8(raw), String(validating: bytes, as: UTF8.self) != nil, "\(bytes)")
      }
    }
  }
}
