import DubanCore

/// The detail area's long part, read with J/K: the deadline in sight, every note, every
/// report per period and unit (进展/问题/措施/进度, on time or late, or what is still owed),
/// and the item's whole history, newest first, with the reasons given (close-out, reopen).
enum DetailView {
  static func sections(_ state: AppState, _ item: Item) -> [(String, Style)] {
    let lang = state.lang
    var lines: [(String, Style)] = []
    // Where the item sits in the plan (search finds section and group titles too).
    let place = [item.section, item.group.map { "——" + $0 }].compactMap { $0 }.joined(separator: " ")
    if !place.isEmpty { lines.append((lang.pick("板块：", "section: ") + place, .dim)) }
    if !item.notes.isEmpty {
      lines.append((lang.pick("── 备注 \(item.notes.count) 条 ──", "── \(item.notes.count) note(s) ──"), .header))
      for note in item.notes.reversed() {
        lines.append(("\(Timestamp.display(note.time)) \(note.user)" + lang.pick("：", ": ") + note.text, .normal))
      }
    }
    lines += reports(state, item)
    if !item.history.isEmpty {
      lines.append((lang.pick("── 历史 \(item.history.count) 条 ──", "── history, \(item.history.count) ──"), .header))
      for change in item.history.reversed() {
        lines.append(("· \(Timestamp.display(change.time)) \(change.user) \(change.summary(lang))", .dim))
      }
    }
    return lines
  }

  /// "期限 6/30（事项期限，还有 60 天）" — the same rule as the task list's column.
  static func deadlineLine(_ state: AppState, _ item: Item) -> (String, Style) {
    let lang = state.lang
    guard let d = DeadlineInSight.of(item, duty: state.duty, on: state.today) else {
      return (lang.pick("期限：无待办期限", "deadline: nothing pending"), .dim)
    }
    let what: String
    switch d.kind {
    case .item: what = lang.pick("事项期限", "item deadline")
    case .report(let p): what = lang.pick("\(p) 报送", "\(p) report")
    }
    let days = d.day.ordinal - state.today.ordinal
    let when =
      days < 0
      ? lang.pick("已过 \(-days) 天", "\(-days) days ago")
      : days == 0 ? lang.pick("今天", "today") : lang.pick("还有 \(days) 天", "in \(days) days")
    return (lang.pick("期限 \(d.day)（\(what)，\(when)）", "deadline \(d.day) (\(what), \(when))"), DeadlineColumn.style(d))
  }

  /// Per period: each reporting unit's standing, then the text of every filing (a co-unit's
  /// own report included).
  static func reports(_ state: AppState, _ item: Item) -> [(String, Style)] {
    let lang = state.lang
    let duty = state.duty
    guard !duty.calendar.periods.isEmpty else { return [] }
    var lines: [(String, Style)] = []
    let done = duty.doneSince(item)
    let reporters = duty.reporters(of: item)
    lines.append((lang.pick("── 进展报送 ──", "── period reports ──"), .header))
    for entry in duty.calendar.periods {
      let p = entry.period
      var units = reporters
      for r in item.reports where r.period == p.id {
        if let u = r.unit, !units.contains(u) { units.append(u) }
      }
      let standings = units.map { u in
        (u, duty.standing(item, unit: u, period: p, due: entry.due, on: state.today, doneSince: done))
      }
      let marks = standings.map { "\($0.0)\(ReportMark.mark($0.1, lang))" }.joined(separator: " ")
      let overdue = standings.contains { $0.1 == .overdue }
      let due = "\(entry.due.month)/\(entry.due.day)"
      lines.append(
        (
          lang.pick("\(p.id) \(p.name)（截止 \(due)）", "\(p.id) (due \(due))")
            + (marks.isEmpty ? "" : lang.pick("：", ": ") + marks),
          overdue ? .warning : .normal
        ))
      for r in item.reports where r.period == p.id {
        let late = Day(r.filed).map { $0 > entry.due } ?? false
        let who = r.unit ?? lang.pick("（未注明单位）", "(no unit)")
        let when = late ? lang.pick("逾期报送", "filed late") : lang.pick("按时报送", "on time")
        var head = "  \(who) \(r.filed) \(when)" + lang.pick("（\(r.user)）", " (\(r.user))")
        if let progress = r.progress { head += lang.pick(" 进度 \(progress)%", " progress \(progress)%") }
        lines.append((head, late ? .inProgress : .ok))
        if r.isBare { lines.append((lang.pick("    （只标记已报送，没有书面报告）", "    (marked filed; no written report)"), .dim)) }
        if !r.progressText.isEmpty { lines.append((lang.pick("    进展：", "    progress: ") + r.progressText, .normal)) }
        if !r.problems.isEmpty { lines.append((lang.pick("    问题：", "    problems: ") + r.problems, .normal)) }
        if !r.nextSteps.isEmpty { lines.append((lang.pick("    措施：", "    next steps: ") + r.nextSteps, .normal)) }
      }
    }
    return lines
  }
}

/// The task list's deadline column: the date, and for report deadlines the period.
enum DeadlineColumn {
  /// Red when past, yellow when due within the store's `dueSoonDays`, dim otherwise.
  static func style(_ d: DeadlineInSight) -> Style {
    switch d.urgency {
    case .past: return .blocked
    case .soon: return .inProgress
    case .later: return .dim
    }
  }

  /// "6/30"; where the column is wide, "限 6/30" for an item's own deadline and "Q2 7/10"
  /// for a report deadline.
  static func text(_ d: DeadlineInSight, wide: Bool, _ lang: Lang) -> String {
    let date = "\(d.day.month)/\(d.day.day)"
    guard wide else { return date }
    switch d.kind {
    case .item: return lang.pick("限 ", "by ") + date
    case .report(let p): return "\(p) \(date)"
    }
  }
}
