import DubanCore
import Foundation
import XCTest

@testable import DubanTUI

/// Issue 11's promises (TrustTests.swift) against a real store, with a colleague writing it in between.
final class TrustRuntimeTests: XCTestCase {
  var dir: URL!
  let colleague = Stamp(user: "李科员", time: "2019-05-01T10:30:00+08:00")

  override func setUpWithError() throws {
    Store.prepareProcess()
    dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("duban-trust-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    _ = Harness.zone
  }

  override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

  func makeRuntime(today: String = "2019-05-01") throws -> (AppRuntime, Store) {
    let store = Store(path: dir.appendingPathComponent("plan.json").path)
    try store.save(StoreDocument(plan: Harness.seedPlan))
    let state = AppState(
      doc: try store.load(), storePath: store.path, lang: .zh, today: Day(today)!, user: "王科员", rows: 35, columns: 120)
    return (AppRuntime(state: state, store: store, clock: { Harness.now }), store)
  }

  /// Waits for the runtime to take in what is on disk (a background read).
  func settle(_ runtime: AppRuntime) {
    for _ in 0..<20 {
      runtime.tick()
      runtime.settle()
    }
  }

  func testUndoAfterAColleaguesChangeRefusesAndNamesThem() throws {
    let (runtime, store) = try makeRuntime()
    _ = runtime.handle(.key(.tab))
    for _ in 0..<6 { _ = runtime.handle(.key(.char("+"))) }
    _ = runtime.handle(.key(.char("+")))  // 60 → 70
    runtime.finishSaving()
    try store.update { try $0.plan.apply(.progress(90), to: "1.1", stamp: colleague) }
    settle(runtime)
    XCTAssertEqual(runtime.selectedItem?.progress, 90, "the colleague's value is shown")
    _ = runtime.handle(.key(.char("u")))
    runtime.finishSaving()
    XCTAssertEqual(try store.load().plan.item(id: "1.1")?.progress, 90, "undo never overwrites a colleague")
    XCTAssertEqual(runtime.selectedItem?.progress, 90)
    let message = runtime.state.message ?? ""
    XCTAssertTrue(message.contains("李科员") && message.contains("10:30"), message)
  }

  func testUndoBeforeTheScreenSawTheColleagueIsRefusedByTheStore() throws {
    let (runtime, store) = try makeRuntime()
    _ = runtime.handle(.key(.tab))
    _ = runtime.handle(.key(.char("+")))
    runtime.finishSaving()
    // The colleague writes; the dashboard has not looked yet and undoes at once.
    try store.update { try $0.plan.apply(.progress(50), to: "1.1", stamp: colleague) }
    _ = runtime.handle(.key(.char("u")))
    runtime.finishSaving()
    XCTAssertEqual(try store.load().plan.item(id: "1.1")?.progress, 50)
    XCTAssertEqual(runtime.selectedItem?.progress, 50, "the view re-syncs from the file")
    XCTAssertTrue(runtime.state.messageIsError)
    XCTAssertTrue(runtime.state.undoStack.isEmpty && runtime.state.redoStack.isEmpty, "the refused entry is gone")
  }

  func testEditRefusedAfterAColleagueClosedTheItemIsDroppedAndLaterEditsGoOn() throws {
    let (runtime, store) = try makeRuntime()
    try store.update { doc in
      try doc.plan.apply(.status(.done), to: "1.1", stamp: colleague)
      try doc.plan.apply(.close(date: "2019-05-01", remark: "核实"), to: "1.1", stamp: colleague)
    }
    // The screen has not seen the close-out yet: the mark goes to the store and is refused.
    _ = runtime.handle(.key(.tab))
    _ = runtime.handle(.key(.char("e")))
    for c in "已督办" { _ = runtime.handle(.key(.char(c))) }
    _ = runtime.handle(.key(.enter))
    runtime.finishSaving()
    XCTAssertEqual(runtime.state.saveState, .saved, "a refusal is not a failure to retry")
    let message = runtime.state.message ?? ""
    XCTAssertTrue(message.contains("1.1") && message.contains("销号"), message)
    XCTAssertNotNil(runtime.selectedItem?.closed, "the view shows the file as it is")
    // Later edits on other items go on.
    _ = runtime.handle(.key(.down))
    _ = runtime.handle(.key(.char("+")))
    runtime.finishSaving()
    XCTAssertEqual(try store.load().plan.item(id: "1.2")?.progress, 10)
    XCTAssertEqual(try store.load().plan.item(id: "1.1")?.notes, [])
  }

  func testAVanishedItemIsRefusedNotRetried() throws {
    let (runtime, store) = try makeRuntime()
    _ = runtime.handle(.key(.tab))
    var doc = try store.load()
    doc.plan.items.removeAll { $0.id == "1.1" }
    try store.save(doc)
    _ = runtime.handle(.key(.char("+")))
    runtime.finishSaving()
    XCTAssertEqual(runtime.state.saveState, .saved)
    XCTAssertTrue(runtime.state.message?.contains("1.1") == true, runtime.state.message ?? "")
    XCTAssertNil(runtime.state.plan.item(id: "1.1"))
  }

  func testWorkPlanFormKeepsRowsAddedMeanwhile() throws {
    let (runtime, store) = try makeRuntime()
    // 1.2 → 区财政局 in the units pane; open its work plan.
    for key: Key in [.tab, .down, .tab, .char("p")] { _ = runtime.handle(.key(key)) }
    // Meanwhile a colleague adds a row for another item with `duban workplan`.
    let other = Harness.seedPlan.itemsForWorkPlan(of: "区财政局")[1].id
    try store.update { doc in
      try doc.apply(
        WorkPlanEdit(
          unit: "区财政局", owner: nil,
          items: [.init(item: other, rows: [WorkPlanRow(item: other, content: "同事的内容")])]),
        day: "2019-05-01", stamp: colleague)
    }
    for key: Key in [.tab] { _ = runtime.handle(.key(key)) }
    for c in "组织税收分析会" { _ = runtime.handle(.key(.char(c))) }
    _ = runtime.handle(.key(.ctrl("s")))
    runtime.finishSaving()
    let rows = try store.load().workPlan(of: "区财政局")?.rows ?? []
    XCTAssertEqual(Set(rows.map(\.content)), ["组织税收分析会", "同事的内容"], "the colleague's row stays")
    XCTAssertTrue(
      try store.load().plan.item(id: "1.2")!.history.contains { $0.field == .workPlan("区财政局") }, "in history")
    // Undo takes back only this form's row.
    _ = runtime.handle(.key(.char("u")))
    runtime.finishSaving()
    XCTAssertEqual(try store.load().workPlan(of: "区财政局")?.rows.map(\.content), ["同事的内容"])
  }

  func testPlusFromTwoClerksAtOnceBothCountAndTheScreenSaysSo() throws {
    let (runtime, store) = try makeRuntime()
    _ = runtime.handle(.key(.tab))
    _ = runtime.handle(.key(.char("+")))
    runtime.finishSaving()
    // A colleague presses + on 1.1 too, before this dashboard has looked.
    try store.update { try $0.plan.apply(.step(up: true), to: "1.1", stamp: colleague) }
    _ = runtime.handle(.key(.char("+")))
    XCTAssertEqual(runtime.state.saveState, .saving, "保存中 from the keystroke until the write is on disk")
    XCTAssertTrue(runtime.render().text().contains("保存中…"))
    runtime.finishSaving()
    let item = try store.load().plan.item(id: "1.1")!
    XCTAssertEqual(item.progress, 30, "each + counts")
    XCTAssertEqual(item.history.filter { $0.field == .progress }.count, 3, "each leaves its history entry")
    XCTAssertEqual(runtime.selectedItem?.progress, 30)
    let message = runtime.state.message ?? ""
    XCTAssertTrue(message.contains("李科员") && message.contains("30%"), message)
    XCTAssertEqual(runtime.state.saveState, .saved)
    XCTAssertTrue(runtime.render().text().contains("已保存"))
  }

  func testRefusedRedoNamesTheProgress() throws {
    let (runtime, store) = try makeRuntime()
    for key: Key in [.tab, .char("+"), .char("u")] { _ = runtime.handle(.key(key)) }
    runtime.finishSaving()
    try store.update { try $0.plan.apply(.progress(70), to: "1.1", stamp: colleague) }
    settle(runtime)
    _ = runtime.handle(.key(.ctrl("r")))
    let message = runtime.state.message ?? ""
    XCTAssertTrue(message.contains("进度") && message.contains("70%") && message.contains("李科员"), message)
  }

  func testAWaitForSomeonesLockShowsOnTheStatusLine() throws {
    let (runtime, store) = try makeRuntime()
    var lock: FileLock? = try FileLock(lockingStoreAt: store.path)
    _ = runtime.handle(.key(.tab))
    _ = runtime.handle(.key(.char("+")))
    let deadline = Date().addingTimeInterval(5)
    while runtime.state.lockWait == nil && Date() < deadline {
      runtime.tick()
      Thread.sleep(forTimeInterval: 0.05)
    }
    let wait = try XCTUnwrap(runtime.state.lockWait, "the wait is said")
    XCTAssertTrue(wait.contains("等待 plan.json 的锁"), wait)
    XCTAssertTrue(runtime.render().text().contains("等待 plan.json 的锁"))
    withExtendedLifetime(lock) { lock = nil }
    runtime.finishSaving()
    runtime.tick()
    XCTAssertNil(runtime.state.lockWait)
    XCTAssertEqual(try store.load().plan.item(id: "1.1")?.progress, 10)
  }

  func testAWriteRightAfterOursIsPickedUp() throws {
    let (runtime, store) = try makeRuntime()
    _ = runtime.handle(.key(.tab))
    _ = runtime.handle(.key(.char("+")))
    runtime.settle()  // our save is on disk, not yet taken in by the main loop
    try store.update { try $0.plan.apply(.progress(70), to: "1.2", stamp: colleague) }
    settle(runtime)
    XCTAssertEqual(runtime.state.plan.item(id: "1.2")?.progress, 70, "the next writer's file is not taken for ours")
    XCTAssertEqual(runtime.state.plan.item(id: "1.1")?.progress, 10)
  }
}
