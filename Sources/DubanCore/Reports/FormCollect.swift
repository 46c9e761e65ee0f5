/// Reading filled forms back (`duban collect`, the dashboard's `I`): a unit's period-report
/// form (`UnitForm`) or its work plan (`WorkPlanSheet`), from the cells of a sheet. Every
/// row is checked against the plan; what it changes becomes the same edits the dashboard
/// makes (`ItemEdit.periodReport`, `WorkPlanEdit`). Rows equal to what is stored change
/// nothing, so collecting a file twice changes nothing the second time.
public enum FormCollect {
  /// What one file holds.
  public struct Form: Sendable {
    public enum Kind: Equatable, Sendable {
      case report(unit: String, period: String)
      case workPlan(unit: String)
    }

    public var file: String
    public var sheet: String
    public var kind: Kind?
    public var reports: [ReportChange] = []
    public var workPlan: WorkPlanEdit?
    /// Items whose work-plan rows change, for the summary.
    public var workPlanItems: [String] = []
    /// Per changed item: rows added, filed rows kept that the sheet did not return.
    public var workPlanCounts: [String: RowCounts] = [:]
    public var problems: [Problem] = []
    /// What was accepted but is worth saying (an older form that names no plan).
    public var notes: [Problem] = []
    /// Rows with anything typed in them (a blank form has none): the summary tells a form
    /// never filled in from one collected already.
    public var filledRows = 0

    public var changeCount: Int { reports.count + (workPlan.map { ($0.owner == nil ? 0 : 1) + $0.items.count } ?? 0) }
  }

  public struct ReportChange: Sendable {
    public var item: String
    public var filing: ReportFiling
    /// The columns that changed (进展情况, 进度, …).
    public var fields: [String]
    /// What the unit had filed for the period before (nil: nothing), and the item's progress
    /// then, for the preview.
    public var before: ReportFiling? = nil
    public var progressBefore: Int? = nil
    /// The item's progress and status once the report is stored (`ReportDuty.reportEdits`).
    public var progressAfter: Int? = nil
    public var statusBefore: Status? = nil
    public var statusAfter: Status? = nil
    /// Whether the report's figure counts for the item's progress (newest period, a
    /// reporting unit); false: it is kept in the report only.
    public var counted = true
  }

  /// A bad row or header: where it is and why, in both languages.
  public struct Problem: Error, Sendable, Equatable {
    public var file: String
    public var sheet: String
    public var row: Int?
    public var column: Int?
    public var zh: String
    public var en: String

    public func message(_ lang: Lang) -> String {
      var at = file
      if !sheet.isEmpty { at += lang.pick("：工作表“\(sheet)”", ": sheet “\(sheet)”") }
      if let row { at += lang.pick("：第 \(row) 行", ", row \(row)") }
      if let column { at += lang.pick(" \(SheetGrid.column(column)) 列", ", column \(SheetGrid.column(column))") }
      return at + lang.pick("：", ": ") + lang.pick(zh, en)
    }
  }

  /// Reads the first sheet that holds a form. `collector` is who collects (history says so,
  /// with the file).
  public static func read(_ sheets: [SheetGrid], file: String, doc: StoreDocument, day: Day) -> Form {
    for grid in sheets {
      if let form = readReport(grid, file: file, doc: doc, day: day) { return form }
      if let form = readWorkPlan(grid, file: file, doc: doc) { return form }
    }
    var form = Form(file: file, sheet: sheets.first?.sheet ?? "")
    form.problems.append(
      Problem(
        file: file, sheet: "", row: nil, column: nil,
        zh: "不是 duban 的进展情况报送表或办理方案（找不到“\(UnitForm.unitLabel)”或“序号、责任事项…”表头）",
        en: "not a duban report form or work plan (no “\(UnitForm.unitLabel)” row or 序号/责任事项 header)"))
    return form
  }

  /// The title a CSV export starts with.
  static let exportMarker = "duban 导出："

  static func norm(_ s: String) -> String {
    s.replacing("\r\n", with: "\n").replacing("\r", with: "\n").trimmed
  }

  // MARK: report forms

