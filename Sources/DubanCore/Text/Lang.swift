/// The interface speaks Chinese by default, English on request (`--lang en`).
public enum Lang: String, CaseIterable, Sendable {
  case zh
  case en

  /// `--lang`, then `DUBAN_LANG`; anything unknown falls back to Chinese.
  public init(option: String?, environment: [String: String]) {
    let raw = option ?? environment["DUBAN_LANG"] ?? "zh"
    self = raw.lowercased().hasPrefix("en") ? .en : .zh
  }

  public func pick(_ zh: String, _ en: String) -> String { self == .zh ? zh : en }
}

extension Status {
  public func label(_ lang: Lang) -> String {
    switch self {
    case .notStarted: return lang.pick("未开始", "not started")
    case .inProgress: return lang.pick("推进中", "in progress")
    case .done: return lang.pick("已完成", "done")
    case .blocked: return lang.pick("滞后", "blocked")
    }
  }
}

extension Unit.Kind {
  public func label(_ lang: Lang) -> String {
    switch self {
    case .unit: return lang.pick("单位", "unit")
    case .group: return lang.pick("泛指", "group")
    }
  }
}
