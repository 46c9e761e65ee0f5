import DubanCore

extension Reducer {
  /// Commands that mean something else in the workload table; nil lets the rest through.
  func workloadCommand(_ state: inout AppState, _ command: Command) -> [Effect]? {
    let lang = state.lang
    let rows = cache.workloadRows(state)
    if state.workloadList.move(command, count: rows.count, page: max(1, workloadPage(state) - 1)) { return [] }
    switch command {
    case .sort:
      let all = WorkloadColumn.allCases
      state.workloadSort = all[(all.firstIndex(of: state.workloadSort)! + 1) % all.count]
      say(&state, lang.pick("排序：", "sort: ") + state.workloadSort.label(lang))
    case .enter:
      guard rows.indices.contains(state.workloadList.index) else { return [] }
      pushReturn(&state)
      showItems(of: rows[state.workloadList.index].load.unit.name, &state)
    case .toggleGroup:
      guard rows.indices.contains(state.workloadList.index) else { return [] }
      let row = rows[state.workloadList.index]
      let group = row.memberOf ?? (row.load.unit.kind == .group ? row.load.unit.name : nil)
      guard let group else {
        say(&state, lang.pick("这是单位，不是泛指单位", "this is a unit, not a group"))
        return []
      }
      if state.expandedGroups.remove(group) == nil {
        state.expandedGroups.insert(group)
      } else {
        let collapsed = cache.workloadRows(state)
        if let i = collapsed.firstIndex(where: { $0.load.unit.name == group && $0.memberOf == nil }) {
          state.workloadList.index = i
        }
      }
    case .back:
      if !returnBack(&state) { state.view = .dashboard }
    case .workload:
      // w toggles between the two views: no way back to keep.
      state.returnStack.removeAll()
      state.view = .dashboard
    case .help, .quit, .undo, .redo, .editWorkPlan, .export, .chase, .unitScope, .search, .nextMatch, .previousMatch,
      .timeline:
      return nil
    default:
      say(
        &state,
        lang.pick("在任务列表中标记：按 Enter 打开该单位的事项，或 w 返回", "mark in the task list: Enter opens the unit's items, w returns"))
    }
    return []
  }

  /// A unit's own list, from the units pane or the workload view: the items it leads first.
  func showItems(of unit: String, _ state: inout AppState) {
    state.view = .dashboard
    state.restrict(toUnit: unit)
    state.focus = .tasks
    say(&state, state.lang.pick("“\(unit)”的事项，牵头的在前（Esc 返回全部）", "\(unit)'s items, led ones first (Esc for all)"))
  }

  /// Rows of units the workload view shows: its box less the border and the header.
  func workloadPage(_ state: AppState) -> Int {
    max(1, Layout(rows: state.rows, columns: state.columns).workload.innerHeight - 1)
  }
}

extension WorkloadColumn {
  public func label(_ lang: Lang) -> String {
    switch self {
    case .order: return lang.pick("出现顺序", "document order")
    case .weighted: return lang.pick("加权负荷", "weighted load")
    case .lead: return lang.pick("牵头数", "items led")
    case .responsible: return lang.pick("责任数", "items joined")
    case .notStarted: return lang.pick("未开始数", "not started")
    case .inProgress: return lang.pick("推进中数", "in progress")
    case .done: return lang.pick("已完成数", "done")
    case .blocked: return lang.pick("标记滞后数", "blocked")
    case .behind: return lang.pick("滞后数", "items behind")
    case .overdue: return lang.pick("逾期报送", "reports overdue")
    }
  }
}
