import DubanCore

/// Fixing the plan in the dashboard: `i` opens the item's text and units in a form, `v`
/// says its import warnings are checked (or opens them again). Both go through ItemEdit:
/// in history, undoable, saved like any mark.
extension Reducer {
  func itemFormCommand(_ state: inout AppState, _ command: Command, now: String) -> [Effect]? {
    guard state.view == .dashboard else { return nil }
    switch command {
    case .editItem:
      guard let item = editableItem(&state), let index = cache.itemIndex(id: item.id, in: state) else { return [] }
      state.overlay = .form(.item(item, warnings: state.plan.importWarnings(ofItemAt: index), lang: state.lang))
      return []
    case .review:
      return review(&state, now: now)
    default:
      return nil
    }
  }

  /// `v`: the item's import warnings resolved without a change (the text reads right), or
  /// open again.
  func review(_ state: inout AppState, now: String) -> [Effect] {
    let lang = state.lang
    guard let item = editableItem(&state), let index = cache.itemIndex(id: item.id, in: state) else { return [] }
    guard cache.warningCount(at: index, in: state) > 0 else {
      say(&state, lang.pick("\(item.id) 没有导入提示", "\(item.id) has no import warning"))
      return []
    }
    return edit(&state, id: item.id, [.review(resolved: item.reviewed == nil)], now: now)
  }

  /// Saves the `i` form: the units resolved against the plan (an unknown name keeps the form
  /// open on its field, naming it and the units it may have meant), then one edit.
  /// Changes are checked against what the form opened on (`opened`): a text or units a
  /// colleague fixed meanwhile are never overwritten; the form stays open with the reason.
  func submitItemForm(
    _ state: inout AppState, _ form: inout Form, id: String, opened: ItemState, now: String
  ) -> [Effect] {
    let lang = state.lang
    guard let item = cache.itemIndex(id: id, in: state).map({ state.plan.items[$0] }) else {
      form.error = lang.pick("没有事项 \(id)", "no item \(id)")
      return []
    }
    var lists: [String: UnitListInput] = [:]
    for key in ["lead", "units"] {
      do {
        lists[key] = try UnitListInput.parse(form.value(key), plan: state.plan)
      } catch {
        form.focus(key: key)
        form.error = message(error, lang)
        return []
      }
    }
    let lead = lists["lead"]!
    let others = lists["units"]!
    var edits: [ItemEdit] = []
    let text = form.value("text")
    // What the user changed in the form, against what it opened on.
    if text != opened.text { edits.append(.text(text, was: opened.text)) }
    let responsible = others.names.filter { !lead.names.contains($0) }
    if lead.names != opened.lead || responsible != opened.responsible {
      edits.append(
        .units(
          lead: lead.names, responsible: responsible, adding: lead.adding + others.adding,
          was: ItemUnits(lead: opened.lead, responsible: opened.responsible)))
    }
    guard !edits.isEmpty else {
      say(
        &state,
        item.needsReview(warnings: cache.warningCount(at: cache.itemIndex(id: id, in: state) ?? 0, in: state))
          ? lang.pick("\(id) 没有修改；文本无误请按 v 确认", "\(id): nothing changed; v marks the warnings checked")
          : lang.pick("\(id) 没有修改", "\(id): nothing changed"))
      return []
    }
    let effects = edit(&state, id: id, edits, now: now)
    if effects.isEmpty && state.messageIsError {
      form.error = state.message
      if text.isEmpty { form.focus(key: "text") }
    }
    return effects
  }
}

extension ItemEdit {
  /// Whether the edit may change which units the item names (lists filtered by unit follow).
  var changesUnits: Bool {
    switch self {
    case .units: return true
    case .revert(let from, let to): return from.lead != to.lead || from.responsible != to.responsible
    default: return false
    }
  }
}
