import FoundationEssentials

/// `duban sheet`: a unit's 办理方案 in the attachment's columns, headed by the unit and its
/// 总责任人. Every item the unit is named on is listed, with its rows or blank.
public enum WorkPlanSheet {
  public static let headers = ["序号", "责任事项", "具体工作内容", "完成时限", "分管领导", "责任科室"]
  /// The row under the title that names the plan (its title), so collecting refuses a work
  /// plan of another plan (`PlanCheck`).
  public static let planLabel = "所属方案"

  public static func rows(_ doc: StoreDocument, unit: String) -> [[String]] {
    let wp = doc.workPlan(of: unit)
    var out: [[String]] = []
    for (n, item) in doc.plan.itemsForWorkPlan(of: unit).enumerated() {
      let role = item.lead.contains(unit) ? "（牵头）" : ""
      let subject = "\(item.id) \(item.text)\(role)"
      let rows = wp?.rows.filter { $0.item == item.id } ?? []
      if rows.isEmpty {
        out.append(["\(n + 1)", subject, "", "", "", ""])
      }
      for (k, r) in rows.enumerated() {
        out.append([k == 0 ? "\(n + 1)" : "", k == 0 ? subject : "", r.content, r.deadline, r.leader, r.office])
      }
    }
    return out
  }

  public static func render(_ doc: StoreDocument, unit: String, format: ExportFormat) -> String {
    let wp = doc.workPlan(of: unit)
    let owner = wp?.owner.isEmpty == false ? wp!.owner : "（未填）"
    let filed = wp?.filed.map { "已报送 \($0)" } ?? "未报送"
    let due = doc.plan.calendar.workPlanDue.map { "，报送截止 \($0)" } ?? ""
    let table = ExportTable(headers: headers, rows: rows(doc, unit: unit))
    switch format {
    case .md:
      // Header fields are one line each: a newline in an owner's name cannot start a heading.
      let l = TerminalSafe.line
      return """
        \(ExportFile.markdownMarker)
        # \(l(unit))办理方案

        总责任人：\(l(owner))　　状态：\(l(filed))\(l(due))

        \(table.markdown())
        """
    case .csv:
      return ExportFile.bom + CSV.row(["duban 导出：\(unit)办理方案"]) + CSV.row([planLabel, doc.plan.title])
        + CSV.row(["总责任人", owner, "状态", filed])
        + table.csv()
    case .json:
      let rows = rows(doc, unit: unit).map { Dictionary(uniqueKeysWithValues: zip(jsonKeys, $0)) }
      return ExportJSON.encode(SheetJSON(unit: unit, owner: wp?.owner ?? "", filed: wp?.filed, rows: rows))
    }
  }

  static let jsonKeys = ["number", "item", "content", "deadline", "leader", "office"]

  struct SheetJSON: Encodable {
    var generator = "duban"
    var unit: String
    var owner: String
    var filed: String?
    var rows: [[String: String]]
  }
}

enum ExportJSON {
  static func encode<T: Encodable>(_ value: T) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return ((try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}") + "\n"
  }
}
