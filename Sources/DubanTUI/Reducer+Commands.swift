import DubanCore

extension Reducer {
  func run(_ state: inout AppState, _ command: Command, now: String) -> [Effect] {
    let lang = state.lang
    state.message = nil
    state.messageIsError = false
    if state.view == .workload, let handled = workloadCommand(&state, command) { return handled }
    if state.view == .chase, let handled = chaseCommand(&state, command, now: now) { return handled }
    if state.view == .timeline, let handled = timelineCommand(&state, command, now: now) { return handled }
    if let handled = selectionCommand(&state, command, now: now) ?? itemFormCommand(&state, command, now: now) {
      return handled
    }
    switch command {
    case .moveUp: move(&state, by: -1)
    case .moveDown: move(&state, by: 1)
    case .pageUp: move(&state, by: -max(1, pageSize(state) - 1))
    case .pageDown: move(&state, by: max(1, pageSize(state) - 1))
    case .top: move(&state, by: -Int.max / 2)
    case .bottom: move(&state, by: Int.max / 2)
    case .nextPane: cyclePane(&state, by: 1)
    case .previousPane: cyclePane(&state, by: -1)
    case .enter:
      switch state.focus {
      case .tree: state.focus = .tasks
      case .tasks: state.focus = .units
      case .units:
        let units = cache.selectedUnits(state)
        if units.indices.contains(state.unitList.index) {
          // Esc comes back to this item's row in the list it was in.
          pushReturn(&state)
          showItems(of: units[state.unitList.index].name, &state)
        }
      }
    case .back:
      if state.returnToChase {
        state.returnToChase = false
        state.view = .chase
      } else if returnBack(&state) {
        break
      } else if clearLastFilter(&state) {
        // The filter set last is off; the others stay.
      } else if state.focus != .tree {
        cyclePane(&state, by: -1)
      }
    case .search:
      state.searchEditor = LineEditor()
      state.searchOrigin = place(state)
    case .nextMatch, .previousMatch:
      if state.lastSearch.isEmpty {
        say(&state, lang.pick("还没有搜索：按 / 开始", "no search yet: press /"))
      } else {
        findMatch(&state, state.lastSearch, forward: command == .nextMatch, skipCurrent: true)
      }
    case .filter:
      state.filter = nextFilter(state.filter)
      state.narrowing.touched(.status, isSet: state.filter != .none)
      state.taskList.index = 0
      say(&state, lang.pick("筛选：", "filter: ") + state.filter.label(lang))
    case .sort:
      let all = SortOrder.allCases
      state.sort = all[(all.firstIndex(of: state.sort)! + 1) % all.count]
      say(&state, lang.pick("排序：", "sort: ") + state.sort.label(lang))
    case .cycleStatus, .markBlocked, .progressUp, .progressDown:
      return statusKey(&state, command, now: now)
    case .fileReport:
      return toggleReport(&state, now: now)
    case .withdrawReport:
      askWithdrawReport(&state)
    case .editNote:
      guard let item = editableItem(&state) else { break }
      state.overlay = .note(itemID: item.id, editor: LineEditor())
    case .editNoteExternal:
      guard let item = editableItem(&state) else { break }
      return [.openEditor(itemID: item.id)]
    case .undo: return undo(&state, now: now)
    case .redo: return redo(&state, now: now)
    case .recordActual:
      guard let item = editableItem(&state) else { break }
      guard let target = item.targets.first(where: { $0.actual == nil }) ?? item.targets.first else {
        say(&state, lang.pick("事项 \(item.id) 没有量化目标", "item \(item.id) states no number to track"), error: true)
        break
      }
      state.overlay = .actual(itemID: item.id, editor: LineEditor("\(target.name)=", selected: true))
    case .workload:
      state.returnStack.removeAll()
      state.view = .workload
      state.returnToChase = false
    case .editWorkPlan:
      guard let unit = selectedUnit(state) else {
        say(
          &state, lang.pick("先选中一个单位（单位窗格或工作量视图）", "select a unit first (units pane or workload view)"), error: true)
        break
      }
      state.overlay = .form(.workPlan(unit: unit, doc: state.doc, lang: lang))
    case .editReport:
      guard let item = editableItem(&state) else { break }
      // Several reporting units and none selected in the units pane: ask which.
      guard let unit = reportingUnit(state, item) else {
        askReportingUnit(&state, item, for: .editReport(itemID: item.id))
        break
      }
      openReportForm(&state, unit: unit)
    case .closeOut:
      guard let item = cache.selectedItem(state) else { return noItem(&state) }
      if item.closed == nil && item.status != .done {
        say(&state, lang.pick("只有已完成的事项才能销号", "only a finished item can be closed out"), error: true)
        break
      }
      state.overlay = .closeOut(itemID: item.id, reopen: item.closed != nil, editor: LineEditor())
    case .export:
      if state.view == .workload || state.focus == .units, let unit = selectedUnit(state) {
        state.overlay = .exportFormat(.sheet(unit: unit))
      } else {
        state.overlay = .exportFormat(.bulletin)
      }
    case .toggleGroup:
      say(&state, lang.pick("按 w 打开单位工作量视图后再展开泛指单位", "press w for the workload view first"))
    case .help:
      state.overlay = .help
      state.helpScroll = 0
    case .quit:
      return [.quit]
    case .toggleSelect, .selectAll, .editItem, .review:
      break  // Reducer+Selection.swift, Reducer+ItemForm.swift
    case .unitScope:
      openUnitPrompt(&state)
    case .narrow:
      openNarrowChooser(&state)
    case .chase:
      openChase(&state)
    case .editDeadline:
      askDeadline(&state)
    case .timeline:
      openTimeline(&state)
    case .collect:
      openCollect(&state)
    case .detailDown, .detailUp:
      scrollDetail(&state, down: command == .detailDown)
    }
    return []
  }

