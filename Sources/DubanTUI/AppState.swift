import DubanCore

public enum Pane: Int, CaseIterable, Sendable {
  case tree
  case tasks
  case units
}

/// Which items the task pane shows, beyond the tree's selection.
public enum TaskFilter: Equatable, Sendable {
  case none
  case status(Status)
  case overdue
  case unit(String)
}

public enum SortOrder: CaseIterable, Sendable {
  case number
  case progress
  case status
  case lead
}

public enum Overlay: Equatable, Sendable {
  case help
  case note(itemID: String, editor: LineEditor)
  /// "name=value" for one of the item's targets.
  case actual(itemID: String, editor: LineEditor)
  /// A work plan or a period report.
  case form(Form)
  /// The remark for closing an item out (or reopening it).
  case closeOut(itemID: String, reopen: Bool, editor: LineEditor)
  /// A question before something that cannot be typed back: y confirms, anything else not.
  case confirm(Confirmation)
  /// X: which format to export in (md, csv, xlsx, docx).
  case exportFormat(ExportRequest)
}

public enum Confirmation: Equatable, Sendable {
  /// Withdraw a unit's written period report (shown in full before it goes).
  case withdrawReport(itemID: String, report: ReportFiling)
}

/// The three-pane dashboard, or the per-unit workload table.
public enum View: Equatable, Sendable {
  case dashboard
  case workload
}

/// Columns the workload table sorts by.
public enum WorkloadColumn: CaseIterable, Sendable {
  case order
  case weighted
  case lead
  case responsible
  case notStarted
  case inProgress
  case done
  case blocked
  case behind
  case overdue
}

public enum SaveState: Equatable, Sendable {
  case saved
  /// A change is being written in the background.
  case saving
  case failed(String)
}

/// One undoable change, as the snapshots before and after it: undo puts back `before` only
/// where the store still holds `after`, so it never overwrites what a colleague wrote since.
public struct UndoEntry: Equatable, Sendable {
  /// Ties the entry to its saves: a save the store refuses removes the entry.
  public var editID: Int
  /// What the change did, as the status line said it ("1.1 进度 0%→10%"): undo and redo
  /// name it.
  public var label: String
  public var change: Undoable
}

public enum Undoable: Equatable, Sendable {
  case item(id: String, before: ItemState, after: ItemState)
  /// The edit as made and the edit that reverses it.
  case workPlan(forward: WorkPlanEdit, backward: WorkPlanEdit)
}

/// Everything the dashboard shows; the reducer changes it, the renderer draws it.
public struct AppState: Sendable {
  public var doc: StoreDocument {
    didSet { revision = Revision.next() }
  }
  /// Changes with every change of `doc`: what the view cache is keyed by.
  public private(set) var revision = Revision.next()
  let cache = ViewCache()
  public var storePath: String
  public var lang: Lang
  public var today: Day
  public var user: String
  public var rows: Int
  public var columns: Int
  public var width: DisplayWidth
  public var asciiBorders: Bool

  public var focus: Pane = .tree
  public var tree: [TreeNode]
  /// Each list's selected row and the first row shown.
  public var treeList = ListState()
  public var taskList = ListState()
  public var unitList = ListState()

  public var view: View = .dashboard
  public var workloadList = ListState()
  public var workloadSort: WorkloadColumn = .weighted
  public var expandedGroups: Set<String> = []

  public var filter: TaskFilter = .none
  public var sort: SortOrder = .number
  /// The search being typed (nil when the prompt is closed) and the last one run.
  public var searchEditor: LineEditor?
  public var lastSearch = ""
  public var overlay: Overlay?
  public var helpScroll = 0
  /// Esc was pressed once on a prompt with typed text: a second Esc discards it.
  public var discardArmed = false
  public var message: String?
  public var messageIsError = false
  public var saveState: SaveState = .saved
  /// Whose lock the save is waiting for (`等待 plan.json 的锁（用户 u2001，进程 1234）…`).
  public var lockWait: String?
  public var undoStack: [UndoEntry] = []
  public var redoStack: [UndoEntry] = []
  /// Numbers each edit, so a refusal from the store finds the edit it is about.
  public var lastEditID = 0

  public init(
    doc: StoreDocument, storePath: String, lang: Lang, today: Day, user: String, rows: Int, columns: Int,
    width: DisplayWidth = .standard, asciiBorders: Bool = false
  ) {
    self.doc = doc
    self.storePath = storePath
    self.lang = lang
    self.today = today
    self.user = user
    self.rows = rows
    self.columns = columns
    self.width = width
    self.asciiBorders = asciiBorders
    self.tree = TreeNode.outline(of: doc.plan, lang: lang)
  }

