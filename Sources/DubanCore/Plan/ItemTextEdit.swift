/// Fixing the plan: an item's text and units, corrected where the import went wrong
/// (`365bet体育投注` in 2.67, the dropped 深 of `化政府机构改革`), and its import warnings
/// resolved. One rule for the dashboard's `i` form and `duban edit`.
extension ItemRecorder {
  mutating func setText(_ text: String) throws {
    let clean = text.trimmed
    guard !clean.isEmpty else {
      throw EditError(zh: "事项 \(item.id) 的文本不能为空", en: "item \(item.id): the text cannot be empty")
    }
    guard !clean.contains(where: \.isNewline) else {
      throw EditError(zh: "事项文本只能是一行", en: "an item's text is one line")
    }
    guard item.text != clean else { return }
    record(.text, item.text, clean)
    item.text = clean
  }

  /// Lead and other units, by canonical name (the caller resolved spellings and aliases);
  /// a unit that leads is not listed again among the others.
  mutating func setUnits(lead: [String], responsible: [String]) throws {
    let lead = Self.unique(lead)
    let others = Self.unique(responsible).filter { !lead.contains($0) }
    guard !(lead + others).isEmpty else {
      throw EditError(zh: "事项 \(item.id) 至少要有一个单位", en: "item \(item.id) needs at least one unit")
    }
    if item.lead != lead {
      record(.lead, item.lead.joined(separator: "、"), lead.joined(separator: "、"))
      item.lead = lead
    }
    if item.responsible != others {
      record(.responsible, item.responsible.joined(separator: "、"), others.joined(separator: "、"))
      item.responsible = others
    }
  }

  /// Marks the item's import warnings resolved (stamped with the time) or open again.
  mutating func setReviewed(_ resolved: Bool) {
    let value: String? = resolved ? stamp.time : nil
    guard (item.reviewed == nil) != (value == nil) else { return }
    record(.reviewed, item.reviewed ?? "", value ?? "")
    item.reviewed = value
  }

  static func unique(_ names: [String]) -> [String] {
    var seen = Set<String>()
    return names.map(\.trimmed).filter { !$0.isEmpty && seen.insert($0).inserted }
  }
}

extension Plan {
  /// Before an edit of an item's units: every name must be a unit of the plan, or one the
  /// edit adds (which joins the plan's units here, as a group when it reads like one).
  mutating func admitUnits(of edits: [ItemEdit]) throws {
    for case .units(let lead, let responsible, let adding, _) in edits {
      var known = Set(units.map(\.name))
      for name in ItemRecorder.unique(adding) where !known.contains(name) {
        units.append(Unit(name: name, aliases: [], kind: UnitName.isGroupReference(name) ? .group : .unit))
        known.insert(name)
      }
      let unknown = ItemRecorder.unique(lead + responsible).filter { !known.contains($0) }
      if !unknown.isEmpty { throw EditError.unknownUnits(unknown) }
    }
  }

  /// Whether the edits fix the item (its text or units): that resolves its import warnings.
  static func fixes(_ edits: [ItemEdit]) -> Bool {
    edits.contains {
      switch $0 {
      case .text, .units: return true
      default: return false
      }
    }
  }
}

/// An item's units as an editor opened them: a fix is refused when they changed since.
public struct ItemUnits: Equatable, Sendable {
  public var lead: [String]
  public var responsible: [String]

  public init(lead: [String], responsible: [String]) {
    self.lead = lead
    self.responsible = responsible
  }
}

