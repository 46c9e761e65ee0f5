/// A rectangle of the screen.
public struct Rect: Equatable, Sendable {
  public var row: Int
  public var column: Int
  public var height: Int
  public var width: Int

  public func contains(row r: Int, column c: Int) -> Bool {
    r >= row && r < row + height && c >= column && c < column + width
  }

  /// Rows inside the border.
  public var innerHeight: Int { max(0, height - 2) }
  public var innerWidth: Int { max(0, width - 2) }
}

/// Where each part of the dashboard goes at a given terminal size. The renderer draws into
/// these rectangles and the reducer uses them for scrolling and mouse clicks.
public struct Layout: Equatable, Sendable {
  public static let minimumColumns = 50
  public static let minimumRows = 16

  public var tooSmall: Bool
  public var title: Rect
  public var tree: Rect
  public var tasks: Rect
  public var units: Rect
  public var detail: Rect
  public var status: Rect
  /// The workload view takes the panes' and the detail's place.
  public var workload: Rect

  public init(rows: Int, columns: Int) {
    tooSmall = rows < Self.minimumRows || columns < Self.minimumColumns
    let detailHeight = rows >= 30 ? 10 : rows >= 22 ? 7 : 5
    let paneHeight = max(3, rows - 2 - detailHeight)
    let treeWidth = min(34, max(16, columns * 26 / 100))
    let unitsWidth = min(30, max(14, columns * 22 / 100))
    let tasksWidth = max(10, columns - treeWidth - unitsWidth)
    title = Rect(row: 0, column: 0, height: 1, width: columns)
    tree = Rect(row: 1, column: 0, height: paneHeight, width: treeWidth)
    tasks = Rect(row: 1, column: treeWidth, height: paneHeight, width: tasksWidth)
    units = Rect(row: 1, column: treeWidth + tasksWidth, height: paneHeight, width: columns - treeWidth - tasksWidth)
    detail = Rect(row: 1 + paneHeight, column: 0, height: detailHeight, width: columns)
    status = Rect(row: rows - 1, column: 0, height: 1, width: columns)
    workload = Rect(row: 1, column: 0, height: max(0, rows - 2), width: columns)
  }

  public func rect(of pane: Pane) -> Rect {
    switch pane {
    case .tree: return tree
    case .tasks: return tasks
    case .units: return units
    }
  }
}
