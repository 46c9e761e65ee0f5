import FoundationEssentials

/// `duban report`: the supervision office's bulletin (通报) for a period — totals by part and
/// section, a table per unit, and the lists of lagging items and units.
public struct Bulletin: Encodable {
  public var generator = "duban"
  public var title: String
  public var period: String
  public var periodName: String
  public var due: String?
  public var asOf: String
  public var sections: [SectionLine]
  public var units: [UnitLine]
  public var laggingItems: [LaggingItem]
  public var laggingUnits: [String]

  public struct SectionLine: Encodable {
    public var name: String
    public var total: Int
    public var done: Int
    public var onSchedule: Int
    public var behind: Int
  }

  public struct UnitLine: Encodable {
    public var unit: String
    public var lead: Int
    public var joined: Int
    public var filedOnTime: Int
    public var filedLate: Int
    public var missing: Int
  }

  public struct LaggingItem: Encodable {
    public var id: String
    public var text: String
    public var units: String
    public var expected: Int
    public var progress: Int
    public var light: Light
  }

  public init(_ doc: StoreDocument, period periodID: String?, today: Day) {
    let plan = doc.plan
    let schedule = Schedule(plan: plan, settings: doc.settings, today: today)
    let calendar = doc.calendar
    let period =
      periodID.flatMap { id in plan.calendar.periods.first { $0.id == id } }
      ?? calendar.periods.last { $0.due < today }?.period ?? calendar.current(on: today)
    self.period = period?.id ?? "-"
    periodName = period?.name ?? "-"
    due = period?.due
    asOf = today.description
    let year = schedule.year
    title = "关于\(year)年\(Bulletin.shortTitle(plan.title))\(periodName)完成情况的通报"

    func line(_ name: String, _ items: [Item]) -> SectionLine {
      var l = SectionLine(name: name, total: items.count, done: 0, onSchedule: 0, behind: 0)
      for item in items {
        if item.status == .done {
          l.done += 1
        } else if schedule.light(item) == .green {
          l.onSchedule += 1
        } else {
          l.behind += 1
        }
      }
      return l
    }
    var sections: [SectionLine] = []
    for part in plan.parts {
      let inPart = plan.items.filter { $0.part == part.ordinal }
      sections.append(line("\(part.number)、\(part.shortTitle)", inPart))
      for s in part.sections where !s.title.isEmpty {
        sections.append(line("　(\(s.number))\(s.title)", inPart.filter { $0.section == s.title }))
      }
    }
    sections.append(line("合计", plan.items))
    self.sections = sections

    let dueDay = period.flatMap { Day($0.due) }
    // Per item, its units and its reporters (groups stand for their members, each filing
    // for itself; a filing without a unit counts for the default reporter): ReportDuty.
    let duty = ReportDuty(plan: plan, settings: doc.settings)
    var lines: [String: UnitLine] = [:]
    for u in plan.units where u.kind == .unit {
      lines[u.name] = UnitLine(unit: u.name, lead: 0, joined: 0, filedOnTime: 0, filedLate: 0, missing: 0)
    }
    for item in plan.items {
      for name in duty.units(of: item) where lines[name] != nil {
        if item.lead.contains(name) { lines[name]!.lead += 1 } else { lines[name]!.joined += 1 }
      }
      guard let period, let dueDay else { continue }
      let done = duty.doneSince(item)
      for name in duty.reporters(of: item) where lines[name] != nil {
        switch duty.standing(item, unit: name, period: period, due: dueDay, on: today, doneSince: done) {
        case .filed: lines[name]!.filedOnTime += 1
        case .late: lines[name]!.filedLate += 1
        case .overdue: lines[name]!.missing += 1
        case .waived, .dueSoon, .open: break
        }
      }
    }
    // A unit no item names (any more: an undone fix that added it) owes nothing: no row.
    let units = plan.units.compactMap { lines[$0.name] }.filter { $0.lead + $0.joined > 0 }
    self.units = units
    laggingItems = plan.items.filter { $0.status != .done && schedule.light($0) != .green }.map { item in
      LaggingItem(
        id: item.id, text: item.text, units: item.allUnits.joined(separator: "、"), expected: schedule.expected(item),
        progress: item.progress, light: schedule.light(item))
    }
    laggingUnits = units.filter { $0.missing + $0.filedLate > 0 }.map(\.unit)
  }

