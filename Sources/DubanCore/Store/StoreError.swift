/// A store that cannot be read or written. The message names the file and, for a bad file,
/// where in it; the command line turns it into exit code 2. The file is never touched.
public struct StoreError: Error, Equatable, CustomStringConvertible {
  public var file: String
  public var position: String?
  public var reason: String

  public init(file: String, position: String? = nil, reason: String) {
    self.file = file
    self.position = position
    self.reason = reason
  }

  public var description: String {
    if let position { return "\(file): \(position): \(reason)" }
    return "\(file): \(reason)"
  }
}
