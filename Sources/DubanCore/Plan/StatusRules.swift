/// What the dashboard's status keys set, so that a status change keeps what it does not
/// change: the status 滞后 replaced, the progress 已完成 replaced.
extension Item {
  /// `x`: 滞后, or back to the status it replaced (from the item's history).
  public var blockedToggle: Status {
    guard status == .blocked else { return .blocked }
    let replaced = history.last { $0.field == .status && $0.after == Status.blocked.rawValue }
    let previous = replaced.flatMap { Status(rawValue: $0.before) }
    return previous.flatMap { $0 == .blocked ? nil : $0 } ?? .inProgress
  }

  /// The progress the item had before it was last completed (0 when unknown).
  public var progressBeforeDone: Int {
    let completed = history.last { $0.field == .progress && $0.after == "100" }
    return completed.flatMap { Int($0.before) } ?? 0
  }

  /// Space: 未开始 → 推进中 → 已完成; from 已完成 back to the progress it had before (推进中,
  /// or 未开始 when it had none); 滞后 → 推进中.
  public var nextInCycle: (status: Status, progress: Int) {
    switch status {
    case .notStarted, .blocked: return (.inProgress, progress)
    case .inProgress: return (.done, 100)
    case .done:
      let p = progressBeforeDone
      return (p > 0 ? .inProgress : .notStarted, p)
    }
  }
}

extension Item {
  /// `+` and `-`: the next ten up or down, with the status it implies (100% is 已完成, a
  /// start is 推进中, leaving 100% is 推进中 again); nil at 100% going up or 0% going down.
  public func progressStep(up: Bool) -> (status: Status, progress: Int)? {
    if up {
      guard progress < 100 else { return nil }
      let p = min(100, (progress / 10 + 1) * 10)
      return (p == 100 ? .done : (status == .notStarted ? .inProgress : status), p)
    }
    guard progress > 0 else { return nil }
    let p = max(0, ((progress + 9) / 10 - 1) * 10)
    return (status == .done ? .inProgress : status, p)
  }
}
