import DubanCore

/// `I`: collect filled forms. The path is typed (Tab asks the runtime for completions), the
/// runtime reads the files and hands back their sheets, the preview shows what they change
/// (read by `CollectBatch`, the command's own rule), and y applies all of it as one undoable
/// step — or nothing: a file with a bad row applies nothing unless the clerk chooses `p`
/// (the good rows only). Esc or n leaves everything as it was.
extension Reducer {
  func openCollect(_ state: inout AppState) {
    // The path typed last is offered again, selected: typing replaces it, Enter takes it.
    state.overlay = .collect(CollectDialog(editor: LineEditor(state.lastCollectPath ?? "", selected: true)))
  }

  func collectKey(_ state: inout AppState, _ dialog: CollectDialog, _ key: Key, now: String) -> [Effect] {
    let lang = state.lang
    var d = dialog
    func cancel() {
      state.overlay = nil
      say(&state, lang.pick("未收集，什么也没有改动", "nothing collected, nothing changed"))
    }
    switch d.stage {
    case .typing:
      switch key {
      case .escape, .ctrl("c"):
        cancel()
      case .tab:
        editing(&state)
        return [.completePath(typed: d.editor.text)]
      case .enter:
        let path = PathCompletion.cleaned(d.editor.text)
        guard !path.isEmpty else {
          say(&state, lang.pick("请输入文件或文件夹的路径", "type the path of a file or a folder"), error: true)
          return []
        }
        editing(&state)
        state.lastCollectPath = path
        d.stage = .reading(path: path)
        d.completions = []
        state.overlay = .collect(d)
        return [.readForms(path: path)]
      default:
        editing(&state)
        d.editor.handle(key)
        d.completions = []
        state.overlay = .collect(d)
      }
    case .reading:
      // The answer arrives as an action; Esc stops waiting for it (it is then ignored).
      if key == .escape || key == .ctrl("c") || key == .char("n") { cancel() }
    case .unreadable:
      switch key {
      case .enter:
        // Back to the path, to correct it.
        d.stage = .typing
        state.overlay = .collect(d)
      case .escape, .ctrl("c"), .char("n"), .char("q"): cancel()
      default: break
      }
    case .preview(let preview):
      switch key {
      case .char("y"), .char("Y"), .enter:
        guard preview.problems.isEmpty else {
          cancel()
          say(
            &state,
            lang.pick(
              "有 \(preview.problems.count) 处问题，什么也没有收集（改正后重收）",
              "\(CollectSummary.problems(preview.problems.count, .en)); nothing collected (fix them and collect again)"),
            error: true)
          return []
        }
        guard preview.changes > 0 else {
          state.overlay = nil
          say(
            &state,
            preview.nothingFilled
              ? lang.pick("没有变化：这些表格未填写", "nothing changes: nothing is filled in")
              : lang.pick("没有变化：这些报送表已经收过", "nothing changes: these forms were collected already"))
          return []
        }
        return applyCollect(&state, d, preview, partial: false, now: now)
      case .char("p") where !preview.problems.isEmpty && preview.changes > 0:
        return applyCollect(&state, d, preview, partial: true, now: now)
      case .escape, .ctrl("c"), .char("n"), .char("N"), .char("q"):
        cancel()
      case .down, .char("j"), .scrollDown: d.scroll += 1
      case .up, .char("k"), .scrollUp: d.scroll = max(0, d.scroll - 1)
      case .pageDown, .char(" "): d.scroll += max(1, state.rows - 8)
      case .pageUp: d.scroll = max(0, d.scroll - max(1, state.rows - 8))
      case .home, .char("g"): d.scroll = 0
      case .end, .char("G"): d.scroll = Int.max / 2
      default: break
      }
      d.scroll = min(d.scroll, CollectOverlay.scrollLimit(state, preview))
      if case .collect = state.overlay { state.overlay = .collect(d) }
    }
    return []
  }

  /// The runtime's answers: the files' sheets (the preview is read from them against the
  /// document on screen), a path it could not read, or Tab's completions. An answer for a
  /// dialog no longer open (Esc meanwhile) is dropped.
  func collectAnswer(_ state: inout AppState, _ action: Action) {
    guard case .collect(var d) = state.overlay else { return }
    switch action {
    case .formsRead(let path, let batch):
      guard d.stage == .reading(path: path) else { return }
      d.stage = .preview(CollectPreview(path: path, batch: batch, doc: state.doc, day: state.today, lang: state.lang))
      d.scroll = 0
    case .formsUnreadable(let path, let message):
      guard d.stage == .reading(path: path) else { return }
      d.stage = .unreadable(path: path, message: message)
    case .pathCompletions(let typed, let candidates):
      guard d.stage == .typing, d.editor.text == typed else { return }
      if candidates.isEmpty {
        say(&state, state.lang.pick("没有可补全的文件或文件夹", "no file or folder to complete"), error: true)
      }
      d.editor = LineEditor(PathCompletion.completion(typed, candidates))
      d.completions = candidates.count > 1 ? candidates : []
    default:
      return
    }
    state.overlay = .collect(d)
  }

