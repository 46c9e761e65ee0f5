import Foundation
import XCTest

@testable import DubanCore

/// The store's own JSON reader and writer against the reference, JSONEncoder/JSONDecoder:
/// same bytes out, same document in, and everything the fast reader refuses still read.
final class StoreJSONTests: XCTestCase {
  override func setUp() {
    super.setUp()
    Store.prepareProcess()
  }

  /// A document using every field: reports, close-outs, targets with fractions, settings,
  /// work plans, warnings, and text JSON must escape.
  static func fullDocument() throws -> StoreDocument {
    var doc = StoreDocument(plan: try Fixtures.seedPlan())
    let stamp = Stamp(user: "张三", time: "2019-04-10T09:00:00+08:00")
    let ids = doc.plan.items.map(\.id)
    _ = try doc.plan.apply(.progress(45), to: ids[0], stamp: stamp)
    _ = try doc.plan.apply(.note("引号\"反斜杠\\斜杠/换行\n制表\t\u{1}\u{1F}\u{7F}表情😀"), to: ids[0], stamp: stamp)
    _ = try doc.plan.apply(.status(.blocked), to: ids[1], stamp: stamp)
    _ = try doc.plan.apply(.report(period: "Q1", unit: nil, filed: true, day: "2019-04-09"), to: ids[2], stamp: stamp)
    _ = try doc.plan.apply(
      .periodReport(
        ReportFiling(
          period: "Q2", filed: "2019-07-08", user: "李四", unit: "区发改委", progressText: "完成七成", problems: "资金",
          nextSteps: "加快", progress: 70)), to: ids[3], stamp: stamp)
    _ = try doc.plan.apply(.status(.done), to: ids[4], stamp: stamp)
    _ = try doc.plan.apply(.close(date: "2019-12-20", remark: "已完成"), to: ids[4], stamp: stamp)
    if let t = doc.plan.items.firstIndex(where: { !$0.targets.isEmpty }) {
      doc.plan.items[t].targets[0].actual = 7.8
      doc.plan.items[t].targets[0].value = 1e20
    }
    doc.plan.items[5].deadline = "2019-06-30"
    doc.plan.parts[0].declaredCount = nil
    doc.settings = Settings(
      leadWeight: 2.5, coWeight: 0.1, groups: [GroupMembership(group: "各街道", members: ["四唯街道"], assumed: false)])
    doc.workPlans = [
      WorkPlan(
        unit: "区发改委", owner: "王五", rows: [WorkPlanRow(item: ids[0], content: "方案", deadline: "6月")], filed: "2019-01-20"
      )
    ]
    return doc
  }

  /// The full document with its items repeated (ids kept unique): a large store.
  static func fullDocument(copies: Int) throws -> StoreDocument {
    var doc = try fullDocument()
    let base = doc.plan.items
    for copy in 1..<copies {
      doc.plan.items += base.map {
        var i = $0
        i.id = "\(copy).\(i.id)"
        return i
      }
    }
    return doc
  }

