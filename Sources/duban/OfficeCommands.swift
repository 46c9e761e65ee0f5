import ArgumentParser
import DubanCore
import DubanTUI
import FoundationEssentials

/// Formats for documents: the text exports, and the office files (.xlsx, .docx).
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
  case md, csv, json, xlsx, docx

  init?(argument: String) { self.init(rawValue: argument.lowercased()) }

  var text: ExportFormat? { ExportFormat(rawValue: rawValue) }
}

extension GlobalOptions {
  /// The period named (an id such as Q1), else the current one.
  func period(_ id: String?, in doc: StoreDocument) throws -> ReportPeriod {
    let periods = doc.plan.calendar.periods
    if let id {
      guard let p = periods.first(where: { $0.id == id || $0.name == id }) else {
        let known = periods.map(\.id).joined(separator: ", ")
        throw Failure(language.pick("没有期次“\(id)”；本方案的期次：\(known)", "no period “\(id)”; this plan has: \(known)"))
      }
      return p
    }
    guard let p = doc.calendar.current(on: day) ?? periods.last else {
      throw Failure(language.pick("本方案没有报送期次", "this plan has no report periods"))
    }
    return p
  }

  /// Writes an office file, never over a file duban did not write unless `force`.
  func writeOffice(_ bytes: [UInt8], to path: String, force: Bool) throws {
    do {
      try OfficeFile.write(bytes, to: path, force: force)
    } catch let refused as ExportFile.Refused {
      throw Failure(language.pick("\(refused.path) 已存在且不是 duban 导出的文件；换一个 --out，或加 --force 覆盖", "\(refused)"))
    }
  }
}

struct FormCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "form",
    abstract: "A unit's period-report form (进展情况报送表) as .xlsx or .csv, to fill in and collect back.",
    discussion:
      "With --unit, --out is the file. Without it, --out is a folder and every unit that files something gets its own file, named after the unit and the period."
  )

  @OptionGroup var global: GlobalOptions

  @Option(help: ArgumentHelp("The unit (any spelling or alias); without it, every unit.", valueName: "name"))
  var unit: String?

  @Option(help: ArgumentHelp("Q1, Q2, Q3 or Y (default: the current period).", valueName: "period"))
  var period: String?

  @Option(
    name: .customLong("format"),
    help: ArgumentHelp(
      "xlsx (default) or csv; with --unit, the extension of --out decides when it is not given.", valueName: "format"))
  var formatOption: OutputFormat?

  @Option(help: ArgumentHelp("The file (with --unit) or the folder (without).", valueName: "path"))
  var out: String

  @Flag(help: "Replace files at --out that are not duban exports.")
  var force = false

  func run() throws {
    try global.reportingErrors {
      let lang = global.language
      // With --unit, --out is a file and its extension counts (`OutputFormat.resolve`); without, a folder.
      let format = try OutputFormat.resolve(formatOption, out: unit == nil ? nil : out, default: .xlsx, lang: lang)
      guard format == .xlsx || format == .csv else {
        throw Failure(lang.pick("报送表只能是 xlsx 或 csv", "a form is xlsx or csv"))
      }
      let (_, doc) = try global.openStore()
      let p = try global.period(period, in: doc)
      if let unit {
        let u = try doc.plan.requireUnit(unit, lang: lang)
        let form = UnitForm(doc, unit: u.name, period: p)
        guard !form.rows.isEmpty else {
          throw Failure(lang.pick("\(u.name)没有要报送的事项", "\(u.name) files for no item"))
        }
        try write(form, to: out, as: format)
        note(lang.pick("已导出到 \(out)（\(form.rows.count) 项）", "exported to \(out) (\(form.rows.count) items)"))
        return
      }
      if OfficeFile.isDirectory(out) == false {
        throw Failure(
          lang.pick(
            "\(out) 不是文件夹（不带 --unit 时 --out 是文件夹）", "\(out) is not a folder (without --unit, --out is a folder)"))
      }
      try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
      let forms = UnitForm.all(doc, period: p)
      for form in forms {
        try write(form, to: out + "/" + form.fileStem + "." + format.rawValue, as: format)
      }
      note(lang.pick("已为 \(forms.count) 个单位导出报送表到 \(out)", "wrote forms for \(forms.count) units to \(out)"))
    }
  }

  func write(_ form: UnitForm, to path: String, as format: OutputFormat) throws {
    if format == .xlsx {
      try global.writeOffice(OfficeHelper.write("xlsx", OfficeExports.form(form), file: path), to: path, force: force)
    } else {
      do {
        try ExportFile.write(form.csv(), to: path, format: .csv, force: force)
      } catch let refused as ExportFile.Refused {
        throw Failure(
          global.language.pick("\(refused.path) 已存在且不是 duban 导出的文件；换一个 --out，或加 --force 覆盖", "\(refused)"))
      }
    }
  }
}

