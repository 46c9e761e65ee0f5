import FoundationEssentials

/// Recognises the shapes of lines in a responsibility-breakdown document.
enum LineShapes {
  static let openParens: Set<Character> = ["(", "（"]
  static let closeParens: Set<Character> = [")", "）"]

  /// 一、2019年主要预期目标(共6项). Long prose paragraphs numbered the same way (the notice's
  /// own 一、二、三) are not parts: a heading is short or declares a count.
  static func part(_ line: String) -> (number: String, value: Int, title: String, declared: Int?)? {
    let numeral = line.prefix(while: ChineseNumerals.isNumeral)
    guard !numeral.isEmpty, let value = ChineseNumerals.value(numeral) else { return nil }
    let rest = line.dropFirst(numeral.count)
    guard let sep = rest.first, sep == "、" || sep == "." || sep == "．" else { return nil }
    let title = String(rest.dropFirst()).trimmed
    let declared = declaredCount(title)
    guard !title.isEmpty, declared != nil || (title.count <= 40 && !title.includes("。")) else {
      return nil
    }
    return (String(numeral), value, title, declared)
  }

  /// 一、… with any text: an item label in documents whose items are numbered like parts.
  static func chineseNumbered(_ line: String) -> (number: String, rest: String)? {
    let numeral = line.prefix(while: ChineseNumerals.isNumeral)
    guard !numeral.isEmpty, ChineseNumerals.value(numeral) != nil else { return nil }
    let rest = line.dropFirst(numeral.count)
    guard let sep = rest.first, sep == "、" || sep == "．" else { return nil }
    let text = String(rest.dropFirst()).trimmed
    return text.isEmpty ? nil : (String(numeral), text)
  }

  /// "(共67项)" → 67.
  static func declaredCount(_ text: String) -> Int? {
    guard let r = text.byteRange(of: "共") else { return nil }
    let digits = text[r.upperBound...].prefix(while: \.isASCIIDigitChar)
    guard !digits.isEmpty, text[r.upperBound...].dropFirst(digits.count).first == "项" else {
      return nil
    }
    return Int(digits)
  }

  /// (一)坚持以高质量发展为导向 → ("一", "坚持…"). Used for sections and for items numbered (一).
  static func parenNumbered(_ line: String) -> (number: String, rest: String)? {
    guard let first = line.first, openParens.contains(first) else { return nil }
    let body = line.dropFirst()
    let numeral = body.prefix(while: { ChineseNumerals.isNumeral($0) || $0.isASCIIDigitChar })
    guard !numeral.isEmpty, numeral.count <= 3 else { return nil }
    let after = body.dropFirst(numeral.count)
    guard let close = after.first, closeParens.contains(close) else { return nil }
    return (String(numeral), String(after.dropFirst()).trimmed)
  }

  /// ——狠抓招商增强总部能级
  static func group(_ line: String) -> String? {
    guard line.hasPrefix("—") || line.hasPrefix("--") || line.hasPrefix("－－") else { return nil }
    let title = line.drop(while: { $0 == "—" || $0 == "-" || $0 == "－" }).trimmed
    return title.isEmpty ? nil : title
  }

  /// 1. / 1、/ 1．/ 1，followed by text (not by another digit: "1.5亿元" is no label).
  /// A city's or province's plan runs to thousands of items in a part.
  static func numberedItem(_ line: String) -> (number: String, rest: String)? {
    let digits = line.prefix(while: \.isASCIIDigitChar)
    guard !digits.isEmpty, digits.count <= 5 else { return nil }
    let after = line.dropFirst(digits.count)
    guard let sep = after.first, itemSeparators.contains(sep) else { return nil }
    let rest = after.dropFirst()
    if let next = rest.first, next.isASCIIDigitChar { return nil }
    let text = rest.trimmed
    return text.isEmpty ? nil : (String(digits), text)
  }

  static let itemSeparators: ScalarSet = [".", "、", "．", "，", "﹒"]

  /// ① …, 1) …, 1）…: item labels of other documents.
  static func otherNumbered(_ line: String) -> (number: String, rest: String)? {
    if let c = line.first, let v = ChineseNumerals.circled(c) {
      let rest = line.dropFirst().trimmed
      return rest.isEmpty ? nil : ("\(v)", rest)
    }
    let digits = line.prefix(while: \.isASCIIDigitChar)
    guard !digits.isEmpty, digits.count <= 4 else { return nil }
    let after = line.dropFirst(digits.count)
    guard let sep = after.first, sep == ")" || sep == "）" else { return nil }
    let rest = after.dropFirst().trimmed
    return rest.isEmpty ? nil : (String(digits), rest)
  }

  /// Any item label: 1. (一) ① 1).
  static func anyNumbered(_ line: String) -> (number: String, rest: String)? {
    numberedItem(line) ?? parenNumbered(line) ?? otherNumbered(line)
  }

  /// Lines that end the plan body: the attachment and the distribution list.
  static func isEndOfPlan(_ line: String) -> Bool {
    line.hasPrefix("附件") || line.hasPrefix("附表") || line.hasPrefix("抄送")
  }

  /// Text pasted into a page by spam injectors, which the seed itself carries (365bet).
  static let advertisingMarkers = [
    "bet", "投注", "博彩", "娱乐城", "彩票", "赌场", "casino", "真人娱乐", "http://", "https://", "www.",
    "葡京", "威尼斯人", "六合彩",
  ]

  static func advertising(_ line: String) -> String? {
    // Lower case only matters to the ASCII markers, and only when the line has ASCII letters:
    // lowering every line of a document cost more than the search.
    let hasLetters = line.utf8.contains { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }
    let lower = hasLetters ? line.lowercased() : line
    return advertisingMarkers.first { lower.includes($0) }
  }
}

extension Character {
  var isASCIIDigitChar: Bool { isASCII && isNumber }
}
