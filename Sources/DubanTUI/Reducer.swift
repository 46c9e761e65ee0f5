import DubanCore

/// What the runtime must do after a state change; the reducer itself touches no file.
public enum Effect: Equatable, Sendable {
  /// Apply this edit to the newest store on disk, under the lock.
  case persist(itemID: String, edit: ItemEdit)
  /// Save a unit's work plan to the newest store, under the lock.
  case persistWorkPlan(WorkPlan)
  /// Write an export of the current view to a file.
  case export(ExportRequest)
  /// Suspend the screen and edit a long note in $EDITOR.
  case openEditor(itemID: String)
  case quit
}

public enum ExportRequest: Equatable, Sendable {
  case sheet(unit: String)
  case bulletin
}

public enum Action: Equatable, Sendable {
  case key(Key)
  case command(Command)
  /// The text written in $EDITOR, or nil when it was abandoned.
  case externalNote(itemID: String, text: String?)
}

/// The dashboard's one state machine: (state, action) → new state + effects.
public enum Reducer {
  public static func reduce(_ state: inout AppState, _ action: Action, now: String) -> [Effect] {
    var effects: [Effect] = []
    switch action {
    case .key(.resize(let rows, let columns)):
      state.rows = rows
      state.columns = columns
    case .key(.click(let row, let column)):
      if state.overlay == nil && state.searchEditor == nil { click(&state, row: row, column: column) }
    case .key(let key):
      if state.overlay != nil {
        effects += overlayKey(&state, key, now: now)
      } else if state.searchEditor != nil {
        searchKey(&state, key)
      } else if key == .ctrl("c") {
        state.quitting = true
        effects.append(.quit)
      } else if key == .scrollUp || key == .scrollDown {
        move(&state, by: key == .scrollUp ? -3 : 3)
      } else if let command = KeyTable.command(for: key) {
        effects += run(&state, command, now: now)
      }
    case .command(let command):
      effects += run(&state, command, now: now)
    case .externalNote(let id, let text):
      if let text, !text.trimmed.isEmpty {
        effects += edit(&state, id: id, .note(text.trimmed), undo: .withdrawNote(text.trimmed), now: now)
      } else {
        state.message = state.lang.pick("备注未保存（内容为空）", "note not saved (empty)")
      }
    }
    keepSelectionVisible(&state)
    return effects
  }

