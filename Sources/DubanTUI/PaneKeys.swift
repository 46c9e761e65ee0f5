import DubanCore

/// The status line's key hints for the focused pane or the open view: the few keys that
/// matter there, their labels from the key table, with `?` for the rest.
enum PaneKeys {
  static func commands(_ state: AppState) -> [Command] {
    switch state.view {
    case .workload: return [.enter, .sort, .toggleGroup, .search, .back]
    case .timeline: return [.editDeadline, .enter, .search, .back]
    case .chase: return [.enter, .fileReport, .editReport, .export, .back]
    case .dashboard:
      switch state.focus {
      case .tree: return [.enter, .timeline, .search, .workload]
      case .tasks: return [.cycleStatus, .progressUp, .editReport, .editDeadline, .detailDown, .fileReport]
      case .units: return [.enter, .editWorkPlan, .editReport, .detailDown]
      }
    }
  }

  /// A word or two per command: the help text is too long for one line.
  static func short(_ command: Command, _ state: AppState) -> String {
    let lang = state.lang
    switch command {
    case .enter:
      switch (state.view, state.focus) {
      case (.workload, _): return lang.pick("看事项", "items")
      case (.timeline, _): return lang.pick("查看", "open")
      case (_, .units): return lang.pick("该单位事项", "unit's items")
      default: return lang.pick("进入", "open")
      }
    case .search: return lang.pick("搜索", "search")
    case .workload: return lang.pick("工作量", "workload")
    case .timeline: return lang.pick("时间轴", "timeline")
    case .cycleStatus: return lang.pick("状态", "status")
    case .progressUp: return lang.pick("进度", "progress")
    case .fileReport: return lang.pick("报送", "filed")
    case .editReport: return lang.pick("填报", "report")
    case .editDeadline: return state.view == .timeline ? lang.pick("改日期", "dates") : lang.pick("期限", "deadline")
    case .detailDown: return lang.pick("翻详情", "details")
    case .editWorkPlan: return lang.pick("办理方案", "work plan")
    case .sort: return lang.pick("排序", "sort")
    case .toggleGroup: return lang.pick("展开", "expand")
    case .back: return lang.pick("返回", "back")
    case .export: return lang.pick("催办通知", "notices")
    default: return command.rawValue
    }
  }

  static func label(_ command: Command) -> String {
    switch command {
    case .cycleStatus: return "␣"
    case .progressUp: return "+-"
    case .detailDown: return "J/K"
    default: return KeyTable.binding(command).label.split(separator: " ").first.map(String.init) ?? ""
    }
  }

  /// As many as fit in half the line (the other half is for messages), `?` always.
  static func hints(_ state: AppState) -> String {
    let w = state.width
    let room = max(12, state.columns / 2 - 10)
    var keys = commands(state).map { label($0) + state.lang.pick("", " ") + short($0, state) }
    let help = state.lang.pick("?帮助", "? help")
    func line() -> String { (keys + [help]).joined(separator: " ") }
    while !keys.isEmpty, w.width(of: line()) > room { keys.removeLast() }
    return line()
  }
}

/// "12/63" in a pane's title when its list is longer than the pane.
enum ListPosition {
  static func text(_ list: ListState, _ count: Int, _ r: Rect) -> String {
    count > r.innerHeight ? " \(min(list.index + 1, count))/\(count)" : ""
  }
}
