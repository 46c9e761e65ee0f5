import DubanCore

/// A form over the dashboard: a unit's work plan, or a period report. Fields take Chinese
/// input and wrap by display width; Tab moves between them, Enter or Ctrl-S saves, Esc cancels.
public struct Form: Equatable, Sendable {
  public enum Kind: Equatable, Sendable {
    /// `opened`: the plan as it was when the form opened, to tell what the user changed.
    case workPlan(unit: String, opened: WorkPlan?)
    case periodReport(itemID: String, period: String, unit: String?)
    /// An item's text and units (Form+Item.swift).
    case item(itemID: String, opened: ItemState)
    /// The plan's dates: the work-plan deadline and every report deadline.
    case calendar
  }

  public struct Field: Equatable, Sendable {
    /// What the field holds: "owner", "content", "deadline", "leader", "office", "item",
    /// "progressText", "problems", "nextSteps", "progress".
    public var key: String
    public var label: String
    public var editor: LineEditor
    public var readOnly: Bool
    /// For work plan rows: the item the row belongs to.
    public var item: String?
  }

  public var kind: Kind
  public var title: String
  public var fields: [Field]
  public var focus: Int
  /// Why the last save was refused, shown under the focused field; the form stays open.
  public var error: String?
  /// Esc on a changed form asks first: a second Esc (or y) discards.
  public var askingToDiscard = false
  /// The values the form opened with: what "changed" means.
  let original: [String]

  public init(kind: Kind, title: String, fields: [Field]) {
    self.kind = kind
    self.title = title
    self.fields = fields
    original = fields.map(\.editor.text)
    focus = fields.firstIndex { !$0.readOnly } ?? 0
  }

  public var isChanged: Bool { fields.map(\.editor.text) != original }

  public mutating func focus(key: String) {
    if let i = fields.firstIndex(where: { $0.key == key }) { focus = i }
  }

  public mutating func moveFocus(by step: Int) {
    var i = focus
    for _ in 0..<fields.count {
      i = (i + step + fields.count) % fields.count
      if !fields[i].readOnly {
        focus = i
        return
      }
    }
  }

  public func value(_ key: String) -> String { fields.first { $0.key == key }?.editor.text.trimmed ?? "" }

  static let rowKeys = ["content", "deadline", "leader", "office"]

  static func rowFields(item: String, row: WorkPlanRow?, lang: Lang) -> [Field] {
    let labels = [
      lang.pick("具体工作内容", "work content"), lang.pick("完成时限", "deadline"), lang.pick("分管领导", "official in charge"),
      lang.pick("责任科室", "responsible office"),
    ]
    let values = [row?.content, row?.deadline, row?.leader, row?.office]
    return zip(zip(rowKeys, labels), values).map { kl, v in
      Field(key: kl.0, label: kl.1, editor: LineEditor(v ?? "", selected: true), readOnly: false, item: item)
    }
  }

  /// A unit's work plan: 总责任人, then for each item the unit is named on its rows.
  public static func workPlan(unit: String, doc: StoreDocument, lang: Lang) -> Form {
    let wp = doc.workPlan(of: unit)
    var fields = [
      Field(
        key: "owner", label: lang.pick("总责任人", "owner"), editor: LineEditor(wp?.owner ?? "", selected: true),
        readOnly: false,
        item: nil
      )
    ]
    for item in doc.plan.itemsForWorkPlan(of: unit) {
      let lead = item.lead.contains(unit) ? lang.pick("（牵头）", " (lead)") : ""
      fields.append(
        Field(
          key: "item", label: lang.pick("责任事项 ", "item ") + item.id + lead, editor: LineEditor(item.text),
          readOnly: true, item: item.id))
      let rows = wp?.rows.filter { $0.item == item.id } ?? []
      for row in rows.isEmpty ? [nil] : rows.map(Optional.some) {
        fields += rowFields(item: item.id, row: row, lang: lang)
      }
    }
    return Form(
      kind: .workPlan(unit: unit, opened: wp),
      title: lang.pick(
        "\(unit)办理方案（Tab 换栏，Ctrl-N 加一行，Enter 保存，Esc 取消）",
        "\(unit) work plan (Tab next, Ctrl-N add row, Enter saves, Esc cancels)"),
      fields: fields)
  }

  /// Adds an empty row for the item of the focused field, after its last row.
  public mutating func addRow(lang: Lang) {
    guard case .workPlan = kind, let item = fields[focus].item else { return }
    let last = fields.lastIndex { $0.item == item } ?? focus
    fields.insert(contentsOf: Self.rowFields(item: item, row: nil, lang: lang), at: last + 1)
    focus = last + 1
  }

