import XCTest

@testable import DubanCore

/// The 2019 Jiang'an document, item by item.
final class SeedImportTests: XCTestCase {
  var plan: Plan!

  override func setUpWithError() throws { plan = try Fixtures.seedPlan() }

  func testCountsByPart() {
    XCTAssertEqual(plan.items.count, 90)
    XCTAssertEqual(plan.parts.map(\.ordinal), [1, 2, 3])
    XCTAssertEqual(plan.parts.map { p in plan.items.filter { $0.part == p.ordinal }.count }, [6, 67, 17])
    XCTAssertEqual(plan.parts.map(\.declaredCount), [6, 67, 17])
    XCTAssertEqual(plan.parts[1].sections.count, 5)
    XCTAssertEqual(plan.parts[1].sections.reduce(0) { $0 + $1.groups.count }, 15)
    XCTAssertEqual(plan.parts[2].sections.count, 10)
    XCTAssertEqual(plan.parts[0].sections.count, 0, "part 一's (一) lines carry units: they are items")
    XCTAssertFalse(plan.warnings.contains { $0.kind == .countMismatch })
  }

  func testNamedItems() throws {
    let i21 = try XCTUnwrap(plan.item(id: "2.1"))
    XCTAssertEqual(i21.allUnits, ["区商务局", "区财政局"])
    let i12 = try XCTUnwrap(plan.item(id: "1.2"))
    XCTAssertEqual(i12.lead, ["区财政局"])
    XCTAssertEqual(i12.responsible, ["区税务局"])
    XCTAssertEqual(i12.number, "二")
    XCTAssertEqual(i12.text, "区级一般公共预算收入增长6%以上。")
    let i229 = try XCTUnwrap(plan.item(id: "2.29"))
    XCTAssertEqual(i229.responsible, ["区商务局"])
    XCTAssertEqual(i229.text, "造与国际接轨营商环境,对接“一带一路”战略,进一步做好“引进来、走出去”工作。")
    let i24 = try XCTUnwrap(plan.item(id: "2.4"))
    XCTAssertEqual(i24.responsible, ["汉口历史文化风貌街区<创谷>项目建设指挥部", "区建设局", "区文体旅游委", "区国资公司"])
    let i35 = try XCTUnwrap(plan.item(id: "3.5"))
    XCTAssertEqual(i35.lead, ["区行政审批局"])
    XCTAssertEqual(i35.responsible, ["相关职能部门", "各街道", "百步亭社区"])
    XCTAssertEqual(plan.item(id: "2.1")?.section, "坚持以高质量发展为导向,着力提高经济密度")
    XCTAssertEqual(plan.item(id: "2.1")?.group, "狠抓招商增强总部能级")
    XCTAssertEqual(plan.item(id: "3.17")?.section, "聚焦残疾人关爱")
  }

  /// Every item against the reviewed golden table: number, section, group, lead, responsible.
  func testEveryItemMatchesGolden() throws {
    let golden = try String(contentsOf: Fixtures.goldenDir.appendingPathComponent("seed-items.tsv"), encoding: .utf8)
      .split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0.components(separatedBy: "\t") }
    XCTAssertEqual(golden.count, plan.items.count)
    for (row, item) in zip(golden, plan.items) {
      let actual = [
        item.id, item.number, item.section ?? "-", item.group ?? "-",
        item.lead.joined(separator: "、").isEmpty ? "-" : item.lead.joined(separator: "、"),
        item.responsible.joined(separator: "、").isEmpty ? "-" : item.responsible.joined(separator: "、"),
      ]
      XCTAssertEqual(actual, row, "item \(item.id)")
    }
  }

  /// Item text is exactly as printed: the source line is the label, the text, the clause.
  func testItemTextIsExactlyAsPrinted() throws {
    let lines = try Fixtures.seedLines()
    for item in plan.items {
      let source = lines[item.line - 1].trimmingCharacters(in: .whitespaces)
      XCTAssertTrue(source.contains(item.text), "item \(item.id) text differs from line \(item.line)")
      XCTAssertFalse(item.text.contains("责任单位"), "item \(item.id) keeps its clause")
      XCTAssertFalse(item.text.isEmpty)
    }
  }

  func testUnitsAndAliases() throws {
    let byName = Dictionary(uniqueKeysWithValues: plan.units.map { ($0.name, $0) })
    XCTAssertEqual(Set(byName["区商务局"]!.aliases), ["商务局", "招商局", "区商务局〈招商局〉", "区商务局〈招商"])
    XCTAssertTrue(byName["区财政局"]!.aliases.contains("金融工作局"))
    XCTAssertEqual(byName["区国资公司"]?.aliases, ["国资公司"])
    XCTAssertNil(byName["国资公司"])
    XCTAssertNil(byName["商务局招商局财政局金融工作局"])
    for group in ["各街道", "相关街道", "相关职能部门"] {
      XCTAssertEqual(byName[group]?.kind, .group, group)
    }
    XCTAssertEqual(plan.units.filter { $0.kind == .group }.count, 3)
    XCTAssertEqual(plan.unit(named: "园林局")?.name, "区民防办")
    XCTAssertEqual(plan.unit(named: "商务局")?.name, "区商务局")
    XCTAssertEqual(Set(plan.units.map(\.name)).count, plan.units.count, "one unit per office")
  }

  func testCalendarWithDroppedCharacters() {
    let c = plan.calendar
    XCTAssertEqual(c.published, "2019-01-14")
    XCTAssertEqual(c.issued, "2019-01-11")
    XCTAssertEqual(c.workPlanDue, "2019-01-28")
    XCTAssertEqual(c.periods.map(\.id), ["Q1", "Q2", "Q3", "Y"])
    XCTAssertEqual(c.periods.map(\.due), ["2019-04-10", "2019-07-10", "2019-10-10", "2019-12-25"])
    XCTAssertTrue(c.remarks.isEmpty)
  }

  func testEveryRepairIsAWarningWithItsLine() {
    func has(_ line: Int, _ kind: ImportWarning.Kind) -> Bool {
      plan.warnings.contains { $0.line == line && $0.kind == kind }
    }
    XCTAssertTrue(has(92, .splitUnits))
    XCTAssertTrue(has(92, .unclosedBracket))
    XCTAssertTrue(has(98, .splitUnits))
    XCTAssertTrue(has(98, .mergedAlias))
    XCTAssertTrue(has(160, .unclosedBracket))
    XCTAssertTrue(has(260, .advertising), "365bet in item 2.67")
    XCTAssertTrue(has(40, .repairedDate))
    XCTAssertTrue(has(44, .repairedDate))
    XCTAssertTrue(has(54, .repairedDate))
    XCTAssertTrue(plan.item(id: "2.67")!.text.contains("365bet"), "text stays as printed")
  }
}
