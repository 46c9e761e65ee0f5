import DubanCore

/// A one-line editor for notes and search: Chinese input, the cursor placed by display width.
public struct LineEditor: Equatable, Sendable {
  public private(set) var characters: [Character] = []
  public private(set) var cursor = 0
  /// A prefilled value is selected: the first character typed replaces it, as in any
  /// form field; a movement key keeps it and starts editing it.
  public private(set) var selected = false

  public init(_ text: String = "", selected: Bool = false) {
    characters = Array(text)
    cursor = characters.count
    self.selected = selected && !text.isEmpty
  }

  public var text: String { String(characters) }

  /// Returns false for keys it does not handle (Enter, Esc: the caller decides).
  @discardableResult
  public mutating func handle(_ key: Key) -> Bool {
    if selected {
      selected = false
      switch key {
      case .char, .backspace, .delete, .ctrl("d"), .ctrl("u"), .ctrl("k"):
        characters = []
        cursor = 0
        if case .char = key {} else { return true }
      default: break
      }
    }
    switch key {
    case .char(let c):
      // Typed text is untrusted too: controls never enter a note. A zero-width joiner may:
      // it arrives on its own between the two emoji it joins (👩‍💻), and output shows one
      // that joins nothing as a placeholder.
      guard !c.unicodeScalars.contains(where: { TerminalSafe.isUnsafe($0) && $0 != "\u{200D}" }) else { return true }
      characters.insert(c, at: cursor)
      cursor += 1
    case .backspace:
      if cursor > 0 {
        characters.remove(at: cursor - 1)
        cursor -= 1
      }
    case .delete, .ctrl("d"):
      if cursor < characters.count { characters.remove(at: cursor) }
    case .left, .ctrl("b"): cursor = max(0, cursor - 1)
    case .right, .ctrl("f"): cursor = min(characters.count, cursor + 1)
    case .home, .ctrl("a"): cursor = 0
    case .end, .ctrl("e"): cursor = characters.count
    case .ctrl("u"):
      characters.removeFirst(cursor)
      cursor = 0
    case .ctrl("k"): characters.removeLast(characters.count - cursor)
    default: return false
    }
    return true
  }

  /// The part to show in `columns` and the cursor's column in it: scrolls horizontally so
  /// the cursor is always visible, and never splits a wide character.
  public func visible(columns: Int, width: DisplayWidth) -> (text: String, cursorColumn: Int) {
    guard columns > 1 else { return ("", 0) }
    var start = 0
    var before = width.width(of: String(characters[0..<cursor]))
    while before > columns - 1, start < cursor {
      before -= width.width(of: characters[start])
      start += 1
    }
    let shown = width.prefix(String(characters[start...]), columns: columns).text
    return (shown, before)
  }
}
