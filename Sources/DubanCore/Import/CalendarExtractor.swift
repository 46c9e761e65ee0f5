import FoundationEssentials

/// Reads the notice's dates: when it was issued, when work plans are due, when each period's
/// report is due. Repairs the dropped 年/月/日 of real documents ("于128日前" is 1月28日) by
/// choosing the reading that keeps the dates in order, and says so in a warning.
struct CalendarExtractor {
  typealias Line = (number: Int, text: String)

  private(set) var warnings: [ImportWarning] = []

  mutating func extract(_ lines: [Line], planStart: Int) -> PlanCalendar {
    var cal = PlanCalendar()
    let notice = lines.filter { $0.number < planStart }
    let published = notice.lazy.compactMap { l -> Day? in
      guard let r = l.text.byteRange(of: "发文日期") else { return nil }
      return Self.isoDate(in: String(l.text[r.upperBound...]))
    }.first
    cal.published = published?.description
    let issued = findIssued(notice, published: published)
    cal.issued = issued?.description
    let year = issued?.year ?? published?.year ?? Self.firstYear(in: lines)

    if let year {
      var after = issued ?? Day(year: year, month: 1, day: 1)!
      if let l = notice.first(where: {
        ($0.text.includes("工作方案") || $0.text.includes("办理方案")) && $0.text.includes("日前")
      }),
        let token = Self.dateTokens(before: "日前", in: l.text).last,
        let day = resolve(token, year: year, after: after, line: l.number)
      {
        cal.workPlanDue = day.description
        after = day
      }
      if let l = notice.first(where: { $0.text.includes("季度") && $0.text.includes("日") }) {
        cal.periods = periods(l, year: year, after: after)
      }
    }
    var remarksZh: [String] = []
    if cal.workPlanDue == nil {
      cal.remarks.append("The document states no due date for work plans (办理方案).")
      remarksZh.append("文档没有写明办理方案的报送期限。")
    }
    if cal.periods.isEmpty {
      cal.remarks.append("The document states no report due dates; add them to the store's calendar.")
      remarksZh.append("文档没有写明进展报送日期；可在数据文件的日历中添加。")
    }
    for (remark, zh) in zip(cal.remarks, remarksZh) {
      warnings.append(ImportWarning(line: 0, kind: .noCalendar, message: remark, zh: zh))
    }
    return cal
  }

  /// The signing date, a line of its own near the end of the notice: "2019年1月11日" or, with
  /// the characters dropped, "2019111".
  private mutating func findIssued(_ notice: [Line], published: Day?) -> Day? {
    for l in notice.reversed() {
      let t = l.text
      if let d = Self.chineseDate(t), t.count <= 12 { return d }
      guard (6...8).contains(t.count), t.allSatisfy(\.isASCIIDigitChar), let y = Int(t.prefix(4)),
        (1990...2100).contains(y)
      else { continue }
      // The notice is signed on or before the day it is published; without that, the earliest.
      let readings = Self.monthDayReadings(String(t.dropFirst(4)), year: y)
      let best = published.map { p in readings.filter { $0 <= p }.max() } ?? readings.min()
      guard let best else { continue }
      warnings.append(
        ImportWarning(
          line: l.number, kind: .repairedDate, message: "“\(t)” read as \(best) (no year/month/day marks)",
          zh: "“\(t)”读作 \(best)（缺少年/月/日）"))
      return best
    }
    return nil
  }

  private mutating func periods(_ l: Line, year: Int, after: Day) -> [ReportPeriod] {
    var days: [Day] = []
    var previous = after
    if l.text.includes("每季度") || l.text.includes("每个季度") {
      return recurring(l.text, year: year)
    }
    for token in Self.dateTokens(before: "日", in: l.text) {
      guard let d = resolve(token, year: year, after: previous, line: l.number) else { continue }
      days.append(d)
      previous = d
    }
    let names: [(String, String)]
    if days.count == 4 && l.text.includes("全年") {
      names = [("Q1", "第一季度"), ("Q2", "第二季度"), ("Q3", "第三季度"), ("Y", "全年")]
    } else if days.count == 4 {
      names = [("Q1", "第一季度"), ("Q2", "第二季度"), ("Q3", "第三季度"), ("Q4", "第四季度")]
    } else {
      names = days.indices.map { ("P\($0 + 1)", "第\($0 + 1)期") }
    }
    return zip(names, days).map { ReportPeriod(id: $0.0, name: $0.1, due: $1.description) }
  }

