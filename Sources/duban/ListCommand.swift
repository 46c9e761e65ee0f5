import ArgumentParser
import DubanCore

#if canImport(Glibc)
  import Glibc
#endif

struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List items as an aligned table, or as JSON.")

  @OptionGroup var global: GlobalOptions

  @Flag(help: "Print items as JSON.")
  var json = false

  @Option(help: ArgumentHelp("Only items naming this unit (any spelling or alias).", valueName: "name"))
  var unit: String?

  @Option(help: ArgumentHelp("Only items of this part (1, 2, 3…).", valueName: "n"))
  var part: Int?

  @Option(
    help: ArgumentHelp(
      "Only items with this status: not_started, in_progress, done, blocked (or 未开始 推进中 已完成 滞后).", valueName: "status"))
  var status: Status?

  @Option(help: ArgumentHelp("Only items with this light: red, yellow, green (or 红 黄 绿).", valueName: "light"))
  var light: Light?

  @Option(
    help: ArgumentHelp(
      "Only items whose reports are: overdue, due_soon, owed (either), late, filed (this period). With --unit, that unit's own reports.",
      valueName: "state"))
  var report: ReportFilter?

  func run() throws {
    try global.reportingErrors {
      let lang = global.language
      // The table needs no notes or history: read without them. JSON shows everything, and
      // report states need the reports and the history (when an item was done).
      let summary = try json || report != nil ? StoreSummary(global.openStore().1) : global.openStoreSummary()
      let (plan, settings) = (summary.plan, summary.settings)
      let schedule = Schedule(plan: plan, settings: settings, today: global.day)
      let duty = ReportDuty(plan: plan, settings: settings)
      var unitName: String? = nil
      if let unit {
        unitName = try plan.requireUnit(unit, lang: lang, officeOnly: false).name
      }
      // The filters combine: ItemFilter, the rule the dashboard narrows its list with.
      let filter = ItemFilter(unit: unitName, light: light, report: report, status: status, part: part)
        .bound(plan: plan, settings: settings, today: global.day)
      func keep(_ item: Item) -> Bool { filter.matches(item) }
      if json {
        try Output.json(plan.items.filter(keep).map { ItemJSON($0, schedule: schedule, duty: duty, unit: unitName) })
        return
      }
      var headers = [
        lang.pick("编号", "id"), lang.pick("状态", "status"), lang.pick("进度", "progress"), lang.pick("序时", "expected"),
        lang.pick("灯", "light"), lang.pick("牵头单位", "lead"),
        lang.pick("事项", "item"),
      ]
      // With --unit: how the item reaches the unit (牵头, 责任, or 经 各街道 through a group).
      if unitName != nil { headers.insert(lang.pick("关系", "role"), at: 6) }
      // Rows are made as the table needs them: 10,000 rows of strings are never held.
      let shown = plan.items.indices.filter { keep(plan.items[$0]) }
      let table = TextTable(headers: headers, rowCount: shown.count, rightAligned: [2, 3]) { r in
        let item = plan.items[shown[r]]
        var row = [
          item.id, item.status.label(lang), "\(item.progress)%", "\(schedule.expected(item))%",
          schedule.light(item).label(lang), item.lead.joined(separator: "、").nilIfEmpty ?? "—", item.text,
        ]
        if let unitName {
          let role =
            item.lead.contains(unitName)
            ? lang.pick("牵头", "lead")
            : duty.via(item, unit: unitName).map { lang.pick("经 ", "via ") + $0 } ?? lang.pick("责任", "joined")
          row.insert(role, at: 6)
        }
        return row
      }
      if Output.useColor {
        // Colour the status words after alignment, so escape codes never affect widths.
        Output.write(table.render(maxWidth: Output.terminalWidth)) { text in
          var text = text
          for s in Status.allCases {
            text = text.replacing("  \(s.label(lang))  ", with: "  \(Output.status(s, lang))  ")
          }
          return text
        }
      } else {
        table.write(maxWidth: Output.terminalWidth) { Output.write(lines: $0) }
      }
      Output.exitWithoutCleanUp()
    }
  }
}
