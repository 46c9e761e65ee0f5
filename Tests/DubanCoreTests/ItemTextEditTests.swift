import XCTest

@testable import DubanCore

/// Fixing the plan: text and units through ItemEdit, with history, undo that never
/// overwrites a colleague, and import warnings resolved.
final class ItemTextEditTests: XCTestCase {
  let clerk = Stamp(user: "王科员", time: "2019-05-01T09:00:00+08:00")
  let colleague = Stamp(user: "李科员", time: "2019-05-01T10:30:00+08:00")
  let fixed = "有序推进执法公示、全过程记录等工作,细化、量化行政裁量标准,加大执法监督力度,确保行政权力在法治轨道上运行。"

  func testFixingTheAdvertisingIn267IsInHistoryAndResolvesItsWarning() throws {
    var plan = try Fixtures.seedPlan()
    let i = try XCTUnwrap(plan.itemIndex(id: "2.67"))
    XCTAssertEqual(plan.importWarnings(ofItemAt: i).map(\.kind), [.advertising])
    XCTAssertTrue(plan.items[i].needsReview(warnings: 1))
    let before = plan.items[i].text
    let changes = try plan.apply(.text(fixed), to: "2.67", stamp: clerk)
    XCTAssertEqual(changes.map(\.field), [.text, .reviewed])
    XCTAssertEqual(changes[0].before, before)
    XCTAssertEqual(changes[0].after, fixed)
    XCTAssertEqual(changes[0].summary(.zh), "文本 “…准,加大365bet体育投注力度,确…”→“…准,加大执法监督力度,确…”")
    XCTAssertEqual(changes[1].summary(.zh), "导入提示已处理")
    XCTAssertEqual(plan.items[i].reviewed, clerk.time)
    XCTAssertFalse(plan.items[i].needsReview(warnings: 1))
  }

  func testTheDroppedCharacterIn216HasNoWarningButIsFixedTheSameWay() throws {
    var plan = try Fixtures.seedPlan()
    let i = try XCTUnwrap(plan.itemIndex(id: "2.16"))
    XCTAssertTrue(plan.items[i].text.hasPrefix("化政府机构改革"))
    XCTAssertEqual(plan.importWarnings(ofItemAt: i), [], "the importer could not see this one")
    let changes = try plan.apply(.text("深" + plan.items[i].text), at: i, stamp: clerk)
    XCTAssertEqual(changes.map(\.field), [.text], "no warning to resolve")
    XCTAssertEqual(changes[0].summary(.en), "text “化政府机…”→“深化政府机…”", "four characters of context")
  }

  func testUnitsAreTypedByAnySpellingAndNewOnesWithAPlus() throws {
    var plan = try Fixtures.seedPlan()
    let input = try UnitListInput.parse("招商局、 区财政局〈金融工作局〉，+区大数据局", plan: plan)
    XCTAssertEqual(input.names, ["区商务局", "区财政局", "区大数据局"])
    XCTAssertEqual(input.adding, ["区大数据局"])
    XCTAssertThrowsError(try UnitListInput.parse("区法制", plan: plan)) { error in
      let message = (error as? EditError)?.zh ?? ""
      XCTAssertTrue(message.contains("“区法制”"), message)
      XCTAssertTrue(message.contains("+区法制"), message)
      XCTAssertTrue(message.contains("区法制办"), "suggests the unit it may have meant: \(message)")
    }
    let unitsBefore = plan.units.count
    let changes = try plan.apply(
      .units(lead: ["区商务局"], responsible: ["区商务局", "区财政局", "区大数据局"], adding: ["区大数据局"]), to: "2.16",
      stamp: clerk)
    XCTAssertEqual(
      changes.map { "\($0.field.stored):\($0.before)→\($0.after)" },
      ["lead:→区商务局", "responsible:区编办→区财政局、区大数据局"], "a lead is not listed again")
    XCTAssertEqual(plan.units.count, unitsBefore + 1)
    XCTAssertEqual(plan.unit(named: "区大数据局")?.kind, .unit)
    // An unknown unit is refused, and the plan is left as it was (no unit added either).
    let snapshot = plan
    XCTAssertThrowsError(
      try plan.apply(.units(lead: ["区不存在局"], responsible: [], adding: []), to: "2.16", stamp: clerk))
    XCTAssertThrowsError(
      try plan.apply([.units(lead: ["区新局"], responsible: [], adding: ["区新局"]), .text("")], to: "2.16", stamp: clerk)
    )
    XCTAssertEqual(plan, snapshot, "all or none")
  }

  func testUndoPutsTextAndUnitsBackButNeverOverAColleaguesFix() throws {
    var plan = try Fixtures.seedPlan()
    let original = plan.item(id: "2.67")!.state
    try plan.apply([.text(fixed), .units(lead: ["区司法局"], responsible: ["区法制办"], adding: [])], to: "2.67", stamp: clerk)
    let mine = plan.item(id: "2.67")!.state
    // Undo: everything back, warnings open again.
    var undone = plan
    try undone.apply(.revert(from: mine, to: original), to: "2.67", stamp: clerk)
    let back = undone.item(id: "2.67")!
    XCTAssertEqual(back.state, original)
    XCTAssertEqual(back.history.suffix(4).map(\.field), [.text, .lead, .responsible, .reviewed])
    // A colleague rewrote the text since: the undo is refused, naming them, and changes nothing.
    try plan.apply(.text("加大执法监督力度。"), to: "2.67", stamp: colleague)
    let snapshot = plan
    XCTAssertThrowsError(try plan.apply(.revert(from: mine, to: original), to: "2.67", stamp: clerk)) { error in
      let message = (error as? EditError)?.zh ?? ""
      XCTAssertTrue(message.hasPrefix("2.67 的文本已被 李科员 于 2019-05-01 "), message)
      XCTAssertTrue(message.hasSuffix("改为“加大执法监督力度。”，未恢复"), message)
    }
    XCTAssertEqual(plan, snapshot)
  }

