import DubanCore
import Synchronization

/// What every frame needs from all items — the tree's counts and lights, the task list of
/// the selected node, the unit table — worked out once per change of the document instead
/// of once per keystroke. At 100,000 items a pass over the items costs milliseconds; a
/// keystroke must cost less than two.
///
/// Not part of the state: whoever runs the reducer and the renderer (`AppRuntime`, the tests'
/// `Harness`, the bench) owns one and hands it to both, so `AppState` stays a plain value that
/// tests compare whole. Everything in it is keyed by the state's revision (unique per change
/// of any state's document): a state that is not the one it was built for simply rebuilds it.
public final class ViewCache: Sendable {
  struct Contents {
    var revision: UInt64 = 0
    var today = 0
    /// Per item: its tree nodes, light and whether it is done.
    var facts: [ItemFacts] = []
    var stats: [NodeStats] = []
    var indexByID: [String: Int] = [:]
    var visibleKey: VisibleKey?
    var visible: [Int] = []
    var idWidth = 4
    var workloadKey: UInt64 = 0
    var loads: [UnitLoad] = []
    /// How many import warnings each item carries (items without any are absent).
    var warned: [Int: Int] = [:]
    /// The chase list for a unit (or all): `Reducer+Chase`.
    var chaseKey: String?
    var chase: ChaseList?
    var chaseRows: [ChaseRow] = []
  }

  let contents = Mutex(Contents())
  /// The timeline's rows (TimelineModel), kept apart: only the timeline reads them.
  let timeline = TimelineCache()

  public init() {}
}

struct ItemFacts {
  /// Indices in the tree of every node that holds the item (all, part, section, group);
  /// -1 where it has none. Inline, so 100,000 items are 100,000 small values, not arrays.
  var nodes: (Int32, Int32, Int32, Int32)
  var light: Light
  var done: Bool
  var gauge: ProgressGauge

  func holds(_ node: Int) -> Bool {
    let n = Int32(node)
    return nodes.0 == n || nodes.1 == n || nodes.2 == n || nodes.3 == n
  }

  func forEachNode(_ body: (Int) -> Void) {
    if nodes.0 >= 0 { body(Int(nodes.0)) }
    if nodes.1 >= 0 { body(Int(nodes.1)) }
    if nodes.2 >= 0 { body(Int(nodes.2)) }
    if nodes.3 >= 0 { body(Int(nodes.3)) }
  }
}

/// What the task list depends on. The revision only counts for filters and sorts that
/// depend on status or progress: otherwise a mark leaves the list as it was.
struct VisibleKey: Equatable {
  var node: Int
  var filter: TaskFilter
  var narrowing: ItemFilter
  var sort: SortOrder
  var revision: UInt64
}

/// A fresh number for every change of any state's document, for the view cache to key by.
/// Equal to every other stamp: it says which cache fits a document, not what the state is,
/// so two states with equal documents compare equal whatever their stamps.
struct RevisionStamp: Equatable, Sendable {
  private static let counter = Atomic<UInt64>(0)
  let value = counter.add(1, ordering: .relaxed).newValue

  static func == (_: Self, _: Self) -> Bool { true }
}

extension ViewCache {
  /// Facts, stats and the id index, rebuilt if the document changed since they were made.
  func cached<T>(_ state: AppState, _ read: (inout Contents) -> T) -> T {
    contents.withLock { c in
      if c.revision != state.revision || c.today != state.today.ordinal { Self.rebuild(state, &c) }
      return read(&c)
    }
  }

  private static func rebuild(_ state: AppState, _ c: inout Contents) {
    let (tree, plan) = (state.tree, state.plan)
    let schedule = state.schedule
    var parts: [Int: Int] = [:]
    var sections: [Int: [String: Int]] = [:]
    var groups: [Int: [String: [String: Int]]] = [:]
    for (i, node) in tree.enumerated() {
      switch node.kind {
      case .all: break
      case .part(let p): parts[p] = i
      case .section(let p, let title): sections[p, default: [:]][title] = i
      case .group(let p, let section, let title): groups[p, default: [:]][section ?? "", default: [:]][title] = i
      }
    }
    let all = tree.firstIndex { $0.kind == .all }
    var facts: [ItemFacts] = []
    facts.reserveCapacity(plan.items.count)
    var stats = Array(repeating: NodeStats(), count: tree.count)
    var index: [String: Int] = [:]
    index.reserveCapacity(plan.items.count)
    func slot(_ i: Int?) -> Int32 { i.map { Int32($0) } ?? -1 }
    // Items come in document order, so neighbours share their section and group: remember
    // the last look-up rather than hashing the same Chinese titles again.
    var last: (part: Int, section: String?, group: String?, nodes: (Int32, Int32, Int32, Int32))?
    let items = plan.items
    for n in items.indices {
      let (part, section, group) = (items[n].part, items[n].section, items[n].group)
      let nodes: (Int32, Int32, Int32, Int32)
      if let l = last, l.part == part, l.section == section, l.group == group {
        nodes = l.nodes
      } else {
        nodes = (
          slot(all), slot(parts[part]), slot(section.flatMap { sections[part]?[$0] }),
          slot(group.flatMap { groups[part]?[section ?? ""]?[$0] })
        )
        last = (part, section, group, nodes)
      }
      let status = items[n].status
      let light = schedule.light(status: status, progress: items[n].progress, deadline: items[n].deadline)
      let gauge = schedule.gauge(status: status, progress: items[n].progress, deadline: items[n].deadline)
      let f = ItemFacts(nodes: nodes, light: light, done: status == .done, gauge: gauge)
      f.forEachNode { stats[$0].add(f) }
      facts.append(f)
      if index[items[n].id] == nil { index[items[n].id] = n }
    }
    c = Contents(revision: state.revision, today: state.today.ordinal, facts: facts, stats: stats, indexByID: index)
    c.warned = state.plan.warningsByItem().mapValues(\.count)
  }

