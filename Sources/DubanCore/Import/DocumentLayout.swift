/// The first pass over a document's lines, before the outline parser: whatever the layout —
/// prose, text extracted from a PDF, a table (pipe, tab or one cell per line) — the result is
/// one sequence of entries: lines of prose, and rows already cut into
/// (number, text, units clause, leaders, deadline). Every repair is a warning with its line.
struct DocumentLayout {
  struct Entry {
    var number: Int
    /// The prose line; for a table row, “N. text” so the outline's look-aheads see an item.
    var text: String
    var row: TableRow?
  }

  var warnings: [ImportWarning] = []

  /// Runs every repair in order.
  mutating func entries(_ lines: [(number: Int, text: String)]) -> [Entry] {
    var kept = lines.filter { !$0.text.isEmpty }
    kept = dropPageFurniture(kept)
    kept = joinHardWraps(kept)
    kept = splitRunOnLines(kept)
    kept = splitRunTogetherItems(kept)
    var tables = TableReader()
    let out = tables.read(kept)
    warnings += tables.warnings
    return out
  }

  // MARK: PDF page furniture

  /// “— 3 —”, “- 12 -”, “第 3 页”, “第3页 共10页”, “3/10”: page markers.
  static func isPageMarker(_ t: String) -> Bool {
    guard t.utf8.count <= 48 else { return false }
    let s = t.filter { !$0.isWhitespace }
    guard !s.isEmpty, s.count <= 12 else { return false }
    let digits = s.filter(\.isASCIIDigitChar)
    guard !digits.isEmpty else { return false }
    let rest = s.filter { !$0.isASCIIDigitChar }
    if rest.allSatisfy({ "—–-－─_·•".contains($0) }) && !rest.isEmpty { return true }
    if rest == "第页" || rest == "第页共页" || rest == "共页第页" || rest == "/" || rest == "Page" { return true }
    return false
  }

  /// Drops page markers, and running headers: a short line printed again and again (on every
  /// page) that is neither an item nor a heading.
  mutating func dropPageFurniture(_ lines: [(number: Int, text: String)]) -> [(number: Int, text: String)] {
    let markers = Set(lines.indices.filter { Self.isPageMarker(lines[$0].text) || lines[$0].text.includes("\u{0C}") })
    // A running header repeats, and stands next to a page break; a unit's name repeated down a
    // table column does not.
    var counts: [String: Int] = [:]
    for (k, l) in lines.enumerated() where l.text.count <= 40 && (markers.contains(k - 1) || markers.contains(k + 1)) {
      counts[l.text, default: 0] += 1
    }
    var reported = Set<String>()
    var out: [(number: Int, text: String)] = []
    for (k, l) in lines.enumerated() {
      let t = l.text.includes("\u{0C}") ? l.text.replacing("\u{0C}", with: "").trimmed : l.text
      if t.isEmpty { continue }
      let nearBreak = markers.contains(k - 1) || markers.contains(k + 1)
      let repeated =
        nearBreak && (counts[l.text] ?? 0) >= 2 && LineShapes.numberedItem(t) == nil
        && LineShapes.parenNumbered(t) == nil && LineShapes.part(t) == nil && !Self.isClauseOnly(t)
      if markers.contains(k) || repeated {
        if reported.insert(repeated ? t : "page").inserted {
          warnings.append(
            ImportWarning(
              line: l.number, kind: .ignoredLine,
              message: repeated
                ? "running header “\(t.prefix(20))” dropped wherever it repeats" : "page markers (“\(t)”) dropped",
              zh: repeated ? "重复出现的页眉“\(t.prefix(20))”已去掉" : "页码行（“\(t)”）已去掉"))
        }
        continue
      }
      out.append((l.number, t))
    }
    return out
  }

  static func isClauseOnly(_ t: String) -> Bool {
    let (text, clause, _) = UnitClause.split(t)
    return clause != nil && text.isEmpty
  }

  // MARK: Hard wraps

