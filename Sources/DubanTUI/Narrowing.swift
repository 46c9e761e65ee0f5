import DubanCore

/// The task list's filters beyond `f`'s status: a unit ("my unit": `--unit`, `U`, Enter on a
/// unit), a light and a report state (`F`). They combine with each other and with `f`, are
/// named together in the pane's title, and Esc takes off the one set last.
public struct Narrowing: Equatable, Sendable {
  public enum Part: Equatable, Sendable {
    case unit
    case light
    case report
    /// `f`'s filter (`AppState.filter`).
    case status
  }

  public var unit: String?
  public var light: Light?
  public var report: ReportFilter?
  /// The parts in the order they were set: Esc clears the last.
  public var order: [Part] = []

  public init() {}

  public var isEmpty: Bool { unit == nil && light == nil && report == nil }

  /// Records that `part` was (re)set: it becomes the last one.
  mutating func touched(_ part: Part, isSet: Bool) {
    order.removeAll { $0 == part }
    if isSet { order.append(part) }
  }

  /// What the list and the core rule compare: the parts, not the order they came in.
  var key: ItemFilter { ItemFilter(unit: unit, light: light, report: report) }
}

extension AppState {
  /// Sets the unit the dashboard is restricted to (nil clears it); the list starts at the
  /// top of the plan with that unit's overdue and due-soon items first.
  public mutating func restrict(toUnit unit: String?) {
    narrowing.unit = unit
    narrowing.touched(.unit, isSet: unit != nil)
    treeList.index = 0
    taskList.index = 0
    if unit != nil, view == .dashboard { focus = .tasks }
  }

  /// Every filter, as the task pane's title names them, in the order they were set.
  public func filterLabels() -> [String] {
    let lang = self.lang
    var out: [String] = []
    var order = narrowing.order
    // A filter set before the order was kept (or by code that sets it directly) still shows.
    for part in [Narrowing.Part.unit, .light, .report, .status] where !order.contains(part) {
      order.insert(part, at: 0)
    }
    for part in order {
      switch part {
      case .unit: if let u = narrowing.unit { out.append(u) }
      case .light: if let l = narrowing.light { out.append(l.label(lang) + lang.pick("灯", " light")) }
      case .report: if let r = narrowing.report { out.append(r.label(lang)) }
      case .status: if filter != .none { out.append(filter.label(lang)) }
      }
    }
    return out
  }

  /// Takes off the filter set last; false when there was none.
  mutating func clearLastFilter() -> String? {
    var order = narrowing.order
    for part in [Narrowing.Part.unit, .light, .report, .status] where !order.contains(part) {
      order.insert(part, at: 0)
    }
    while let part = order.popLast() {
      let label: String?
      switch part {
      case .unit:
        label = narrowing.unit
        narrowing.unit = nil
      case .light:
        label = narrowing.light.map { $0.label(lang) + lang.pick("灯", " light") }
        narrowing.light = nil
      case .report:
        label = narrowing.report?.label(lang)
        narrowing.report = nil
      case .status:
        label = filter == .none ? nil : filter.label(lang)
        filter = .none
      }
      narrowing.order.removeAll { $0 == part }
      if let label {
        taskList.index = 0
        return label
      }
    }
    return nil
  }

  /// Clears every filter (a search that finds nothing under them looks everywhere).
  mutating func clearFilters() {
    narrowing = Narrowing()
    filter = .none
  }
}

extension AppState {
  /// The rows left by the unit, light and report filters (ItemFilter, the rule `duban list`
  /// uses). A unit's own list puts first the items it owes a report on past the deadline,
  /// then those due soon, then the rest; in each, the ones it leads before those it joins
  /// — directly or through a group it belongs to (各街道). A group's list is the items naming it.
  func narrowed(_ rows: [Int]) -> [Int] {
    let items = plan.items
    let filter = narrowing.key.bound(plan: plan, settings: doc.settings, today: today)
    let out = rows.filter { filter.matches(items[$0]) }
    guard let unit = narrowing.unit else { return out }
    let duty = filter.duty
    func rank(_ item: Item) -> Int {
      let lead = item.lead.contains(unit) ? 0 : 1
      if ReportFilter.overdue.matches(item, unit: unit, duty: duty, on: today) { return lead }
      if ReportFilter.dueSoon.matches(item, unit: unit, duty: duty, on: today) { return 2 + lead }
      return 4 + lead
    }
    let ranks = out.map { rank(items[$0]) }
    return out.indices.sorted { ranks[$0] < ranks[$1] || (ranks[$0] == ranks[$1] && $0 < $1) }.map { out[$0] }
  }
}
