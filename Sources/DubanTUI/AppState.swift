import DubanCore

public enum Pane: Int, CaseIterable, Sendable {
  case tree
  case tasks
  case units
}

/// `f`'s filter: which items the task pane shows, beyond the tree's selection (the unit,
/// light and report filters are `Narrowing`; they all combine).
public enum TaskFilter: Equatable, Sendable {
  case none
  case status(Status)
  case overdue
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
  /// A short list to pick from (↑↓ Enter, digits, Esc): which unit files, which filter.
  case chooser(Chooser)
  /// `U`: the unit to restrict the dashboard to, with completion over names and aliases.
  case unitPrompt(UnitPrompt)
  /// `d`: the item's own deadline (empty clears it).
  case deadline(itemID: String, editor: LineEditor)
  /// X: which format to export in (md, csv, xlsx, docx).
  case exportFormat(ExportRequest)
  /// `I`: collect filled forms (path, preview, confirm).
  case collect(CollectDialog)
}

public enum Confirmation: Equatable, Sendable {
  /// Withdraw a unit's written period report (shown in full before it goes).
  case withdrawReport(itemID: String, report: ReportFiling)
}

/// The three-pane dashboard, or the per-unit workload table.
public enum View: Equatable, Sendable {
  case dashboard
  case workload
  /// `C`: the chase list (催办), every report overdue or due soon, by unit.
  case chase
  /// `t`: the year's report and item deadlines on a month ruler.
  case timeline
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
  /// One step over several items (the selection): each undone on its own, never over a
  /// colleague's later change.
  case items([ItemUndo])
  /// Dates of the plan's calendar, as made and reversed.
  case calendar(forward: [CalendarEdit], backward: [CalendarEdit])
  /// `I`: one collect, over the items whose reports it changed and the work plans it set.
  case collected(items: [ItemUndo], workPlans: [WorkPlanUndo])
}

/// One item's part of a change made to several at once.
public struct ItemUndo: Equatable, Sendable {
  public var id: String
  public var before: ItemState
  public var after: ItemState
}

/// Everything the dashboard shows; the reducer changes it, the renderer draws it (what both
/// derive from all items is kept beside it, in a `ViewCache`). A plain value: tests compare
/// whole states.
public struct AppState: Equatable, Sendable {
  public var doc: StoreDocument {
    didSet { stamp = RevisionStamp() }
  }
  /// Changes with every change of `doc`: what the view cache is keyed by.
  public var revision: UInt64 { stamp.value }
  private var stamp = RevisionStamp()
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
  /// Items selected with `m` / `M` (by id), for changing several at once.
  public var selection: Set<String> = []
  /// The unit, light and report filters (combined with `filter`), in the order set.
  public var narrowing = Narrowing()
  /// The chase view's place, and the view `C` was pressed in (Esc returns there).
  public var chaseList = ListState()
  public var chaseReturn: View = .dashboard
  /// Enter on a chase entry opened its item: Esc goes back to the chase list.
  public var returnToChase = false
  /// Reading and moving around (issue 14, points 7–9): the detail's first line shown, the
  /// timeline's selected deadline, where Esc returns to, and the last search's matches.
  public var detailScroll = 0
  public var timelineList = ListState()
  public var returnStack: [ReturnPoint] = []
  public var searchHits: SearchHits?
  /// Where `/` was pressed: Esc in the search line returns there.
  public var searchOrigin: ReturnPoint?
  /// `I`: the collect being saved (shown again if the file changed since its preview), and
  /// the path typed last (the prompt offers it again).
  public var collectSent: CollectSent?
  public var lastCollectPath: String?

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

  static func statusRank(_ s: Status) -> Int {
    switch s {
    case .blocked: return 0
    case .notStarted: return 1
    case .inProgress: return 2
    case .done: return 3
    }
  }

  /// The units pane's rows for an item: lead first.
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

  /// The movement keys over a list of `count` rows, `page` rows to a page (the workload,
  /// chase and timeline views): true when `command` was one of them.
  mutating func move(_ command: Command, count: Int, page: Int) -> Bool {
    let target: Int
    switch command {
    case .moveUp: target = index - 1
    case .moveDown: target = index + 1
    case .pageUp: target = index - page
    case .pageDown: target = index + page
    case .top: target = 0
    case .bottom: target = count - 1
    default: return false
    }
    index = max(0, min(count - 1, target))
    return true
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

extension ViewCache {
  /// The workload table's rows, sorted as the state says, expanded groups' members under them.
  public func workloadRows(_ state: AppState) -> [WorkloadRow] {
    let loads = workload(state)
    let sorted: [UnitLoad]
    func by(_ key: (UnitLoad) -> Double) -> [UnitLoad] {
      loads.enumerated().sorted { a, b in
        key(a.element) > key(b.element) || (key(a.element) == key(b.element) && a.offset < b.offset)
      }.map(\.element)
    }
    switch state.workloadSort {
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
      guard load.unit.kind == .group, state.expandedGroups.contains(load.unit.name) else { continue }
      let membership = state.doc.settings.membership(of: load.unit.name, in: state.plan)
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
  /// Progress and 序时进度 summed over the node's items, for its bar.
  public var tally = ProgressTally()
}

/// What one frame needs, computed once per frame rather than once per pane.
struct FrameData {
  /// Indices into plan.items of the task list's rows.
  var rows: [Int]
  var idWidth: Int
  var selected: Item?
  var treeStats: [NodeStats]
  var schedule: Schedule
  /// Import warnings per item index (for the 疑 mark).
  var warned: [Int: Int]

  init(_ state: AppState, _ cache: ViewCache) {
    (rows, idWidth) = cache.visible(state)
    selected = rows.indices.contains(state.taskList.index) ? state.plan.items[rows[state.taskList.index]] : nil
    treeStats = state.view == .dashboard ? cache.treeStats(state) : []
    schedule = state.schedule
    warned = cache.warnedCounts(state)
  }
}