  /// Undoing a fix that added a unit (+区大数据局) leaves the unit in the plan (its name may
  /// be typed again without +), but a unit no item names owes nothing: no row of zeros in
  /// the workload or the bulletin.
  func testAUnitNoItemNamesHasNoRowInTheWorkloadOrTheBulletin() throws {
    var plan = try Fixtures.seedPlan()
    let original = plan.item(id: "2.16")!.state
    try plan.apply(
      .units(lead: ["区编办"], responsible: ["区大数据局"], adding: ["区大数据局"]), to: "2.16", stamp: clerk)
    XCTAssertEqual(plan.workload().first { $0.unit.name == "区大数据局" }?.total, 1)
    try plan.apply(.revert(from: plan.item(id: "2.16")!.state, to: original), to: "2.16", stamp: clerk)
    XCTAssertNotNil(plan.unit(named: "区大数据局"))
    XCTAssertNil(plan.workload().first { $0.unit.name == "区大数据局" })
    XCTAssertTrue(plan.workload().allSatisfy { $0.total > 0 })
    let bulletin = Bulletin(StoreDocument(plan: plan), period: "Q1", today: Day("2019-04-20")!)
    XCTAssertFalse(bulletin.units.contains { $0.unit == "区大数据局" })
    XCTAssertTrue(bulletin.units.contains { $0.unit == "区编办" })
  }

  func testAFixMadeOnAnOlderTextNeverOverwritesAColleaguesFix() throws {
    var plan = try Fixtures.seedPlan()
    let opened = plan.item(id: "2.67")!
    try plan.apply(.text("加大执法监督力度。"), to: "2.67", stamp: colleague)
    let snapshot = plan
    XCTAssertThrowsError(try plan.apply(.text(fixed, was: opened.text), to: "2.67", stamp: clerk)) { error in
      let message = (error as? EditError)?.zh ?? ""
      XCTAssertTrue(message.contains("李科员") && message.contains("未覆盖"), message)
      XCTAssertTrue(message.contains(fixed), "what the clerk typed is in the message: \(message)")
    }
    let units = ItemUnits(lead: opened.lead, responsible: opened.responsible)
    try plan.apply(.units(lead: ["区司法局"], responsible: [], adding: []), to: "2.67", stamp: colleague)
    XCTAssertThrowsError(
      try plan.apply(.units(lead: ["区法制办"], responsible: [], adding: [], was: units), to: "2.67", stamp: clerk))
    XCTAssertEqual(plan.item(id: "2.67")?.text, snapshot.item(id: "2.67")?.text)
    XCTAssertEqual(plan.item(id: "2.67")?.lead, ["区司法局"])
    // Opened on the current value: goes through.
    try plan.apply(.text(fixed, was: "加大执法监督力度。"), to: "2.67", stamp: clerk)
    XCTAssertEqual(plan.item(id: "2.67")?.text, fixed)
  }

  func testReviewWithoutAChangeAndClosedItemsRefuse() throws {
    var plan = try Fixtures.seedPlan()
    let changes = try plan.apply(.review(resolved: true), to: "2.67", stamp: clerk)
    XCTAssertEqual(changes.map(\.field), [.reviewed])
    XCTAssertEqual(try plan.apply(.review(resolved: true), to: "2.67", stamp: clerk), [], "already resolved")
    try plan.apply(.review(resolved: false), to: "2.67", stamp: clerk)
    XCTAssertNil(plan.item(id: "2.67")?.reviewed)
    try plan.apply(.status(.done), to: "2.67", stamp: clerk)
    try plan.apply(.close(date: "2019-05-01", remark: "完成"), to: "2.67", stamp: clerk)
    XCTAssertThrowsError(try plan.apply(.text(fixed), to: "2.67", stamp: clerk))
  }

  func testWarningsBelongToTheItemWhoseLinesHoldThem() throws {
    let plan = try Fixtures.seedPlan()
    let byItem = plan.warningsByItem()
    let ids = byItem.keys.sorted().map { plan.items[$0].id }
    // The seed's item-level warnings (lines 92–278): split and merged units, unclosed
    // brackets, the advertising in 2.67; calendar repairs belong to no item.
    XCTAssertTrue(ids.contains("2.67"))
    XCTAssertFalse(byItem.values.joined().contains { $0.kind == .repairedDate })
    XCTAssertEqual(byItem.values.joined().count, plan.warnings.filter(\.kind.concernsItem).count)
    for (i, warnings) in byItem {
      for w in warnings { XCTAssertLessThanOrEqual(plan.items[i].line, w.line) }
    }
  }
}
