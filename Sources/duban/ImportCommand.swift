import ArgumentParser
import DubanCore
import DubanTUI
import DubanTerm
import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#endif

struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract:
      "Import a responsibility-breakdown document (text in UTF-8 or GB18030, .docx, .xlsx, .html; .pdf, .doc and .wps through pdftotext, antiword, catdoc or LibreOffice) into a store.",
    discussion:
      "Every repair the importer makes is printed as a warning with its line number and kept in the plan. On a terminal, a document with repairs opens in a review screen first (accept, edit, merge or split, u undoes; decisions are kept on the warnings); --yes accepts them all without it. Abandoning the review writes nothing and exits 3. The plan goes to --out, else --store or $DUBAN_STORE (made if new), else the default store; with --json only to --out or --store."
  )

  @OptionGroup var global: GlobalOptions

  @Argument(help: "The document: text, .docx, .xlsx, .html, .pdf, .doc or .wps.")
  var document: String

  @Option(help: ArgumentHelp("Write the plan to this store file instead of the default store.", valueName: "path"))
  var out: String?

  @Flag(
    help:
      "Print the imported plan as JSON on stdout (the summary goes to stderr); a store is written only when --out or --store names it."
  )
  var json = false

  @Flag(help: "Replace an existing store (its previous version is kept as <store>.bak).")
  var force = false

  @Flag(help: "Parse and report, write nothing.")
  var dryRun = false

  @Flag(name: [.customShort("y"), .long], help: "Accept every repair without the review screen (for scripts).")
  var yes = false

  func run() throws {
    try global.reportingErrors {
      let lang = global.language
      // A large document takes seconds: say how far it is, on a terminal only.
      let showProgress = isatty(STDERR_FILENO) == 1
      let result = try DocumentSource.importFile(at: document) { done in
        guard showProgress else { return }
        Output.write(lang.pick("\r导入中… \(Int(done * 100))%", "\rimporting… \(Int(done * 100))%"), to: STDERR_FILENO)
      }
      if showProgress { Output.write("\r\u{1B}[K", to: STDERR_FILENO) }
      // The store keeps the warnings in the language the import ran in.
      var plan = result.plan
      plan.warnings = plan.warnings.map { $0.localized(lang) }
      plan.imported = global.day.description
      let target = out ?? global.storePath
      let store = Store(path: target, notify: global.noticePrinter)
      // Import is how a store is made: into --out, --store or $DUBAN_STORE, new or (with
      // --force) replaced. With --json the plan goes to stdout, and to a store only when the
      // command line names one (--out, --store): never the default store or $DUBAN_STORE.
      let writes = !dryRun && (!json || out != nil || global.store != nil)
      if writes {
        // Refused before the review, so no decision is made for nothing.
        if store.exists && !force {
          throw Failure(
            lang.pick(
              "\(target) 已存在；加 --force 覆盖（旧版本保留为 .bak），或用 --out 指定新文件",
              "\(target) already exists; add --force to replace it (the old one is kept as .bak), or choose another file with --out"
            ))
        }
        if yes {
          plan.acceptUndecided(stamp: global.stamp())
        } else if !json, !plan.warnings.isEmpty, isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 {
          guard let reviewed = try review(plan) else {
            // Not a success: a script must not go on as if the store were there.
            note(
              lang.pick(
                "duban: 已放弃导入，未写入任何文件（退出码 \(Self.abandoned)）",
                "duban: import abandoned: nothing written (exit code \(Self.abandoned))"))
            throw ExitCode(Self.abandoned)
          }
          plan = reviewed
        }
        try store.save(StoreDocument(plan: plan))
      }
      var summary = summaryText(plan, encoding: result.encoding, lang: lang)
      summary +=
        writes
        ? lang.pick("已写入 \(target)\n", "written to \(target)\n")
        : dryRun
          ? lang.pick("（试运行，未写入）\n", "(dry run: nothing written)\n")
          : lang.pick(
            "（--json 只输出，未写入数据文件；要写入请加 --out 文件）\n",
            "(--json prints only: no store written; add --out FILE to write one)\n")
      let open = plan.warnings.filter { $0.decision == nil }.count
      if writes, open > 0 {
        summary += lang.pick(
          "\(open) 条修正未审核：打开 duban，相关事项以“疑”标出（i 修改，v 确认）；或用 --yes 全部接受\n",
          "\(open) repairs not reviewed: duban marks their items 疑 (i fixes, v marks checked); --yes accepts them all\n"
        )
      }
      if json {
        note(summary)
        try Output.json(plan)
      } else {
        Output.write(summary)
      }
    }
  }

  /// The review screen: the plan with the clerk's decisions, or nil when abandoned.
  func review(_ plan: Plan) throws -> Plan? {
    let lang = global.language
    let terminal: Terminal
    do {
      terminal = try Terminal(noColor: global.environment["NO_COLOR"] != nil)
    } catch {
      note("duban: \(error)")
      throw ExitCode(2)
    }
    let size = terminal.size
    var state = ImportReviewState(
      plan: plan, document: document, lang: lang, today: global.day, user: global.currentUser(), rows: size.rows,
      columns: size.columns)
    let (outcome, signal) = ReviewLoop.run(&state, on: terminal) { global.stamp().time }
    terminal.stop()
    if signal != 0 {
      note(lang.pick("duban: 导入审核被中断，未写入", "duban: the import review was interrupted; nothing written"))
      throw ExitCode(128 + signal)
    }
    return outcome == .write ? state.plan : nil
  }

  /// The exit code of an import abandoned in the review: nothing was written.
  static let abandoned: Int32 = 3

  func summaryText(_ plan: Plan, encoding: String, lang: Lang) -> String {
    var s = lang.pick(
      "导入 \(document)（\(encoding)）：\(plan.title)\n", "imported \(document) (\(encoding)): \(plan.title)\n")
    for part in plan.parts {
      let count = plan.items.filter { $0.part == part.ordinal }.count
      let groups = part.sections.reduce(0) { $0 + $1.groups.count }
      let sections = part.sections.filter { !$0.title.isEmpty }.count
      s += lang.pick(
        "  \(part.number.isEmpty ? "" : part.number + "、")\(part.title)：\(count) 项，\(sections) 个板块，\(groups) 个分组\n",
        "  part \(part.ordinal) \(part.title): \(count) items, \(sections) sections, \(groups) groups\n")
    }
    let unitCount = plan.units.filter { $0.kind == .unit }.count
    let groupCount = plan.units.count - unitCount
    s += lang.pick(
      "  共 \(plan.items.count) 项；\(unitCount) 个单位，\(groupCount) 个泛指单位\n",
      "  \(plan.items.count) items; \(unitCount) units, \(groupCount) group references\n")
    let c = plan.calendar
    s += lang.pick(
      "  日历：印发 \(c.issued ?? "—")，方案报送 \(c.workPlanDue ?? "—")，进展报送 \(c.periods.map { "\($0.name) \($0.due)" }.joined(separator: "、").nilIfEmpty ?? "—")\n",
      "  calendar: issued \(c.issued ?? "—"), work plans due \(c.workPlanDue ?? "—"), reports due \(c.periods.map { "\($0.id) \($0.due)" }.joined(separator: ", ").nilIfEmpty ?? "—")\n"
    )
    if !plan.warnings.isEmpty {
      s += lang.pick("修正与提示（\(plan.warnings.count)）：\n", "repairs and warnings (\(plan.warnings.count)):\n")
      for w in plan.warnings {
        let place = w.cell.map { "\(document):\($0)" } ?? (w.line > 0 ? "\(document):\(w.line)" : document)
        let decided = w.decision.map { lang.pick("（\(ImportDecision.label($0, lang))）", " (\($0))") } ?? ""
        s += "  \(place): [\(w.kind.label(lang))] \(w.message(lang))\(decided)\n"
      }
    }
    return s
  }
}

extension String {
  var nilIfEmpty: String? { isEmpty ? nil : self }
}
