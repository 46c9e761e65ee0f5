/// A change to one unit's work plan: its 总责任人 and/or the rows of some of its items.
/// Items not named keep their rows, so the dashboard's form and `duban workplan` merge the
/// same way, on the newest file, and neither drops rows someone else added meanwhile.
public struct WorkPlanEdit: Equatable, Sendable {
  public struct ItemRows: Equatable, Sendable {
    public var item: String
    public var rows: [WorkPlanRow]

    public init(item: String, rows: [WorkPlanRow]) {
      self.item = item
      self.rows = rows
    }
  }

  public var unit: String
  /// nil leaves the owner as it is.
  public var owner: String?
  /// The items whose rows this edit replaces (an empty list clears an item's rows).
  public var items: [ItemRows]
  /// For undo and redo: what the plan must still hold for the edit to apply, so a change
  /// someone else made since is never overwritten.
  public var expected: WorkPlanEdit.Snapshot?

  public struct Snapshot: Equatable, Sendable {
    public var owner: String?
    public var items: [ItemRows]
  }

  public init(unit: String, owner: String?, items: [ItemRows], expected: Snapshot? = nil) {
    self.unit = unit
    self.owner = owner
    self.items = items
    self.expected = expected
  }

  /// Rows grouped by item, in the order they came.
  public static func grouping(_ rows: [WorkPlanRow]) -> [ItemRows] {
    var out: [ItemRows] = []
    for row in rows {
      if let i = out.firstIndex(where: { $0.item == row.item }) {
        out[i].rows.append(row)
      } else {
        out.append(ItemRows(item: row.item, rows: [row]))
      }
    }
    return out
  }

  public var isEmpty: Bool { owner == nil && items.isEmpty }

  /// What this edit touches, as the plan holds it now.
  public func snapshot(of plan: WorkPlan?) -> Snapshot {
    Snapshot(
      owner: owner == nil ? nil : (plan?.owner ?? ""),
      items: items.map { change in ItemRows(item: change.item, rows: plan?.rows.filter { $0.item == change.item } ?? [])
      })
  }

  /// The edit that puts back what this one replaced (guarded by what this one wrote).
  public func inverse(of before: WorkPlan?) -> WorkPlanEdit {
    let old = snapshot(of: before)
    return WorkPlanEdit(unit: unit, owner: old.owner, items: old.items, expected: Snapshot(owner: owner, items: items))
  }
}

extension StoreDocument {
  /// Applies a work-plan edit (filed once every item has a row and the owner is set) and
  /// records it in the history of each item whose rows changed. Returns those changes.
  @discardableResult
  public mutating func apply(_ edit: WorkPlanEdit, day: String, stamp: Stamp) throws -> [Change] {
    let unit = edit.unit
    var wp = workPlan(of: unit) ?? WorkPlan(unit: unit)
    if let expected = edit.expected, edit.snapshot(of: wp) != expected.normalized(like: edit) {
      throw EditError(
        zh: "\(unit)办理方案已被他人修改，未恢复（按 p 查看现在的内容）",
        en: "\(unit)'s work plan was changed by someone else since; not restored (p shows it now)")
    }
    var changes: [Change] = []
    func record(_ item: String, _ before: String, _ after: String) {
      guard let i = plan.itemIndex(id: item) else { return }
      let c = Change(time: stamp.time, user: stamp.user, field: .workPlan(unit), before: before, after: after)
      plan.items[i].history.append(c)
      changes.append(c)
    }
    if let owner = edit.owner, owner != wp.owner {
      let first = edit.items.first?.item ?? plan.itemsForWorkPlan(of: unit).first?.id
      if let first { record(first, wp.owner.isEmpty ? "" : "总责任人 " + wp.owner, "总责任人 " + owner) }
      wp.owner = owner
    }
    for change in edit.items {
      let rows = change.rows.filter { !$0.isEmpty }
      let old = wp.rows.filter { $0.item == change.item }
      guard old != rows else { continue }
      let at = wp.rows.firstIndex { $0.item == change.item } ?? wp.rows.endIndex
      wp.rows.removeAll { $0.item == change.item }
      wp.rows.insert(contentsOf: rows, at: min(at, wp.rows.endIndex))
      record(change.item, old.map(\.summary).joined(separator: "；"), rows.map(\.summary).joined(separator: "；"))
    }
    guard !changes.isEmpty else { return [] }
    save(wp, on: day)
    return changes
  }
}

extension WorkPlanEdit.Snapshot {
  /// Rows compare without the empty ones a form may carry.
  func normalized(like edit: WorkPlanEdit) -> WorkPlanEdit.Snapshot {
    WorkPlanEdit.Snapshot(
      owner: owner,
      items: items.map { WorkPlanEdit.ItemRows(item: $0.item, rows: $0.rows.filter { !$0.isEmpty }) })
  }
}

extension WorkPlanRow {
  /// One row in a history line: the content and its deadline.
  var summary: String { deadline.isEmpty ? content : "\(content)（\(deadline)）" }
}

/// Where a unit's work plan stands: filed (with its date) or a draft, and what it lacks.
/// One wording for the dashboard and `duban workplan`.
public struct WorkPlanStatus: Sendable {
  public var unit: String
  public var filed: String?
  /// Items the unit is named on that have no row yet.
  public var missingItems: Int
  public var missingOwner: Bool

  public init(_ doc: StoreDocument, unit: String) {
    let wp = doc.workPlan(of: unit)
    self.unit = unit
    filed = wp?.filed
    let covered = Set(wp?.rows.map(\.item) ?? [])
    missingItems = doc.plan.itemsForWorkPlan(of: unit).filter { !covered.contains($0.id) }.count
    missingOwner = (wp?.owner ?? "").isEmpty
  }

  public func message(_ lang: Lang) -> String {
    if let filed { return lang.pick("\(unit)办理方案已报送（\(filed)）", "\(unit)'s work plan filed (\(filed))") }
    var lacking: [String] = []
    if missingItems > 0 { lacking.append(lang.pick("\(missingItems)项事项", "\(missingItems) items")) }
    if missingOwner { lacking.append(lang.pick("总责任人", "the owner")) }
    return lang.pick(
      "\(unit)办理方案已保存为草稿：还差" + lacking.joined(separator: "和"),
      "\(unit)'s work plan saved as a draft: " + lacking.joined(separator: " and ") + " to go")
  }
}
