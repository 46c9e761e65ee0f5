import FoundationEssentials

/// Parses a responsibility-breakdown document (plain text) into a plan.
///
/// Structure: parts 一、 (with declared counts), sections (一), groups ——, items 1. 1、 1．
/// or (一) when they carry units. Unit clauses after the text or on lines of their own.
/// Nothing is changed silently: every repair is a warning with its line.
public enum DocumentImporter {
  public struct Result: Sendable {
    public var plan: Plan
    /// The text's encoding, or the format the document was read from (docx, xlsx, html …).
    public var encoding: String

    public init(plan: Plan, encoding: String) {
      self.plan = plan
      self.encoding = encoding
    }
  }

  /// `progress` hears the share done, 0…1, every thousand lines or so (for large documents).
  public static func importFile(at path: String, progress: ((Double) -> Void)? = nil) throws -> Result {
    let data: Data
    do {
      data = Data(try FileReading.bytes(at: path))
    } catch {
      let failure = error as? FileReading.Failure
      throw ImportError(
        file: path, reason: "cannot read the file (\(error))",
        zh: "无法读取文件（\(failure?.message(.zh) ?? "\(error)")）")
    }
    let decoded = try DocumentDecoder.decode(data, file: path)
    var plan = try parse(decoded.text, file: path, progress: progress)
    if decoded.encoding == "GB18030" {
      plan.warnings.insert(
        ImportWarning(
          line: 0, kind: .encoding, message: "decoded as GB18030 (not UTF-8)", zh: "按 GB18030 解码（不是 UTF-8）"),
        at: 0)
    }
    return Result(plan: plan, encoding: decoded.encoding)
  }

  public static func parse(_ text: String, file: String, progress: ((Double) -> Void)? = nil) throws -> Plan {
    try parse(blocks: [.text(text)], file: file, progress: progress)
  }

  /// A document as its reader hands it over: runs of text, and tables of cells (Word, Excel
  /// and HTML files). Lines are numbered through the whole document, a table row counting as
  /// one line, so a warning's line finds its row.
  public enum Block: Sendable {
    case text(String)
    case table([[String]])
    /// A sheet of a workbook: its name, and its rows from row 1 (warnings name the cell).
    case sheet(String, [[String]])
  }

  public static func parse(blocks: [Block], file: String, progress: ((Double) -> Void)? = nil) throws -> Plan {
    var parser = DocumentParser(file: file)
    parser.progress = progress
    var layout = DocumentLayout()
    var entries: [DocumentLayout.Entry] = []
    var sheets: [SheetCells.Span] = []
    var next = 1
    for block in blocks {
      switch block {
      case .text(let text):
        let lines = splitLines(text).map { (number: $0.number + next - 1, text: $0.text) }
        next += lines.count
        entries += layout.entries(lines)
      case .table(let rows), .sheet(_, let rows):
        if case .sheet(let name, _) = block { sheets.append(SheetCells.Span(name: name, firstLine: next, rows: rows)) }
        var reader = TableReader()
        if let read = reader.read(table: rows, firstLine: next) {
          entries += read
          layout.warnings += reader.warnings
        } else {
          // A table without a header of the genre: its rows are lines of text.
          let lines = rows.enumerated().map {
            (number: next + $0.offset, text: $0.element.filter { !$0.isEmpty }.joined(separator: " "))
          }
          entries += layout.entries(lines)
        }
        next += rows.count
      }
    }
    parser.warnings = layout.warnings
    var plan = try parser.run(entries)
    if !sheets.isEmpty { SheetCells.name(&plan.warnings, in: sheets) }
    return plan
  }

