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
  /// What the reducer and the renderer derive from all items, kept across keystrokes (keyed
  /// by the state's revision, so a new document rebuilds it and one edited item moves it).
  public let cache: ViewCache
  let store: Store
  let clock: () -> String
  /// Changes not yet handed to the save queue, each with the moment it was made (so the
  /// file gets exactly the history the screen shows).
  private var pending: [Pending] = []
  /// The batch being written, if any; its outcome arrives in `outcome`.
  private var inFlight: [Pending]?
  private let outcome = Mailbox<SaveResult>()
  /// A newer file someone else wrote, read in the background.
  private let reloaded = Mailbox<Reloaded>()
  /// The file a reload was asked for (not asked again every tick, even if it fails).
  private var reloadRequested: FileSignature?
  /// Counts saves: a reload read before a save started is older than what it wrote.
  private var generation = 0
  private let saveQueue = DispatchQueue(label: "duban.save")
  /// The file the screen shows.
  private var lastSeen: FileSignature?

  struct Reloaded: Sendable {
    var doc: StoreDocument?
    var signature: FileSignature?
    var generation: Int
  }

  struct Pending: Sendable {
    var effect: Effect
    var time: String
  }

  /// Writes .xlsx and .docx for X (set by the executable, which links the office code).
  public var officeExporter: OfficeExporter?
  /// Reads filled forms for `I` (set by the executable: .xlsx goes through duban-office).
  public var formReader: FormReader?
  /// `I`'s reading runs off the keystroke loop; its answer is taken in by `tick`.
  let formsRead = Mailbox<Action>()
  let readQueue = DispatchQueue(label: "duban.collect")

  /// What the store says while it works in the background (a wait for someone's lock, a
  /// backup it could not make), shown on the status line rather than on stderr.
  private let notices = Inbox<StoreNotice>()

  public init(state: AppState, store: Store, cache: ViewCache = ViewCache(), clock: @escaping () -> String) {
    self.state = state
    self.cache = cache
    var store = store
    let notices = self.notices
    store.notify = { notices.append($0) }
    self.store = store
    self.clock = clock
    lastSeen = FileSignature(path: store.path)
  }

  /// The frame for the state as it is now.
  public func render() -> Screen { Renderer.render(state, cache) }

  /// Handles one action; returns the effects the terminal layer must carry out itself
  /// (quit, external editor).
  public func handle(_ action: Action) -> [Effect] {
    collect()
    return dispatch(action)
  }

  /// The one way the state changes: through the reducer. Effects for the store are queued
  /// and written in the background; their outcomes come back here as actions.
  @discardableResult
  func dispatch(_ action: Action) -> [Effect] {
    let now = clock()
    let effects = Reducer.reduce(&state, action, now: now, cache: cache)
    var forTerminal: [Effect] = []
    for effect in effects {
      switch effect {
      case .persist, .persistWorkPlan, .persistCalendar, .persistCollect:
        pending.append(Pending(effect: effect, time: now))
      case .readForms(let path): readForms(path)
      case .completePath(let typed): completePath(typed)
      case .export(let request): export(request)
      case .exportAs(let request, let choice): export(request, as: choice)
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
    if let answer = formsRead.take() {
      dispatch(answer)
      changed = true
    }
    for notice in notices.takeAll() {
      dispatch(.storeNotice(notice))
      changed = true
    }
    if !pending.isEmpty {
      startSave()
      return true
    }
    if let newer = reloaded.take(), newer.generation == generation, inFlight == nil, let doc = newer.doc {
      lastSeen = newer.signature
      dispatch(.reloaded(withPending(doc)))
      changed = true
    }
    if inFlight == nil {
      // Someone else wrote the store: read it in the background (100,000 items take half a
      // second) and swap it in on a later tick.
      let now = FileSignature(path: store.path)
      if now != lastSeen && now != reloadRequested {
        reloadRequested = now
        let (store, reloaded, generation) = (self.store, self.reloaded, self.generation)
        saveQueue.async {
          reloaded.set(Reloaded(doc: try? store.load(), signature: now, generation: generation))
        }
      }
    }
    return changed
  }

  /// Waits for whatever the background queue is doing (tests).
  func settle() { saveQueue.sync {} }

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
    dispatch(.saveStarted)
    let user = state.user
    let lang = state.lang
    let day = state.today.description
    let store = self.store
    let outcome = self.outcome
    let expected = lastSeen
    generation += 1
    reloadRequested = nil
    saveQueue.async {
      do {
        // The file as this save left it, noted under the lock: a writer right after us is
        // then seen as someone else's change, not mistaken for ours.
        let left = SignatureBox()
        let (doc, written) = try store.update(
          { doc -> (unchanged: Bool, refused: [Refusal]) in
            // Nobody else wrote since we last read: the file becomes exactly what the screen
            // already shows, and the main loop need not swap (and re-index) the document.
            let unchanged = expected != nil && FileSignature(path: store.path) == expected
            var refused: [Refusal] = []
            for entry in batch {
              do {
                try Self.apply(entry, to: &doc, user: user, day: day)
              } catch let error as EditError {
                // Refused on the newest file (closed meanwhile, id gone): dropped, said, and the
                // later edits go on. Only I/O failures are retried.
                refused.append(Refusal(editID: entry.effect.editID ?? 0, itemID: entry.effect.itemID, error: error))
              }
            }
            return (unchanged, refused)
          }, written: { left.value = FileSignature(path: store.path) })
        outcome.set(.success(doc, unchanged: written.unchanged, refused: written.refused, signature: left.value))
      } catch {
        // Said in the screen's language (the store's errors carry both).
        outcome.set(.failure((error as? StoreError)?.message(lang) ?? "\(error)"))
      }
    }
  }

  private static func apply(_ entry: Pending, to doc: inout StoreDocument, user: String, day: String) throws {
    let stamp = Stamp(user: user, time: entry.time)
    switch entry.effect {
    case .persist(let id, let edits, _): try doc.plan.apply(edits, to: id, stamp: stamp)
    case .persistWorkPlan(let edit, _): try doc.apply(edit, day: day, stamp: stamp)
    case .persistCalendar(let edits, _): try doc.plan.apply(edits, stamp: stamp)
    case .persistCollect(let batch, let partial, let basis, _):
      // The same rule as `duban collect`: each form read again against the newest file, and
      // only when that file still holds what the preview showed (checked here, under the lock).
      guard let today = Day(day) else { break }
      guard basis.holds(in: doc, batch: batch, day: today) else { throw EditError.collectStale }
      try batch.apply(to: &doc, user: user, time: entry.time, day: today, partial: partial)
    default: break
    }
  }

  /// A document from disk with the edits not yet written on top, so the screen never
  /// steps back.
  private func withPending(_ doc: StoreDocument) -> StoreDocument {
    guard !pending.isEmpty else { return doc }
    var doc = doc
    for entry in pending { try? Self.apply(entry, to: &doc, user: state.user, day: state.today.description) }
    return doc
  }

  /// Takes in a finished save as an action: the file as written (when it is not what the
  /// screen shows), the refusals, or the failure, whose changes go back in line.
  @discardableResult
  private func collect() -> Bool {
    guard let batch = inFlight, let result = outcome.take() else { return false }
    inFlight = nil
    switch result {
    case .success(let doc, let unchanged, let refused, let signature):
      lastSeen = signature
      let show = unchanged && refused.isEmpty ? nil : withPending(doc)
      dispatch(.saved(document: show, refused: refused, edited: batch.compactMap(\.effect.itemID)))
    case .failure(let reason):
      pending = batch + pending
      dispatch(.saveFailed(reason))
    }
    return true
  }

  /// Writes the current view's export into the working folder, as Markdown.
  private func export(_ request: ExportRequest) {
    let lang = state.lang
    if case .chaseNotices(let unit) = request { return exportNotices(unit: unit) }
    let (name, content): (String, String)
    switch request {
    case .sheet(let unit):
      name = "duban-\(lang.pick("办理方案", "work-plan"))-\(unit).md"
      content = WorkPlanSheet.render(state.doc, unit: unit, format: .md)
    case .chaseNotices: return
    case .bulletin:
      let bulletin = Bulletin(state.doc, period: nil, today: state.today)
      name = "duban-\(lang.pick("通报", "bulletin"))-\(bulletin.period)-\(state.today).md"
      content = bulletin.render(.md)
    }
    // A unit's name is data: no control or invisible character in a file name either.
    let path = FileManager.default.currentDirectoryPath + "/" + TerminalSafe.line(name).replacing("/", with: "-")
    do {
      try ExportFile.write(content, to: path, format: .md, force: false)
      dispatch(.exported(path: path))
    } catch {
      dispatch(.exportFailed("\(error)"))
    }
  }
}

