import DubanCore

/// Everything a user can ask of the dashboard. The key table below is the one source of
/// the bindings, the `?` help overlay and the command names.
public enum Command: String, CaseIterable, Sendable {
  case moveUp = "move-up"
  case moveDown = "move-down"
  case pageUp = "page-up"
  case pageDown = "page-down"
  case top
  case bottom
  case nextPane = "next-pane"
  case previousPane = "previous-pane"
  case enter
  case back
  case search
  case nextMatch = "next-match"
  case previousMatch = "previous-match"
  case filter
  case sort
  case cycleStatus = "cycle-status"
  case markBlocked = "mark-blocked"
  case progressUp = "progress-up"
  case progressDown = "progress-down"
  case fileReport = "file-report"
  case withdrawReport = "withdraw-report"
  case editNote = "edit-note"
  case editNoteExternal = "edit-note-external"
  case recordActual = "record-actual"
  case workload
  case toggleGroup = "toggle-group"
  case editWorkPlan = "edit-work-plan"
  case editReport = "edit-report"
  case closeOut = "close-out"
  case export
  case toggleSelect = "toggle-select"
  case selectAll = "select-all"
  case editItem = "edit-item"
  case review
  case editDeadline = "edit-deadline"
  case timeline
  case detailDown = "detail-down"
  case detailUp = "detail-up"
  case undo
  case redo
  case help
  case quit
  case unitScope = "my-unit"
  case narrow
  case chase
  case collect
}

public struct KeyBinding: Sendable {
  public var keys: [Key]
  /// How the keys are written in the help overlay.
  public var label: String
  public var command: Command
  public var zh: String
  public var en: String

  public func help(_ lang: Lang) -> String { lang.pick(zh, en) }
}

