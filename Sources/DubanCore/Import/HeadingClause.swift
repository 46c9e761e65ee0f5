/// Where a unit clause stands outside the item's own lines: in the heading of its part
/// (“一、县示范区管委会牵头工作(8项)” over items that carry no clause), or on the line a (一)
/// paragraph is hard-wrapped onto.
enum HeadingClause {
  /// The lead a part heading names (“X牵头工作(8项)”, “X牵头事项”), or nil: only offices count.
  static func lead(_ title: String) -> UnitClause? {
    var t = title.trimmed
    if let last = t.last, UnitName.closers.contains(last),
      let open = t.lastIndex(where: { UnitName.openers[$0] != nil }),
      t[open...].includes("项")
    {
      t = String(t[..<open]).trimmed
    }
    for suffix in ["的工作", "工作", "事项", "任务"] where t.hasSuffix(suffix) {
      t.removeLast(suffix.count)
      break
    }
    guard t.hasSuffix("牵头") || t.hasSuffix("牽頭"), let clause = VerbClause.parse(t),
      clause.entries.allSatisfy({ $0.role == .lead && UnitName.looksLikeOffice($0.name) })
    else { return nil }
    return clause
  }

  /// A (一) paragraph hard-wrapped mid-sentence onto a line that ends with the unit clause:
  /// the paragraph is an item, not a section heading.
  static func continuesWithClause(_ rest: String, _ next: String) -> Bool {
    guard rest.count > 40, let last = rest.last, !"。；;：:".contains(last) else { return false }
    guard LineShapes.numberedItem(next) == nil, LineShapes.parenNumbered(next) == nil, LineShapes.part(next) == nil
    else { return false }
    return UnitClause.split(next).clause != nil
  }
}
