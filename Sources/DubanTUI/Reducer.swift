import DubanCore

/// The dashboard's one state machine: (state, action) → new state + effects. Split by
/// concern: commands, edits and undo, moving, search/filter/sort, the workload view, overlays.
/// What it derives from all items (the rows, the id index) it reads through the view cache it
/// is given, which it moves along when it edits one item.
public struct Reducer {
  let cache: ViewCache

  public static func reduce(_ state: inout AppState, _ action: Action, now: String, cache: ViewCache) -> [Effect] {
    Reducer(cache: cache).reduce(&state, action, now: now)
  }

  func reduce(_ state: inout AppState, _ action: Action, now: String) -> [Effect] {
    // The selection follows the item, not the row: after a mark, a re-sort or a reload the
    // same item stays selected wherever it moved.
    let anchor = Anchor(state, cache)
    var effects: [Effect] = []
    var follow = true
    var replaced = false
    switch action {
    case .key(.resize(let rows, let columns)):
      state.rows = rows
      state.columns = columns
    case .key(.click(let row, let column)):
      if state.overlay == nil && state.searchEditor == nil {
        if state.view == .timeline {
          timelineClick(&state, row: row)
        } else if state.view == .dashboard {
          click(&state, row: row, column: column)
        }
      }
      follow = false
    case .key(let key):
      if state.overlay != nil {
        effects += overlayKey(&state, key, now: now)
      } else if state.searchEditor != nil {
        searchKey(&state, key)
        follow = false
      } else if key == .ctrl("c") {
        effects.append(.quit)
      } else if key == .scrollUp || key == .scrollDown {
        if state.view == .timeline {
          // The wheel moves through the timeline's deadlines, not the hidden panes.
          effects += timelineCommand(&state, key == .scrollUp ? .moveUp : .moveDown, now: now) ?? []
        } else {
          move(&state, by: key == .scrollUp ? -3 : 3)
        }
        follow = false
      } else if let command = KeyTable.command(for: key) {
        follow = !command.movesSelection
        effects += run(&state, command, now: now)
      }
    case .externalNote(let id, let text):
      if let text, !text.trimmed.isEmpty {
        effects += edit(&state, id: id, [.note(text.trimmed)], now: now)
      } else {
        say(&state, state.lang.pick("备注未保存（内容为空）", "note not saved (empty)"))
      }
    case .saveStarted:
      if case .failed = state.saveState {} else { state.saveState = .saving }
    case .saved(let document, let refused, let edited):
      state.saveState = .saved
      state.lockWait = nil
      if let document {
        let moved = changedUnderneath(state, document, edited)
        state.doc = document
        replaced = true
        if let moved { say(&state, moved) }
      }
      for refusal in refused { dropRefused(&state, refusal) }
    case .saveFailed(let reason):
      state.saveState = .failed(reason)
      state.lockWait = nil
    case .reloaded(let document):
      state.doc = document
      replaced = true
    case .storeNotice(let notice):
      switch notice {
      case .waitingForLock: state.lockWait = notice.message(state.lang)
      case .lockTaken: state.lockWait = nil
      case .backupNotMade, .groupNotKept: say(&state, notice.message(state.lang), error: true)
      }
    case .exported(let path):
      // The file name first: the folder (where duban was started) would push it off the line.
      let name = PathText.lastComponent(of: path)
      say(&state, state.lang.pick("已导出 \(name)（在启动 duban 的文件夹）", "exported \(name) (in the folder duban started in)"))
    case .exportedNotices(let path, let count):
      // The name first, so a narrow status line still says where.
      let name = PathText.lastComponent(of: path)
      say(
        &state,
        count == 1
          ? state.lang.pick("已导出 \(name)（在启动 duban 的文件夹）", "exported \(name) (in the folder duban started in)")
          : state.lang.pick(
            "已导出 \(name)/（\(count) 份催办通知，在启动 duban 的文件夹）",
            "exported \(name)/ (\(count) chase notices, in the folder duban started in)"))
    case .exportFailed(let reason):
      say(&state, state.lang.pick("导出失败：", "export failed: ") + reason, error: true)
    case .formsRead, .formsUnreadable, .pathCompletions:
      collectAnswer(&state, action)  // Reducer+Collect.swift
    }
    if follow { anchor.restore(&state, documentReplaced: replaced) }
    if state.saveState == .saved, effects.contains(where: \.isSave) { state.saveState = .saving }
    keepSelectionVisible(&state)
    // Another item's details start at their top.
    if anchor.itemID != cache.selectedItem(state)?.id { state.detailScroll = 0 }
    return effects
  }

  /// A message on the status line.
  func say(_ state: inout AppState, _ message: String, error: Bool = false) {
    state.message = message
    state.messageIsError = error
  }

  /// When someone else changed an item's status or progress while this dashboard was
  /// editing it, the saved value is not the one on screen: say so, naming them.
  func changedUnderneath(_ state: AppState, _ document: StoreDocument, _ edited: [String]) -> String? {
    let lang = state.lang
    for id in Set(edited).sorted() {
      guard let mine = state.plan.item(id: id), let saved = document.plan.item(id: id) else { continue }
      for field in [HistoryField.progress, .status] {
        let differs = field == .progress ? mine.progress != saved.progress : mine.status != saved.status
        guard differs else { continue }
        let other = saved.history.last { $0.field == field && $0.user != state.user }
        let who =
          other.map {
            lang.pick("\($0.user) 于 \(Timestamp.display($0.time)) ", "\($0.user) at \(Timestamp.display($0.time)) ")
          } ?? ""
        let now = field == .progress ? "\(saved.progress)%" : saved.status.label(lang)
        return field == .progress
          ? lang.pick(
            "\(id) 的进度在你修改时已被 \(who)改过，现为 \(now)",
            "\(id): progress was changed by \(who)while you edited it; now \(now)")
          : lang.pick(
            "\(id) 的状态在你修改时已被 \(who)改过，现为\(now)", "\(id): status was changed by \(who)while you edited it; now \(now)")
      }
    }
    return nil
  }

  /// An edit the store would not take: say which and why, and forget its undo entry (the
  /// screen already shows the file as it is).
  func dropRefused(_ state: inout AppState, _ refusal: Refusal) {
    forget(refusal, in: &state.undoStack)
    forget(refusal, in: &state.redoStack)
    if reopenCollect(&state, refusal) { return }
    let why = refusal.error.message(state.lang)
    // Name the item once: the reason usually starts with it already.
    let what = refusal.itemID.map { id in
      why.hasPrefix(id)
        ? state.lang.pick("未保存：", "not saved: ") : state.lang.pick("\(id) 的修改未保存：", "\(id): change not saved: ")
    }
    say(&state, (what ?? "") + why, error: true)
  }
}

extension Effect {
  var isSave: Bool {
    switch self {
    case .persist, .persistWorkPlan, .persistCalendar, .persistCollect: return true
    default: return false
    }
  }
}

extension Command {
  /// Commands whose point is to move the selection (the rest keep it on its item); undo and
  /// redo go to the item they change.
  var movesSelection: Bool {
    switch self {
    case .moveUp, .moveDown, .pageUp, .pageDown, .top, .bottom, .enter, .back, .search, .nextMatch, .previousMatch,
      .filter, .workload, .undo, .redo, .toggleSelect, .timeline:
      return true
    default:
      return false
    }
  }
}
