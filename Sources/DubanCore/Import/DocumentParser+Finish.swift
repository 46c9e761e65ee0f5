import FoundationEssentials

// The second half of an import: the items read, their units resolved across the whole
// document, numbered and counted into a Plan.
extension DocumentParser {
  /// Resolves units across the whole document, numbers the items and checks the counts.
  mutating func finish(lines: [Line], planStart: Int) -> Plan {
    var mentions: [UnitResolver.Mention] = []
    for item in items {
      for e in item.clause?.entries ?? [] where e.role != .leader {
        mentions.append(.init(raw: e.name, line: item.clauseLine))
      }
    }
    var resolver = UnitResolver(mentions: mentions)
    var units: [Unit] = []
    var unitIndex: [String: Int] = [:]
    func record(_ r: UnitResolver.Resolved) {
      if unitIndex[r.name] == nil {
        unitIndex[r.name] = units.count
        units.append(Unit(name: r.name, aliases: [], kind: r.kind))
      }
      let i = unitIndex[r.name]!
      // Every spelling, and the second title it carries (区民防办〈园林局〉 → 园林局), is an alias.
      for spelling in r.spellings {
        let parts = UnitName.baseName(spelling)
        var names = [spelling]
        if let second = parts.second, parts.closed { names.append(second) }
        for s in names where s != r.name && !units[i].aliases.contains(s) { units[i].aliases.append(s) }
      }
    }

    var planItems: [Item] = []
    var ordinalInPart: [Int: Int] = [:]
    var numbersSeen = Set<String>()
    for (k, raw) in items.enumerated() {
      if k % 1000 == 999 { progress?(0.5 + 0.5 * Double(k) / Double(items.count)) }
      var lead: [String] = []
      var responsible: [String] = []
      var leaders: [String] = []
      for e in raw.clause?.entries ?? [] {
        if e.role == .leader {
          if !leaders.contains(e.name) { leaders.append(e.name) }
          continue
        }
        for r in resolver.resolve(e.name, line: raw.clauseLine) {
          record(r)
          if e.role == .lead {
            if !lead.contains(r.name) { lead.append(r.name) }
          } else if !responsible.contains(r.name) && !lead.contains(r.name) {
            responsible.append(r.name)
          }
        }
      }
      if lead.isEmpty, firstListedIsLead, !responsible.isEmpty, raw.clause?.hasLeadLabel == false {
        lead.append(responsible.removeFirst())
      }
      if lead.isEmpty && responsible.isEmpty {
        warnings.append(
          ImportWarning(
            line: raw.line, kind: .noUnits, message: "item \(raw.number) names no unit",
            zh: "事项 \(raw.number) 没有列出责任单位"))
      }
      let ordinal = (ordinalInPart[raw.part] ?? 0) + 1
      ordinalInPart[raw.part] = ordinal
      if !numbersSeen.insert("\(raw.part)/\(raw.number)").inserted {
        warnings.append(
          ImportWarning(
            line: raw.line, kind: .duplicateNumber,
            message:
              "number \(raw.number) appears twice in part \(raw.part); numbered by position as \(raw.part).\(ordinal)",
            zh: "第 \(raw.part) 部分中编号 \(raw.number) 出现两次；按位置编为 \(raw.part).\(ordinal)"))
      }
      planItems.append(
        Item(
          id: "\(raw.part).\(ordinal)", part: raw.part, section: raw.section, group: raw.group, number: raw.number,
          text: raw.text, lead: lead, responsible: responsible, leaders: leaders, line: raw.line))
    }
    for part in parts {
      let found = ordinalInPart[part.ordinal] ?? 0
      if let declared = part.declaredCount, declared != found {
        let line = lines.first { LineShapes.part($0.text)?.title == part.title }?.number ?? 0
        warnings.append(
          ImportWarning(
            line: line, kind: .countMismatch,
            message: "part \(part.number) declares \(declared) items but \(found) were found",
            zh: "第\(part.number)部分写明共 \(declared) 项，实际找到 \(found) 项"))
      }
    }
    // Drop parts that carried no item (headings of the notice that slipped through).
    var kept = parts.filter { (ordinalInPart[$0.ordinal] ?? 0) > 0 }
    let planTitle = title(lines, planStart: planStart)
    for k in kept.indices where kept[k].title.isEmpty { kept[k].title = planTitle }

    var calendarExtractor = CalendarExtractor()
    let calendar = calendarExtractor.extract(lines, planStart: planStart)
    let year = (calendar.issued ?? calendar.published).flatMap(Day.init)?.year ?? CalendarExtractor.firstYear(in: lines)
    warnings += storeDeadlines(&planItems, year: year)
    let all = (warnings + resolver.warnings + calendarExtractor.warnings).sorted { $0.line < $1.line }
    return Plan(
      title: planTitle, source: file, calendar: calendar, parts: kept, items: planItems,
      units: units, warnings: all)
  }

  /// The plan's own heading: the lines just above the first part (not the signature date),
  /// else the notice's title.
  func title(_ lines: [Line], planStart: Int) -> String {
    let above = lines.filter { $0.number < planStart }.suffix(2).map(\.text)
      .filter { CalendarExtractor.chineseDate($0) == nil || $0.count > 12 }
    let joined = above.joined()
    if ["方案", "分解", "分工", "任务", "重点工作"].contains(where: { joined.includes($0) }) { return joined }
    return lines.first { $0.text.includes("分解方案") }?.text ?? PathText.lastComponent(of: file)
  }
}
