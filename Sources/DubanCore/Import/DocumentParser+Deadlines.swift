// Each row's deadline — a 完成时限 column or label, a clause's time note, or a time note
// ending the item's text — stored on the item as YYYY-MM-DD.
extension DocumentParser {
  /// Sets `deadline` on each item from its raw row (the same order); a deadline that names no
  /// date gets a warning and no deadline (长期坚持 and the like: no deadline, no warning).
  func storeDeadlines(_ planItems: inout [Item], year: Int?) -> [ImportWarning] {
    var out: [ImportWarning] = []
    for (k, raw) in items.enumerated() where k < planItems.count {
      let printed = raw.clause?.deadline ?? Self.textTimeNote(raw.text, year: year)
      guard let printed, !printed.isEmpty else { continue }
      switch DeadlineText.read(printed, year: year) {
      case .day(let day): planItems[k].deadline = day.description
      case .none: break
      case .unreadable:
        out.append(
          ImportWarning(
            line: raw.clauseLine, kind: .ignoredLine,
            message: "deadline “\(printed.prefix(30))” of item \(raw.number) is not a date; no deadline stored",
            zh: "事项 \(raw.number) 的完成时限“\(printed.prefix(30))”不是日期，未记录期限"))
      }
    }
    return out
  }

  static let phraseBreaks: ScalarSet = ["，", ",", "；", ";", "。"]

  /// The item text's last phrase when it is only a time note: “…，2019年6月底前完成。”.
  static func textTimeNote(_ text: String, year: Int?) -> String? {
    // Every date a note can name in words says 年, 月 or 季: most items say none of them.
    guard text.includes("年") || text.includes("月") || text.includes("季") else { return nil }
    var end = text.endIndex
    while end > text.startIndex, DocumentParser.clauseEnds.contains(text[text.index(before: end)]) {
      end = text.index(before: end)
    }
    let body = text[..<end]
    let start =
      body.lastIndex(where: { Self.phraseBreaks.contains($0) }).map { body.index(after: $0) } ?? body.startIndex
    let phrase = String(body[start...])
    // A time note is short; the whole text of an item is not one.
    guard start > body.startIndex, phrase.count <= 16, DeadlineText.isTimeNote(phrase, year: year) else { return nil }
    return phrase
  }
}
