import DubanCore

/// What a clerk can do in the review after import (`duban import` on a terminal).
public enum ReviewCommand: String, CaseIterable, Sendable {
  case moveUp = "move-up"
  case moveDown = "move-down"
  case pageUp = "page-up"
  case pageDown = "page-down"
  case accept
  case acceptAll = "accept-all"
  case editItem = "edit-item"
  case merge
  case split
  case undo
  case redo
  case help
  case quit
}

/// The review's one key table: bindings, the `?` help and the key hints come from here.
public enum ReviewKeys {
  public struct Binding: Sendable {
    public var keys: [Key]
    public var label: String
    public var command: ReviewCommand
    public var zh: String
    public var en: String
    /// Shown on the bottom line (the rest only in `?`).
    public var hint: Bool

    /// The bottom line's word for it.
    public var short: (zh: String, en: String) {
      switch command {
      case .accept: return ("接受", "accept")
      case .acceptAll: return ("全部接受", "accept all")
      case .editItem: return ("修改", "edit")
      case .merge: return ("合并", "merge")
      case .split: return ("拆分", "split")
      case .undo: return ("撤销", "undo")
      case .help: return ("帮助", "help")
      case .quit: return ("结束", "finish")
      default: return (zh, en)
      }
    }
  }

  public static let table: [Binding] = [
    Binding(keys: [.up, .char("k")], label: "↑ k", command: .moveUp, zh: "上一条提示", en: "previous warning", hint: false),
    Binding(keys: [.down, .char("j")], label: "↓ j", command: .moveDown, zh: "下一条提示", en: "next warning", hint: false),
    Binding(keys: [.pageUp], label: "PgUp", command: .pageUp, zh: "上翻一页", en: "page up", hint: false),
    Binding(keys: [.pageDown], label: "PgDn", command: .pageDown, zh: "下翻一页", en: "page down", hint: false),
    Binding(
      keys: [.enter, .char("a")], label: "Enter a", command: .accept, zh: "接受这条修正", en: "accept this repair",
      hint: true),
    Binding(keys: [.char("A")], label: "A", command: .acceptAll, zh: "接受其余全部", en: "accept all the rest", hint: true),
    Binding(
      keys: [.char("i")], label: "i", command: .editItem, zh: "修改事项文本和单位", en: "edit the item's text and units",
      hint: true),
    Binding(
      keys: [.char("m")], label: "m", command: .merge, zh: "把两种写法合并为一个单位", en: "merge two spellings into one unit",
      hint: true),
    Binding(
      keys: [.char("s")], label: "s", command: .split, zh: "拆分连写的单位名称", en: "split a run-together unit name",
      hint: true),
    Binding(
      keys: [.char("u")], label: "u", command: .undo, zh: "撤销上一个决定（接受、修改、合并、拆分）",
      en: "undo the last decision (accept, edit, merge, split)", hint: true),
    Binding(
      keys: [.ctrl("r")], label: "Ctrl-R", command: .redo, zh: "重做撤销的决定", en: "redo what was undone", hint: false),
    Binding(keys: [.char("?")], label: "?", command: .help, zh: "帮助", en: "help", hint: true),
    Binding(
      keys: [.char("q"), .escape], label: "q Esc", command: .quit, zh: "结束审核（写入或放弃）",
      en: "finish (write or abandon)", hint: true),
  ]

  public static func command(for key: Key) -> ReviewCommand? {
    table.first { $0.keys.contains(key) }?.command
  }

  /// The bottom line: `Enter 接受  A 全部接受 …`. When it does not fit in `columns`, the
  /// spaces shrink, then the least needed hints go (`?` lists every key, so it stays).
  public static func hints(_ lang: Lang, columns: Int = .max, width: DisplayWidth = .standard) -> String {
    var shown = table.filter(\.hint)
    let dropOrder: [ReviewCommand] = [.acceptAll, .split, .merge, .editItem, .undo, .quit]
    var next = dropOrder.makeIterator()
    while true {
      let parts = shown.map { "\($0.label.split(separator: " ").first ?? "") \(lang.pick($0.short.zh, $0.short.en))" }
      for gap in ["  ", " "] where width.width(of: parts.joined(separator: gap)) <= columns {
        return parts.joined(separator: gap)
      }
      guard let drop = next.next() else { return parts.joined(separator: " ") }
      shown.removeAll { $0.command == drop }
    }
  }

  /// The README's table for the review (`ImportReviewReadmeTests` compares them).
  public static func markdown() -> String {
    var s = "| Key | 功能 | Action |\n|---|---|---|\n"
    for b in table { s += "| `\(b.label)` | \(b.zh) | \(b.en) |\n" }
    return s
  }
}
