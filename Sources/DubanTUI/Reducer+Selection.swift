import DubanCore

/// Several items at once: `m` selects the row (and moves down), `M` every row of the task
/// list, Esc clears. While something is selected, Space, x, + and - and r change every
/// selected item in one step that one `u` takes back. Closed-out items are skipped and
/// named; each item is undone on its own, never over a colleague's later change.
extension Reducer {
  func selectionCommand(_ state: inout AppState, _ command: Command, now: String) -> [Effect]? {
    guard state.view == .dashboard else { return nil }
    let lang = state.lang
    switch command {
    case .toggleSelect:
      guard let item = cache.selectedItem(state) else { return noItem(&state) }
      if state.selection.remove(item.id) == nil { state.selection.insert(item.id) }
      if state.focus == .tasks || state.focus == .tree {
        state.focus = .tasks
        move(&state, by: 1)
      }
      say(&state, selectionMessage(state))
      return []
    case .selectAll:
      let ids = cache.visibleIndices(state).map { state.plan.items[$0].id }
      guard !ids.isEmpty else { return noItem(&state) }
      if ids.allSatisfy(state.selection.contains) {
        state.selection.subtract(ids)
        say(&state, lang.pick("已取消选中列表中的 \(ids.count) 项", "unselected the list's \(ids.count) items"))
      } else {
        state.selection.formUnion(ids)
        say(&state, selectionMessage(state))
      }
      return []
    case .back where !state.selection.isEmpty:
      state.selection.removeAll()
      say(&state, lang.pick("已清除选中", "selection cleared"))
      return []
    case .cycleStatus, .markBlocked, .progressUp, .progressDown, .fileReport:
      guard !state.selection.isEmpty else { return nil }
      return editSelection(&state, command, now: now)
    default:
      return nil
    }
  }

  func selectionMessage(_ state: AppState) -> String {
    state.lang.pick(
      "已选 \(state.selection.count) 项：Space x + - r 一次修改全部，Esc 清除",
      "\(state.selection.count) selected: Space x + - r change them all, Esc clears")
  }

  /// The selected items, in plan order (ids no longer in the plan are left out).
  func selectedItems(_ state: AppState) -> [Item] {
    state.selection.compactMap { cache.itemIndex(id: $0, in: state) }.sorted().map { state.plan.items[$0] }
  }

  /// One key over every selected item: the edits each gets, then one undo entry and one
  /// save per item under one edit id.
  func editSelection(_ state: inout AppState, _ command: Command, now: String) -> [Effect] {
    let lang = state.lang
    let items = selectedItems(state)
    // The item under the cursor, if selected, else the first: Space and x take the status it
    // goes to, so every selected item ends up alike.
    let reference = cache.selectedItem(state).flatMap { state.selection.contains($0.id) ? $0 : nil } ?? items.first
    guard let reference else { return noItem(&state) }
    var skipped: [String] = []
    var closed: [String] = []
    var plans: [(Item, [ItemEdit])] = []
    let what: String
    switch command {
    case .cycleStatus:
      let target = reference.nextInCycle.status
      what = lang.pick("状态→", "status → ") + target.label(lang)
      for item in items {
        switch target {
        case .done: plans.append((item, [.restore(status: .done, progress: 100)]))
        case .inProgress:
          let p = item.status == .done ? item.progressBeforeDone : item.progress
          plans.append((item, [.restore(status: .inProgress, progress: p)]))
        default:
          // Back from 已完成 to what the item had before (each its own).
          if item.status == .done {
            let t = item.nextInCycle
            plans.append((item, [.restore(status: t.status, progress: t.progress)]))
          }
        }
      }
    case .markBlocked:
      let block = reference.blockedToggle == .blocked
      what = block ? lang.pick("标记滞后", "marked blocked") : lang.pick("取消滞后", "blocked cleared")
      for item in items where block != (item.status == .blocked) {
        plans.append((item, [.restore(status: block ? .blocked : item.blockedToggle, progress: item.progress)]))
      }
    case .progressUp, .progressDown:
      let up = command == .progressUp
      what = up ? lang.pick("进度 +10", "progress +10") : lang.pick("进度 −10", "progress −10")
      for item in items where item.closed != nil || item.progressStep(up: up) != nil {
        plans.append((item, [.step(up: up)]))
      }
    default:
      guard currentPeriod(&state) != nil else { return [] }
      let filing = reportPlans(state, items, skipped: &skipped)
      plans = filing.plans
      what = filing.withdraw ? lang.pick("撤回本期报送标记", "period marker withdrawn") : lang.pick("已报送", "filed")
    }
    // Closed-out items refuse every change: skipped, and named.
    plans.removeAll { item, _ in
      guard item.closed != nil else { return false }
      closed.append(item.id)
      return true
    }
    return applyToSelection(&state, plans, what: what, skipped: skipped, closed: closed, now: now)
  }