extension AppRuntime {
  /// The chase view's `X`: the one unit's notice into the working folder, or one file per
  /// unit into `duban-催办通知-DATE/` there (the office sends each unit its own).
  fileprivate func exportNotices(unit: String?) {
    let list = ChaseList(state.doc, today: state.today, unit: unit)
    let cwd = FileManager.default.currentDirectoryPath
    guard !list.isEmpty else {
      dispatch(.exportFailed(state.lang.pick("没有需要催办的报送", "nothing to chase")))
      return
    }
    do {
      if unit != nil, list.units.count == 1 {
        let u = list.units[0]
        let path = cwd + "/" + ChaseNotice.fileName(unit: u.unit, asOf: list.asOf)
        try ExportFile.write(
          ChaseNotice.notice(u, planTitle: state.plan.title, asOf: list.asOf), to: path, format: .md, force: false)
        dispatch(.exportedNotices(path: path, count: 1))
      } else {
        let folder = cwd + "/" + state.lang.pick("duban-催办通知-", "duban-chase-notices-") + "\(list.asOf)"
        let written = try ChaseNotice.writeAll(list, planTitle: state.plan.title, into: folder)
        dispatch(.exportedNotices(path: folder, count: written.count))
      }
    } catch let refused as ExportFile.Refused {
      let name = PathText.lastComponent(of: refused.path)
      dispatch(
        .exportFailed(
          state.lang.pick(
            "\(name) 已存在且不是 duban 导出的文件，未覆盖；请改名或移走后再导出",
            "\(name) exists and is not a duban export; not replaced (rename or move it first)")))
    } catch {
      dispatch(.exportFailed("\(error)"))
    }
  }
}

