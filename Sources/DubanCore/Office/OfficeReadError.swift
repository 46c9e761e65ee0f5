/// Why an office file could not be read (the caller names the file). In DubanCore
/// because duban-office sends it to duban as JSON.
public enum OfficeReadError: Error, Equatable, Codable, Sendable {
  case notZip
  case tooLarge
  case corrupt(String)
  /// A zip, but not a workbook (a .docx, a renamed archive).
  case notWorkbook
  case badPart(String)
}
