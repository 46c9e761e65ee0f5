import FoundationEssentials

/// Some web pages run a whole document into one line (the line breaks lost when it was copied):
/// the notice, “一、…” part headings and “1.…” items follow each other after a space or a full
/// stop. A very long line that carries several numbers in sequence, each where a heading or an
/// item would start, is split there, so each number starts a line as in the printed document.
extension DocumentLayout {
  /// What a number must follow to start a heading or item in a run-on line (or whitespace).
  static let runOnBreaks = "。；;：:)）"

  /// Lines shorter than this are a paragraph, however many numbers they mention.
  static let runOnLength = 200

  mutating func splitRunOnLines(_ lines: [(number: Int, text: String)]) -> [(number: Int, text: String)] {
    var out: [(number: Int, text: String)] = []
    for l in lines {
      // Bytes first: counting characters costs a walk over the line.
      let long = l.text.utf8.count >= Self.runOnLength && l.text.count >= Self.runOnLength
      let cuts = long ? Self.runOnCuts(l.text) : Self.clauseItemCuts(l.text)
      guard cuts.count >= 2 || Self.carryClauses(l.text, cuts) else {
        out.append(l)
        continue
      }
      var pieces: [String] = []
      var start = l.text.startIndex
      for cut in cuts {
        let piece = l.text[start..<cut].trimmed
        if !piece.isEmpty { pieces.append(piece) }
        start = cut
      }
      pieces.append(l.text[start...].trimmed)
      warnings.append(
        ImportWarning(
          line: l.number, kind: .ignoredLine,
          message:
            "a line of \(l.text.count) characters holding \(cuts.count) numbered headings or items, split at the numbers",
          zh: "一行 \(l.text.count) 个字，含 \(cuts.count) 个编号的标题或事项，已按编号分行"))
      for p in pieces { out.append((l.number, p)) }
    }
    return out
  }

  /// Where numbers start that continue a sequence: “一、” after “”, “二、” after “一、”; “1.” after
  /// a heading or after “”, “2.” after “1.”; the same for “(一)”. A number counts only after a
  /// space, a full stop, a colon or a closing bracket, so “增长2.5%” or “三、四季度” in a
  /// sentence are no cuts.
  static func runOnCuts(_ text: String) -> [String.Index] {
    var cuts: [String.Index] = []
    var last: [String: Int] = [:]
    var previous: Character?
    var i = text.startIndex
    while i < text.endIndex {
      defer {
        previous = text[i]
        i = text.index(after: i)
      }
      guard let p = previous, p.isWhitespace || runOnBreaks.contains(p) else { continue }
      guard let (kind, value) = numberToken(text[i...]) else { continue }
      let expected = (last[kind] ?? 0) + 1
      guard value == expected || value == 1 else { continue }
      // A new part restarts the items under it.
      if kind == "part" {
        last["item"] = 0
        last["section"] = 0
      }
      last[kind] = value
      cuts.append(i)
    }
    return cuts
  }

  /// “一、” (part), “(一)” (section), “1.”/“1、”/“1．” (item) at the start of `s`.
  static func numberToken(_ s: Substring) -> (kind: String, value: Int)? {
    if let first = s.first, LineShapes.openParens.contains(first) {
      let numeral = s.dropFirst().prefix(while: ChineseNumerals.isNumeral)
      guard !numeral.isEmpty, numeral.count <= 3, let v = ChineseNumerals.value(numeral),
        let close = s.dropFirst(1 + numeral.count).first, LineShapes.closeParens.contains(close)
      else { return nil }
      return ("section", v)
    }
    let numeral = s.prefix(while: ChineseNumerals.isNumeral)
    if !numeral.isEmpty {
      guard numeral.count <= 3, let v = ChineseNumerals.value(numeral), s.dropFirst(numeral.count).first == "、" else {
        return nil
      }
      return ("part", v)
    }
    let digits = s.prefix(while: \.isASCIIDigitChar)
    guard !digits.isEmpty, digits.count <= 3, let v = Int(digits) else { return nil }
    let after = s.dropFirst(digits.count)
    guard let sep = after.first, ".、．﹒".contains(sep), let next = after.dropFirst().first, !next.isASCIIDigitChar,
      !next.isWhitespace
    else { return nil }
    return ("item", v)
  }
}
