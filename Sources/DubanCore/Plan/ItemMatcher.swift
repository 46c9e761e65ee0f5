/// What the dashboard's search finds an item by: its text, its id, a unit it names — by the
/// unit's name or any alias the document used (招商局 finds 区商务局's items) — or the title
/// of its section or group. The aliases are looked up once per search, not once per item.
public struct ItemMatcher: Sendable {
  public let search: SearchText
  /// Units whose name or an alias holds the query.
  public let units: Set<String>

  public init(_ query: String, plan: Plan) {
    let search = SearchText(query)
    var units = Set<String>()
    for u in plan.units where u.aliases.contains(where: { search.contains($0) }) { units.insert(u.name) }
    self.search = search
    self.units = units
  }

  public func matches(_ item: Item) -> Bool {
    if search.matches(item) { return true }
    if let s = item.section, search.contains(s) { return true }
    if let g = item.group, search.contains(g) { return true }
    guard !units.isEmpty else { return false }
    return item.lead.contains { units.contains($0) } || item.responsible.contains { units.contains($0) }
  }
}
