/// An item hard-wrapped over several lines (PDF text): “1.制定出台…建立企业参” / “与的政策决策
/// 机制,…” / “…与企业共克时艰。(牵头部门:财政局;参与单位:发改” — the clause is on the last line,
/// after text, so no line is a clause line of its own. The numbered line is cut mid-sentence.
enum WrappedItem {
  /// How many lines a wrapped item may run over before its clause.
  static let span = 12

  /// Whether the numbered line's `rest`, cut mid-sentence, runs on through lines that start
  /// nothing into one that carries a unit clause.
  static func endsInClause(_ rest: String, _ next: [String]) -> Bool {
    guard let last = rest.last, !"。；;：:!！?？".contains(last), rest.count >= 15 else { return false }
    for t in next {
      guard LineShapes.numberedItem(t) == nil, LineShapes.parenNumbered(t) == nil, LineShapes.part(t) == nil,
        LineShapes.chineseNumbered(t) == nil
      else { return false }
      if UnitClause.split(t).clause != nil { return true }
    }
    return false
  }
}
