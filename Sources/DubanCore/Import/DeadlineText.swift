/// A row's deadline as documents print it (完成时限 column, “完成时限:6月底前”, a clause's time
/// note “2019年6月底前完成”) read as a day: the latest date it names, a month or a quarter at
/// its end. Phrases that set no date (长期坚持, 持续推进) are no deadline; anything else that
/// names no date is unreadable, and the importer says so.
enum DeadlineText {
  enum Reading: Equatable {
    case day(Day)
    /// A known phrase without a date: no deadline, nothing to warn about.
    case none
    case unreadable
  }

  /// Phrases that mean "no fixed date".
  static let openEnded = [
    "长期坚持", "持续推进", "长期", "持续", "常态化", "常年", "每年", "逐年", "长期推进", "长期開展", "長期堅持", "持續推進", "長期", "持續",
  ]

  /// `year` is the plan's, for dates printed without one (6月底前).
  static func read(_ raw: String, year: Int?) -> Reading {
    let text = raw.filter { !$0.isWhitespace }
    if text.isEmpty { return .none }
    // A paragraph of stage goals is not a deadline, whatever dates it names.
    if text.count > 40 { return .unreadable }
    if let day = lastDate(in: Array(text), year: year) { return .day(day) }
    return openEnded.contains(where: { text.includes($0) }) ? .none : .unreadable
  }

  /// True when `segment` is only a time note (“2019年6月底前完成”, “年内完成”): used to find a
  /// deadline at the end of a clause or of an item's text.
  static func isTimeNote(_ segment: String, year: Int?) -> Bool {
    var s = segment.trimming(stops)
    for prefix in ["于", "在", "力争", "确保", "争取"] where s.hasPrefix(prefix) { s.removeFirst(prefix.count) }
    for suffix in ["全面完成", "基本完成", "完成", "办结", "到位", "实现", "落实"] where s.hasSuffix(suffix) {
      s.removeLast(suffix.count)
      break
    }
    for suffix in ["以前", "之前", "前", "内"] where s.hasSuffix(suffix) {
      s.removeLast(suffix.count)
      break
    }
    guard !s.isEmpty, s.count <= 14, case .day = read(s, year: year) else { return false }
    // Only date words are left: digits, numerals and 年月日底末季度上下半旬.
    return s.allSatisfy { $0.isASCIIDigitChar || ChineseNumerals.isNumeral($0) || dateWords.contains($0) }
  }

  static let stops = Set("。.；;，, ")
  static let dateWords: ScalarSet = [
    "年", "月", "日", "号", "底", "末", "季", "度", "上", "下", "半", "旬", "中", "初", "第", "内", ".", "-", "/",
  ]

  /// The latest date the text names; nil when none.
  static func lastDate(in c: [Character], year planYear: Int?) -> Day? {
    var found: Day?
    var year = planYear
    var i = 0
    func number(at k: Int) -> (value: Int, end: Int)? {
      var j = k
      while j < c.count, c[j].isASCIIDigitChar { j += 1 }
      if j > k { return Int(String(c[k..<j])).map { ($0, j) } }
      while j < c.count, ChineseNumerals.isNumeral(c[j]), j - k < 3 { j += 1 }
      guard j > k, let v = ChineseNumerals.value(Substring(String(c[k..<j]))) else { return nil }
      return (v, j)
    }
    func at(_ k: Int, _ word: String) -> Bool {
      let w = Array(word)
      return k + w.count <= c.count && c[k..<(k + w.count)].elementsEqual(w)
    }
    // The latest date named: “6月底前完成初稿,12月底前全面完成” is due at the year's end.
    func note(_ d: Day?) {
      if let d, found.map({ d > $0 }) ?? true { found = d }
    }
    func endOf(month: Int, in y: Int?) -> Day? {
      guard let y else { return nil }
      return Day(year: y, month: month, day: Day.daysIn(month: month, year: y))
    }
    while i < c.count {
      // ISO-like: 2019-06-30, 2019.6.30, 2019/6, 2019.6
      if let n = number(at: i), n.end - i == 4, c[i].isASCIIDigitChar, n.end < c.count, "-./".contains(c[n.end]),
        let m = number(at: n.end + 1), c[n.end + 1].isASCIIDigitChar, (1...12).contains(m.value)
      {
        year = n.value
        if m.end < c.count, c[m.end] == c[n.end], let d = number(at: m.end + 1), c[m.end + 1].isASCIIDigitChar,
          let day = Day(year: n.value, month: m.value, day: d.value)
        {
          note(day)
          i = d.end
        } else {
          note(endOf(month: m.value, in: n.value))
          i = m.end
        }
        continue
      }
      if let n = number(at: i), n.end < c.count {
        switch c[n.end] {
        case "年" where n.value >= 1990 && n.value <= 2100:
          year = n.value
          i = n.end + 1
          // “2019年底”, “2019年内”, “2019年” alone: the year's end.
          if i >= c.count || at(i, "底") || at(i, "末") || at(i, "内") || at(i, "前") || at(i, "度") {
            note(endOf(month: 12, in: year))
          }
          continue
        case "月" where (1...12).contains(n.value):
          let month = n.value
          var j = n.end + 1
          if let d = number(at: j), j < c.count, d.end < c.count, c[d.end] == "日" || c[d.end] == "号",
            let y = year, let day = Day(year: y, month: month, day: d.value)
          {
            note(day)
            j = d.end + 1
          } else if at(j, "上旬"), let y = year {
            note(Day(year: y, month: month, day: 10))
          } else if at(j, "中旬"), let y = year {
            note(Day(year: y, month: month, day: 20))
          } else {
            // 6月底, 6月末, 6月前, 6月: the month's end.
            note(endOf(month: month, in: year))
          }
          i = j
          continue
        case "季" where (1...4).contains(n.value) && n.end + 1 < c.count && c[n.end + 1] == "度":
          note(endOf(month: 3 * n.value, in: year))
          i = n.end + 2
          continue
        default: break
        }
      }
      if at(i, "上半年") {
        note(endOf(month: 6, in: year))
        i += 3
        continue
      }
      if at(i, "下半年") || at(i, "年底") || at(i, "年末") || at(i, "年内") || at(i, "全年") || at(i, "年度内") {
        note(endOf(month: 12, in: year))
        i += 2
        continue
      }
      i += 1
    }
    return found
  }
}
