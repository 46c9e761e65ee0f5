import DubanCore

/// The chooser overlay: which unit a filing is for when the item has several, and `F`'s filters.
extension Reducer {
  func chooserKey(_ state: inout AppState, _ chooser: Chooser, _ key: Key, now: String) -> [Effect] {
    var chooser = chooser
    switch chooser.handle(key) {
    case .cancelled:
      state.overlay = nil
      say(&state, state.lang.pick("已取消", "cancelled"))
    case .picked: return pick(&state, chooser, now: now)
    case .stay: state.overlay = .chooser(chooser)
    }
    return []
  }

  func pick(_ state: inout AppState, _ chooser: Chooser, now: String) -> [Effect] {
    state.overlay = nil
    guard let option = chooser.selected else { return [] }
    switch chooser.purpose {
    case .filter:
      applyNarrowing(&state, option.value)
      return []
    case .mergeUnit:
      return []  // the import review's own chooser (ImportReviewer.chooserKey)
    case .fileReport(let id), .editReport(let id):
      // The chooser was opened on this item; a reload meanwhile keeps the selection on it.
      guard cache.selectedItem(state)?.id == id else {
        say(&state, state.lang.pick("事项 \(id) 已不在列表中", "item \(id) is no longer in the list"), error: true)
        return []
      }
      if case .fileReport = chooser.purpose { return toggleReport(&state, now: now, unit: option.value) }
      openReportForm(&state, unit: option.value)
      return []
    }
  }

  /// The chooser asking which of the item's reporting units a filing is for, each shown with
  /// the periods it owes past their deadline.
  func askReportingUnit(_ state: inout AppState, _ item: Item, for purpose: Chooser.Purpose) {
    let lang = state.lang
    let duty = state.duty
    let options = duty.reporters(of: item).map { unit -> Chooser.Option in
      let owed = duty.overdue(item, unit: unit, on: state.today).map(\.id)
      let label =
        owed.isEmpty
        ? unit : unit + lang.pick("（逾期：\(owed.joined(separator: "、"))）", " (overdue: \(owed.joined(separator: ", ")))")
      return Chooser.Option(label: label, value: unit)
    }
    state.overlay = .chooser(
      Chooser(
        purpose: purpose,
        title: lang.pick("\(item.id) 由多个单位报送：为哪个单位？", "\(item.id) has several reporting units: which one?"),
        options: options))
  }

  /// `R` for a unit: the form for the earliest period it owes past the deadline, else the
  /// current one (the form lets the clerk change the period).
  func openReportForm(_ state: inout AppState, unit: String) {
    guard let item = editableItem(&state), let period = periodToFile(&state, item, unit: unit) else { return }
    state.overlay = .form(
      .periodReport(item: item, period: period, unit: unit, lang: state.lang, choices: reportPeriods(state, item, unit))
    )
  }

  /// The periods a report may be filed for: those the unit owes past their deadline, and
  /// the current one.
  func reportPeriods(_ state: AppState, _ item: Item, _ unit: String?) -> [ReportPeriod] {
    let duty = state.duty
    var out = unit.map { duty.overdue(item, unit: $0, on: state.today) } ?? []
    if let current = state.calendar.current(on: state.today), !out.contains(current) { out.append(current) }
    return out
  }
}

extension Reducer {
  /// The period a report form files for: the one typed in its period field, which must be
  /// one the unit owes past its deadline or the current one (or the one it opened on).
  /// Anything else keeps the form open on that field, saying which it may be.
  func formPeriod(_ state: AppState, _ form: inout Form, id: String, opened: String, unit: String?) -> String? {
    guard form.fields.contains(where: { $0.key == "period" }) else { return opened }
    let lang = state.lang
    var allowed = state.plan.item(id: id).map { reportPeriods(state, $0, unit) } ?? []
    if let o = state.plan.calendar.periods.first(where: { $0.id == opened }), !allowed.contains(o) {
      allowed.insert(o, at: 0)
    }
    if let p = Form.period(typed: form.value("period"), in: state.plan.calendar.periods), allowed.contains(p) {
      return p.id
    }
    form.focus(key: "period")
    let names = allowed.map { lang.pick("\($0.name)（\($0.id)）", $0.id) }.joined(separator: lang.pick("、", ", "))
    form.error = lang.pick("期次只能是：\(names)", "the period must be one of: \(names)")
    return nil
  }

  /// The form's title follows the period typed (when it names one).
  func retitle(_ state: AppState, _ form: inout Form) {
    guard case .periodReport(let id, _, let unit) = form.kind,
      let p = Form.period(typed: form.value("period"), in: state.plan.calendar.periods)
    else { return }
    form.title = Form.periodReportTitle(id, p, unit, state.lang)
  }
}
