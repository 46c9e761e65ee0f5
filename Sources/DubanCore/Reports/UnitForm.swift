/// A unit's period-report form (进展情况报送表), as sent to the unit and read back: a title
/// naming the plan, a row naming unit, period and deadline, the column headers, then one
/// row per item the unit files for (`ReportDuty.files`: the item's leads, else every unit it
/// names, a group standing for its members — the rows `due` counts),
/// prefilled with what the unit already filed.
public struct UnitForm: Sendable {
  public static let headers = ["编号", "事项", "进展情况", "存在问题", "下一步措施", "进度"]
  /// Labels of the row under the title; the cell after each holds the value.
  public static let unitLabel = "填报单位"
  public static let periodLabel = "报送期次"
  public static let dueLabel = "报送截止"
  static let titleSuffix = "进展情况报送表"

  public struct Row: Equatable, Sendable {
    public var id: String
    public var text: String
    public var progressText: String
    public var problems: String
    public var nextSteps: String
    public var progress: Int?
  }

  public var planTitle: String
  public var unit: String
  public var period: ReportPeriod
  public var rows: [Row]

  public init(_ doc: StoreDocument, unit: String, period: ReportPeriod) {
    planTitle = doc.plan.title
    self.unit = unit
    self.period = period
    let duty = doc.duty
    rows = doc.plan.items.filter { duty.files($0, unit: unit) }.map { item in
      let f = duty.filing(item, unit: unit, period: period.id)
      return Row(
        id: item.id, text: item.text, progressText: f?.progressText ?? "", problems: f?.problems ?? "",
        nextSteps: f?.nextSteps ?? "", progress: f?.progress)
    }
  }

  /// The title a form carries; collecting checks it to refuse another plan's form.
  public static func title(planTitle: String) -> String { planTitle + titleSuffix }
  public var title: String { UnitForm.title(planTitle: planTitle) }

  /// How the period reads in the title row: 第一季度（Q1）. Collecting reads the id back.
  public var periodCell: String { "\(period.name)（\(period.id)）" }

  /// The file name a clerk sees: 区发改委-第一季度进展情况报送表.
  public var fileStem: String { FileName.safe("\(unit)-\(period.name)\(UnitForm.titleSuffix)") }

  /// Header rows (title, title row, column headers) and the rows, as text.
  public var grid: [[String]] {
    [
      [title], [UnitForm.unitLabel, unit, UnitForm.periodLabel, periodCell, UnitForm.dueLabel, period.due],
      UnitForm.headers,
    ]
      + rows.map { [$0.id, $0.text, $0.progressText, $0.problems, $0.nextSteps, $0.progress.map(String.init) ?? ""] }
  }

  /// The CSV form (UTF-8 BOM, CRLF): the title carries duban's export marker.
  public func csv() -> String {
    var g = grid
    g[0][0] = "duban 导出：" + g[0][0]
    return ExportFile.bom + g.map(CSV.row).joined()
  }

  /// The forms of every unit that files something in the period, in the plan's unit order.
  public static func all(_ doc: StoreDocument, period: ReportPeriod) -> [UnitForm] {
    doc.plan.units.filter { $0.kind == .unit }.map { UnitForm(doc, unit: $0.name, period: period) }
      .filter { !$0.rows.isEmpty }
  }
}

/// File names from data: no path separators, controls or characters Windows refuses.
public enum FileName {
  public static func safe(_ s: String) -> String {
    let bad = Set("/\\:*?\"<>|".unicodeScalars)
    let kept = TerminalSafe.line(s).unicodeScalars.filter { !bad.contains($0) && $0.value >= 0x20 && $0 != "\u{FFFD}" }
    let name = String(String.UnicodeScalarView(kept)).trimmed
    return name.isEmpty || name.hasPrefix(".") ? "_" + name : String(name.prefix(100))
  }
}
