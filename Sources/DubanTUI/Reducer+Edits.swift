import DubanCore

extension Reducer {
  /// A user's change to one item: applied here at once (all edits or none), persisted by
  /// the runtime, undoable.
  func edit(_ state: inout AppState, id: String, _ edits: [ItemEdit], now: String) -> [Effect] {
    let lang = state.lang
    guard let index = cache.itemIndex(id: id, in: state) else {
      say(&state, lang.pick("没有事项 \(id)", "no item \(id)"), error: true)
      return []
    }
    let before = state.plan.items[index].state
    let changes: [Change]
    do {
      changes = try applyLocally(&state, edits, at: index, now: now)
    } catch {
      say(&state, message(error, lang), error: true)
      return []
    }
    guard !changes.isEmpty else {
      say(&state, lang.pick("\(id) 没有变化", "\(id): nothing changed"))
      return []
    }
    state.lastEditID += 1
    let after = state.plan.items[index].state
    let label = "\(id) " + changes.map { $0.summary(lang) }.joined(separator: lang.pick("，", ", "))
    state.undoStack.append(
      UndoEntry(editID: state.lastEditID, label: label, change: .item(id: id, before: before, after: after)))
    state.redoStack.removeAll()
    say(&state, label)
    return [.persist(itemID: id, edits: edits, editID: state.lastEditID)]
  }

  /// Applies edits to the item on screen, all or none, keeping the view cache current.
  func applyLocally(_ state: inout AppState, _ edits: [ItemEdit], at index: Int, now: String) throws -> [Change] {
    let previous = state.revision
    let changes = try state.doc.plan.apply(edits, at: index, stamp: Stamp(user: state.user, time: now))
    if !changes.isEmpty { cache.itemEdited(state, at: index, previousRevision: previous) }
    if !changes.isEmpty, edits.contains(where: \.changesUnits) { cache.unitsEdited() }
    return changes
  }

  func message(_ error: Error, _ lang: Lang) -> String {
    (error as? EditError)?.message(lang) ?? "\(error)"
  }

  /// Space, x, + and -: the status and progress they set, never losing what they do not change.
  func statusKey(_ state: inout AppState, _ command: Command, now: String) -> [Effect] {
    guard let item = editableItem(&state) else { return [] }
    let lang = state.lang
    var target = (status: item.status, progress: item.progress)
    switch command {
    case .cycleStatus:
      target = item.nextInCycle
    case .markBlocked:
      target.status = item.blockedToggle
    default:
      let up = command == .progressUp
      guard item.progressStep(up: up) != nil else {
        say(&state, lang.pick("\(item.id) 进度已是 \(up ? 100 : 0)%", "\(item.id) is at \(up ? 100 : 0)% already"))
        return []
      }
      return edit(&state, id: item.id, [.step(up: up)], now: now)
    }
    return edit(&state, id: item.id, [.restore(status: target.status, progress: target.progress)], now: now)
  }

  /// `r`: marks a period filed with a bare marker for the reporting unit (the one selected
  /// in the units pane, else the item's single reporting unit — as `R` files for), or takes
  /// that marker back. The period is the earliest one this unit owes past its deadline, else
  /// the current one (a marker already there for the current period is taken back). A
  /// written report is never removed by it.
  func toggleReport(_ state: inout AppState, now: String, unit chosen: String? = nil) -> [Effect] {
    guard let item = editableItem(&state), let current = currentPeriod(&state) else { return [] }
    let lang = state.lang
    let day = state.today.description
    let unit = chosen ?? reportingUnit(state, item)
    let period = unit.flatMap { state.duty.periodToFile(item, unit: $0, on: state.today) } ?? current
    let own = unit.flatMap { u in item.reports.first { $0.period == period.id && $0.unit == u } }
    // A marker for the item as a whole (older stores) is taken back from the task list.
    if own == nil, period == current, state.focus != .units, chosen == nil,
      item.reports.contains(where: { $0.period == current.id && $0.unit == nil && $0.isBare })
    {
      return edit(&state, id: item.id, [.report(period: current.id, unit: nil, filed: false, day: day)], now: now)
    }
    // Several reporting units and none selected in the units pane: ask which.
    guard let unit else {
      askReportingUnit(&state, item, for: .fileReport(itemID: item.id))
      return []
    }
    if let own, !own.isBare {
      say(
        &state,
        lang.pick(
          "\(unit) 的\(period.name)书面报告已在；撤回按 W",
          "\(unit) has a written \(period.id) report; W withdraws it"))
      return []
    }
    return edit(&state, id: item.id, [.report(period: period.id, unit: unit, filed: own == nil, day: day)], now: now)
  }