  static func readReport(_ grid: SheetGrid, file: String, doc: StoreDocument, day: Day) -> Form? {
    guard let t = grid.rows.firstIndex(where: { norm($0[0]) == UnitForm.unitLabel }) else { return nil }
    var form = Form(file: file, sheet: grid.sheet)
    func problem(_ row: Int?, _ column: Int?, _ zh: String, _ en: String) {
      form.problems.append(Problem(file: file, sheet: grid.sheet, row: row, column: column, zh: zh, en: en))
    }
    let titleRow = grid.rows[t]
    // The plan: the title above names it. A form of another plan is refused; an older one
    // that names no plan is read, with a note (`PlanCheck`).
    let title = t > 0 ? norm(grid.rows[t - 1][0]) : ""
    let bare = title.hasPrefix(exportMarker) ? String(title.dropFirst(exportMarker.count)) : title
    let titleAt = (row: t > 0 ? grid.rows[t - 1].number : titleRow.number, column: 0)
    let ours = UnitForm.title(planTitle: doc.plan.title)
    guard
      form.admit(
        PlanCheck.reportTitle(bare, plan: doc.plan.title), at: titleAt, plan: doc.plan.title,
        otherZh: "这份报送表属于另一个方案（“\(bare)”，本数据文件是“\(ours)”）",
        otherEn: "this form belongs to another plan (“\(bare)”; the store holds “\(ours)”)")
    else { return form }
    let unitName = norm(titleRow[1])
    guard let unit = doc.plan.unit(named: unitName), unit.kind == .unit else {
      problem(titleRow.number, 1, "本方案没有单位“\(unitName)”", "this plan has no unit “\(unitName)”")
      return form
    }
    let periodText = norm(titleRow[3])
    guard norm(titleRow[2]) == UnitForm.periodLabel,
      let period = doc.plan.calendar.periods.first(where: {
        periodText == "\($0.name)（\($0.id)）" || periodText == $0.id || periodText == $0.name
      })
    else {
      problem(
        titleRow.number, 3, "本方案没有期次“\(periodText)”", "this plan has no period “\(periodText)”")
      return form
    }
    form.kind = .report(unit: unit.name, period: period.id)
    // The header row follows the title row.
    guard t + 1 < grid.rows.count else {
      problem(titleRow.number + 1, 0, "缺少表头：\(UnitForm.headers.joined(separator: "、"))", "the header row is missing")
      return form
    }
    let header = grid.rows[t + 1]
    for (c, name) in UnitForm.headers.enumerated() where norm(header[c]) != name {
      problem(
        header.number, c, "表头应为“\(name)”，却是“\(norm(header[c]))”；请用 duban form 重新生成报送表",
        "the header should read “\(name)”, not “\(norm(header[c]))”; make the form again with duban form")
      return form
    }
    let duty = doc.duty
    var seen: [String: Int] = [:]
    for row in grid.rows[(t + 2)...] where !row.isBlank {
      var id = norm(row[0])
      guard !id.isEmpty else {
        problem(row.number, 0, "缺少编号", "the 编号 is empty")
        continue
      }
      if let first = seen[id] {
        problem(row.number, 0, "事项 \(id) 与第 \(first) 行重复", "item \(id) repeats row \(first)")
        continue
      }
      seen[id] = row.number
      // A spreadsheet that took 编号 2.10 for the number 2.1: the item text says which.
      let text = norm(row[1])
      if doc.plan.item(id: id).map({ norm($0.text) != text }) ?? true, let n = Double(id),
        let meant = doc.plan.items.first(where: {
          Double($0.id) == n && norm($0.text) == text && duty.files($0, unit: unit.name)
        })
      {
        id = meant.id
      }
      guard let item = doc.plan.item(id: id) else {
        problem(row.number, 0, "本方案没有事项 \(id)", "this plan has no item \(id)")
        continue
      }
      // The rows the unit's form has (`UnitForm`): a unit that only shares a led item does
      // not report on it; its lead does.
      // A form made before this rule may carry such a row: left blank, it is no problem.
      let typed = !(2...5).allSatisfy({ norm(row[$0]).isEmpty })
      guard duty.files(item, unit: unit.name) || typed else { continue }
      guard duty.files(item, unit: unit.name) else {
        let by = duty.reporters(of: item).joined(separator: "、")
        problem(
          row.number, 0, "事项 \(id) 不由\(unit.name)报送" + (by.isEmpty ? "" : "（由\(by)报送）"),
          "\(unit.name) does not file for item \(id)" + (by.isEmpty ? "" : " (\(by) does)"))
        continue
      }
      guard norm(row[1]) == norm(item.text) else {
        problem(
          row.number, 1, "事项 \(id) 的文字被改动；事项内容以分解方案为准，请勿修改",
          "the text of item \(id) was changed; the plan's text stands, do not edit it")
        continue
      }
      if !(2...5).allSatisfy({ norm(row[$0]).isEmpty }) { form.filledRows += 1 }
      var progress: Int? = nil
      let p = norm(UserInput.halfWidth(row[5]))
      if !p.isEmpty {
        let digits = p.hasSuffix("%") ? String(p.dropLast()).trimmed : p
        guard let v = Double(digits), v == v.rounded(), (0...100).contains(v) else {
          problem(row.number, 5, "进度“\(p)”应为 0 到 100 的整数", "progress “\(p)” must be a whole number from 0 to 100")
          continue
        }
        progress = Int(v)
      }
      let old = item.reports.first { $0.period == period.id && $0.unit == unit.name }
      // A blank cell keeps what the unit already filed: an older copy of the form (or a row
      // left empty) never erases a report; a unit changes its text by writing the new one.
      func cell(_ column: Int, _ filed: String?) -> String {
        let typed = norm(row[column])
        return typed.isEmpty ? norm(filed ?? "") : typed
      }
      let texts = (cell(2, old?.progressText), cell(3, old?.problems), cell(4, old?.nextSteps))
      if progress == nil { progress = old?.progress }
      var fields: [String] = []
      if texts.0 != norm(old?.progressText ?? "") { fields.append("进展情况") }
      if texts.1 != norm(old?.problems ?? "") { fields.append("存在问题") }
      if texts.2 != norm(old?.nextSteps ?? "") { fields.append("下一步措施") }
      if progress != old?.progress { fields.append("进度") }
      // Nothing filled in and nothing filed: the unit left the row blank.
      if fields.isEmpty || (old == nil && texts == ("", "", "") && progress == nil) { continue }
      if let closed = item.closed {
        problem(
          row.number, 2, "事项 \(id) 已于 \(closed.date) 销号，不能再报送", "item \(id) was closed out on \(closed.date)")
        continue
      }
      let filing = ReportFiling(
        period: period.id, filed: day.description, user: "", unit: unit.name, progressText: texts.0,
        problems: texts.1, nextSteps: texts.2, progress: progress)
      // What the report does to the item, by the one rule (`ReportDuty.reportEdits`).
      var after = ItemRecorder(item: item, stamp: Stamp(user: "", time: ""))
      let edits = duty.reportEdits(item, filing)
      for edit in edits { try? after.apply(edit) }
      form.reports.append(
        ReportChange(
          item: id, filing: filing, fields: fields, before: old, progressBefore: item.progress,
          progressAfter: after.item.progress, statusBefore: item.status, statusAfter: after.item.status,
          counted: edits.count > 1))
    }
    return form
  }

