import ArgumentParser
import DubanCore
import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#endif

/// The command line as git, task and kubectl take it: global options before or after the
/// subcommand; usage errors in the interface's language, exit code 2.
@main
enum Entry {
  static func main() {
    Store.prepareProcess()
    let args = GlobalArguments.reordered(
      Array(CommandLine.arguments.dropFirst()),
      subcommands: Set(Duban.configuration.subcommands.compactMap { $0.configuration.commandName }))
    do {
      var command = try Duban.parseAsRoot(args)
      try command.run()
    } catch {
      guard Duban.exitCode(for: error) == .validationFailure else { Duban.exit(withError: error) }
      let lang = Lang(option: GlobalArguments.langOption(in: args), environment: ProcessInfo.processInfo.environment)
      note(UsageMessage.localized(Duban.fullMessage(for: error), lang))
      exit(2)
    }
  }
}

enum GlobalArguments {
  /// The options every subcommand takes (GlobalOptions), each with a value; and `--unit`,
  /// which the dashboard and the commands about one unit take (`duban --unit 区商务局 due`).
  static let names = ["--store", "--today", "--lang", "--unit"]

  /// `duban --store S --today D list …` → `duban list --store S --today D …`. Only a leading
  /// run of global options followed by a subcommand's name is moved; anything else (the
  /// dashboard, `duban --store S`) is left for the parser as typed.
  static func reordered(_ args: [String], subcommands: Set<String>) -> [String] {
    var leading: [String] = []
    var i = 0
    while i < args.count {
      let a = args[i]
      if names.contains(a), i + 1 < args.count {
        leading += [a, args[i + 1]]
        i += 2
      } else if names.contains(where: { a.hasPrefix($0 + "=") }) {
        leading.append(a)
        i += 1
      } else {
        break
      }
    }
    guard !leading.isEmpty, i < args.count, subcommands.contains(args[i]) else { return args }
    return [args[i]] + leading + args[(i + 1)...]
  }

  /// The `--lang` given, wherever it is (for messages before the options are parsed).
  static func langOption(in args: [String]) -> String? {
    var found: String?
    var i = 0
    while i < args.count, args[i] != "--" {
      if args[i] == "--lang", i + 1 < args.count {
        found = args[i + 1]
        i += 1
      } else if args[i].hasPrefix("--lang=") {
        found = String(args[i].dropFirst("--lang=".count))
      }
      i += 1
    }
    return found
  }
}

/// ArgumentParser's usage errors, said in the interface's language: our own messages (from
/// validate()) are already in it; the parser's common ones are translated; the usage line
/// is syntax and stays as it is.
enum UsageMessage {
  static func localized(_ full: String, _ lang: Lang) -> String {
    var out: [String] = []
    for line in full.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
      if line.hasPrefix("Error: ") {
        let message = String(line.dropFirst("Error: ".count))
        if let m = message.wholeMatch(of: #/The value '(.*)' is invalid for '(--[a-z-]+)[^']*'.*/#),
          let expected = ArgumentExpectation.message(option: String(m.2), value: String(m.1), lang)
        {
          out.append("duban: " + expected)
          continue
        }
        out.append("duban: " + (lang == .zh ? translate(message) : message))
      } else if line.hasPrefix("Help: ") {
        if lang == .en { out.append(line) }  // the option's English help
      } else if lang == .zh, line.hasPrefix("Usage: ") {
        out.append("用法：" + line.dropFirst("Usage: ".count))
      } else if lang == .zh, let m = line.wholeMatch(of: #/\s*See '(.+)' for more information\./#) {
        out.append("  详见 `\(m.1)`。")
      } else {
        out.append(line)
      }
    }
    while out.last?.isEmpty == true { out.removeLast() }
    return out.joined(separator: "\n")
  }

  /// The parser's own messages that users meet, in Chinese; anything else as it is.
  static func translate(_ message: String) -> String {
    if let m = message.wholeMatch(of: #/Unknown option '(.+)'\. Did you mean '(.+)'\?/#) {
      return "未知选项 '\(m.1)'；是不是 '\(m.2)'？"
    }
    if let m = message.wholeMatch(of: #/Unknown option '(.+)'/#) { return "未知选项 '\(m.1)'" }
    if let m = message.wholeMatch(of: #/Missing value for '(.+)'/#) { return "选项 '\(m.1)' 缺少值" }
    if let m = message.wholeMatch(of: #/Unexpected arguments? (.+)/#) { return "多余的参数 \(m.1)" }
    if let m = message.wholeMatch(of: #/Missing expected argument '(.+)'/#) { return "缺少参数 '\(m.1)'" }
    if let m = message.wholeMatch(of: #/The value '(.*)' is invalid for '(.+?)'(.*)/#) {
      return "'\(m.1)' 不是 '\(m.2)' 的有效值\(m.3)"
    }
    return message
  }
}
