/// The chase list (催办): every report overdue or due soon, by the unit that owes it — the
/// office's to-do for the day. One rule for `duban chase`, `duban due`, the dashboard's
/// chase view and the 催办通知 it exports (`ReportDuty` decides who owes what).
public struct ChaseList: Sendable {
  public struct Entry: Equatable, Sendable {
    public var itemID: String
    public var text: String
    public var period: ReportPeriod
    public var due: Day
    /// `.overdue`, `.dueSoon` or (in `late`) `.late`.
    public var standing: ReportDuty.Standing
    /// The day a late report was filed.
    public var filed: String?
    /// Days past the deadline (negative: days left).
    public var daysOverdue: Int
  }

  public struct UnitEntries: Equatable, Sendable {
    public var unit: String
    /// Past their deadline without this unit's report, oldest deadline first.
    public var overdue: [Entry]
    /// The current period's, due within `dueSoonDays`.
    public var dueSoon: [Entry]
    /// Filed after the deadline: no longer owed, listed for the record.
    public var late: [Entry]

    /// What the office chases: overdue, then due soon.
    public var owed: [Entry] { overdue + dueSoon }
  }

  public enum Order: Sendable {
    /// The document's order of units (as `due` and the bulletin list them).
    case document
    /// Most overdue first (then the most due soon), ties in the document's order: whom to
    /// call first.
    case urgency
  }

  public let asOf: Day
  /// Units with something overdue, due soon or (when asked) late.
  public let units: [UnitEntries]

  /// - Parameters:
  ///   - unit: only this unit (canonical name); a group stands for its members.
  ///   - includeLate: keep units whose only entries are late filings (`due` lists them).
  public init(_ doc: StoreDocument, today: Day, unit: String? = nil, order: Order = .urgency, includeLate: Bool = false)
  {
    asOf = today
    let plan = doc.plan
    let duty = doc.duty
    let current = duty.calendar.current(on: today)?.id
    let wanted: Set<String>? = unit.map { Set(duty.members[$0] ?? [$0]) }
    // Entries are appended in place (an index per unit): a copy taken out of a dictionary
    // and put back would copy each unit's array on every append.
    var slot: [String: Int] = [:]
    var found: [UnitEntries] = []
    for item in plan.items {
      let reporters = duty.reporters(of: item)
      if let wanted, !reporters.contains(where: wanted.contains) { continue }
      let done = duty.doneSince(item)
      for name in reporters where wanted?.contains(name) ?? true {
        for p in duty.calendar.periods {
          let s = duty.standing(item, unit: name, period: p.period, due: p.due, on: today, doneSince: done)
          guard s == .overdue || s == .late || (s == .dueSoon && p.period.id == current) else { continue }
          let i =
            slot[name]
            ?? {
              found.append(UnitEntries(unit: name, overdue: [], dueSoon: [], late: []))
              slot[name] = found.count - 1
              return found.count - 1
            }()
          var e = Entry(
            itemID: item.id, text: item.text, period: p.period, due: p.due, standing: s, filed: nil,
            daysOverdue: today.ordinal - p.due.ordinal)
          switch s {
          case .overdue: found[i].overdue.append(e)
          case .late:
            e.filed = duty.filing(item, unit: name, period: p.period.id, asOf: today)?.filed
            found[i].late.append(e)
          default: found[i].dueSoon.append(e)
          }
        }
      }
    }
    // Oldest deadline first, then the document's order of items (stable sort).
    func sorted(_ entries: [Entry]) -> [Entry] {
      entries.enumerated().sorted { a, b in
        a.element.due < b.element.due || (a.element.due == b.element.due && a.offset < b.offset)
      }.map(\.element)
    }
    var ordered: [UnitEntries] = []
    for u in plan.units {
      guard let i = slot.removeValue(forKey: u.name) else { continue }
      var e = found[i]
      guard !e.overdue.isEmpty || !e.dueSoon.isEmpty || (includeLate && !e.late.isEmpty) else { continue }
      e.overdue = sorted(e.overdue)
      e.dueSoon = sorted(e.dueSoon)
      ordered.append(e)
    }
    if order == .urgency {
      ordered = ordered.enumerated().sorted { a, b in
        let (x, y) = (a.element, b.element)
        if x.overdue.count != y.overdue.count { return x.overdue.count > y.overdue.count }
        if x.dueSoon.count != y.dueSoon.count { return x.dueSoon.count > y.dueSoon.count }
        return a.offset < b.offset
      }.map(\.element)
    }
    units = ordered
  }

  public var isEmpty: Bool { units.isEmpty }
  /// Reports overdue and due soon over all units.
  public var overdueCount: Int { units.reduce(0) { $0 + $1.overdue.count } }
  public var dueSoonCount: Int { units.reduce(0) { $0 + $1.dueSoon.count } }

  /// "1 unit", "54 units" (English messages).
  public var unitsLabel: String { units.count == 1 ? "1 unit" : "\(units.count) units" }
}
