/// The unit clause of an item: "(牵头单位:区财政局;责任单位:区税务局)", found after the text
/// or on a line of its own, in any bracket, possibly never closed.
struct UnitClause: Equatable {
  enum Role: Equatable { case lead, responsible, leader, deadline }

  /// Raw names in order, with their role, before any resolution.
  var entries: [(role: Role, name: String)] = []
  /// 完成时限: kept with the row, never a unit.
  var deadline: String?
  var hasLeadLabel = false
  var unclosed = false

  static func == (a: UnitClause, b: UnitClause) -> Bool {
    a.entries.map { "\($0.role)\($0.name)" } == b.entries.map { "\($0.role)\($0.name)" }
      && a.unclosed == b.unclosed
  }

  /// Longest first, so 牵头责任单位 is not read as 责任单位.
  static let labels: [(String, Role)] =
    [
      ("协同责任单位", .responsible), ("牵头责任单位", .lead), ("牵头负责领导", .leader), ("牵头市领导", .leader),
      ("牵头区领导", .leader), ("牵头单位", .lead), ("主办单位", .lead), ("责任单位", .responsible),
      ("配合单位", .responsible), ("协办单位", .responsible), ("参与单位", .responsible),
      ("责任领导", .leader), ("分管领导", .leader), ("责任人", .leader),
    ] + moreLabels

  /// Labels seen in other provinces', cities' and counties' documents (and in traditional
  /// characters, as mirrored pages print them).
  static let moreLabels: [(String, Role)] = [
    ("分管省领导", .leader), ("分管市领导", .leader), ("分管区领导", .leader), ("分管县领导", .leader),
    ("牵头省领导", .leader), ("牵头县领导", .leader), ("牵头旗领导", .leader), ("责任市领导", .leader),
    ("责任区领导", .leader), ("责任县领导", .leader), ("牵头领导", .leader), ("包保领导", .leader),
    ("主要责任单位", .lead), ("牵头部门", .lead), ("主办部门", .lead), ("责任部门", .responsible),
    ("配合部门", .responsible), ("协办部门", .responsible), ("协同单位", .responsible),
    ("协作单位", .responsible), ("参加单位", .responsible), ("部门分工", .responsible), ("完成时限", .deadline),
    ("完成时间", .deadline), ("时间节点", .deadline), ("牽頭單位", .lead), ("責任單位", .responsible),
    ("配合單位", .responsible), ("協辦單位", .responsible), ("責任領導", .leader), ("牽頭領導", .leader),
    ("分管領導", .leader),
  ].sorted { $0.0.count > $1.0.count }

  /// Labels whose text names roles by verbs: 部门分工:省发展改革委牵头,各地、各部门配合。
  static let verbLabels: Set<String> = ["部门分工"]

  static let separators: ScalarSet = ["、", "，", ",", ";", "；", "/", "／", " ", "\u{3000}", "\t", "及"]

  static let labelInitials = ScalarSet(labels.compactMap(\.0.first))

  /// The labels as characters, grouped by their first character and longest first, so each
  /// position of a line is compared with the few labels that can start there.
  static let labelsByInitial: ScalarTable<[([Character], Role)]> = {
    var out: [Character: [([Character], Role)]] = [:]
    var initials: [Character] = []
    for (label, role) in labels.sorted(by: { $0.0.count > $1.0.count }) {
      if out[label.first!] == nil { initials.append(label.first!) }
      out[label.first!, default: []].append((Array(label), role))
    }
    // Looked up by scalar: a [Character: …] hashes (normalizes) the character every time.
    return ScalarTable(initials.map { ($0, out[$0]!) })
  }()

  /// A label followed by a colon, at character offset `at`.
  static func label(in chars: [Character], at i: Int) -> (length: Int, role: Role)? {
    guard i < chars.count, labelInitials.contains(chars[i]), let candidates = labelsByInitial[chars[i]] else {
      return nil
    }
    for (label, role) in candidates {
      let n = label.count
      guard i + n < chars.count, chars[i..<(i + n)].elementsEqual(label) else { continue }
      var j = i + n
      while j < chars.count, chars[j] == " " { j += 1 }
      if j < chars.count, chars[j] == ":" || chars[j] == "：" { return (j + 1 - i, role) }
    }
    return nil
  }

