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
}

public enum SaveState: Equatable, Sendable {
  case saved
  case failed(String)
}

/// One undoable change: how to redo it and how to undo it.
public struct UndoEntry: Equatable, Sendable {
  public var itemID: String
  public var forward: ItemEdit
  public var backward: ItemEdit
}

/// Everything the dashboard shows; the reducer changes it, the renderer draws it.
public struct AppState: Sendable {
  public var doc: StoreDocument
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
  public var treeIndex = 0
  public var taskIndex = 0
  public var unitIndex = 0
  public var treeScroll = 0
  public var taskScroll = 0
  public var unitScroll = 0

  public var filter: TaskFilter = .none
  public var sort: SortOrder = .number
  /// The search being typed (nil when the prompt is closed) and the last one run.
  public var searchEditor: LineEditor?
  public var lastSearch = ""
  public var overlay: Overlay?
  public var message: String?
  public var messageIsError = false
  public var saveState: SaveState = .saved
  public var undoStack: [UndoEntry] = []
  public var redoStack: [UndoEntry] = []
  public var quitting = false

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
  public var calendar: ReportingCalendar { ReportingCalendar(plan.calendar) }

  public var selectedNode: TreeNode { tree[min(treeIndex, tree.count - 1)] }

  /// The task pane's rows: the tree's selection, filtered and sorted.
  public var visibleItems: [Item] {
    let node = selectedNode
    let cal = calendar
    var items = plan.items.filter { node.contains($0) }
    switch filter {
    case .none: break
    case .status(let s): items = items.filter { $0.status == s }
    case .overdue: items = items.filter { !cal.overdue($0, on: today).isEmpty }
    case .unit(let u): items = items.filter { $0.names(unit: u) }
    }
    switch sort {
    case .number: break
    case .progress: items = stableSorted(items) { $0.progress < $1.progress }
    case .status: items = stableSorted(items) { Self.statusRank($0.status) < Self.statusRank($1.status) }
    case .lead: items = stableSorted(items) { ($0.lead.first ?? "\u{FFFF}") < ($1.lead.first ?? "\u{FFFF}") }
    }
    return items
  }

  static func statusRank(_ s: Status) -> Int {
    switch s {
    case .blocked: return 0
    case .notStarted: return 1
    case .inProgress: return 2
    case .done: return 3
    }
  }

  private func stableSorted(_ items: [Item], by less: (Item, Item) -> Bool) -> [Item] {
    items.enumerated().sorted { a, b in
      less(a.element, b.element) || (!less(b.element, a.element) && a.offset < b.offset)
    }.map(\.element)
  }

  public var selectedItem: Item? {
    let items = visibleItems
    return items.indices.contains(taskIndex) ? items[taskIndex] : nil
  }

  /// The units pane's rows for the selected item: lead first.
  public var selectedUnits: [(name: String, isLead: Bool, kind: Unit.Kind)] {
    guard let item = selectedItem else { return [] }
    return item.allUnits.map { name in
      (name, item.lead.contains(name), plan.units.first { $0.name == name }?.kind ?? .unit)
    }
  }

  /// done/total under a tree node.
  public func progress(of node: TreeNode) -> (done: Int, total: Int) {
    var done = 0
    var total = 0
    for item in plan.items where node.contains(item) {
      total += 1
      if item.status == .done { done += 1 }
    }
    return (done, total)
  }
}
