/// A store that cannot be read or written. The message names the file and, for a bad file,
/// where in it; the command line turns a store it cannot read into exit code 2 and a change
/// it cannot save (`kind == .write`: disk full, permission denied, read-only folder) into
/// exit code 1. The file is never touched.
///
/// `position` and `reason` are English (`description`, for logs); `positionZh` and `reasonZh`
/// say the same in Chinese, and `message(_:)` picks the interface's language.
public struct StoreError: Error, Equatable, CustomStringConvertible {
  public var file: String
  public var position: String?
  public var reason: String
  public var positionZh: String?
  public var reasonZh: String?
  /// Reading (a missing, unreadable or invalid store) or writing (a change not saved).
  public var kind: Kind

  public enum Kind: Sendable, Equatable {
    case read, write
  }

  public init(
    file: String, position: String? = nil, reason: String, positionZh: String? = nil, zh: String? = nil,
    kind: Kind = .read
  ) {
    self.kind = kind
    self.file = file
    self.position = position
    self.reason = reason
    self.positionZh = positionZh
    self.reasonZh = zh
  }

  public var description: String { message(.en) }

  /// The message in the interface's language (Chinese falls back to English where a
  /// reason has no translation).
  public func message(_ lang: Lang) -> String {
    guard lang == .zh else {
      if let position { return "\(file): \(position): \(reason)" }
      return "\(file): \(reason)"
    }
    let reason = reasonZh ?? self.reason
    if let position = positionZh ?? position { return "\(file)：\(position)：\(reason)" }
    return "\(file)：\(reason)"
  }
}