  /// Lines as NSString's enumerateLines splits them: at \n, \r\n, \r, U+0085, U+2028 and
  /// U+2029, without an empty last line after a final break.
  static func splitLines(_ text: String) -> [(number: Int, text: String)] {
    var out: [(Int, String)] = []
    var text = text
    text.withUTF8 { b in
      var start = 0
      var i = 0
      func emit(_ end: Int, next: Int) {
        out.append(
          (out.count + 1, String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self).trimmed))
        start = next
        i = next
      }
      while i < b.count {
        switch b[i] {
        case 0x0A: emit(i, next: i + 1)
        case 0x0D: emit(i, next: i + 1 < b.count && b[i + 1] == 0x0A ? i + 2 : i + 1)
        case 0xC2 where i + 1 < b.count && b[i + 1] == 0x85: emit(i, next: i + 2)
        case 0xE2 where i + 2 < b.count && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9):
          emit(i, next: i + 3)
        default: i += 1
        }
      }
      if start < b.count { emit(b.count, next: b.count) }
    }
    return out
  }
}

/// One pass over the lines; the state is where we are in the outline.
struct DocumentParser {
  typealias Line = (number: Int, text: String)

  struct RawItem {
    var part: Int
    var section: String?
    var group: String?
    var number: String
    var text: String
    var clause: UnitClause?
    var clauseLine: Int
    var line: Int
  }

  let file: String
  var parts: [Part] = []
  var items: [RawItem] = []
  var warnings: [ImportWarning] = []
  var section: String?
  var group: String?
  var firstListedIsLead = false

  /// Reading the lines is the first half of the work, resolving units and targets the second.
  var progress: ((Double) -> Void)?

  init(file: String) { self.file = file }

  mutating func run(_ entries: [DocumentLayout.Entry]) throws -> Plan {
    let nonEmpty: [Line] = entries.map { (number: $0.number, text: $0.text) }
    firstListedIsLead = nonEmpty.contains { FirstListed.isNote($0.text) }
    var ended = false

    for (index, line) in nonEmpty.enumerated() {
      if index % 1000 == 999 { progress?(0.5 * Double(index) / Double(nonEmpty.count)) }
      let t = line.text
      if ended { break }
      if let row = entries[index].row {
        if LineShapes.isEndOfPlan(t) { continue }
        closeItem()
        ensurePart(line.number)
        items.append(
          RawItem(
            part: parts.count, section: section, group: group, number: row.number, text: row.text, clause: row.clause,
            clauseLine: row.line, line: row.line))
        continue
      }
      // An item numbered 一、 (a document without parts), or any item before the first part:
      // it is an item when a unit clause goes with it.
      if let p = LineShapes.chineseNumbered(t), itemHasClause(at: index, in: nonEmpty, rest: p.rest) {
        ensurePart(line.number)
        startItem(number: p.number, rest: p.rest, line: line.number)
        continue
      }
      if parts.isEmpty, let n = LineShapes.anyNumbered(t), itemHasClause(at: index, in: nonEmpty, rest: n.rest) {
        ensurePart(line.number)
        startItem(number: n.number, rest: n.rest, line: line.number)
        continue
      }
      if let p = LineShapes.part(t), startsPart(at: index, in: nonEmpty) {
        if planStart == nil { planStart = line.number }
        closeItem()
        parts.append(
          Part(ordinal: parts.count + 1, number: p.number, title: p.title, declaredCount: p.declared, sections: []))
        if let lead = HeadingClause.lead(p.title) { headingClauses[parts.count] = lead }
        section = nil
        group = nil
        continue
      }
      // A heading right above the first table row (a category cell, a sheet's section row).
      if parts.isEmpty, index + 1 < entries.count, entries[index + 1].row != nil, t.count <= 40 {
        ensurePart(line.number)
        group = t
        appendGroup(t)
        continue
      }
      guard !parts.isEmpty else { continue }  // the notice before the plan
      if LineShapes.isEndOfPlan(t) {
        ended = true
        continue
      }
      if let ad = LineShapes.advertising(t) {
        warnings.append(
          ImportWarning(
            line: line.number, kind: .advertising,
            message: "looks like injected advertising (“\(ad)”); kept as printed, check the source",
            zh: "疑似混入的广告（“\(ad)”）；按原文保留，请核对原件"))
      }
      if let n = LineShapes.numberedItem(t) ?? LineShapes.otherNumbered(t) {
        startItem(number: n.number, rest: n.rest, line: line.number)
        continue
      }
      if let g = LineShapes.group(t) {
        closeItem()
        group = g
        appendGroup(g)
        continue
      }
      if let p = LineShapes.parenNumbered(t) {
        let (_, clause, _) = UnitClause.split(p.rest)
        let next = index + 1 < nonEmpty.count ? nonEmpty[index + 1].text : nil
        let nextIsClause = next.map(Self.isClauseLine) ?? false
        if clause != nil || nextIsClause || next.map({ HeadingClause.continuesWithClause(p.rest, $0) }) == true {
          startItem(number: p.number, rest: p.rest, line: line.number)
        } else {
          closeItem()
          section = p.rest
          group = nil
          parts[parts.count - 1].sections.append(Section(number: p.number, title: p.rest, groups: []))
        }
        continue
      }
      if Self.isClauseLine(t), attachable, var item = items.last {
        if let clause = Self.lineClause(t) {
          item.clause = merge(item.clause, clause)
          item.clauseLine = line.number
          items[items.count - 1] = item
          openItem = false
          continue
        }
      }
      if openItem {
        // A line of an item that runs over several lines.
        let (text, clause, trailing) = UnitClause.split(t)
        items[items.count - 1].text += text
        if let clause { attach(clause, trailing: trailing, line: line.number) }
        continue
      }
      if isHeading(t, next: index + 1 < nonEmpty.count ? nonEmpty[index + 1].text : nil) {
        group = t
        appendGroup(t)
        continue
      }
      if t.count > 15 {
        warnings.append(
          ImportWarning(
            line: line.number, kind: .ignoredLine,
            message: "not an item, heading or unit clause; ignored: “\(t.prefix(30))…”",
            zh: "不是事项、标题或单位说明，已忽略：“\(t.prefix(30))…”"))
      }
    }
    closeItem()
    // Items without a clause of their own take the lead their part's heading names.
    for i in items.indices where items[i].clause == nil {
      items[i].clause = headingClauses[items[i].part]
    }
    guard !items.isEmpty else {
      throw ImportError(
        file: file,
        reason: "no items found: expected parts such as “一、…(共N项)” with numbered items such as “1. …(责任单位:…)”",
        zh: "没有找到事项：应有“一、…(共N项)”这样的部分和“1. …(责任单位:…)”这样的编号事项")
    }
    return finish(lines: nonEmpty, planStart: planStart ?? 0)
  }

