/// PDF text wraps a long unit clause over several lines: “…(牵头部门:财政局;参与单位:发改” /
/// “局、经信局、…、服” / “务业局、工商联)”. The lines between the opening and the closing bracket
/// have no bracket of their own, so `joinHardWraps` looks ahead for the line that closes it.
extension DocumentLayout {
  /// A clause is rarely wrapped over more lines than this; beyond it an open bracket is left open.
  static let wrapSpan = 6

  /// Whether the bracket left open at line `i` is closed within `wrapSpan` lines that start no
  /// item, section or part.
  func closesWithin(_ lines: [(number: Int, text: String)], from i: Int, open: Int) -> Bool {
    var open = open
    var j = i + 1
    while j < lines.count, j <= i + Self.wrapSpan, startsNothing(lines[j].text) {
      open += Self.balance(lines[j].text)
      if open <= 0 { return true }
      j += 1
    }
    return false
  }
}
