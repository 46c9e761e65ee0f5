import ArgumentParser
import DubanCore
import FoundationEssentials

struct GroupCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "group",
    abstract: "Show or set the units a group reference (各街道, 相关街道…) stands for.",
    discussion: "Without options, prints the members; a group never set uses an assumed default.")

  @OptionGroup var global: GlobalOptions

  @Argument(help: "The group reference, as the plan writes it (e.g. 各街道).")
  var name: String

  @Option(help: ArgumentHelp("Set the members: unit names separated by 、 or commas.", valueName: "units"))
  var set: String?

  @Flag(help: "Forget the members set, back to the assumed default.")
  var reset = false

  func run() throws {
    try global.reportingErrors {
      let lang = global.language
      let (store, doc) = try global.openStore()
      guard let group = doc.plan.unit(named: name), group.kind == .group else {
        throw Failure(
          lang.pick(
            "“\(name)”不是本方案中的泛指单位；`duban units` 列出全部",
            "“\(name)” is not a group reference of this plan; `duban units` lists them"))
      }
      var membership = doc.settings.membership(of: group.name, in: doc.plan)
      if let set {
        var members: [String] = []
        for raw in set.split(whereSeparator: { "、,，;；".contains($0) }).map({
          String($0).trimming(while: \.isWhitespace)
        }) where !raw.isEmpty {
          let unit = try doc.plan.requireUnit(raw, lang: lang)
          if !members.contains(unit.name) { members.append(unit.name) }
        }
        membership = GroupMembership(group: group.name, members: members, assumed: false)
      }
      if set != nil || reset {
        let updated = membership
        try store.update { doc in
          doc.settings.groups.removeAll { $0.group == group.name }
          if !reset { doc.settings.groups.append(updated) }
        }
        if reset { membership = Settings().membership(of: group.name, in: doc.plan) }
      }
      let label = membership.assumed ? lang.pick("（假定）", " (assumed)") : ""
      Output.write(TerminalSafe.line("\(group.name)\(label): \(membership.members.joined(separator: "、"))") + "\n")
    }
  }
}
