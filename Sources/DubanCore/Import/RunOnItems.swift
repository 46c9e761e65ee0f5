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

  /// Whether a first number may start after a space, stop, colon or closing bracket in the
  /// line: every sequence `runOnCuts` follows starts at one (“1.” “一、” “(一)”), so a line
  /// without one has no cuts. Tested on scalars: an item line with its clause has a colon,
  /// and walking its characters cost the import a third.
  static func mayCut(_ text: String) -> Bool {
    let u = Array(text.unicodeScalars)
    var k = 1
    while k + 1 < u.count {
      defer { k += 1 }
      guard u[k - 1].properties.isWhitespace || runOnBreaks.unicodeScalars.contains(u[k - 1]) else { continue }
      switch u[k] {
      case "1": if ".、．﹒".unicodeScalars.contains(u[k + 1]) { return true }
      case "一": if u[k + 1] == "、" { return true }
      case "(", "（": if u[k + 1] == "一", k + 2 < u.count, ")）".unicodeScalars.contains(u[k + 2]) { return true }
      default: break
      }
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
