import DubanCore
import Foundation
import Synchronization
import XCTest

@testable import DubanTUI

/// `I` through the runtime, on a real store file: the forms are read off the keystroke loop,
/// the collect is written by the command's rule, and the file holds what the screen shows.
final class CollectRuntimeTests: XCTestCase {
  var dir: URL!

  override func setUpWithError() throws {
    Store.prepareProcess()
    dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("duban-collect-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

  func testACollectIsReadInTheBackgroundSavedAndUndoneOnTheFile() throws {
    let store = Store(path: dir.appendingPathComponent("plan.json").path)
    try store.save(StoreDocument(plan: Harness.seedPlan))
    let state = AppState(
      doc: try store.load(), storePath: store.path, lang: .zh, today: Day("2019-05-01")!, user: "王科员", rows: 35,
      columns: 120)
    let runtime = AppRuntime(state: state, store: store, clock: { Harness.now })
    let batch = CollectReducerTests.form(Harness(), CollectReducerTests.good)
    let asked = Mutex<[String]>([])
    runtime.formReader = { path, _ in
      asked.withLock { $0.append(path) }
      return .success(batch)
    }
    for key in [Key.char("I")] + CollectReducerTests.path.map(Key.char) + [.enter] { _ = runtime.handle(.key(key)) }
    // The answer comes in on a later tick.
    var previewed = false
    for _ in 0..<200 where !previewed {
      runtime.tick()
      if case .collect(let d) = runtime.state.overlay, case .preview = d.stage { previewed = true }
      usleep(5000)
    }
    XCTAssertTrue(previewed, "the preview arrived")
    XCTAssertEqual(asked.withLock { $0 }, [CollectReducerTests.path])
    XCTAssertEqual(try store.load().plan.item(id: "1.1")?.progress, 0, "a preview writes nothing")
    _ = runtime.handle(.key(.char("y")))
    runtime.finishSaving()
    XCTAssertEqual(runtime.state.saveState, .saved)
    let written = try store.load()
    XCTAssertEqual(written.plan.item(id: "1.1")?.progress, 30)
    XCTAssertEqual(written.plan, runtime.state.doc.plan, "the file holds what the screen shows")
    XCTAssertTrue(
      written.plan.item(id: "1.3")?.history.contains { $0.user == "王科员（收集自 区发改委.csv）" } == true)
    _ = runtime.handle(.key(.char("u")))
    runtime.finishSaving()
    let undone = try store.load()
    XCTAssertEqual(undone.plan.item(id: "1.1")?.progress, 0)
    XCTAssertEqual(undone.plan.item(id: "1.3")?.reports, [])
  }
}
