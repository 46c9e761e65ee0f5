import DubanCore

/// What is selected, by identity rather than by row: restored after the rows change.
struct Anchor {
  var node: TreeNode.Kind
  var itemID: String?
  var unit: String?
  var workloadRow: (unit: String, memberOf: String?)?

  init(_ state: AppState) {
    node = state.selectedNode.kind
    itemID = state.selectedItem?.id
    let units = state.selectedUnits
    unit = units.indices.contains(state.unitIndex) ? units[state.unitIndex].name : nil
    if state.view == .workload {
      let rows = state.workloadRows
      if rows.indices.contains(state.workloadIndex) {
        workloadRow = (rows[state.workloadIndex].load.unit.name, rows[state.workloadIndex].memberOf)
      }
    }
  }

  /// `documentReplaced`: the plan may have a new outline (another writer, a re-import).
  func restore(_ state: inout AppState, documentReplaced: Bool) {
    if documentReplaced {
      let outline = TreeNode.outline(of: state.plan, lang: state.lang)
      if outline != state.tree {
        state.tree = outline
        state.treeIndex = outline.firstIndex { $0.kind == node } ?? min(state.treeIndex, outline.count - 1)
      }
    }
    if let itemID, let index = state.itemIndex(id: itemID), let row = state.visibleIndices.firstIndex(of: index) {
      state.taskIndex = row
    }
    if let unit, let row = state.selectedUnits.firstIndex(where: { $0.name == unit }) {
      state.unitIndex = row
    }
    if let workloadRow, state.view == .workload,
      let row = state.workloadRows.firstIndex(where: {
        $0.load.unit.name == workloadRow.unit && $0.memberOf == workloadRow.memberOf
      })
    {
      state.workloadIndex = row
    }
  }
}

extension Reducer {
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

  static func cyclePane(_ state: inout AppState, by step: Int) {
    let all = Pane.allCases
    let i = all.firstIndex(of: state.focus)!
    state.focus = all[(i + step + all.count) % all.count]
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
    let units = state.selectedUnits.count
    if state.unitIndex >= units { state.unitIndex = max(0, units - 1) }
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
}
