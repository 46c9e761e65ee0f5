import Foundation
import XCTest

@testable import DubanCore

/// The chase list (催办) and the item filters on the seed, hand-checked against the document.
///
/// 区商务局 is named on six items: it leads 2.2, and 1.4, 2.1, 2.3, 2.13 and 2.29 have no lead
/// (so every unit they name files for itself). Reports are due 4/10 (Q1), 7/10 (Q2), 10/10
/// (Q3), 12/25 (Y); `dueSoonDays` is 7.
final class ChaseListTests: XCTestCase {
  var doc: StoreDocument!

  override func setUpWithError() throws {
    doc = StoreDocument(plan: try Fixtures.seedPlan())
  }

  func edit(_ id: String, _ body: (inout Item) -> Void) {
    let i = doc.plan.items.firstIndex { $0.id == id }!
    body(&doc.plan.items[i])
  }

  func chase(_ day: String, unit: String? = nil) -> ChaseList { ChaseList(doc, today: Day(day)!, unit: unit) }

  func testWhatCommerceOwesOnTheFifteenthOfJuly() throws {
    let list = chase("2019-07-15", unit: "区商务局")
    XCTAssertEqual(list.units.map(\.unit), ["区商务局"])
    let u = try XCTUnwrap(list.units.first)
    // Six items × Q1 and Q2, oldest deadline first, items in document order.
    XCTAssertEqual(
      u.overdue.map { "\($0.itemID) \($0.period.id)" },
      [
        "1.4 Q1", "2.1 Q1", "2.2 Q1", "2.3 Q1", "2.13 Q1", "2.29 Q1",
        "1.4 Q2", "2.1 Q2", "2.2 Q2", "2.3 Q2", "2.13 Q2", "2.29 Q2",
      ])
    XCTAssertEqual(u.overdue.first?.daysOverdue, 96, "4/10 → 7/15")
    XCTAssertEqual(u.overdue.last?.daysOverdue, 5, "7/10 → 7/15")
    XCTAssertEqual(u.dueSoon, [], "Q3 is due 10/10: not soon")
  }

  func testFilingsClearOnlyTheUnitThatFiled() throws {
    // 区发改委 (a co-unit of 2.2) files Q1 on 2.2; 区商务局 files Q1 on 2.3 on time and Q2 on
    // 2.29 late. Only 区商务局's own filings clear its list; the late one is listed as late.
    edit("2.2") { $0.reports = [ReportFiling(period: "Q1", filed: "2019-04-09", user: "a", unit: "区发改委")] }
    edit("2.3") { $0.reports = [ReportFiling(period: "Q1", filed: "2019-04-08", user: "a", unit: "区商务局")] }
    edit("2.29") { $0.reports = [ReportFiling(period: "Q2", filed: "2019-07-14", user: "a", unit: "区商务局")] }
    let all = ChaseList(doc, today: Day("2019-07-15")!, unit: "区商务局", includeLate: true)
    let u = try XCTUnwrap(all.units.first)
    XCTAssertEqual(u.overdue.count, 10)
    XCTAssertTrue(u.overdue.contains { $0.itemID == "2.2" && $0.period.id == "Q1" })
    XCTAssertFalse(u.overdue.contains { $0.itemID == "2.3" && $0.period.id == "Q1" })
    XCTAssertEqual(u.late.map { "\($0.itemID) \($0.period.id) \($0.filed ?? "")" }, ["2.29 Q2 2019-07-14"])
    // 区经信局 joins 2.3 with no lead: its own Q1 and Q2 stay owed.
    XCTAssertEqual(
      chase("2019-07-15", unit: "区经信局").units.first?.overdue.filter { $0.itemID == "2.3" }.map(\.period.id),
      ["Q1", "Q2"])
  }

