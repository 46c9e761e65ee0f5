import ArgumentParser

struct Duban: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "duban",
    abstract: "督办: track a government work report's responsibility breakdown (责任分解方案).",
    discussion: """
      With no subcommand, opens the dashboard on the store. The global options --store, --today \
      and --lang may come before or after the subcommand (duban --store S list). A store named \
      by --store or $DUBAN_STORE must exist (make one with duban import DOC --out PATH); only the \
      default store is created on first run, from the embedded 2019 Jiang'an plan. \
      Exit codes: 0 ok, 1 changes not saved, 2 bad input, a usage error or an unreadable store.
      """,
    subcommands: [
      OpenCommand.self, ImportCommand.self, ListCommand.self, UnitsCommand.self, MarkCommand.self, DueCommand.self,
      GroupCommand.self, WorkPlanCommand.self, FileCommand.self, CloseCommand.self, SheetCommand.self,
      ReportCommand.self, ChaseCommand.self, KeysCommand.self, DoctorCommand.self, EditCommand.self,
      FormCommand.self, CollectCommand.self, RemindCommand.self,
    ],
    defaultSubcommand: OpenCommand.self
  )
}
