import DubanCore

/// `i`, `m` and `s` on a warning that concerns no item (a repaired date, a count, the file's
/// encoding): `i` on a date opens the plan's dates; everything else says why not and what to do.
extension ImportReviewer {
  static func noItem(_ s: inout ImportReviewState, _ command: ReviewCommand) -> ReviewOutcome {
    let lang = s.lang
    guard s.plan.warnings.indices.contains(s.selected) else { return .stay }
    let warning = s.plan.warnings[s.selected]
    let calendar = s.plan.calendar
    let dated = s.dateFields[s.selected]
    switch warning.kind {
    case .repairedDate, .noCalendar:
      if command == .editItem, dated != nil {
        s.editing = .calendar(calendar)
        var form = Form.calendar(calendar, lang: lang)
        if let dated { form.focus(key: dated) }
        s.app.overlay = .form(form)
        return .stay
      }
      if warning.kind == .noCalendar, dated == nil {
        // No report periods: the dates form edits periods the plan has, it adds none.
        say(
          &s,
          lang.pick(
            "文件没有写明进展报送日期，这里不能添加期次：按 Enter 接受，写入后在数据文件的日历（plan.calendar.periods）中添加",
            "the document states no report due dates and they cannot be added here: Enter accepts this, then add them to the store's calendar (plan.calendar.periods)"
          ), error: true)
      } else if command == .editItem {
        // The issue date is kept for the record; no deadline depends on it.
        say(
          &s,
          lang.pick(
            "这是印发日期（\(calendar.issued ?? "—")），不影响任何报送期限，这里不能改：日期对就按 Enter 接受；不对就写入后在数据文件的 plan.calendar.issued 中改",
            "this is the issue date (\(calendar.issued ?? "—")): no deadline depends on it and it is not edited here; Enter accepts it, or correct plan.calendar.issued in the store afterwards"
          ), error: true)
      } else {
        say(
          &s,
          lang.pick(
            warning.kind == .noCalendar
              ? "合并和拆分只用于单位名称，这条说文件没写办理方案报送日期：按 i 填写，或按 Enter 接受"
              : "合并和拆分只用于单位名称，这条是日期修正：日期对就按 Enter 接受，不对就按 i 改报送日期",
            warning.kind == .noCalendar
              ? "merge and split are for unit names; this says the document gives no work-plan due date: i fills it in, Enter accepts"
              : "merge and split are for unit names; this is a repaired date: Enter accepts it, i edits the plan's dates"
          ),
          error: true)
      }
    case .countMismatch:
      say(
        &s,
        lang.pick(
          "这条说的是一个部分的项数与文件所写不符，不涉及某个事项：请对照原件查看是否漏读或多读了事项；无误按 Enter 接受，有误就按 q 再按 x 放弃导入，改好文件后重新导入",
          "this is about a part's item count, not one item: check the document for items missed or read twice; Enter accepts it, or q then x abandons the import to fix the file and import again"
        ), error: true)
    case .encoding:
      say(
        &s,
        lang.pick(
          "这条说的是文件的编码，不涉及某个事项：文字读得对就按 Enter 接受；有乱码就按 q 再按 x 放弃导入，把文件另存为 UTF-8 后重新导入",
          "this is about the file's encoding, not one item: Enter accepts it if the text reads right; if it is garbled, q then x abandons the import, save the file as UTF-8 and import again"
        ), error: true)
    default:
      // An item's warning on a line before the first item (a heading, the preamble).
      say(
        &s,
        lang.pick(
          "第 \(warning.line) 行不属于任何事项（在第一项之前），没有可修改的单位：按 Enter 接受",
          "line \(warning.line) is before the first item: there are no units to edit; Enter accepts it"), error: true)
    }
    return .stay
  }

  /// The calendar field a repaired-date warning is about: the date it was read as, found
  /// among the plan's dates as imported (the issue date is not one of them). Called once, at
  /// load (`ImportReviewState.dateFields`): after a correction the message no longer matches.
  static func calendarField(_ warning: ImportWarning, _ calendar: PlanCalendar) -> String? {
    // "The document states no due date for work plans (办理方案)": that date can be filled in.
    // A document with no date at all leaves the plan's year open: the first date typed sets it.
    if warning.kind == .noCalendar {
      return warning.message.contains("办理方案") ? CalendarEdit.workPlanDue : nil
    }
    guard warning.kind == .repairedDate else { return nil }
    if let due = calendar.workPlanDue, warning.message.contains(due) { return CalendarEdit.workPlanDue }
    return calendar.periods.first { warning.message.contains($0.due) }?.id
  }
}
