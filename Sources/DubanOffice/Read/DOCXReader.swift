import Foundation

/// A Word document's body as paragraphs and tables, in document order. Automatic list
/// numbering (1. 2. / 一、二、 / (一) / ①) is written out as the reader sees it printed, so a
/// list Word numbers itself reads like one typed by hand.
public enum DOCXReader {
  public enum Block: Equatable, Sendable {
    case paragraph(String)
    /// Rows of cell text; a cell spanning columns (gridSpan) repeats its text in each, a cell
    /// merged down (vMerge) repeats the text of the cell above.
    case table([[String]])
  }

  public static func blocks(_ zip: OfficeZip) throws -> [Block] {
    guard let data = try zip.read("word/document.xml") else {
      throw OfficeError("not a Word document (no word/document.xml)", zh: "不是 Word 文档（缺少 word/document.xml）")
    }
    let tree = try XMLTree(xml: data, part: "word/document.xml")
    var numbering = Numbering(try zip.read("word/numbering.xml"))
    guard let body = tree.root?.first("body") else { return [] }
    var out: [Block] = []
    walk(body, into: &out, numbering: &numbering)
    return out
  }

  static func walk(_ node: XMLNode, into out: inout [Block], numbering: inout Numbering) {
    for e in node.elements {
      switch e.name {
      case "p": out.append(.paragraph(numbering.label(for: e) + paragraphText(e)))
      case "tbl": out.append(.table(table(e, numbering: &numbering)))
      // Content controls and inserted revisions wrap ordinary paragraphs and tables.
      case "sdt", "sdtContent", "ins", "customXml", "smartTag": walk(e, into: &out, numbering: &numbering)
      default: break
      }
    }
  }

  /// Text runs, tabs and breaks of a paragraph; deleted revisions are not text.
  static func paragraphText(_ p: XMLNode) -> String {
    var s = ""
    func collect(_ n: XMLNode) {
      for e in n.elements {
        switch e.name {
        case "t": s += e.text
        case "tab": s += "\t"
        case "br", "cr": s += "\n"
        case "del", "delText", "pPr", "rPr", "instrText": break
        default: collect(e)
        }
      }
    }
    collect(p)
    return s
  }

  static func table(_ tbl: XMLNode, numbering: inout Numbering) -> [[String]] {
    var rows: [[String]] = []
    for tr in tbl.elements where tr.name == "tr" {
      var row: [String] = []
      for tc in tr.elements where tc.name == "tc" {
        var paragraphs: [String] = []
        var nested: [Block] = []
        for e in tc.elements {
          if e.name == "p" {
            paragraphs.append(numbering.label(for: e) + paragraphText(e))
          } else if e.name == "tbl" {
            nested.append(.table(table(e, numbering: &numbering)))
          }
        }
        let text = paragraphs.filter { !$0.isEmpty }.joined(separator: "\n")
        let props = tc.first("tcPr")
        let span = props?.first("gridSpan")?.attr("val").flatMap(Int.init) ?? 1
        let vMerge = props?.first("vMerge")
        var value = text
        // A continued vertical merge repeats the cell above.
        if let vMerge, vMerge.attr("val") != "restart", let above = rows.last, row.count < above.count {
          value = above[row.count]
        }
        for _ in 0..<max(1, min(span, 64)) { row.append(value) }
      }
      rows.append(row)
    }
    return rows
  }

  /// Word's list numbering (word/numbering.xml): counters per list and level.
  struct Numbering {
    /// numId → abstractNumId
    var instances: [String: String] = [:]
    /// abstractNumId → level → (format, text, start)
    var levels: [String: [Int: (format: String, text: String, start: Int)]] = [:]
    var counters: [String: [Int: Int]] = [:]

    init(_ data: Data?) {
      guard let data, let tree = try? XMLTree(xml: data, part: "word/numbering.xml"), let root = tree.root else {
        return
      }
      for e in root.elements {
        if e.name == "abstractNum", let id = e.attr("abstractNumId") {
          var lv: [Int: (String, String, Int)] = [:]
          for l in e.elements where l.name == "lvl" {
            guard let i = l.attr("ilvl").flatMap(Int.init) else { continue }
            lv[i] = (
              l.first("numFmt")?.attr("val") ?? "decimal", l.first("lvlText")?.attr("val") ?? "",
              l.first("start")?.attr("val").flatMap(Int.init) ?? 1
            )
          }
          levels[id] = lv
        } else if e.name == "num", let id = e.attr("numId"), let abs = e.first("abstractNumId")?.attr("val") {
          instances[id] = abs
        }
      }
    }

    /// The printed label of a numbered paragraph ("1." "一、" "(一)"), or "".
    mutating func label(for p: XMLNode) -> String {
      guard let numPr = p.first("pPr")?.first("numPr"), let numId = numPr.first("numId")?.attr("val"),
        let abs = instances[numId], let lv = levels[abs]
      else { return "" }
      let ilvl = numPr.first("ilvl")?.attr("val").flatMap(Int.init) ?? 0
      guard let level = lv[ilvl] else { return "" }
      var c = counters[abs] ?? [:]
      c[ilvl] = (c[ilvl] ?? (level.start - 1)) + 1
      for deeper in c.keys where deeper > ilvl { c[deeper] = nil }
      counters[abs] = c
      var text = level.text
      for k in 0...ilvl {
        let value = c[k] ?? (lv[k]?.start ?? 1)
        text = text.replacingOccurrences(of: "%\(k + 1)", with: Self.format(value, lv[k]?.format ?? "decimal"))
      }
      return level.format == "bullet" || level.format == "none" ? "" : text
    }

    static func format(_ n: Int, _ format: String) -> String {
      switch format {
      case "chineseCounting", "chineseCountingThousand", "ideographTraditional", "taiwaneseCounting",
        "chineseLegalSimplified":
        return chinese(n)
      case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
        return n >= 1 && n <= 20 ? String(UnicodeScalar(0x2460 + n - 1)!) : "\(n)"
      case "lowerLetter": return n >= 1 && n <= 26 ? String(UnicodeScalar(96 + n)!) : "\(n)"
      case "upperLetter": return n >= 1 && n <= 26 ? String(UnicodeScalar(64 + n)!) : "\(n)"
      default: return "\(n)"
      }
    }

    static func chinese(_ n: Int) -> String {
      let d = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
      guard n > 0, n < 100 else { return "\(n)" }
      if n < 10 { return d[n] }
      return (n / 10 == 1 ? "" : d[n / 10]) + "十" + (n % 10 == 0 ? "" : d[n % 10])
    }
  }
}
