/// A report period as people name it: the plan's own id or name, or the usual ways of
/// saying a quarter or the year. One rule, so every command reads `--period` alike.
extension PlanCalendar {
  /// The period `text` names, or nil: the plan's id or name in any case or width
  /// (`q1`, `Ｑ１`, `第一季度`), a quarter as `1`–`4`, `一季度`, `1季度` or `第1季度` (→ `Q1`…`Q4`),
  /// the year as `全年`, `年度`, `year` or `y` (→ `Y`).
  public func period(named text: String) -> ReportPeriod? {
    let typed = PeriodName.normalized(text)
    guard !typed.isEmpty else { return nil }
    if let own = periods.first(where: {
      PeriodName.normalized($0.id) == typed || PeriodName.normalized($0.name) == typed
    }) {
      return own
    }
    guard let id = PeriodName.canonicalID(typed) else { return nil }
    return periods.first { $0.id.uppercased() == id }
  }

  /// The plan's periods as a refusal lists them: `Q1（第一季度）、…` / `Q1 (第一季度), …`.
  public func periodList(_ lang: Lang) -> String {
    let listed = periods.map {
      $0.name.isEmpty || $0.name == $0.id ? $0.id : lang.pick("\($0.id)（\($0.name)）", "\($0.id) (\($0.name))")
    }
    return listed.isEmpty ? "—" : listed.joined(separator: lang.pick("、", ", "))
  }
}

enum PeriodName {
  /// Half-width, no spaces, lower case.
  static func normalized(_ text: String) -> String {
    String(UserInput.halfWidth(text).lowercased().unicodeScalars.filter { !$0.properties.isWhitespace })
  }

  /// `Q1`…`Q4` or `Y` for the usual spellings (already normalized), else nil.
  static func canonicalID(_ typed: String) -> String? {
    if ["y", "year", "annual", "全年", "年度", "全年度"].contains(typed) { return "Y" }
    var t = Substring(typed)
    if t.hasPrefix("第") { t = t.dropFirst() }
    if t.hasSuffix("季度") {
      t = t.dropLast(2)
    } else if t.hasSuffix("季") {
      t = t.dropLast()
    } else if t.hasPrefix("q") {
      t = t.dropFirst()
    }
    let numerals: [Substring: Int] = ["1": 1, "2": 2, "3": 3, "4": 4, "一": 1, "二": 2, "三": 3, "四": 4]
    return numerals[t].map { "Q\($0)" }
  }
}
