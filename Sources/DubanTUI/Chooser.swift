import DubanCore

/// A short list to pick one from: ↑↓ (j k) and Enter, a digit picks directly, Esc cancels.
/// Asks which unit a filing is for when the item has several, and which filter `F` sets.
public struct Chooser: Equatable, Sendable {
  public enum Purpose: Equatable, Sendable {
    /// `r`: mark the period filed for the chosen unit.
    case fileReport(itemID: String)
    /// `R`: open the report form for the chosen unit.
    case editReport(itemID: String)
    /// `F`: set a light or report-state filter.
    case filter
    /// `m` in the import review: the unit to merge `from` into, when the name typed fits several.
    case mergeUnit(from: String)
  }

  public struct Option: Equatable, Sendable {
    public var label: String
    /// What picking it means: a unit name, or a filter's code.
    public var value: String
  }

  public var purpose: Purpose
  public var title: String
  public var options: [Option]
  public var index = 0

  public init(purpose: Purpose, title: String, options: [Option]) {
    self.purpose = purpose
    self.title = title
    self.options = options
  }

  public var selected: Option? { options.indices.contains(index) ? options[index] : nil }
}

/// Draws a chooser in the middle of the screen: numbered rows, the selected one reversed.
enum ChooserOverlay {
  static func draw(_ screen: inout Screen, _ state: AppState, _ chooser: Chooser, _ box: BoxStyle) {
    let w = screen.width
    let lang = state.lang
    let lines = chooser.options.enumerated().map { i, o in
      (i < 9 ? "\(i + 1) " : "  ") + TerminalSafe.line(o.label)
    }
    let footer = lang.pick("↑↓ 选择 · Enter 确定 · 数字直选 · Esc 取消", "↑↓ choose · Enter picks · digit picks · Esc cancels")
    let widest = max(w.width(of: chooser.title) + 4, w.width(of: footer), lines.map { w.width(of: $0) }.max() ?? 10)
    let width = min(state.columns - 2, widest + 4)
    let height = min(state.rows - 2, lines.count + 3)
    let r = Rect(
      row: max(0, (state.rows - height) / 2), column: max(0, (state.columns - width) / 2), height: height, width: width)
    Renderer.frame(&screen, r, title: chooser.title, active: true, box)
    let shown = max(1, r.innerHeight - 1)
    let scroll = max(0, min(chooser.index - shown + 1, lines.count - shown))
    for row in 0..<shown {
      let i = scroll + row
      guard i < lines.count else { break }
      screen.put(lines[i], row: r.row + 1 + row, column: r.column + 2, limit: r.innerWidth - 2)
      Renderer.selectRow(&screen, row: r.row + 1 + row, r, selected: i == chooser.index, focused: true)
    }
    screen.put(footer, row: r.row + r.height - 2, column: r.column + 2, style: .dim, limit: r.innerWidth - 2)
  }
}