  /// `r` over the selection: each item's period for its single reporting unit, filed with a
  /// bare marker; when every one of them is filed already, the markers are taken back.
  func reportPlans(_ state: AppState, _ items: [Item], skipped: inout [String]) -> (
    plans: [(Item, [ItemEdit])], withdraw: Bool
  ) {
    let duty = state.duty
    let day = state.today.description
    var targets: [(item: Item, unit: String, period: String, own: ReportFiling?)] = []
    for item in items {
      let reporters = duty.reporters(of: item)
      // Restricted to a unit that reports for the item: that unit files (as a single r does).
      let mine = state.narrowing.unit.flatMap { reporters.contains($0) ? $0 : nil }
      guard let unit = mine ?? (reporters.count <= 1 ? reporters.first ?? item.allUnits.first : nil),
        let period = duty.periodToFile(item, unit: unit, on: state.today)
      else {
        skipped.append(item.id)
        continue
      }
      targets.append((item, unit, period.id, item.reports.first { $0.period == period.id && $0.unit == unit }))
    }
    let withdraw = !targets.isEmpty && targets.allSatisfy { $0.own?.isBare == true }
    let plans = targets.compactMap { t -> (Item, [ItemEdit])? in
      if withdraw { return (t.item, [.report(period: t.period, unit: t.unit, filed: false, day: day)]) }
      guard t.own == nil else { return nil }
      return (t.item, [.report(period: t.period, unit: t.unit, filed: true, day: day)])
    }
    return (plans, withdraw)
  }

  /// Applies each item's edits on screen (an item that refuses is named, the rest go on),
  /// pushes one undo entry for all of them and returns one save per item.
  func applyToSelection(
    _ state: inout AppState, _ plans: [(Item, [ItemEdit])], what: String, skipped: [String], closed: [String],
    now: String
  ) -> [Effect] {
    let lang = state.lang
    var parts: [ItemUndo] = []
    var saves: [(String, [ItemEdit])] = []
    var refused: [String] = []
    for (item, edits) in plans {
      guard let index = cache.itemIndex(id: item.id, in: state) else { continue }
      let before = state.plan.items[index].state
      do {
        guard try !applyLocally(&state, edits, at: index, now: now).isEmpty else { continue }
      } catch {
        refused.append("\(item.id)：" + message(error, lang))
        continue
      }
      parts.append(ItemUndo(id: item.id, before: before, after: state.plan.items[index].state))
      saves.append((item.id, edits))
    }
    var notes: [String] = []
    if !closed.isEmpty {
      notes.append(lang.pick("已销号，跳过 ", "closed out, skipped: ") + closed.joined(separator: lang.pick("、", ", ")))
    }
    if !skipped.isEmpty {
      notes.append(
        lang.pick("多个单位报送，跳过 ", "several reporting units, skipped: ")
          + skipped.joined(separator: lang.pick("、", ", ")))
    }
    notes += refused
    let tail = notes.isEmpty ? "" : lang.pick("；", "; ") + notes.joined(separator: lang.pick("；", "; "))
    guard !parts.isEmpty else {
      say(&state, lang.pick("选中的事项没有变化", "nothing changed in the selection") + tail, error: !notes.isEmpty)
      return []
    }
    state.lastEditID += 1
    let ids = idList(parts.map(\.id), lang)
    let label = lang.pick("\(parts.count) 项 \(what)（\(ids)）", "\(parts.count) items \(what) (\(ids))")
    state.undoStack.append(UndoEntry(editID: state.lastEditID, label: label, change: .items(parts)))
    state.redoStack.removeAll()
    say(&state, label + tail, error: !notes.isEmpty)
    return saves.map { .persist(itemID: $0.0, edits: $0.1, editID: state.lastEditID) }
  }

