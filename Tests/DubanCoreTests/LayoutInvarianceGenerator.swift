import Foundation

@testable import DubanCore

/// Renders the same labelled items in the layouts and clause wordings real 责任分解 documents
/// use, so the layout-invariance test can check that each rendering imports to the same units.
/// Deterministic: header words are drawn by a seeded generator.
enum LayoutInvariance {
  /// One item's content, as labelled.
  struct Fact {
    var text: String
    var lead: [String]
    var responsible: [String]
    var leaders: [String]
    var deadline: String?
  }

  /// How the unit clause of a prose item is worded.
  enum Wording: String, CaseIterable {
    case labels = "（牵头单位：X；责任单位：Y）"
    case clauseLine = "牵头单位：X 责任单位：Y（下一行）"
    case leadAssist = "（X牵头，Y、Z配合）"
    case hostAssist = "（X主办，Y、Z协办）"
    case charge = "（X、Y负责）"
    case byCharge = "（由X、Y负责落实）"
    case each = "（X、Y分别负责）"
    case afterStop = "。X牵头，Y、Z配合。"
    case firstListed = "（责任单位：X、Y、Z）列第一位者为牵头单位"
    case commaList = "（牵头单位：X；责任单位：Y，Z）"
    case jiList = "（牵头单位：X；责任单位：Y及Z）"
    case spacedLeader = "（…；责任领导：王 健）"

    /// Whether the wording can say this item's roles at all: 负责 names no lead, 牵头 needs one.
    func fits(_ f: Fact) -> Bool {
      switch self {
      case .labels, .clauseLine: return true
      case .leadAssist, .hostAssist: return !f.lead.isEmpty
      case .charge, .byCharge: return f.lead.isEmpty && !f.responsible.isEmpty
      case .each: return f.lead.isEmpty && f.responsible.count >= 2
      case .afterStop: return !f.lead.isEmpty
      case .firstListed: return f.lead.count == 1
      case .commaList, .jiList: return f.responsible.count >= 2 && !f.responsible.contains { $0.contains("、") }
      case .spacedLeader: return f.leaders.contains { $0.count == 2 }
      }
    }
  }

  enum Layout: Hashable {
    case prose(Wording, numbering: Int)
    case parts, twoPerLine, keyValue, pipeTable, tabTable, webTable, webTableSpaced, transposed, runOn, pdf

    var name: String {
      switch self {
      case .prose(let w, let n): return n == 0 ? "prose 1. \(w.rawValue)" : "prose \(numberings[n].name) （牵头单位：X；…）"
      case .parts: return "parts 一、…（共N项）, items 1. restarting in each"
      case .twoPerLine: return "two items on one line (一)…(二)…"
      case .keyValue: return "one field a line: 工作任务：… 牵头单位：…"
      case .pipeTable: return "pipe table"
      case .tabTable: return "tab-separated table"
      case .webTable: return "web table, one cell per line"
      case .webTableSpaced: return "web table, a blank line between cells"
      case .transposed: return "transposed table"
      case .runOn: return "run-on one-line page"
      case .pdf: return "PDF text: hard wraps, page markers"
      }
    }

    static var all: [Layout] {
      Wording.allCases.map { .prose($0, numbering: 0) } + (1..<numberings.count).map { .prose(.labels, numbering: $0) }
        + [
          .parts, .twoPerLine, .keyValue, .pipeTable, .tabTable, .webTable, .webTableSpaced, .transposed, .runOn, .pdf,
        ]
    }
  }

  /// Item numbers as documents print them; ① stops at ㊿, so that layout renders 50 items at most.
  static let numberings: [(name: String, limit: Int, format: @Sendable (Int) -> String)] = [
    ("1.", .max, { "\($0)." }), ("1、", .max, { "\($0)、" }), ("(1)", .max, { "(\($0))" }),
    ("（1）", .max, { "（\($0)）" }), ("①", 50, circled), ("一、", 99, { ChineseNumerals.spell($0) + "、" }),
    ("1﹒", .max, { "\($0)﹒" }), ("1．", .max, { "\($0)．" }),
  ]

  static func circled(_ n: Int) -> String {
    let base: UInt32 = n <= 20 ? 0x2460 + UInt32(n - 1) : n <= 35 ? 0x3251 + UInt32(n - 21) : 0x32B1 + UInt32(n - 36)
    return String(Character(Unicode.Scalar(base)!))
  }

