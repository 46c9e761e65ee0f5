import DubanCore

/// The review's decisions that take more than a key: `m` and `s` (a prompt, and a chooser when
/// the name typed fits several units), the `i` form closing, and undo/redo of any decision.
extension ImportReviewer {
  static func promptKey(_ s: inout ImportReviewState, _ prompt: inout ReviewPrompt, _ key: Key, stamp: Stamp) {
    s.prompt = prompt
    switch key {
    case .escape: s.prompt = nil
    case .tab, .backTab:
      prompt.choice = (prompt.choice + (key == .tab ? 1 : prompt.choices.count - 1)) % prompt.choices.count
      if prompt.kind == .split { prompt.editor = LineEditor(prompt.source, selected: true) }
      s.prompt = prompt
    case .enter:
      switch prompt.kind {
      case .merge: mergeTyped(&s, prompt, stamp: stamp)
      case .split: splitTyped(&s, prompt, stamp: stamp)
      }
    default:
      prompt.editor.handle(key)
      s.prompt = prompt
      s.message = nil
    }
  }

  /// Enter in the merge prompt: a unit's name or alias merges at once, as does a part of a
  /// name only one unit has; a part several have opens a chooser of them.
  static func mergeTyped(_ s: inout ImportReviewState, _ prompt: ReviewPrompt, stamp: Stamp) {
    let lang = s.lang
    let typed = prompt.editor.text.trimmed
    guard !typed.isEmpty else {
      return say(
        &s, lang.pick("输入要并入的单位（名称的一部分即可，如 建投）", "type the unit to merge into (a part of its name will do)"),
        error: true)
    }
    if let unit = s.plan.unit(named: typed) { return merge(&s, prompt.source, into: unit.name, stamp: stamp) }
    let matches = prompt.matches(in: s.plan)
    switch matches.count {
    case 0:
      say(
        &s,
        lang.pick(
          "没有名称或别称含“\(typed)”的单位：改成要并入的那个单位名称的一部分；只能并入方案已有的单位（新单位请按 Esc 后用 i 写入事项）",
          "no unit's name or alias contains “\(typed)”: type a part of the name of the unit to merge into; only a unit the plan has (for a new one, Esc and write it with i)"
        ), error: true)
    case 1: merge(&s, prompt.source, into: matches[0], stamp: stamp)
    default:
      s.chooser = Chooser(
        purpose: .mergeUnit(from: prompt.source),
        title: lang.pick(
          "含“\(typed)”的单位有 \(matches.count) 个：把“\(prompt.source)”并入哪一个？",
          "\(matches.count) units contain “\(typed)”: merge “\(prompt.source)” into which?"),
        options: matches.map { Chooser.Option(label: $0, value: $0) })
    }
  }

  static func chooserKey(_ s: inout ImportReviewState, _ chooser: inout Chooser, _ key: Key, stamp: Stamp) {
    switch chooser.handle(key) {
    case .stay: s.chooser = chooser
    case .cancelled: s.chooser = nil  // back to the prompt, with what was typed
    case .picked(let option):
      s.chooser = nil
      guard case .mergeUnit(let from) = chooser.purpose else { return }
      merge(&s, from, into: option.value, stamp: stamp)
    }
  }

  static func merge(_ s: inout ImportReviewState, _ from: String, into target: String, stamp: Stamp) {
    decide(&s, .merge, stamp: stamp) { plan in
      try plan.mergeUnit(from, into: target, stamp: stamp)
    }
  }

  static func splitTyped(_ s: inout ImportReviewState, _ prompt: ReviewPrompt, stamp: Stamp) {
    let lang = s.lang
    // Enter on the name as it was: the clerk may think `s` checks the import's own split.
    guard prompt.editor.text.trimmed != prompt.source else {
      return say(
        &s,
        lang.pick(
          "“\(prompt.source)”还没有拆开：在一个单位结束、下一个单位开始的地方输入“、”或空格再按 Enter；它本来就是一个单位时，按 Esc 后按 Enter 接受这条修正",
          "“\(prompt.source)” is not split yet: type 、 or a space where one unit ends and the next begins, then Enter; if it is one unit, Esc and Enter accepts the repair"
        ), error: true)
    }
    decide(&s, .split, stamp: stamp) { plan in
      try plan.splitUnit(prompt.source, into: prompt.editor.text, stamp: stamp)
    }
  }