  /// The unit the user points at: the workload row, the units pane's row, else the
  /// selected item's reporting unit.
  func selectedUnit(_ state: AppState) -> String? {
    if state.view == .workload {
      let rows = cache.workloadRows(state)
      guard rows.indices.contains(state.workloadList.index) else { return nil }
      let u = rows[state.workloadList.index].load.unit
      return u.kind == .unit ? u.name : nil
    }
    let units = cache.selectedUnits(state)
    if state.focus == .units, units.indices.contains(state.unitList.index) {
      return units[state.unitList.index].kind == .unit ? units[state.unitList.index].name : nil
    }
    guard let item = cache.selectedItem(state) else { return nil }
    return state.duty.reporters(of: item).first
  }

  /// Who a period report is filed for: the unit selected in the units pane, else the unit
  /// the dashboard is restricted to (when it reports for the item), else the item's single
  /// reporting unit; nil when the item has several (`askReportingUnit` lets the user pick).
  func reportingUnit(_ state: AppState, _ item: Item) -> String? {
    let units = cache.selectedUnits(state)
    if state.focus == .units, units.indices.contains(state.unitList.index), units[state.unitList.index].kind == .unit {
      return units[state.unitList.index].name
    }
    let reporters = state.duty.reporters(of: item)
    // A dashboard restricted to a unit ("my unit") files for it.
    if let mine = state.narrowing.unit, reporters.contains(mine) { return mine }
    return reporters.count > 1 ? nil : reporters.first ?? item.allUnits.first
  }

  /// The period `r` and `R` file: the earliest one past its deadline without this unit's
  /// report (while owed), else the current one.
  func periodToFile(_ state: inout AppState, _ item: Item, unit: String) -> ReportPeriod? {
    if let period = state.duty.periodToFile(item, unit: unit, on: state.today) { return period }
    say(&state, state.lang.pick("本方案没有报送日期", "this plan has no report dates"), error: true)
    return nil
  }

  func currentPeriod(_ state: inout AppState) -> ReportPeriod? {
    if let period = state.calendar.current(on: state.today) { return period }
    say(&state, state.lang.pick("本方案没有报送日期", "this plan has no report dates"), error: true)
    return nil
  }

  @discardableResult
  func noItem(_ state: inout AppState) -> [Effect] {
    say(&state, state.lang.pick("没有选中的事项", "no item selected"), error: true)
    return []
  }

  /// The selected item when it can be changed: a closed-out item says so before any editor
  /// opens, so nobody types a note that is then refused.
  func editableItem(_ state: inout AppState) -> Item? {
    guard let item = cache.selectedItem(state) else {
      noItem(&state)
      return nil
    }
    if let closed = item.closed {
      say(
        &state,
        state.lang.pick(
          "事项 \(item.id) 已于 \(closed.date) 销号，不能修改；按 c 重新打开",
          "item \(item.id) was closed out on \(closed.date); c reopens it"),
        error: true)
      return nil
    }
    return item
  }
}
