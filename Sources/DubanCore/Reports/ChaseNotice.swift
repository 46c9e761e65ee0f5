import FoundationEssentials

/// The chase list on paper: the whole list (`duban chase`, Markdown or CSV) and the 催办通知
/// the office sends each unit (one per unit, Markdown), worded as the office writes them.
public enum ChaseNotice {
  static func headers(_ lang: Lang) -> [String] {
    [
      lang.pick("单位", "unit"), lang.pick("编号", "id"), lang.pick("事项", "item"), lang.pick("期次", "period"),
      lang.pick("截止日期", "due"), lang.pick("状态", "state"), lang.pick("天数", "days"),
    ]
  }

  /// "逾期 5 天" / "还有 3 天" / "今天截止".
  public static func days(_ e: ChaseList.Entry, _ lang: Lang) -> String {
    if e.daysOverdue > 0 { return lang.pick("逾期 \(e.daysOverdue) 天", "\(e.daysOverdue) days late") }
    if e.daysOverdue == 0 { return lang.pick("今天截止", "due today") }
    return lang.pick("还有 \(-e.daysOverdue) 天", "\(-e.daysOverdue) days left")
  }

  public static func state(_ e: ChaseList.Entry, _ lang: Lang) -> String {
    e.standing == .overdue ? lang.pick("逾期未报", "overdue") : lang.pick("即将到期", "due soon")
  }

  static func rows(_ list: ChaseList, _ lang: Lang) -> [[String]] {
    list.units.flatMap { u in
      u.owed.map { e in
        [u.unit, e.itemID, e.text, e.period.name, e.due.description, state(e, lang), days(e, lang)]
      }
    }
  }

  /// The whole list: one table per unit in Markdown, one flat table in CSV.
  public static func render(_ list: ChaseList, title: String, format: ExportFormat, lang: Lang) -> String {
    let l = TerminalSafe.line
    let heading = lang.pick("催办清单（截至 \(list.asOf)）", "Chase list as of \(list.asOf)")
    switch format {
    case .csv:
      return ExportFile.bom + CSV.row(["duban 导出：" + heading])
        + ExportTable(headers: headers(lang), rows: rows(list, lang)).csv()
    case .json, .md:
      var out = "\(ExportFile.markdownMarker)\n# \(l(heading))\n\n\(l(title))\n\n"
      if list.isEmpty {
        return out + lang.pick("没有逾期或即将到期的报送。\n", "No report is overdue or due soon.\n")
      }
      out += lang.pick(
        "共 \(list.units.count) 个单位：逾期未报 \(list.overdueCount) 项，即将到期 \(list.dueSoonCount) 项。\n\n",
        "\(list.unitsLabel): \(list.overdueCount) overdue, \(list.dueSoonCount) due soon.\n\n")
      for u in list.units {
        out +=
          "## \(l(u.unit))"
          + lang.pick(
            "（逾期 \(u.overdue.count) 项，即将到期 \(u.dueSoon.count) 项）",
            " (\(u.overdue.count) overdue, \(u.dueSoon.count) due soon)") + "\n\n"
        out += ExportTable(headers: Array(headers(lang).dropFirst()), rows: rows(u, lang)).markdown() + "\n"
      }
      return out
    }
  }

  static func rows(_ u: ChaseList.UnitEntries, _ lang: Lang) -> [[String]] {
    u.owed.map { e in [e.itemID, e.text, e.period.name, e.due.description, state(e, lang), days(e, lang)] }
  }

  /// The 催办通知 to one unit: what it owes, by when it was due, and what the office asks.
  /// Always in Chinese: it is an official document. The words are `letter`'s, shared with
  /// the Word notice (`OfficeExports.chaseNoticeDocument`).
  public static func notice(_ u: ChaseList.UnitEntries, planTitle: String, asOf: Day) -> String {
    let l = TerminalSafe.line
    let letter = letter(u, planTitle: planTitle, asOf: asOf)
    var out = """
      \(ExportFile.markdownMarker)
      # \(letter.title)

      \(l(letter.unit))：

      \(l(letter.intro))


      """
    for section in letter.sections {
      out += "## \(section.heading)\n\n" + ExportTable(headers: Letter.columns, rows: section.rows).markdown() + "\n"
    }
    out += """
      \(letter.ask)

      区人民政府督查室\u{20}\u{20}
      \(letter.date)

      """
    return out
  }

