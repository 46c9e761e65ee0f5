/// An empty cell of a table copied one cell per line is a blank line: “1” / “任务” / “” /
/// “区发改委” has no lead and 区发改委 as its responsible unit, not as its lead. Blank lines are
/// gone by the time rows are read, but the line numbers keep the gap. Pages that print a blank
/// line between every cell (the header's cells show it) print an empty cell as one more line
/// and one more blank: a gap of three.
extension TableReader {
  /// How many empty cells stand between line `k` and the line before it, at most `room`.
  static func emptyCells(_ lines: [(number: Int, text: String)], before k: Int, start: Int, room: Int) -> Int {
    guard room > 0, k >= 1, start >= 2, k - 1 >= start else { return 0 }
    // The blank lines between two header cells: the table's own spacing.
    let spacing = lines[start - 1].number - lines[start - 2].number - 1
    guard spacing >= 0, spacing <= 1 else { return 0 }
    let gap = lines[k].number - lines[k - 1].number - 1
    guard gap > spacing else { return 0 }
    return min(room, (gap - spacing) / (spacing + 1))
  }
}