extension ExportTarget {
  /// Writes the .xlsx or .docx when that is the format asked for (true), else leaves it to
  /// the text export (false). Office files go to --out only.
  func emitOffice(
    _ global: GlobalOptions, xlsx: (() -> Workbook)? = nil, docx: (() -> WordDocument)? = nil
  ) throws -> Bool {
    let lang = global.language
    try checkFormat(lang)
    let model: any Encodable
    switch format {
    case .xlsx:
      guard let xlsx else { throw Failure(lang.pick("这份导出没有 xlsx 格式", "this export has no xlsx format")) }
      model = xlsx()
    case .docx:
      guard let docx else { throw Failure(lang.pick("这份导出没有 docx 格式", "this export has no docx format")) }
      model = docx()
    case .md, .csv, .json: return false
    }
    guard let out else {
      throw Failure(lang.pick("\(format.rawValue) 文件需要 --out 指定写到哪里", "an \(format.rawValue) file needs --out"))
    }
    let bytes = try OfficeHelper.write(format.rawValue, model, file: out)
    try global.writeOffice(bytes, to: out, force: force)
    note(lang.pick("已导出到 \(out)", "exported to \(out)"))
    return true
  }
}

struct RemindCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "remind",
    abstract: "The 催办通知 to one unit: the reports it owes (overdue and due soon), as .docx or Markdown.")

  @OptionGroup var global: GlobalOptions

  @Option(help: ArgumentHelp("The unit (any spelling or alias).", valueName: "name"))
  var unit: String

  @Option(
    name: .customLong("format"),
    help: ArgumentHelp(
      "docx or md; without it, the extension of --out decides (docx when it has none), and without --out Markdown goes to standard output.",
      valueName: "format"))
  var formatOption: OutputFormat?

  @Option(help: ArgumentHelp("Write to this file.", valueName: "path"))
  var out: String?

  @Flag(help: "Replace a file at --out that is not a duban export; write the notice even when nothing is owed.")
  var force = false

  func run() throws {
    try global.reportingErrors {
      let lang = global.language
      let (_, doc) = try global.openStore()
      let u = try doc.plan.requireUnit(unit, lang: lang)
      let r = Reminder(doc, unit: u.name, today: global.day)
      // Nothing owed: nothing to chase; say so (--force writes the short notice anyway).
      if r.owed.isEmpty && !force {
        note(
          lang.pick(
            "\(u.name)截至 \(global.day) 没有逾期或即将到期的进展报送，不需要催办；什么也没有写出（加 --force 仍写出通知）",
            "\(u.name) owes no report overdue or due soon as of \(global.day); nothing written (--force writes the notice anyway)"
          ))
        return
      }
      // Without --out and --format, Markdown to standard output, as other exports do.
      let fallback: OutputFormat = out == nil ? .md : .docx
      switch try OutputFormat.resolve(formatOption, out: out, default: fallback, lang: lang) {
      case .docx:
        guard let out else { throw Failure(lang.pick("docx 文件需要 --out 指定写到哪里", "a docx file needs --out")) }
        // The chase list's notice (the words of the Markdown one); a unit that owes nothing
        // gets the short notice that says so.
        let owed = ChaseList(doc, today: global.day, unit: u.name).units.first { $0.unit == u.name }
        let word =
          owed.map { OfficeExports.chaseNoticeDocument($0, planTitle: doc.plan.title, asOf: global.day) }
          ?? OfficeExports.reminderDocument(r)
        try global.writeOffice(OfficeHelper.write("docx", word, file: out), to: out, force: force)
        note(lang.pick("已导出到 \(out)（\(r.owed.count) 项）", "exported to \(out) (\(r.owed.count) items)"))
      case .md:
        // The notice `duban chase --notices` and the dashboard's X write (ChaseNotice); a unit
        // that owes nothing gets the short sentence the .docx notice says.
        let owed = ChaseList(doc, today: global.day, unit: u.name).units.first { $0.unit == u.name }
        let md =
          owed.map { ChaseNotice.notice($0, planTitle: doc.plan.title, asOf: global.day) }
          ?? ExportFile.markdownMarker + "\n# \(r.title)\n\n\(TerminalSafe.line(u.name))：\n\n\(r.body)\n"
        if let out {
          try ExportFile.write(md, to: out, format: .md, force: force)
          note(lang.pick("已导出到 \(out)", "exported to \(out)"))
        } else {
          Output.write(md, format: .md)
        }
      case .csv, .json, .xlsx:
        throw Failure(lang.pick("催办通知只能是 docx 或 md", "a reminder is docx or md"))
      }
    }
  }
}

extension OfficeExports {
  /// The dashboard's X in .xlsx or .docx: built here, laid out by duban-office (the runtime
  /// writes the bytes).
  static let dashboardExport: OfficeExporter = { request, choice, doc, today in
    let file = choice.rawValue
    switch (request, choice) {
    case (.sheet(let unit), .xlsx):
      return try OfficeHelper.write("xlsx", OfficeExports.workPlan(doc, unit: unit), file: file)
    case (.bulletin, .xlsx):
      return try OfficeHelper.write(
        "xlsx", OfficeExports.bulletin(Bulletin(doc, period: nil, today: today)), file: file)
    case (.bulletin, .docx):
      return try OfficeHelper.write(
        "docx", OfficeExports.bulletinDocument(Bulletin(doc, period: nil, today: today)), file: file)
    case (.chaseNotices(let unit?), .docx):
      // One unit's notice: the runtime asks once per unit of the chase list.
      guard let owed = ChaseList(doc, today: today, unit: unit).units.first(where: { $0.unit == unit }) else {
        throw Failure("\(unit)")
      }
      return try OfficeHelper.write(
        "docx", OfficeExports.chaseNoticeDocument(owed, planTitle: doc.plan.title, asOf: today), file: file)
    default: throw Failure("\(choice.rawValue)")
    }
  }
}
