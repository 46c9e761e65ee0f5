import DubanCore

/// "My unit" (`U`, `--unit`) and the light and report-state filters (`F`): they combine with
/// `f`'s status filter; Esc takes off the one set last.
extension Reducer {
  func openUnitPrompt(_ state: inout AppState) {
    var prompt = UnitPrompt(editor: LineEditor(state.narrowing.unit ?? "", selected: true))
    prompt.matches = UnitPrompt.matches(prompt.editor.text, in: state.plan)
    state.overlay = .unitPrompt(prompt)
  }

  func unitPromptKey(_ state: inout AppState, _ prompt: UnitPrompt, _ key: Key) {
    var prompt = prompt
    let lang = state.lang
    switch key {
    case .escape, .ctrl("c"):
      state.overlay = nil
      say(&state, lang.pick("已取消", "cancelled"))
    case .tab:
      editing(&state)
      prompt.complete(in: state.plan)
      state.overlay = .unitPrompt(prompt)
    case .enter:
      let text = prompt.editor.text.trimmed
      if text.isEmpty {
        state.overlay = nil
        if let was = state.narrowing.unit {
          state.restrict(toUnit: nil)
          say(&state, lang.pick("已取消只看“\(was)”", "no longer restricted to \(was)"))
        }
        return
      }
      guard let unit = state.plan.unit(named: text) else {
        let close = state.plan.unitsResembling(text).map { TerminalSafe.line($0) }
        say(
          &state,
          close.isEmpty
            ? lang.pick("没有单位“\(text)”", "no unit “\(text)”")
            : lang.pick(
              "没有单位“\(text)”；相近的：\(close.joined(separator: "、"))",
              "no unit “\(text)”; close: \(close.joined(separator: ", "))"),
          error: true)
        prompt.matches = close
        prompt.cycle = nil
        state.overlay = .unitPrompt(prompt)
        return
      }
      state.overlay = nil
      if state.view == .workload { state.view = .dashboard }
      state.restrict(toUnit: unit.name)
      if state.view == .chase { state.chaseList = ListState() }
      say(&state, unitMessage(state, unit.name))
    default:
      editing(&state)
      prompt.edit(key, in: state.plan)
      state.overlay = .unitPrompt(prompt)
    }
  }

  /// "只看“区商务局”：6 项，逾期未报 12 项（Esc 取消）": short enough for 80 columns.
  func unitMessage(_ state: AppState, _ unit: String) -> String {
    let lang = state.lang
    let owed = ChaseList(state.doc, today: state.today, unit: unit).units.first
    let (overdue, soon) = (owed?.overdue.count ?? 0, owed?.dueSoon.count ?? 0)
    let count = cache.visibleCount(state)
    return lang.pick(
      "只看“\(unit)”：\(count) 项，逾期未报 \(overdue) 项" + (soon > 0 ? "，将到期 \(soon) 项" : "") + "（Esc 取消）",
      "\(unit): \(count) items, \(overdue) reports overdue" + (soon > 0 ? ", \(soon) due soon" : "") + " (Esc clears)")
  }

  /// `F`: a chooser of the light and report-state filters.
  func openNarrowChooser(_ state: inout AppState) {
    let lang = state.lang
    var options = Light.allCases.reversed().map {
      Chooser.Option(label: $0.label(lang) + lang.pick("灯", " light"), value: "light:" + $0.rawValue)
    }
    options += ReportFilter.allCases.map { Chooser.Option(label: $0.label(lang), value: "report:" + $0.rawValue) }
    options.append(Chooser.Option(label: lang.pick("清除全部筛选", "clear every filter"), value: "clear"))
    var chooser = Chooser(
      purpose: .filter, title: lang.pick("筛选（与其他筛选叠加）", "Filter (combines with the others)"), options: options)
    // Start on the filter in force, so Enter keeps it.
    let current =
      state.narrowing.report.map { "report:" + $0.rawValue } ?? state.narrowing.light.map { "light:" + $0.rawValue }
    chooser.index = options.firstIndex { $0.value == current } ?? 0
    state.overlay = .chooser(chooser)
  }

  func applyNarrowing(_ state: inout AppState, _ value: String) {
    let lang = state.lang
    if value == "clear" {
      state.clearFilters()
      state.taskList.index = 0
      say(&state, lang.pick("已清除全部筛选", "every filter cleared"))
      return
    }
    if value.hasPrefix("light:"), let light = Light(rawValue: String(value.dropFirst(6))) {
      state.narrowing.light = light
      state.narrowing.touched(.light, isSet: true)
    } else if value.hasPrefix("report:"), let report = ReportFilter(rawValue: String(value.dropFirst(7))) {
      state.narrowing.report = report
      state.narrowing.touched(.report, isSet: true)
    }
    state.taskList.index = 0
    say(
      &state,
      lang.pick("筛选：", "filter: ") + state.filterLabels().joined(separator: " · ")
        + lang.pick(
          "（\(cache.visibleCount(state)) 项；Esc 清除最后一个）", " (\(cache.visibleCount(state)) items; Esc clears the last)"))
  }

  /// Esc in the dashboard: takes off the filter set last; true when there was one.
  func clearLastFilter(_ state: inout AppState) -> Bool {
    guard let cleared = state.clearLastFilter() else { return false }
    let rest = state.filterLabels()
    say(
      &state,
      state.lang.pick("已清除筛选“\(cleared)”", "filter “\(cleared)” cleared")
        + (rest.isEmpty
          ? ""
          : state.lang.pick("，仍有：", "; still: ") + rest.joined(separator: " · ")))
    return true
  }
}

extension Reducer {
  /// `duban --unit NAME`: the dashboard opens on that unit's items, saying what it owes.
  public static func openRestricted(_ state: inout AppState, to unit: String, cache: ViewCache) {
    let reducer = Reducer(cache: cache)
    state.restrict(toUnit: unit)
    reducer.say(&state, reducer.unitMessage(state, unit))
  }
}
