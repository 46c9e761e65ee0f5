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
