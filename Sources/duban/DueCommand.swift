import ArgumentParser
import DubanCore

struct DueCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "due", abstract: "Reports overdue or due soon, grouped by the unit that files them.")

  @OptionGroup var global: GlobalOptions

  @Flag(help: "Print as JSON.")
  var json = false

  @Option(help: PeriodArgument.help("only that period's reports (default: every period)"))
  var period: PeriodArgument?

  @Option(
    help: ArgumentHelp("Only this unit's reports (any spelling or alias; a group: its members).", valueName: "name"))
  var unit: String?

  struct Entry: Encodable {
    var item: String
    var text: String
    var period: String
    var due: String
    var state: String
    /// The day a late report was filed.
    var filed: String?
  }

  struct UnitDue: Encodable {
    var unit: String
    var overdue: [Entry]
    var dueSoon: [Entry]
    /// Reports filed after their deadline: no longer owed, listed as late.
    var late: [Entry]
  }

  func run() throws {
    try global.reportingErrors {
      let lang = global.language
      let today = global.day
      let (_, doc) = try global.openStore()
      let plan = doc.plan
      let calendar = doc.calendar
      if calendar.periods.isEmpty {
        throw Failure(
          lang.pick(
            "本方案没有报送日期；可在数据文件的 plan.calendar.periods 中添加",
            "this plan has no report dates; add them under plan.calendar.periods in the store"))
      }
      let only = try period?.resolve(in: doc, lang).id
      // Who owes what: ChaseList (ReportDuty's rule), as `chase` and the dashboard list it.
      let unitName = try unit.map { try plan.requireUnit($0, lang: lang, officeOnly: false).name }
      let list = ChaseList(doc, today: today, unit: unitName, order: .document, includeLate: true)
      func entries(_ es: [ChaseList.Entry]) -> [Entry] {
        es.filter { only == nil || $0.period.id == only }.map {
          Entry(
            item: $0.itemID, text: $0.text, period: $0.period.id, due: $0.period.due, state: $0.standing.rawValue,
            filed: $0.filed)
        }
      }
      let ordered = list.units.map {
        UnitDue(unit: $0.unit, overdue: entries($0.overdue), dueSoon: entries($0.dueSoon), late: entries($0.late))
      }.filter { !$0.overdue.isEmpty || !$0.dueSoon.isEmpty || !$0.late.isEmpty }
      if json {
        try Output.json(ordered)
        return
      }
      if ordered.isEmpty {
        Output.write(lang.pick("截至 \(today)，没有逾期或即将到期的报送。\n", "as of \(today), no report is overdue or due soon.\n"))
        return
      }
      var out = lang.pick("截至 \(today) 的报送情况\n", "reports as of \(today)\n")
      for u in ordered {
        let name = TerminalSafe.line(u.unit)  // a heading of one line, whatever the store holds
        out += lang.pick(
          "\n\(name)：逾期 \(u.overdue.count) 项，即将到期 \(u.dueSoon.count) 项，迟报 \(u.late.count) 项\n",
          "\n\(name): \(u.overdue.count) overdue, \(u.dueSoon.count) due soon, \(u.late.count) filed late\n")
        let rows = (u.overdue + u.dueSoon + u.late).map { e in
          [
            e.item, e.period, e.due,
            e.state == "overdue"
              ? lang.pick("逾期", "overdue")
              : e.state == "late"
                ? lang.pick("迟报 ", "filed late ") + (e.filed ?? "") : lang.pick("即将到期", "due soon"),
            e.text,
          ]
        }
        out +=
          TextTable(
            headers: [
              lang.pick("编号", "id"), lang.pick("期次", "period"), lang.pick("截止", "due"), lang.pick("状态", "state"),
              lang.pick("事项", "item"),
            ], rows: rows
          )
          .render(maxWidth: Output.terminalWidth).split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
          + "\n"
      }
      Output.write(out)
    }
  }
}
