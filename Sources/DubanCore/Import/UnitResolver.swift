/// Turns the raw names of every clause into canonical units, using the document's own clean
/// mentions as the dictionary: 商务局 = 区商务局 = 区商务局〈招商局〉, second titles (招商局) are
/// aliases of their office, names run together (商务局招商局财政局金融工作局) are split, and
/// group references (各街道) stay groups. Every repair becomes a warning.
struct UnitResolver {
  struct Mention {
    var raw: String
    var line: Int
  }

  /// key → the spellings of that office, in order of first appearance.
  private var spellings: [String: [String]] = [:]
  /// second-title key → office key (招商局 → 商务局).
  private var secondTitles: [String: String] = [:]
  private(set) var warnings: [ImportWarning] = []
  private var warned = Set<String>()

  init(mentions: [Mention]) {
    // A plan names the same few dozen offices thousands of times: each spelling is read once.
    var read: [String: (base: String, key: String, secondKey: String?)?] = [:]
    for m in mentions {
      let r: (base: String, key: String, secondKey: String?)?
      if let known = read[m.raw] {
        r = known
      } else if UnitName.isGroupReference(m.raw) {
        r = nil
        read[m.raw] = .some(nil)
      } else {
        let parts = UnitName.baseName(m.raw)
        let second = parts.second.flatMap { parts.closed && UnitName.looksLikeOffice($0) ? UnitName.key($0) : nil }
        r = (parts.base, UnitName.key(parts.base), second)
        read[m.raw] = r
      }
      guard let r else { continue }
      note(spelling: r.base, key: r.key)
      if let secondKey = r.secondKey { secondTitles[secondKey] = r.key }
    }
  }

  /// What each raw name resolved to, unless it was split (a split warns on every line).
  private var resolvedNames: [String: [Resolved]] = [:]

  private mutating func note(spelling: String, key: String) {
    if spellings[key] == nil { spellings[key] = [] }
    if !spellings[key]!.contains(spelling) { spellings[key]!.append(spelling) }
  }

  /// The office key a fragment names, through a second title if need be.
  private func knownKey(_ fragment: String) -> String? {
    let key = UnitName.key(fragment)
    if let office = secondTitles[key] { return office }
    return spellings[key] == nil ? nil : key
  }

  /// Canonical name of an office: the spelling with the district prefix if one was seen.
  func canonical(key: String) -> String {
    let list = spellings[key] ?? [key]
    return list.first { $0.hasPrefix("区") } ?? list.first { !$0.includes("〈") } ?? list[0]
  }

  struct Resolved: Equatable {
    var name: String
    var kind: Unit.Kind
    /// The spellings in the document that named it.
    var spellings: [String]
  }

  /// Resolves one raw name into one or more units (more when it was several run together).
  mutating func resolve(_ raw: String, line: Int) -> [Resolved] {
    if let known = resolvedNames[raw] { return known }
    let out = resolveAfresh(raw, line: line)
    // Every other reading warns at most once per name, so a second lookup changes nothing.
    if out.count == 1 && out[0].spellings == [raw] { resolvedNames[raw] = out }
    return out
  }

  private mutating func resolveAfresh(_ raw: String, line: Int) -> [Resolved] {
    if UnitName.isGroupReference(raw) { return [Resolved(name: raw, kind: .group, spellings: [raw])] }
    let parts = UnitName.baseName(raw)
    let key = UnitName.key(parts.base)
    if !parts.closed {
      warn(
        line: line, kind: .unclosedBracket, once: "unclosed:\(raw)",
        "“\(raw)”: bracket never closed; read as \(canonical(key: key))",
        zh: "“\(raw)”：括号没有闭合；读作\(canonical(key: key))")
    }
    if let pieces = split(parts.base), parts.second == nil {
      var out: [Resolved] = []
      for piece in pieces {
        let name = knownKey(piece).map { canonical(key: $0) } ?? piece
        if let i = out.firstIndex(where: { $0.name == name }) {
          out[i].spellings.append(piece)
        } else {
          out.append(Resolved(name: name, kind: .unit, spellings: [piece]))
        }
      }
      warn(
        line: line, kind: .splitUnits, once: "split:\(raw):\(line)",
        "“\(raw)” has no separators; split into \(pieces.joined(separator: " | ")) → \(out.map(\.name).joined(separator: "、"))",
        zh: "“\(raw)”没有分隔符；拆分为 \(pieces.joined(separator: " | ")) → \(out.map(\.name).joined(separator: "、"))"
      )
      return out
    }
    if let office = secondTitles[key], spellings[key] == nil {
      // A second title used on its own: 招商局 is 区商务局.
      let name = canonical(key: office)
      warn(
        line: line, kind: .mergedAlias, once: "alias:\(raw)", "“\(raw)” is the second title of \(name)",
        zh: "“\(raw)”是\(name)的另一块牌子")
      return [Resolved(name: name, kind: .unit, spellings: [raw])]
    }
    let name = canonical(key: key)
    if raw != name && parts.closed {
      warn(line: line, kind: .mergedAlias, once: "alias:\(raw)", "“\(raw)” read as \(name)", zh: "“\(raw)”读作\(name)")
    }
    return [Resolved(name: name, kind: .unit, spellings: [raw])]
  }

  /// Splits a name written without separators into known names, allowing at most one piece
  /// the document never names alone, which must still end like an office (…指挥部).
  func split(_ name: String) -> [String]? {
    let chars = Array(name)
    let n = chars.count
    // Names are short; a longer run is not names run together (and would cost n² here).
    guard n >= 5, n <= 60 else { return nil }
    // best[j]: (unknown pieces, pieces, backpointer) for chars[0..<j]
    var best: [(unknown: Int, pieces: Int, from: Int)?] = Array(repeating: nil, count: n + 1)
    best[0] = (0, 0, 0)
    for j in 2...n {
      for i in 0...(j - 2) {
        guard let prev = best[i] else { continue }
        if i == 0 && j == n { continue }  // the whole name is not a split
        let piece = String(chars[i..<j])
        let unknown: Int
        if knownKey(piece) != nil {
          unknown = 0
        } else if piece.count >= 4, UnitName.looksLikeOffice(piece) {
          unknown = 1
        } else {
          continue
        }
        let candidate = (prev.unknown + unknown, prev.pieces + 1, i)
        if let cur = best[j], (cur.unknown, cur.pieces) <= (candidate.0, candidate.1) { continue }
        best[j] = candidate
      }
    }
    guard let end = best[n], end.unknown <= 1, end.pieces >= 2, end.pieces > end.unknown else {
      return nil
    }
    var pieces: [String] = []
    var j = n
    while j > 0, let b = best[j] {
      pieces.insert(String(chars[b.from..<j]), at: 0)
      j = b.from
    }
    return pieces
  }

  private mutating func warn(line: Int, kind: ImportWarning.Kind, once: String, _ message: String, zh: String) {
    guard warned.insert(once).inserted else { return }
    warnings.append(ImportWarning(line: line, kind: kind, message: message, zh: zh))
  }
}
