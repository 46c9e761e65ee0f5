/// The stored types are declared, with their fields, in Scripts/store-schema.json.
extension Plan {
  public init(
    title: String, source: String, calendar: PlanCalendar, parts: [Part], items: [Item],
    units: [Unit], warnings: [ImportWarning]
  ) {
    self.title = title
    self.source = source
    self.calendar = calendar
    self.parts = parts
    self.items = items
    self.units = units
    self.warnings = warnings
  }

  public func item(id: String) -> Item? { items.first { $0.id == id } }
  public func itemIndex(id: String) -> Int? { items.firstIndex { $0.id == id } }

  /// The unit a user typed: canonical name, any alias seen, or the name without 区.
  public func unit(named query: String) -> Unit? {
    let q = query.trimming(while: \.isWhitespace)
    if let exact = units.first(where: { $0.name == q || $0.aliases.contains(q) }) { return exact }
    let key = UnitName.key(q)
    return units.first { UnitName.key($0.name) == key }
  }
}

extension Part {
  public init(ordinal: Int, number: String, title: String, declaredCount: Int?, sections: [Section]) {
    self.ordinal = ordinal
    self.number = number
    self.title = title
    self.declaredCount = declaredCount
    self.sections = sections
  }
}

extension Part {
  /// The title without the declared count: "2019年重点工作(共67项)" → "2019年重点工作".
  public var shortTitle: String {
    for open in ["(共", "（共"] {
      if let r = title.byteRange(of: open) { return String(title[..<r.lowerBound]) }
    }
    return title
  }
}

extension Section {
  public init(number: String, title: String, groups: [String]) {
    self.number = number
    self.title = title
    self.groups = groups
  }
}

extension ImportWarning: CustomStringConvertible {
  public enum Kind: String, Codable, Sendable {
    case splitUnits = "split-units"
    case mergedAlias = "merged-alias"
    case unclosedBracket = "unclosed-bracket"
    case countMismatch = "count-mismatch"
    case advertising
    case repairedDate = "repaired-date"
    case noCalendar = "no-calendar"
    case noUnits = "no-units"
    case ignoredLine = "ignored-line"
    case encoding
    case duplicateNumber = "duplicate-number"
  }

  public init(line: Int, kind: Kind, message: String, zh: String? = nil) {
    self.line = line
    self.kind = kind
    self.message = message
    self.zh = zh
  }

  public var description: String { "line \(line): [\(kind.rawValue)] \(message)" }

  /// The message in the interface's language (a warning read back from a store has only
  /// the text it was stored with).
  public func message(_ lang: Lang) -> String { lang == .zh ? (zh ?? message) : message }

  /// Equal as the store keeps them: the transient Chinese text does not count.
  public static func == (a: ImportWarning, b: ImportWarning) -> Bool {
    a.line == b.line && a.kind == b.kind && a.message == b.message && a.decision == b.decision && a.by == b.by
  }

  /// The warning as the store keeps it: its message in this language.
  public func localized(_ lang: Lang) -> ImportWarning {
    var w = ImportWarning(line: line, kind: kind, message: message(lang))
    w.cell = cell
    w.decision = decision
    w.by = by
    return w
  }
}
