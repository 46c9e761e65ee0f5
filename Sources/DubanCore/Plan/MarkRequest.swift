/// A status and a progress figure asked for together (`duban mark`, the dashboard): refused
/// when they contradict each other or what the item already holds, before anything changes.
///
/// - 已完成 means 100%: `done` with any other progress is refused.
/// - 未开始 means 0%: `not_started` with a progress above 0 is refused, and so is
///   `not_started` alone on an item that has progress (give `--progress 0` as well to reset it).
public struct MarkRequest: Equatable, Sendable {
  public var status: Status?
  public var progress: Int?

  public init(status: Status?, progress: Int?) {
    self.status = status
    self.progress = progress
  }

  /// Why the request contradicts itself or the item's current progress.
  public enum Conflict: Error, Equatable, CustomStringConvertible {
    /// `done` with a progress below 100.
    case doneWithProgress(Int)
    /// `not_started` with a progress above 0.
    case notStartedWithProgress(Int)
    /// `not_started` alone, on an item with progress.
    case notStartedButItemHasProgress(item: String, progress: Int)

    public var description: String { message(.en) }

    public func message(_ lang: Lang) -> String {
      switch self {
      case .doneWithProgress(let p):
        return lang.pick(
          "已完成即进度 100%，不能同时设进度 \(p)%；只给 --status done，或只给 --progress",
          "done means 100%, not \(p)%: give --status done alone, or --progress alone")
      case .notStartedWithProgress(let p):
        return lang.pick(
          "未开始即进度 0%，不能同时设进度 \(p)%；有进度的事项用 --status in_progress",
          "not started means 0%, not \(p)%: an item with progress is in_progress")
      case .notStartedButItemHasProgress(let item, let p):
        return lang.pick(
          "事项 \(item) 已有进度 \(p)%，不能标为未开始；确要清零，请同时给 --progress 0",
          "item \(item) has progress \(p)%, so it cannot be not started; to reset it, add --progress 0")
      }
    }
  }

  /// Refuses a contradictory request; `current` is the item's progress as it is now.
  public func check(item: String, currentProgress current: Int) throws(Conflict) {
    switch (status, progress) {
    case (.done?, let p?) where p != 100:
      throw .doneWithProgress(p)
    case (.notStarted?, let p?) where p != 0:
      throw .notStartedWithProgress(p)
    case (.notStarted?, nil) where current > 0:
      throw .notStartedButItemHasProgress(item: item, progress: current)
    default:
      return
    }
  }
}
