import ArgumentParser
import DubanCore

struct UnitsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "units", abstract: "List units with their load, lights and overdue reports.")

  @OptionGroup var global: GlobalOptions

  @Flag(help: "Print units as JSON.")
  var json = false

  struct Row: Encodable {
    var name: String
    var aliases: [String]
    var kind: Unit.Kind
    var lead: Int
    var responsible: Int
    var total: Int
    /// Items reaching the unit through a group it belongs to (counted in responsible and total).
    var viaGroup: Int
    var weighted: Double
    var statuses: [String: Int]
    var lights: LightCounts
    var behind: Int
    var reportsOverdue: Int
    var reportsDueSoon: Int
    /// For a group reference: the units it stands for, and whether that is assumed.
    var members: [String]?
    var membersAssumed: Bool?
  }

  func run() throws {
    try global.reportingErrors {
      let lang = global.language
      let (_, doc) = try global.openStore()
      let loads = doc.plan.workload(settings: doc.settings, today: global.day)
      if json {
        try Output.json(
          loads.map { l in
            let membership = l.unit.kind == .group ? doc.settings.membership(of: l.unit.name, in: doc.plan) : nil
            return Row(
              name: l.unit.name, aliases: l.unit.aliases, kind: l.unit.kind, lead: l.lead, responsible: l.responsible,
              total: l.total, viaGroup: l.viaGroup, weighted: l.weighted,
              statuses: Dictionary(uniqueKeysWithValues: Status.allCases.map { ($0.rawValue, l.statuses[$0] ?? 0) }),
              lights: l.lights, behind: l.lights.behind, reportsOverdue: l.reportsOverdue,
              reportsDueSoon: l.reportsDueSoon, members: membership?.members, membersAssumed: membership?.assumed)
          })
        return
      }
      let headers = [
        lang.pick("单位", "unit"), lang.pick("类型", "kind"), lang.pick("牵头", "lead"), lang.pick("责任", "resp."),
        lang.pick("合计", "total"), lang.pick("经泛指", "via grp"), lang.pick("负荷", "load"), lang.pick("滞后", "behind"),
        lang.pick("逾期", "late"),
        lang.pick("别名", "aliases"),
      ]
      let rows = loads.map { l in
        [
          l.unit.name, l.unit.kind.label(lang), "\(l.lead)", "\(l.responsible)", "\(l.total)", "\(l.viaGroup)",
          Target.format(l.weighted),
          "\(l.lights.behind)", "\(l.reportsOverdue)", l.unit.aliases.joined(separator: "、"),
        ]
      }
      Output.write(
        TextTable(headers: headers, rows: rows, rightAligned: [2, 3, 4, 5, 6, 7, 8]).render(
          maxWidth: Output.terminalWidth)
      )
    }
  }
}
