/// A short page run into one line: a title, then “1.…(牵头单位:X)2.…(责任单位:Y)”. Shorter than a
/// run-on document (`runOnLength`), but each numbered piece carries its own labelled unit
/// clause, which a sentence that merely mentions numbers never does; so it is split too.
extension DocumentLayout {
  /// The cuts of `runOnCuts` when every piece after one holds a labelled clause, else none.
  static func clauseItemCuts(_ text: String) -> [String.Index] {
    guard hasColon(text), mayCut(text) else { return [] }
    let cuts = runOnCuts(text)
    return carryClauses(text, cuts) ? cuts : []
  }

  /// Whether there are cuts and every piece after one holds a labelled clause (a long line with a
  /// single item after its title is a run-on page as well).
  static func carryClauses(_ text: String, _ cuts: [String.Index]) -> Bool {
    guard !cuts.isEmpty else { return false }
    let ends = cuts.dropFirst() + [text.endIndex]
    for (cut, end) in zip(cuts, ends) {
      let chars = Array(text[cut..<end])
      guard (0..<chars.count).contains(where: { UnitClause.label(in: chars, at: $0) != nil }) else { return false }
    }
    return true
  }

  /// Whether a number may start after a space, stop, colon or closing bracket anywhere in the
  /// line (what `runOnCuts` looks for), tested on scalars: an item line with its clause has a
  /// colon but seldom such a number, and walking its characters cost the import a third.
  static func mayCut(_ text: String) -> Bool {
    var afterBreak = false
    for u in text.unicodeScalars {
      if afterBreak,
        ("0"..."9").contains(u) || LineShapes.openParens.contains(Character(u))
          || ChineseNumerals.isNumeral(Character(u))
      {
        return true
      }
      afterBreak = u.properties.isWhitespace || runOnBreaks.unicodeScalars.contains(u)
    }
    return false
  }

  /// A colon, half or full width (EF BC 9A), tested on bytes: most lines have none.
  static func hasColon(_ text: String) -> Bool {
    var state = 0
    for b in text.utf8 {
      if b == UInt8(ascii: ":") { return true }
      switch (state, b) {
      case (_, 0xEF): state = 1
      case (1, 0xBC): state = 2
      case (2, 0x9A): return true
      default: state = 0
      }
    }
    return false
  }
}
