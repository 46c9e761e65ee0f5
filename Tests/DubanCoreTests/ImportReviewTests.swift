import Foundation
import XCTest

@testable import DubanCore

/// The review after import on the seed: decisions recorded on the warnings, merges and splits
/// carried out on every item through ItemEdit, all or none.
final class ImportReviewTests: XCTestCase {
  let stamp = Stamp(user: "clerk", time: "2019-02-01T09:00:00+08:00")

  func testAcceptRecordsTheDecisionAndReviewsTheItemOnceAllItsWarningsAreDecided() throws {
    var plan = try Fixtures.seedPlan()
    let items = plan.warningItems()
    // Line 92 (item 2.1) has two warnings: the item is reviewed only after the second.
    let first = try XCTUnwrap(plan.warnings.firstIndex { $0.line == 92 })
    let second = try XCTUnwrap(plan.warnings.lastIndex { $0.line == 92 })
    XCTAssertNotEqual(first, second)
    let item = try XCTUnwrap(items[first])
    XCTAssertEqual(plan.items[item].id, "2.1")
    plan.accept(warningAt: first, stamp: stamp)
    XCTAssertEqual(plan.warnings[first].decision, "accepted")
    XCTAssertEqual(plan.warnings[first].by, "clerk 2019-02-01T09:00:00+08:00")
    XCTAssertNil(plan.items[item].reviewed, "one warning of 2.1 is still open")
    plan.accept(warningAt: second, stamp: stamp)
    XCTAssertEqual(plan.items[item].reviewed, stamp.time)
    XCTAssertEqual(plan.items[item].history.last?.field, .reviewed)
  }

  func testAcceptUndecidedDecidesEveryOpenWarningAndKeepsEarlierDecisions() throws {
    var plan = try Fixtures.seedPlan()
    plan.record("edited", onWarningAt: 7, stamp: stamp)
    let n = plan.acceptUndecided(stamp: stamp)
    XCTAssertEqual(n, plan.warnings.count - 1)
    XCTAssertEqual(plan.warnings[7].decision, "edited")
    XCTAssertTrue(plan.warnings.allSatisfy { $0.decision != nil })
    let flagged = Set(plan.warningItems().compactMap { $0 })
    XCTAssertFalse(flagged.isEmpty)
    for i in flagged { XCTAssertNotNil(plan.items[i].reviewed, plan.items[i].id) }
  }

  func testMergeMovesEveryItemToTheTargetAndKeepsTheSpellingAsAnAlias() throws {
    var plan = try Fixtures.seedPlan()
    let naming = plan.items.filter { $0.responsible.contains("区军运会指挥部专班") || $0.lead.contains("区军运会指挥部专班") }
    XCTAssertFalse(naming.isEmpty)
    let decision = try plan.mergeUnit("区军运会指挥部专班", into: "区军运会指挥部办公室", stamp: stamp)
    XCTAssertEqual(decision, "merged 区军运会指挥部专班 → 区军运会指挥部办公室")
    XCTAssertNil(plan.units.first { $0.name == "区军运会指挥部专班" })
    XCTAssertEqual(plan.unit(named: "区军运会指挥部专班")?.name, "区军运会指挥部办公室", "the old spelling still finds the unit")
    for old in naming {
      let item = try XCTUnwrap(plan.item(id: old.id))
      XCTAssertFalse((item.lead + item.responsible).contains("区军运会指挥部专班"))
      XCTAssertTrue((item.lead + item.responsible).contains("区军运会指挥部办公室"))
      XCTAssertEqual(Set(item.lead + item.responsible).count, (item.lead + item.responsible).count, "no unit twice")
      XCTAssertTrue(item.history.contains { $0.field == .responsible || $0.field == .lead }, "merge is in history")
    }
  }

  /// A merge changes every item naming the spelling, but an item whose own warnings are
  /// still open keeps its 疑: only decided warnings review an item.
  func testAMergeNeverReviewsAnItemWithAWarningStillOpen() throws {
    var plan = try Fixtures.seedPlan()
    let items = plan.warningItems()
    let touched = plan.items.indices.filter {
      (plan.items[$0].lead + plan.items[$0].responsible).contains("区国资公司")
    }
    let stillOpen = touched.filter { i in items.contains(i) }
    XCTAssertFalse(stillOpen.isEmpty, "the seed has items naming 区国资公司 with warnings of their own")
    let w = try XCTUnwrap(plan.warnings.firstIndex { $0.message.contains("国资公司") })
    let decision = try plan.mergeUnit("区国资公司", into: "区建投公司", stamp: stamp)
    plan.record(decision, onWarningAt: w, stamp: stamp)
    let undecided = Set(zip(plan.warnings, items).compactMap { $0.decision == nil ? $1 : nil })
    for i in stillOpen where undecided.contains(i) {
      XCTAssertNil(plan.items[i].reviewed, "\(plan.items[i].id) has a warning still open")
    }
    XCTAssertFalse(stillOpen.filter { undecided.contains($0) }.isEmpty)
  }