  /// Applies the previewed collect on screen, as one undo entry, and hands it to the runtime
  /// to apply on the newest file by the same rule. Read again first: when the store changed
  /// since the preview (a colleague's save), the new preview is shown instead of applying
  /// something the clerk has not seen.
  func applyCollect(
    _ state: inout AppState, _ dialog: CollectDialog, _ preview: CollectPreview, partial: Bool, now: String
  ) -> [Effect] {
    let lang = state.lang
    let fresh = CollectPreview(path: preview.path, batch: preview.batch, doc: state.doc, day: state.today, lang: lang)
    var d = dialog
    guard fresh == preview else {
      d.stage = .preview(fresh)
      state.overlay = .collect(d)
      say(
        &state,
        lang.pick("数据文件刚被改动，预览已更新：请再核对一次", "the store changed meanwhile; the preview is updated: check it again"),
        error: true)
      return []
    }
    let forms = preview.batch.forms(state.doc, day: state.today)
    var ids: [String] = []
    for id in forms.flatMap({ $0.reports.map(\.item) }) where !ids.contains(id) { ids.append(id) }
    let before = ids.compactMap { id in state.plan.item(id: id).map { (id, $0.state) } }
    let plans = forms.compactMap(\.workPlan).map {
      WorkPlanUndo(forward: $0, backward: $0.inverse(of: state.doc.workPlan(of: $0.unit)))
    }
    var doc = state.doc
    do {
      try preview.batch.apply(to: &doc, user: state.user, time: now, day: state.today, partial: partial)
    } catch {
      say(&state, message(error, lang), error: true)
      return []
    }
    state.doc = doc
    let parts = before.compactMap { id, was -> ItemUndo? in
      guard let now = state.plan.item(id: id)?.state, now != was else { return nil }
      return ItemUndo(id: id, before: was, after: now)
    }
    state.overlay = nil
    state.lastEditID += 1
    let files = preview.batch.files.map(\.name)
    let from = files.count == 1 ? files[0] : lang.pick("\(files.count) 个文件", "\(files.count) files")
    let label = lang.pick(
      "收集 \(from)：\(preview.changes) 项变更", "collected \(from): \(preview.changes) changes")
    state.undoStack.append(
      UndoEntry(editID: state.lastEditID, label: label, change: .collected(items: parts, workPlans: plans)))
    state.redoStack.removeAll()
    say(&state, lang.pick("已", "") + label + lang.pick("（u 撤销）", " (u undoes)"))
    state.collectSent = CollectSent(editID: state.lastEditID, path: preview.path, batch: preview.batch)
    return [.persistCollect(preview.batch, partial: partial, basis: preview.basis, editID: state.lastEditID)]
  }

  /// The save refused the collect because the file changed since its preview (checked under
  /// the lock, so a colleague's save the screen had not noticed yet counts too): nothing of it
  /// was written, the document is the file's, and the preview is shown again, read on it.
  func reopenCollect(_ state: inout AppState, _ refusal: Refusal) -> Bool {
    guard refusal.error == .collectStale, let sent = state.collectSent, sent.editID == refusal.editID else {
      return false
    }
    state.collectSent = nil
    if state.overlay == nil {
      var d = CollectDialog(editor: LineEditor(sent.path))
      d.stage = .preview(
        CollectPreview(path: sent.path, batch: sent.batch, doc: state.doc, day: state.today, lang: state.lang))
      state.overlay = .collect(d)
    }
    say(&state, EditError.collectStale.message(state.lang), error: true)
    return true
  }

  /// Undo or redo of a collect: each item on its own (never over a colleague's later
  /// change), then the work plans, last first when undoing.
  func replayCollect(
    _ state: inout AppState, _ entry: UndoEntry, items: [ItemUndo], workPlans: [WorkPlanUndo], backward: Bool,
    now: String
  ) -> [Effect] {
    let lang = state.lang
    var effects = items.isEmpty ? [] : replayMany(&state, entry, items, backward: backward, now: now)
    var failed: [String] = []
    for step in backward ? workPlans.reversed() : workPlans {
      let edit = backward ? step.backward : step.redo
      do {
        try state.doc.apply(edit, day: state.today.description, stamp: Stamp(user: state.user, time: now))
        effects.append(.persistWorkPlan(edit, editID: entry.editID))
      } catch {
        failed.append(message(error, lang))
      }
    }
    if items.isEmpty && failed.isEmpty {
      say(&state, (backward ? lang.pick("已撤销：", "undone: ") : lang.pick("已重做：", "redone: ")) + entry.label)
    } else if !failed.isEmpty {
      let head = state.message.map { $0 + lang.pick("；", "; ") } ?? ""
      say(&state, head + failed.joined(separator: lang.pick("；", "; ")), error: true)
    }
    return effects
  }
}
