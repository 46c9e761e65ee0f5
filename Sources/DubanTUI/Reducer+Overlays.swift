import DubanCore

extension Reducer {
  func overlayKey(_ state: inout AppState, _ key: Key, now: String) -> [Effect] {
    let lang = state.lang
    switch state.overlay {
    case .help:
      switch key {
      case .escape, .char("q"), .char("?"), .enter, .ctrl("c"): state.overlay = nil
      case .down, .char("j"), .pageDown, .scrollDown:
        state.helpScroll = min(
          state.helpScroll + 1,
          KeyTable.bindings.count + ReportMark.legend(state.lang).count + RowMarks.legend(state.lang).count)
      case .up, .char("k"), .pageUp, .scrollUp: state.helpScroll = max(0, state.helpScroll - 1)
      default: break
      }
    case .note(let id, let editor):
      return promptKey(&state, editor, key, typed: !editor.text.isEmpty, now: now) {
        .note(itemID: id, editor: $0)
      } submit: {
        state, text in
        guard !text.isEmpty else {
          say(&state, lang.pick("备注为空：请输入内容，或按 Esc 取消", "the note is empty: type it, or Esc to cancel"), error: true)
          return []
        }
        return edit(&state, id: id, [.note(text)], now: now)
      }
    case .form(var form):
      return formKey(&state, &form, key, now: now)
    case .closeOut(let id, let reopen, let editor):
      return promptKey(&state, editor, key, typed: !editor.text.isEmpty, now: now) {
        .closeOut(itemID: id, reopen: reopen, editor: $0)
      } submit: { state, remark in
        if reopen { return edit(&state, id: id, [.reopen(remark: remark)], now: now) }
        return edit(&state, id: id, [.close(date: state.today.description, remark: remark)], now: now)
      }
    case .actual(let id, let editor):
      return promptKey(&state, editor, key, typed: !editor.selected && !editor.text.isEmpty, now: now) {
        .actual(itemID: id, editor: $0)
      } submit: { state, text in
        recordActual(&state, id: id, text, now: now)
      }
    case .chooser(let chooser):
      return chooserKey(&state, chooser, key, now: now)
    case .unitPrompt(let prompt):
      unitPromptKey(&state, prompt, key)
    case .collect(let dialog):
      return collectKey(&state, dialog, key, now: now)
    case .deadline(let id, let editor):
      return promptKey(&state, editor, key, typed: !editor.selected && !editor.text.isEmpty, now: now) {
        .deadline(itemID: id, editor: $0)
      } submit: { state, text in
        setDeadline(&state, id: id, text, now: now)
      }
    case .confirm(let question):
      state.overlay = nil
      guard key == .char("y") || key == .char("Y") else {
        say(&state, lang.pick("未撤回", "nothing withdrawn"))
        return []
      }
      switch question {
      case .withdrawReport(let id, let report):
        return edit(&state, id: id, [.withdrawPeriodReport(period: report.period, unit: report.unit)], now: now)
      }
    case .exportFormat(let request):
      state.overlay = nil
      switch key {
      case .char("m"), .char("1"), .enter: return [.export(request)]
      case .char("c"), .char("2"), .char("x"), .char("3"):
        if case .chaseNotices = request {
          // A notice is a letter to a unit: Markdown or Word, not a spreadsheet.
          say(
            &state, lang.pick("催办通知只有 Markdown 和 Word 格式：请选 m 或 d", "a notice is Markdown or Word: choose m or d"),
            error: true)
          state.overlay = .exportFormat(request)
          return []
        }
        return [.exportAs(request, key == .char("c") || key == .char("2") ? .csv : .xlsx)]
      case .char("d"), .char("4"):
        if case .sheet = request {
          say(
            &state, lang.pick("办理方案没有 Word 格式：请选 m、c 或 x", "a work plan has no Word format: choose m, c or x"),
            error: true)
          state.overlay = .exportFormat(request)
          return []
        }
        return [.exportAs(request, .docx)]
      case .char:
        // A mistyped letter keeps the question open: closing it would let the next letter
        // (x, d, e…) act on the item under the cursor instead of choosing a format.
        let keys = ExportChoices.keys(request)
        say(
          &state,
          lang.pick(
            "请按 \(keys.joined(separator: "、")) 选择格式，Esc 取消",
            "press \(keys.joined(separator: ", ")) for a format, Esc cancels"),
          error: true)
        state.overlay = .exportFormat(request)
      default: say(&state, lang.pick("未导出", "nothing exported"))
      }
    case nil:
      break
    }
    return []
  }

  /// Keys in a one-line prompt: Esc (asking first when something was typed), Enter submits
  /// — the prompt stays open with its text when the submission is refused — and anything
  /// else edits.
  func promptKey(
    _ state: inout AppState, _ editor: LineEditor, _ key: Key, typed: Bool, now: String,
    reopen: (LineEditor) -> Overlay, submit: (inout AppState, String) -> [Effect]
  ) -> [Effect] {
    var editor = editor
    switch key {
    case .escape, .ctrl("c"):
      if askBeforeDiscarding(&state, typed: typed) { return [] }
      state.overlay = nil
      say(&state, state.lang.pick("已取消", "cancelled"))
    case .enter, .ctrl("s"):
      state.message = nil
      state.messageIsError = false
      let effects = submit(&state, editor.text.trimmed)
      if !effects.isEmpty || !state.messageIsError { state.overlay = nil }
      return effects
    default:
      editing(&state)
      editor.handle(key)
      state.overlay = reopen(editor)
    }
    return []
  }