  /// A line whose bracket the next line closes was wrapped inside a unit name (PDF text):
  /// “(责任单位:区发改委、区财” + “政局)” is one line.
  mutating func joinHardWraps(_ lines: [(number: Int, text: String)]) -> [(number: Int, text: String)] {
    var out: [(number: Int, text: String)] = []
    var i = 0
    while i < lines.count {
      var line = lines[i]
      while i + 1 < lines.count, Self.balance(line.text) > 0,
        Self.balance(lines[i + 1].text) < 0 || closesWithin(lines, from: i, open: Self.balance(line.text)),
        startsNothing(lines[i + 1].text)
      {
        warnings.append(
          ImportWarning(
            line: lines[i + 1].number, kind: .ignoredLine,
            message: "line wrapped inside a bracket joined to the line before",
            zh: "括号内断开的行已与上一行合并"))
        line.text += lines[i + 1].text
        i += 1
      }
      out.append(line)
      i += 1
    }
    return out
  }

  func startsNothing(_ t: String) -> Bool {
    LineShapes.numberedItem(t) == nil && LineShapes.parenNumbered(t) == nil && LineShapes.part(t) == nil
  }

  /// UnitName.openers' keys (LayoutTests checks they stay the same).
  static let openerScalars = Set("(（[【〈<《＜".unicodeScalars)
  static let closerScalars = Set(UnitName.openers.allValues.flatMap(\.unicodeScalars))

  /// The same as scalar values: compared, not hashed (balance runs on every line).
  static let openerValues = openerScalars.map(\.value)
  static let closerValues = closerScalars.map(\.value)
  /// The 256-scalar pages brackets live on (ASCII, CJK punctuation, full-width forms).
  static let bracketPages = Array(Set((openerValues + closerValues).map { $0 >> 8 }))

  /// Openers minus closers (every bracket is one scalar, so no grapheme breaking is needed).
  static func balance(_ t: String) -> Int {
    var n = 0
    for u in t.unicodeScalars {
      // Ideographs are on no bracket's page: most text skips both look-ups.
      let v = u.value
      guard bracketPages.contains(v >> 8) else { continue }
      if openerValues.contains(v) {
        n += 1
      } else if closerValues.contains(v) {
        n -= 1
      }
    }
    return n
  }

  // MARK: Two items on one line

  /// “(一)…(X负责)(二)…(Y主办,Z协办)”: a line that starts with a number and carries the next
  /// number right after a clause or a full stop is two items.
  mutating func splitRunTogetherItems(_ lines: [(number: Int, text: String)]) -> [(number: Int, text: String)] {
    var out: [(number: Int, text: String)] = []
    for l in lines {
      var rest = l.text
      var pieces: [String] = []
      while let cut = Self.nextItemStart(in: rest) {
        pieces.append(String(rest[..<cut]).trimmed)
        rest = String(rest[cut...])
      }
      pieces.append(rest)
      if pieces.count > 1 {
        warnings.append(
          ImportWarning(
            line: l.number, kind: .ignoredLine, message: "\(pieces.count) items on one line, read one by one",
            zh: "一行里有 \(pieces.count) 个事项，已逐项读取"))
      }
      for p in pieces { out.append((l.number, p)) }
    }
    return out
  }

  /// Where the successor of the line's own number starts, after a clause's bracket or a stop.
  static func nextItemStart(in line: String) -> String.Index? {
    let own: String
    let paren: Bool
    if let p = LineShapes.parenNumbered(line) {
      own = p.number
      paren = true
    } else if let n = LineShapes.numberedItem(line) {
      own = n.number
      paren = false
    } else {
      return nil
    }
    guard let value = ChineseNumerals.value(Substring(own)) ?? Int(own) else { return nil }
    let next = own.first?.isASCIIDigitChar == true ? "\(value + 1)" : ChineseNumerals.spell(value + 1)
    let needles = paren ? ["(\(next))", "（\(next)）"] : ["\(next).", "\(next)、", "\(next)．"]
    for needle in needles {
      guard let r = line.byteRange(of: needle), r.lowerBound > line.startIndex else { continue }
      let before = line[line.index(before: r.lowerBound)]
      if UnitName.closers.contains(before) || "。；;".contains(before) { return r.lowerBound }
    }
    return nil
  }
}
