import DubanCore

/// `d`: an item's own deadline; in the timeline, the plan's dates (a form). Both recorded in
/// history and undoable like every other edit.
extension Reducer {
  /// Opens the deadline prompt, prefilled with the item's deadline (selected, so typing
  /// replaces it).
  func askDeadline(_ state: inout AppState) {
    guard let item = editableItem(&state) else { return }
    state.overlay = .deadline(itemID: item.id, editor: LineEditor(item.deadline ?? "", selected: true))
  }

  /// `6/30`, `6月30日`, `2019-06-30` …; empty clears the item's deadline (the year end applies).
  func setDeadline(_ state: inout AppState, id: String, _ text: String, now: String) -> [Effect] {
    let lang = state.lang
    guard !text.isEmpty else { return edit(&state, id: id, [.deadline(nil)], now: now) }
    let year = state.schedule.year
    guard let day = UserInput.day(text, year: year), abs(day.year - year) <= 1 else {
      say(
        &state,
        lang.pick(
          "“\(text)”不是日期：写 6/30、6月30日 或 \(year)-06-30", "“\(text)” is not a date: type 6/30 or \(year)-06-30"),
        error: true)
      return []
    }
    return edit(&state, id: id, [.deadline(day.description)], now: now)
  }

  /// The plan's dates in one form, the cursor on `key` (`workPlanDue` or a period id).
  func openCalendarForm(_ state: inout AppState, focus key: String?) {
    var form = Form.calendar(state.plan.calendar, lang: state.lang)
    if let key { form.focus(key: key) }
    state.overlay = .form(form)
  }

  /// Saves the calendar form: every changed date, all or none, one undo step.
  func submitCalendar(_ state: inout AppState, _ form: inout Form, now: String) -> [Effect] {
    let lang = state.lang
    let calendar = state.plan.calendar
    let year = state.schedule.year
    var edits: [CalendarEdit] = []
    for field in form.fields where !field.readOnly {
      let text = field.editor.text.trimmed
      var to: String? = nil
      if !text.isEmpty {
        guard let day = UserInput.day(text, year: year) else {
          form.focus(key: field.key)
          form.error = lang.pick(
            "“\(text)”不是日期：写 7/10 或 \(year)-07-10", "“\(text)” is not a date: type 7/10 or \(year)-07-10")
          return []
        }
        to = day.description
      }
      let from = calendar.date(field.key)
      if to != from { edits.append(CalendarEdit(key: field.key, from: from, to: to)) }
    }
    guard !edits.isEmpty else {
      say(&state, lang.pick("报送日期没有修改", "the plan's dates: nothing changed"))
      return []
    }
    let changes: [Change]
    do {
      changes = try state.doc.plan.apply(edits, stamp: Stamp(user: state.user, time: now))
    } catch {
      form.error = message(error, lang)
      return []
    }
    let label = changes.map { $0.summary(lang) }.joined(separator: lang.pick("，", ", "))
    state.lastEditID += 1
    state.undoStack.append(
      UndoEntry(
        editID: state.lastEditID, label: label,
        change: .calendar(forward: edits, backward: edits.reversed().map(\.inverse))))
    state.redoStack.removeAll()
    say(&state, label)
    return [.persistCalendar(edits, editID: state.lastEditID)]
  }
}

extension Form {
  /// The work-plan deadline and each report period's deadline, as dates of the plan's year.
  static func calendar(_ calendar: PlanCalendar, lang: Lang) -> Form {
    var fields = [
      Field(
        key: CalendarEdit.workPlanDue, label: lang.pick("办理方案报送日期", "work plans due"),
        editor: LineEditor(calendar.workPlanDue ?? "", selected: true), readOnly: false, item: nil)
    ]
    for p in calendar.periods {
      fields.append(
        Field(
          key: p.id, label: lang.pick("\(p.name)（\(p.id)）报送日期", "\(p.id) (\(p.name)) due"),
          editor: LineEditor(p.due, selected: true), readOnly: false, item: nil))
    }
    return Form(
      kind: .calendar,
      title: lang.pick(
        "报送日期（如 7/10；Tab 换栏，Enter 保存，Esc 取消）", "The plan's dates (7/10; Tab next, Enter saves, Esc cancels)"),
      fields: fields)
  }
}
