import ArgumentParser
import DubanCore

struct WorkPlanCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "workplan",
    abstract: "Set a unit's work plan: its 总责任人 and rows for its items.",
    discussion:
      "Rows replace the unit's earlier rows for the same items. The plan counts as filed once it has an owner and a row for every item the unit is named on."
  )

  @OptionGroup var global: GlobalOptions

  @Option(help: ArgumentHelp("The unit.", valueName: "name"))
  var unit: String

  @Option(help: ArgumentHelp("总责任人.", valueName: "name"))
  var owner: String?

  @Option(help: ArgumentHelp("A row: \"ITEM|具体工作内容|完成时限|分管领导|责任科室\" (repeatable).", valueName: "row"))
  var row: [String] = []

  func run() throws {
    try global.reportingErrors {
      let lang = global.language
      let (store, doc) = try global.openStore()
      let u = try doc.plan.requireUnit(unit, lang: lang)
      let allowed = Set(doc.plan.itemsForWorkPlan(of: u.name).map(\.id))
      var rows: [WorkPlanRow] = []
      for r in row {
        let f = r.split(separator: "|", omittingEmptySubsequences: false).map {
          String($0).trimming(while: \.isWhitespace)
        }
        guard f.count == 5 else {
          throw Failure(
            lang.pick(
              "--row 需要 5 段：事项|具体工作内容|完成时限|分管领导|责任科室", "--row takes 5 fields: ITEM|content|deadline|leader|office"))
        }
        guard allowed.contains(f[0]) else {
          throw Failure(lang.pick("事项 \(f[0]) 没有列\(u.name)为责任单位", "item \(f[0]) does not name \(u.name)"))
        }
        rows.append(WorkPlanRow(item: f[0], content: f[1], deadline: f[2], leader: f[3], office: f[4]))
      }
      let day = global.day.description
      let edit = WorkPlanEdit(unit: u.name, owner: owner, items: WorkPlanEdit.grouping(rows))
      let stamp = global.stamp()
      let (saved, _) = try store.update { doc in try doc.apply(edit, day: day, stamp: stamp) }
      Output.write(TerminalSafe.line(WorkPlanStatus(saved, unit: u.name).message(lang)) + "\n")
    }
  }
}

struct FileCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "file", abstract: "File a period report on an item: 进展情况, 存在问题, 下一步措施 and progress.")

  @OptionGroup var global: GlobalOptions

  @Argument(help: "The item's id.")
  var id: String

  @Option(help: PeriodArgument.help("default: the current period"))
  var period: PeriodArgument?

  @Option(
    help: ArgumentHelp("The unit reporting (required when the item has several reporting units).", valueName: "name"))
  var unit: String?

  // An omitted field keeps the unit's earlier report for the period; "" clears it.
  @Option(name: .customLong("done"), help: ArgumentHelp("进展情况 (omitted: kept; \"\" clears).", valueName: "text"))
  var progressText: String?

  @Option(help: ArgumentHelp("存在问题 (omitted: kept; \"\" clears).", valueName: "text"))
  var problems: String?

  @Option(name: .customLong("next"), help: ArgumentHelp("下一步措施 (omitted: kept; \"\" clears).", valueName: "text"))
  var nextSteps: String?

  @Option(help: ArgumentHelp("Progress, 0–100.", valueName: "n"))
  var progress: Percent?

  func run() throws {
    try global.reportingErrors {
      let lang = global.language
      let (store, doc) = try global.openStore()
      guard let item = doc.plan.item(id: id) else { throw Failure(lang.pick("没有事项 \(id)", "no item \(id)")) }
      let cal = doc.calendar
      guard let p = try period?.resolve(in: doc, lang).id ?? cal.current(on: global.day)?.id else {
        throw Failure(lang.pick("本方案没有报送日期", "this plan has no report dates"))
      }
      // A filing always names one unit: the one given, else the item's single reporting unit.
      let duty = doc.duty
      var reporter: String?
      if let unit {
        guard let u = doc.plan.unit(named: unit), u.kind == .unit, duty.reaches(item, unit: u.name) else {
          throw Failure(lang.pick("事项 \(id) 没有列“\(unit)”为责任单位", "item \(id) does not name “\(unit)”"))
        }
        reporter = u.name
      } else {
        let candidates = duty.reporters(of: item)
        if candidates.count > 1 {
          throw Failure(
            lang.pick(
              "事项 \(id) 有多个报送单位，请用 --unit 指定：\(candidates.joined(separator: "、"))",
              "item \(id) has several reporting units; name one with --unit: \(candidates.joined(separator: ", "))"))
        }
        reporter = candidates.first ?? duty.defaultReporter(of: item)
      }
      let stamp = global.stamp()
      let (_, (changes, kept)) = try store.update { newest -> ([Change], Int?) in
        guard let current = newest.plan.item(id: id) else { throw Failure(lang.pick("没有事项 \(id)", "no item \(id)")) }
        // Filed against the newest store, so what another user filed meanwhile is kept too.
        let report = ReportFiling.refiling(
          current, period: p, filed: global.day.description, user: global.currentUser(), unit: reporter,
          progressText: progressText, problems: problems, nextSteps: nextSteps, progress: progress?.value)
        let changes = try newest.plan.apply(newest.duty.reportEdits(current, report), to: id, stamp: stamp)
        return (changes, newest.duty.keptProgress(current, with: report))
      }
      // What moved the item (进度 30%→40%), as the dashboard's status line says it.
      let moved = changes.filter { if case .progress = $0.field { true } else { false } }
        .map { lang.pick("；", "; ") + $0.summary(lang) }.joined()
      let note = moved + (kept.map { ReportDuty.keptNote($0, lang) } ?? "")
      Output.write(
        TerminalSafe.line(
          lang.pick(
            "\(id) \(p) 进展已报送（\(reporter ?? "—")，\(global.day)）\(note)",
            "\(id) \(p) report filed (\(reporter ?? "—"), \(global.day))\(note)"))
          + "\n")
    }
  }
}

struct CloseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "close", abstract: "Close out (销号) a finished item; --reopen opens it again.")

  @OptionGroup var global: GlobalOptions

  @Argument(help: "The item's id.")
  var id: String

  @Option(help: ArgumentHelp("A remark recorded with the close-out.", valueName: "text"))
  var remark: String = ""

  @Flag(help: "Reopen a closed item.")
  var reopen = false

  func run() throws {
    try global.reportingErrors {
      let lang = global.language
      let (store, _) = try global.openStore()
      let stamp = global.stamp()
      let edit: ItemEdit = reopen ? .reopen(remark: remark) : .close(date: global.day.description, remark: remark)
      try store.update { try $0.plan.apply(edit, to: id, stamp: stamp) }
      Output.write(
        reopen
          ? lang.pick("\(id) 已重新打开\n", "\(id) reopened\n")
          : lang.pick("\(id) 已销号（\(global.day)）\n", "\(id) closed out (\(global.day))\n"))
    }
  }
}
