import DubanCore

/// Marks on task rows besides status and light: a selected item, an item still carrying an
/// import warning, and the progress bar; all explained in the help overlay's legend.
enum RowMarks {
  /// Drawn right after a selected item's number (which turns bold).
  static let selected: Character = "*"

  /// Before the text of an item whose import warnings nobody resolved yet: 疑 (to be checked).
  static func review(_ lang: Lang) -> String { lang.pick("疑 ", "? ") }

  static func legend(_ lang: Lang) -> [String] {
    [
      lang.pick("进度条：▐ 进度  ░ 未完成  | 序时进度", "bars: ▐ progress  ░ to do  | expected"),
      lang.pick("　　　　板块的进度条是其事项的平均", "      a section's bar averages its items"),
      lang.pick("2.1*   已选中（m、M），一次改多项", "2.1*  selected (m, M): change several"),
      lang.pick("疑     导入提示未处理：i 修改，v 确认", "?     import warning open: i fixes, v checks"),
    ]
  }
}