extension ItemRecorder {
  /// Refuses a fix made on a text or units someone changed since the editor opened (`changed`
  /// true), naming them and keeping what this user typed in the message.
  func checkUnchanged(_ field: HistoryField, _ changed: Bool?, mine: String) throws {
    guard changed == true else { return }
    let fields: [HistoryField] = field == .text ? [.text] : [.lead, .responsible]
    let who = item.history.last { fields.contains($0.field) }
    let byZh = who.map { "已被 \($0.user) 于 \(Timestamp.display($0.time)) 改过" } ?? "已被他人改过"
    let byEn = who.map { "was changed by \($0.user) at \(Timestamp.display($0.time))" } ?? "was changed by someone else"
    let what = field == .text ? ("文本", "text") : ("单位", "units")
    throw EditError(
      zh: "\(item.id) 的\(what.0)在你修改时\(byZh)，未覆盖；你填写的是“\(mine)”",
      en: "\(item.id): the \(what.1) \(byEn) while you edited it; not overwritten. You wrote “\(mine)”")
  }
}

extension EditError {
  static func unknownUnits(_ names: [String]) -> EditError {
    let list = names.map { "“\($0)”" }.joined(separator: "、")
    return EditError(
      zh: "方案里没有单位 \(list)；新单位请在名称前加 +（如 +\(names[0])）",
      en:
        "no unit \(names.map { "“\($0)”" }.joined(separator: ", ")) in the plan; write a new unit with a + (+\(names[0]))"
    )
  }
}

/// A list of units as a person types it: `区商务局、发改委，+区大数据局`. Any spelling or
/// alias resolves to the unit's canonical name; `+NAME` adds a unit the plan does not have.
public struct UnitListInput: Equatable, Sendable {
  public var names: [String]
  /// Names written with + that are not units of the plan yet.
  public var adding: [String]

  public static let separators: Set<Character> = ["、", ",", "，", ";", "；", "/", "|", " ", "　"]

  /// Resolves the list against the plan's units; an unknown name is refused with the units it
  /// may have meant.
  public static func parse(_ text: String, plan: Plan) throws -> UnitListInput {
    var out = UnitListInput(names: [], adding: [])
    var unknown: [String] = []
    for token in text.split(whereSeparator: { separators.contains($0) }).map(String.init) {
      if token.hasPrefix("+") || token.hasPrefix("＋") {
        let name = String(token.dropFirst()).trimmed
        guard !name.isEmpty else { continue }
        if let unit = plan.unit(named: name) {
          out.names.append(unit.name)
        } else {
          out.names.append(name)
          out.adding.append(name)
        }
      } else if let unit = plan.unit(named: token) {
        out.names.append(unit.name)
      } else {
        unknown.append(token)
      }
    }
    if !unknown.isEmpty {
      var error = EditError.unknownUnits(unknown)
      let near = plan.units.filter { u in
        unknown.contains { t in u.name.contains(UnitName.key(t)) || ([u.name] + u.aliases).contains { t.contains($0) } }
      }.map(\.name)
      if !near.isEmpty {
        error.zh += "；相近的单位：" + near.prefix(4).joined(separator: "、")
        error.en += "; similar units: " + near.prefix(4).joined(separator: ", ")
      }
      throw error
    }
    out.names = ItemRecorder.unique(out.names)
    out.adding = ItemRecorder.unique(out.adding)
    return out
  }
}

// MARK: - Import warnings on items

extension ImportWarning.Kind {
  /// Warnings about one item's text or units (the others concern the calendar, a part's
  /// count or the file as a whole).
  public var concernsItem: Bool {
    switch self {
    case .splitUnits, .mergedAlias, .unclosedBracket, .advertising, .noUnits, .ignoredLine, .duplicateNumber:
      return true
    case .countMismatch, .repairedDate, .noCalendar, .encoding: return false
    }
  }
}

extension Plan {
  /// The import warnings of every item that has any, by item index: a warning belongs to the
  /// item whose lines hold it (from the item's first line to the next item's). Worked out
  /// once per load, not per keystroke: warnings are few, items are found by binary search.
  public func warningsByItem() -> [Int: [ImportWarning]] {
    let relevant = warnings.filter(\.kind.concernsItem)
    guard !relevant.isEmpty, !items.isEmpty else { return [:] }
    var order = Array(items.indices)
    if !zip(items, items.dropFirst()).allSatisfy({ $0.line <= $1.line }) {
      order.sort { items[$0].line < items[$1].line }
    }
    var out: [Int: [ImportWarning]] = [:]
    for w in relevant {
      // The last item starting at or before the warning's line.
      var lo = 0
      var hi = order.count
      while lo < hi {
        let mid = (lo + hi) / 2
        if items[order[mid]].line <= w.line { lo = mid + 1 } else { hi = mid }
      }
      guard lo > 0 else { continue }
      out[order[lo - 1], default: []].append(w)
    }
    return out
  }

