import Foundation

/// A saved web page as paragraphs and tables, in page order: the text of block elements, one
/// paragraph each, and every table that holds no table as rows of cell text. Scripts, styles
/// and forms are not text.
public enum HTMLReader {
  public static let sizeLimit = 64 << 20

  public static func blocks(_ data: Data, name: String) throws -> [DOCXReader.Block] {
    guard data.count <= sizeLimit else {
      throw OfficeError(
        "the page is larger than \(sizeLimit >> 20) MiB: refused", zh: "网页超过 \(sizeLimit >> 20) MiB，拒绝读取")
    }
    let tree = try XMLTree(html: data, name: name)
    guard let root = tree.root else { return [] }
    var out: [DOCXReader.Block] = []
    var line = ""
    func flush() {
      let t = line.trimmingCharacters(in: .whitespacesAndNewlines)
      if !t.isEmpty { out.append(.paragraph(t)) }
      line = ""
    }
    func walk(_ n: XMLNode) {
      for c in n.children {
        if c.isText {
          line += c.text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\u{00A0}", with: " ")
          continue
        }
        guard c.isElement else { continue }
        let tag = c.name.lowercased()
        if skipped.contains(tag) { continue }
        if tag == "table", c.descendants("table").isEmpty {
          flush()
          out.append(.table(rows(c)))
          continue
        }
        if tag == "br" {
          flush()
          continue
        }
        let block = blocks.contains(tag)
        if block { flush() }
        walk(c)
        if block { flush() }
      }
    }
    walk(root)
    flush()
    return out
  }

  static let skipped: Set<String> = ["script", "style", "noscript", "template", "head", "select", "button", "iframe"]
  static let blocks: Set<String> = [
    "p", "div", "section", "article", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "tbody",
    "thead", "blockquote", "pre", "dd", "dt", "dl", "center", "form", "header", "footer", "main", "nav", "td", "th",
  ]

  /// Rows of a table; a cell spanning columns repeats its text in each.
  static func rows(_ table: XMLNode) -> [[String]] {
    var out: [[String]] = []
    for tr in table.descendants("tr") {
      var row: [String] = []
      for cell in tr.elements where cell.name.lowercased() == "td" || cell.name.lowercased() == "th" {
        let text = cell.text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
          .filter { !$0.isEmpty }.joined(separator: "\n").replacingOccurrences(of: "\u{00A0}", with: " ")
        let span = cell.attr("colspan").flatMap(Int.init) ?? 1
        for _ in 0..<max(1, min(span, 64)) { row.append(text) }
      }
      out.append(row)
    }
    return out
  }
}
