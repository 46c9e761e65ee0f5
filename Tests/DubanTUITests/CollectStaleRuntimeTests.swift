import DubanCore
import Foundation
import XCTest

@testable import DubanTUI

/// `I` when a colleague writes the store between the preview and `y`, before the dashboard's
/// poll has noticed: the check runs in the save, under the lock, on the newest file — so the
/// collect writes nothing over a value nobody saw, and its undo never reverts over one either.
final class CollectStaleRuntimeTests: XCTestCase {
  var dir: URL!
  let colleague = Stamp(user: "李科员", time: "2019-05-01T10:30:00+08:00")

  override func setUpWithError() throws {
    Store.prepareProcess()
    dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("duban-stale-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    _ = Harness.zone
  }

  override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

  /// A runtime on a fresh store with the good form's preview on screen.
  func previewed() throws -> (AppRuntime, Store) {
    let store = Store(path: dir.appendingPathComponent("plan.json").path)
    try store.save(StoreDocument(plan: Harness.seedPlan))
    let state = AppState(
      doc: try store.load(), storePath: store.path, lang: .zh, today: Day("2019-05-01")!, user: "王科员", rows: 35,
      columns: 120)
    let runtime = AppRuntime(state: state, store: store, clock: { Harness.now })
    let batch = CollectReducerTests.form(Harness(), CollectReducerTests.good)
    runtime.formReader = { _, _ in .success(batch) }
    for key in [Key.char("I")] + CollectReducerTests.path.map(Key.char) + [.enter] { _ = runtime.handle(.key(key)) }
    for _ in 0..<400 where preview(runtime) == nil {
      runtime.tick()
      usleep(5000)
    }
    XCTAssertNotNil(preview(runtime), "the preview arrived")
    return (runtime, store)
  }

  func preview(_ runtime: AppRuntime) -> CollectPreview? {
    if case .collect(let d) = runtime.state.overlay, case .preview(let p) = d.stage { return p }
    return nil
  }

  func testAColleaguesSaveAfterThePreviewStopsTheCollectEvenBeforeThePollSawIt() throws {
    let (runtime, store) = try previewed()
    // Another process writes; the dashboard does not poll (no tick) before y.
    try store.update { try $0.plan.apply(.progress(77), to: "1.1", stamp: colleague) }
    XCTAssertEqual(runtime.state.plan.item(id: "1.1")?.progress, 0, "the screen has not seen it")
    _ = runtime.handle(.key(.char("y")))
    runtime.finishSaving()
    let file = try store.load()
    XCTAssertEqual(file.plan.item(id: "1.1")?.progress, 77, "the colleague's value stays")
    XCTAssertEqual(file.plan.item(id: "1.3")?.reports, [], "nothing of the collect is written")
    XCTAssertEqual(file.plan.item(id: "1.3")?.progress, 0)
    XCTAssertEqual(runtime.state.doc.plan, file.plan, "the screen shows the file")
    XCTAssertEqual(runtime.state.message, "数据文件刚被改动，预览已更新：请再核对一次")
    XCTAssertTrue(runtime.state.messageIsError)
    XCTAssertTrue(runtime.state.undoStack.isEmpty, "nothing to undo: nothing was collected")
    let again = try XCTUnwrap(preview(runtime), "the preview is shown again")
    XCTAssertEqual(again.basis, CollectBasis(again.batch, doc: file, day: runtime.state.today), "read on the file")
    XCTAssertTrue(again.lines.joined().contains("77"), again.lines.joined(separator: "\n"))

    // Confirmed on what it now shows, the collect goes through; its undo restores the 77.
    _ = runtime.handle(.key(.char("y")))
    runtime.finishSaving()
    XCTAssertEqual(try store.load().plan.item(id: "1.1")?.progress, 30)
    XCTAssertEqual(try store.load().plan.item(id: "1.3")?.progress, 25)
    _ = runtime.handle(.key(.char("u")))
    runtime.finishSaving()
    XCTAssertEqual(try store.load().plan.item(id: "1.1")?.progress, 77)
    XCTAssertEqual(try store.load().plan.item(id: "1.3")?.reports, [])
  }

  func testUndoOfACollectKeepsAColleaguesLaterValueAndRevertsTheRest() throws {
    let (runtime, store) = try previewed()
    _ = runtime.handle(.key(.char("y")))
    runtime.finishSaving()
    XCTAssertEqual(try store.load().plan.item(id: "1.1")?.progress, 30)
    // The colleague changes one of the collected items; the dashboard undoes before polling.
    try store.update { try $0.plan.apply(.progress(77), to: "1.1", stamp: colleague) }
    _ = runtime.handle(.key(.char("u")))
    runtime.finishSaving()
    let file = try store.load()
    XCTAssertEqual(file.plan.item(id: "1.1")?.progress, 77, "undo never overwrites a colleague")
    XCTAssertEqual(file.plan.item(id: "1.3")?.reports, [], "the item still as collected is reverted")
    XCTAssertEqual(file.plan.item(id: "1.3")?.progress, 0)
    XCTAssertEqual(runtime.state.doc.plan, file.plan, "the screen shows the file")
    let message = runtime.state.message ?? ""
    XCTAssertTrue(message.contains("李科员") && message.contains("1.1"), message)
    XCTAssertEqual(message.components(separatedBy: "1.1").count, 2, "the item is named once: \(message)")
    XCTAssertTrue(runtime.state.messageIsError)
  }

  func testThePromptOffersThePathTypedLast() throws {
    let (runtime, _) = try previewed()
    _ = runtime.handle(.key(.escape))
    _ = runtime.handle(.key(.char("I")))
    guard case .collect(let d) = runtime.state.overlay else { return XCTFail("no prompt") }
    XCTAssertEqual(d.editor.text, CollectReducerTests.path)
    XCTAssertTrue(d.editor.selected, "selected: typing replaces it")
    for c in "x.csv" { _ = runtime.handle(.key(.char(c))) }
    guard case .collect(let typed) = runtime.state.overlay else { return XCTFail("no prompt") }
    XCTAssertEqual(typed.editor.text, "x.csv")
  }
}

/// The work-plan part of a collect, undone and redone: each way only where the plan still
/// holds what the other wrote.
final class CollectWorkPlanReplayTests: XCTestCase {
  func testRedoOfACollectedWorkPlanNeverOverwritesAColleaguesChange() throws {
    var h = Harness()
    let unit = "区发改委"
    let item = try XCTUnwrap(h.state.doc.plan.itemsForWorkPlan(of: unit).first?.id)
    let before = h.state.doc.workPlan(of: unit)
    let forward = WorkPlanEdit(
      unit: unit, owner: "张主任",
      items: [
        .init(item: item, rows: [WorkPlanRow(item: item, content: "赴深圳招商", deadline: "", leader: "", office: "")])
      ])
    let stamp = Stamp(user: "王科员", time: Harness.now)
    try h.state.doc.apply(forward, day: "2019-05-01", stamp: stamp)
    h.state.lastEditID += 1
    h.state.undoStack.append(
      UndoEntry(
        editID: h.state.lastEditID, label: "收集 办理方案.xlsx：2 项变更",
        change: .collected(
          items: [], workPlans: [WorkPlanUndo(forward: forward, backward: forward.inverse(of: before))])
      ))
    h.press(.char("u"))
    XCTAssertEqual(h.state.doc.workPlan(of: unit)?.owner ?? "", before?.owner ?? "", "undone")
    // A colleague sets the owner after the undo; the redo must not write over it.
    try h.state.doc.apply(
      WorkPlanEdit(unit: unit, owner: "赵六", items: []), day: "2019-05-01",
      stamp: Stamp(user: "李科员", time: Harness.now))
    let effects = h.press(.ctrl("r"))
    XCTAssertEqual(h.state.doc.workPlan(of: unit)?.owner, "赵六", "the colleague's owner stays")
    XCTAssertEqual(h.state.doc.workPlan(of: unit)?.rows.filter { $0.item == item }.isEmpty, true)
    XCTAssertFalse(effects.contains { if case .persistWorkPlan = $0 { return true } else { return false } })
    XCTAssertTrue(h.state.messageIsError)
    XCTAssertTrue(h.state.message?.contains("已被他人修改") == true, h.state.message ?? "")
  }
}
