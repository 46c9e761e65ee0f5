import Dispatch
import DubanCore
import FoundationEssentials
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Runs the reducer and carries out its effects against the store: every change is applied
/// to the newest file under the lock, on a background queue so the keystroke loop never
/// waits on the disk. A change that cannot be saved stays pending, is said loudly on the
/// status line, and is retried.
public final class AppRuntime {
  public private(set) var state: AppState
  let store: Store
  let clock: () -> String
  /// Changes not yet handed to the save queue.
  private var pending: [Effect] = []
  /// The batch being written, if any; its outcome arrives in `outcome`.
  private var inFlight: [Effect]?
  private let outcome = SaveOutcome()
  private let saveQueue = DispatchQueue(label: "duban.save")
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
    collect()
    let effects = Reducer.reduce(&state, action, now: clock())
    var forTerminal: [Effect] = []
    for effect in effects {
      switch effect {
      case .persist, .persistWorkPlan: pending.append(effect)
      case .export(let request): export(request)
      case .openEditor, .quit: forTerminal.append(effect)
      }
    }
    startSave()
    return forTerminal
  }

  /// Called a few times a second: takes in finished saves, retries unsaved changes, and
  /// picks up changes other processes wrote, keeping the user's place. Returns whether the
  /// screen needs drawing again (an idle dashboard draws nothing).
  @discardableResult
  public func tick() -> Bool {
    var changed = collect()
    if !pending.isEmpty {
      startSave()
      return true
    }
    if inFlight == nil {
      let now = FileSignature(path: store.path)
      if now != lastSeen, let doc = try? store.load() {
        lastSeen = now
        replaceDocument(doc)
        changed = true
      }
    }
    return changed
  }

  /// Before leaving: every change written, or the failure recorded in `state.saveState`.
  public func finishSaving() {
    for _ in 0..<3 {
      saveQueue.sync {}
      collect()
      startSave()
      saveQueue.sync {}
      collect()
      if pending.isEmpty && inFlight == nil { return }
    }
  }

  private func startSave() {
    guard inFlight == nil, !pending.isEmpty else { return }
    let batch = pending
    pending = []
    inFlight = batch
    if case .failed = state.saveState {} else { state.saveState = .saving }
    let stamp = Stamp(user: state.user, time: clock())
    let day = state.today.description
    let store = self.store
    let outcome = self.outcome
    saveQueue.async {
      do {
        let (doc, _) = try store.update { doc in
          for effect in batch {
            switch effect {
            case .persist(let id, let edit): try doc.plan.apply(edit, to: id, stamp: stamp)
            case .persistWorkPlan(let wp): doc.save(wp, on: day)
            default: break
            }
          }
        }
        outcome.set(.success(doc))
      } catch {
        outcome.set(.failure("\(error)"))
      }
    }
  }

  /// Takes in a finished save: the document as written (shown only when nothing newer is
  /// waiting, so the screen never steps back), or the failure, whose changes go back in line.
  @discardableResult
  private func collect() -> Bool {
    guard let batch = inFlight, let result = outcome.take() else { return false }
    inFlight = nil
    switch result {
    case .success(let doc):
      lastSeen = FileSignature(path: store.path)
      state.saveState = .saved
      if pending.isEmpty { replaceDocument(doc) }
    case .failure(let reason):
      pending = batch + pending
      state.saveState = .failed(reason)
    }
    return true
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
    let path = FileManager.default.currentDirectoryPath + "/" + name.replacing("/", with: "-")
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
    if let selectedID, let index = state.itemIndex(id: selectedID), let i = state.visibleIndices.firstIndex(of: index) {
      state.taskIndex = i
    }
    Reducer.keepSelectionVisible(&state)
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

/// The outcome of a background save, handed to the main loop.
final class SaveOutcome: Sendable {
  enum Result {
    case success(StoreDocument)
    case failure(String)
  }

  private let result = Mutex<Result?>(nil)

  func set(_ r: Result) { result.withLock { $0 = r } }

  func take() -> Result? {
    result.withLock { stored in
      defer { stored = nil }
      return stored
    }
  }
}
