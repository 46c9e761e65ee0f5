import ArgumentParser
import DubanCore

// The command line's values are types: the parser validates them, and `--help` and shell
// completion list what they take. What a refusal says, per option and language, is below
// (`ArgumentExpectation`), so a bad value gets the same sentence in every command.

extension Day: ExpressibleByArgument {
  public init?(argument: String) { self.init(UserInput.halfWidth(argument).trimmed) }
}

extension Lang: ExpressibleByArgument {
  public init?(argument: String) {
    switch argument.lowercased() {
    case "zh", "zh_cn", "zh-cn", "中文", "chinese": self = .zh
    case "en", "english", "英文": self = .en
    default: return nil
    }
  }
}

extension ExportFormat: ExpressibleByArgument {
  public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

extension Status: ExpressibleByArgument {
  /// The JSON value, the Chinese label, or a loose English spelling.
  public init?(argument: String) { self.init(userText: argument) }

  public static var allValueStrings: [String] { allCases.map(\.rawValue) + allCases.map { $0.label(.zh) } }
}

/// A progress figure as people type it: `40`, `40%`, or full-width `４０` from a Chinese
/// IME; 0–100.
struct Percent: ExpressibleByArgument, Sendable {
  var value: Int

  init?(argument: String) {
    // `+10` is not "ten more" here (that is the dashboard's + key): a sign is refused.
    let t = UserInput.halfWidth(argument).trimmed
    guard !t.hasPrefix("+"), !t.hasPrefix("-"), let v = UserInput.integer(t), (0...100).contains(v) else { return nil }
    value = v
  }
}

/// A report period as typed. Which periods exist is the plan's (its calendar may have `Y` or
/// `Q4`, or names of its own), so the text is checked here and matched once the store is
/// open (`PlanCalendar.period(named:)`): the same spellings and the same refusal everywhere.
struct PeriodArgument: ExpressibleByArgument, Sendable {
  var text: String

  init?(argument: String) {
    let t = UserInput.halfWidth(argument).trimmed
    guard !t.isEmpty, t.count <= 32, !t.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
    else { return nil }
    text = t
  }

  /// For shell completion only: not a list of all a plan may call its periods, so `--help`
  /// says what is taken in words rather than "(values: …)".
  static var defaultCompletionKind: CompletionKind { .list(["Q1", "Q2", "Q3", "Q4", "Y"]) }

  static func help(_ detail: String) -> ArgumentHelp {
    ArgumentHelp(
      "Q1–Q4 (also q1, 1–4, 一季度, 第一季度), Y (全年), or a period's id or name in the plan; \(detail).",
      valueName: "period")
  }

  /// The plan's period this names, or a refusal listing the plan's periods.
  func resolve(in doc: StoreDocument, _ lang: Lang) throws -> ReportPeriod {
    if let period = doc.plan.calendar.period(named: text) { return period }
    let known = doc.plan.calendar.periodList(lang)
    throw Failure(lang.pick("没有期次“\(text)”；本方案的期次：\(known)", "no period “\(text)”; this plan has: \(known)"))
  }
}

/// What each typed option takes, said when a value is refused (the parser's own wording is
/// generic: "The value 'x' is invalid for '--today <date>'").
enum ArgumentExpectation {
  static func message(option: String, value: String, _ lang: Lang) -> String? {
    switch option {
    case "--today":
      return lang.pick(
        "--today 须是 YYYY-MM-DD 格式的日期，不能是“\(value)”", "--today must be a date as YYYY-MM-DD, not “\(value)”")
    case "--lang":
      return lang.pick("--lang 只能是 zh 或 en，不能是“\(value)”", "--lang must be zh or en, not “\(value)”")
    case "--format":
      return lang.pick("--format 只能是 md、csv 或 json，不能是“\(value)”", "--format must be md, csv or json, not “\(value)”")
    case "--status":
      return lang.pick(
        "未知状态“\(value)”：可用 not_started、in_progress、done、blocked（或 未开始、推进中、已完成、滞后）",
        "unknown status “\(value)”: use not_started, in_progress, done or blocked")
    case "--period":
      return lang.pick(
        "--period 须是期次，如 Q1、一季度、全年，不能是“\(value)”", "--period must be a period such as Q1 or Y, not “\(value)”")
    case "--progress":
      return lang.pick(
        "--progress 须是 0–100 的整数，不能是“\(value)”", "--progress must be a whole number 0–100, not “\(value)”")
    case "--light":
      return lang.pick(
        "--light 只能是 red、yellow、green（或 红、黄、绿），不能是“\(value)”", "--light must be red, yellow or green, not “\(value)”")
    case "--report":
      return lang.pick(
        "--report 只能是 overdue、due_soon、owed、late、filed，不能是“\(value)”",
        "--report must be overdue, due_soon, owed, late or filed, not “\(value)”")
    default:
      return nil
    }
  }
}

extension Light: ExpressibleByArgument {
  /// `red`/`yellow`/`green` or 红/黄/绿.
  public init?(argument: String) { self.init(userText: argument) }
}

extension ReportFilter: ExpressibleByArgument {
  public init?(argument: String) { self.init(userText: argument) }
  public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}
