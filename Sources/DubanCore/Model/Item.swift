import FoundationEssentials

/// One item of the plan (its fields: Scripts/store-schema.json).
extension Item {
  public init(
    id: String, part: Int, section: String?, group: String?, number: String, text: String,
    lead: [String], responsible: [String], leaders: [String], line: Int
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
    self.line = line
    status = .notStarted
    progress = 0
    notes = []
    reports = []
    targets = TargetExtractor.extract(from: text)
    history = []
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

extension Note {
  public init(time: String, user: String, text: String) {
    self.time = time
    self.user = user
    self.text = text
  }
}

extension Change {
  public init(time: String, user: String, field: HistoryField, before: String, after: String) {
    self.time = time
    self.user = user
    self.field = field
    self.before = before
    self.after = after
  }
}

extension ReportFiling {
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
}
