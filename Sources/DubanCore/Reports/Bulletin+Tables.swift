/// The bulletin's tables and sentences for other renderers (the .xlsx and .docx writers).
extension Bulletin {
  public struct Table: Sendable {
    public var title: String
    /// A short name for a sheet.
    public var sheet: String
    public var headers: [String]
    public var rows: [[String]]
    /// Columns that hold counts.
    public var numeric: Set<Int>
  }

  public var tables: [Table] {
    [
      Table(
        title: "一、总体完成情况", sheet: "总体完成情况", headers: sectionTable.headers, rows: sectionTable.rows,
        numeric: [1, 2, 3, 4]),
      Table(
        title: "二、各单位办理情况", sheet: "各单位办理情况", headers: unitTable.headers, rows: unitTable.rows,
        numeric: [1, 2, 3, 4, 5]),
      Table(
        title: "三、滞后事项（\(laggingItems.count)项）", sheet: "滞后事项", headers: laggingTable.headers,
        rows: laggingTable.rows, numeric: []),
    ]
  }

  public var summary: String { summarySentence }
  /// Dates in sentences as an office writes them (2019年4月10日), never ISO.
  public var dueSentence: String {
    due.map { "本期（\(periodName)）进展报送截止日期为\(Bulletin.chineseDate($0))。" } ?? ""
  }
  public var urging: String { laggingUnitsSentence }
  public var signedDate: String { Bulletin.chineseDate(asOf) }
}