  func testDueSoonIsTheCurrentPeriodWithinAWeek() throws {
    // 7/5: Q1 overdue (86 days), Q2 due 7/10 in 5 days.
    let u = try XCTUnwrap(chase("2019-07-05", unit: "区商务局").units.first)
    XCTAssertEqual(u.overdue.count, 6)
    XCTAssertEqual(u.dueSoon.map(\.itemID), ["1.4", "2.1", "2.2", "2.3", "2.13", "2.29"])
    XCTAssertEqual(u.dueSoon.first?.daysOverdue, -5)
    XCTAssertEqual(ChaseNotice.days(u.dueSoon[0], .zh), "还有 5 天")
    // 7/2: Q2 is 8 days off, beyond the week.
    XCTAssertEqual(chase("2019-07-02", unit: "区商务局").units.first?.dueSoon, [])
    // Before any deadline, nothing to chase at all.
    XCTAssertTrue(chase("2019-03-01", unit: "区商务局").isEmpty)
  }

  func testTheWholeListAgreesWithTheWorkloadAndPutsTheWorstFirst() {
    let list = chase("2019-07-15")
    let loads = doc.plan.workload(settings: doc.settings, today: Day("2019-07-15")!)
    // Each unit's overdue count is the workload view's (worked out by its own loop).
    for u in list.units {
      XCTAssertEqual(u.overdue.count, loads.first { $0.unit.name == u.unit }?.reportsOverdue, u.unit)
    }
    XCTAssertEqual(list.overdueCount, loads.reduce(0) { $0 + $1.reportsOverdue })
    XCTAssertEqual(list.units.map(\.overdue.count), list.units.map(\.overdue.count).sorted(by: >))
    // 区城管委 files for 14 items (2.20 2.22 2.24 2.36 2.37 2.38 2.40 2.41 3.2 3.3 3.6 3.7
    // 3.8 3.11): 28 reports on 7/15, the most of any unit.
    XCTAssertEqual(list.units.first?.unit, "区城管委")
    XCTAssertEqual(list.units.first?.overdue.count, 28)
    // In the document's order (as `due` lists them) the first unit is the plan's first.
    let byDocument = ChaseList(doc, today: Day("2019-07-15")!, order: .document)
    let order = doc.plan.units.map(\.name)
    XCTAssertEqual(
      byDocument.units.map(\.unit),
      byDocument.units.map(\.unit).sorted { order.firstIndex(of: $0)! < order.firstIndex(of: $1)! })
  }

  func testAStreetOwesForItsGroupsAndAGroupStandsForItsMembers() throws {
    // 四唯街道 files for the five 各街道/相关街道 items with no lead (2.13 2.24 2.36 2.37 2.59):
    // Q1 and Q2 on 7/15.
    let street = try XCTUnwrap(chase("2019-07-15", unit: "四唯街道").units.first)
    XCTAssertEqual(Set(street.overdue.map(\.itemID)), ["2.13", "2.24", "2.36", "2.37", "2.59"])
    XCTAssertEqual(street.overdue.count, 10)
    let group = chase("2019-07-15", unit: "各街道")
    XCTAssertEqual(group.units.count, 14, "every street")
    XCTAssertTrue(group.units.allSatisfy { $0.unit.hasSuffix("街道") })
  }

