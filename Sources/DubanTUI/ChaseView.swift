import DubanCore

/// `C`: the chase list, by unit (most overdue first): a heading per unit with its counts,
/// then each report it owes — item, period, deadline, days late or left, the item's text.
enum ChaseView {
  static func draw(_ screen: inout Screen, _ state: AppState, _ cache: ViewCache, _ r: Rect, _ box: BoxStyle) {
    let lang = state.lang
    let w = screen.width
    let list = cache.chase(state)
    let rows = cache.chaseRows(state)
    let position = rows.isEmpty ? "" : " \(state.chaseList.index + 1)/\(rows.count)"
    var title = lang.pick("催办清单", "Chase list") + position + " · " + lang.pick("截至 ", "as of ") + "\(list.asOf)"
    if let unit = state.narrowing.unit { title += " · " + unit }
    // The counts first; the keys last, cut first on a narrow screen.
    title += lang.pick(
      " · \(list.units.count) 个单位 逾期 \(list.overdueCount) 将到期 \(list.dueSoonCount) · Enter 看事项 R 填报 X 通知 Esc 返回",
      " · \(list.unitsLabel) \(list.overdueCount) overdue \(list.dueSoonCount) due soon · Enter open R file X notices Esc back"
    )
    Renderer.frame(&screen, r, title: title, active: true, box)
    if rows.isEmpty {
      screen.put(
        lang.pick("没有逾期或即将到期的报送。", "No report is overdue or due soon."), row: r.row + 1, column: r.column + 2,
        style: .dim, limit: r.innerWidth - 1)
      return
    }
    let inner = r.innerWidth
    // Ids as wide as the widest in view (not a pass over every row per frame).
    let shownRows = rows[
      min(rows.count, state.chaseList.scroll)..<min(rows.count, state.chaseList.scroll + r.innerHeight)]
    let idWidth = max(
      4, shownRows.map { if case .entry(_, let e) = $0 { return e.itemID.count } else { return 0 } }.max() ?? 4)
    let periodWidth = lang == .zh ? 8 : 3
    let daysWidth = lang == .zh ? 12 : 13
    for line in 0..<r.innerHeight {
      let i = state.chaseList.scroll + line
      guard i < rows.count else { break }
      let y = r.row + 1 + line
      var col = r.column + 1
      switch rows[i] {
      case .unit(let u):
        let head = TerminalSafe.line(u.unit)
        col += screen.put(w.truncate(head, columns: inner - 1), row: y, column: col, style: .header, limit: inner - 1)
        let counts = lang.pick(
          "  逾期未报 \(u.overdue.count) 项  即将到期 \(u.dueSoon.count) 项",
          "  \(u.overdue.count) overdue  \(u.dueSoon.count) due soon")
        screen.put(
          counts, row: y, column: col, style: u.overdue.isEmpty ? .inProgress : .warning,
          limit: max(0, r.column + 1 + inner - col))
      case .entry(_, let e):
        col += 2
        col += screen.put(w.pad(e.itemID, columns: idWidth), row: y, column: col, limit: idWidth) + 1
        let period = lang.pick(e.period.name, e.period.id)
        col += screen.put(w.pad(period, columns: periodWidth), row: y, column: col, limit: periodWidth) + 1
        col += screen.put("\(e.due)", row: y, column: col, style: .dim) + 1
        let days = ChaseNotice.days(e, lang)
        col +=
          screen.put(
            w.pad(days, columns: daysWidth), row: y, column: col,
            style: e.standing == .overdue ? .warning : .inProgress,
            limit: daysWidth) + 1
        let textWidth = max(0, r.column + 1 + inner - col)
        screen.put(w.truncate(TerminalSafe.line(e.text), columns: textWidth), row: y, column: col, limit: textWidth)
      }
      Renderer.selectRow(&screen, row: y, r, selected: i == state.chaseList.index, focused: true)
    }
  }
}