  /// 2019-04-20 → 2019年4月20日, as an office dates its documents.
  public static func chineseDate(_ iso: String) -> String {
    guard let d = Day(iso) else { return iso }
    return "\(d.year)年\(d.month)月\(d.day)日"
  }

  static func shortTitle(_ title: String) -> String {
    // "2019年区《政府工作报告》确定的主要目标任务责任分解方案" → "区《政府工作报告》确定的主要目标任务"
    var t = title
    if let r = t.firstRange(of: "年"), t[..<r.lowerBound].allSatisfy(\.isNumber) { t = String(t[r.upperBound...]) }
    for suffix in ["责任分解方案", "分解方案"] where t.hasSuffix(suffix) { t.removeLast(suffix.count) }
    return t
  }

  public func render(_ format: ExportFormat) -> String {
    switch format {
    case .json: return ExportJSON.encode(self)
    case .md: return markdown()
    case .csv: return csv()
    }
  }

  var sectionTable: ExportTable {
    ExportTable(
      headers: ["板块", "事项", "已完成", "按序时推进", "滞后"],
      rows: sections.map { [$0.name, "\($0.total)", "\($0.done)", "\($0.onSchedule)", "\($0.behind)"] })
  }

  var unitTable: ExportTable {
    ExportTable(
      headers: ["单位", "牵头", "参与", "按时报送", "逾期报送", "未报送"],
      rows: units.map {
        [$0.unit, "\($0.lead)", "\($0.joined)", "\($0.filedOnTime)", "\($0.filedLate)", "\($0.missing)"]
      })
  }

  var laggingTable: ExportTable {
    ExportTable(
      headers: ["编号", "事项", "责任单位", "序时进度", "实际进度", "灯"],
      rows: laggingItems.map {
        [$0.id, $0.text, $0.units, "\($0.expected)%", "\($0.progress)%", $0.light.label(.zh)]
      })
  }

  var summarySentence: String {
    let total = sections.last!
    return
      "截至\(Bulletin.chineseDate(asOf))，\(total.total)项任务中，已完成\(total.done)项，按序时进度推进\(total.onSchedule)项，滞后\(total.behind)项。"
  }

  var laggingUnitsSentence: String {
    if laggingUnits.isEmpty { return "本期各责任单位均按时报送。" }
    let names = units.filter { laggingUnits.contains($0.unit) }.map { u -> String in
      var parts: [String] = []
      if u.missing > 0 { parts.append("未报送\(u.missing)项") }
      if u.filedLate > 0 { parts.append("逾期报送\(u.filedLate)项") }
      return "\(u.unit)（\(parts.joined(separator: "、"))）"
    }
    return "以下单位\(periodName)进展未按时报送：" + names.joined(separator: "、") + "。请上述单位高度重视，抓紧报送，切实加快推进。"
  }

  func markdown() -> String {
    // Sentences and the title are one line each: data cannot start a heading or a table.
    let l = TerminalSafe.line
    return """
      \(ExportFile.markdownMarker)
      # \(l(title))

      各街道办事处，区人民政府各部门，各有关单位：

      \(l(summarySentence))\(l(dueSentence))

      ## 一、总体完成情况

      \(sectionTable.markdown())
      ## 二、各单位办理情况

      \(unitTable.markdown())
      ## 三、滞后事项（\(laggingItems.count)项）

      \(laggingItems.isEmpty ? "无。\n" : laggingTable.markdown())
      ## 四、需督促的单位

      \(l(laggingUnitsSentence))

      区人民政府督查室\u{20}\u{20}
      \(l(Bulletin.chineseDate(asOf)))

      """
  }

  func csv() -> String {
    var out = ExportFile.bom + CSV.row(["duban 导出：\(title)"]) + CSV.row([summarySentence])
    out += CSV.row(["一、总体完成情况"]) + sectionTable.csv()
    out += CSV.row(["二、各单位办理情况"]) + unitTable.csv()
    out += CSV.row(["三、滞后事项"]) + laggingTable.csv()
    out += CSV.row(["四、需督促的单位"]) + CSV.row([laggingUnitsSentence])
    return out
  }
}