  /// Applies a merge or split to a copy of the plan (all or none), records it on the selected
  /// warning and as an undo step; a refusal keeps the prompt open with what was typed.
  static func decide(
    _ s: inout ImportReviewState, _ kind: ReviewPrompt.Kind, stamp: Stamp, _ change: (inout Plan) throws -> String
  ) {
    let lang = s.lang
    let (noun, past) =
      kind == .merge
      ? (lang.pick("合并 ", "merge "), lang.pick("已合并：", "merged: "))
      : (lang.pick("拆分 ", "split "), lang.pick("已拆分：", "split: "))
    var plan = s.plan
    do {
      let decision = try change(&plan)
      plan.record(decision, onWarningAt: s.selected, stamp: stamp)
      let before = s.plan
      s.app.doc.plan = plan
      s.warningItems = plan.warningItems()
      s.prompt = nil
      // "merged A → B": what it did is after the first word.
      let what = TerminalSafe.line(String(decision.drop { $0 != " " }.dropFirst()))
      done(&s, before, noun + what)
      say(&s, past + what)
      nextUndecided(&s)
    } catch let error as EditError {
      say(&s, error.message(lang), error: true)
    } catch {
      say(&s, "\(error)", error: true)
    }
  }

  /// The `i` form closed: a changed item (or calendar) records `edited` on its open warnings.
  static func formClosed(_ s: inout ImportReviewState, stamp: Stamp) {
    guard let editing = s.editing else { return }
    s.editing = nil
    s.message = s.app.message
    s.messageIsError = s.app.messageIsError
    let lang = s.lang
    switch editing {
    case .calendar(let before):
      guard s.plan.calendar != before else { return }
      var was = s.plan
      was.calendar = before
      // The new date goes with the decision: the warning's message keeps the old reading.
      let field = s.dateFields.indices.contains(s.selected) ? s.dateFields[s.selected] : nil
      let now = field.flatMap { s.plan.calendar.date($0) }.map { " " + $0 } ?? ""
      s.app.doc.plan.decide(warningAt: s.selected, ImportDecision.edited + now, stamp: stamp)
      done(&s, was, lang.pick("修改报送日期", "edit the plan's dates"))
    case .item(let before):
      guard let i = s.plan.itemIndex(id: before.id), s.plan.items[i] != before else {
        if !s.messageIsError {
          s.message = lang.pick(
            "\(before.id) 没有修改；所读无误请按 Enter 接受", "\(before.id): nothing changed; Enter accepts it as read")
        }
        return
      }
      var was = s.plan
      was.items[i] = before
      for (w, item) in s.warningItems.enumerated() where item == i && s.plan.warnings[w].decision == nil {
        s.app.doc.plan.decide(warningAt: w, ImportDecision.edited, stamp: stamp)
      }
      s.app.doc.plan.markDecidedItemsReviewed(stamp: stamp)
      done(&s, was, lang.pick("修改 \(before.id)", "edit \(before.id)"))
    }
    nextUndecided(&s)
  }

  /// A decision was made: `before` is the plan as it was. Redo is forgotten, as in the dashboard.
  static func done(_ s: inout ImportReviewState, _ before: Plan, _ label: String) {
    s.undoStack.append(ReviewStep(label: label, plan: before, selected: s.selected))
    s.redoStack.removeAll()
  }

  /// `u` puts back the plan as it was before the last decision (a merge's other items and
  /// units too), `Ctrl-R` makes it again; the selection goes to the warning it was made on.
  static func step(_ s: inout ImportReviewState, backward: Bool) {
    let lang = s.lang
    guard let last = backward ? s.undoStack.popLast() : s.redoStack.popLast() else {
      return say(
        &s, backward ? lang.pick("没有可撤销的决定", "no decision to undo") : lang.pick("没有可重做的决定", "no decision to redo"))
    }
    let other = ReviewStep(label: last.label, plan: s.plan, selected: last.selected)
    if backward { s.redoStack.append(other) } else { s.undoStack.append(other) }
    s.app.doc.plan = last.plan
    s.warningItems = last.plan.warningItems()
    s.selected = min(last.selected, max(0, last.plan.warnings.count - 1))
    say(&s, (backward ? lang.pick("已撤销：", "undone: ") : lang.pick("已重做：", "redone: ")) + last.label)
  }
}
