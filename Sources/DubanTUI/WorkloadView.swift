import DubanCore

/// `w`: every unit with its load, a bar so the heaviest stand out, status breakdown, items
/// behind schedule and reports overdue. Groups expand into their members.
enum WorkloadView {
  static func draw(_ screen: inout Screen, _ state: AppState, _ rows: [WorkloadRow], _ r: Rect, _ box: BoxStyle) {
    let lang = state.lang
    let w = screen.width
    let title =
      lang.pick("单位工作量", "Workload") + " \(rows.isEmpty ? 0 : state.workloadList.index + 1)/\(rows.count) · "
      + lang.pick("按", "by ") + state.workloadSort.label(lang)
      + lang.pick("排序 · s 换列 · Enter 看事项 · o 展开 · w 返回", " · s column · Enter items · o expand · w back")
    Renderer.frame(&screen, r, title: title, active: true, box)
    let inner = r.innerWidth
    // Fixed columns on the right; the unit name and the bar share what is left.
    let numbers: [(String, Int)] = [
      (lang.pick("牵头", "lead"), 4), (lang.pick("责任", "resp"), 4), (lang.pick("加权", "wtd"), 5),
      (lang.pick("未", "new"), 3), (lang.pick("推", "wip"), 3), (lang.pick("完", "done"), 4), (lang.pick("滞", "blk"), 3),
      (lang.pick("滞后", "behind"), 6), (lang.pick("逾期", "owed"), 5),
    ]
    let fixed = numbers.reduce(0) { $0 + $1.1 + 1 }
    let barWidth = max(0, min(24, (inner - fixed - 14) / 2))
    let nameWidth = max(6, inner - fixed - barWidth - 2)
    let maxLoad = rows.map(\.load.weighted).max() ?? 1
    let query = state.searchEditor?.text ?? state.lastSearch
    // Header.
    var col = r.column + 1
    let headerRow = r.row + 1
    col +=
      screen.put(w.pad(lang.pick("单位", "unit"), columns: nameWidth), row: headerRow, column: col, style: .header) + 1
    for (label, width) in numbers {
      col += screen.put(w.pad(label, columns: width, alignRight: true), row: headerRow, column: col, style: .header) + 1
    }
    screen.put(lang.pick("负荷", "load"), row: headerRow, column: col + 1, style: .header, limit: barWidth)
    let visible = r.innerHeight - 1
    for line in 0..<max(0, visible) {
      let i = state.workloadList.scroll + line
      guard i < rows.count else { break }
      let row = rows[i]
      let l = row.load
      let y = headerRow + 1 + line
      var name = l.unit.name
      if row.memberOf != nil {
        name = "  └ " + name + (row.assumed ? lang.pick("（假定）", " (assumed)") : "")
      } else if l.unit.kind == .group {
        name = (state.expandedGroups.contains(l.unit.name) ? "▾ " : "▸ ") + name + lang.pick("［泛指］", " [group]")
      }
      col = r.column + 1
      let shown = w.truncate(name, columns: nameWidth)
      screen.put(w.pad(shown, columns: nameWidth), row: y, column: col)
      TaskPane.highlight(&screen, text: shown, query: query, row: y, column: col)
      col += nameWidth + 1
      let values = [
        "\(l.lead)", "\(l.responsible)", Target.format((l.weighted * 10).rounded() / 10),
        "\(l.statuses[.notStarted] ?? 0)", "\(l.statuses[.inProgress] ?? 0)", "\(l.statuses[.done] ?? 0)",
        "\(l.statuses[.blocked] ?? 0)", "\(l.lights.behind)", "\(l.reportsOverdue)",
      ]
      for (index, (value, (_, width))) in zip(values, numbers).enumerated() {
        let style: Style =
          index == 7 && l.lights.red > 0
          ? .blocked
          : index == 7 && l.lights.yellow > 0
            ? .inProgress
            : index == 8 && l.reportsOverdue > 0 ? .warning : .normal
        col += screen.put(w.pad(value, columns: width, alignRight: true), row: y, column: col, style: style) + 1
      }
      if barWidth > 0 && maxLoad > 0 {
        let filled = Int((l.weighted / maxLoad * Double(barWidth)).rounded())
        let bar = String(repeating: state.asciiBorders ? "#" : "█", count: filled)
        screen.put(
          bar, row: y, column: col + 1,
          style: l.lights.worst == .red ? .blocked : l.lights.worst == .yellow ? .inProgress : .done)
      }
      Renderer.selectRow(&screen, row: y, r, selected: i == state.workloadList.index, focused: true)
    }
  }
}