  /// Esc on a prompt with typed text asks first: a second Esc discards, any other key goes
  /// on editing. Returns true when it asked.
  func askBeforeDiscarding(_ state: inout AppState, typed: Bool) -> Bool {
    guard typed, !state.discardArmed else {
      state.discardArmed = false
      return false
    }
    state.discardArmed = true
    say(
      &state,
      state.lang.pick("放弃所输入的内容？再按 Esc 放弃，其他键继续", "Discard what you typed? Esc again discards, any other key goes on"),
      error: true)
    return true
  }

  /// A key that edits a prompt: any question or refusal shown is out of date.
  func editing(_ state: inout AppState) {
    state.discardArmed = false
    if state.messageIsError { state.message = nil }
  }

  /// Keys in a form. Nothing typed is lost: a refused save keeps the form open on the field
  /// at fault, and Esc on a changed form asks first.
  func formKey(_ state: inout AppState, _ form: inout Form, _ key: Key, now: String) -> [Effect] {
    let lang = state.lang
    if form.askingToDiscard {
      form.askingToDiscard = false
      if key == .escape || key == .ctrl("c") {
        state.overlay = nil
        say(&state, lang.pick("已放弃修改", "changes discarded"))
        return []
      }
      // Any other key goes on editing, and counts.
    }
    switch key {
    case .escape, .ctrl("c"):
      if form.isChanged {
        form.askingToDiscard = true
      } else {
        state.overlay = nil
        say(&state, lang.pick("已取消", "cancelled"))
        return []
      }
    case .enter, .ctrl("s"):
      form.error = nil
      let effects = submit(&state, &form, now: now)
      if form.error == nil {
        state.overlay = nil
        return effects
      }
    case .tab, .down: form.moveFocus(by: 1)
    case .backTab, .up: form.moveFocus(by: -1)
    case .ctrl("n"): form.addRow(lang: lang)
    default:
      if !form.fields[form.focus].readOnly {
        form.fields[form.focus].editor.handle(key)
        form.error = nil
        if form.fields[form.focus].key == "period" { retitle(state, &form) }
      }
    }
    state.overlay = .form(form)
    return []
  }

  /// Saves a form. A field it cannot take sets `form.error` and moves the focus there.
  func submit(_ state: inout AppState, _ form: inout Form, now: String) -> [Effect] {
    let lang = state.lang
    switch form.kind {
    case .workPlan(let unit, let opened):
      let forward = form.workPlanEdit(unit: unit, opened: opened)
      guard !forward.isEmpty else {
        say(&state, lang.pick("\(unit)办理方案没有修改", "\(unit)'s work plan: nothing changed"))
        return []
      }
      let backward = forward.inverse(of: state.doc.workPlan(of: unit))
      do {
        try state.doc.apply(forward, day: state.today.description, stamp: Stamp(user: state.user, time: now))
      } catch {
        form.error = message(error, lang)
        return []
      }
      state.lastEditID += 1
      state.undoStack.append(
        UndoEntry(
          editID: state.lastEditID, label: lang.pick("\(unit)办理方案", "\(unit)'s work plan"),
          change: .workPlan(forward: forward, backward: backward)))
      state.redoStack.removeAll()
      say(&state, WorkPlanStatus(state.doc, unit: unit).message(lang))
      return [.persistWorkPlan(forward, editID: state.lastEditID)]
    case .periodReport(let id, let opened, let unit):
      guard let period = formPeriod(state, &form, id: id, opened: opened, unit: unit) else { return [] }
      // An empty figure files the report without one (the unit gave none).
      let typed = form.value("progress").trimmed
      let progress = typed.isEmpty ? nil : UserInput.integer(typed)
      guard typed.isEmpty || progress.map({ (0...100).contains($0) }) == true else {
        form.focus(key: "progress")
        form.error = lang.pick("进度必须是 0–100 的整数", "progress must be a whole number 0–100")
        return []
      }
      let report = ReportFiling(
        period: period, filed: state.today.description, user: state.user, unit: unit,
        progressText: form.value("progressText"),
        problems: form.value("problems"), nextSteps: form.value("nextSteps"), progress: progress)
      // One rule with collect: the report keeps its figure; the item's progress moves by it
      // only as `ReportDuty.reportEdits` says.
      let current = state.doc.plan.item(id: id)
      let edits = current.map { state.doc.duty.reportEdits($0, report) } ?? [.periodReport(report)]
      let kept = current.flatMap { state.doc.duty.keptProgress($0, with: report) }
      let effects = edit(&state, id: id, edits, now: now)
      if !effects.isEmpty, let kept { state.message = (state.message ?? "") + ReportDuty.keptNote(kept, lang) }
      if effects.isEmpty && state.messageIsError { form.error = state.message }
      return effects
    case .item(let id, let opened):
      return submitItemForm(&state, &form, id: id, opened: opened, now: now)
    case .calendar:
      return submitCalendar(&state, &form, now: now)
    }
  }

  /// "停车泊位=3000" (or with ＝ and full-width digits); an empty value clears the actual.
  func recordActual(_ state: inout AppState, id: String, _ text: String, now: String) -> [Effect] {
    let lang = state.lang
    guard let (name, raw) = UserInput.assignment(text) else {
      say(&state, lang.pick("格式：名称=数值", "format: name=value"), error: true)
      return []
    }
    let value = raw.isEmpty ? nil : UserInput.number(raw)
    guard raw.isEmpty || value != nil else {
      say(&state, lang.pick("“\(raw)”不是数值", "“\(raw)” is not a number"), error: true)
      return []
    }
    return edit(&state, id: id, [.actual(target: name, value: value)], now: now)
  }
}
