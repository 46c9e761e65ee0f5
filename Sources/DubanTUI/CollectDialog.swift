import DubanCore

/// `I`: collect filled forms from a file or folder. The clerk types a path (Tab completes
/// it), the runtime reads the files (`Effect.readForms`), the preview says what would change
/// — per file, unit and item — or why nothing can, and y applies all of it as one step.
public struct CollectDialog: Equatable, Sendable {
  public enum Stage: Equatable, Sendable {
    /// The path is being typed.
    case typing
    /// The runtime is reading the files at this path.
    case reading(path: String)
    /// What the files would change (`lines`), and the problems that stop them (`problems`,
    /// each naming file, sheet, row and column); `changes` counts what applies.
    case preview(CollectPreview)
    /// The path could not be read at all (no such file, a damaged workbook).
    case unreadable(path: String, message: String)
  }

  public var editor: LineEditor
  /// What Tab found for the typed text, shown under the line.
  public var completions: [String] = []
  public var stage: Stage = .typing
  /// The preview's first line shown.
  public var scroll = 0

  public init(editor: LineEditor = LineEditor()) { self.editor = editor }
}

public struct CollectPreview: Equatable, Sendable {
  public var path: String
  public var batch: CollectBatch
  public var lines: [String]
  public var problems: [String]
  /// Changes the good rows make (a bad row changes nothing): all of them when there is no
  /// problem; with problems, what `p` would apply.
  public var changes: Int
  /// What the preview was read on: the save writes nothing unless the newest file still holds it.
  public var basis: CollectBasis
  /// Nothing typed in any file (blank forms): not "collected already".
  public var nothingFilled = false

  /// Reads the batch against the document as the screen shows it.
  init(path: String, batch: CollectBatch, doc: StoreDocument, day: Day, lang: Lang) {
    self.path = path
    self.batch = batch
    let forms = batch.forms(doc, day: day)
    lines = CollectSummary.lines(forms, doc: doc, lang: lang, details: true)
    problems = forms.flatMap(\.problems).map { $0.message(lang) }
    changes = forms.map(\.changeCount).reduce(0, +)
    basis = CollectBasis(forms, doc: doc)
    nothingFilled = CollectSummary.nothingFilled(forms)
  }
}

/// One work plan's part of a collect, as made and reversed (undo applies `backward`).
public struct WorkPlanUndo: Equatable, Sendable {
  public var forward: WorkPlanEdit
  public var backward: WorkPlanEdit

  /// The collect's edit again, for redo: only where the plan still holds what the undo put
  /// back (as `backward` is guarded by what the collect wrote), never over a colleague's change.
  public var redo: WorkPlanEdit {
    var edit = forward
    // An inverse is guarded by what its edit writes: here, what `backward` wrote.
    edit.expected = backward.inverse(of: nil).expected
    return edit
  }
}

/// Tab in the path prompt: what a folder's entries offer for the typed text. The runtime
/// lists the folder (I/O); this decides, so tests need no files.
public enum PathCompletion {
  /// The folder to list for `typed` (as typed: relative to where duban started, `~/` for
  /// home) and the start of the name being completed.
  public static func split(_ typed: String) -> (folder: String, name: String) {
    guard let slash = typed.lastIndex(of: "/") else { return ("", typed) }
    return (String(typed[...slash]), String(typed[typed.index(after: slash)...]))
  }

  /// The typed text completed with each entry that fits: folders (with a `/`) and the files
  /// collect reads (.xlsx, .csv), sorted; hidden entries only when a dot was typed, office
  /// lock files (`~$…`) never.
  public static func candidates(_ typed: String, entries: [(name: String, isFolder: Bool)]) -> [String] {
    let (folder, name) = split(typed)
    return
      entries
      .filter { e in
        e.name.hasPrefix(name) && (name.hasPrefix(".") || !e.name.hasPrefix(".")) && !e.name.hasPrefix("~$")
          && (e.isFolder || ["xlsx", "csv"].contains(e.name.split(separator: ".").last?.lowercased() ?? ""))
      }
      .map { folder + $0.name + ($0.isFolder ? "/" : "") }
      .sorted()
  }

  /// A path as pasted or dropped from a file manager: surrounding quotes and backslash-escaped
  /// spaces (`'/home/王/收回'`, `收回/区\ 发改委.xlsx`) are read as the path they stand for.
  public static func cleaned(_ typed: String) -> String {
    var path = typed.trimmed
    if path.count >= 2, let q = path.first, q == "'" || q == "\"", path.last == q {
      path = String(path.dropFirst().dropLast())
    }
    return path.replacing("\\ ", with: " ")
  }

  /// What Tab puts in the line: the one candidate, else what all of them begin with.
  public static func completion(_ typed: String, _ candidates: [String]) -> String {
    guard var common = candidates.first.map(Array.init) else { return typed }
    for c in candidates.dropFirst() {
      let chars = Array(c)
      var n = 0
      while n < common.count, n < chars.count, common[n] == chars[n] { n += 1 }
      common = Array(common.prefix(n))
    }
    let result = String(common)
    return result.count > typed.count ? result : typed
  }
}
