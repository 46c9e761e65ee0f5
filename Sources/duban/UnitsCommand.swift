import ArgumentParser
import DubanCore

struct UnitsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "units", abstract: "List units with the items they lead and join.")

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
  }

  func run() throws {
    try reportingErrors {
      let lang = global.language
      let (_, doc) = try global.openStore()
      let loads = doc.plan.workload()
      if json {
        try Output.json(
          loads.map {
            Row(
              name: $0.unit.name, aliases: $0.unit.aliases, kind: $0.unit.kind, lead: $0.lead,
              responsible: $0.responsible, total: $0.total)
          })
        return
      }
      let headers = [
        lang.pick("单位", "unit"), lang.pick("类型", "kind"), lang.pick("牵头", "lead"), lang.pick("责任", "resp."),
        lang.pick("合计", "total"), lang.pick("别名", "aliases"),
      ]
      let rows = loads.map { l in
        [
          l.unit.name, l.unit.kind.label(lang), "\(l.lead)", "\(l.responsible)", "\(l.total)",
          l.unit.aliases.joined(separator: "、"),
        ]
      }
      Output.write(
        TextTable(headers: headers, rows: rows, rightAligned: [2, 3, 4]).render(maxWidth: Output.terminalWidth))
    }
  }
}
