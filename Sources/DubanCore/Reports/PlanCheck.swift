/// Whether a returned form belongs to the store's plan, by the plan title it carries: the
/// report form's title (`UnitForm.title`), the work plan's 所属方案 row. A form that names
/// another plan is refused; one that names none (written before forms carried the plan, or
/// with its title cleared) is read with a note, since its rows are still checked item by
/// item against this plan.
public enum PlanCheck: Equatable, Sendable {
  case same
  case unnamed
  case other

  /// A report form's title: "PLAN进展情况报送表". Only the bare "进展情况报送表", or nothing,
  /// names no plan; any other title that is not this plan's is another plan's.
  public static func reportTitle(_ title: String, plan: String) -> PlanCheck {
    if title == UnitForm.title(planTitle: plan) { return .same }
    if title.isEmpty || title == UnitForm.titleSuffix { return .unnamed }
    return .other
  }

  /// A work plan's 所属方案 cell.
  public static func workPlanTitle(_ named: String, plan: String) -> PlanCheck {
    if named.isEmpty { return .unnamed }
    return named == plan ? .same : .other
  }

  static func unnamedNote(_ lang: Lang, plan: String) -> String {
    lang.pick(
      "未注明所属方案（旧版表格），按本方案“\(plan)”逐行核对后收集",
      "names no plan (an older form); its rows are checked against this plan (“\(plan)”) and collected")
  }
}

extension FormCollect.Form {
  /// Takes a plan check at the cell that names the plan: an unnamed plan is a note, another
  /// plan's form a problem (false: read no further).
  mutating func admit(
    _ check: PlanCheck, at cell: (row: Int, column: Int), plan: String, otherZh: String, otherEn: String
  ) -> Bool {
    switch check {
    case .same: return true
    case .unnamed:
      notes.append(
        FormCollect.Problem(
          file: file, sheet: sheet, row: cell.row, column: cell.column, zh: PlanCheck.unnamedNote(.zh, plan: plan),
          en: PlanCheck.unnamedNote(.en, plan: plan)))
      return true
    case .other:
      problems.append(
        FormCollect.Problem(file: file, sheet: sheet, row: cell.row, column: cell.column, zh: otherZh, en: otherEn))
      return false
    }
  }
}
