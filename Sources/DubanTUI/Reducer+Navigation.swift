import DubanCore

/// What is selected, by identity rather than by row: restored after the rows change.
struct Anchor {
  var node: TreeNode.Kind
  var itemID: String?
  var unit: String?
  var workloadRow: (unit: String, memberOf: String?)?
  let cache: ViewCache

  init(_ state: AppState, _ cache: ViewCache) {
    self.cache = cache
    node = state.selectedNode.kind
    itemID = cache.selectedItem(state)?.id
    let units = cache.selectedUnits(state)
    unit = units.indices.contains(state.unitList.index) ? units[state.unitList.index].name : nil
    if state.view == .workload {
      let rows = cache.workloadRows(state)
      if rows.indices.contains(state.workloadList.index) {
        workloadRow = (rows[state.workloadList.index].load.unit.name, rows[state.workloadList.index].memberOf)
      }
    }
  }

  /// `documentReplaced`: the plan may have a new outline (another writer, a re-import).
  func restore(_ state: inout AppState, documentReplaced: Bool) {
    if documentReplaced {
      let outline = TreeNode.outline(of: state.plan, lang: state.lang)
      if outline != state.tree {
        state.tree = outline
        state.treeList.index = outline.firstIndex { $0.kind == node } ?? min(state.treeList.index, outline.count - 1)
      }
    }
    if let itemID, let index = cache.itemIndex(id: itemID, in: state) {
      // Most actions leave the item where it was: look the row up only when it moved (a
      // search of 100,000 rows is not for every keystroke).
      let rows = cache.visibleIndices(state)
      if !(rows.indices.contains(state.taskList.index) && rows[state.taskList.index] == index),
        let row = rows.firstIndex(of: index)
      {
        state.taskList.index = row
      }
    }
    if let unit, let row = cache.selectedUnits(state).firstIndex(where: { $0.name == unit }) {
      state.unitList.index = row
    }
    if let workloadRow, state.view == .workload,
      let row = cache.workloadRows(state).firstIndex(where: {
        $0.load.unit.name == workloadRow.unit && $0.memberOf == workloadRow.memberOf
      })
    {
      state.workloadList.index = row
    }
  }
}

extension Reducer {
  func pageSize(_ state: AppState) -> Int {
    Layout(rows: state.rows, columns: state.columns).rect(of: state.focus).innerHeight
  }

  func move(_ state: inout AppState, by delta: Int) {
    func clamp(_ v: Int, _ count: Int) -> Int { max(0, min(count - 1, v)) }
    switch state.focus {
    case .tree:
      let old = state.treeList.index
      state.treeList.index = clamp(state.treeList.index &+ delta, state.tree.count)
      if old != state.treeList.index { state.taskList.index = 0 }
    case .tasks:
      state.taskList.index = clamp(state.taskList.index &+ delta, cache.visibleCount(state))
      state.unitList.index = 0
    case .units:
      state.unitList.index = clamp(state.unitList.index &+ delta, cache.selectedUnits(state).count)
    }
  }

  func cyclePane(_ state: inout AppState, by step: Int) {
    let all = Pane.allCases
    let i = all.firstIndex(of: state.focus)!
    state.focus = all[(i + step + all.count) % all.count]
  }

  func keepSelectionVisible(_ state: inout AppState) {
    let layout = Layout(rows: state.rows, columns: state.columns)
    state.treeList.fit(count: state.tree.count, height: layout.tree.innerHeight)
    state.taskList.fit(count: cache.visibleCount(state), height: layout.tasks.innerHeight)
    state.unitList.fit(count: cache.selectedUnits(state).count, height: layout.units.innerHeight)
    if state.view == .workload {
      state.workloadList.fit(count: cache.workloadRows(state).count, height: workloadPage(state))
    }
    if state.view == .chase { state.chaseList.fit(count: cache.chaseRows(state).count, height: chasePage(state)) }
  }

  func click(_ state: inout AppState, row: Int, column: Int) {
    let layout = Layout(rows: state.rows, columns: state.columns)
    for pane in Pane.allCases {
      let r = layout.rect(of: pane)
      guard r.contains(row: row, column: column) else { continue }
      state.focus = pane
      let offset = row - r.row - 1
      guard offset >= 0, offset < r.innerHeight else { return }
      switch pane {
      case .tree:
        let i = state.treeList.scroll + offset
        if i < state.tree.count && i != state.treeList.index {
          state.treeList.index = i
          state.taskList.index = 0
        }
      case .tasks:
        let i = state.taskList.scroll + offset
        if i < cache.visibleCount(state) { state.taskList.index = i }
      case .units:
        let i = state.unitList.scroll + offset
        if i < cache.selectedUnits(state).count { state.unitList.index = i }
      }
      return
    }
  }
}
