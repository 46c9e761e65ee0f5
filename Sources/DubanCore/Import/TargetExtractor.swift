import FoundationEssentials

/// Finds the quantitative targets in an item's text: a number in digits followed by a
/// measure word, named by the words around it.
public enum TargetExtractor {
  /// Longest first, so 万人次 wins over 人次 and 个工作日 over 个.
  static let measures = [
    "个工作日", "平方米", "万人次", "亿元", "万元", "人次", "公里", "千米", "工作日", "%", "个", "座", "条", "项", "所", "家",
    "人", "户", "套", "栋", "处", "辆", "台", "场", "次", "名", "间", "张", "亩", "吨", "米", "元", "天", "万",
  ]
  static let measureInitials = ScalarSet(measures.compactMap(\.first))
  static let delimiters: ScalarSet = ["，", ",", "、", "。", "；", ";", "：", ":", "(", "（", ")", "）", "“", "”", "\""]
  static let leadingVerbs = [
    "新建改造", "再打造", "新增", "新建", "改造", "建成", "完成", "实现", "打造", "增加", "达到", "推动", "推进", "确保", "全年",
    "在全区", "全区", "力争", "累计", "增",
  ]
  static let trailingVerbs = ["压减至", "不少于", "达到", "达", "净增", "至少", "超过", "为"]

  public static func extract(from text: String) -> [Target] {
    let chars = Array(text)
    var targets: [Target] = []
    var i = 0
    while i < chars.count, targets.count < maxTargets {
      // 两条 / 三所: a small Chinese numeral counts only before a few unambiguous measures.
      if let small = chineseCounts[chars[i]], i + 1 < chars.count, ["条", "所", "座", "项"].contains(chars[i + 1]) {
        let start = i
        i += 1
        targets.append(
          makeTarget(
            chars, start: start, numberEnd: i, value: Double(small), measure: String(chars[i]), existing: targets))
        i += 1
        continue
      }
      guard chars[i].isASCIIDigitChar else {
        i += 1
        continue
      }
      let start = i
      while i < chars.count,
        chars[i].isASCIIDigitChar || (chars[i] == "." && i + 1 < chars.count && chars[i + 1].isASCIIDigitChar)
      {
        i += 1
      }
      // Part of a word (A1, 365bet) or of a year: not a target.
      if start > 0, chars[start - 1].isASCII, chars[start - 1].isLetter { continue }
      guard i < chars.count, measureInitials.contains(chars[i]),
        let measure = measures.first(where: { chars[i...].starts(with: $0) }),
        let value = Double(String(chars[start..<i]))
      else {
        continue
      }
      let target = makeTarget(chars, start: start, numberEnd: i, value: value, measure: measure, existing: targets)
      targets.append(target)
      i = start + target.printed.count
    }
    return targets
  }

  static let chineseCounts: ScalarTable<Int> = [
    "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
  ]

  static func makeTarget(
    _ chars: [Character], start: Int, numberEnd i: Int, value: Double, measure: String, existing targets: [Target]
  ) -> Target {
    var end = i + measure.count
    var comparator = "="
    // Compared character by character: building a String of the rest of the text, four
    // times per figure, was a fifth of the import.
    for (word, sign) in comparators
    where end < chars.count && comparatorInitials.contains(chars[end]) && chars[end...].starts(with: word) {
      comparator = sign
      end += word.count
    }
    let rawBefore = String(chars[wordStart(chars, before: start)..<start])
    if rawBefore.hasByteSuffix("不少于") || rawBefore.hasByteSuffix("至少") { comparator = "≥" }
    var name = strip(rawBefore)
    // "建成50个智慧平安小区": a classifier names what follows it, as does a bare verb before.
    let verbOnly = name.isEmpty || (name.utf8.count <= longestVerb && leadingVerbs.contains(name))
    if verbOnly || ["个", "项", "所", "家", "座", "条"].contains(measure) && !followedByDelimiter(chars, end) {
      let after = strip(String(chars[end..<wordEnd(chars, from: end)]))
      if !after.isEmpty { name = after }
    }
    if name.isEmpty { name = measure }
    var unique = name
    var n = 2
    while targets.contains(where: { $0.name == unique }) {
      unique = "\(name)\(n)"
      n += 1
    }
    return Target(
      name: unique, value: value, unit: measure, comparator: comparator, printed: String(chars[start..<end]))
  }

  /// A target's name is a few words: looking further is pointless (and quadratic on junk).
  static let maxNameLength = 24

  static func wordStart(_ chars: [Character], before index: Int) -> Int {
    var s = index
    while s > 0, index - s < maxNameLength, !delimiters.contains(chars[s - 1]) { s -= 1 }
    return s
  }

  static func wordEnd(_ chars: [Character], from index: Int) -> Int {
    var e = index
    while e < chars.count, chars[e] == "“" || chars[e] == "\"" { e += 1 }
    while e < chars.count, e - index < maxNameLength, !delimiters.contains(chars[e]) { e += 1 }
    return e
  }

  /// More are not targets but noise (a table pasted into one item).
  static let maxTargets = 20

  static func followedByDelimiter(_ chars: [Character], _ index: Int) -> Bool {
    index >= chars.count || (delimiters.contains(chars[index]) && chars[index] != "“" && chars[index] != "\"")
  }

  static func strip(_ raw: String) -> String {
    var s = raw.trimmed.trimming { quotesAndSpace.contains($0) }
    var changed = true
    while changed {
      changed = false
      for v in leadingVerbs where s.hasBytePrefix(v) && s.utf8.count > v.utf8.count {
        s.removeFirst(v.count)
        changed = true
      }
      for v in trailingVerbs where s.hasByteSuffix(v) && s.utf8.count > v.utf8.count {
        s.removeLast(v.count)
        changed = true
      }
    }
    return s.trimming { quotes.contains($0) }
  }

  // Built once and tested by scalar: a Set literal in `strip` was built (and its characters
  // hashed) twice for every figure of every item.
  static let quotesAndSpace: ScalarSet = ["“", "”", "\"", " "]
  static let quotes: ScalarSet = ["“", "”", "\""]
  static let comparators = [("以上", "≥"), ("以内", "≤"), ("左右", "≈"), ("以下", "≤")]
  static let comparatorInitials = ScalarSet(comparators.map { $0.0.first! })
  /// A name longer than every verb is none of them (ideographs keep their length in any
  /// normal form), so most names skip the comparisons.
  static let longestVerb = leadingVerbs.map(\.utf8.count).max()!
}
