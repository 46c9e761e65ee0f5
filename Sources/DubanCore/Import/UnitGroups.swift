/// How lists of units are written beyond plain separators: compound groups that a 、 sits inside
/// (各区、县(市)政府), “X等有关部门” (X and a group), and notes in brackets that ride on a name
/// (工商联(列第一位者为牵头或汇总单位,下同)).
enum UnitGroups {
  /// Administrative levels: what 各区、县(市) or 各开发区、镇(街道) lists.
  static let levels: Set<String> = [
    "区", "县", "市", "镇", "乡", "街道", "乡镇", "县区", "区县", "县市", "县级市", "市区", "开发区", "园区", "旗", "苏木",
    "州", "场", "管委会", "办事处", "功能区",
  ]

  /// The level a bare piece names once its bracket and its government word are dropped:
  /// 县(市)政府 → 县, 镇(街道) → 镇, 区人民政府 → 区; nil for a real office (区财政局).
  static func bareLevel(_ piece: String) -> String? {
    var s = piece
    if s.hasPrefix("各") { s.removeFirst() }
    // Drop bracketed parts: 县(市) → 县.
    var out = ""
    var depth = 0
    for c in s {
      if UnitName.openers[c] != nil {
        depth += 1
        continue
      }
      if UnitName.closers.contains(c) {
        depth = max(0, depth - 1)
        continue
      }
      if depth == 0 { out.append(c) }
    }
    for suffix in ["人民政府", "政府", "管委会", "办事处"] where out.hasSuffix(suffix) && out.count > suffix.count {
      out.removeLast(suffix.count)
      break
    }
    return levels.contains(out) ? out : nil
  }

  /// 各区 + 县(市)政府 → 各区、县(市)政府: a piece that starts a group (各…) with only a level,
  /// followed by pieces that are only levels, is one name.
  static func joinCompounds(_ names: [String]) -> [String] {
    var out: [String] = []
    var i = 0
    while i < names.count {
      var name = names[i]
      if name.hasPrefix("各"), bareLevel(name) != nil {
        while i + 1 < names.count, !names[i + 1].hasPrefix("各"), bareLevel(names[i + 1]) != nil {
          name += "、" + names[i + 1]
          i += 1
        }
      }
      out.append(name)
      i += 1
    }
    return out
  }

  /// 市发展改革委等有关部门 → 市发展改革委, 有关部门.
  static func splitEtc(_ name: String) -> [String] {
    guard name.includes("等") else { return [name] }
    for marker in ["等有关", "等相关", "等其他", "等各", "等有關", "等相關"] {
      guard let r = name.byteRange(of: marker) else { continue }
      let head = String(name[..<r.lowerBound])
      let tail = String(name[r.lowerBound...].dropFirst())
      guard head.count >= 2, tail.count >= 2 else { continue }
      return [head, tail]
    }
    return [name]
  }

  /// A bracketed note riding on the last name of a list: “(列第一位者为牵头或汇总单位,下同)”.
  static func dropNote(_ name: String) -> String {
    guard let last = name.last, UnitName.closers.contains(last) else { return name }
    let chars = Array(name)
    guard let open = chars.lastIndex(where: { UnitName.openers[$0] != nil }), open > 0 else { return name }
    let inner = String(chars[(open + 1)..<(chars.count - 1)])
    guard FirstListed.isNote(inner) || inner.includes("下同") else { return name }
    return String(chars[0..<open]).trimmed
  }
}

/// The note that says the first unit of a list leads, in its wordings: 列第一位者为牵头单位,
/// 列第一位的责任单位为牵头单位或汇总单位, 列第一位的为牵头部门, 排在首位的为牵头单位.
enum FirstListed {
  static let positions = [
    "列第一位", "排第一位", "排在第一位", "列在第一位", "列首位", "排在首位", "列在首位", "第一位的", "排名第一", "列第一者", "排第一者",
  ]
  static let roles = ["牵头", "汇总", "主办", "主责", "牽頭", "匯總"]

  static func isNote(_ text: String) -> Bool {
    // Every position names 第一 or 首位: two searches rule out almost every line of a plan.
    guard text.includes("第一") || text.includes("首位") else { return false }
    return positions.contains { text.includes($0) } && roles.contains { text.includes($0) }
  }
}
