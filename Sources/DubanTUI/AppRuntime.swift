import DubanCore
import Foundation

/// Runs the reducer and carries out its effects against the store: every change is applied
/// to the newest file under the lock and saved at once. A change that cannot be saved stays
/// pending, is said loudly on the status line, and is retried.
public final class AppRuntime {
  public private(set) var state: AppState
  let store: Store
  let clock: () -> String
  private var pending: [Effect] = []
  private var lastSeen: FileSignature?

  public init(state: AppState, store: Store, clock: @escaping () -> String) {
    self.state = state
    self.store = store
    self.clock = clock
    lastSeen = FileSignature(path: store.path)
  }

  /// Handles one action; returns the effects the terminal layer must carry out itself
  /// (quit, external editor).
  public func handle(_ action: Action) -> [Effect] {
    let effects = Reducer.reduce(&state, action, now: clock())
    var forTerminal: [Effect] = []
    for effect in effects {
      switch effect {
      case .persist, .persistWorkPlan: pending.append(effect)
      case .export(let request): export(request)
      case .openEditor, .quit: forTerminal.append(effect)
      }
    }
    if !pending.isEmpty { flush() }
    return forTerminal
  }

  /// Called a few times a second: retries unsaved changes and picks up changes other
  /// processes wrote, keeping the user's place.
  public func tick() {
    if !pending.isEmpty {
      flush()
      return
    }
    let now = FileSignature(path: store.path)
    guard now != lastSeen, let doc = try? store.load() else { return }
    lastSeen = now
    replaceDocument(doc)
  }

  private func flush() {
    let stamp = Stamp(user: state.user, time: clock())
    let batch = pending
    do {
      let day = state.today.description
      let (doc, _) = try store.update { doc in
        for effect in batch {
          switch effect {
          case .persist(let id, let edit): try doc.plan.apply(edit, to: id, stamp: stamp)
          case .persistWorkPlan(let wp): doc.save(wp, on: day)
          default: break
          }
        }
      }
      pending.removeAll()
      lastSeen = FileSignature(path: store.path)
      state.saveState = .saved
      replaceDocument(doc)
    } catch {
      state.saveState = .failed("\(error)")
    }
  }

  /// Writes the current view's export into the working folder, as Markdown.
  private func export(_ request: ExportRequest) {
    let lang = state.lang
    let (name, content): (String, String)
    switch request {
    case .sheet(let unit):
      name = "duban-\(lang.pick("办理方案", "work-plan"))-\(unit).md"
      content = WorkPlanSheet.render(state.doc, unit: unit, format: .md)
    case .bulletin:
      let bulletin = Bulletin(state.doc, period: nil, today: state.today)
      name = "duban-\(lang.pick("通报", "bulletin"))-\(bulletin.period)-\(state.today).md"
      content = bulletin.render(.md)
    }
    let path = FileManager.default.currentDirectoryPath + "/" + name.replacingOccurrences(of: "/", with: "-")
    do {
      try ExportFile.write(content, to: path, force: false)
      state.message = lang.pick("已导出 ", "exported ") + path
      state.messageIsError = false
    } catch {
      state.message = lang.pick("导出失败：", "export failed: ") + "\(error)"
      state.messageIsError = true
    }
  }

  /// Swaps in the document from disk, keeping the selected item under the cursor.
  private func replaceDocument(_ doc: StoreDocument) {
    let selectedID = state.selectedItem?.id
    state.doc = doc
    let outline = TreeNode.outline(of: doc.plan, lang: state.lang)
    if outline != state.tree {
      state.tree = outline
      state.treeIndex = min(state.treeIndex, outline.count - 1)
    }
    if let selectedID, let i = state.visibleItems.firstIndex(where: { $0.id == selectedID }) {
      state.taskIndex = i
    }
    _ = Reducer.reduce(&state, .key(.resize(rows: state.rows, columns: state.columns)), now: clock())
  }
}

/// Enough of a file's identity to notice that someone replaced it.
struct FileSignature: Equatable {
  var inode: UInt64
  var size: Int64
  var modified: Int

  init?(path: String) {
    var st = stat()
    guard stat(path, &st) == 0 else { return nil }
    inode = UInt64(st.st_ino)
    size = Int64(st.st_size)
    modified = st.st_mtim.tv_sec * 1_000_000_000 + st.st_mtim.tv_nsec
  }
}
