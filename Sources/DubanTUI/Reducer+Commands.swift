import DubanCore

extension Reducer {
  static func run(_ state: inout AppState, _ command: Command, now: String) -> [Effect] {
    let lang = state.lang
    state.message = nil
    state.messageIsError = false
    if state.view == .workload, let handled = workloadCommand(&state, command) { return handled }
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
        let units = state.selectedUnits
        if units.indices.contains(state.unitList.index) { showItems(of: units[state.unitList.index].name, &state) }
      }
    case .back:
      if state.filter != .none {
        state.filter = .none
        state.taskList.index = 0
        say(&state, lang.pick("已清除筛选", "filter cleared"))
      } else if state.focus != .tree {
        cyclePane(&state, by: -1)
      }
    case .search:
      state.searchEditor = LineEditor()
    case .nextMatch, .previousMatch:
      if state.lastSearch.isEmpty {
        say(&state, lang.pick("还没有搜索：按 / 开始", "no search yet: press /"))
      } else {
        findMatch(&state, state.lastSearch, forward: command == .nextMatch, skipCurrent: true)
      }
    case .filter:
      state.filter = nextFilter(state.filter)
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
      state.view = .workload
    case .editWorkPlan:
      guard let unit = selectedUnit(state) else {
        say(
          &state, lang.pick("先选中一个单位（单位窗格或工作量视图）", "select a unit first (units pane or workload view)"), error: true)
        break
      }
      state.overlay = .form(.workPlan(unit: unit, doc: state.doc, lang: lang))
    case .editReport:
      guard let item = editableItem(&state), let unit = reportingUnitOrAsk(&state, item),
        let period = periodToFile(&state, item, unit: unit)
      else { break }
      state.overlay = .form(.periodReport(item: item, period: period, unit: unit, lang: lang))
    case .closeOut:
      guard let item = state.selectedItem else { return noItem(&state) }
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
    }
    return []
  }

  /// The unit the user points at: the workload row, the units pane's row, else the
  /// selected item's reporting unit.
  static func selectedUnit(_ state: AppState) -> String? {
    if state.view == .workload {
      let rows = state.workloadRows
      guard rows.indices.contains(state.workloadList.index) else { return nil }
      let u = rows[state.workloadList.index].load.unit
      return u.kind == .unit ? u.name : nil
    }
    let units = state.selectedUnits
    if state.focus == .units, units.indices.contains(state.unitList.index) {
      return units[state.unitList.index].kind == .unit ? units[state.unitList.index].name : nil
    }
    guard let item = state.selectedItem else { return nil }
    return state.duty.reporters(of: item).first
  }

  /// Who a period report is filed for: the unit selected in the units pane, else the
  /// item's single reporting unit; nil when the item has several (the user picks one in
  /// the units pane).
  static func reportingUnit(_ state: AppState, _ item: Item) -> String? {
    let units = state.selectedUnits
    if state.focus == .units, units.indices.contains(state.unitList.index), units[state.unitList.index].kind == .unit {
      return units[state.unitList.index].name
    }
    let reporters = state.duty.reporters(of: item)
    return reporters.count > 1 ? nil : reporters.first ?? item.allUnits.first
  }

  /// The reporting unit, or a message naming the candidates when there are several.
  static func reportingUnitOrAsk(_ state: inout AppState, _ item: Item) -> String? {
    if let unit = reportingUnit(state, item) { return unit }
    let candidates = state.duty.reporters(of: item)
    say(
      &state,
      state.lang.pick(
        "\(item.id) 由多个单位报送（\(candidates.joined(separator: "、"))）：先在单位窗格选中一个单位",
        "\(item.id) is reported by several units (\(candidates.joined(separator: ", "))): select one in the units pane first"
      ), error: true)
    return nil
  }

  /// The period `r` and `R` file: the earliest one past its deadline without this unit's
  /// report (while owed), else the current one.
  static func periodToFile(_ state: inout AppState, _ item: Item, unit: String) -> ReportPeriod? {
    if let period = state.duty.periodToFile(item, unit: unit, on: state.today) { return period }
    say(&state, state.lang.pick("本方案没有报送日期", "this plan has no report dates"), error: true)
    return nil
  }

  static func currentPeriod(_ state: inout AppState) -> ReportPeriod? {
    if let period = state.calendar.current(on: state.today) { return period }
    say(&state, state.lang.pick("本方案没有报送日期", "this plan has no report dates"), error: true)
    return nil
  }

  @discardableResult
  static func noItem(_ state: inout AppState) -> [Effect] {
    say(&state, state.lang.pick("没有选中的事项", "no item selected"), error: true)
    return []
  }

  /// The selected item when it can be changed: a closed-out item says so before any editor
  /// opens, so nobody types a note that is then refused.
  static func editableItem(_ state: inout AppState) -> Item? {
    guard let item = state.selectedItem else {
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