  static func reference(_ doc: StoreDocument) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(doc) + [0x0A]
  }

  /// Member names of every length up to past the 16 packed bytes, read by the word-at-a-time
  /// path (input long enough) and the byte path (input ending right after them); escapes and
  /// control characters before the quote send the reader to JSONDecoder.
  func testMemberNamesOfEveryLength() {
    func firstKey(_ json: String) -> JSONKey? {
      var bytes = Array(json.utf8)
      return bytes.withUnsafeMutableBytes { raw in
        var r = JSONReader(UnsafeRawBufferPointer(raw))
        var first = true
        guard (try? r.beginObject()) != nil else { return nil }
        return try? r.nextKey(&first)
      }
    }
    func packed(_ name: String) -> JSONKey {
      var k = JSONKey()
      for (i, b) in name.utf8.enumerated() { k.add(b, at: i) }
      k.length = name.utf8.count
      return k
    }
    let letters = Array("abcdefghijklmnopqrstu")
    for n in 0...20 {
      let name = String(letters[0..<n])
      for tail in ["", String(repeating: " ", count: 20)] {
        let key = firstKey("{\"\(name)\":1}" + tail)
        XCTAssertEqual(key?.length, n, "\(n) \(tail.count)")
        if n <= 16 { XCTAssertEqual(key, packed(name), "\(n) \(tail.count)") }
      }
    }
    for bad in ["a\\u0062", "ab\\\"c", "abcdefghij\\n", "a\tb", "abcdefghijklmn\u{1}"] {
      XCTAssertNil(firstKey("{\"\(bad)\":1}" + String(repeating: " ", count: 20)), bad)
    }
    XCTAssertEqual(firstKey("{\"é中\":1}" + String(repeating: " ", count: 20)), packed("é中"))
  }

  func testMemberNameConstantsArePackedRight() {
    for (name, key) in K.all {
      XCTAssertEqual(
        key,
        name.withCString { p in
          var k = JSONKey()
          for i in 0..<name.utf8.count { k.add(UInt8(bitPattern: p[i]), at: i) }
          k.length = name.utf8.count
          return k
        }, name)
    }
    XCTAssertEqual(K.all.count, Set(K.all.map(\.0)).count)
  }

  /// The readers, writers, Codable conformances and member names are generated from
  /// Scripts/store-schema.json: the checked-in file is what `make generate` writes now.
  func testGeneratedStoreCodeIsCurrent() throws {
    let generated = Fixtures.repoRoot.appendingPathComponent("Sources/DubanCore/Store/StoreJSON+Generated.swift")
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", Fixtures.repoRoot.appendingPathComponent("Scripts/gen-store-json.py").path]
    let out = Pipe()
    p.standardOutput = out
    try p.run()
    let fresh = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    XCTAssertEqual(p.terminationStatus, 0, "Scripts/gen-store-json.py failed")
    XCTAssertTrue(
      fresh == (try Data(contentsOf: generated)),
      "StoreJSON+Generated.swift is not what Scripts/store-schema.json generates: run `make generate`")
  }

  /// A store that leaves every setting out reads as Settings(): the schema's defaults and
  /// the initializer's agree.
  func testSettingsLeftOutReadAsTheDefaults() throws {
    XCTAssertEqual(try JSONDecoder().decode(Settings.self, from: Data("{}".utf8)), Settings())
    var bytes = Array("{}".utf8)
    let fast = try bytes.withUnsafeMutableBytes { raw in
      var r = JSONReader(UnsafeRawBufferPointer(raw))
      return try Settings(json: &r)
    }
    XCTAssertEqual(fast, Settings())
  }

  /// A unit's contact (a field added by one line of the schema): kept through the fast reader,
  /// JSONDecoder and the writer alike; a unit without one is written without the member.
  func testAUnitsContactIsStored() throws {
    var doc = StoreDocument(plan: try Fixtures.seedPlan())
    XCTAssertNil(doc.plan.units[0].contact)
    doc.plan.units[0].contact = "张科长 8277 1234"
    let data = try Store.encode(doc)
    XCTAssertTrue(data == (try Self.reference(doc)))
    XCTAssertEqual(String(decoding: data, as: UTF8.self).components(separatedBy: "\"contact\"").count, 2)
    let fast = try data.withUnsafeBytes { raw in
      var reader = JSONReader(raw)
      return try StoreJSON.decode(&reader)
    }
    XCTAssertEqual(fast.plan.units[0].contact, "张科长 8277 1234")
    XCTAssertEqual(fast, doc)
    XCTAssertEqual(try Store.decodeWithFoundation(data, file: "s.json"), doc)
  }

  /// The day a plan was imported (one line of the schema): kept by every reader and writer;
  /// a store from before, without the member, still loads (nil) and is written as it was.
  func testAPlansImportDayIsStored() throws {
    let old = StoreDocument(plan: try Fixtures.seedPlan())
    XCTAssertNil(old.plan.imported)
    let oldBytes = try Store.encode(old)
    XCTAssertFalse(String(decoding: oldBytes, as: UTF8.self).contains("\"imported\""), "left out while unknown")
    XCTAssertEqual(try Store.decode(oldBytes, file: "s.json"), old)
    XCTAssertEqual(try Store.decodeWithFoundation(oldBytes, file: "s.json"), old)

    var doc = old
    doc.plan.imported = "2019-01-14"
    let data = try Store.encode(doc)
    XCTAssertTrue(data == (try Self.reference(doc)))
    XCTAssertEqual(
      String(decoding: data, as: UTF8.self).components(separatedBy: "\"imported\" : \"2019-01-14\"").count, 2)
    XCTAssertEqual(try Store.decode(data, file: "s.json").plan.imported, "2019-01-14")
    XCTAssertEqual(try Store.decode(data, file: "s.json"), doc)
    XCTAssertEqual(try Store.decodeWithFoundation(data, file: "s.json"), doc)
    let bad = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\"2019-01-14\"", with: "20190114")
    XCTAssertThrowsError(try Store.decode(Data(bad.utf8), file: "s.json"), "a number is not a day")
  }

  /// The calendar's history (changes of the plan's dates) is left out until the first one.
  func testTheCalendarsHistoryIsStored() throws {
    var doc = StoreDocument(plan: try Fixtures.seedPlan())
    XCTAssertFalse(String(decoding: try Store.encode(doc), as: UTF8.self).contains("calendar:"))
    try doc.plan.apply(
      [CalendarEdit(key: "Q2", from: "2019-07-10", to: "2019-07-12")],
      stamp: Stamp(user: "李科员", time: "2019-05-01T09:00:00+08:00"))
    let data = try Store.encode(doc)
    XCTAssertTrue(data == (try Self.reference(doc)))
    let fast = try data.withUnsafeBytes { raw in
      var reader = JSONReader(raw)
      return try StoreJSON.decode(&reader)
    }
    XCTAssertEqual(fast.plan.calendar.history?.first?.field, .calendar("Q2"))
    XCTAssertEqual(fast, doc)
    XCTAssertEqual(try Store.decodeWithFoundation(data, file: "s.json"), doc)
  }

  func testWritesExactlyWhatJSONEncoderWrites() throws {
    for doc in [StoreDocument(plan: try Fixtures.seedPlan()), try Self.fullDocument()] {
      let ours = try Store.encode(doc)
      let theirs = try Self.reference(doc)
      XCTAssertEqual(ours.count, theirs.count)
      XCTAssertTrue(ours == theirs, "first difference at byte \(zip(ours, theirs).prefix { $0 == $1 }.count)")
    }
  }

  func testReadsWhatJSONDecoderReads() throws {
    let doc = try Self.fullDocument()
    let data = try Store.encode(doc)
    var fast: StoreDocument?
    data.withUnsafeBytes { raw in
      var reader = JSONReader(raw)
      fast = try? StoreJSON.decode(&reader)
    }
    XCTAssertEqual(fast, doc, "the fast path reads its own output")
    XCTAssertEqual(try Store.decodeWithFoundation(data, file: "s.json"), doc)
  }

  func testSavesStreamAndLoadsBackThroughTheFile() throws {
    // Large enough to cross the reader's chunk boundaries several times.
    let doc = try Self.fullDocument(copies: 150)
    let path = try Fixtures.tempDir().appendingPathComponent("big.json").path
    try Store(path: path).save(doc)
    let written = try Data(contentsOf: URL(fileURLWithPath: path))
    XCTAssertGreaterThan(written.count, 10 << 20)
    XCTAssertTrue(written == (try Self.reference(doc)))
    let bytes = try FileBytes(path: path)
    var reader = JSONReader(bytes)
    XCTAssertEqual(try StoreJSON.decode(&reader), doc)
    XCTAssertEqual(try Store(path: path).load(), doc)
  }

  /// Large stores are read in shares on several threads: the same document as one reader
  /// makes of it, whatever the layout, and a bad item in a later share still refused.
  func testLargeStoresReadInSharesAsInOnePiece() throws {
    let doc = try Self.fullDocument(copies: 80)
    let pretty = try Store.encode(doc)
    XCTAssertGreaterThan(pretty.count, StoreJSON.parallelThreshold)
    // The pretty store is really cut in shares, and every share is read.
    let items = try pretty.withUnsafeBytes { raw -> [Item]? in
      var r = JSONReader(raw)
      let key = Array("\"items\" : ".utf8)
      let at = try XCTUnwrap(r.find(key, from: 0))
      r = r.reader(at: at + key.count)
      try r.enterArray()
      let start = r.skipToNonSpace()
      let cuts = try XCTUnwrap(StoreJSON.cuts(in: r, arrayStart: start, shares: 3))
      XCTAssertEqual(cuts.count, 2)
      return try StoreJSON.readShares(&r, start: start, cuts: cuts)
    }
    XCTAssertEqual(items, doc.plan.items)
    for data in [pretty, try JSONSerialization.data(withJSONObject: try JSONSerialization.jsonObject(with: pretty))] {
      XCTAssertEqual(try Store.decode(data, file: "big.json"), doc)
    }
    // A bad value far into the array, in the last share.
    var text = String(decoding: pretty, as: UTF8.self)
    let last = try XCTUnwrap(text.range(of: "\"progress\" : 45", options: .backwards))
    text.replaceSubrange(last, with: "\"progress\" : 145")
    XCTAssertThrowsError(try Store.decode(Data(text.utf8), file: "big.json")) {
      XCTAssertTrue("\($0)".contains("progress 145 is not 0–100"), "\($0)")
    }
  }

  /// While a store is being read (mapped), another program truncating it in place — `cp
  /// old.json plan.json` — waits for the read to finish instead of crashing the reader.
  func testAStoreBeingReadIsNotTruncatedUnderTheReader() throws {
    let path = try Fixtures.tempDir().appendingPathComponent("leased.json").path
    try Store(path: path).save(StoreDocument(plan: try Fixtures.seedPlan()))
    let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int
    var bytes: FileBytes? = try FileBytes(path: path)
    try XCTSkipUnless(bytes!.leased, "this file system gives no leases")
    let truncate = Process()  // what `cp x.json plan.json` does first: open with O_TRUNC
    truncate.executableURL = URL(fileURLWithPath: "/bin/sh")
    truncate.arguments = ["-c", ": > \"$1\"", "sh", path]
    try truncate.run()
    Thread.sleep(forTimeInterval: 0.3)
    XCTAssertTrue(truncate.isRunning, "the truncation waits for the lease")
    XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int, size)
    var reader = JSONReader(bytes!)
    XCTAssertNoThrow(try StoreJSON.decode(&reader), "every page still readable")
    reader = JSONReader(UnsafeRawBufferPointer(start: nil, count: 0))
    bytes = nil  // the lease is given back
    truncate.waitUntilExit()
    XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int, 0)
  }

  /// Valid JSON written other ways than ours: escapes, other key orders, no white space,
  /// unknown members, numbers as JSONDecoder accepts them. Whatever path reads it, the
  /// result is JSONDecoder's.
  func testOtherSpellingsOfTheSameStore() throws {
    let doc = try Self.fullDocument()
    let json = try JSONSerialization.jsonObject(with: try Store.encode(doc)) as! [String: Any]
    var variants: [Data] = [try JSONSerialization.data(withJSONObject: json)]  // compact, unsorted
    var extra = json
    extra["future"] = ["a": [1, 2.5, true, NSNull(), "x"]]
    variants.append(try JSONSerialization.data(withJSONObject: extra, options: [.sortedKeys]))
    var text = String(decoding: try Store.encode(doc), as: UTF8.self)
    text = text.replacingOccurrences(of: "区发改委", with: "\\u533a\\u53d1\\u6539\\u59d4")
    text = text.replacingOccurrences(of: "😀", with: "\\ud83d\\ude00")
    text = text.replacingOccurrences(of: "\"progress\" : 45", with: "\"progress\" : 45.0")
    variants.append(Data(text.utf8))
    for data in variants {
      XCTAssertEqual(try Store.decode(data, file: "s.json"), try Store.decodeWithFoundation(data, file: "s.json"))
    }
  }
}