extension Effect {
  var editID: Int? {
    switch self {
    case .persist(_, _, let id), .persistWorkPlan(_, let id), .persistCalendar(_, let id),
      .persistCollect(_, _, _, let id):
      return id
    default: return nil
    }
  }

  var itemID: String? {
    if case .persist(let id, _, _) = self { return id }
    return nil
  }
}

/// Enough of a file's identity to notice that someone replaced it.
struct FileSignature: Equatable, Sendable {
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

/// A value handed from the save queue to the main loop.
final class Mailbox<Value: Sendable>: Sendable {
  private let slot = Mutex<Value?>(nil)

  func set(_ value: Value) { slot.withLock { $0 = value } }

  func take() -> Value? {
    slot.withLock { stored in
      defer { stored = nil }
      return stored
    }
  }
}

/// A file signature noted inside a closure the store runs under its lock.
final class SignatureBox: @unchecked Sendable {
  var value: FileSignature?
}

/// Values handed from the save queue to the main loop, in order.
final class Inbox<Value: Sendable>: Sendable {
  private let items = Mutex<[Value]>([])

  func append(_ value: Value) { items.withLock { $0.append(value) } }

  func takeAll() -> [Value] {
    items.withLock { stored in
      defer { stored = [] }
      return stored
    }
  }
}

/// The outcome of a background save.
enum SaveResult: Sendable {
  /// The document as written; `unchanged` when it equals the one on screen (but for
  /// `refused`, the edits the newest file would not take).
  case success(StoreDocument, unchanged: Bool, refused: [Refusal], signature: FileSignature?)
  case failure(String)
}
