import ArgumentParser
import DubanCore

struct MarkCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mark", abstract: "Record an item's status, progress or a note (saved at once, under the lock).")

  @OptionGroup var global: GlobalOptions

  @Argument(help: "The item's id, as `duban list` shows it (e.g. 2.29).")
  var id: String

  @Option(help: ArgumentHelp("not_started, in_progress, done, blocked (or 未开始 推进中 已完成 滞后).", valueName: "status"))
  var status: Status?

  @Option(help: ArgumentHelp("Progress in percent, 0–100.", valueName: "n"))
  var progress: Percent?

  @Option(help: ArgumentHelp("Add a note to the item.", valueName: "text"))
  var note: String?

  @Option(
    help: ArgumentHelp(
      "Record the value achieved for a target, by its name or number (repeatable); NAME= clears it.",
      valueName: "name=value"))
  var actual: [String] = []

  @Option(
    help: ArgumentHelp(
      "The item's own deadline: 2019-06-30, 6/30 or 6月30日 (in the plan's year); \"\" clears it.", valueName: "date"))
  var deadline: String?

  func validate() throws {
    if status == nil && progress == nil && note == nil && actual.isEmpty && deadline == nil {
      throw ValidationError(
        global.language.pick(
          "请说明要记录什么：--status、--progress、--note 和/或 --actual",
          "say what to mark: --status, --progress, --note and/or --actual"))
    }
  }

  func run() throws {
    try global.reportingErrors {
      let lang = global.language
      var edits: [ItemEdit] = []
      let newStatus = status
      if let newStatus { edits.append(.status(newStatus)) }
      // 已完成 with 50%, 未开始 with progress: refused before anything changes.
      let request = MarkRequest(status: newStatus, progress: progress?.value)
      if let progress { edits.append(.progress(progress.value)) }
      if let note { edits.append(.note(note)) }
      // The dashboard's `a` prompt reads NAME=VALUE the same way (trimmed, ＝ and full-width digits).
      for a in actual {
        guard let (name, raw) = UserInput.assignment(a) else {
          throw Failure(lang.pick("--actual 的格式是 名称=数值，例如 停车泊位=3000", "--actual takes NAME=VALUE, e.g. 停车泊位=3000"))
        }
        let value = raw.isEmpty ? nil : UserInput.number(raw)
        guard raw.isEmpty || value != nil else { throw Failure(lang.pick("“\(raw)”不是数值", "“\(raw)” is not a number")) }
        edits.append(.actual(target: name, value: value))
      }
      let (store, _) = try global.openStore()
      let stamp = global.stamp()
      let (_, changes) = try store.update { doc in
        if let item = doc.plan.item(id: id) { try request.check(item: id, currentProgress: item.progress) }
        var edits = edits
        // A day without a year is in the plan's year, as the dashboard's `d` reads it.
        if let deadline {
          let text = deadline.trimmed
          let year = Schedule(plan: doc.plan, settings: doc.settings, today: global.day).year
          guard text.isEmpty || UserInput.day(text, year: year) != nil else {
            throw Failure(
              lang.pick(
                "“\(text)”不是日期：写 6/30、6月30日 或 \(year)-06-30", "“\(text)” is not a date: type 6/30 or \(year)-06-30"))
          }
          edits.append(.deadline(text.isEmpty ? nil : UserInput.day(text, year: year)!.description))
        }
        return try doc.plan.apply(edits, to: id, stamp: stamp)
      }
      // Nothing changed, nothing written: the store, its time and its .bak stay as they were.
      if changes.isEmpty {
        Output.write(lang.pick("\(id)：没有变化，未写入\n", "\(id): nothing changed, nothing written\n"))
        return
      }
      for c in changes {
        Output.write(TerminalSafe.line("\(id): \(c.summary(lang))") + "\n")
      }
      Output.write(lang.pick("已保存到 \(store.path)\n", "saved to \(store.path)\n"))
    }
  }
}