  func testMergeOfAnAliasIntoItsOwnUnitOrAnUnknownUnitIsRefusedAndChangesNothing() throws {
    var plan = try Fixtures.seedPlan()
    let before = plan
    XCTAssertThrowsError(try plan.mergeUnit("招商局", into: "区商务局", stamp: stamp))
    XCTAssertThrowsError(try plan.mergeUnit("区商务局", into: "区大数据局", stamp: stamp))
    XCTAssertEqual(plan, before)
  }

  func testSplitReplacesTheRunTogetherNameInPlaceWithKnownAndNewUnits() throws {
    var plan = try Fixtures.seedPlan()
    // A run-together name the importer could not see: make one from two units of the seed.
    let i = try XCTUnwrap(plan.itemIndex(id: "2.4"))
    try plan.apply(
      .units(lead: [], responsible: ["区商务局区发改委", "区建设局"], adding: ["区商务局区发改委"]), at: i, stamp: stamp)
    let decision = try plan.splitUnit("区商务局区发改委", into: "区商务局 区发改委、+区大数据局", stamp: stamp)
    XCTAssertEqual(decision, "split 区商务局区发改委 → 区商务局、区发改委、区大数据局")
    XCTAssertEqual(plan.items[i].responsible, ["区商务局", "区发改委", "区大数据局", "区建设局"])
    XCTAssertNil(plan.units.first { $0.name == "区商务局区发改委" })
    XCTAssertNotNil(plan.units.first { $0.name == "区大数据局" }, "a new part joins the plan's units")
  }

  func testSplitIntoFewerThanTwoUnitsIsRefused() throws {
    var plan = try Fixtures.seedPlan()
    let before = plan
    XCTAssertThrowsError(try plan.splitUnit("区商务局", into: "区商务局", stamp: stamp))
    XCTAssertThrowsError(try plan.splitUnit("区商务局", into: " 、 ", stamp: stamp))
    XCTAssertEqual(plan, before)
  }

  func testSplitIntoALongerNameOrARepeatedPartIsRefused() throws {
    var plan = try Fixtures.seedPlan()
    let before = plan
    // The prefilled name with the parts typed after it: a split never makes a longer name.
    XCTAssertThrowsError(try plan.splitUnit("区商务局", into: "区商务局区商务局、区招商局", stamp: stamp)) { error in
      XCTAssertEqual(
        (error as? EditError)?.zh,
        "拆分“区商务局”：“区商务局区商务局”比原名还长，含着原名“区商务局”；只输入拆出的各个单位，用“、”分开（如 区商务局、区招商局）")
    }
    XCTAssertThrowsError(try plan.splitUnit("区商务局", into: "区发改委、区招商局、区发改委", stamp: stamp)) { error in
      XCTAssertEqual((error as? EditError)?.en, "split “区商务局”: “区发改委” is typed twice; name each unit once")
    }
    XCTAssertEqual(plan, before)
  }

  func testDecisionsAreStoredAndAWarningWithoutOneIsWrittenAsBefore() throws {
    var plan = try Fixtures.seedPlan()
    plan.warnings = plan.warnings.map { $0.localized(.en) }
    plan.accept(warningAt: 0, stamp: stamp)
    let doc = StoreDocument(plan: plan)
    let data = try Store.encode(doc)
    let text = String(decoding: data, as: UTF8.self)
    XCTAssertTrue(text.contains("\"decision\""))
    let back = try Store.decode(data, file: "s.json")
    XCTAssertEqual(back.plan.warnings[0].decision, "accepted")
    XCTAssertEqual(back.plan.warnings[0].by, "clerk 2019-02-01T09:00:00+08:00")
    XCTAssertNil(back.plan.warnings[1].decision)
    XCTAssertEqual(text.components(separatedBy: "\"decision\"").count, 2, "an undecided warning has no decision key")
  }
}
