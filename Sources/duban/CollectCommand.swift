import ArgumentParser
import DubanCore
import DubanTUI
import FoundationEssentials

struct CollectCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "collect",
    abstract: "Read filled forms back (.xlsx from Excel, WPS or LibreOffice, or .csv): period reports and work plans.",
    discussion:
      "Unit and period come from the form's title row, rows are matched by 编号. A bad row (an unknown item, one the unit does not file for, progress outside 0–100, changed item text, another plan's form, a broken header, a repeated row) is named with file, sheet, row and column, and nothing is written unless --partial. Collecting the same file twice changes nothing."
  )

  @OptionGroup var global: GlobalOptions

  @Argument(help: ArgumentHelp("Filled forms, or folders of them.", valueName: "file"))
  var files: [String]

  @Flag(help: "Only print what would change.")
  var dryRun = false

  @Flag(help: "Apply the good rows even when some rows are bad.")
  var partial = false

  func run() throws {
    try global.reportingErrors {
      let lang = global.language
      let (store, doc) = try global.openStore()
      let batch = try Collecting.batch(files, lang: lang)
      let day = global.day
      let forms = batch.forms(doc, day: day)
      let problems = forms.flatMap(\.problems)
      for p in problems { note(p.message(lang)) }
      // Refused: only the problems and the refusal, never the changes that were not made
      // (with --dry-run too: nothing would be written).
      if !problems.isEmpty && !partial {
        throw Failure(
          lang.pick(
            "\(problems.count) 处问题，什么也没有写入（改正后重收，或加 --partial 只收正确的行）",
            "\(CollectSummary.problems(problems.count, .en)); nothing written (fix them and collect again, or add --partial for the good rows)"
          ))
      }
      for n in forms.flatMap(\.notes) { note(n.message(lang)) }
      Output.write(TerminalSafe.block(Collecting.summary(forms, doc: doc, lang: lang, partial: partial)))
      let total = forms.map(\.changeCount).reduce(0, +)
      if dryRun || total == 0 {
        let none =
          CollectSummary.nothingFilled(forms)
          ? lang.pick("没有变化：表格未填写\n", "nothing changed: nothing is filled in\n")
          : lang.pick("没有变化\n", "nothing changed\n")
        Output.write(total == 0 ? none : lang.pick("试运行：未写入\n", "dry run: nothing written\n"))
        return
      }
      let user = global.currentUser()
      let time = Timestamp.now(on: global.today)
      // On the newest file: each form is read again against it and applied, all or none.
      let (_, applied) = try store.update { newest -> Int in
        try batch.apply(to: &newest, user: user, time: time, day: day, partial: partial).count
      }
      Output.write(
        lang.pick("已收集：\(total) 项变更（历史记录 \(applied) 条）\n", "collected: \(total) changes (\(applied) history entries)\n")
      )
    }
  }
}

/// Finding, reading and summarising filled forms (the command and the dashboard's `I`).
enum Collecting {
  static func name(_ path: String) -> String { String(path.split(separator: "/").last ?? Substring(path)) }

  static let extensions = ["xlsx", "csv"]

  /// Files as given; folders give their .xlsx and .csv files, sorted (lock files of
  /// Excel and LibreOffice, ~$… and .~lock…, left out).
  static func expand(_ paths: [String], lang: Lang) throws -> [String] {
    var out: [String] = []
    for p in paths {
      guard let isDir = OfficeFile.isDirectory(p) else {
        throw Failure(lang.pick("\(p)：文件不存在", "\(p): no such file"))
      }
      if isDir {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: p)) ?? []
        for n in names.sorted()
        where extensions.contains(n.split(separator: ".").last.map { $0.lowercased() } ?? "")
          && !n.hasPrefix("~$") && !n.hasPrefix(".")
        {
          out.append(p.hasSuffix("/") ? p + n : p + "/" + n)
        }
      } else {
        out.append(p)
      }
    }
    guard !out.isEmpty else { throw Failure(lang.pick("没有可收集的 .xlsx 或 .csv 文件", "no .xlsx or .csv files to collect")) }
    return out
  }

  static func sheets(_ path: String, lang: Lang, quiet: Bool = false) throws -> [SheetGrid] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw Failure(lang.pick("\(path)：无法读取", "\(path): cannot be read"))
    }
    let bytes = [UInt8](data)
    let name = name(path)
    if bytes.starts(with: [0x50, 0x4B]) {
      do {
        return try OfficeHelper.readForm(path: path, quiet: quiet)
      } catch let e as OfficeReadError {
        throw Failure(
          lang.pick(
            "\(name)：不是可读的 .xlsx 工作簿（\(describe(e, .zh))）",
            "\(name): not a readable .xlsx workbook (\(describe(e, .en)))"))
      }
    }
    guard name.lowercased().hasSuffix(".csv") else {
      throw Failure(lang.pick("\(name)：不是 .xlsx 或 .csv 文件", "\(name): not an .xlsx or .csv file"))
    }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw Failure(
        lang.pick("\(name)：CSV 不是 UTF-8 编码（请另存为“CSV UTF-8”）", "\(name): the CSV is not UTF-8 (save it as “CSV UTF-8”)"))
    }
    return [CSVReader.grid(text, sheet: "")]
  }

  static func describe(_ e: OfficeReadError, _ lang: Lang) -> String {
    switch e {
    case .notZip: return lang.pick("文件已损坏或不是 zip 格式", "damaged, or not a zip container")
    case .tooLarge: return lang.pick("内容过大", "its content is too large")
    case .corrupt(let p): return lang.pick("\(p) 已损坏", "\(p) is damaged")
    case .notWorkbook: return lang.pick("其中没有工作表", "it holds no worksheet")
    case .badPart(let p): return lang.pick("\(p) 不是有效的 XML", "\(p) is not valid XML")
    }
  }

  /// Files or folders, read into the sheets collect works on (the command and the
  /// dashboard's `I`, which hands this to its runtime).
  static func batch(_ paths: [String], lang: Lang, quiet: Bool = false) throws -> CollectBatch {
    let inputs = try expand(paths, lang: lang)
    return CollectBatch(
      files: try inputs.map { .init(name: name($0), sheets: try sheets($0, lang: lang, quiet: quiet)) })
  }

  /// The dashboard's `I` reads the same way (duban-office's stderr kept off its screen); a
  /// failure comes back as the message the command would print.
  static let dashboardReader: FormReader = { path, lang in
    do {
      return .success(try batch([path], lang: lang, quiet: true))
    } catch let e as ImportError {
      return .failure(FormReadFailure(e.message(lang)))
    } catch {
      return .failure(FormReadFailure("\(error)"))
    }
  }

  /// What changes, per file, unit and item (one line each).
  static func summary(_ forms: [FormCollect.Form], doc: StoreDocument, lang: Lang, partial: Bool = false) -> String {
    CollectSummary.lines(forms, doc: doc, lang: lang, partial: partial).map { $0 + "\n" }.joined()
  }
}
