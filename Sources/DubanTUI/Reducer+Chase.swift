import DubanCore

/// One row of the chase view: a unit's heading, or one report it owes.
public enum ChaseRow: Equatable, Sendable {
  case unit(ChaseList.UnitEntries)
  case entry(unit: String, ChaseList.Entry)
}

extension ViewCache {
  /// The chase list as of today, for the unit the dashboard is restricted to (else all),
  /// worked out once per change of the document.
  public func chase(_ state: AppState) -> ChaseList { cachedChase(state) { $0.chase! } }

  /// The view's rows, kept with the list: a keystroke in the view never rebuilds them.
  public func chaseRows(_ state: AppState) -> [ChaseRow] { cachedChase(state) { $0.chaseRows } }

  private func cachedChase<T>(_ state: AppState, _ read: (ViewCache.Contents) -> T) -> T {
    let key = "\(state.revision)|\(state.today)|\(state.narrowing.unit ?? "")"
    return cached(state) { c in
      if c.chaseKey != key || c.chase == nil {
        let list = ChaseList(state.doc, today: state.today, unit: state.narrowing.unit)
        c.chase = list
        c.chaseRows = list.units.flatMap { u in
          [ChaseRow.unit(u)] + u.owed.map { ChaseRow.entry(unit: u.unit, $0) }
        }
        c.chaseKey = key
      }
      return read(c)
    }
  }
}

/// `C`: the chase list. Enter opens an entry's item (Esc comes back) or a unit's items; `r`
/// and `R` file the entry's report for its unit and period; `X` writes the 催办通知.
extension Reducer {
  func openChase(_ state: inout AppState) {
    state.chaseReturn = state.view == .chase ? state.chaseReturn : state.view
    state.view = .chase
    state.returnToChase = false
    let list = cache.chase(state)
    say(
      &state,
      list.isEmpty
        ? state.lang.pick("截至 \(state.today) 没有逾期或即将到期的报送", "nothing overdue or due soon as of \(state.today)")
        : state.lang.pick(
          "催办：\(list.units.count) 个单位，逾期未报 \(list.overdueCount) 项，即将到期 \(list.dueSoonCount) 项",
          "chase: \(list.unitsLabel), \(list.overdueCount) overdue, \(list.dueSoonCount) due soon"))
  }

  /// Commands that mean something else in the chase view; nil lets the rest through.
  func chaseCommand(_ state: inout AppState, _ command: Command, now: String) -> [Effect]? {
    let lang = state.lang
    let rows = cache.chaseRows(state)
    if state.chaseList.move(command, count: rows.count, page: max(1, chasePage(state) - 1)) { return [] }
    let row = rows.indices.contains(state.chaseList.index) ? rows[state.chaseList.index] : nil
    switch command {
    case .chase, .back:
      state.view = state.chaseReturn == .chase ? .dashboard : state.chaseReturn
    case .enter:
      switch row {
      case .unit(let u):
        state.view = .dashboard
        state.restrict(toUnit: u.unit)
        say(&state, unitMessage(state, u.unit))
      case .entry(_, let e):
        showItem(&state, e.itemID)
      case nil: break
      }
    case .editReport, .fileReport:
      guard case .entry(let unit, let e) = row else {
        say(&state, lang.pick("选中一项报送（单位下面的行）", "select a report (a row under a unit)"))
        return []
      }
      guard let item = state.plan.item(id: e.itemID) else { return [] }
      if let closed = item.closed {
        say(
          &state,
          lang.pick("事项 \(item.id) 已于 \(closed.date) 销号", "item \(item.id) was closed out on \(closed.date)"),
          error: true)
        return []
      }
      if command == .fileReport {
        return edit(
          &state, id: item.id, [.report(period: e.period.id, unit: unit, filed: true, day: state.today.description)],
          now: now)
      }
      state.overlay = .form(
        .periodReport(
          item: item, period: e.period, unit: unit, lang: lang, choices: reportPeriods(state, item, unit)))
    case .export:
      // The dashboard's format question, with the notice's formats (m, d).
      state.overlay = .exportFormat(.chaseNotices(unit: state.narrowing.unit))
    case .workload:
      state.view = .workload
    case .help, .quit, .undo, .redo, .unitScope:
      return nil
    default:
      say(
        &state,
        lang.pick(
          "催办清单：Enter 看事项，r/R 报送，X 导出催办通知，Esc 返回", "chase list: Enter opens, r/R file, X exports notices, Esc returns"
        ))
    }
    return []
  }

  /// Opens an item from the chase list in the dashboard, keeping the filters when it is
  /// among their rows; Esc comes back.
  func showItem(_ state: inout AppState, _ id: String) {
    guard let index = cache.itemIndex(id: id, in: state) else { return }
    state.view = .dashboard
    state.treeList.index = 0
    if !cache.visibleIndices(state).contains(index) { state.clearFilters() }
    state.taskList.index = cache.visibleIndices(state).firstIndex(of: index) ?? 0
    state.focus = .tasks
    state.returnToChase = true
    say(&state, state.lang.pick("\(id)：Esc 回到催办清单", "\(id): Esc returns to the chase list"))
  }

  func chasePage(_ state: AppState) -> Int {
    max(1, Layout(rows: state.rows, columns: state.columns).workload.innerHeight)
  }
}
