/// Filled forms as they came from their files, and what collecting them does: one rule for
/// `duban collect` and the dashboard's `I` (parse → read against the plan → apply). The
/// reading of the files themselves (.xlsx through duban-office, .csv here) is the caller's
/// I/O; from the sheets on, both go through this type.
public struct CollectBatch: Equatable, Sendable {
  /// One file's sheets; `name` is what messages and the history call it (the file's name).
  public struct File: Equatable, Sendable {
    public var name: String
    public var sheets: [SheetGrid]

    public init(name: String, sheets: [SheetGrid]) {
      self.name = name
      self.sheets = sheets
    }
  }

  public var files: [File]

  public init(files: [File]) { self.files = files }

  /// Each file read against `doc` as the files before it leave it (their good rows applied),
  /// as `apply` reads them: what it would change and what is wrong with it. Two files for
  /// the same item and period are not counted twice.
  public func forms(_ doc: StoreDocument, day: Day) -> [FormCollect.Form] {
    var scratch = doc
    return files.map { file in
      let form = FormCollect.read(file.sheets, file: file.name, doc: scratch, day: day)
      _ = try? FormCollect.apply(form, to: &scratch, stamp: Stamp(user: "", time: ""), day: day)
      return form
    }
  }

  /// Applies every file to `doc`, each read again against the document as the files before
  /// it left it (so the newest store, under the lock, decides): all or none. A problem found
  /// now throws it (an item closed meanwhile, say), unless `partial`, when the good rows
  /// apply. History names who collected and from which file.
  @discardableResult
  public func apply(
    to doc: inout StoreDocument, user: String, time: String, day: Day, partial: Bool = false
  ) throws -> [Change] {
    var copy = doc
    var changes: [Change] = []
    for file in files {
      let form = FormCollect.read(file.sheets, file: file.name, doc: copy, day: day)
      if let problem = form.problems.first, !partial {
        throw EditError(zh: problem.message(.zh), en: problem.message(.en))
      }
      let stamp = Stamp(user: FormCollect.collector(user, file: file.name), time: time)
      changes += try FormCollect.apply(form, to: &copy, stamp: stamp, day: day)
    }
    doc = copy
    return changes
  }
}