public enum KeyTable {
  public static let bindings: [KeyBinding] = [
    KeyBinding(keys: [.up, .char("k")], label: "↑ k", command: .moveUp, zh: "上移", en: "move up"),
    KeyBinding(keys: [.down, .char("j")], label: "↓ j", command: .moveDown, zh: "下移", en: "move down"),
    KeyBinding(keys: [.pageUp], label: "PgUp", command: .pageUp, zh: "上翻页", en: "page up"),
    KeyBinding(keys: [.pageDown], label: "PgDn", command: .pageDown, zh: "下翻页", en: "page down"),
    KeyBinding(keys: [.home, .char("g")], label: "g Home", command: .top, zh: "到顶", en: "first row"),
    KeyBinding(keys: [.end, .char("G")], label: "G End", command: .bottom, zh: "到底", en: "last row"),
    KeyBinding(keys: [.tab, .right, .char("l")], label: "Tab → l", command: .nextPane, zh: "下一窗格", en: "next pane"),
    KeyBinding(
      keys: [.backTab, .left, .char("h")], label: "S-Tab ← h", command: .previousPane, zh: "上一窗格", en: "previous pane"),
    KeyBinding(
      keys: [.enter], label: "Enter", command: .enter, zh: "进入；单位窗格：只看该单位的事项",
      en: "go in; units pane: that unit's items"),
    KeyBinding(
      keys: [.escape], label: "Esc", command: .back, zh: "返回来处、清除筛选（一次一个，后设的先清）",
      en: "back where you came from, clear a filter (the last set first)"),
    KeyBinding(
      keys: [.char("/")], label: "/", command: .search, zh: "搜索事项、单位（含别名）、板块；各视图可用",
      en: "search items, units (aliases too), sections; in every view"),
    KeyBinding(keys: [.char("n")], label: "n", command: .nextMatch, zh: "下一个匹配", en: "next match"),
    KeyBinding(keys: [.char("N")], label: "N", command: .previousMatch, zh: "上一个匹配", en: "previous match"),
    KeyBinding(keys: [.char("f")], label: "f", command: .filter, zh: "筛选：状态、逾期", en: "filter: status, overdue"),
    KeyBinding(
      keys: [.char("F")], label: "F", command: .narrow, zh: "筛选：灯、报送情况（可叠加，Esc 逐个清除）",
      en: "filter: light, report state (they combine)"),
    KeyBinding(
      keys: [.char("U")], label: "U", command: .unitScope, zh: "只看某单位（名称或别名，Tab 补全；空行清除）",
      en: "restrict to a unit (name or alias, Tab completes; empty clears)"),
    KeyBinding(
      keys: [.char("s")], label: "s", command: .sort, zh: "排序：编号、进度、状态、牵头单位", en: "sort: number, progress, status, lead"
    ),
    KeyBinding(
      keys: [.char(" ")], label: "Space", command: .cycleStatus, zh: "状态：未开始→推进中→已完成",
      en: "status: new → in progress → done"),
    KeyBinding(
      keys: [.char("x")], label: "x", command: .markBlocked, zh: "标记滞后（再按取消）", en: "mark blocked (again to clear)"),
    KeyBinding(keys: [.char("+"), .char("=")], label: "+", command: .progressUp, zh: "进度 +10", en: "progress +10"),
    KeyBinding(keys: [.char("-")], label: "-", command: .progressDown, zh: "进度 −10", en: "progress −10"),
    KeyBinding(
      keys: [.char("r")], label: "r", command: .fileReport, zh: "本期已报送（再按撤回这一标记，不动书面报告）",
      en: "mark this period filed (again: unmark; written reports stay)"),
    KeyBinding(
      keys: [.char("W")], label: "W", command: .withdrawReport, zh: "撤回单位的书面报告（先显示内容并确认）",
      en: "withdraw a unit's written report (shown, then confirmed)"),
    KeyBinding(keys: [.char("e")], label: "e", command: .editNote, zh: "写备注（单行，可输入中文）", en: "add a note (one line)"),
    KeyBinding(
      keys: [.char("E")], label: "E", command: .editNoteExternal, zh: "用 $EDITOR 写长备注", en: "long note in $EDITOR"),
    KeyBinding(
      keys: [.char("a")], label: "a", command: .recordActual, zh: "记录量化目标的实际值", en: "record a target's actual value"),
    KeyBinding(
      keys: [.char("w")], label: "w", command: .workload, zh: "单位工作量视图（再按返回）",
      en: "units workload view (again to return)"),
    KeyBinding(
      keys: [.char("o")], label: "o", command: .toggleGroup, zh: "工作量视图：展开／收起泛指单位",
      en: "workload: expand/collapse a group"),
    KeyBinding(
      keys: [.char("C")], label: "C", command: .chase, zh: "催办清单：逾期和将到期的报送（X 导出通知）",
      en: "chase list: reports overdue or due soon (X: notices)"),
    KeyBinding(
      keys: [.char("p")], label: "p", command: .editWorkPlan, zh: "填写选中单位的办理方案",
      en: "fill in the selected unit's work plan"),
    KeyBinding(
      keys: [.char("R")], label: "R", command: .editReport, zh: "填报进展、问题和措施（默认最早欠报的一期）",
      en: "file a report (the earliest owed period first)"),
    KeyBinding(
      keys: [.char("c")], label: "c", command: .closeOut, zh: "销号（再按：重新打开）", en: "close out (again: reopen)"),
    KeyBinding(
      keys: [.char("X")], label: "X", command: .export, zh: "导出：单位办理方案或本期通报（可选格式）",
      en: "export: work plan or bulletin (choose a format)"),
    KeyBinding(
      keys: [.char("I")], label: "I", command: .collect, zh: "收集报送表：文件或文件夹，先预览再确认",
      en: "collect filled forms: a file or folder, previewed first"),
    KeyBinding(
      keys: [.char("m")], label: "m", command: .toggleSelect, zh: "选中／取消选中事项（一次改多项）",
      en: "select an item (change several at once)"),
    KeyBinding(
      keys: [.char("M")], label: "M", command: .selectAll, zh: "选中列表中全部事项（再按取消）",
      en: "select the whole list (again: unselect)"),
    KeyBinding(
      keys: [.char("i")], label: "i", command: .editItem, zh: "修改事项文本和单位", en: "edit an item's text and units"),
    KeyBinding(
      keys: [.char("v")], label: "v", command: .review, zh: "导入提示核对无误（再按：重新待核）",
      en: "import warning checked (again: reopen)"),
    KeyBinding(
      keys: [.char("d")], label: "d", command: .editDeadline, zh: "改事项的期限（时间轴中：改报送日期）",
      en: "edit the item's deadline (timeline: the plan's dates)"),
    KeyBinding(
      keys: [.char("t")], label: "t", command: .timeline, zh: "时间轴：全年报送日期和事项期限（再按返回）",
      en: "timeline: the year's deadlines (again to return)"),
    KeyBinding(keys: [.char("J")], label: "J", command: .detailDown, zh: "详情向下翻", en: "scroll the details down"),
    KeyBinding(keys: [.char("K")], label: "K", command: .detailUp, zh: "详情向上翻", en: "scroll the details up"),
    KeyBinding(keys: [.char("u")], label: "u", command: .undo, zh: "撤销", en: "undo"),
    KeyBinding(keys: [.ctrl("r")], label: "Ctrl-R", command: .redo, zh: "重做", en: "redo"),
    KeyBinding(keys: [.char("?")], label: "?", command: .help, zh: "帮助", en: "help"),
    KeyBinding(keys: [.char("q")], label: "q", command: .quit, zh: "退出", en: "quit"),
  ]

  private static let index: [Key: Command] = {
    var map: [Key: Command] = [:]
    for b in bindings { for k in b.keys { map[k] = b.command } }
    return map
  }()

  public static func command(for key: Key) -> Command? { index[key] }

  public static func binding(_ command: Command) -> KeyBinding {
    bindings.first { $0.command == command }!
  }
}
