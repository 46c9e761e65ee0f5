import ArgumentParser

@main
struct Duban: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "duban",
    abstract: "督办: track a government work report's responsibility breakdown (责任分解方案).",
    discussion: """
      With no subcommand, opens the dashboard on the store (created from the embedded 2019 \
      Jiang'an plan on first run). Exit codes: 0 ok, 2 bad input or unreadable store.
      """,
    subcommands: [
      OpenCommand.self, ImportCommand.self, ListCommand.self, UnitsCommand.self, MarkCommand.self, DueCommand.self,
      GroupCommand.self, WorkPlanCommand.self, FileCommand.self, CloseCommand.self, SheetCommand.self,
      ReportCommand.self, KeysCommand.self,
    ],
    defaultSubcommand: OpenCommand.self
  )
}