  /// SplitMix64: the same header words on every run.
  struct Random {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    mutating func pick<T>(_ xs: [T]) -> T { xs[Int(next() % UInt64(xs.count))] }
  }

  /// Column and field words of the genre.
  struct Headers {
    var number, task, lead, responsible, leader, deadline: String
    init(_ r: inout Random) {
      number = r.pick(["序号", "编号"])
      task = r.pick(["工作任务", "重点工作", "主要任务", "任务内容"])
      lead = r.pick(["牵头单位", "牵头部门", "主要责任单位"])
      responsible = r.pick(lead == "主要责任单位" ? ["配合单位", "协办单位", "参与单位"] : ["责任单位", "配合单位", "协办单位", "参与单位"])
      leader = r.pick(["责任领导", "分管领导", "牵头领导"])
      deadline = r.pick(["完成时限", "时间节点"])
    }
  }

  static let title = "2024年政府工作报告重点任务责任分解"

  static func list(_ names: [String]) -> String { names.joined(separator: "、") }

  /// The clause in a wording, or the labelled one when the wording cannot say the item.
  static func clause(_ f: Fact, _ w: Wording, _ h: Headers) -> String {
    let w = w.fits(f) ? w : .labels
    var leaders = f.leaders.isEmpty ? "" : "；\(h.leader)：\(list(f.leaders))"
    switch w {
    case .labels, .clauseLine:
      var parts: [String] = []
      if !f.lead.isEmpty { parts.append("\(h.lead)：\(list(f.lead))") }
      if !f.responsible.isEmpty { parts.append("\(f.lead.isEmpty ? "责任单位" : h.responsible)：\(list(f.responsible))") }
      if !f.leaders.isEmpty { parts.append("\(h.leader)：\(list(f.leaders))") }
      if let d = f.deadline { parts.append("\(h.deadline)：\(d)") }
      return w == .labels ? "（" + parts.joined(separator: "；") + "）" : parts.joined(separator: " ")
    case .leadAssist, .hostAssist:
      let (a, b) = w == .leadAssist ? ("牵头", "配合") : ("主办", "协办")
      let rest = f.responsible.isEmpty ? "" : "，\(list(f.responsible))\(b)"
      return "（\(list(f.lead))\(a)\(rest)）" + (leaders.isEmpty ? "" : "（\(leaders.dropFirst())）")
    case .charge: return "（\(list(f.responsible))负责）" + (leaders.isEmpty ? "" : "（\(leaders.dropFirst())）")
    case .byCharge:
      leaders = ""
      return "（由\(list(f.responsible))负责落实）" + (f.leaders.isEmpty ? "" : "（\(h.leader)：\(list(f.leaders))）")
    case .each: return "（\(list(f.responsible))分别负责）" + (leaders.isEmpty ? "" : "（\(leaders.dropFirst())）")
    case .afterStop:
      let rest = f.responsible.isEmpty ? "" : "，\(list(f.responsible))配合"
      return "。\(list(f.lead))牵头\(rest)。" + (leaders.isEmpty ? "" : "（\(leaders.dropFirst())）")
    case .firstListed:
      return "（责任单位：\(list(f.lead + f.responsible))\(leaders)）"
    case .commaList, .jiList:
      let names =
        w == .commaList
        ? f.responsible.joined(separator: "，")
        : list(Array(f.responsible.dropLast())) + "及" + f.responsible.last!
      let lead = f.lead.isEmpty ? "" : "\(h.lead)：\(list(f.lead))；"
      return "（\(lead)\(f.lead.isEmpty ? "责任单位" : h.responsible)：\(names)\(leaders)）"
    case .spacedLeader:
      var g = f
      g.leaders = f.leaders.map { $0.count == 2 ? "\($0.first!) \($0.last!)" : $0 }
      return clause(g, .labels, h)
    }
  }

  /// The items this layout renders (① stops at 50).
  static func rendered(_ facts: [Fact], _ layout: Layout) -> [Fact] {
    if case .prose(_, let n) = layout { return Array(facts.prefix(numberings[n].limit)) }
    return facts
  }

