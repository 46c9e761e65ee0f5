import DubanCore
import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#endif

/// Reads filled forms for the dashboard's `I`: a file or a folder (every .xlsx and .csv in
/// it), into the sheets `CollectBatch` reads. Set by the executable, which reads them as
/// `duban collect` does (.xlsx through duban-office); the message is in `Lang`.
public typealias FormReader = @Sendable (_ path: String, _ lang: Lang) -> Result<CollectBatch, FormReadFailure>

public struct FormReadFailure: Error, Equatable, Sendable {
  public var message: String
  public init(_ message: String) { self.message = message }
}

extension AppRuntime {
  /// `~/` is the clerk's home; anything else is taken as typed (relative to the folder
  /// duban started in).
  static func expandingHome(_ path: String) -> String {
    guard path == "~" || path.hasPrefix("~/"), let home = getenv("HOME") else { return path }
    return String(cString: home) + path.dropFirst()
  }

  /// Reads in the background (duban-office takes a moment per workbook): the answer comes
  /// back through `tick` as `.formsRead` or `.formsUnreadable`.
  func readForms(_ path: String) {
    let lang = state.lang
    guard let reader = formReader else {
      dispatch(.formsUnreadable(path: path, message: lang.pick("此版本不能读取报送表", "this build cannot read forms")))
      return
    }
    let mailbox = formsRead
    let file = Self.expandingHome(path)
    readQueue.async {
      switch reader(file, lang) {
      case .success(let batch): mailbox.set(.formsRead(path: path, batch))
      case .failure(let failure): mailbox.set(.formsUnreadable(path: path, message: failure.message))
      }
    }
  }

  /// Tab in the path prompt: lists the folder the typed path points into (quick: one
  /// directory), and lets the reducer choose.
  func completePath(_ typed: String) {
    let (folder, _) = PathCompletion.split(typed)
    let dir = Self.expandingHome(folder.isEmpty ? "." : folder)
    var entries: [(name: String, isFolder: Bool)] = []
    for name in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] {
      entries.append((name, OfficeFile.isDirectory(dir + "/" + name) == true))
    }
    dispatch(.pathCompletions(typed: typed, PathCompletion.candidates(typed, entries: entries)))
  }
}
