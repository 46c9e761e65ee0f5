/// Terminal column widths, from our own table so layout never depends on the locale.
/// All width logic lives here: panes, tables and the CLI measure through it.
public struct DisplayWidth: Equatable, Sendable {
  /// Terminals set to "ambiguous = wide" draw “ ” … and box drawing double.
  public var ambiguousIsWide: Bool

  public init(ambiguousIsWide: Bool = false) {
    self.ambiguousIsWide = ambiguousIsWide
  }

  public static let standard = DisplayWidth()

  public func width(of scalar: Unicode.Scalar) -> Int {
    let v = scalar.value
    if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
    if v < 0x7F { return 1 }
    if Self.contains(WidthTable.zero, v) { return 0 }
    if Self.contains(WidthTable.wide, v) { return 2 }
    if ambiguousIsWide && Self.contains(WidthTable.ambiguous, v) { return 2 }
    return 1
  }

  /// A grapheme cluster takes the width of its widest scalar (base + combining marks = base).
  public func width(of character: Character) -> Int {
    var w = 0
    for s in character.unicodeScalars { w = max(w, width(of: s)) }
    return w
  }

  public func width(of text: some StringProtocol) -> Int {
    if let fast = scalarWidth(of: text) { return fast }
    var total = 0
    for ch in text { total += width(of: ch) }
    return total
  }

  /// The width summed scalar by scalar, when every scalar is one that never joins its
  /// neighbours into a grapheme (printable ASCII, CJK, kana, fullwidth forms, CJK
  /// punctuation): then each scalar is a character, and finding graphemes — the slow
  /// part — can be skipped. nil when the text has anything else.
  @inline(__always)
  func scalarWidth(of text: some StringProtocol) -> Int? {
    var total = 0
    for s in text.unicodeScalars {
      let v = s.value
      if v >= 0x20 && v < 0x7F {
        total += 1
      } else if (0x3000...0x303F).contains(v) || (0x3041...0x30FF).contains(v) || (0x3400...0x4DBF).contains(v)
        || (0x4E00...0x9FFF).contains(v) || (0xFF01...0xFF60).contains(v)
      {
        total += width(of: s)
      } else {
        return nil
      }
    }
    return total
  }

  /// The longest prefix that fits in `columns`; a wide character that would straddle the
  /// edge is left out whole, never split.
  public func prefix(_ text: some StringProtocol, columns: Int) -> (text: String, width: Int) {
    if let w = scalarWidth(of: text), w <= columns { return (String(text), w) }
    var out = ""
    var used = 0
    for ch in text {
      let w = width(of: ch)
      if used + w > columns { break }
      out.append(ch)
      used += w
    }
    return (out, used)
  }

  /// Cut to `columns`, ending in an ellipsis when something was cut.
  public func truncate(_ text: String, columns: Int, ellipsis: String = "…") -> String {
    guard columns > 0 else { return "" }
    if width(of: text) <= columns { return text }
    let ellipsisWidth = width(of: ellipsis)
    guard columns > ellipsisWidth else { return prefix(text, columns: columns).text }
    return prefix(text, columns: columns - ellipsisWidth).text + ellipsis
  }

  /// Pad with spaces (after the text, or before when `alignRight`) to exactly `columns`.
  public func pad(_ text: String, columns: Int, alignRight: Bool = false) -> String {
    let cut = prefix(text, columns: columns)
    let fill = String(repeating: " ", count: columns - cut.width)
    return alignRight ? fill + cut.text : cut.text + fill
  }

  /// Break text into lines of at most `columns`, never splitting a wide character.
  /// Lines of at most `columns`, following the Chinese line-breaking rules (禁则): no line
  /// starts with closing punctuation (、，。；：？！）》” …) and none ends with an opening
  /// one (（《“【): the character before is carried down with it instead.
  /// `words: false` breaks English anywhere too: an editor's text, whose cursor is placed by
  /// wrapping the text before it, which must break where the whole text does.
  public func wrap(_ text: String, columns: Int, words: Bool = true) -> [String] {
    guard columns > 0 else { return [] }
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var line: [Character] = []
      var used = 0
      for ch in paragraph {
        let w = width(of: ch)
        if used + w > columns, !line.isEmpty {
          // English breaks between words: a space at the break is dropped, and a word
          // (ASCII letters, digits, punctuation) is carried down whole when the line holds
          // something before it. Chinese breaks anywhere, by the rules below.
          if words, ch == " " {
            lines.append(String(line))
            line = []
            used = 0
            continue
          }
          if words, Self.isWordCharacter(ch), let start = line.lastIndex(where: { !Self.isWordCharacter($0) }),
            start + 1 < line.count || line[start] == " "
          {
            let word = Array(line[(start + 1)...])
            var head = Array(line[...start])
            while head.last == " " { head.removeLast() }
            if !head.isEmpty {
              lines.append(String(head))
              line = word
              used = word.reduce(0) { $0 + width(of: $1) }
              line.append(ch)
              used += w
              continue
            }
          }
          var carried: [Character] = []
          // Carry the last character down when the break would start a line with closing
          // punctuation, and an opening bracket that would end one.
          // (A few at most: a run of punctuation longer than that breaks anyway.)
          while line.count > 1, carried.count < 3, Self.noLineStart.contains(carried.first ?? ch) {
            carried.insert(line.removeLast(), at: 0)
          }
          while line.count > 1, carried.count < 3, Self.noLineEnd.contains(line.last!) {
            carried.insert(line.removeLast(), at: 0)
          }
          lines.append(String(line))
          line = carried
          used = carried.reduce(0) { $0 + width(of: $1) }
        }
        line.append(ch)
        used += w
      }
      lines.append(String(line))
    }
    return lines
  }

  /// A character of an English word, which a line break must not split.
  static func isWordCharacter(_ ch: Character) -> Bool { ch.isASCII && !ch.isWhitespace }

  static let noLineStart: Set<Character> = Set("、，。；：？！）》」』】〕〉”’…—·,.;:?!)]}%％")
  static let noLineEnd: Set<Character> = Set("（《「『【〔〈“‘([{")

  private static func contains(_ ranges: [ClosedRange<UInt32>], _ v: UInt32) -> Bool {
    var lo = 0
    var hi = ranges.count - 1
    while lo <= hi {
      let mid = (lo + hi) / 2
      let r = ranges[mid]
      if v < r.lowerBound {
        hi = mid - 1
      } else if v > r.upperBound {
        lo = mid + 1
      } else {
        return true
      }
    }
    return false
  }
}