/// What collecting changes, in words: per file (unit, period or work plan), per item the
/// columns that change and the item's progress before → after; the command prints it, the
/// dashboard's preview shows it.
public enum CollectSummary {
  /// `details` adds the new texts under each item (the dashboard's preview). `partial`: the
  /// good rows of a file with problems are collected (`--partial`); else such a file is
  /// refused whole, and says so.
  public static func lines(
    _ forms: [FormCollect.Form], doc: StoreDocument, lang: Lang, details: Bool = false, partial: Bool = false
  )
    -> [String]
  {
    var out: [String] = []
    for f in forms {
      var head: String
      switch f.kind {
      case .report(let unit, let period):
        head = lang.pick("\(f.file)：\(unit) \(period) 进展报送", "\(f.file): \(unit) \(period) period report")
      case .workPlan(let unit):
        head = lang.pick("\(f.file)：\(unit)办理方案", "\(f.file): \(unit)'s work plan")
      case nil:
        head = f.file
      }
      head += state(f, partial: partial, lang: lang)
      out.append(head)
      // The command prints notes on stderr; the preview shows them with their form.
      if details {
        for n in f.notes { out.append("  " + lang.pick("注：", "note: ") + n.message(lang)) }
      }
      for r in f.reports {
        var line = "  \(r.item)  " + lang.pick("更新：", "changes: ") + r.fields.joined(separator: "、")
        if let p = r.filing.progress {
          let was = r.progressBefore ?? doc.plan.item(id: r.item)?.progress
          let now = r.progressAfter ?? was
          if r.counted, now == p || was == nil {
            let shown = was.map { $0 == p ? "\(p)%" : "\($0)%→\(p)%" } ?? "\(p)%"
            line += lang.pick("（进度 \(shown)）", " (progress \(shown))")
          } else if r.counted, let was, let now {
            // Several units report: the item takes the lowest figure of the newest period.
            let item = was == now ? lang.pick("仍为 \(now)%", "stays at \(now)%") : "\(was)%→\(now)%"
            line += lang.pick(
              "（进度 \(p)%；事项进度取各报送单位的最低值，\(item)）",
              " (progress \(p)%; the item takes the lowest of its reporting units: \(item))")
          } else if let was {
            // Stored in the unit's report; the item's progress is not this report's to move.
            let period = doc.plan.calendar.periods.first { $0.id == r.filing.period }?.name ?? r.filing.period
            line += lang.pick(
              "（进度 \(p)% 记入\(period)报告；事项进度仍为 \(was)%）",
              " (progress \(p)% kept in the \(r.filing.period) report; the item stays at \(was)%)")
          }
        }
        if let a = r.statusBefore, let b = r.statusAfter, a != b {
          line += lang.pick("，状态→\(b.label(lang))", ", status → \(b.label(lang))")
        }
        out.append(line)
        guard details else { continue }
        let old = r.before
        for (label, en, new, was) in [
          ("进展情况", "progress report", r.filing.progressText, old?.progressText),
          ("存在问题", "problems", r.filing.problems, old?.problems),
          ("下一步措施", "next steps", r.filing.nextSteps, old?.nextSteps),
        ] where FormCollect.norm(new) != FormCollect.norm(was ?? "") {
          let text = new.isEmpty ? lang.pick("（空）", "(empty)") : new.replacing("\n", with: " ")
          out.append("      " + lang.pick("\(label)：", "\(en): ") + text)
        }
      }
      if let wp = f.workPlan {
        if let owner = wp.owner { out.append(lang.pick("  总责任人：\(owner)", "  owner: \(owner)")) }
        for item in f.workPlanItems {
          let n = f.workPlanCounts[item] ?? .init()
          var zh: [String] = []
          var en: [String] = []
          if n.added > 0 {
            zh.append("新增 \(n.added) 行")
            en.append("\(n.added) row(s) added")
          }
          if n.kept > 0 {
            zh.append("保留未返回的 \(n.kept) 行")
            en.append("\(n.kept) row(s) not returned, kept")
          }
          let more = zh.isEmpty ? ("", "") : ("（\(zh.joined(separator: "，"))）", " (\(en.joined(separator: "; ")))")
          out.append(lang.pick("  \(item)  办理方案行已更新\(more.0)", "  \(item)  work-plan rows changed\(more.1)"))
          // The preview shows the item's rows as they will be, so the clerk sees what changes.
          guard details, let rows = wp.items.first(where: { $0.item == item })?.rows else { continue }
          for r in rows {
            let when = r.deadline.isEmpty ? "" : lang.pick("（\(r.deadline)）", " (\(r.deadline))")
            out.append("      · " + (r.content.isEmpty ? lang.pick("（空）", "(empty)") : r.content) + when)
          }
        }
      }
    }
    return out
  }
}

extension CollectSummary {
  /// What a file's heading adds: refused (its problems stop it), partly collected, never
  /// filled in, or filled in but changing nothing (collected already).
  static func state(_ f: FormCollect.Form, partial: Bool, lang: Lang) -> String {
    let n = f.problems.count
    if n > 0 && (!partial || f.changeCount == 0) {
      return lang.pick("（未收集：\(n) 处问题）", " (refused: \(problems(n, .en)))")
    }
    if n > 0 { return lang.pick("（部分收集：\(n) 处问题的行未收）", " (partly collected: \(problems(n, .en)) left out)") }
    guard f.changeCount == 0 else { return "" }
    return f.filledRows == 0 ? lang.pick("（未填写）", " (nothing filled in)") : lang.pick("（无变化）", " (no change)")
  }

  /// "1 处问题" / "1 problem", "2 problems".
  public static func problems(_ n: Int, _ lang: Lang) -> String {
    lang.pick("\(n) 处问题", n == 1 ? "1 problem" : "\(n) problems")
  }

  /// True when no file has anything filled in (blank forms, not forms collected already).
  public static func nothingFilled(_ forms: [FormCollect.Form]) -> Bool {
    forms.allSatisfy { $0.filledRows == 0 && $0.problems.isEmpty }
  }
}
