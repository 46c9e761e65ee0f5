/// An edit the plan refuses (a closed item, a vanished id, a value out of range, a change
/// someone else made first). Carries its message in both languages: the screen and the
/// command line show the user's.
public struct EditError: Error, Equatable, CustomStringConvertible {
  public var zh: String
  public var en: String

  public init(zh: String, en: String) {
    self.zh = zh
    self.en = en
  }

  public func message(_ lang: Lang) -> String { lang.pick(zh, en) }
  public var description: String { en }

  public static func noItem(_ id: String) -> EditError {
    EditError(zh: "没有事项 \(id)（`duban list` 列出编号）", en: "no item \(id); `duban list` shows the ids")
  }

  static func closedOut(_ id: String, on date: String) -> EditError {
    EditError(
      zh: "事项 \(id) 已于 \(date) 销号，重新打开后才能修改",
      en: "item \(id) was closed out (销号) on \(date); reopen it before changing it")
  }

  static func progressRange(_ p: Int) -> EditError {
    EditError(zh: "进度必须在 0–100 之间，不能是 \(p)", en: "progress must be between 0 and 100, not \(p)")
  }
}
