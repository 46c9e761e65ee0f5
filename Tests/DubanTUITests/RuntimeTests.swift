import DubanCore
import Foundation
import XCTest

@testable import DubanTUI

/// AppRuntime against a real store file: saved at once, loud when it cannot save, retried.
final class RuntimeTests: XCTestCase {
  var dir: URL!

  override func setUpWithError() throws {
    Store.prepareProcess()
    dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("duban-rt-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

  func makeRuntime() throws -> (AppRuntime, Store) {
    let store = Store(path: dir.appendingPathComponent("plan.json").path)
    try store.save(StoreDocument(plan: Harness.seedPlan))
    let state = AppState(
      doc: try store.load(), storePath: store.path, lang: .zh, today: Day("2019-05-01")!, user: "王科员", rows: 35,
      columns: 120)
    return (AppRuntime(state: state, store: store, clock: { Harness.now }), store)
  }

  func testEveryChangeIsSavedAtOnce() throws {
    let (runtime, store) = try makeRuntime()
    _ = runtime.handle(.key(.tab))
    _ = runtime.handle(.key(.char("+")))
    XCTAssertEqual(runtime.selectedItem?.progress, 10, "shown at once, saved in the background")
    runtime.finishSaving()
    XCTAssertEqual(try store.load().plan.item(id: "1.1")?.progress, 10)
    XCTAssertEqual(runtime.state.saveState, .saved)
  }

  func testCannotSaveIsLoudAndRetried() throws {
    let (runtime, store) = try makeRuntime()
    let good = try Data(contentsOf: URL(fileURLWithPath: store.path))
    try Data("{broken".utf8).write(to: URL(fileURLWithPath: store.path))
    _ = runtime.handle(.key(.tab))
    _ = runtime.handle(.key(.char("+")))
    runtime.finishSaving()
    guard case .failed(let reason) = runtime.state.saveState else { return XCTFail("not reported") }
    XCTAssertTrue(reason.contains("plan.json"), reason)
    XCTAssertTrue(runtime.render().text().contains("未保存！"))
    XCTAssertEqual(runtime.selectedItem?.progress, 10, "the edit is kept in memory")
    XCTAssertEqual(
      try String(contentsOfFile: store.path, encoding: .utf8), "{broken", "the bad file is not overwritten")
    // Once the file is readable again, the pending edit is applied to it.
    try good.write(to: URL(fileURLWithPath: store.path))
    runtime.tick()
    runtime.finishSaving()
    XCTAssertEqual(runtime.state.saveState, .saved)
    XCTAssertEqual(try store.load().plan.item(id: "1.1")?.progress, 10)
  }

  /// A slow disk never holds the keys up: several marks in a row while the first is still
  /// being written all land, in order.
  func testMarksWhileSavingAllLand() throws {
    let (runtime, store) = try makeRuntime()
    _ = runtime.handle(.key(.tab))
    for _ in 0..<5 { _ = runtime.handle(.key(.char("+"))) }
    XCTAssertEqual(runtime.selectedItem?.progress, 50)
    runtime.finishSaving()
    XCTAssertEqual(try store.load().plan.item(id: "1.1")?.progress, 50)
    XCTAssertEqual(runtime.selectedItem?.progress, 50)
    XCTAssertEqual(try store.load().plan.item(id: "1.1")?.history.filter { $0.field == .progress }.count, 5)
  }

  /// An idle dashboard draws nothing; a finished save or another writer's change asks for a frame.
  func testTickSaysWhenToDraw() throws {
    let (runtime, store) = try makeRuntime()
    XCTAssertFalse(runtime.tick(), "nothing happened")
    _ = runtime.handle(.key(.tab))
    _ = runtime.handle(.key(.char("+")))
    runtime.finishSaving()
    XCTAssertFalse(runtime.tick(), "the save was already taken in")
    try store.update { try $0.plan.apply(.progress(30), to: "1.2", stamp: Stamp(user: "其他人", time: Harness.now)) }
    XCTAssertFalse(runtime.tick(), "the newer file is being read in the background: nothing to draw yet")
    runtime.settle()
    XCTAssertTrue(runtime.tick(), "another writer changed the store")
    XCTAssertFalse(runtime.tick())
  }

  /// A save onto a file nobody else touched does not swap the document (at 100,000 items
  /// that would re-index everything); one onto a file someone changed does.
  func testSavesSwapTheDocumentOnlyWhenSomeoneElseWrote() throws {
    let (runtime, store) = try makeRuntime()
    _ = runtime.handle(.key(.tab))
    _ = runtime.handle(.key(.char("+")))
    let revision = runtime.state.revision
    runtime.finishSaving()
    XCTAssertEqual(runtime.state.revision, revision, "the file became what the screen shows")
    XCTAssertEqual(try store.load(), runtime.state.doc, "history times included")
    try store.update { try $0.plan.apply(.progress(30), to: "1.2", stamp: Stamp(user: "其他人", time: Harness.now)) }
    _ = runtime.handle(.key(.char("+")))
    runtime.finishSaving()
    XCTAssertEqual(runtime.state.plan.item(id: "1.2")?.progress, 30, "the other writer's change came in with the save")
    XCTAssertEqual(try store.load(), runtime.state.doc)
  }

  func testPicksUpOtherWritersKeepingThePlace() throws {
    let (runtime, store) = try makeRuntime()
    _ = runtime.handle(.key(.tab))
    _ = runtime.handle(.key(.down))
    _ = runtime.handle(.key(.down))
    runtime.finishSaving()
    try store.update { try $0.plan.apply(.progress(70), to: "1.3", stamp: Stamp(user: "其他人", time: Harness.now)) }
    runtime.tick()
    runtime.settle()
    runtime.tick()
    XCTAssertEqual(runtime.selectedItem?.id, "1.3")
    XCTAssertEqual(runtime.selectedItem?.progress, 70)
  }
}
