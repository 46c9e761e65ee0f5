import DubanCore
import Synchronization

/// What every frame needs from all items — the tree's counts and lights, the task list of
/// the selected node, the unit table — worked out once per change of the document instead
/// of once per keystroke. At 100,000 items a pass over the items costs milliseconds; a
/// keystroke must cost less than two.
///
/// The cache is shared by copies of a state, so everything in it is keyed by the state's
/// revision (unique per change, across copies): a state that diverged from the one the cache
/// was built for simply rebuilds it.
final class ViewCache: Sendable {
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
    /// The chase list for a unit (or all): `Reducer+Chase`.
    var chaseKey: String?
    var chase: ChaseList?
    var chaseRows: [ChaseRow] = []
  }

  let contents = Mutex(Contents())
}

struct ItemFacts {
  /// Indices in the tree of every node that holds the item (all, part, section, group);
  /// -1 where it has none. Inline, so 100,000 items are 100,000 small values, not arrays.
  var nodes: (Int32, Int32, Int32, Int32)
  var light: Light
  var done: Bool

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

/// A fresh number for every change of any state's document.
enum Revision {
  private static let counter = Atomic<UInt64>(0)
  static func next() -> UInt64 { counter.add(1, ordering: .relaxed).newValue }
}

extension AppState {
  /// Facts, stats and the id index, rebuilt if the document changed since they were made.
  func cached<T>(_ read: (inout ViewCache.Contents) -> T) -> T {
    cache.contents.withLock { c in
      if c.revision != revision || c.today != today.ordinal { rebuild(&c) }
      return read(&c)
    }
  }

  private func rebuild(_ c: inout ViewCache.Contents) {
    let schedule = self.schedule
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
      let f = ItemFacts(nodes: nodes, light: light, done: status == .done)
      f.forEachNode { stats[$0].add(f) }
      facts.append(f)
      if index[items[n].id] == nil { index[items[n].id] = n }
    }
    c = ViewCache.Contents(revision: revision, today: today.ordinal, facts: facts, stats: stats, indexByID: index)
  }

  /// After the item at `index` was edited (and nothing else): moves the cache along with
  /// it, touching that item alone. Without a cache for the state before, nothing to do.
  mutating func itemEdited(at index: Int, previousRevision: UInt64) {
    let item = plan.items[index]
    let schedule = self.schedule
    let now = revision
    cache.contents.withLock { c in
      guard c.revision == previousRevision, c.facts.indices.contains(index) else { return }
      let old = c.facts[index]
      var new = old
      new.light = schedule.light(item)
      new.done = item.status == .done
      old.forEachNode { t in
        c.stats[t].remove(old)
        c.stats[t].add(new)
      }
      c.facts[index] = new
      c.revision = now
    }
  }

  /// done/total and the lights under every tree node.
  public func treeStats() -> [NodeStats] { cached { $0.stats } }

  public func itemIndex(id: String) -> Int? { cached { $0.indexByID[id] } }

  /// Indices (into plan.items) of the task pane's rows: the tree's selection, filtered and sorted.
  public var visibleIndices: [Int] { visible().indices }

  /// The task list and the width of its widest id.
  func visible() -> (indices: [Int], idWidth: Int) {
    let node = min(treeList.index, tree.count - 1)
    let dependsOnEdits: Bool
    switch (filter, sort) {
    // A unit's list puts its overdue reports first: that depends on edits too.
    case (.none, .number): dependsOnEdits = !narrowing.isEmpty
    default: dependsOnEdits = true
    }
    let key = VisibleKey(
      node: node, filter: filter, narrowing: narrowing.key, sort: sort, revision: dependsOnEdits ? revision : 0)
    return cached { c in
      if c.visibleKey != key {
        c.visible = computeVisible(node: node, facts: c.facts)
        c.idWidth = max(4, c.visible.lazy.map { self.plan.items[$0].id.count }.max() ?? 4)
        c.visibleKey = key
      }
      return (c.visible, c.idWidth)
    }
  }

  private func computeVisible(node: Int, facts: [ItemFacts]) -> [Int] {
    let items = plan.items
    var out = facts.indices.filter { facts[$0].holds(node) }
    switch filter {
    case .none: break
    case .status(let s): out = out.filter { items[$0].status == s }
    case .overdue:
      let duty = self.duty
      out = out.filter { duty.hasOverdue(items[$0], on: today) }
    }
    if !narrowing.isEmpty { out = narrowed(out) }
    func stable(_ key: (Item) -> Int) -> [Int] {
      out.enumerated().sorted { a, b in
        let (ka, kb) = (key(items[a.element]), key(items[b.element]))
        return ka < kb || (ka == kb && a.offset < b.offset)
      }.map(\.element)
    }
    switch sort {
    case .number: break
    case .progress: out = stable { $0.progress }
    case .status: out = stable { Self.statusRank($0.status) }
    case .lead:
      out = out.enumerated().sorted { a, b in
        let (ka, kb) = (items[a.element].lead.first ?? "\u{FFFF}", items[b.element].lead.first ?? "\u{FFFF}")
        return ka < kb || (ka == kb && a.offset < b.offset)
      }.map(\.element)
    }
    return out
  }

  /// Every unit's load, as of this document and day.
  func cachedWorkload() -> [UnitLoad] {
    cached { c in
      if c.workloadKey != revision {
        c.loads = plan.workload(settings: doc.settings, today: today)
        c.workloadKey = revision
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
  }

  mutating func remove(_ f: ItemFacts) {
    total -= 1
    if f.done { done -= 1 }
    lights.remove(f.light)
  }
}
