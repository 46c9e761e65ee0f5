/// Why an office file or web page cannot be read. `reason` is English, `zh` the same in
/// Chinese; the command line adds the file's name and exits 2.
public struct OfficeError: Error, Equatable, CustomStringConvertible {
  public var reason: String
  public var zh: String

  public init(_ reason: String, zh: String) {
    self.reason = reason
    self.zh = zh
  }

  public var description: String { reason }
}
