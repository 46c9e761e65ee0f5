import ArgumentParser
import DubanCore
import DubanTUI

/// Prints the dashboard's key table: the same table that drives the bindings and `?`.
struct KeysCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "keys", abstract: "List the dashboard's keys (the table behind the ? help).")

  @OptionGroup var global: GlobalOptions

  @Flag(help: "As a Markdown table (the README's copy is checked against it).")
  var markdown = false

  func run() throws {
    let lang = global.language
    if markdown {
      var out =
        "| \(lang.pick("按键", "keys")) | \(lang.pick("命令", "command")) | \(lang.pick("作用", "what it does")) |\n|---|---|---|\n"
      for b in KeyTable.bindings {
        out += "| `\(b.label)` | \(b.command.rawValue) | \(b.help(lang)) |\n"
      }
      Output.write(out)
      return
    }
    let rows = KeyTable.bindings.map { [$0.label, $0.command.rawValue, $0.help(lang)] }
    let headers = [lang.pick("按键", "keys"), lang.pick("命令", "command"), lang.pick("作用", "what it does")]
    Output.write(TextTable(headers: headers, rows: rows).render(maxWidth: Output.terminalWidth))
  }
}
