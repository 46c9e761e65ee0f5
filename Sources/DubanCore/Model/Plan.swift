/// A responsibility-breakdown plan (责任分解方案) and everything tracked against it.
public struct Plan: Codable, Equatable, Sendable {
  public var title: String
  /// The file the plan was imported from, as given.
  public var source: String
  public var calendar: PlanCalendar
  public var parts: [Part]
  public var items: [Item]
  public var units: [Unit]
  /// Every repair the importer made, with its line: nothing is changed silently.
  public var warnings: [ImportWarning]

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

/// 一、二、三: targets, key tasks, livelihood projects.
public struct Part: Codable, Equatable, Sendable {
  public var ordinal: Int
  public var number: String
  public var title: String
  /// "(共67项)" as printed, when the document declares a count.
  public var declaredCount: Int?
  public var sections: [Section]

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

/// (一)… within a part; groups are the "——" lines beneath it.
public struct Section: Codable, Equatable, Sendable {
  public var number: String
  public var title: String
  public var groups: [String]

  public init(number: String, title: String, groups: [String]) {
    self.number = number
    self.title = title
    self.groups = groups
  }
}

/// A repair or doubt found at import. `message` is what the store keeps (in the language the
/// import ran in: see `localized(_:)`); `zh` is the Chinese text of a warning just made, which
/// the store does not keep, so its format stays `{line, kind, message}`.
public struct ImportWarning: Codable, Equatable, Sendable, CustomStringConvertible {
  public var line: Int
  public var kind: Kind
  public var message: String
  public var zh: String? = nil

  enum CodingKeys: String, CodingKey {
    case line, kind, message
  }

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
    a.line == b.line && a.kind == b.kind && a.message == b.message
  }

  /// The warning as the store keeps it: its message in this language.
  public func localized(_ lang: Lang) -> ImportWarning {
    ImportWarning(line: line, kind: kind, message: message(lang))
  }
}