  public var plan: Plan { doc.plan }
  public var calendar: ReportingCalendar { doc.calendar }
  /// Who owes which report (groups' members worked out once per call: O(units)).
  public var duty: ReportDuty { doc.duty }
  public var schedule: Schedule { Schedule(plan: plan, settings: doc.settings, today: today) }

  public var selectedNode: TreeNode { tree[min(treeList.index, tree.count - 1)] }

  /// The task pane's rows: the tree's selection, filtered and sorted.
  public var visibleItems: [Item] { visibleIndices.map { plan.items[$0] } }

  public var visibleCount: Int { visibleIndices.count }

  static func statusRank(_ s: Status) -> Int {
    switch s {
    case .blocked: return 0
    case .notStarted: return 1
    case .inProgress: return 2
    case .done: return 3
    }
  }

  public var selectedItem: Item? {
    let rows = visibleIndices
    return rows.indices.contains(taskList.index) ? plan.items[rows[taskList.index]] : nil
  }

  /// The units pane's rows for the selected item: lead first.
  public var selectedUnits: [(name: String, isLead: Bool, kind: Unit.Kind)] { units(of: selectedItem) }

  public func units(of item: Item?) -> [(name: String, isLead: Bool, kind: Unit.Kind)] {
    guard let item else { return [] }
    return item.allUnits.map { name in
      (name, item.lead.contains(name), plan.units.first { $0.name == name }?.kind ?? .unit)
    }
  }

}

/// A list's place: the selected row and the first row in view.
public struct ListState: Equatable, Sendable {
  public var index = 0
  public var scroll = 0

  public init(index: Int = 0, scroll: Int = 0) {
    self.index = index
    self.scroll = scroll
  }

  /// Keeps the selection within `count` rows and in view in `height` rows.
  mutating func fit(count: Int, height: Int) {
    if index >= count { index = max(0, count - 1) }
    guard height > 0 else { return }
    if index < scroll { scroll = index }
    if index >= scroll + height { scroll = index - height + 1 }
    scroll = max(0, scroll)
  }
}

/// One row of the workload table: a unit, or a group's member shown under it.
public struct WorkloadRow: Equatable, Sendable {
  public var load: UnitLoad
  /// Set on member rows: the group they are listed under, and whether membership is assumed.
  public var memberOf: String?
  public var assumed: Bool
}

extension AppState {
  public var workloadRows: [WorkloadRow] {
    let loads = cachedWorkload()
    let sorted: [UnitLoad]
    func by(_ key: (UnitLoad) -> Double) -> [UnitLoad] {
      loads.enumerated().sorted { a, b in
        key(a.element) > key(b.element) || (key(a.element) == key(b.element) && a.offset < b.offset)
      }.map(\.element)
    }
    switch workloadSort {
    case .order: sorted = loads
    case .weighted: sorted = by { $0.weighted }
    case .lead: sorted = by { Double($0.lead) }
    case .responsible: sorted = by { Double($0.responsible) }
    case .notStarted: sorted = by { Double($0.statuses[.notStarted] ?? 0) }
    case .inProgress: sorted = by { Double($0.statuses[.inProgress] ?? 0) }
    case .done: sorted = by { Double($0.statuses[.done] ?? 0) }
    case .blocked: sorted = by { Double($0.statuses[.blocked] ?? 0) }
    case .behind: sorted = by { Double($0.lights.behind) }
    case .overdue: sorted = by { Double($0.reportsOverdue) }
    }
    let byName = Dictionary(uniqueKeysWithValues: loads.map { ($0.unit.name, $0) })
    var rows: [WorkloadRow] = []
    for load in sorted {
      rows.append(WorkloadRow(load: load, memberOf: nil, assumed: false))
      guard load.unit.kind == .group, expandedGroups.contains(load.unit.name) else { continue }
      let membership = doc.settings.membership(of: load.unit.name, in: plan)
      for member in membership.members {
        if let m = byName[member] {
          rows.append(WorkloadRow(load: m, memberOf: load.unit.name, assumed: membership.assumed))
        }
      }
    }
    return rows
  }
}

/// What the tree shows beside a node.
public struct NodeStats: Equatable, Sendable {
  public var done = 0
  public var total = 0
  public var lights = LightCounts()
}

/// What one frame needs, computed once per frame rather than once per pane.
struct FrameData {
  /// Indices into plan.items of the task list's rows.
  var rows: [Int]
  var idWidth: Int
  var selected: Item?
  var treeStats: [NodeStats]

  init(_ state: AppState) {
    (rows, idWidth) = state.visible()
    selected = rows.indices.contains(state.taskList.index) ? state.plan.items[rows[state.taskList.index]] : nil
    treeStats = state.view == .dashboard ? state.treeStats() : []
  }
}