  /// The import warnings on the item at `i` (resolved or not).
  public func importWarnings(ofItemAt i: Int) -> [ImportWarning] { warningsByItem()[i] ?? [] }
}

extension Item {
  /// Whether the item still carries import warnings nobody resolved, given its warnings.
  public func needsReview(warnings: Int) -> Bool { warnings > 0 && reviewed == nil }
}

extension Change {
  /// How a fix to the plan reads in history: the changed part of a long text with a little
  /// context on either side, so "365bet体育投注 → 执法监督" is seen without the whole item.
  func planFixSummary(_ lang: Lang) -> String {
    func dash(_ s: String) -> String { s.isEmpty ? "—" : s }
    switch field {
    case .text:
      let (b, a) = Self.difference(before, after)
      return lang.pick("文本 “\(b)”→“\(a)”", "text “\(b)”→“\(a)”")
    case .lead:
      return lang.pick("牵头单位 \(dash(before))→\(dash(after))", "lead \(dash(before))→\(dash(after))")
    case .responsible:
      return lang.pick("责任单位 \(dash(before))→\(dash(after))", "units \(dash(before))→\(dash(after))")
    default:
      return after.isEmpty
        ? lang.pick("导入提示重新待核", "import warnings open again") : lang.pick("导入提示已处理", "import warnings resolved")
    }
  }

  /// The differing middle of two texts with up to `context` characters around it, … where cut.
  static func difference(_ a: String, _ b: String, context: Int = 4) -> (String, String) {
    let x = Array(a)
    let y = Array(b)
    var prefix = 0
    while prefix < min(x.count, y.count), x[prefix] == y[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < min(x.count, y.count) - prefix, x[x.count - 1 - suffix] == y[y.count - 1 - suffix] { suffix += 1 }
    func cut(_ c: [Character]) -> String {
      let start = max(0, prefix - context)
      let end = min(c.count, c.count - suffix + context)
      return (start > 0 ? "…" : "") + String(c[start..<end]) + (end < c.count ? "…" : "")
    }
    return (cut(x), cut(y))
  }
}

// MARK: - Undo of a fix, never over a colleague's later fix

extension ItemRecorder {
  func checkPlanFix(
    from: ItemState, to: ItemState, now: ItemState, conflict: (HistoryField, String, String) -> EditError
  ) throws {
    if from.text != to.text, now.text != from.text { throw conflict(.text, "文本", "text") }
    if from.lead != to.lead, now.lead != from.lead { throw conflict(.lead, "牵头单位", "lead") }
    if from.responsible != to.responsible, now.responsible != from.responsible {
      throw conflict(.responsible, "责任单位", "units")
    }
    if (from.reviewed == nil) != (to.reviewed == nil), (now.reviewed == nil) != (from.reviewed == nil) {
      throw conflict(.reviewed, "导入提示", "import warnings")
    }
  }

  mutating func restorePlanFix(from: ItemState, to: ItemState) {
    if from.text != to.text {
      record(.text, item.text, to.text)
      item.text = to.text
    }
    if from.lead != to.lead {
      record(.lead, item.lead.joined(separator: "、"), to.lead.joined(separator: "、"))
      item.lead = to.lead
    }
    if from.responsible != to.responsible {
      record(.responsible, item.responsible.joined(separator: "、"), to.responsible.joined(separator: "、"))
      item.responsible = to.responsible
    }
    if (from.reviewed == nil) != (to.reviewed == nil) {
      record(.reviewed, item.reviewed ?? "", to.reviewed ?? "")
      item.reviewed = to.reviewed
    }
  }
}