  func testItemFilterCombinesUnitLightAndReportState() {
    func ids(_ f: ItemFilter, _ day: String = "2019-07-15") -> [String] {
      let bound = f.bound(plan: doc.plan, settings: doc.settings, today: Day(day)!)
      return doc.plan.items.filter(bound.matches).map(\.id)
    }
    let mine = ["1.4", "2.1", "2.2", "2.3", "2.13", "2.29"]
    XCTAssertEqual(ids(ItemFilter(unit: "区商务局", light: .red, report: .overdue)), mine)
    // 2.2 at 50% on 7/15 (序时 54%) is green; 2.29 filed Q1 and Q2 is no longer overdue.
    edit("2.2") { $0.progress = 50 }
    edit("2.29") {
      $0.reports = ["Q1", "Q2"].map { ReportFiling(period: $0, filed: "2019-07-15", user: "a", unit: "区商务局") }
    }
    XCTAssertEqual(ids(ItemFilter(unit: "区商务局", light: .red, report: .overdue)), ["1.4", "2.1", "2.3", "2.13"])
    XCTAssertEqual(ids(ItemFilter(unit: "区商务局", light: .green)), ["2.2"])
    XCTAssertEqual(ids(ItemFilter(unit: "区商务局", report: .late)), ["2.29"])
    // 区发改委 joins 2.2 under a lead: it owes nothing there, so its overdue list skips it.
    XCTAssertFalse(ids(ItemFilter(unit: "区发改委", report: .overdue)).contains("2.2"))
    XCTAssertEqual(ids(ItemFilter(unit: "区商务局", report: .dueSoon), "2019-07-05"), mine)
    XCTAssertEqual(ids(ItemFilter(unit: "区商务局", report: .owed), "2019-07-05"), mine)
    XCTAssertEqual(ids(ItemFilter(unit: "区商务局", status: .done)), [])
    XCTAssertEqual(ReportFilter(userText: "due-soon"), .dueSoon)
    XCTAssertEqual(ReportFilter(userText: "逾期或将到期"), .owed)
    XCTAssertEqual(Light(userText: "红"), .red)
  }

  func testNoticeAndListRendering() throws {
    let list = chase("2019-07-15", unit: "区商务局")
    let notice = ChaseNotice.notice(list.units[0], planTitle: doc.plan.title, asOf: list.asOf)
    XCTAssertTrue(notice.hasPrefix(ExportFile.markdownMarker + "\n# 催办通知\n\n区商务局：\n"))
    XCTAssertTrue(notice.contains("根据《2019年区〈政府工作报告〉确定的主要目标任务责任分解方案》"), notice)
    XCTAssertTrue(notice.contains("## 一、逾期未报送（12项）"))
    XCTAssertTrue(notice.contains("| 2.2 | 聚焦前沿招大商"))
    XCTAssertTrue(notice.contains("| 第一季度 | 2019年4月10日 | 逾期 96 天 |"))
    XCTAssertFalse(notice.contains("即将到期"), "nothing due soon on 7/15")
    XCTAssertTrue(notice.hasSuffix("区人民政府督查室  \n2019年7月15日\n"))
    let csv = ChaseNotice.render(list, title: doc.plan.title, format: .csv, lang: .zh)
    XCTAssertEqual(csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count, 2 + 12, "title, header, 12 rows")
    let md = ChaseNotice.render(chase("2019-07-15"), title: doc.plan.title, format: .md, lang: .zh)
    XCTAssertTrue(md.contains("## 区城管委（逾期 28 项，即将到期 0 项）"))
    // One file per unit, named by unit and day, never over a file that is not ours.
    let dir = try Fixtures.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let folder = dir.appendingPathComponent("notices").path
    let written = try ChaseNotice.writeAll(chase("2019-07-15"), planTitle: doc.plan.title, into: folder)
    XCTAssertEqual(written.count, chase("2019-07-15").units.count)
    XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/催办通知-区商务局-2019-07-15.md"))
    try "mine".write(toFile: written[0], atomically: true, encoding: .utf8)
    XCTAssertThrowsError(try ChaseNotice.writeAll(chase("2019-07-15"), planTitle: "", into: folder))
  }

  func testUnitsResemblingAMistypedName() {
    XCTAssertEqual(doc.plan.unitsResembling("商物局").first, "区商务局")
    XCTAssertEqual(doc.plan.unitsResembling("四维街道").first, "四唯街道")
    XCTAssertEqual(doc.plan.unitsResembling("科技").first, "区科技局")
    XCTAssertEqual(doc.plan.unitsResembling("xyz"), [])
  }
}
