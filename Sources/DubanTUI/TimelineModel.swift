import DubanCore
import Synchronization

/// One row of the timeline's list: a date of the plan's calendar, the items due that day,
/// or today. Counts say where everyone stands against that date.
struct TimelineRow: Equatable, Sendable {
  enum Kind: Equatable, Sendable {
    case workPlans
    case period(ReportPeriod)
    /// Items whose own deadline is this day.
    case items([String])
    case today
  }

  var day: Day
  var kind: Kind
  /// Periods: reports per unit filed on time, late, overdue, not yet due. Work plans: filed,
  /// drafts, missing. Items: done, not done.
  var filed = 0
  var late = 0
  var overdue = 0
  var open = 0
  /// Who is behind on this date, most items first: for a past report date the units with
  /// overdue reports, for a coming one those yet to file; for work plans the units without
  /// a filed plan; for item deadlines the items not done.
  var owing: [(name: String, count: Int)] = []

  static func == (a: TimelineRow, b: TimelineRow) -> Bool {
    a.day == b.day && a.kind == b.kind && a.filed == b.filed && a.late == b.late && a.overdue == b.overdue
      && a.open == b.open && a.owing.map(\.name) == b.owing.map(\.name) && a.owing.map(\.count) == b.owing.map(\.count)
  }

  var total: Int { filed + late + overdue + open }

  /// The calendar key the row's date is kept under, when it is one.
  var calendarKey: String? {
    switch kind {
    case .workPlans: return CalendarEdit.workPlanDue
    case .period(let p): return p.id
    case .items, .today: return nil
    }
  }

  func label(_ lang: Lang) -> String {
    switch kind {
    case .workPlans: return lang.pick("办理方案", "work plans")
    case .period(let p): return lang.pick("\(p.id) \(p.name)", "\(p.id) report")
    case .items(let ids):
      return lang.pick("事项期限 \(ids.count) 项", "\(ids.count) item deadline\(ids.count == 1 ? "" : "s")")
    case .today: return lang.pick("今天", "today")
    }
  }

  /// What search looks in: the label, the date and the items' ids.
  func searchText(_ lang: Lang) -> String {
    var s = label(lang) + " \(day) \(day.month)/\(day.day)"
    if case .items(let ids) = kind { s += " " + ids.joined(separator: " ") }
    return s
  }

  /// The year's deadlines in date order, today among them. Worked out once per document
  /// and day (every item's reports are counted), then read from the cache.
  static func rows(_ state: AppState, _ cache: ViewCache) -> [TimelineRow] {
    let key = TimelineCache.Key(revision: state.revision, today: state.today.ordinal)
    return cache.timeline.rows.withLock { c in
      if c.key != key {
        c.rows = build(state)
        c.key = key
      }
      return c.rows
    }
  }

  static func build(_ state: AppState) -> [TimelineRow] {
    let plan = state.plan
    let duty = state.duty
    let today = state.today
    var rows: [TimelineRow] = []
    var periods = duty.calendar.periods.map { TimelineRow(day: $0.due, kind: .period($0.period)) }
    var byDay: [Day: (ids: [String], notDone: [String], done: Int, open: Int)] = [:]
    // Per unit (by first appearance), per period: the reports it has not filed (overdue, or
    // not yet due). Units are numbered once, so 100,000 items cost array increments, not
    // string hashing per period.
    let calendar = duty.calendar.periods
    var unitNumber: [String: Int] = [:]
    var unitNames: [String] = []
    var owing: [[Int]] = []
    var numbers: [Int] = []
    for item in plan.items {
      let units = duty.reporters(of: item)
      numbers.removeAll(keepingCapacity: true)
      for unit in units {
        if let n = unitNumber[unit] {
          numbers.append(n)
        } else {
          unitNumber[unit] = unitNames.count
          numbers.append(unitNames.count)
          unitNames.append(unit)
          owing.append(Array(repeating: 0, count: calendar.count))
        }
      }
      let done = duty.doneSince(item)
      // Most items have no report and are not done: every unit owes every period, overdue
      // once its deadline passed — no need to ask unit by unit.
      let nothingFiled = item.reports.isEmpty && done == nil
      for (i, entry) in calendar.enumerated() {
        if nothingFiled {
          if entry.due < today { periods[i].overdue += units.count } else { periods[i].open += units.count }
          for n in numbers { owing[n][i] += 1 }
          continue
        }
        for (unit, n) in zip(units, numbers) {
          switch duty.standing(item, unit: unit, period: entry.period, due: entry.due, on: today, doneSince: done) {
          case .filed: periods[i].filed += 1
          case .late: periods[i].late += 1
          case .overdue:
            periods[i].overdue += 1
            owing[n][i] += 1
          case .dueSoon, .open:
            periods[i].open += 1
            owing[n][i] += 1
          case .waived: break
          }
        }
      }
      if let deadline = item.deadline, let day = Day(deadline) {
        var entry = byDay[day] ?? ([], [], 0, 0)
        entry.ids.append(item.id)
        if item.status == .done || item.closed != nil {
          entry.done += 1
        } else {
          entry.open += 1
          entry.notDone.append(item.id)
        }
        byDay[day] = entry
      }
    }
    if let due = plan.calendar.workPlanDue.flatMap(Day.init) {
      var row = TimelineRow(day: due, kind: .workPlans)
      // Every unit of the plan owes a work plan (groups do not: their members do).
      let units = plan.units.filter { $0.kind == .unit }.map(\.name)
      let named = Set(units)
      for wp in state.doc.workPlans where named.contains(wp.unit) {
        if wp.filed != nil { row.filed += 1 } else { row.open += 1 }
      }
      let filed = Set(state.doc.workPlans.filter { $0.filed != nil }.map(\.unit))
      row.owing = units.filter { !filed.contains($0) }.sorted().map { ($0, 1) }
      let missing = max(0, units.count - row.filed - row.open)
      if due < today { row.overdue = missing } else { row.open += missing }
      rows.append(row)
    }
    for i in periods.indices {
      // Most behind first; ties in the order the units first appear in the plan.
      periods[i].owing = unitNames.indices.filter { owing[$0][i] > 0 }
        .sorted { owing[$0][i] > owing[$1][i] || (owing[$0][i] == owing[$1][i] && $0 < $1) }
        .map { (unitNames[$0], owing[$0][i]) }
    }
    rows += periods
    for (day, entry) in byDay {
      var row = TimelineRow(day: day, kind: .items(entry.ids))
      row.owing = entry.notDone.map { ($0, 1) }
      row.filed = entry.done
      if day < today { row.overdue = entry.open } else { row.open = entry.open }
      rows.append(row)
    }
    // Calendar dates before item deadlines on the same day; today before what is due today.
    func rank(_ r: TimelineRow) -> Int {
      switch r.kind {
      case .today: return 0
      case .workPlans, .period: return 1
      case .items: return 2
      }
    }
    rows.append(TimelineRow(day: today, kind: .today))
    rows.sort { ($0.day, rank($0)) < ($1.day, rank($1)) }
    return rows
  }
}

/// The timeline's rows, kept for the document and day they were counted for.
final class TimelineCache: Sendable {
  struct Key: Equatable {
    var revision: UInt64
    var today: Int
  }

  struct Contents {
    var key: Key?
    var rows: [TimelineRow] = []
  }

  let rows = Mutex(Contents())
}