  // MARK: work plans

  static func readWorkPlan(_ grid: SheetGrid, file: String, doc: StoreDocument) -> Form? {
    guard
      let h = grid.rows.firstIndex(where: {
        norm($0[0]) == WorkPlanSheet.headers[0] && norm($0[1]) == WorkPlanSheet.headers[1]
      })
    else { return nil }
    var form = Form(file: file, sheet: grid.sheet)
    func problem(_ row: Int?, _ column: Int?, _ zh: String, _ en: String) {
      form.problems.append(Problem(file: file, sheet: grid.sheet, row: row, column: column, zh: zh, en: en))
    }
    let header = grid.rows[h]
    for (c, name) in WorkPlanSheet.headers.enumerated() where norm(header[c]) != name {
      problem(
        header.number, c, "表头应为“\(name)”，却是“\(norm(header[c]))”",
        "the header should read “\(name)”, not “\(norm(header[c]))”")
      return form
    }
    // The title names the unit: "区发改委办理方案" (a CSV's carries duban's marker).
    let titleIndex = grid.rows[..<h].firstIndex { norm($0[0]).hasSuffix("办理方案") }
    var unitName = titleIndex.map { norm(grid.rows[$0][0]) } ?? ""
    if unitName.hasPrefix(exportMarker) { unitName.removeFirst(exportMarker.count) }
    if unitName.hasSuffix("办理方案") { unitName.removeLast("办理方案".count) }
    // The plan: the 所属方案 row under the title (work plans written before it was added
    // name no plan: read, with a note). Checked first: another plan's units are not ours.
    let planRow = grid.rows[..<h].first { norm($0[0]) == WorkPlanSheet.planLabel }
    let named = planRow.map { norm($0[1]) } ?? ""
    let planAt = (row: planRow?.number ?? titleIndex.map { grid.rows[$0].number } ?? 1, column: planRow == nil ? 0 : 1)
    guard
      form.admit(
        PlanCheck.workPlanTitle(named, plan: doc.plan.title), at: planAt, plan: doc.plan.title,
        otherZh: "这份办理方案属于另一个方案（“\(named)”，本数据文件是“\(doc.plan.title)”）",
        otherEn: "this work plan belongs to another plan (“\(named)”; the store holds “\(doc.plan.title)”)")
    else { return form }
    guard let unit = doc.plan.unit(named: unitName), unit.kind == .unit else {
      problem(
        titleIndex.map { grid.rows[$0].number } ?? 1, 0, "本方案没有单位“\(unitName)”（标题应为“某单位办理方案”）",
        "this plan has no unit “\(unitName)” (the title should read “UNIT办理方案”)")
      return form
    }
    form.kind = .workPlan(unit: unit.name)
    let current = doc.workPlan(of: unit.name)
    var owner: String? = nil
    if let o = grid.rows[..<h].first(where: { norm($0[0]) == "总责任人" }) {
      let v = norm(o[1])
      if !v.isEmpty, v != "（未填）", v != current?.owner { owner = v }
    }
    let allowed = doc.plan.itemsForWorkPlan(of: unit.name)
    var rows: [String: [WorkPlanRow]] = [:]
    var order: [String] = []
    var currentItem: String? = nil
    var lastNumber: Int? = nil
    for row in grid.rows[(h + 1)...] where !row.isBlank {
      let subject = norm(row[1])
      if subject.isEmpty {
        guard let item = currentItem, norm(row[0]).isEmpty else {
          problem(row.number, 1, "缺少责任事项", "the 责任事项 is empty")
          currentItem = nil
          continue
        }
        rows[item, default: []].append(workRow(item, row))
        continue
      }
      // 序号 numbers the items 1, 2, 3: a gap means an item's first row was deleted, and the
      // rows under it would be read as the item above's.
      if let n = Int(norm(row[0])) {
        if let last = lastNumber, n != last + 1 {
          problem(
            row.number, 0,
            "序号从 \(last) 跳到 \(n)：有事项的首行（序号、责任事项）被删除，其下的行会被算到上一个事项；请勿删除事项的首行",
            "序号 jumps from \(last) to \(n): an item's first row (序号, 责任事项) was deleted, and the rows under it would count for the item above; do not delete an item's first row"
          )
        }
        lastNumber = n
      }
      let id = String(subject.prefix { !$0.isWhitespace })
      guard let item = allowed.first(where: { $0.id == id }) else {
        currentItem = nil
        if doc.plan.item(id: id) == nil {
          problem(row.number, 1, "本方案没有事项“\(id)”", "this plan has no item “\(id)”")
        } else {
          problem(row.number, 1, "事项 \(id) 没有列\(unit.name)为责任单位", "item \(id) does not name \(unit.name)")
        }
        continue
      }
      let text = norm(String(subject.dropFirst(id.count)))
      guard text == norm(item.text) || text == norm(item.text) + "（牵头）" else {
        currentItem = nil
        problem(row.number, 1, "事项 \(id) 的文字被改动；请勿修改责任事项", "the text of item \(id) was changed; do not edit 责任事项")
        continue
      }
      if rows[id] != nil {
        currentItem = nil
        problem(row.number, 1, "事项 \(id) 重复出现", "item \(id) appears twice")
        continue
      }
      currentItem = id
      order.append(id)
      rows[id] = [workRow(id, row)]
    }
    var changed: [WorkPlanEdit.ItemRows] = []
    var counts: [String: RowCounts] = [:]
    for id in order {
      let returned = rows[id]!
      let old = current?.rows.filter { $0.item == id } ?? []
      if returned.contains(where: { !$0.isEmpty }) { form.filledRows += 1 }
      let (new, count) = merged(returned, filed: old)
      if new != old {
        changed.append(.init(item: id, rows: new))
        counts[id] = count
      }
    }
    if owner != nil || !changed.isEmpty {
      form.workPlan = WorkPlanEdit(unit: unit.name, owner: owner, items: changed)
      form.workPlanItems = changed.map(\.item)
      form.workPlanCounts = counts
    }
    return form
  }

