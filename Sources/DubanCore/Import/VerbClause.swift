/// Unit clauses that name their roles by verbs instead of label words, as provinces, cities and
/// the State Council write them: “(市发展改革委负责)”, “(X主办,Y、Z协办)”, “X牵头,Y、Z配合”,
/// “由X、Y负责落实”, “(X、Y等按职责分工负责)”, “(国务院各部门分别负责,年内持续推进)”,
/// “(分管副省长、协管副秘书长负责,省科技厅牵头)”.
///
/// A clause is a run of segments separated by ，,；; — each a list of names ending in a verb.
/// A segment without a verb is a time note (年内持续推进) when it says so, else the run is no
/// clause at all: item text in brackets stays item text.
enum VerbClause {
  /// Longest first: 牵头负责 before 负责, 分别牵头 before 牵头.
  static let verbs: [(String, UnitClause.Role)] = [
    ("按职责分工负责", .responsible), ("按职能分工负责", .responsible), ("按照职责分工负责", .responsible),
    ("分别牵头负责", .lead), ("分别牵头", .lead), ("牵头负责", .lead), ("牵头落实", .lead), ("牵头", .lead),
    ("主办", .lead), ("主抓", .lead), ("协办", .responsible), ("配合", .responsible), ("参与", .responsible),
    ("参加", .responsible),
    ("协助", .responsible), ("协同", .responsible), ("分别负责", .responsible), ("共同负责", .responsible),
    ("负责落实", .responsible), ("具体负责", .responsible), ("落实", .responsible), ("负责", .responsible),
    // Traditional characters, as mirrored pages print them.
    ("按職責分工負責", .responsible), ("分別牽頭", .lead), ("牽頭負責", .lead), ("牽頭", .lead), ("協辦", .responsible),
    ("參與", .responsible), ("分別負責", .responsible), ("負責落實", .responsible), ("負責", .responsible),
  ].sorted { $0.0.count > $1.0.count }

  /// Words of a time note that may end a clause: (国务院各部门分别负责,年内持续推进).
  static let timeWords = ["年内", "年底", "持续推进", "长期坚持", "月底", "月前", "年前", "季度", "完成", "前"]

  /// Officials rather than offices: 分管副省长, 协管副秘书长, 常务副市长.
  static func isOfficial(_ name: String) -> Bool {
    let titles = ["省长", "市长", "区长", "县长", "旗长", "州长", "秘书长", "书记", "主任", "领导"]
    return titles.contains { name.hasSuffix($0) } && !UnitName.looksLikeOffice(name)
  }

  /// Parses `body` (without brackets) as a verb clause, or nil when it is not one.
  static func parse(_ body: String) -> UnitClause? {
    let segments = split(body)
    guard !segments.isEmpty else { return nil }
    var clause = UnitClause()
    var sawVerb = false
    // Offices listed before a comma that share the next segment's verb:
    // “X牵头,A、B等部门,C、D配合” — A and B go with C and D.
    var pending: [String] = []
    for raw in segments {
      var seg = raw.trimmed
      if seg.hasPrefix("由") { seg.removeFirst() }
      if seg.isEmpty { continue }
      guard let (verb, role) = verbs.first(where: { seg.hasSuffix($0.0) }) else {
        // A trailing time note, or the first-listed note, is allowed once a verb was seen;
        // anything else is prose.
        if sawVerb, pending.isEmpty, timeWords.contains(where: { seg.includes($0) }), seg.count <= 16 {
          if clause.deadline == nil { clause.deadline = seg }
          continue
        }
        if sawVerb, pending.isEmpty, FirstListed.isNote(seg) || seg.includes("下同") { continue }
        if let offices = officeList(seg) {
          pending += offices
          continue
        }
        return nil
      }
      var names = String(seg.dropLast(verb.count)).trimmed
      for filler in fillers where names.hasSuffix(filler) {
        names.removeLast(filler.count)
        if filler.hasPrefix("等") { break }
      }
      let list = pending + UnitClause.names(Array(names))
      pending = []
      guard !list.isEmpty, list.allSatisfy(plausibleName) else { return nil }
      sawVerb = true
      for name in list {
        let r: UnitClause.Role = isOfficial(name) ? .leader : role
        if r == .lead { clause.hasLeadLabel = true }
        clause.entries.append((r, name))
      }
    }
    guard pending.isEmpty else { return nil }
    return sawVerb && clause.entries.contains { $0.role != .leader } ? clause : nil
  }

  static let fillers = ["按职责", "等单位", "等部门", "等單位", "分别", "分別", "共同", "等"]

  /// A verbless segment that is only offices or groups (“区财政局、区水务局等部门”), or nil.
  static func officeList(_ seg: String) -> [String]? {
    var names = seg
    for filler in ["等单位", "等部门", "等單位", "等"] where names.hasSuffix(filler) {
      names.removeLast(filler.count)
      break
    }
    let list = UnitClause.names(Array(names))
    guard !list.isEmpty,
      list.allSatisfy({ plausibleName($0) && (UnitName.looksLikeOffice($0) || UnitName.isGroupReference($0)) })
    else { return nil }
    return list
  }

  /// A name, not a phrase of the item's text: short, no sentence punctuation, no verbs of prose.
  static func plausibleName(_ name: String) -> Bool {
    guard name.count >= 2, name.count <= 30 else { return false }
    for bad in ["。", "：", ":", "的", "是", "要", "和“", "”"] where name.includes(bad) { return false }
    return true
  }

  static func split(_ body: String) -> [String] {
    var out: [String] = []
    var current = ""
    var depth = 0
    for c in body {
      if UnitName.openers[c] != nil { depth += 1 }
      if UnitName.closers.contains(c) { depth = max(0, depth - 1) }
      if depth == 0 && (c == "，" || c == "," || c == "；" || c == ";" || c == "。") {
        if !current.trimmed.isEmpty { out.append(current) }
        current = ""
      } else {
        current.append(c)
      }
    }
    if !current.trimmed.isEmpty { out.append(current) }
    return out
  }

  /// The verb clause in brackets at the end of a line: (text, clause, trailing) like
  /// `UnitClause.split`, or nil. Only a final bracket counts (a full stop may follow).
  static func trailing(_ line: String) -> (text: String, clause: UnitClause, trailing: String)? {
    let chars = Array(line)
    var end = chars.count - 1
    while end >= 0, "。.；; ".contains(chars[end]) { end -= 1 }
    guard end > 0 else { return nil }
    if !UnitName.closers.contains(chars[end]) {
      // Unbracketed after the text's last full stop: “扩大有效投资。市发展改革委牵头,市财政局配合”.
      guard let stop = chars[..<end].lastIndex(where: { $0 == "。" || $0 == "；" }),
        let clause = parse(String(chars[(stop + 1)...(end)])), namesOffices(clause)
      else { return nil }
      return (String(chars[0...stop]).trimmed, clause, "")
    }
    var depth = 0
    var i = end
    while i >= 0 {
      if UnitName.closers.contains(chars[i]) { depth += 1 }
      if UnitName.openers[chars[i]] != nil {
        depth -= 1
        if depth == 0 { break }
      }
      i -= 1
    }
    guard i >= 0, let clause = parse(String(chars[(i + 1)..<end])) ?? bareUnitList(String(chars[(i + 1)..<end])) else {
      return nil
    }
    return (String(chars[0..<i]).trimmed, clause, String(chars[(end + 1)...]).trimmed)
  }
}
