import ArgumentParser
import DubanCore
import FoundationEssentials

struct ChaseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "chase",
    abstract: "The chase list (催办): every report overdue or due soon, by unit, most overdue first.",
    discussion: """
      Without --format, an aligned table; --format md or csv for a file (--out). --notices DIR \
      writes one 催办通知 per unit into DIR (Markdown), as the dashboard's X does in its chase view.
      """)

  @OptionGroup var global: GlobalOptions

  @Option(help: ArgumentHelp("Only this unit (any spelling or alias; a group: its members).", valueName: "name"))
  var unit: String?

  @Option(help: ArgumentHelp("md or csv (default: a table for the terminal).", valueName: "format"))
  var format: ExportFormat?

  @Option(help: ArgumentHelp("Write to this file instead of stdout.", valueName: "path"))
  var out: String?

  @Option(help: ArgumentHelp("Write one 催办通知 per unit into this folder.", valueName: "dir"))
  var notices: String?

  @Flag(help: "Replace files that are not duban exports.")
  var force = false

  func run() throws {
    try global.reportingErrors {
      let lang = global.language
      let today = global.day
      let (_, doc) = try global.openStore()
      if format == .json {
        throw Failure(lang.pick("chase 只支持 --format md 或 csv", "chase takes --format md or csv"))
      }
      let unitName = try unit.map { try doc.plan.requireUnit($0, lang: lang, officeOnly: false).name }
      let list = ChaseList(doc, today: today, unit: unitName)
      if let notices {
        try writeNotices(list, doc: doc, into: notices, lang: lang)
        return
      }
      guard let format else {
        guard out == nil else {
          throw Failure(lang.pick("--out 需要 --format md 或 csv", "--out needs --format md or csv"))
        }
        Output.write(table(list, lang))
        return
      }
      let content = ChaseNotice.render(list, title: doc.plan.title, format: format, lang: lang)
      guard let out else { return Output.write(content, format: format) }
      do {
        try ExportFile.write(content, to: out, format: format, force: force)
      } catch let refused as ExportFile.Refused {
        throw Failure(lang.pick("\(refused.path) 已存在且不是 duban 导出的文件；换一个 --out，或加 --force 覆盖", "\(refused)"))
      }
      note(lang.pick("已导出到 \(out)", "exported to \(out)"))
    }
  }

  func table(_ list: ChaseList, _ lang: Lang) -> String {
    if list.isEmpty {
      return lang.pick("截至 \(list.asOf)，没有逾期或即将到期的报送。\n", "as of \(list.asOf), no report is overdue or due soon.\n")
    }
    var out = lang.pick(
      "催办清单（截至 \(list.asOf)）：\(list.units.count) 个单位，逾期未报 \(list.overdueCount) 项，即将到期 \(list.dueSoonCount) 项\n",
      "chase list as of \(list.asOf): \(list.unitsLabel), \(list.overdueCount) overdue, \(list.dueSoonCount) due soon\n"
    )
    for u in list.units {
      out += lang.pick(
        "\n\(TerminalSafe.line(u.unit))：逾期 \(u.overdue.count) 项，即将到期 \(u.dueSoon.count) 项\n",
        "\n\(TerminalSafe.line(u.unit)): \(u.overdue.count) overdue, \(u.dueSoon.count) due soon\n")
      let rows = u.owed.map { e in
        [e.itemID, e.period.id, e.due.description, ChaseNotice.days(e, lang), e.text]
      }
      out +=
        TextTable(
          headers: [
            lang.pick("编号", "id"), lang.pick("期次", "period"), lang.pick("截止", "due"), lang.pick("情况", "state"),
            lang.pick("事项", "item"),
          ], rows: rows
        )
        .render(maxWidth: Output.terminalWidth).split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n"
    }
    return out
  }

  func writeNotices(_ list: ChaseList, doc: StoreDocument, into dir: String, lang: Lang) throws {
    if list.isEmpty {
      note(lang.pick("截至 \(list.asOf)，没有需要催办的单位；什么也没有写。", "as of \(list.asOf), nobody to chase; nothing written."))
      return
    }
    do {
      try ChaseNotice.writeAll(list, planTitle: doc.plan.title, into: dir, force: force)
    } catch let refused as ExportFile.Refused {
      throw Failure(lang.pick("\(refused.path) 已存在且不是 duban 导出的文件；加 --force 覆盖", "\(refused)"))
    } catch {
      throw Failure(lang.pick("\(dir)：无法写入催办通知（\(error)）", "\(dir): cannot write the notices (\(error))"))
    }
    note(lang.pick("已写 \(list.units.count) 份催办通知到 \(dir)", "wrote \(list.units.count) chase notices to \(dir)"))
  }
}
