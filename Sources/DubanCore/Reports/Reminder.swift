/// 催办通知: what one unit owes — reports past their deadline and those due soon — by the
/// chase list (`ChaseList`, on `ReportDuty`): the rows the .docx notice and `duban remind`
/// print.
public struct Reminder: Sendable {
  public struct Owed: Sendable, Equatable {
    public var item: String
    public var text: String
    public var period: String
    public var due: String
    public var overdue: Bool
  }

  public var unit: String
  public var asOf: Day
  public var owed: [Owed]

  public init(_ doc: StoreDocument, unit: String, today: Day) {
    self.unit = unit
    asOf = today
    // The chase list's rule (ReportDuty through ChaseList): the notice lists what `duban
    // chase` and the dashboard's C list for this unit, in the same order.
    let entries = ChaseList(doc, today: today, unit: unit).units.first { $0.unit == unit }
    owed = (entries?.owed ?? []).map {
      Owed(
        item: $0.itemID, text: $0.text, period: $0.period.name, due: $0.due.description,
        overdue: $0.standing == .overdue)
    }
  }

  /// The title every 催办通知 carries (the chase list's letter says the same: `ChaseNotice`).
  public var title: String { ChaseNotice.Letter.title }

  public var body: String {
    let overdue = owed.filter(\.overdue).count
    let soon = owed.count - overdue
    if owed.isEmpty { return "截至\(Bulletin.chineseDate(asOf.description))，你单位没有逾期或即将到期的进展报送。" }
    return
      "截至\(Bulletin.chineseDate(asOf.description))，你单位有\(overdue)项进展报送已逾期、\(soon)项即将到期（明细见下表）。请高度重视，于收到本通知后3个工作日内按要求报送，逾期将在通报中予以点名。"
  }

  public static let headers = ["编号", "事项", "期次", "截止日期", "状态"]

  public var rows: [[String]] {
    owed.map { [$0.item, $0.text, $0.period, Bulletin.chineseDate($0.due), $0.overdue ? "已逾期" : "即将到期"] }
  }
}