  /// `W`: shows a written report — the selected unit's, else the first one; of the current
  /// period, else the latest one written (R may have filed a late one) — and asks.
  func askWithdrawReport(_ state: inout AppState) {
    guard let item = editableItem(&state), let period = currentPeriod(&state) else { return }
    let lang = state.lang
    let unit = state.focus == .units ? selectedUnit(state) : nil
    let written = item.reports.filter { !$0.isBare && (unit == nil || $0.unit == unit) }
    guard let report = written.first(where: { $0.period == period.id }) ?? written.last else {
      let marker = item.reports.contains { $0.isBare && (unit == nil || $0.unit == unit) }
      say(
        &state,
        marker
          ? lang.pick("只有 r 的报送标记：按 r 撤回", "only the r marker is there: r takes it back")
          : lang.pick("\(unit ?? item.id) 没有书面报告可撤回", "\(unit ?? item.id) has no written report"))
      return
    }
    state.overlay = .confirm(.withdrawReport(itemID: item.id, report: report))
  }

  // MARK: - Undo and redo

  func undo(_ state: inout AppState, now: String) -> [Effect] {
    step(&state, from: \.undoStack, to: \.redoStack, backward: true, now: now)
  }

  func redo(_ state: inout AppState, now: String) -> [Effect] {
    step(&state, from: \.redoStack, to: \.undoStack, backward: false, now: now)
  }

  /// Takes the newest entry off one stack, replays it, and keeps it on the other if it applied.
  func step(
    _ state: inout AppState, from: WritableKeyPath<AppState, [UndoEntry]>, to: WritableKeyPath<AppState, [UndoEntry]>,
    backward: Bool, now: String
  ) -> [Effect] {
    guard let entry = state[keyPath: from].popLast() else {
      say(
        &state,
        backward ? state.lang.pick("没有可撤销的操作", "nothing to undo") : state.lang.pick("没有可重做的操作", "nothing to redo"))
      return []
    }
    let effects = replay(&state, entry, backward: backward, now: now)
    if !effects.isEmpty { state[keyPath: to].append(entry.keeping(effects)) }
    return effects
  }

  /// Puts back one side of an entry, only where the item or plan still holds the other side;
  /// otherwise says who changed it and drops the entry.
  func replay(_ state: inout AppState, _ entry: UndoEntry, backward: Bool, now: String) -> [Effect] {
    let lang = state.lang
    let verb = backward ? lang.pick("已撤销：", "undone: ") : lang.pick("已重做：", "redone: ")
    switch entry.change {
    case .item(let id, let before, let after):
      guard let index = cache.itemIndex(id: id, in: state) else {
        say(&state, lang.pick("事项 \(id) 已不在方案中，无法撤销", "item \(id) is no longer in the plan"), error: true)
        return []
      }
      let edit: ItemEdit = backward ? .revert(from: after, to: before) : .revert(from: before, to: after)
      let anchor = Anchor(state, cache)
      do {
        _ = try applyLocally(&state, [edit], at: index, now: now)
        say(&state, verb + entry.label)
        // Show the item undo changed when the list holds it; else stay where we were.
        if let row = cache.visibleIndices(state).firstIndex(of: index) {
          state.taskList.index = row
        } else {
          anchor.restore(&state, documentReplaced: false)
        }
      } catch {
        say(&state, message(error, lang), error: true)
        return []
      }
      return [.persist(itemID: id, edits: [edit], editID: entry.editID)]
    case .workPlan(let forward, let reverse):
      let edit = backward ? reverse : forward
      do {
        try state.doc.apply(edit, day: state.today.description, stamp: Stamp(user: state.user, time: now))
      } catch {
        say(&state, message(error, lang), error: true)
        return []
      }
      say(&state, verb + entry.label)
      return [.persistWorkPlan(edit, editID: entry.editID)]
    case .items(let parts):
      return replayMany(&state, entry, parts, backward: backward, now: now)
    case .calendar(let forward, let reverse):
      let edits = backward ? reverse : forward
      do {
        try state.doc.plan.apply(edits, stamp: Stamp(user: state.user, time: now))
      } catch {
        say(&state, message(error, lang), error: true)
        return []
      }
      say(&state, verb + entry.label)
      return [.persistCalendar(edits, editID: entry.editID)]
    case .collected(let items, let workPlans):
      return replayCollect(&state, entry, items: items, workPlans: workPlans, backward: backward, now: now)
    }
  }
}
