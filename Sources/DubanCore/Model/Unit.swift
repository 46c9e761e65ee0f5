/// Declared in Scripts/store-schema.json.
extension Unit {
  public enum Kind: String, Codable, Sendable {
    case unit
    case group
  }

  public init(name: String, aliases: [String], kind: Kind) {
    self.name = name
    self.aliases = aliases
    self.kind = kind
  }
}

/// Rules about how unit names are written, shared by the importer and look-ups.
public enum UnitName {
  /// Brackets that open a second title (区商务局〈招商局〉) or a part of a name (区发改(商务)局).
  public static let openers: ScalarTable<Character> = [
    "(": ")", "（": "）", "[": "]", "【": "】", "〈": "〉", "<": ">", "《": "》", "＜": "＞",
  ]
  public static let closers = ScalarSet(openers.allValues)

  /// The name without a district prefix or a trailing second title: 区商务局〈招商局〉 → 商务局.
  public static func key(_ name: String) -> String {
    var n = baseName(name).base
    for prefix in ["江岸区", "区"] where n.hasBytePrefix(prefix) && n.count > prefix.count + 1 {
      n.removeFirst(prefix.count)
      break
    }
    return n
  }

  /// Splits a trailing bracketed second title off: 区商务局〈招商局〉 → (区商务局, 招商局, closed).
  /// A bracket never closed (区商务局〈招商) still counts, with `closed` false.
  public static func baseName(_ name: String) -> (base: String, second: String?, closed: Bool) {
    let chars = Array(name)
    guard let last = chars.last else { return (name, nil, true) }
    if closers.contains(last) {
      // Find the matching opener scanning back.
      var depth = 0
      var i = chars.count - 1
      while i >= 0 {
        if closers.contains(chars[i]) { depth += 1 }
        if openers[chars[i]] != nil {
          depth -= 1
          if depth == 0 { break }
        }
        i -= 1
      }
      guard i > 0 else { return (name, nil, true) }
      let base = String(chars[0..<i])
      let inner = String(chars[(i + 1)..<(chars.count - 1)])
      // Only a bracket after a complete office name is a second title.
      guard looksLikeOffice(base) else { return (name, nil, true) }
      return (base, inner, true)
    }
    // An opener never closed: "区商务局〈招商".
    if let i = chars.lastIndex(where: { openers[$0] != nil }), i > 0,
      !chars[(i + 1)...].contains(where: { closers.contains($0) })
    {
      let base = String(chars[0..<i])
      if looksLikeOffice(base) { return (base, String(chars[(i + 1)...]), false) }
    }
    return (name, nil, true)
  }

  /// Endings that close an office's name; used to judge where one name stops and the next begins.
  public static let suffixes = [
    "局", "委", "办", "部", "处", "中心", "公司", "街道", "专班", "办公室", "指挥部", "大队", "分局",
    "联", "院", "室", "所", "站", "会", "组", "厅", "府", "队", "社区", "政府", "集团", "管委会",
  ]

  public static func looksLikeOffice(_ name: String) -> Bool {
    name.count >= 2 && suffixes.contains { name.hasByteSuffix($0) }
  }

  /// 各街道, 相关街道, 相关职能部门, 区直相关单位: references to a set of units.
  public static func isGroupReference(_ name: String) -> Bool {
    if name.hasPrefix("各") || name.hasPrefix("相关") || name.hasPrefix("有关") { return true }
    if name.includes("相关") || name.includes("有关") { return true }
    return ["区直各单位", "区直部门", "全区各单位"].contains(name)
  }
}
