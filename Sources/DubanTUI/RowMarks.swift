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
      lang.pick(
        "进度条：▐ 已完成进度  ░ 未完成  | 序时进度；板块的进度条为其事项的平均",
        "bars: ▐ progress  ░ still to do  | expected (序时); a section's bar averages its items"),
      lang.pick("2.1* 已选中（m、M），可一次修改多项", "2.1* selected (m, M): change several at once"),
      lang.pick(
        "疑 导入时有提示、尚未处理：按 i 修改文本和单位，或按 v 确认无误",
        "?  an import warning not yet resolved: i fixes text and units, v marks it right"),
    ]
  }
}