  /// The notice's words and tables, whatever it is written as.
  public struct Letter: Sendable {
    public struct Section: Sendable {
      public var heading: String
      public var rows: [[String]]
    }
    public static let columns = ["编号", "事项", "期次", "截止日期", "情况"]
    public var title = Letter.title
    /// One wording for every notice: the chase list's, `duban remind`'s, the short one.
    public static let title = "催办通知"
    public var unit: String
    public var intro: String
    public var sections: [Section]
    public var ask: String
    /// 2019年7月15日.
    public var date: String
  }

  public static func letter(_ u: ChaseList.UnitEntries, planTitle: String, asOf: Day) -> Letter {
    let date = Bulletin.chineseDate(asOf.description)
    let intro =
      "根据\(quoted(planTitle))关于进展情况报送的要求，截至\(date)，你单位以下事项的进展情况"
      + (u.overdue.isEmpty ? "即将到报送截止日期" : "已逾期未报送") + "，请抓紧办理。"
    func rows(_ entries: [ChaseList.Entry]) -> [[String]] {
      entries.map { [$0.itemID, $0.text, $0.period.name, Bulletin.chineseDate($0.due.description), days($0, .zh)] }
    }
    var sections: [Letter.Section] = []
    let numerals = ["一", "二", "三"]
    if !u.overdue.isEmpty {
      sections.append(.init(heading: "\(numerals[sections.count])、逾期未报送（\(u.overdue.count)项）", rows: rows(u.overdue)))
    }
    if !u.dueSoon.isEmpty {
      sections.append(.init(heading: "\(numerals[sections.count])、即将到期（\(u.dueSoon.count)项）", rows: rows(u.dueSoon)))
    }
    let ask =
      u.overdue.isEmpty
      ? "请于截止日期前报送进展情况、存在问题和下一步措施。"
      : "请于收到本通知后3个工作日内补报逾期事项的进展情况、存在问题和下一步措施"
        + (u.dueSoon.isEmpty ? "" : "；即将到期的事项请按期报送") + "。逾期未报的情况将在通报中列明。"
    return Letter(unit: u.unit, intro: intro, sections: sections, ask: ask, date: date)
  }

  /// A document's title as cited in another: in 《》, with the 《》 inside it turned to 〈〉.
  static func quoted(_ title: String) -> String {
    "《" + title.replacing("《", with: "〈").replacing("》", with: "〉") + "》"
  }

  /// The file name of a unit's notice: `催办通知-区商务局-2019-07-15.md`.
  /// Any unit name gives a file name a file system takes: cleaned, no `/`, and cut (at a
  /// character) so the whole stays well under 255 bytes.
  public static func fileName(unit: String, asOf: Day, ext: String = "md") -> String {
    var name = ""
    for c in TerminalSafe.line(unit).replacing("/", with: "-") {
      if name.utf8.count + String(c).utf8.count > 180 { break }
      name.append(c)
    }
    return "催办通知-\(name)-\(asOf).\(ext)"
  }
}

extension ChaseNotice {
  /// Writes one notice per unit of the list into `folder` (made if missing), never over a
  /// file that is not a duban export without `force`. Returns the paths written.
  @discardableResult
  public static func writeAll(_ list: ChaseList, planTitle: String, into folder: String, force: Bool = false) throws
    -> [String]
  {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    var written: [String] = []
    for u in list.units {
      let path = folder + "/" + fileName(unit: u.unit, asOf: list.asOf)
      try ExportFile.write(notice(u, planTitle: planTitle, asOf: list.asOf), to: path, format: .md, force: force)
      written.append(path)
    }
    return written
  }
}
