/// The review after import (`duban import` on a terminal): what the clerk decided about each
/// repair is recorded on the warning itself (`decision`, `by`). Merging two spellings and
/// splitting a run-together name change the items through `ItemEdit` like any fix (history,
/// `reviewed`), all or none.
extension Plan {
  /// For each warning, the index of the item it concerns (nil for the calendar, counts…):
  /// the last item starting at or before its line, as `warningsByItem` assigns them.
  public func warningItems() -> [Int?] {
    var order = Array(items.indices)
    order.sort { items[$0].line < items[$1].line }
    return warnings.map { w in
      guard w.kind.concernsItem else { return nil }
      var lo = 0
      var hi = order.count
      while lo < hi {
        let mid = (lo + hi) / 2
        if items[order[mid]].line <= w.line { lo = mid + 1 } else { hi = mid }
      }
      return lo > 0 ? order[lo - 1] : nil
    }
  }

  /// Records a decision on the warning at `i`: `accepted`, `edited`, `merged A → B`, …
  public mutating func decide(warningAt i: Int, _ decision: String, stamp: Stamp) {
    guard warnings.indices.contains(i) else { return }
    warnings[i].decision = decision
    warnings[i].by = "\(stamp.user) \(stamp.time)"
  }

  /// Records a decision (an edit, a merge, a split) and marks the items it settles reviewed.
  /// A warning already decided keeps its earlier decision before the new one.
  public mutating func record(_ decision: String, onWarningAt i: Int, stamp: Stamp) {
    guard warnings.indices.contains(i) else { return }
    let earlier = warnings[i].decision.map { $0 == ImportDecision.accepted ? nil : $0 } ?? nil
    decide(warningAt: i, earlier.map { $0 + "; " + decision } ?? decision, stamp: stamp)
    markDecidedItemsReviewed(stamp: stamp)
  }

  /// Enter in the review: the repair reads right. The item is marked reviewed (no 疑) once
  /// every warning on it is decided.
  public mutating func accept(warningAt i: Int, stamp: Stamp) {
    decide(warningAt: i, ImportDecision.accepted, stamp: stamp)
    markDecidedItemsReviewed(stamp: stamp)
  }

  /// `--yes`, or `A` in the review: every warning not decided yet is accepted. Returns how many.
  @discardableResult
  public mutating func acceptUndecided(stamp: Stamp) -> Int {
    let open = warnings.indices.filter { warnings[$0].decision == nil }
    for i in open { decide(warningAt: i, ImportDecision.accepted, stamp: stamp) }
    markDecidedItemsReviewed(stamp: stamp)
    return open.count
  }

  /// Items whose every warning is decided are reviewed (as `v` would mark them), recorded in
  /// their history; an item with a warning still open keeps its 疑.
  public mutating func markDecidedItemsReviewed(stamp: Stamp) {
    var open: [Int: Bool] = [:]
    for (w, item) in zip(warnings, warningItems()) {
      guard let item else { continue }
      open[item] = (open[item] ?? false) || w.decision == nil
    }
    for (i, undecided) in open where !undecided && items[i].reviewed == nil {
      _ = try? apply(.review(resolved: true), at: i, stamp: stamp)
    }
  }

  /// Merges two spellings into one unit: every item naming `from` names `target` instead,
  /// and `from` (with its aliases) becomes an alias of `target`. Returns the decision text.
  public mutating func mergeUnit(_ from: String, into target: String, stamp: Stamp) throws -> String {
    guard let source = unit(named: from) else { throw EditError.unknownUnits([from]) }
    guard let into = unit(named: target) else { throw EditError.unknownUnits([target]) }
    guard source.name != into.name else {
      throw EditError(
        zh: "“\(from)”和“\(target)”已是同一个单位（\(into.name)）",
        en: "“\(from)” and “\(target)” are already one unit (\(into.name))")
    }
    var plan = self
    try plan.replaceUnit(source.name, with: [into.name], adding: [], stamp: stamp)
    if let t = plan.units.firstIndex(where: { $0.name == into.name }) {
      for alias in [source.name] + source.aliases where alias != into.name && !plan.units[t].aliases.contains(alias) {
        plan.units[t].aliases.append(alias)
      }
    }
    plan.units.removeAll { $0.name == source.name }
    self = plan
    return "\(ImportDecision.merged) \(source.name) → \(into.name)"
  }