  /// The rows as filled in, every item of the form (empty rows left out).
  func workPlanRows() -> [WorkPlanRow] {
    var rows: [WorkPlanRow] = []
    var i = 0
    while i < fields.count {
      if fields[i].key == "content", let item = fields[i].item, i + 3 < fields.count {
        let v = (0..<4).map { fields[i + $0].editor.text.trimmed }
        rows.append(WorkPlanRow(item: item, content: v[0], deadline: v[1], leader: v[2], office: v[3]))
        i += 4
      } else {
        i += 1
      }
    }
    return rows.filter { !$0.isEmpty }
  }

  /// What the user changed, as an edit of only the items whose rows differ from the plan
  /// the form opened on (and the owner, if changed): rows others add meanwhile stay.
  public func workPlanEdit(unit: String, opened: WorkPlan?) -> WorkPlanEdit {
    let rows = workPlanRows()
    let items = fields.compactMap { $0.key == "item" ? $0.item : nil }
    var changed: [WorkPlanEdit.ItemRows] = []
    for item in items {
      let now = rows.filter { $0.item == item }
      let before = opened?.rows.filter { $0.item == item && !$0.isEmpty } ?? []
      if now != before { changed.append(WorkPlanEdit.ItemRows(item: item, rows: now)) }
    }
    let owner = value("owner")
    return WorkPlanEdit(unit: unit, owner: owner == (opened?.owner ?? "") ? nil : owner, items: changed)
  }

  /// The period report of a unit on an item, prefilled with what it filed before.
  /// `choices`: the periods the clerk may change it to (those the unit owes past their
  /// deadline, and the current one); the period field shows them.
  public static func periodReport(
    item: Item, period: ReportPeriod, unit: String?, lang: Lang, choices: [ReportPeriod] = []
  ) -> Form {
    let old = item.reports.first { $0.period == period.id && $0.unit == unit }
    var fields = [
      Field(
        key: "item", label: lang.pick("责任事项 ", "item ") + item.id, editor: LineEditor(item.text), readOnly: true,
        item: item.id),
      Field(
        key: "progressText", label: lang.pick("进展情况", "progress made"),
        editor: LineEditor(old?.progressText ?? "", selected: true),
        readOnly: false, item: nil),
      Field(
        key: "problems", label: lang.pick("存在问题", "problems"), editor: LineEditor(old?.problems ?? "", selected: true),
        readOnly: false,
        item: nil),
      Field(
        key: "nextSteps", label: lang.pick("下一步措施", "next steps"),
        editor: LineEditor(old?.nextSteps ?? "", selected: true),
        readOnly: false, item: nil),
      Field(
        key: "progress", label: lang.pick("进度（0–100）", "progress (0–100)"),
        // Only this unit's own figure for the period: never another unit's nor the item's.
        editor: LineEditor(old?.progress.map(String.init) ?? "", selected: true), readOnly: false, item: nil),
    ]
    if !choices.isEmpty {
      let names = choices.map { lang.pick($0.name, $0.id) }.joined(separator: lang.pick("、", ", "))
      fields.insert(
        Field(
          key: "period", label: lang.pick("期次（↑ 到此修改，可填：\(names)）", "period (↑ to change; may be: \(names))"),
          editor: LineEditor(lang.pick(period.name, period.id), selected: true), readOnly: false, item: nil), at: 1)
    }
    var form = Form(
      kind: .periodReport(itemID: item.id, period: period.id, unit: unit),
      title: periodReportTitle(item.id, period, unit, lang), fields: fields)
    // Typing starts on the report, not on the period.
    form.focus(key: "progressText")
    return form
  }

  static func periodReportTitle(_ id: String, _ period: ReportPeriod, _ unit: String?, _ lang: Lang) -> String {
    lang.pick(
      "\(period.name)进展 \(id) · \(unit ?? "—")（Enter 保存，Esc 取消）",
      "\(period.id) report on \(id) · \(unit ?? "—") (Enter saves, Esc cancels)")
  }

  /// The period typed in the form's period field: its id (Q2), its name (第二季度, 二季度)
  /// or its place in the year (2), in either case and width; nil when it names none of the
  /// plan's periods.
  public static func period(typed text: String, in periods: [ReportPeriod]) -> ReportPeriod? {
    let t = UserInput.halfWidth(text).trimmed.uppercased()
    if let n = Int(t), periods.indices.contains(n - 1) { return periods[n - 1] }
    return periods.first {
      $0.id.uppercased() == t || $0.name == t || ($0.name.hasPrefix("第") && String($0.name.dropFirst()) == t)
    }
  }
}
