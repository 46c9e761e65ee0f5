import DubanCore

extension Reducer {
  /// `t`: the timeline, on the next deadline after today (else today's row).
  func openTimeline(_ state: inout AppState) {
    // Came here from the timeline (Enter on an item deadline): t goes back to it.
    if state.returnStack.last?.view == .timeline, returnBack(&state) { return }
    pushReturn(&state)
    state.view = .timeline
    let rows = TimelineRow.rows(state, cache)
    let today = rows.firstIndex { $0.kind == .today } ?? 0
    state.timelineList.index = rows.indices.contains(today + 1) ? today + 1 : today
  }

  /// Keys in the timeline; nil lets the rest through (help, quit, undo, search …).
  func timelineCommand(_ state: inout AppState, _ command: Command, now: String) -> [Effect]? {
    let lang = state.lang
    let rows = TimelineRow.rows(state, cache)
    let page = max(1, Layout(rows: state.rows, columns: state.columns).workload.innerHeight - 8)
    if state.timelineList.move(command, count: rows.count, page: page) { return [] }
    let selected = rows.indices.contains(state.timelineList.index) ? rows[state.timelineList.index] : nil
    switch command {
    case .editDeadline:
      openCalendarForm(&state, focus: selected?.calendarKey)
    case .enter:
      guard let selected else { return [] }
      if case .items(let ids) = selected.kind, let first = ids.first {
        // The first item due that day, in the whole plan's list.
        state.view = .dashboard
        state.filter = .none
        state.treeList.index = 0
        state.focus = .tasks
        if let index = cache.itemIndex(id: first, in: state),
          let row = cache.visibleIndices(state).firstIndex(of: index)
        {
          state.taskList.index = row
        }
        say(
          &state,
          lang.pick(
            "\(selected.day) 到期：\(ids.joined(separator: "、"))（Esc 回到时间轴）",
            "due \(selected.day): \(ids.joined(separator: ", ")) (Esc back to the timeline)"))
        // Esc comes back here: the point pushed when the timeline opened stays below.
        state.returnStack.append(
          ReturnPoint(
            view: .timeline, workloadList: state.workloadList, timelineList: state.timelineList, filter: .none,
            narrowing: state.narrowing,
            focus: state.focus, treeList: state.treeList, taskList: state.taskList))
      } else if selected.calendarKey != nil {
        openCalendarForm(&state, focus: selected.calendarKey)
      }
    case .timeline, .back:
      if !returnBack(&state) { state.view = .dashboard }
    case .help, .quit, .undo, .redo, .search, .nextMatch, .previousMatch, .export:
      return nil
    default:
      say(&state, lang.pick("时间轴：d 改报送日期，Enter 查看，Esc 返回", "timeline: d edits the dates, Enter opens, Esc returns"))
    }
    return []
  }

  /// A click on a deadline in the timeline's list selects it (the list starts six rows
  /// under the view's top border: months, today, ruler, marks, labels, legend).
  func timelineClick(_ state: inout AppState, row: Int) {
    let r = Layout(rows: state.rows, columns: state.columns).workload
    let listTop = r.row + 7
    let height = r.row + r.height - 1 - listTop
    let count = TimelineRow.rows(state, cache).count
    var list = state.timelineList
    list.fit(count: count, height: height)
    let i = list.scroll + row - listTop
    if row >= listTop, row < listTop + height, i < count { state.timelineList.index = i }
  }
}
