import DubanCore

/// What a cell looks like; the terminal backend maps each role to colours or attributes.
public enum Style: Int, CaseIterable, Sendable {
  case normal
  case title
  case border
  case activeBorder
  case header
  case selected
  case selectedInactive
  case dim
  case match
  case notStarted
  case inProgress
  case done
  case blocked
  case warning
  case error
  case ok
}

/// One terminal cell. A wide character fills its cell and marks the next as continuation.
public struct Cell: Equatable, Sendable {
  public var character: Character
  public var style: Style
  public var isContinuation: Bool

  public static let blank = Cell(character: " ", style: .normal, isContinuation: false)
}

/// The whole frame in memory: rendering writes here, tests read it, the backend flushes it.
public struct Screen: Sendable {
  public let rows: Int
  public let columns: Int
  public private(set) var cells: [Cell]
  /// Where the terminal cursor goes (a prompt's insertion point), or nil to hide it.
  public var cursor: (row: Int, column: Int)?
  public let width: DisplayWidth

  public init(rows: Int, columns: Int, width: DisplayWidth = .standard) {
    self.rows = max(0, rows)
    self.columns = max(0, columns)
    self.width = width
    cells = Array(repeating: .blank, count: self.rows * self.columns)
  }

  public subscript(row: Int, column: Int) -> Cell {
    cells[row * columns + column]
  }

  /// Writes text from (row, column), clipped to `limit` columns and the screen edge. Data is
  /// made terminal-safe here, and a wide character that would not fit whole is left out.
  /// Returns the columns used.
  @discardableResult
  public mutating func put(_ text: String, row: Int, column: Int, style: Style = .normal, limit: Int? = nil) -> Int {
    guard row >= 0, row < rows, column < columns else { return 0 }
    let end = min(columns, column + (limit ?? columns))
    var col = max(0, column)
    for ch in TerminalSafe.line(text) {
      let w = width.width(of: ch)
      if w == 0 { continue }  // zero-width marks have no cell of their own
      if col + w > end { break }
      clearWide(row: row, column: col)
      cells[row * columns + col] = Cell(character: ch, style: style, isContinuation: false)
      if w == 2 {
        clearWide(row: row, column: col + 1)
        cells[row * columns + col + 1] = Cell(character: " ", style: style, isContinuation: true)
      }
      col += w
    }
    return col - max(0, column)
  }

  /// Fills a run of cells with one character (spaces, border lines).
  public mutating func fill(row: Int, column: Int, count: Int, character: Character = " ", style: Style = .normal) {
    guard row >= 0, row < rows, count > 0 else { return }
    for c in max(0, column)..<min(columns, column + count) {
      clearWide(row: row, column: c)
      cells[row * columns + c] = Cell(character: character, style: style, isContinuation: false)
    }
  }

  /// Restyles a run of cells without changing their text (selection bars, highlights).
  public mutating func restyle(row: Int, column: Int, count: Int, style: Style) {
    guard row >= 0, row < rows else { return }
    for c in max(0, column)..<min(columns, column + count) { cells[row * columns + c].style = style }
  }

  /// Overwriting half of a wide character blanks the other half, so nothing is ever split.
  private mutating func clearWide(row: Int, column: Int) {
    let i = row * columns + column
    if cells[i].isContinuation, column > 0 {
      cells[i - 1] = .blank
    } else if column + 1 < columns, cells[i + 1].isContinuation {
      cells[i + 1] = .blank
    }
  }

  /// The frame as text, one line per row (continuation cells skipped): what a person sees.
  public func text() -> String {
    (0..<rows).map { line($0) }.joined(separator: "\n")
  }

  public func line(_ row: Int) -> String {
    var s = ""
    for c in 0..<columns where !self[row, c].isContinuation { s.append(self[row, c].character) }
    return s
  }
}
