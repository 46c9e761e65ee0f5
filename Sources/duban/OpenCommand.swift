import ArgumentParser
import DubanCore
import DubanTUI
import DubanTerm
import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#endif

struct OpenCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "open", abstract: "Open the dashboard (the default).")

  @OptionGroup var global: GlobalOptions

  @Flag(help: "Draw borders with + - | for terminals that draw box characters double-width.")
  var asciiBorders = false

  @Flag(help: "Count ambiguous-width characters (“ ” … ○) as two columns, as some CJK terminals draw them.")
  var ambiguousWide = false

  @Option(
    help: ArgumentHelp(
      "Open restricted to this unit's items (led, joined, via groups), its overdue reports on top (name or alias).",
      valueName: "name"))
  var unit: String?

  func run() throws {
    // The runtime routes the store's notices (a lock wait, a backup not made) to the status
    // line: nothing may write to stderr under the dashboard's screen.
    let (store, doc) = try global.reportingErrors { try global.openStore() }
    // A unit nobody has: exit 2 naming the close ones, before the screen is taken.
    let unitName = try global.reportingErrors {
      try unit.map { try doc.plan.requireUnitOrSuggest($0, lang: global.language) }
    }
    let env = global.environment
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
      note(
        global.language.pick(
          "duban: 仪表盘需要在终端中运行（标准输入和输出都须是终端）；脚本中请用 `duban list`、`duban units` 或 `duban mark`",
          "duban: the dashboard needs a terminal on stdin and stdout; in scripts use `duban list`, `duban units` or `duban mark`"
        ))
      throw ExitCode(2)
    }
    let terminal: Terminal
    do {
      terminal = try Terminal(noColor: env["NO_COLOR"] != nil)
    } catch {
      note("duban: \(error)")
      throw ExitCode(2)
    }
    let ambiguous = ambiguousWide || env["DUBAN_AMBIGUOUS_WIDE"] == "1"
    let size = terminal.size
    var state = AppState(
      doc: doc, storePath: store.path, lang: global.language, today: global.day, user: global.currentUser(),
      rows: size.rows, columns: size.columns, width: DisplayWidth(ambiguousIsWide: ambiguous),
      asciiBorders: asciiBorders || ambiguous)
    let cache = ViewCache()
    if let unitName { Reducer.openRestricted(&state, to: unitName, cache: cache) }
    let runtime = AppRuntime(state: state, store: store, cache: cache, clock: { global.stamp().time })
    runtime.officeExporter = OfficeExports.dashboardExport
    runtime.formReader = Collecting.dashboardReader
    let signal = EventLoop.run(runtime, on: terminal)
    terminal.stop()
    if case .failed(let reason) = runtime.state.saveState {
      note(global.language.pick("duban: 有修改未能保存：\(reason)", "duban: some changes were not saved: \(reason)"))
      throw ExitCode(1)
    }
    if signal != 0 { throw ExitCode(128 + signal) }
    // Every change is on disk (the event loop waited for the saves): leave at once.
    Output.exitWithoutCleanUp()
  }
}
