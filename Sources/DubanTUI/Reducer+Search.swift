import DubanCore

extension Reducer {
  func searchKey(_ state: inout AppState, _ key: Key) {
    guard var editor = state.searchEditor else { return }
    switch key {
    case .enter:
      state.searchEditor = nil
      state.searchOrigin = nil
      state.lastSearch = editor.text
      if !editor.text.isEmpty, state.message == nil || !state.messageIsError {
        say(&state, state.lang.pick("搜索“\(editor.text)”：n 下一个，N 上一个", "search “\(editor.text)”: n next, N previous"))
        // Counted once, at Enter: the n/M of the match in view.
        findMatch(&state, editor.text, forward: true, skipCurrent: false)
      }
    case .escape, .ctrl("c"):
      // Back where the search started: typing moved the selection (maybe across the plan).
      state.searchEditor = nil
      if let origin = state.searchOrigin { go(&state, to: origin) }
      state.searchOrigin = nil
    default:
      editor.handle(key)
      state.searchEditor = editor
      if !editor.text.isEmpty { findMatch(&state, editor.text, forward: true, skipCurrent: false, count: false) }
    }
  }

  /// Moves the selection to the next row matching: in the workload view a unit, in the
  /// timeline a deadline, else the next item (searching all items when the current list has
  /// none). Typing searches as it goes and stops at the first match; Enter, `n` and `N` also
  /// count the matches (once per list: `n` then reuses them) to show `3/12`.
  func findMatch(_ state: inout AppState, _ query: String, forward: Bool, skipCurrent: Bool, count: Bool = true) {
    if findInView(&state, query, forward: forward, skipCurrent: skipCurrent) { return }
    let matcher = ItemMatcher(query, plan: state.plan)
    let items = state.plan.items
    func matches(_ i: Int) -> Bool { matcher.matches(items[i]) }
    if count, let hits = state.searchHits, hits.query == query, hits.key == hitsKey(state), !hits.rows.isEmpty {
      if let row = nextHit(
        hits.rows, from: state.taskList.index, count: hits.rows.count, forward: forward, skipCurrent: skipCurrent)
      {
        state.taskList.index = row
        state.focus = .tasks
        sayPosition(&state, query, at: row)
      }
      return
    }
    var rows = cache.visibleIndices(state)
    if !rows.contains(where: matches)
      && (state.treeList.index != 0 || state.filter != .none || !state.narrowing.isEmpty)
    {
      guard items.indices.contains(where: matches) else {
        noMatch(&state, query)
        return
      }
      state.treeList.index = 0
      state.clearFilters()
      state.taskList.index = 0
      rows = cache.visibleIndices(state)
    }
    guard !rows.isEmpty else { return noMatch(&state, query) }
    let n = rows.count
    let start = state.taskList.index
    for step in (skipCurrent ? 1 : 0)...n {
      let i = ((forward ? start + step : start - step) % n + n) % n
      if matches(rows[i]) {
        state.taskList.index = i
        state.focus = .tasks
        state.message = nil
        state.messageIsError = false
        if count {
          state.searchHits = SearchHits(
            query: query, key: hitsKey(state), rows: rows.indices.filter { matches(rows[$0]) })
          sayPosition(&state, query, at: i)
        }
        return
      }
    }
    noMatch(&state, query)
  }

  func noMatch(_ state: inout AppState, _ query: String) {
    say(&state, state.lang.pick("没有找到“\(query)”", "no match for “\(query)”"), error: true)
  }

  func nextFilter(_ f: TaskFilter) -> TaskFilter {
    switch f {
    case .none: return .status(.notStarted)
    case .status(.notStarted): return .status(.inProgress)
    case .status(.inProgress): return .status(.done)
    case .status(.done): return .status(.blocked)
    case .status(.blocked): return .overdue
    case .overdue: return .none
    }
  }
}

extension TaskFilter {
  public func label(_ lang: Lang) -> String {
    switch self {
    case .none: return lang.pick("全部", "all")
    case .status(let s): return s.label(lang)
    case .overdue: return lang.pick("报送逾期", "report overdue")
    }
  }
}

extension SortOrder {
  public func label(_ lang: Lang) -> String {
    switch self {
    case .number: return lang.pick("编号", "number")
    case .progress: return lang.pick("进度", "progress")
    case .status: return lang.pick("状态", "status")
    case .lead: return lang.pick("牵头单位", "lead unit")
    }
  }
}