  // MARK: - Commands

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
    case .nextPane: state.focus = Pane(rawValue: (state.focus.rawValue + 1) % 3)!
    case .previousPane: state.focus = Pane(rawValue: (state.focus.rawValue + 2) % 3)!
    case .enter:
      switch state.focus {
      case .tree: state.focus = .tasks
      case .tasks: state.focus = .units
      case .units:
        let units = state.selectedUnits
        if units.indices.contains(state.unitIndex) { showItems(of: units[state.unitIndex].name, &state) }
      }
    case .back:
      if state.filter != .none {
        state.filter = .none
        state.taskIndex = 0
        state.message = lang.pick("已清除筛选", "filter cleared")
      } else if state.focus != .tree {
        state.focus = Pane(rawValue: state.focus.rawValue - 1)!
      }
    case .search:
      state.searchEditor = LineEditor()
    case .nextMatch, .previousMatch:
      if state.lastSearch.isEmpty {
        state.message = lang.pick("还没有搜索：按 / 开始", "no search yet: press /")
      } else {
        findMatch(&state, state.lastSearch, forward: command == .nextMatch, skipCurrent: true)
      }
    case .filter:
      state.filter = nextFilter(state.filter)
      state.taskIndex = 0
      state.message = lang.pick("筛选：", "filter: ") + describe(state.filter, lang)
    case .sort:
      let all = SortOrder.allCases
      state.sort = all[(all.firstIndex(of: state.sort)! + 1) % all.count]
      state.message = lang.pick("排序：", "sort: ") + describe(state.sort, lang)
    case .cycleStatus, .markBlocked, .progressUp, .progressDown:
      guard let item = editableItem(&state) else { break }
      var target = (status: item.status, progress: item.progress)
      switch command {
      case .cycleStatus:
        target.status = item.status.next
        if target.status == .done { target.progress = 100 }
        if item.status == .done { target.progress = 0 }
      case .markBlocked:
        target.status = item.status == .blocked ? .inProgress : .blocked
      case .progressUp:
        target.progress = min(100, (item.progress / 10 + 1) * 10)
        target.status = target.progress == 100 ? .done : (item.status == .notStarted ? .inProgress : item.status)
      default:
        target.progress = max(0, ((item.progress + 9) / 10 - 1) * 10)
        if item.status == .done && target.progress < 100 { target.status = .inProgress }
      }
      return edit(
        &state, id: item.id, .restore(status: target.status, progress: target.progress),
        undo: .restore(status: item.status, progress: item.progress), now: now)
    case .fileReport:
      guard let item = editableItem(&state) else { break }
      guard let period = state.calendar.current(on: state.today) else {
        state.message = lang.pick("本方案没有报送日期", "this plan has no report dates")
        state.messageIsError = true
        break
      }
      let filed = item.reports.contains { $0.period == period.id }
      let day = state.today.description
      return edit(
        &state, id: item.id, .report(period: period.id, filed: !filed, day: day),
        undo: .report(period: period.id, filed: filed, day: day), now: now)
    case .editNote:
      guard let item = editableItem(&state) else { break }
      state.overlay = .note(itemID: item.id, editor: LineEditor())
    case .editNoteExternal:
      guard let item = editableItem(&state) else { break }
      return [.openEditor(itemID: item.id)]
    case .undo:
      guard let entry = state.undoStack.popLast() else {
        state.message = lang.pick("没有可撤销的操作", "nothing to undo")
        break
      }
      state.redoStack.append(entry)
      return apply(&state, id: entry.itemID, entry.backward, now: now, verb: lang.pick("已撤销", "undone"))
    case .redo:
      guard let entry = state.redoStack.popLast() else {
        state.message = lang.pick("没有可重做的操作", "nothing to redo")
        break
      }
      state.undoStack.append(entry)
      return apply(&state, id: entry.itemID, entry.forward, now: now, verb: lang.pick("已重做", "redone"))
    case .recordActual:
      guard let item = editableItem(&state) else { break }
      guard let target = item.targets.first(where: { $0.actual == nil }) ?? item.targets.first else {
        state.message = lang.pick("事项 \(item.id) 没有量化目标", "item \(item.id) states no number to track")
        state.messageIsError = true
        break
      }
      state.overlay = .actual(itemID: item.id, editor: LineEditor("\(target.name)="))
    case .workload:
      state.view = .workload
    case .editWorkPlan:
      guard let unit = selectedUnit(state) else {
        state.message = lang.pick("先选中一个单位（单位窗格或工作量视图）", "select a unit first (units pane or workload view)")
        state.messageIsError = true
        break
      }
      state.overlay = .form(.workPlan(unit: unit, doc: state.doc, lang: lang))
    case .editReport:
      guard let item = editableItem(&state) else { break }
      guard let period = state.calendar.current(on: state.today) else {
        state.message = lang.pick("本方案没有报送日期", "this plan has no report dates")
        state.messageIsError = true
        break
      }
      var unit = ReportingCalendar.reporters(of: item, in: state.plan).first ?? item.allUnits.first
      if state.focus == .units, state.selectedUnits.indices.contains(state.unitIndex),
        state.selectedUnits[state.unitIndex].kind == .unit
      {
        unit = state.selectedUnits[state.unitIndex].name
      }
      state.overlay = .form(.periodReport(item: item, period: period, unit: unit, lang: lang))
    case .closeOut:
      guard let item = editableItem(&state) else { break }
      if item.closed == nil && item.status != .done {
        state.message = lang.pick("只有已完成的事项才能销号", "only a finished item can be closed out")
        state.messageIsError = true
        break
      }
      state.overlay = .closeOut(itemID: item.id, reopen: item.closed != nil, editor: LineEditor())
    case .export:
      if state.view == .workload || state.focus == .units, let unit = selectedUnit(state) {
        return [.export(.sheet(unit: unit))]
      }
      return [.export(.bulletin)]
    case .toggleGroup:
      state.message = lang.pick("按 w 打开单位工作量视图后再展开泛指单位", "press w for the workload view first")
    case .help:
      state.overlay = .help
      state.helpScroll = 0
    case .quit:
      state.quitting = true
      return [.quit]
    }
    return []
  }

  /// A unit's own list, from the units pane or the workload view: the items it leads first.
  static func showItems(of unit: String, _ state: inout AppState) {
    state.view = .dashboard
    state.filter = .unit(unit)
    state.treeIndex = 0
    state.taskIndex = 0
    state.focus = .tasks
    state.message = state.lang.pick("“\(unit)”的事项，牵头的在前（Esc 返回全部）", "\(unit)'s items, led ones first (Esc for all)")
  }

  /// The unit the user points at: the workload row, the units pane's row, else the
  /// selected item's reporting unit.
  static func selectedUnit(_ state: AppState) -> String? {
    if state.view == .workload {
      let rows = state.workloadRows
      guard rows.indices.contains(state.workloadIndex) else { return nil }
      let u = rows[state.workloadIndex].load.unit
      return u.kind == .unit ? u.name : nil
    }
    let units = state.selectedUnits
    if state.focus == .units, units.indices.contains(state.unitIndex) {
      return units[state.unitIndex].kind == .unit ? units[state.unitIndex].name : nil
    }
    guard let item = state.selectedItem else { return nil }
    return ReportingCalendar.reporters(of: item, in: state.plan).first
  }

  /// The selected item, when the task pane has one (marking needs an item).
  static func editableItem(_ state: inout AppState) -> Item? {
    if let item = state.selectedItem { return item }
    state.message = state.lang.pick("没有选中的事项", "no item selected")
    state.messageIsError = true
    return nil
  }

  /// A user's change: applied here at once, persisted by the runtime, undoable.
  static func edit(_ state: inout AppState, id: String, _ forward: ItemEdit, undo backward: ItemEdit, now: String)
    -> [Effect]
  {
    edit(&state, id: id, [forward], undo: [backward], now: now)
  }

  static func edit(_ state: inout AppState, id: String, _ forward: [ItemEdit], undo backward: [ItemEdit], now: String)
    -> [Effect]
  {
    let effects = apply(&state, id: id, forward, now: now, verb: nil)
    if !effects.isEmpty {
      state.undoStack.append(UndoEntry(itemID: id, forward: forward, backward: backward))
      state.redoStack.removeAll()
    }
    return effects
  }

  /// Applies edits in order; each one that changed something is persisted.
  static func apply(_ state: inout AppState, id: String, _ edits: [ItemEdit], now: String, verb: String?) -> [Effect] {
    var effects: [Effect] = []
    var summary: [String] = []
    guard let index = state.itemIndex(id: id) else {
      state.message = state.lang.pick("没有事项 \(id)", "no item \(id)")
      state.messageIsError = true
      return effects
    }
    for edit in edits {
      do {
        let before = state.revision
        let changes = try state.doc.plan.apply(edit, at: index, stamp: Stamp(user: state.user, time: now))
        state.itemEdited(at: index, previousRevision: before)
        guard !changes.isEmpty else { continue }
        summary += changes.map { describe($0, state.lang) }
        effects.append(.persist(itemID: id, edit: edit))
      } catch {
        state.message = "\(error)"
        state.messageIsError = true
        return effects
      }
    }
    if !summary.isEmpty { state.message = "\(verb.map { $0 + " " } ?? "")\(id) \(summary.joined(separator: "，"))" }
    return effects
  }

  static func describe(_ change: Change, _ lang: Lang) -> String {
    switch change.field {
    case "status":
      let before = Status(rawValue: change.before)?.label(lang) ?? change.before
      let after = Status(rawValue: change.after)?.label(lang) ?? change.after
      return "\(before)→\(after)"
    case "progress": return "\(change.before)%→\(change.after)%"
    case "note": return change.after.isEmpty ? lang.pick("撤回备注", "note withdrawn") : lang.pick("新增备注", "note added")
    case let f where f.hasPrefix("actual:"):
      return
        "\(f.dropFirst(7)) \(change.before.isEmpty ? "—" : change.before)→\(change.after.isEmpty ? "—" : change.after)"
    default:
      let period = change.field.replacing("report:", with: "")
      return change.after.isEmpty
        ? lang.pick("撤回\(period)报送", "\(period) report withdrawn") : lang.pick("\(period)已报送", "\(period) report filed")
    }
  }

  // MARK: - Moving

  static func pageSize(_ state: AppState) -> Int {
    Layout(rows: state.rows, columns: state.columns).rect(of: state.focus).innerHeight
  }

  static func move(_ state: inout AppState, by delta: Int) {
    func clamp(_ v: Int, _ count: Int) -> Int { max(0, min(count - 1, v)) }
    switch state.focus {
    case .tree:
      let old = state.treeIndex
      state.treeIndex = clamp(state.treeIndex &+ delta, state.tree.count)
      if old != state.treeIndex { state.taskIndex = 0 }
    case .tasks:
      state.taskIndex = clamp(state.taskIndex &+ delta, state.visibleCount)
      state.unitIndex = 0
    case .units:
      state.unitIndex = clamp(state.unitIndex &+ delta, state.selectedUnits.count)
    }
  }

  static func keepSelectionVisible(_ state: inout AppState) {
    let layout = Layout(rows: state.rows, columns: state.columns)
    func fit(_ index: Int, _ scroll: inout Int, _ height: Int) {
      guard height > 0 else { return }
      if index < scroll { scroll = index }
      if index >= scroll + height { scroll = index - height + 1 }
      scroll = max(0, scroll)
    }
    let count = state.visibleCount
    if state.taskIndex >= count { state.taskIndex = max(0, count - 1) }
    fit(state.treeIndex, &state.treeScroll, layout.tree.innerHeight)
    fit(state.taskIndex, &state.taskScroll, layout.tasks.innerHeight)
    fit(state.unitIndex, &state.unitScroll, layout.units.innerHeight)
    if state.view == .workload {
      let count = state.workloadRows.count
      if state.workloadIndex >= count { state.workloadIndex = max(0, count - 1) }
      fit(state.workloadIndex, &state.workloadScroll, workloadPage(state))
    }
  }

  static func click(_ state: inout AppState, row: Int, column: Int) {
    let layout = Layout(rows: state.rows, columns: state.columns)
    for pane in Pane.allCases {
      let r = layout.rect(of: pane)
      guard r.contains(row: row, column: column) else { continue }
      state.focus = pane
      let offset = row - r.row - 1
      guard offset >= 0, offset < r.innerHeight else { return }
      switch pane {
      case .tree:
        let i = state.treeScroll + offset
        if i < state.tree.count && i != state.treeIndex {
          state.treeIndex = i
          state.taskIndex = 0
        }
      case .tasks:
        let i = state.taskScroll + offset
        if i < state.visibleCount { state.taskIndex = i }
      case .units:
        let i = state.unitScroll + offset
        if i < state.selectedUnits.count { state.unitIndex = i }
      }
      return
    }
  }

  // MARK: - Search, filter, sort

  static func searchKey(_ state: inout AppState, _ key: Key) {
    guard var editor = state.searchEditor else { return }
    switch key {
    case .enter:
      state.searchEditor = nil
      state.lastSearch = editor.text
      if !editor.text.isEmpty, state.message == nil || !state.messageIsError {
        state.message = state.lang.pick("搜索“\(editor.text)”：n 下一个，N 上一个", "search “\(editor.text)”: n next, N previous")
      }
    case .escape, .ctrl("c"):
      state.searchEditor = nil
    default:
      editor.handle(key)
      state.searchEditor = editor
      if !editor.text.isEmpty { findMatch(&state, editor.text, forward: true, skipCurrent: false) }
    }
  }

  public static func matches(_ item: Item, _ query: String) -> Bool { SearchText(query).matches(item) }

  /// Moves the task selection to the next item matching; searches all items when the
  /// current view has none.
  static func findMatch(_ state: inout AppState, _ query: String, forward: Bool, skipCurrent: Bool) {
    let search = SearchText(query)
    let items = state.plan.items
    func matches(_ i: Int) -> Bool { search.matches(items[i]) }
    var rows = state.visibleIndices
    if !rows.contains(where: matches) && (state.treeIndex != 0 || state.filter != .none) {
      guard items.indices.contains(where: matches) else {
        noMatch(&state, query)
        return
      }
      state.treeIndex = 0
      state.filter = .none
      state.taskIndex = 0
      rows = state.visibleIndices
    }
    guard !rows.isEmpty else { return noMatch(&state, query) }
    let n = rows.count
    let start = state.taskIndex
    for step in (skipCurrent ? 1 : 0)...n {
      let i = ((forward ? start + step : start - step) % n + n) % n
      if matches(rows[i]) {
        state.taskIndex = i
        state.focus = .tasks
        state.message = nil
        state.messageIsError = false
        return
      }
    }
    noMatch(&state, query)
  }

  static func noMatch(_ state: inout AppState, _ query: String) {
    state.message = state.lang.pick("没有找到“\(query)”", "no match for “\(query)”")
    state.messageIsError = true
  }

  static func nextFilter(_ f: TaskFilter) -> TaskFilter {
    switch f {
    case .none, .unit: return .status(.notStarted)
    case .status(.notStarted): return .status(.inProgress)
    case .status(.inProgress): return .status(.done)
    case .status(.done): return .status(.blocked)
    case .status(.blocked): return .overdue
    case .overdue: return .none
    }
  }

  public static func describe(_ f: TaskFilter, _ lang: Lang) -> String {
    switch f {
    case .none: return lang.pick("全部", "all")
    case .status(let s): return s.label(lang)
    case .overdue: return lang.pick("报送逾期", "report overdue")
    case .unit(let u): return u
    }
  }

  public static func describe(_ s: SortOrder, _ lang: Lang) -> String {
    switch s {
    case .number: return lang.pick("编号", "number")
    case .progress: return lang.pick("进度", "progress")
    case .status: return lang.pick("状态", "status")
    case .lead: return lang.pick("牵头单位", "lead unit")
    }
  }

  // MARK: - Workload view

  /// Commands that mean something else in the workload table; nil lets the rest through.
  static func workloadCommand(_ state: inout AppState, _ command: Command) -> [Effect]? {
    let lang = state.lang
    let rows = state.workloadRows
    func moveTo(_ i: Int) { state.workloadIndex = max(0, min(rows.count - 1, i)) }
    switch command {
    case .moveUp: moveTo(state.workloadIndex - 1)
    case .moveDown: moveTo(state.workloadIndex + 1)
    case .pageUp: moveTo(state.workloadIndex - max(1, workloadPage(state) - 1))
    case .pageDown: moveTo(state.workloadIndex + max(1, workloadPage(state) - 1))
    case .top: moveTo(0)
    case .bottom: moveTo(rows.count - 1)
    case .sort:
      let all = WorkloadColumn.allCases
      state.workloadSort = all[(all.firstIndex(of: state.workloadSort)! + 1) % all.count]
      state.workloadIndex = 0
      state.message = lang.pick("排序：", "sort: ") + describe(state.workloadSort, lang)
    case .enter:
      guard rows.indices.contains(state.workloadIndex) else { return [] }
      showItems(of: rows[state.workloadIndex].load.unit.name, &state)
    case .toggleGroup:
      guard rows.indices.contains(state.workloadIndex) else { return [] }
      let row = rows[state.workloadIndex]
      let group = row.memberOf ?? (row.load.unit.kind == .group ? row.load.unit.name : nil)
      guard let group else {
        state.message = lang.pick("这是单位，不是泛指单位", "this is a unit, not a group")
        return []
      }
      if state.expandedGroups.remove(group) == nil {
        state.expandedGroups.insert(group)
      } else if let i = state.workloadRows.firstIndex(where: { $0.load.unit.name == group && $0.memberOf == nil }) {
        state.workloadIndex = i
      }
    case .workload, .back:
      state.view = .dashboard
    case .help, .quit, .undo, .redo, .editWorkPlan, .export:
      return nil
    default:
      state.message = lang.pick(
        "在任务列表中标记：按 Enter 打开该单位的事项，或 w 返回", "mark in the task list: Enter opens the unit's items, w returns")
    }
    return []
  }

  /// Saves a form: a work plan goes to the store whole; a period report is an item edit.
  static func submit(_ state: inout AppState, _ form: Form, now: String) -> [Effect] {
    let lang = state.lang
    switch form.kind {
    case .workPlan(let unit):
      let wp = form.workPlanValue(unit: unit, previous: state.doc.workPlan(of: unit))
      state.doc.save(wp, on: state.today.description)
      let saved = state.doc.workPlan(of: unit)
      state.message =
        saved?.filed != nil
        ? lang.pick("\(unit)办理方案已保存并报送", "\(unit)'s work plan saved and filed")
        : lang.pick("\(unit)办理方案已保存（草稿：每项事项都要有内容，并填写总责任人）", "\(unit)'s work plan saved as a draft")
      return [.persistWorkPlan(wp)]
    case .periodReport(let id, let period, let unit):
      guard let item = state.plan.item(id: id) else { return [] }
      let rawProgress = form.value("progress")
      guard let progress = Int(rawProgress), (0...100).contains(progress) else {
        state.message = lang.pick("进度必须是 0–100 的整数，未保存", "progress must be a whole number 0–100; not saved")
        state.messageIsError = true
        return []
      }
      let report = ReportFiling(
        period: period, filed: state.today.description, user: state.user, unit: unit,
        progressText: form.value("progressText"),
        problems: form.value("problems"), nextSteps: form.value("nextSteps"), progress: progress)
      let previous = item.reports.first { $0.period == period && $0.unit == unit }
      let undoReport: ItemEdit = previous.map { .periodReport($0) } ?? .withdrawPeriodReport(period: period, unit: unit)
      return edit(
        &state, id: id, [.periodReport(report)],
        undo: [undoReport, .restore(status: item.status, progress: item.progress)],
        now: now)
    }
  }

  /// "停车泊位=3000" from the prompt; an empty value clears the actual.
  static func recordActual(_ state: inout AppState, id: String, _ text: String, now: String) -> [Effect] {
    let lang = state.lang
    guard let eq = text.firstIndex(of: "="), let item = state.plan.item(id: id) else {
      state.message = lang.pick("格式：名称=数值", "format: name=value")
      state.messageIsError = true
      return []
    }
    let name = String(text[..<eq]).trimmed
    let raw = String(text[text.index(after: eq)...]).trimmed.replacing(",", with: "")
    let value = raw.isEmpty ? nil : Double(raw)
    guard raw.isEmpty || value != nil else {
      state.message = lang.pick("“\(raw)”不是数值", "“\(raw)” is not a number")
      state.messageIsError = true
      return []
    }
    let old = item.targets.first { $0.name == name }?.actual
    return edit(&state, id: id, .actual(target: name, value: value), undo: .actual(target: name, value: old), now: now)
  }

  /// Rows of units the workload view shows: its box less the border and the header.
  static func workloadPage(_ state: AppState) -> Int {
    max(1, Layout(rows: state.rows, columns: state.columns).workload.innerHeight - 1)
  }

  public static func describe(_ c: WorkloadColumn, _ lang: Lang) -> String {
    switch c {
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

  // MARK: - Overlays

  static func overlayKey(_ state: inout AppState, _ key: Key, now: String) -> [Effect] {
    switch state.overlay {
    case .help:
      switch key {
      case .escape, .char("q"), .char("?"), .enter, .ctrl("c"): state.overlay = nil
      case .down, .char("j"), .pageDown, .scrollDown:
        state.helpScroll = min(state.helpScroll + 1, KeyTable.bindings.count)
      case .up, .char("k"), .pageUp, .scrollUp: state.helpScroll = max(0, state.helpScroll - 1)
      default: break
      }
    case .note(let id, var editor):
      switch key {
      case .escape, .ctrl("c"):
        state.overlay = nil
        state.message = state.lang.pick("已取消", "cancelled")
      case .enter, .ctrl("s"):
        state.overlay = nil
        let text = editor.text.trimmed
        guard !text.isEmpty else {
          state.message = state.lang.pick("备注为空，未保存", "empty note not saved")
          return []
        }
        return edit(&state, id: id, .note(text), undo: .withdrawNote(text), now: now)
      default:
        editor.handle(key)
        state.overlay = .note(itemID: id, editor: editor)
      }
    case .form(var form):
      switch key {
      case .escape, .ctrl("c"):
        state.overlay = nil
        state.message = state.lang.pick("已取消，未保存", "cancelled, nothing saved")
      case .enter, .ctrl("s"):
        state.overlay = nil
        return submit(&state, form, now: now)
      case .tab, .down: form.moveFocus(by: 1)
      case .backTab, .up: form.moveFocus(by: -1)
      case .ctrl("n"): form.addRow(lang: state.lang)
      default:
        if !form.fields[form.focus].readOnly { form.fields[form.focus].editor.handle(key) }
      }
      if state.overlay != nil { state.overlay = .form(form) }
    case .closeOut(let id, let reopen, var editor):
      switch key {
      case .escape, .ctrl("c"):
        state.overlay = nil
      case .enter, .ctrl("s"):
        state.overlay = nil
        let remark = editor.text.trimmed
        guard let item = state.plan.item(id: id) else { return [] }
        if reopen, let closed = item.closed {
          return edit(
            &state, id: id, .reopen(remark: remark), undo: .close(date: closed.date, remark: closed.remark), now: now)
        }
        return edit(
          &state, id: id, .close(date: state.today.description, remark: remark),
          undo: .reopen(remark: state.lang.pick("撤销销号", "close-out undone")), now: now)
      default:
        editor.handle(key)
        state.overlay = .closeOut(itemID: id, reopen: reopen, editor: editor)
      }
    case .actual(let id, var editor):
      switch key {
      case .escape, .ctrl("c"):
        state.overlay = nil
      case .enter, .ctrl("s"):
        state.overlay = nil
        return recordActual(&state, id: id, editor.text, now: now)
      default:
        editor.handle(key)
        state.overlay = .actual(itemID: id, editor: editor)
      }
    case nil:
      break
    }
    return []
  }
}