  func idList(_ ids: [String], _ lang: Lang) -> String {
    let shown = ids.prefix(6).joined(separator: lang.pick("、", ", "))
    return ids.count > 6 ? shown + "…" : shown
  }

  /// Undo or redo of a step over several items: each item on its own; the message names
  /// those that could not be put back and why.
  func replayMany(
    _ state: inout AppState, _ entry: UndoEntry, _ parts: [ItemUndo], backward: Bool, now: String
  ) -> [Effect] {
    let lang = state.lang
    var effects: [Effect] = []
    var failed: [String] = []
    for part in parts {
      guard let index = cache.itemIndex(id: part.id, in: state) else {
        failed.append(lang.pick("事项 \(part.id) 已不在方案中", "item \(part.id) is no longer in the plan"))
        continue
      }
      let edit: ItemEdit =
        backward ? .revert(from: part.after, to: part.before) : .revert(from: part.before, to: part.after)
      do {
        _ = try applyLocally(&state, [edit], at: index, now: now)
        effects.append(.persist(itemID: part.id, edits: [edit], editID: entry.editID))
      } catch {
        failed.append(message(error, lang))
      }
    }
    let verb = backward ? lang.pick("已撤销：", "undone: ") : lang.pick("已重做：", "redone: ")
    let done = effects.count
    if failed.isEmpty {
      say(&state, verb + entry.label)
    } else {
      let head =
        done == 0
        ? (backward ? lang.pick("未能撤销：", "not undone: ") : lang.pick("未能重做：", "not redone: "))
        : verb + lang.pick("\(done)/\(parts.count) 项；未恢复：", "\(done) of \(parts.count) items; not restored: ")
      say(&state, head + failed.joined(separator: lang.pick("；", "; ")), error: true)
    }
    return effects
  }

  /// A refusal from the store: forget that edit's undo entry, or for a step over several
  /// items just the refused item's part of it.
  func forget(_ refusal: Refusal, in stack: inout [UndoEntry]) {
    stack = stack.compactMap { entry in
      guard entry.editID == refusal.editID else { return entry }
      // A collect's item refused (by an undo or redo): the rest of it stays.
      if case .collected(let parts, let plans) = entry.change, let id = refusal.itemID {
        let rest = parts.filter { $0.id != id }
        guard !rest.isEmpty || !plans.isEmpty else { return nil }
        var kept = entry
        kept.change = .collected(items: rest, workPlans: plans)
        return kept
      }
      guard case .items(let parts) = entry.change, let id = refusal.itemID else { return nil }
      let rest = parts.filter { $0.id != id }
      guard !rest.isEmpty else { return nil }
      var kept = entry
      kept.change = .items(rest)
      return kept
    }
  }
}

extension UndoEntry {
  /// The entry as it goes onto the other stack after a replay: for several items, only
  /// those the replay changed (the saves it returned).
  func keeping(_ effects: [Effect]) -> UndoEntry {
    let changed = Set(effects.compactMap(\.itemID))
    var kept = self
    if case .collected(let parts, let plans) = change {
      let planned = Set(
        effects.compactMap { if case .persistWorkPlan(let e, _) = $0 { return e.unit } else { return nil } })
      kept.change = .collected(
        items: parts.filter { changed.contains($0.id) }, workPlans: plans.filter { planned.contains($0.forward.unit) })
      return kept
    }
    guard case .items(let parts) = change else { return self }
    kept.change = .items(parts.filter { changed.contains($0.id) })
    return kept
  }
}