  /// Splits a run-together unit name into the units typed (`区商务局、区发改委`, any
  /// separator `UnitListInput` takes; a name the plan does not have becomes a new unit).
  /// Every item naming it names the parts instead, in its place. Returns the decision text.
  public mutating func splitUnit(_ name: String, into typed: String, stamp: Stamp) throws -> String {
    guard let whole = unit(named: name) else { throw EditError.unknownUnits([name]) }
    var parts: [String] = []
    var adding: [String] = []
    for token in typed.split(whereSeparator: { UnitListInput.separators.contains($0) }).map(String.init) {
      var part = token.trimmed
      if part.hasPrefix("+") || part.hasPrefix("＋") { part = String(part.dropFirst()).trimmed }
      guard !part.isEmpty else { continue }
      if let known = unit(named: part) {
        // A spelling of the whole (商务局 for 区商务局) is the whole, never a new unit.
        parts.append(known.name)
      } else {
        parts.append(part)
        if part != whole.name { adding.append(part) }
      }
    }
    // A split makes shorter names, never longer: a part typed after the prefilled name
    // (区商务局区商务局) or one typed twice is a slip, not a unit.
    if let longer = parts.first(where: { $0 != whole.name && $0.contains(whole.name) }) {
      throw EditError(
        zh: "拆分“\(whole.name)”：“\(longer)”比原名还长，含着原名“\(whole.name)”；只输入拆出的各个单位，用“、”分开（如 区商务局、区招商局）",
        en:
          "split “\(whole.name)”: “\(longer)” is longer than the name and contains it; type only the parts, separated by 、 (区商务局、区招商局)"
      )
    }
    if let twice = parts.indices.first(where: { parts[..<$0].contains(parts[$0]) }).map({ parts[$0] }) {
      throw EditError(
        zh: "拆分“\(whole.name)”：“\(twice)”写了两次；每个单位只写一次",
        en: "split “\(whole.name)”: “\(twice)” is typed twice; name each unit once")
    }
    guard parts.count >= 2 else {
      throw EditError(
        zh: "拆分“\(whole.name)”：只写了一个单位；在一个单位结束、下一个单位开始的地方输入“、”或空格（如 区商务局区发改委 → 区商务局、区发改委）",
        en:
          "split “\(whole.name)”: only one unit given; type 、 or a space where one unit ends and the next begins (区商务局区发改委 → 区商务局、区发改委)"
      )
    }
    if parts.contains(whole.name) {
      throw EditError(
        zh: "拆分“\(whole.name)”：拆出的部分不能还是“\(whole.name)”本身；要给事项添加单位，请修改事项的单位",
        en:
          "split “\(whole.name)”: a part cannot be “\(whole.name)” itself; to add a unit to the item, edit the item's units"
      )
    }
    var plan = self
    try plan.replaceUnit(whole.name, with: parts, adding: adding, stamp: stamp)
    plan.units.removeAll { $0.name == whole.name }
    self = plan
    return "\(ImportDecision.split) \(whole.name) → \(parts.joined(separator: "、"))"
  }

  /// Every item naming `name` (as lead or other unit) names `replacement` there instead.
  private mutating func replaceUnit(_ name: String, with replacement: [String], adding: [String], stamp: Stamp)
    throws
  {
    for i in items.indices where items[i].lead.contains(name) || items[i].responsible.contains(name) {
      let item = items[i]
      let lead = ItemRecorder.unique(item.lead.flatMap { $0 == name ? replacement : [$0] })
      let others = ItemRecorder.unique(item.responsible.flatMap { $0 == name ? replacement : [$0] })
        .filter { !lead.contains($0) }
      // The item's own warnings stay open until decided: markDecidedItemsReviewed settles it.
      try apply(
        [
          .units(
            lead: lead, responsible: others, adding: adding,
            was: ItemUnits(lead: item.lead, responsible: item.responsible))
        ],
        at: i, stamp: stamp, resolvingWarnings: false)
    }
  }
}

/// The words a decision starts with, as stored (the same in both languages: scripts read them).
public enum ImportDecision {
  public static let accepted = "accepted"
  public static let edited = "edited"
  public static let merged = "merged"
  public static let split = "split"
}
