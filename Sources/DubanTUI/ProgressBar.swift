import DubanCore

/// Draws a `ProgressGauge` as a bar: cells of progress, and the 序时 marker between two cells.
///
///     ▐▐░|░░░░░░░   20% done, 33% expected: behind the marker
///     ▐▐▐▐▐▐|▐░░░   70% done, 60% expected: past it
///
/// Every character is single-width everywhere: ▐ (U+2590) and ░ (U+2591) are the block
/// elements Unicode gives a narrow East Asian width (█ and ▌ are ambiguous, drawn double by
/// terminals set to "ambiguous = wide"), and the marker is ASCII. Without colour the three
/// shapes still read; with `--ascii-borders` the bar is `##.|...`.
enum ProgressBar {
  static let filled: Character = "▐"
  static let empty: Character = "░"
  static let marker: Character = "|"

  /// Cells for a task row at this pane width (0: no room for a bar).
  static func taskCells(innerWidth: Int) -> Int { innerWidth >= 76 ? 10 : innerWidth >= 56 ? 5 : 0 }

  /// Cells for an outline row at this pane width.
  static func treeCells(innerWidth: Int) -> Int { innerWidth >= 27 ? 6 : innerWidth >= 22 ? 4 : 0 }

  /// The bar as text: `cells` + 1 columns.
  static func text(_ gauge: ProgressGauge, cells count: Int, ascii: Bool) -> String {
    let (filled, marker) = gauge.cells(count)
    var out = ""
    for i in 0...count {
      if i == marker { out.append(Self.marker) }
      if i < count { out.append(i < filled ? (ascii ? "#" : Self.filled) : (ascii ? "." : Self.empty)) }
    }
    return out
  }

  /// Draws the bar at (row, column), progress in the light's style, the rest dim, the marker
  /// bold; returns the columns used (`cells` + 1).
  @discardableResult
  static func draw(
    _ screen: inout Screen, _ gauge: ProgressGauge, cells count: Int, light: Light, ascii: Bool, row: Int, column: Int
  ) -> Int {
    guard count > 0 else { return 0 }
    let (filled, marker) = gauge.cells(count)
    var col = column
    for i in 0...count {
      if i == marker {
        screen.put(String(Self.marker), row: row, column: col, style: .header)
        col += 1
      }
      guard i < count else { break }
      let on = i < filled
      let ch: Character = on ? (ascii ? "#" : Self.filled) : (ascii ? "." : Self.empty)
      screen.put(String(ch), row: row, column: col, style: on ? Light.style(light) : .dim)
      col += 1
    }
    return count + 1
  }
}

extension Schedule {
  /// The colour a section's bar takes: its mean progress judged as one item's would be.
  func light(of gauge: ProgressGauge) -> Light {
    if gauge.behind > settings.redBehind { return .red }
    if gauge.behind >= settings.yellowBehind { return .yellow }
    return .green
  }
}
