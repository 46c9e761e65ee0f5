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
  /// `details` adds the new texts under each item (the dashboard's preview).
  public static func lines(_ forms: [FormCollect.Form], doc: StoreDocument, lang: Lang, details: Bool = false)
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
      head += f.changeCount == 0 ? lang.pick("（无变化）", " (no change)") : ""
      out.append(head)
      // The command prints notes on stderr; the preview shows them with their form.
      if details {
        for n in f.notes { out.append("  " + lang.pick("注：", "note: ") + n.message(lang)) }
      }
      for r in f.reports {
        var line = "  \(r.item)  " + lang.pick("更新：", "changes: ") + r.fields.joined(separator: "、")
        if let p = r.filing.progress {
          let was = r.progressBefore ?? doc.plan.item(id: r.item)?.progress
          let shown = was.map { $0 == p ? "\(p)%" : "\($0)%→\(p)%" } ?? "\(p)%"
          line += lang.pick("（进度 \(shown)）", " (progress \(shown))")
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
          out.append(lang.pick("  \(item)  办理方案行已更新", "  \(item)  work-plan rows changed"))
        }
      }
    }
    return out
  }
}