  /// After the item at `index` of `state` was edited (and nothing else): moves the cache
  /// along with it, touching that item alone. Without a cache for the state before, nothing
  /// to do.
  func itemEdited(_ state: AppState, at index: Int, previousRevision: UInt64) {
    let item = state.plan.items[index]
    let schedule = state.schedule
    let now = state.revision
    contents.withLock { c in
      guard c.revision == previousRevision, c.facts.indices.contains(index) else { return }
      let old = c.facts[index]
      var new = old
      new.light = schedule.light(item)
      new.done = item.status == .done
      new.gauge = schedule.gauge(item)
      old.forEachNode { t in
        c.stats[t].remove(old)
        c.stats[t].add(new)
      }
      c.facts[index] = new
      c.revision = now
    }
  }

  /// After an item's units changed (a fix, or its undo): a list filtered by unit is worked
  /// out again on the next frame (only then: marks never change who an item names).
  func unitsEdited() { contents.withLock { $0.visibleKey = nil } }

  /// done/total and the lights under every tree node.
  public func treeStats(_ state: AppState) -> [NodeStats] { cached(state) { $0.stats } }

  public func itemIndex(id: String, in state: AppState) -> Int? { cached(state) { $0.indexByID[id] } }

  /// How many import warnings the item at `index` carries (resolved or not): from the cache.
  public func warningCount(at index: Int, in state: AppState) -> Int { cached(state) { $0.warned[index] ?? 0 } }

  /// Every item's warning count by index (a frame reads them all).
  func warnedCounts(_ state: AppState) -> [Int: Int] { cached(state) { $0.warned } }

  /// Indices (into plan.items) of the task pane's rows: the tree's selection, filtered and sorted.
  public func visibleIndices(_ state: AppState) -> [Int] { visible(state).indices }

  public func visibleCount(_ state: AppState) -> Int { visible(state).indices.count }

  /// The item on the task pane's selected row.
  public func selectedItem(_ state: AppState) -> Item? {
    let rows = visibleIndices(state)
    return rows.indices.contains(state.taskList.index) ? state.plan.items[rows[state.taskList.index]] : nil
  }

  /// The units pane's rows for the selected item: lead first.
  public func selectedUnits(_ state: AppState) -> [(name: String, isLead: Bool, kind: Unit.Kind)] {
    state.units(of: selectedItem(state))
  }

  /// The task list and the width of its widest id.
  func visible(_ state: AppState) -> (indices: [Int], idWidth: Int) {
    let node = min(state.treeList.index, state.tree.count - 1)
    let dependsOnEdits: Bool
    switch (state.filter, state.sort) {
    // A unit's list puts its overdue reports first: that depends on edits too.
    case (.none, .number): dependsOnEdits = !state.narrowing.isEmpty
    default: dependsOnEdits = true
    }
    let key = VisibleKey(
      node: node, filter: state.filter, narrowing: state.narrowing.key, sort: state.sort,
      revision: dependsOnEdits ? state.revision : 0)
    return cached(state) { c in
      if c.visibleKey != key {
        c.visible = Self.computeVisible(state, node: node, facts: c.facts)
        c.idWidth = max(4, c.visible.lazy.map { state.plan.items[$0].id.count }.max() ?? 4)
        c.visibleKey = key
      }
      return (c.visible, c.idWidth)
    }
  }

  private static func computeVisible(_ state: AppState, node: Int, facts: [ItemFacts]) -> [Int] {
    let (items, filter, sort, today) = (state.plan.items, state.filter, state.sort, state.today)
    var out = facts.indices.filter { facts[$0].holds(node) }
    switch filter {
    case .none: break
    case .status(let s): out = out.filter { items[$0].status == s }
    case .overdue:
      let duty = state.duty
      out = out.filter { duty.hasOverdue(items[$0], on: today) }
    }
    if !state.narrowing.isEmpty { out = state.narrowed(out) }
    func stable(_ key: (Item) -> Int) -> [Int] {
      out.enumerated().sorted { a, b in
        let (ka, kb) = (key(items[a.element]), key(items[b.element]))
        return ka < kb || (ka == kb && a.offset < b.offset)
      }.map(\.element)
    }
    switch sort {
    case .number: break
    case .progress: out = stable { $0.progress }
    case .status: out = stable { AppState.statusRank($0.status) }
    case .lead:
      out = out.enumerated().sorted { a, b in
        let (ka, kb) = (items[a.element].lead.first ?? "\u{FFFF}", items[b.element].lead.first ?? "\u{FFFF}")
        return ka < kb || (ka == kb && a.offset < b.offset)
      }.map(\.element)
    }
    return out
  }

  /// Every unit's load, as of this document and day.
  func workload(_ state: AppState) -> [UnitLoad] {
    cached(state) { c in
      if c.workloadKey != state.revision {
        c.loads = state.plan.workload(settings: state.doc.settings, today: state.today)
        c.workloadKey = state.revision
      }
      return c.loads
    }
  }
}

extension NodeStats {
  mutating func add(_ f: ItemFacts) {
    total += 1
    if f.done { done += 1 }
    lights.add(f.light)
    tally.add(f.gauge)
  }

  mutating func remove(_ f: ItemFacts) {
    total -= 1
    if f.done { done -= 1 }
    lights.remove(f.light)
    tally.remove(f.gauge)
  }
}