  /// What collecting did to an item's rows beyond editing them, for the summary.
  public struct RowCounts: Equatable, Sendable {
    /// Rows returned beyond those filed.
    public var added = 0
    /// Filed rows the sheet did not return (an older copy, or a row deleted in it): kept.
    public var kept = 0
  }

  /// An item's returned rows laid over its filed ones. A returned work plan can change and
  /// add rows but never remove them (as on report forms, a blank never erases); filed rows
  /// the sheet does not return are kept. A row is known by its 具体工作内容: a returned row
  /// with a filed row's content updates that row, wherever it stands (an older copy, a row
  /// deleted or moved in the sheet loses nothing). A row with new content that leaves cells
  /// blank was typed over the row in its place: it edits that row, its blanks keeping the
  /// filed values. A new row complete in itself is added.
  static func merged(_ returned: [WorkPlanRow], filed: [WorkPlanRow]) -> ([WorkPlanRow], RowCounts) {
    var rows = filed
    var taken = Set<Int>()
    var place = [Int?](repeating: nil, count: returned.count)
    for (k, row) in returned.enumerated() where !row.content.isEmpty {
      place[k] = filed.indices.first { !taken.contains($0) && filed[$0].content == row.content }
      if let i = place[k] { taken.insert(i) }
    }
    var count = RowCounts()
    for (k, row) in returned.enumerated() where !row.isEmpty {
      let blanks = [row.content, row.deadline, row.leader, row.office].contains(where: \.isEmpty)
      if place[k] == nil, blanks, k < filed.count, !taken.contains(k) {
        place[k] = k
        taken.insert(k)
      }
      if let i = place[k] {
        rows[i] = row.keepingFilled(filed[i])
      } else {
        rows.append(row)
        count.added += 1
      }
    }
    count.kept = filed.count - taken.count
    return (rows, count)
  }

