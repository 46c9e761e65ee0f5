import FoundationEssentials

/// One item of the plan: a target, a key task or a livelihood project.
public struct Item: Codable, Equatable, Sendable {
  /// "2.29": the part's ordinal, a dot, the item's ordinal within its part.
  public var id: String
  public var part: Int
  public var section: String?
  public var group: String?
  /// The label as printed: "29", "二".
  public var number: String
  /// The item text exactly as printed, without the unit clause.
  public var text: String
  public var lead: [String]
  public var responsible: [String]
  public var leaders: [String]
  public var status: Status
  public var progress: Int
  public var notes: [Note]
  /// Period reports filed for this item (Q1, Q2, …), in the order filed.
  public var reports: [ReportFiling]
  /// Numbers the item commits to, with what has been achieved.
  public var targets: [Target]
  /// The item's own deadline (YYYY-MM-DD), where it has one; else the plan's year end.
  public var deadline: String?
  /// Set when the office has closed the item out (销号): read-only until reopened.
  public var closed: Closure?
  public var history: [Change]
  /// Where the item starts in the source document.
  public var line: Int

  public init(
    id: String, part: Int, section: String?, group: String?, number: String, text: String,
    lead: [String], responsible: [String], leaders: [String], line: Int
  ) {
    self.init(
      id: id, part: part, section: section, group: group, number: number, text: text, lead: lead,
      responsible: responsible, leaders: leaders, line: line, status: .notStarted, progress: 0, notes: [], reports: [],
      targets: TargetExtractor.extract(from: text), deadline: nil, closed: nil, history: [])
  }

  /// Every field as stored (the store's reader).
  init(
    id: String, part: Int, section: String?, group: String?, number: String, text: String, lead: [String],
    responsible: [String], leaders: [String], line: Int, status: Status, progress: Int, notes: [Note],
    reports: [ReportFiling], targets: [Target], deadline: String?, closed: Closure?, history: [Change]
  ) {
    self.id = id
    self.part = part
    self.section = section
    self.group = group
    self.number = number
    self.text = text
    self.lead = lead
    self.responsible = responsible
    self.leaders = leaders
    self.status = status
    self.progress = progress
    self.notes = notes
    self.reports = reports
    self.targets = targets
    self.deadline = deadline
    self.closed = closed
    self.history = history
    self.line = line
  }

  /// Lead units first, then the others, each once.
  public var allUnits: [String] {
    var seen = Set<String>()
    return (lead + responsible).filter { seen.insert($0).inserted }
  }

  public func names(unit: String) -> Bool { lead.contains(unit) || responsible.contains(unit) }
}

public enum Status: String, Codable, CaseIterable, Sendable {
  case notStarted = "not_started"
  case inProgress = "in_progress"
  case done
  case blocked

  /// Space cycles 未开始 → 推进中 → 已完成 → 未开始; 滞后 returns to 推进中.
  public var next: Status {
    switch self {
    case .notStarted: return .inProgress
    case .inProgress: return .done
    case .done: return .notStarted
    case .blocked: return .inProgress
    }
  }

  /// Accepts the JSON value, the Chinese label, or a loose English spelling.
  public init?(userText: String) {
    let t = userText.trimming(while: \.isWhitespace).lowercased()
      .replacing("-", with: "_").replacing(" ", with: "_")
    switch t {
    case "not_started", "notstarted", "todo", "未开始": self = .notStarted
    case "in_progress", "inprogress", "doing", "推进中", "进行中": self = .inProgress
    case "done", "finished", "已完成", "完成": self = .done
    case "blocked", "behind", "滞后": self = .blocked
    default: return nil
    }
  }
}

public struct Note: Codable, Equatable, Sendable {
  public var time: String
  public var user: String
  public var text: String

  public init(time: String, user: String, text: String) {
    self.time = time
    self.user = user
    self.text = text
  }
}

/// One field changed: who, when, before → after. Undo adds a change; nothing is erased.
public struct Change: Codable, Equatable, Sendable {
  public var time: String
  public var user: String
  public var field: HistoryField
  public var before: String
  public var after: String

  public init(time: String, user: String, field: HistoryField, before: String, after: String) {
    self.time = time
    self.user = user
    self.field = field
    self.before = before
    self.after = after
  }
}

