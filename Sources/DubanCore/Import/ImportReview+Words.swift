/// The words the review after import and `duban import` show for a warning's kind and a
/// decision, in the interface's language. The store keeps the English forms (`accepted`,
/// `merged A → B`, `split-units`): scripts read those, people read these.
extension ImportWarning.Kind {
  /// `[拆分单位]` in Chinese; the stored name (`split-units`) in English.
  public func label(_ lang: Lang) -> String {
    guard lang == .zh else { return rawValue }
    switch self {
    case .splitUnits: return "拆分单位"
    case .mergedAlias: return "合并写法"
    case .unclosedBracket: return "括号未闭合"
    case .countMismatch: return "项数不符"
    case .advertising: return "疑似广告"
    case .repairedDate: return "修复日期"
    case .noCalendar: return "无日程"
    case .noUnits: return "无单位"
    case .ignoredLine: return "略过的行"
    case .encoding: return "编码"
    case .duplicateNumber: return "编号重复"
    }
  }
}

extension ImportDecision {
  /// A stored decision as people read it: `accepted` → 已接受, `merged A → B` → 已合并 A → B,
  /// `edited 2019-01-31` → 已修改为 2019-01-31;
  /// several (`edited; split A → B、C`) are joined with `；`.
  public static func label(_ decision: String, _ lang: Lang) -> String {
    let words: [(String, String, String)] = [
      (accepted, "已接受", "accepted"), (edited, "已修改", "edited"), (merged, "已合并", "merged"),
      (split, "已拆分", "split"),
    ]
    let parts = decision.split(separator: ";").map { part -> String in
      let p = String(part).trimmed
      // `edited 2019-01-31`: a plan date corrected to that day.
      if p.hasPrefix(edited + " ") {
        return lang.pick("已修改为", "edited to") + p.dropFirst(edited.count)
      }
      for (word, zh, en) in words where p == word || p.hasPrefix(word + " ") {
        return lang.pick(zh, en) + p.dropFirst(word.count)
      }
      return p
    }
    return parts.joined(separator: lang.pick("；", "; "))
  }
}
