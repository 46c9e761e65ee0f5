import DubanCore

/// Where Esc returns to: the view the user came from, at the row they left.
public struct ReturnPoint: Equatable, Sendable {
  public var view: View
  public var workloadList: ListState
  public var timelineList: ListState
  public var filter: TaskFilter
  public var narrowing: Narrowing
  public var focus: Pane
  public var treeList: ListState
  public var taskList: ListState
}

/// The last search's matching rows in the current list (row numbers, ascending), found once
/// when the search is run and reused by `n`/`N` while the list stays the same.
public struct SearchHits: Equatable, Sendable {
  public var query: String
  public var key: HitsKey
  public var rows: [Int]
}

/// What a list of matches depends on: the view, the task list's node, filter and sort, and
/// the document.
public struct HitsKey: Equatable, Sendable {
  var view: View
  var node: Int
  var filter: TaskFilter
  var sort: SortOrder
  var revision: UInt64
}

extension Reducer {
  func pushReturn(_ state: inout AppState) {
    state.returnStack.append(place(state))
    // A chain of views, not a history: enough to come back the way one went.
    if state.returnStack.count > 8 { state.returnStack.removeFirst() }
  }

  /// Where the user is: the view, its lists, the filters and the focus.
  func place(_ state: AppState) -> ReturnPoint {
    ReturnPoint(
      view: state.view, workloadList: state.workloadList, timelineList: state.timelineList, filter: state.filter,
      narrowing: state.narrowing, focus: state.focus, treeList: state.treeList, taskList: state.taskList)
  }

  func go(_ state: inout AppState, to point: ReturnPoint) {
    state.view = point.view
    state.workloadList = point.workloadList
    state.timelineList = point.timelineList
    state.filter = point.filter
    state.narrowing = point.narrowing
    state.focus = point.focus
    state.treeList = point.treeList
    state.taskList = point.taskList
  }

  /// Esc: back to where the user came from (the workload view at the unit's row, the
  /// dashboard as it was before the timeline). False when there is nowhere to return to.
  func returnBack(_ state: inout AppState) -> Bool {
    guard let point = state.returnStack.popLast() else { return false }
    go(&state, to: point)
    return true
  }

  /// J and K: the detail area a page down or up (a page less one line, so the reader keeps
  /// their place).
  func scrollDetail(_ state: inout AppState, down: Bool) {
    guard let item = cache.selectedItem(state) else { return }
    let r = Layout(rows: state.rows, columns: state.columns).detail
    let total = DetailPane.lines(state, item, columns: r.innerWidth - 1).count
    let page = max(1, r.innerHeight - 1)
    let last = max(0, total - r.innerHeight)
    state.detailScroll = max(0, min(last, state.detailScroll + (down ? page : -page)))
    if last == 0 {
      say(&state, state.lang.pick("详情已全部显示", "the details fit"))
    }
  }

  func hitsKey(_ state: AppState) -> HitsKey {
    HitsKey(
      view: state.view, node: state.treeList.index, filter: state.filter, sort: state.sort,
      revision: state.view == .dashboard ? state.revision : 0)
  }

  /// "“区商务局” 3/12": which match of how many, after a search or n/N.
  func sayPosition(_ state: inout AppState, _ query: String, at row: Int) {
    guard let hits = state.searchHits, hits.query == query, let i = hits.rows.firstIndex(of: row) else { return }
    say(
      &state,
      state.lang.pick(
        "“\(query)” \(i + 1)/\(hits.rows.count)（n 下一个，N 上一个）",
        "“\(query)” \(i + 1)/\(hits.rows.count) (n next, N previous)"))
  }

  /// Search in the workload view: a unit's name or any of its aliases.
  func workloadMatches(_ state: AppState, _ query: String) -> [Int] {
    let search = SearchText(query)
    return cache.workloadRows(state).indices.filter { i in
      let unit = cache.workloadRows(state)[i].load.unit
      return search.contains(unit.name) || unit.aliases.contains { search.contains($0) }
    }
  }

  /// Moves to the next (or previous) row in `hits` from `start`; the current row counts
  /// unless `skipCurrent`.
  func nextHit(_ hits: [Int], from start: Int, count: Int, forward: Bool, skipCurrent: Bool) -> Int? {
    guard !hits.isEmpty, count > 0 else { return nil }
    if forward {
      return hits.first { skipCurrent ? $0 > start : $0 >= start } ?? hits.first
    }
    return hits.last { skipCurrent ? $0 < start : $0 <= start } ?? hits.last
  }

  /// `/`, `n`, `N` outside the task list: the workload view's units, the timeline's rows.
  /// Returns false in the dashboard (the task search handles it).
  func findInView(_ state: inout AppState, _ query: String, forward: Bool, skipCurrent: Bool) -> Bool {
    let rows: [Int]
    let start: Int
    switch state.view {
    case .dashboard: return false
    case .workload:
      rows = workloadMatches(state, query)
      start = state.workloadList.index
    case .timeline:
      let search = SearchText(query)
      let all = TimelineRow.rows(state, cache)
      rows = all.indices.filter { search.contains(all[$0].searchText(state.lang)) }
      start = state.timelineList.index
    case .chase:
      // A unit's heading by its name, a report by its item's id or text, or its unit.
      let search = SearchText(query)
      let all = cache.chaseRows(state)
      rows = all.indices.filter {
        switch all[$0] {
        case .unit(let u): return search.contains(u.unit)
        case .entry(let unit, let e): return search.contains(unit + " " + e.itemID + " " + e.text)
        }
      }
      start = state.chaseList.index
    }
    state.searchHits = SearchHits(query: query, key: hitsKey(state), rows: rows)
    guard let row = nextHit(rows, from: start, count: rows.count, forward: forward, skipCurrent: skipCurrent) else {
      noMatch(&state, query)
      return true
    }
    switch state.view {
    case .workload: state.workloadList.index = row
    case .chase: state.chaseList.index = row
    default: state.timelineList.index = row
    }
    sayPosition(&state, query, at: row)
    return true
  }
}
