import ArgumentParser
import DubanCore

struct DueCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "due", abstract: "Reports overdue or due soon, grouped by the unit that files them.")

  @OptionGroup var global: GlobalOptions

  @Flag(help: "Print as JSON.")
  var json = false

  struct Entry: Encodable {
    var item: String
    var text: String
    var period: String
    var due: String
    var state: String
  }

  struct UnitDue: Encodable {
    var unit: String
    var overdue: [Entry]
    var dueSoon: [Entry]
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
      var byUnit: [String: UnitDue] = [:]
      for item in plan.items {
        let overdue = calendar.overdue(item, on: today)
        let soon = calendar.state(item, on: today) == .dueSoon ? calendar.current(on: today) : nil
        guard !overdue.isEmpty || soon != nil else { continue }
        for unit in ReportingCalendar.reporters(of: item, in: plan) {
          var entry = byUnit[unit] ?? UnitDue(unit: unit, overdue: [], dueSoon: [])
          for p in overdue {
            entry.overdue.append(Entry(item: item.id, text: item.text, period: p.id, due: p.due, state: "overdue"))
          }
          if let p = soon {
            entry.dueSoon.append(Entry(item: item.id, text: item.text, period: p.id, due: p.due, state: "due_soon"))
          }
          byUnit[unit] = entry
        }
      }
      let ordered = plan.units.compactMap { byUnit[$0.name] }
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
          "\n\(name)：逾期 \(u.overdue.count) 项，即将到期 \(u.dueSoon.count) 项\n",
          "\n\(name): \(u.overdue.count) overdue, \(u.dueSoon.count) due soon\n")
        let rows = (u.overdue + u.dueSoon).map { e in
          [
            e.item, e.period, e.due, e.state == "overdue" ? lang.pick("逾期", "overdue") : lang.pick("即将到期", "due soon"),
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
