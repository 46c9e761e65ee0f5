import DubanCore

/// What a cell of an .xlsx shows, as a person typed it: the workbook's shared strings, and its
/// cell formats that make a number a date or a percentage.
struct XLSXValues {
  var shared: [String]
  /// Cell formats (by index) that show dates, and those that show percentages.
  var dates: Set<Int>
  var percents: Set<Int>

  init(shared: XMLNode?, styles: XMLNode?) {
    self.shared = shared?.all("si").map(Self.runs) ?? []
    dates = Self.formats(styles) { id, code in
      if let code { return Self.isDateCode(code) }
      return (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id) || (50...58).contains(id)
    }
    // Built-in 9 and 10, or a code with %.
    percents = Self.formats(styles) { id, code in id == 9 || id == 10 || (code?.contains("%") ?? false) }
  }

  /// The text of a cell (`c`): a string shared or inline, a boolean, or a number in its format.
  func value(of c: XMLNode) -> String {
    let v = c.first("v")?.text ?? ""
    switch c.attr("t") ?? "n" {
    case "s": return Int(v).flatMap { shared.indices.contains($0) ? shared[$0] : nil } ?? ""
    case "inlineStr": return c.first("is").map(Self.runs) ?? ""
    case "str", "e": return v
    case "b": return v == "1" ? "TRUE" : "FALSE"
    default:
      let style = c.attr("s").flatMap { Int($0) }
      if let style, dates.contains(style), let n = Double(v), let day = Self.day(serial: n) {
        return day.description
      }
      if let style, percents.contains(style), let n = Double(v) {
        // "25%" typed in a cell is stored as 0.25 in a percent format: read what was typed.
        return Self.number(String((n * 100 * 1e6).rounded() / 1e6)) + "%"
      }
      return Self.number(v)
    }
  }

  /// The text of every `t` beneath a node, leaving out phonetic runs (`rPh`).
  static func runs(_ node: XMLNode) -> String {
    if node.name == "t" { return node.text }
    if node.name == "rPh" { return "" }
    return node.elements.map(runs).joined()
  }

  /// The indices of the cell formats whose number format (built-in id, or its custom code)
  /// passes `test`.
  static func formats(_ styles: XMLNode?, _ test: (Int, String?) -> Bool) -> Set<Int> {
    guard let styles else { return [] }
    var custom: [Int: String] = [:]
    for f in styles.first("numFmts")?.all("numFmt") ?? [] {
      if let id = f.attr("numFmtId").flatMap({ Int($0) }) { custom[id] = f.attr("formatCode") ?? "" }
    }
    var out: Set<Int> = []
    for (i, xf) in (styles.first("cellXfs")?.all("xf") ?? []).enumerated() {
      let id = xf.attr("numFmtId").flatMap { Int($0) } ?? 0
      if test(id, custom[id]) { out.insert(i) }
    }
    return out
  }

  /// A format code that shows a date: y or d outside quotes and brackets.
  static func isDateCode(_ code: String) -> Bool {
    var quoted = false
    var bracket = false
    var escaped = false
    for ch in code.lowercased() {
      if escaped {
        escaped = false
        continue
      }
      switch ch {
      case "\\": escaped = true
      case "\"": quoted.toggle()
      case "[": bracket = true
      case "]": bracket = false
      case "y", "d": if !quoted && !bracket { return true }
      default: break
      }
    }
    return false
  }

  /// "30" for 30, "30.5" for 30.5: how a clerk typed it.
  static func number(_ v: String) -> String {
    guard let n = Double(v) else { return v }
    if n == n.rounded() && abs(n) < 1e15 { return String(Int(n)) }
    return String(n)
  }

  /// Excel's day number (days since 1899-12-30) as a day.
  static func day(serial: Double) -> Day? {
    guard serial >= 1, serial < 2_958_466 else { return nil }
    let ordinal = Int(serial.rounded(.down)) + Day(year: 1899, month: 12, day: 30)!.ordinal
    var year = Int(Double(ordinal) / 365.2425) + 1
    while Day(year: year, month: 1, day: 1)!.ordinal > ordinal { year -= 1 }
    while Day(year: year + 1, month: 1, day: 1)!.ordinal <= ordinal { year += 1 }
    var month = 1
    while month < 12 && Day(year: year, month: month + 1, day: 1)!.ordinal <= ordinal { month += 1 }
    return Day(year: year, month: month, day: ordinal - Day(year: year, month: month, day: 1)!.ordinal + 1)
  }
}