  /// "每季度最后一个月的30日前" and "每个季度第1个月的20日前".
  private func recurring(_ text: String, year: Int) -> [ReportPeriod] {
    guard let r = text.byteRange(of: "日前") ?? text.byteRange(of: "日"),
      let dayNumber = Int(String(text[..<r.lowerBound].reversed().prefix(while: \.isASCIIDigitChar).reversed()))
    else { return [] }
    let firstMonth = text.includes("第1个月") || text.includes("第一个月")
    let months: [(Int, Int)] =
      firstMonth ? [(year, 4), (year, 7), (year, 10), (year + 1, 1)] : [(year, 3), (year, 6), (year, 9), (year, 12)]
    let names = [("Q1", "第一季度"), ("Q2", "第二季度"), ("Q3", "第三季度"), ("Q4", "第四季度")]
    return zip(names, months).compactMap { name, ym in
      let d = min(dayNumber, Day.daysIn(month: ym.1, year: ym.0))
      return Day(year: ym.0, month: ym.1, day: d).map { ReportPeriod(id: name.0, name: name.1, due: $0.description) }
    }
  }

  /// A date token as printed: "2019年4月10日", "7月10日", "2019410", "1225".
  private mutating func resolve(_ token: String, year: Int, after: Day, line: Int) -> Day? {
    if token.includes("月") {
      let y = token.split(separator: "年").count == 2 ? Int(token.split(separator: "年")[0]) ?? year : year
      let md = token.split(separator: "年").last!.split(separator: "月")
      guard md.count == 2, let m = Int(md[0]), let d = Int(md[1]) else { return nil }
      return Day(year: y, month: m, day: d)
    }
    var digits = token
    var y = year
    if digits.count >= 7, let prefixYear = Int(digits.prefix(4)), (1990...2100).contains(prefixYear) {
      y = prefixYear
      digits = String(digits.dropFirst(4))
    }
    let readings = Self.monthDayReadings(digits, year: y)
    guard let best = readings.filter({ $0 >= after }).min() ?? readings.min() else { return nil }
    warnings.append(
      ImportWarning(
        line: line, kind: .repairedDate, message: "“\(token)日” read as \(best) (no month/day marks)",
        zh: "“\(token)日”读作 \(best)（缺少月/日）"))
    return best
  }

  /// "111" → 1月11日 and 11月1日; "1225" → 12月25日.
  static func monthDayReadings(_ digits: String, year: Int) -> [Day] {
    let chars = Array(digits)
    guard (2...4).contains(chars.count) else { return [] }
    var out: [Day] = []
    for split in 1...2 where split < chars.count && chars.count - split <= 2 {
      if let m = Int(String(chars[..<split])), let d = Int(String(chars[split...])),
        chars[split] != "0" || chars.count - split == 2, let day = Day(year: year, month: m, day: d)
      {
        out.append(day)
      }
    }
    return out
  }

  /// The digit-and-年/月 runs that end in `marker` (日 or 日前).
  static func dateTokens(before marker: String, in text: String) -> [String] {
    var tokens: [String] = []
    var rest = Substring(text)
    while let r = rest.byteRange(of: marker) {
      let head = rest[..<r.lowerBound]
      let token = String(head.reversed().prefix(while: { $0.isASCIIDigitChar || $0 == "年" || $0 == "月" }).reversed())
      if let first = token.first, first.isASCIIDigitChar { tokens.append(token) }
      rest = rest[r.upperBound...]
    }
    return tokens
  }

  /// "2019-01-14 16:12" → 2019-01-14.
  static func isoDate(in text: String) -> Day? {
    let t = text.trimmed.drop(while: { $0 == ":" || $0 == "：" || $0 == " " })
    let parts = t.prefix(10).split(separator: "-")
    guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else {
      return chineseDate(String(t))
    }
    return Day(year: y, month: m, day: d)
  }

  /// "2019年1月11日" anywhere in text.
  static func chineseDate(_ text: String) -> Day? {
    guard let yr = text.byteRange(of: "年"), let mr = text[yr.upperBound...].byteRange(of: "月"),
      let dr = text[mr.upperBound...].byteRange(of: "日")
    else { return nil }
    let y = Int(String(text[..<yr.lowerBound].reversed().prefix(4).reversed()))
    let m = Int(text[yr.upperBound..<mr.lowerBound])
    let d = Int(text[mr.upperBound..<dr.lowerBound])
    guard let y, let m, let d else { return nil }
    return Day(year: y, month: m, day: d)
  }

  static func firstYear(in lines: [Line]) -> Int? {
    for l in lines {
      if let r = l.text.byteRange(of: "年"),
        let y = Int(String(l.text[..<r.lowerBound].reversed().prefix(4).reversed())), (1990...2100).contains(y)
      {
        return y
      }
    }
    return nil
  }
}
