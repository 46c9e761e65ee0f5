import DubanCore

/// Why an office file or web page cannot be read. `reason` is English, `zh` the same in
/// Chinese; the command line adds the file's name and exits 2. `code` is the same refusal as
/// collecting a form reports it to duban (`OfficeReadError`, sent as JSON); nil where a
/// refusal cannot happen on that path.
public struct OfficeError: Error, Equatable, CustomStringConvertible {
  public var reason: String
  public var zh: String
  public var code: OfficeReadError?

  public init(_ reason: String, zh: String, code: OfficeReadError? = nil) {
    self.reason = reason
    self.zh = zh
    self.code = code
  }

  public var description: String { reason }
}