extension Item {
  enum CodingKeys: String, CodingKey {
    case id, part, section, group, number, text, lead, responsible, leaders, status, progress, notes, reports, history
    case line, targets, deadline, closed
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    id = try c.decode(String.self, forKey: .id)
    part = try c.decode(Int.self, forKey: .part)
    section = try c.decodeIfPresent(String.self, forKey: .section)
    group = try c.decodeIfPresent(String.self, forKey: .group)
    number = try c.decode(String.self, forKey: .number)
    text = try c.decode(String.self, forKey: .text)
    lead = try c.decode([String].self, forKey: .lead)
    responsible = try c.decode([String].self, forKey: .responsible)
    leaders = try c.decode([String].self, forKey: .leaders)
    status = try c.decode(Status.self, forKey: .status)
    progress = try c.decode(Int.self, forKey: .progress)
    guard (0...100).contains(progress) else {
      throw DecodingError.dataCorruptedError(
        forKey: .progress, in: c, debugDescription: "progress \(progress) is not 0–100")
    }
    notes = try c.decode([Note].self, forKey: .notes)
    reports = try c.decodeIfPresent([ReportFiling].self, forKey: .reports) ?? []
    targets = try c.decodeIfPresent([Target].self, forKey: .targets) ?? []
    deadline = try c.decodeIfPresent(String.self, forKey: .deadline)
    closed = try c.decodeIfPresent(Closure.self, forKey: .closed)
    history = try c.decode([Change].self, forKey: .history)
    line = try c.decode(Int.self, forKey: .line)
  }

  /// Absent section or group is written as null, so every item has the same fields.
  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(id, forKey: .id)
    try c.encode(part, forKey: .part)
    try c.encode(section, forKey: .section)
    try c.encode(group, forKey: .group)
    try c.encode(number, forKey: .number)
    try c.encode(text, forKey: .text)
    try c.encode(lead, forKey: .lead)
    try c.encode(responsible, forKey: .responsible)
    try c.encode(leaders, forKey: .leaders)
    try c.encode(status, forKey: .status)
    try c.encode(progress, forKey: .progress)
    try c.encode(notes, forKey: .notes)
    try c.encode(reports, forKey: .reports)
    try c.encode(targets, forKey: .targets)
    try c.encode(deadline, forKey: .deadline)
    try c.encode(closed, forKey: .closed)
    try c.encode(history, forKey: .history)
    try c.encode(line, forKey: .line)
  }
}

/// A period's report on an item: filed by a unit (the lead's is the item's report; co-units
/// may add theirs), with what was done, the problems and the next steps.
public struct ReportFiling: Codable, Equatable, Sendable {
  public var period: String
  /// The day it was filed (YYYY-MM-DD, duban's today).
  public var filed: String
  public var user: String
  /// The unit reporting; nil for a report simply marked filed (the `r` key).
  public var unit: String?
  /// 进展情况, 存在问题, 下一步措施.
  public var progressText: String
  public var problems: String
  public var nextSteps: String
  /// The progress figure reported, 0–100.
  public var progress: Int?

  /// A report simply marked filed (the `r` key): no text, no figure.
  public var isBare: Bool { progressText.isEmpty && problems.isEmpty && nextSteps.isEmpty && progress == nil }

  public init(
    period: String, filed: String, user: String, unit: String? = nil, progressText: String = "", problems: String = "",
    nextSteps: String = "", progress: Int? = nil
  ) {
    self.period = period
    self.filed = filed
    self.user = user
    self.unit = unit
    self.progressText = progressText
    self.problems = problems
    self.nextSteps = nextSteps
    self.progress = progress
  }

  enum CodingKeys: String, CodingKey {
    case period, filed, user, unit, progressText, problems, nextSteps, progress
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    period = try c.decode(String.self, forKey: .period)
    filed = try c.decode(String.self, forKey: .filed)
    user = try c.decode(String.self, forKey: .user)
    unit = try c.decodeIfPresent(String.self, forKey: .unit)
    progressText = try c.decodeIfPresent(String.self, forKey: .progressText) ?? ""
    problems = try c.decodeIfPresent(String.self, forKey: .problems) ?? ""
    nextSteps = try c.decodeIfPresent(String.self, forKey: .nextSteps) ?? ""
    progress = try c.decodeIfPresent(Int.self, forKey: .progress)
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(period, forKey: .period)
    try c.encode(filed, forKey: .filed)
    try c.encode(user, forKey: .user)
    try c.encode(unit, forKey: .unit)
    try c.encode(progressText, forKey: .progressText)
    try c.encode(problems, forKey: .problems)
    try c.encode(nextSteps, forKey: .nextSteps)
    try c.encode(progress, forKey: .progress)
  }
}
