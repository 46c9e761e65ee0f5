import ArgumentParser
import DubanCore

/// `duban edit`: fixing the plan from the command line — the dashboard's `i` and `v`, by
/// the same rules (ItemEdit: history, undo in the dashboard, closed items refused).
struct EditCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "edit",
    abstract: "Fix an item's text or units (import damage), or mark its import warnings resolved.",
    discussion: """
      Units are a list separated by 、 or commas, by any spelling or alias; a unit the plan does \
      not have yet is written with a + before it (--units "+区大数据局、区发改委"). A change to the text \
      or units resolves the item's import warnings; --resolved says the item reads right as it is.
      """)

  @OptionGroup var global: GlobalOptions

  @Argument(help: "The item's id, as `duban list` shows it (e.g. 2.67).")
  var id: String

  @Option(help: ArgumentHelp("The item's corrected text (one line).", valueName: "text"))
  var text: String?

  @Option(help: ArgumentHelp("The lead units (牵头单位), replacing the present ones; \"\" for none.", valueName: "units"))
  var lead: String?

  @Option(help: ArgumentHelp("The other units (责任单位), replacing the present ones.", valueName: "units"))
  var units: String?

  @Flag(help: "Mark the item's import warnings resolved without a change.")
  var resolved = false

  @Flag(help: "Open the item's import warnings again.")
  var unresolved = false

  func validate() throws {
    let lang = global.language
    if text == nil && lead == nil && units == nil && !resolved && !unresolved {
      throw ValidationError(
        lang.pick(
          "请说明要修改什么：--text、--lead、--units 或 --resolved", "say what to change: --text, --lead, --units or --resolved"))
    }
    if resolved && unresolved {
      throw ValidationError(
        lang.pick("--resolved 和 --unresolved 只能选一个", "--resolved and --unresolved exclude each other"))
    }
  }

  func run() throws {
    try global.reportingErrors {
      let lang = global.language
      let (store, _) = try global.openStore()
      let stamp = global.stamp()
      let (_, changes) = try store.update { doc in
        guard let index = doc.plan.itemIndex(id: id) else { throw EditError.noItem(id) }
        let edits = try Self.edits(
          for: doc.plan.items[index], plan: doc.plan, text: text, lead: lead, units: units,
          review: resolved ? true : unresolved ? false : nil)
        return try doc.plan.apply(edits, at: index, stamp: stamp)
      }
      if changes.isEmpty {
        Output.write(lang.pick("\(id)：没有变化，未写入\n", "\(id): nothing changed, nothing written\n"))
        return
      }
      for c in changes { Output.write(TerminalSafe.line("\(id): \(c.summary(lang))") + "\n") }
      Output.write(lang.pick("已保存到 \(store.path)\n", "saved to \(store.path)\n"))
    }
  }

  /// The edits the options ask for, units resolved against the plan on disk.
  static func edits(
    for item: Item, plan: Plan, text: String?, lead: String?, units: String?, review: Bool?
  ) throws -> [ItemEdit] {
    var edits: [ItemEdit] = []
    if let text { edits.append(.text(text)) }
    if lead != nil || units != nil {
      let l = try lead.map { try UnitListInput.parse($0, plan: plan) }
      let u = try units.map { try UnitListInput.parse($0, plan: plan) }
      let leadNames = l?.names ?? item.lead
      let others = (u?.names ?? item.responsible).filter { !leadNames.contains($0) }
      edits.append(.units(lead: leadNames, responsible: others, adding: (l?.adding ?? []) + (u?.adding ?? [])))
    }
    if let review { edits.append(.review(resolved: review)) }
    return edits
  }
}
