/// A key or terminal event, decoded by the backend, independent of ncurses.
public enum Key: Hashable, Sendable {
  case char(Character)
  case ctrl(Character)
  case up, down, left, right
  case pageUp, pageDown, home, end
  case enter, escape, tab, backTab, backspace, delete
  case resize(rows: Int, columns: Int)
  case click(row: Int, column: Int)
  case scrollUp, scrollDown
}
