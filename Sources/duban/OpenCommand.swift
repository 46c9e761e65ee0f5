import ArgumentParser
import DubanCore

struct OpenCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "open", abstract: "Open the dashboard (the default).")

  @OptionGroup var global: GlobalOptions

  func run() throws {
    try reportingErrors {
      let (store, doc) = try global.openStore()
      Output.write("\(store.path): \(doc.plan.items.count) items\n")
    }
  }
}