  static func workRow(_ item: String, _ row: SheetGrid.Row) -> WorkPlanRow {
    WorkPlanRow(item: item, content: norm(row[2]), deadline: norm(row[3]), leader: norm(row[4]), office: norm(row[5]))
  }

  // MARK: applying

  /// Applies what the form changes to the document, all or nothing. `partial` is the
  /// caller's: the problems were already reported, the good rows apply.
  @discardableResult
  public static func apply(_ form: Form, to doc: inout StoreDocument, stamp: Stamp, day: Day) throws -> [Change] {
    var changes: [Change] = []
    var copy = doc
    let duty = copy.duty
    for r in form.reports {
      guard let item = copy.plan.item(id: r.item) else { throw EditError.noItem(r.item) }
      changes += try copy.plan.apply(duty.reportEdits(item, r.filing), to: r.item, stamp: stamp)
    }
    if let edit = form.workPlan { changes += try copy.apply(edit, day: day.description, stamp: stamp) }
    doc = copy
    return changes
  }

  /// Who collected it, from which file: what the history records as the user.
  public static func collector(_ user: String, file: String) -> String { "\(user)（收集自 \(file)）" }
}

extension WorkPlanRow {
  /// This row with its blank cells taken from `filed`.
  func keepingFilled(_ filed: WorkPlanRow) -> WorkPlanRow {
    func pick(_ typed: String, _ old: String) -> String { typed.isEmpty ? old : typed }
    return WorkPlanRow(
      item: item, content: pick(content, filed.content), deadline: pick(deadline, filed.deadline),
      leader: pick(leader, filed.leader), office: pick(office, filed.office))
  }
}