  var planStart: Int? = nil

  /// Parts whose heading names the lead of their items: “一、县示范区管委会牵头工作(8项)”.
  var headingClauses: [Int: UnitClause] = [:]

  /// Documents without parts (一、…(共N项)) still have items: they go in one part, named after
  /// the plan when it is finished.
  mutating func ensurePart(_ line: Int) {
    guard parts.isEmpty else { return }
    if planStart == nil { planStart = line }
    parts.append(Part(ordinal: 1, number: "", title: "", declaredCount: nil, sections: []))
  }

  /// The line's own clause, or a clause line among the next two (text may run over a line).
  func itemHasClause(at index: Int, in lines: [Line], rest: String) -> Bool {
    if UnitClause.split(rest).clause != nil { return true }
    if WrappedItem.endsInClause(rest, lines[(index + 1)...].prefix(WrappedItem.span).map(\.text)) { return true }
    for l in lines[(index + 1)...].prefix(3) {
      if Self.isClauseLine(l.text) { return true }
      if LineShapes.numberedItem(l.text) != nil || LineShapes.parenNumbered(l.text) != nil
        || LineShapes.part(l.text) != nil
      {
        return false
      }
    }
    return false
  }

  /// A line that is only a clause: labelled (牵头单位:…), or named by verbs
  /// (省发展改革委牵头,各地、各部门配合。 / (市发展改革委负责)).
  static func lineClause(_ t: String) -> UnitClause? {
    let (text, clause, _) = UnitClause.split(t)
    if let clause, text.isEmpty || startsWithLabel(t) { return clause }
    var inner = t.trimming(Self.clauseEnds)
    if let f = inner.first, let l = inner.last, UnitName.openers[f] != nil, UnitName.closers.contains(l) {
      inner = String(inner.dropFirst().dropLast())
    }
    return VerbClause.parse(inner)
  }

