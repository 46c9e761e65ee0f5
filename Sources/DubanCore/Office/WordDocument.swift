/// A document laid out as a government document (GB/T 9704): A4 with its margins (top 37 mm,
/// bottom 35 mm, left 28 mm, right 26 mm), the title in 方正小标宋简体 二号, the body in
/// 仿宋_GB2312 三号 on a fixed 28-point line with a two-character indent, headings in 黑体,
/// tables with borders and a repeated header row, and the page number "— 1 —" at the foot.
/// Built in duban, sent as JSON to duban-office, whose `DOCXWriter` lays it out.
public struct WordDocument: Codable, Sendable {
  public enum Block: Codable, Sendable {
    case title(String)
    /// 主送机关: flush left, no indent.
    case salutation(String)
    case heading(String)
    case paragraph(String)
    case table(headers: [String], rows: [[String]])
    /// The issuing office and date, right-aligned.
    case signature([String])
  }

  public var blocks: [Block]

  public init(_ blocks: [Block]) { self.blocks = blocks }

  /// The text of the document, one line per paragraph and table cell: what tests compare
  /// with LibreOffice's plain-text export.
  public var plainLines: [String] {
    blocks.flatMap { b -> [String] in
      switch b {
      case .title(let s), .salutation(let s), .heading(let s), .paragraph(let s): return [s]
      case .signature(let lines): return lines
      case .table(let h, let rows): return ([h] + rows).flatMap { $0 }
      }
    }
  }
}

/// How a table fits GB/T 9704's type area, decided here (not in the writer) so it is tested
/// with the model: every column as wide as its text wants, the widths scaled to the page.
extension WordDocument {
  /// The type area's width: A4's 210 mm less the 28 mm and 26 mm margins, in twips.
  public static let textWidth = 8844

  /// A column whose every cell is this short (a count, a percentage, a period, a date) is
  /// centred and kept narrow.
  static let shortCell = 14

  /// Tables are set in 仿宋 五号 (10.5 pt), smaller than the body as GB/T 9704 has it, so a
  /// table of five or six columns still gives its text column room. In half-points:
  public static let tableSize = 21

  /// Column widths in twips, summing to `total`, for a table set in `halfPoints` type.
  /// When everything fits on one line the columns share the width by their text; when not,
  /// each column first gets its least (short values whole on one line, a header over them on
  /// two at most, a header over text on one)
  /// and the rest goes to the columns that want more, by how much they want — so the
  /// column of long text (事项) is the widest, never squeezed to the width of a count.
  public static func columnWidths(
    headers: [String], rows: [[String]], total: Int = textWidth, halfPoints: Int = tableSize
  )
    -> [Int]
  {
    let count = max(headers.count, rows.map(\.count).max() ?? 0)
    guard count > 0 else { return [] }
    // One display column (half a Chinese character) in twips; a cell's margins (108 twips a
    // side) and a substituted font's wider figures take three.
    let unit = Double(halfPoints * 5)
    let room = Double(total) / unit
    func width(_ s: String) -> Int {
      s.split(separator: "\n").map { DisplayWidth.standard.width(of: $0) + autospace($0) }.max() ?? 0
    }
    var want = [Double](repeating: 0, count: count)
    var least = [Double](repeating: 0, count: count)
    var short = Set<Int>()
    for c in 0..<count {
      let head = c < headers.count ? width(headers[c]) : 0
      let cells = rows.map { c < $0.count ? width($0[c]) : 0 }
      let longest = cells.max() ?? 0
      // A short value is kept on one line (its gaps between Chinese and figures counted).
      let isShort =
        !rows.isEmpty && rows.allSatisfy { c >= $0.count || DisplayWidth.standard.width(of: $0[c]) <= shortCell }
      if isShort { short.insert(c) }
      let shortWidth = isShort ? longest : 0
      want[c] = Double(max(head, longest) + 3)
      // A header over long text stays on one line (up to four characters); over short values
      // (序时进度 over 30%) one of four or more may take two, as printed tables do.
      let header = isShort && head > 6 ? (head + 1) / 2 : min(head, 8)
      least[c] = min(want[c], Double(max(6, header + 3, (head + 1) / 2 + 3, shortWidth + 3)))
    }
    var widths: [Double]
    let wanted = want.reduce(0, +)
    if wanted <= room {
      widths = want.map { $0 * room / wanted }
    } else if least.reduce(0, +) >= room {
      let sum = least.reduce(0, +)
      widths = least.map { $0 * room / sum }
    } else {
      widths = least
      var remaining = room - least.reduce(0, +)
      // What is left goes to the text columns; a short one has all it needs.
      var open = (0..<count).filter { want[$0] > least[$0] && !short.contains($0) }
      while remaining > 0.01 && !open.isEmpty {
        let weight = open.map { want[$0] }.reduce(0, +)
        var spent = 0.0
        var next: [Int] = []
        for c in open {
          let add = remaining * want[c] / weight
          if widths[c] + add >= want[c] {
            spent += want[c] - widths[c]
            widths[c] = want[c]
          } else {
            widths[c] += add
            spent += add
            next.append(c)
          }
        }
        remaining -= spent
        if next.count == open.count { break }
        open = next
      }
    }
    var twips = widths.map { Int(($0 * unit).rounded(.down)) }
    twips[twips.count - 1] += total - twips.reduce(0, +)
    return twips
  }

  /// The room LibreOffice (and Word, where it is on) puts between Chinese and figures or
  /// Latin letters, a quarter of a character each: in display columns, rounded up.
  static func autospace(_ s: Substring) -> Int {
    var boundaries = 0
    var previous: Bool? = nil
    for ch in s where !ch.isWhitespace {
      let wide = DisplayWidth.standard.width(of: String(ch)) == 2
      if let p = previous, p != wide, ch.isLetter || ch.isNumber || wide { boundaries += 1 }
      previous = wide
    }
    return (boundaries + 1) / 2
  }

  /// Columns of short cells only (counts, percentages, periods, dates): centred.
  public static func shortColumns(headers: [String], rows: [[String]]) -> Set<Int> {
    let count = max(headers.count, rows.map(\.count).max() ?? 0)
    return Set(
      (0..<count).filter { c in
        !rows.isEmpty && rows.allSatisfy { c >= $0.count || DisplayWidth.standard.width(of: $0[c]) <= shortCell }
      })
  }
}