  /// Splits a line into the item text and its clause. The text keeps every character as
  /// printed before the clause; `trailing` is anything after a closed clause.
  static func split(_ line: String) -> (text: String, clause: UnitClause?, trailing: String) {
    let chars = Array(line)
    guard let start = (0..<chars.count).first(where: { label(in: chars, at: $0) != nil }) else {
      if let v = VerbClause.trailing(line) { return (v.text, v.clause, v.trailing) }
      return (line, nil, "")
    }
    // The clause begins at the bracket that opens it, if any.
    var open = start
    while open > 0, chars[open - 1] == " " { open -= 1 }
    var bracketed = false
    if open > 0, UnitName.openers[chars[open - 1]] != nil {
      open -= 1
      bracketed = true
    } else {
      open = start
    }
    // A slice of the line, not a string built character by character (a tenth of an import).
    let text = String(line[..<line.index(line.startIndex, offsetBy: open)]).trimmed
    var depth = bracketed ? 1 : 0
    var end = chars.count
    var i = start
    while i < chars.count {
      let c = chars[i]
      if UnitName.openers[c] != nil {
        depth += 1
      } else if UnitName.closers.contains(c) {
        depth -= 1
        if depth == 0 && bracketed {
          end = i
          break
        }
      }
      i += 1
    }
    var clause = parseBody(Array(chars[start..<end]))
    clause.unclosed = bracketed && end == chars.count
    let trailing = end < chars.count ? String(chars[(end + 1)...]).trimmed : ""
    if let v = VerbClause.before(labelled: clause, text: text) { return (v.text, v.clause, trailing) }
    return (text, clause, trailing)
  }

  /// "牵头单位:A;责任单位:B、C" → entries.
  static func parseBody(_ chars: [Character]) -> UnitClause {
    var clause = UnitClause()
    var i = 0
    var role: Role? = nil
    var segmentStart = 0
    var verbLabel = false
    func flush(_ upTo: Int) {
      guard let role, segmentStart < upTo else { return }
      let body = Array(chars[segmentStart..<upTo])
      if role == .deadline {
        clause.deadline = cleanName(String(body))
        return
      }
      if verbLabel, let v = VerbClause.parse(String(body)) {
        clause.entries += v.entries
        clause.hasLeadLabel = clause.hasLeadLabel || v.hasLeadLabel
        return
      }
      for name in role == .leader ? leaderNames(body) : names(body) {
        clause.entries.append((role, name))
      }
    }
    var depth = 0
    while i < chars.count {
      if depth == 0, let found = label(in: chars, at: i) {
        flush(i)
        role = found.role
        verbLabel = verbLabels.contains(String(chars[i..<(i + found.length)]).trimming(Set(":： ")))
        if found.role == .lead { clause.hasLeadLabel = true }
        i += found.length
        segmentStart = i
        continue
      }
      if UnitName.openers[chars[i]] != nil { depth += 1 }
      if UnitName.closers.contains(chars[i]) { depth = max(0, depth - 1) }
      i += 1
    }
    flush(chars.count)
    return clause
  }

  /// Splits at separators outside brackets, so 各县(市、区)政府 stays one name.
  static func names(_ chars: [Character]) -> [String] {
    var out: [String] = []
    var current = ""
    var depth = 0
    for c in chars {
      if UnitName.openers[c] != nil { depth += 1 }
      if UnitName.closers.contains(c) { depth = max(0, depth - 1) }
      if depth == 0 && separators.contains(c) {
        out.append(current)
        current = ""
      } else {
        current.append(c)
      }
    }
    out.append(current)
    let cleaned = out.map { cleanName($0) }.filter { !$0.isEmpty }
    return UnitGroups.joinCompounds(cleaned.flatMap(UnitGroups.splitEtc))
  }

  /// Leaders' names: 王 健 is one person printed with a space inside.
  static func leaderNames(_ chars: [Character]) -> [String] {
    var out: [String] = []
    var current = ""
    for c in chars {
      if "、，,;；/".contains(c) {
        out.append(current)
        current = ""
      } else {
        current.append(c)
      }
    }
    out.append(current)
    return out.flatMap { piece -> [String] in
      let words = piece.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" }).map(String.init)
      // Two-character names spaced out to line up with three-character ones, run together when
      // the separator between them was lost: “陆 明俞 悦” is 陆明 and 俞悦.
      if words.count >= 3, words.first?.count == 1, words.last?.count == 1,
        words.dropFirst().dropLast().allSatisfy({ $0.count == 2 })
      {
        let letters = Array(words.joined())
        return stride(from: 0, to: letters.count, by: 2).map { String(letters[$0..<$0 + 2]) }
      }
      if words.count > 1, words.joined().count <= 4, words.allSatisfy({ $0.count <= 2 }) { return [words.joined()] }
      return words
    }.map { cleanName($0) }.filter { !$0.isEmpty }
  }

  static let nameEndings: ScalarSet = ["。", ".", "；", ";", "，", ",", ":", "："]

  /// Strips the end-of-sentence punctuation and "等" a list may carry.
  static func cleanName(_ raw: String) -> String {
    var name = UnitGroups.dropNote(raw.trimmed)
    while let last = name.last, nameEndings.contains(last) { name.removeLast() }
    if name.hasSuffix("等"), name.count > 3 { name.removeLast() }
    return name.trimmed
  }
}
