import Foundation
import XCTest

@testable import DubanCore

final class StoreTests: XCTestCase {
  var dir: URL!
  var doc: StoreDocument!

  override func setUpWithError() throws {
    Store.prepareProcess()
    dir = try Fixtures.tempDir()
    doc = StoreDocument(plan: try Fixtures.seedPlan())
  }

  override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

  func path(_ name: String = "plan.json") -> String { dir.appendingPathComponent(name).path }
  let stamp = Stamp(user: "tester", time: "2019-05-01T09:00:00+08:00")

  func testRoundTripIsPlainSortedUTF8() throws {
    let store = Store(path: path())
    try store.save(doc)
    let loaded = try store.load()
    XCTAssertEqual(loaded, doc)
    let text = try String(contentsOfFile: store.path, encoding: .utf8)
    XCTAssertTrue(text.contains("\"schema\" : 1"))
    XCTAssertTrue(text.contains("区商务局"), "Chinese is written as is")
    XCTAssertFalse(text.contains("\\u"), "no \\u escapes")
    XCTAssertTrue(text.contains("\"group\" : null"), "absent fields are null, not missing")
    // Stable: saving the same document gives the same bytes.
    let first = try Data(contentsOf: URL(fileURLWithPath: store.path))
    try store.save(loaded)
    XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: store.path)), first)
  }

  func testAtomicReplaceKeepsBackupAndMode() throws {
    let store = Store(path: path())
    try store.save(doc)
    chmod(store.path, 0o600)
    let before = try Data(contentsOf: URL(fileURLWithPath: store.path))
    try store.update { try $0.plan.apply(.status(.done), to: "2.1", stamp: stamp) }
    XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: store.path + ".bak")), before, "previous version kept")
    var st = stat()
    stat(store.path, &st)
    XCTAssertEqual(st.st_mode & 0o777, 0o600, "mode kept")
    XCTAssertEqual(try store.load().plan.item(id: "2.1")?.status, .done)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".tmp-") }
    XCTAssertEqual(leftovers, [], "no temporary files left behind")
  }

  func testSymlinkStaysSymlink() throws {
    let real = path("real.json")
    try Store(path: real).save(doc)
    try FileManager.default.createSymbolicLink(atPath: path("link.json"), withDestinationPath: real)
    try Store(path: path("link.json")).update { try $0.plan.apply(.progress(40), to: "1.1", stamp: stamp) }
    XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: path("link.json")), real)
    XCTAssertEqual(try Store(path: real).load().plan.item(id: "1.1")?.progress, 40)
  }

  func testUnreadableStoresAreRefusedAndUntouched() throws {
    let cases: [(String, String, String)] = [
      ("malformed", "{\n  \"schema\" : 1,\n  \"plan\" : {,\n}", "line 3, column 13"),
      ("empty", "", "empty"),
      ("wrong-types", #"{"schema": 1, "plan": {"title": 5}}"#, "plan.title"),
      ("newer", #"{"schema": 99, "plan": {}}"#, "newer duban"),
      ("not-json", "这不是 JSON", "line 1, column 1"),
      ("missing-schema", #"{"plan": {}}"#, "schema"),
    ]
    for (name, content, expected) in cases {
      let p = path("\(name).json")
      try Data(content.utf8).write(to: URL(fileURLWithPath: p))
      let store = Store(path: p)
      XCTAssertThrowsError(try store.update { try $0.plan.apply(.progress(10), to: "1.1", stamp: stamp) }, name) {
        let message = String(describing: $0)
        XCTAssertTrue(message.hasPrefix(p), "\(name): names the file: \(message)")
        XCTAssertTrue(message.contains(expected), "\(name): \(message)")
      }
      XCTAssertEqual(try String(contentsOfFile: p, encoding: .utf8), content, "\(name) untouched")
      XCTAssertFalse(FileManager.default.fileExists(atPath: p + ".bak"), "\(name): no backup written")
    }
  }

  /// Bytes that are not UTF-8 and numbers no type can hold are refused where they are, in
  /// both languages (JSONDecoder alone refuses them for the whole file).
  func testBadTextAndHugeNumbersNameLineAndColumn() throws {
    let store = Store(path: path())
    try store.save(doc)
    let original = try Data(contentsOf: URL(fileURLWithPath: store.path))
    func position(of offset: Int, in data: Data) -> (Int, Int) {
      let before = data.prefix(offset)
      let line = before.filter { $0 == 0x0A }.count + 1
      let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
      return (line, data[lineStart..<offset].filter { $0 & 0xC0 != 0x80 }.count + 1)
    }
    let text = String(decoding: original, as: UTF8.self)
    let title = try XCTUnwrap(original.firstRange(of: Data("\"title\" : \"".utf8))).upperBound
    let chinese = try XCTUnwrap(original.firstIndex { $0 >= 0xE0 })
    let progress = try XCTUnwrap(original.firstRange(of: Data("\"progress\" : 0".utf8))).upperBound - 1
    XCTAssertTrue(text.contains("\"progress\" : 0"))
    let cases: [(String, Data, Int, String, String)] = [
      (
        "a byte that is never UTF-8", original[..<title] + [0xFF] + original[title...], title,
        "not valid UTF-8 text", "不是有效的 UTF-8 文本"
      ),
      (
        "a character cut short", original[..<(chinese + 2)] + original[(chinese + 3)...], chinese,
        "not valid UTF-8 text", "不是有效的 UTF-8 文本"
      ),
      (
        "1e309", original[..<progress] + Data("1e309".utf8) + original[(progress + 1)...], progress,
        "the number 1e309 is out of range", "数字 1e309 超出范围"
      ),
      (
        "-1e400", original[..<progress] + Data("-1e400".utf8) + original[(progress + 1)...], progress,
        "the number -1e400 is out of range", "数字 -1e400 超出范围"
      ),
    ]
    for (name, data, offset, en, zh) in cases {
      try data.write(to: URL(fileURLWithPath: store.path))
      let (line, column) = position(of: offset, in: data)
      for read in [
        { _ = try store.load() }, { _ = try store.loadSummary() }, { _ = try Store.decode(data, file: store.path) },
      ] {
        XCTAssertThrowsError(try read(), name) {
          let error = $0 as? StoreError
          XCTAssertEqual(
            error?.message(.en), "\(store.path): line \(line), column \(column): \(en); the file was left untouched",
            name)
          XCTAssertEqual(error?.message(.zh), "\(store.path)：第 \(line) 行第 \(column) 列：\(zh)；文件未作改动", name)
        }
      }
    }
    // A number as small as a number can be is still a number (0), as JSONDecoder reads it.
    var scanner = JSONSyntaxScanner(bytes: Array("[1e-400, 1.5e308, \"\\u00e9\\n\"]".utf8))
    XCTAssertNil(scanner.firstError())
    scanner = JSONSyntaxScanner(bytes: Array("[\"\\x\"]".utf8))
    XCTAssertEqual(scanner.firstError(), 2, "an escape JSON does not have, at its backslash")
  }

  /// Where no read lease can be had (here: someone holds the store open for writing, as
  /// `cp` does while it copies), the store is read into private memory: the same document,
  /// and a file changed since the read is noticed.
  func testReadsWithoutALeaseAreReadIntoPrivateMemory() throws {
    let store = Store(path: path())
    try store.save(doc)
    let writer = open(store.path, O_WRONLY | O_APPEND | O_CLOEXEC)
    XCTAssertGreaterThanOrEqual(writer, 0)
    defer { close(writer) }
    let bytes = try FileBytes(path: store.path)
    XCTAssertFalse(bytes.leased, "no read lease on a file open for writing")
    XCTAssertFalse(bytes.changedSinceRead())
    XCTAssertEqual(try store.load(), doc)
    XCTAssertEqual(try store.loadSummary().plan.items.map(\.id), doc.plan.items.map(\.id))
    XCTAssertEqual(write(writer, " ", 1), 1)
    XCTAssertTrue(bytes.changedSinceRead(), "a file written since the read")
  }

  func testTypeErrorNamesTheItem() throws {
    let store = Store(path: path())
    try store.save(doc)
    var text = try String(contentsOfFile: store.path, encoding: .utf8)
    text = text.replacingOccurrences(of: "\"progress\" : 0", with: "\"progress\" : \"half\"")
    try text.write(toFile: store.path, atomically: false, encoding: .utf8)
    XCTAssertThrowsError(try store.load()) {
      XCTAssertTrue(String(describing: $0).contains("plan.items[0].progress"), "\($0)")
    }
  }

  /// Threads, each with its own lock descriptor, editing one store: no edit is lost.
  func testConcurrentUpdatesLoseNothing() throws {
    let store = Store(path: path())
    try store.save(doc)
    let ids = doc.plan.items.prefix(16).map(\.id)
    let errors = LockedCounter()
    let stamp = self.stamp
    DispatchQueue.concurrentPerform(iterations: ids.count) { i in
      do {
        try store.update { try $0.plan.apply(.note("note \(i)"), to: ids[i], stamp: stamp) }
      } catch {
        errors.increment()
      }
    }
    XCTAssertEqual(errors.value, 0)
    let final = try store.load().plan
    for (i, id) in ids.enumerated() {
      XCTAssertEqual(final.item(id: id)?.notes.map(\.text), ["note \(i)"], id)
    }
  }

  func testCreateDoesNotOverwrite() throws {
    let store = Store(path: path("sub/dir/plan.json"))
    XCTAssertTrue(try store.create(doc))
    try store.update { try $0.plan.apply(.progress(50), to: "1.1", stamp: stamp) }
    XCTAssertFalse(try store.create(doc))
    XCTAssertEqual(try store.load().plan.item(id: "1.1")?.progress, 50)
  }

  func testDefaultPath() {
    XCTAssertEqual(Store.defaultPath(environment: ["HOME": "/home/a"]), "/home/a/.local/share/duban/plan.json")
    XCTAssertEqual(Store.defaultPath(environment: ["HOME": "/home/a", "XDG_DATA_HOME": "/x"]), "/x/duban/plan.json")
    XCTAssertEqual(Store.defaultPath(environment: ["DUBAN_STORE": "/s.json", "XDG_DATA_HOME": "/x"]), "/s.json")
  }
}

final class LockedCounter: @unchecked Sendable {
  private let lock = NSLock()
  private var count = 0
  func increment() { lock.withLock { count += 1 } }
  var value: Int { lock.withLock { count } }
}
