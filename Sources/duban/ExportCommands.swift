import ArgumentParser
import DubanCore

/// Where an export goes: stdout, or a file that is never one the user wrote by hand.
struct ExportTarget: ParsableArguments {
  @Option(
    name: .customLong("format"),
    help: ArgumentHelp(
      "md (Markdown tables, the default), csv (with a UTF-8 BOM for Excel and WPS), json, xlsx or docx (with --out). Without it, the extension of --out decides; with it, the two must agree.",
      valueName: "format"))
  var formatOption: OutputFormat?

  @Option(help: ArgumentHelp("Write to this file instead of stdout.", valueName: "path"))
  var out: String?

  @Flag(help: "Replace a file at --out that is not a duban export.")
  var force = false

  /// The format to write: --format, else the extension of --out, else Markdown. A
  /// contradiction between the two is refused by `checkFormat` before anything is written.
  var format: OutputFormat { formatOption ?? OutputFormat(extensionOf: out) ?? .md }

  var exportFormat: ExportFormat { format.text ?? .md }

  func checkFormat(_ lang: Lang) throws {
    _ = try OutputFormat.resolve(formatOption, out: out, default: .md, lang: lang)
  }

  func emit(_ content: String, lang: Lang) throws {
    try checkFormat(lang)
    guard let out else {
      Output.write(content, format: exportFormat)
      return
    }
    do {
      try ExportFile.write(content, to: out, format: exportFormat, force: force)
    } catch let refused as ExportFile.Refused {
      throw Failure(lang.pick("\(refused.path) 已存在且不是 duban 导出的文件；换一个 --out，或加 --force 覆盖", "\(refused)"))
    }
    note(lang.pick("已导出到 \(out)", "exported to \(out)"))
  }
}

struct SheetCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sheet", abstract: "A unit's work plan (办理方案) in the template's columns.")

  @OptionGroup var global: GlobalOptions
  @OptionGroup var target: ExportTarget

  @Option(help: ArgumentHelp("The unit (any spelling or alias).", valueName: "name"))
  var unit: String

  func run() throws {
    try global.reportingErrors {
      let lang = global.language
      let (_, doc) = try global.openStore()
      let u = try doc.plan.requireUnit(unit, lang: lang)
      if try target.emitOffice(global, xlsx: { OfficeExports.workPlan(doc, unit: u.name) }) { return }
      try target.emit(WorkPlanSheet.render(doc, unit: u.name, format: target.exportFormat), lang: lang)
    }
  }
}

struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "The bulletin (通报) for a period: totals, a table per unit, lagging items and units.",
    discussion: "Without --period: the last period whose deadline has passed (as of --today), else the current one.")

  @OptionGroup var global: GlobalOptions
  @OptionGroup var target: ExportTarget

  @Option(help: PeriodArgument.help("default: the last one past its deadline, else the current one"))
  var period: PeriodArgument?

  func run() throws {
    try global.reportingErrors {
      let lang = global.language
      let (_, doc) = try global.openStore()
      let period = try period?.resolve(in: doc, lang).id
      let bulletin = Bulletin(doc, period: period, today: global.day)
      if try target.emitOffice(
        global, xlsx: { OfficeExports.bulletin(bulletin) }, docx: { OfficeExports.bulletinDocument(bulletin) })
      {
        return
      }
      try target.emit(bulletin.render(target.exportFormat), lang: lang)
    }
  }
}