  static let clauseEnds = Set("。.；; ")
  static let trailingPunctuation = Set("。.；;，,、 ")

  static func startsWithLabel(_ t: String) -> Bool {
    let chars = Array(t)
    var i = 0
    while i < chars.count, UnitName.openers[chars[i]] != nil || chars[i] == " " { i += 1 }
    return UnitClause.label(in: chars, at: i) != nil
  }

  /// An item still waiting for its unit clause: following lines continue its text.
  var openItem = false
  /// Clause lines attach to the last item until a heading intervenes.
  var attachable = false

  /// A part heading counts only if an item or section follows before the next part: the
  /// notice's own 一、二、三 paragraphs are not parts.
  func startsPart(at index: Int, in lines: [Line]) -> Bool {
    guard let p = LineShapes.part(lines[index].text) else { return false }
    if p.declared != nil { return true }
    for l in lines[(index + 1)...].prefix(6) {
      if LineShapes.part(l.text) != nil { return false }
      if LineShapes.numberedItem(l.text) != nil || LineShapes.parenNumbered(l.text) != nil
        || LineShapes.group(l.text) != nil
      {
        return true
      }
    }
    return false
  }

  static func isClauseLine(_ t: String) -> Bool {
    if startsWithLabel(t) { return true }
    return t.count <= 80 && LineShapes.numberedItem(t) == nil && lineClause(t) != nil
  }

  /// An unnumbered short line right before an item is a group heading.
  func isHeading(_ t: String, next: String?) -> Bool {
    guard let next, t.count <= 30, !t.includes("。"), !t.includes("；"), !t.hasSuffix("，") else { return false }
    return LineShapes.numberedItem(next) != nil
  }

  mutating func appendGroup(_ g: String) {
    guard !parts.isEmpty else { return }
    let p = parts.count - 1
    if parts[p].sections.isEmpty {
      parts[p].sections.append(Section(number: "", title: "", groups: []))
    }
    parts[p].sections[parts[p].sections.count - 1].groups.append(g)
  }

  mutating func startItem(number: String, rest: String, line: Int) {
    closeItem()
    let (text, clause, trailing) = UnitClause.split(rest)
    items.append(
      RawItem(
        part: parts.count, section: section, group: group, number: number, text: text, clause: nil, clauseLine: line,
        line: line))
    openItem = true
    attachable = true
    if let clause { attach(clause, trailing: trailing, line: line) }
  }

  mutating func attach(_ clause: UnitClause, trailing: String, line: Int) {
    var item = items[items.count - 1]
    item.clause = merge(item.clause, clause)
    item.clauseLine = line
    if clause.unclosed {
      warnings.append(
        ImportWarning(
          line: line, kind: .unclosedBracket,
          message: "the unit clause’s bracket is never closed; read to the end of the line",
          zh: "单位说明的括号没有闭合；读到行末"))
    }
    let rest = trailing.trimming(Self.trailingPunctuation)
    if !rest.isEmpty {
      item.text += trailing
      warnings.append(
        ImportWarning(
          line: line, kind: .ignoredLine, message: "text after the unit clause kept in the item: “\(rest.prefix(30))”",
          zh: "单位说明后的文字保留在事项中：“\(rest.prefix(30))”"))
    }
    items[items.count - 1] = item
    openItem = false
  }

  func merge(_ a: UnitClause?, _ b: UnitClause) -> UnitClause {
    guard var a else { return b }
    a.entries += b.entries
    a.deadline = a.deadline ?? b.deadline
    a.hasLeadLabel = a.hasLeadLabel || b.hasLeadLabel
    a.unclosed = a.unclosed || b.unclosed
    return a
  }

  mutating func closeItem() {
    openItem = false
    attachable = false
  }
}
