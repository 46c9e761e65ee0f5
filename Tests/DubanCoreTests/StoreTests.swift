import Foundation
import XCTest

@testable import DubanCore

final class StoreTests: XCTestCase {
  var dir: URL!
  var doc: StoreDocument!

  override func setUpWithError() throws {
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