  static func render(_ facts: [Fact], _ layout: Layout, seed: UInt64) -> String {
    var r = Random(state: seed)
    let h = Headers(&r)
    let facts = rendered(facts, layout)
    let hasLeaders = facts.contains { !$0.leaders.isEmpty }
    let hasDeadline = facts.contains { $0.deadline != nil }
    var head = [h.number, h.task, h.lead, h.responsible]
    if hasLeaders { head.append(h.leader) }
    if hasDeadline { head.append(h.deadline) }
    func row(_ i: Int, _ f: Fact) -> [String] {
      var cells = ["\(i + 1)", f.text, list(f.lead), list(f.responsible)]
      if hasLeaders { cells.append(list(f.leaders)) }
      if hasDeadline { cells.append(f.deadline ?? "") }
      return cells
    }
    switch layout {
    case .prose(let w, let n):
      var lines = [title, w == .firstListed ? "（列第一位者为牵头单位，下同）" : ""]
      for (i, f) in facts.enumerated() {
        let number = numberings[n].format(i + 1)
        if w == .clauseLine {
          lines += [number + f.text, clause(f, w.fits(f) ? w : .clauseLine, h)]
        } else {
          lines.append(number + f.text + clause(f, w, h))
        }
      }
      return lines.joined(separator: "\n")
    case .parts:
      // Parts of up to 12 items, each declaring its count; item numbers restart in each part.
      var lines = [title, ""]
      for (p, start) in stride(from: 0, to: facts.count, by: 12).enumerated() {
        let part = facts[start..<min(start + 12, facts.count)]
        lines.append("\(ChineseNumerals.spell(p + 1))、第\(ChineseNumerals.spell(p + 1))方面重点工作（共\(part.count)项）")
        for (i, f) in part.enumerated() { lines.append("\(i + 1).\(f.text)\(clause(f, .labels, h))") }
      }
      return lines.joined(separator: "\n")
    case .twoPerLine:
      var lines = [title, ""]
      var line = ""
      for (i, f) in facts.enumerated() {
        line += "（\(ChineseNumerals.spell(i + 1))）\(f.text)\(clause(f, .labels, h))"
        if i % 2 == 1 || i == facts.count - 1 {
          lines.append(line)
          line = ""
        }
      }
      return lines.joined(separator: "\n")
    case .keyValue:
      var lines = [title, ""]
      for (i, f) in facts.enumerated() {
        for (word, value) in zip(head, row(i, f)) where !value.isEmpty { lines.append("\(word)：\(value)") }
      }
      return lines.joined(separator: "\n")
    case .pipeTable:
      let rows = [head] + facts.enumerated().map(row)
      return ([title, ""] + rows.map { "| " + $0.joined(separator: " | ") + " |" }).joined(separator: "\n")
    case .tabTable:
      let rows = [head] + facts.enumerated().map(row)
      return ([title, ""] + rows.map { $0.joined(separator: "\t") }).joined(separator: "\n")
    case .webTable:
      // Empty cells are printed as nothing, so a blank line stands for them.
      let rows = [head] + facts.enumerated().map(row)
      return ([title, ""] + rows.flatMap { $0 }).joined(separator: "\n")
    case .webTableSpaced:
      let rows = [head] + facts.enumerated().map(row)
      return ([title, ""] + rows.flatMap { $0 }).joined(separator: "\n\n")
    case .transposed:
      var lines = [title, ""]
      for (i, f) in facts.enumerated() {
        let cells = row(i, f)
        for (k, word) in head.enumerated() { lines.append("| \(word) | \(cells[k]) |") }
      }
      return lines.joined(separator: "\n")
    case .runOn:
      return title + "　"
        + facts.enumerated().map { "\($0.offset + 1)." + $0.element.text + clause($0.element, .labels, h) }.joined()
    case .pdf:
      // Lines hard-wrapped at 28 characters, a page marker and a running header every 40 lines.
      var raw: [String] = []
      for (i, f) in facts.enumerated() {
        var line = Array("\(i + 1)．" + f.text + clause(f, .labels, h))
        while line.count > 28 {
          raw.append(String(line.prefix(28)))
          line.removeFirst(28)
        }
        raw.append(String(line))
      }
      var lines = [title, ""]
      for (k, l) in raw.enumerated() {
        if k > 0, k % 40 == 0 { lines += ["", "— \(k / 40 + 1) —", "", title] }
        lines.append(l)
      }
      return lines.joined(separator: "\n")
    }
  }
}
