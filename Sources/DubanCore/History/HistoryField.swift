/// What one history entry changed. Stored as a short string ("status", "report:Q1",
/// "actual:停车泊位", "workPlan:区商务局") so stores stay readable and diffable; in code it
/// is this enum, so every label is an exhaustive switch.
public enum HistoryField: Hashable, Sendable {
  case status
  case progress
  case note
  /// A target's achieved value, by the target's name.
  case actual(String)
  /// A unit's period report (or the bare "filed" marker), by period id.
  case report(String)
  /// 销号.
  case closed
  /// Reopened after 销号.
  case reopened
  /// A unit's work plan rows for this item.
  case workPlan(String)
  /// The item's text, lead units, other units (fixing the plan, `i` / `duban edit`).
  case text
  case lead
  case responsible
  /// The item's import warnings resolved (after = the time), or back to open (after empty).
  case reviewed
  /// The item's own deadline (YYYY-MM-DD; empty when none).
  case deadline
  /// A date of the plan's calendar, by its key: `workPlanDue` or a period id (kept in the
  /// calendar's own history).
  case calendar(String)
  /// A field written by a newer duban: kept and shown as stored.
  case other(String)

  public init(_ stored: String) {
    switch stored {
    case "status": self = .status
    case "progress": self = .progress
    case "note": self = .note
    case "closed": self = .closed
    case "reopened": self = .reopened
    case "text": self = .text
    case "lead": self = .lead
    case "responsible": self = .responsible
    case "reviewed": self = .reviewed
    case "deadline": self = .deadline
    case let s where s.hasPrefix("calendar:"): self = .calendar(String(s.dropFirst(9)))
    case let s where s.hasPrefix("actual:"): self = .actual(String(s.dropFirst(7)))
    case let s where s.hasPrefix("report:"): self = .report(String(s.dropFirst(7)))
    case let s where s.hasPrefix("workPlan:"): self = .workPlan(String(s.dropFirst(9)))
    default: self = .other(stored)
    }
  }

  /// The form kept in the store.
  public var stored: String {
    switch self {
    case .status: return "status"
    case .progress: return "progress"
    case .note: return "note"
    case .closed: return "closed"
    case .reopened: return "reopened"
    case .text: return "text"
    case .lead: return "lead"
    case .responsible: return "responsible"
    case .reviewed: return "reviewed"
    case .actual(let name): return "actual:\(name)"
    case .report(let period): return "report:\(period)"
    case .workPlan(let unit): return "workPlan:\(unit)"
    case .deadline: return "deadline"
    case .calendar(let key): return "calendar:\(key)"
    case .other(let s): return s
    }
  }
}

extension HistoryField: Codable {
  public init(from decoder: Decoder) throws {
    self.init(try decoder.singleValueContainer().decode(String.self))
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(stored)
  }
}

extension Change {
  /// One line for the detail pane and the command line: what changed, in the UI's language.
  public func summary(_ lang: Lang) -> String {
    func dash(_ s: String) -> String { s.isEmpty ? "—" : s }
    switch field {
    case .status:
      let b = Status(rawValue: before)?.label(lang) ?? before
      let a = Status(rawValue: after)?.label(lang) ?? after
      return lang.pick("状态 \(b)→\(a)", "status \(b)→\(a)")
    case .progress:
      return lang.pick("进度 \(before)%→\(after)%", "progress \(before)%→\(after)%")
    case .note:
      return after.isEmpty
        ? lang.pick("撤回备注“\(before)”", "note withdrawn: “\(before)”") : lang.pick("备注“\(after)”", "note “\(after)”")
    case .actual(let name):
      return lang.pick("实际值 \(name) \(dash(before))→\(dash(after))", "actual \(name) \(dash(before))→\(dash(after))")
    case .report(let period):
      if after.isEmpty { return lang.pick("撤回\(period)报送（\(before)）", "\(period) report withdrawn (\(before))") }
      return lang.pick("\(period)已报送（\(after)）", "\(period) report filed (\(after))")
    case .closed where after.hasPrefix("reopened"):
      // Stores before typed history wrote a reopen as "closed" → "reopened REMARK".
      let remark = after.dropFirst(8).trimmingPrefix(" ")
      return lang.pick("重新打开 \(remark)", "reopened \(remark)")
    case .closed:
      return lang.pick("销号 \(after)", "closed out \(after)")
    case .reopened:
      return lang.pick("重新打开 \(after)", "reopened \(after)")
    case .workPlan(let unit):
      return lang.pick("\(unit)办理方案 \(dash(before))→\(dash(after))", "\(unit) work plan \(dash(before))→\(dash(after))")
    case .text, .lead, .responsible, .reviewed:
      return planFixSummary(lang)
    case .deadline:
      return lang.pick("期限 \(dash(before))→\(dash(after))", "deadline \(dash(before))→\(dash(after))")
    case .calendar(let key):
      let name = key == "workPlanDue" ? lang.pick("办理方案报送日期", "work plans due") : lang.pick("\(key)报送日期", "\(key) due")
      return "\(name) \(dash(before))→\(dash(after))"
    case .other(let name):
      return "\(name) \(dash(before))→\(dash(after))"
    }
  }
}
