import ArgumentParser
import DubanCore
import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#endif

/// Options every subcommand takes: where the store is, what day it is, which language.
struct GlobalOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "The store file (default: $DUBAN_STORE, else ${XDG_DATA_HOME:-~/.local/share}/duban/plan.json).",
      valueName: "path"))
  var store: String?

  @Option(help: ArgumentHelp("Take this date as today (YYYY-MM-DD).", valueName: "date"))
  var today: Day?

  @Option(help: ArgumentHelp("Interface language: zh (default) or en.", valueName: "zh|en"))
  var lang: Lang?

  var environment: [String: String] { ProcessInfo.processInfo.environment }
  var storePath: String { store ?? Store.defaultPath(environment: environment) }
  var language: Lang { lang ?? Lang(option: nil, environment: environment) }

  /// Where the store path came from when the user named it (`--store`, `$DUBAN_STORE`);
  /// nil for the default store, the only one duban creates on its own.
  var namedStoreSource: String? {
    if store != nil { return "--store" }
    if let p = environment["DUBAN_STORE"], !p.isEmpty { return "$DUBAN_STORE" }
    return nil
  }

  /// A store the user named must exist: a typo never gets a new folder and a fresh plan.
  func requireNamedStoreExists(_ path: String, source: String) throws {
    guard !Store(path: path).exists else { return }
    let lang = language
    throw Failure(
      lang.pick(
        "\(path)：数据文件不存在（\(source)）；什么也没有创建。新建数据文件请用 `duban import 文档 --out \(path)`",
        "\(path): no store there (\(source)); nothing was created. To make one: `duban import DOC --out \(path)`"))
  }

  /// `--today`, else the clock's date.
  var day: Day {
    if let today { return today }
    let t = Self.localTime()
    return Day(year: Int(t.tm_year) + 1900, month: Int(t.tm_mon) + 1, day: Int(t.tm_mday))!
  }

  static func localTime() -> tm {
    var now = time(nil)
    var t = tm()
    localtime_r(&now, &t)
    return t
  }

  /// The user and the moment, stamped on every change.
  func stamp() -> Stamp {
    Stamp(user: currentUser(), time: Timestamp.now(on: today))
  }

  func currentUser() -> String {
    if let u = environment["DUBAN_USER"] ?? environment["USER"] ?? environment["LOGNAME"], !u.isEmpty { return u }
    if let pw = getpwuid(getuid()), let name = pw.pointee.pw_name { return String(cString: name) }
    return "uid\(getuid())"
  }

  /// The store. Only the default store is created (from the embedded plan) when it does not
  /// exist yet; a store named by `--store` or `$DUBAN_STORE` must exist.
  func openStore() throws -> (Store, StoreDocument) {
    let store = try createdStore()
    return (store, try store.load())
  }

  /// The same, read for a listing (items without notes, history, reports, targets).
  func openStoreSummary() throws -> StoreSummary {
    try createdStore().loadSummary()
  }

  /// Prints what a save wants said (a wait for someone else's lock, a backup not made) on
  /// stderr, in the interface's language.
  var noticePrinter: @Sendable (StoreNotice) -> Void {
    let lang = language
    return { notice in
      switch notice {
      case .waitingForLock: note(notice.message(lang))
      case .lockTaken: break
      default: note("duban: " + notice.message(lang))
      }
    }
  }

  private func createdStore() throws -> Store {
    let store = Store(path: storePath, notify: noticePrinter)
    if let source = namedStoreSource { try requireNamedStoreExists(store.path, source: source) }
    if !store.exists {
      let seed = try SeedDocument.path(lang: language)
      var plan = try DocumentImporter.importFile(at: seed).plan
      plan.warnings = plan.warnings.map { $0.localized(language) }
      plan.imported = day.description
      if try store.create(StoreDocument(plan: plan)) {
        note(
          language.pick(
            "新建数据文件 \(store.path)（导入内置的 2019 年江岸区分解方案）", "created \(store.path) from the embedded 2019 Jiang'an plan"))
      }
    }
    return store
  }

  /// Runs a command body, turning known errors into a message in the interface's language
  /// and exit code 2 (bad input, an unreadable store), or 1 when a change could not be saved.
  func reportingErrors<T>(_ body: () throws -> T) throws -> T {
    let lang = language
    do {
      return try body()
    } catch let e as ImportError {
      note("duban: \(e.message(lang))")
    } catch let e as StoreError {
      note("duban: \(e.message(lang))")
      if e.kind == .write { throw ExitCode(1) }
    } catch let e as MarkRequest.Conflict {
      note("duban: \(e.message(lang))")
    } catch let e as EditError {
      note("duban: \(e.message(lang))")
    } catch let e as Failure {
      note("duban: \(e)")
    }
    throw ExitCode(2)
  }
}

/// Messages to stderr; errors end the command with exit code 2 (1 for a change not saved).
func note(_ message: String) {
  Output.write(TerminalSafe.block(message) + "\n", to: STDERR_FILENO)
}

struct Failure: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

extension Plan {
  /// The unit a user named (any spelling or alias), or one message that says where to look.
  /// `officeOnly` refuses group references (各街道), which have no work plan of their own.
  func requireUnit(_ name: String, lang: Lang, officeOnly: Bool = true) throws -> DubanCore.Unit {
    guard let u = unit(named: name), !officeOnly || u.kind == .unit else {
      throw Failure(lang.pick("没有单位“\(name)”；`duban units` 列出全部单位", "no unit “\(name)”; `duban units` lists them"))
    }
    return u
  }
}

extension Plan {
  /// The unit a user named (name or alias), else a refusal listing the units it resembles.
  func requireUnitOrSuggest(_ name: String, lang: Lang) throws -> String {
    if let u = unit(named: name) { return u.name }
    // Names from the store are data: each on its one line.
    let close = unitsResembling(name).map { TerminalSafe.line($0) }
    throw Failure(
      close.isEmpty
        ? lang.pick("没有单位“\(name)”；`duban units` 列出全部单位", "no unit “\(name)”; `duban units` lists them")
        : lang.pick(
          "没有单位“\(name)”；相近的单位：\(close.joined(separator: "、"))",
          "no unit “\(name)”; close ones: \(close.joined(separator: ", "))"))
  }
}
