import FoundationEssentials

public enum ExportFormat: String, CaseIterable, Sendable {
  case md
  case csv
  case json

  /// The export as it may leave duban, to stdout or a file: no control or invisible
  /// character from the data, whatever the renderer did (`TerminalSafe` decides which).
  /// Markdown keeps its newlines, CSV its CRLF row ends and the BOM it starts with, JSON is
  /// escaped (`\u009b`), so it parses to the same data.
  public func clean(_ content: String) -> String {
    switch self {
    case .md: return TerminalSafe.block(content)
    case .json: return TerminalSafe.json(content)
    case .csv:
      guard content.hasPrefix(ExportFile.bom) else { return TerminalSafe.csv(content) }
      return ExportFile.bom + TerminalSafe.csv(String(content.unicodeScalars.dropFirst()))
    }
  }
}

/// Writing exports: CSV with a UTF-8 BOM so Excel and WPS open Chinese correctly, and never
/// over a file that is not an export of ours without `force`.
public enum ExportFile {
  public static let markdownMarker = "<!-- duban export -->"
  static let bom = "\u{FEFF}"

  public struct Refused: Error, CustomStringConvertible {
    public var path: String
    public var description: String {
      "\(path) exists and is not a duban export; choose another --out, or add --force to replace it"
    }
  }

  /// True when the file at `path` is one duban wrote (so it may be replaced).
  public static func isOurs(_ path: String) -> Bool {
    guard let data = FileManager.default.contents(atPath: path) else { return false }
    let head = String(decoding: data.prefix(4096), as: UTF8.self)
    if head.hasPrefix(markdownMarker) { return true }
    if head.hasPrefix(bom) {
      let firstLine = head.dropFirst().prefix { $0 != "\r" && $0 != "\n" }
      return firstLine.hasPrefix("\"duban ")
    }
    return head.contains("\"generator\" : \"duban\"")
  }

  /// Writes the export cleaned for its format: a file is as safe to `cat` as stdout.
  public static func write(_ content: String, to path: String, format: ExportFormat, force: Bool) throws {
    if FileManager.default.fileExists(atPath: path) && !force && !isOurs(path) { throw Refused(path: path) }
    try AtomicFile.write(Data(format.clean(content).utf8), to: path, backup: false)
  }
}

/// Tables rendered as Markdown or CSV from the same rows.
struct ExportTable {
  var headers: [String]
  var rows: [[String]]

  func markdown() -> String {
    func cell(_ s: String) -> String {
      TerminalSafe.line(s).replacing("|", with: "\\|")
    }
    var out = "| " + headers.map(cell).joined(separator: " | ") + " |\n"
    out += "|" + headers.map { _ in "---" }.joined(separator: "|") + "|\n"
    for row in rows { out += "| " + row.map(cell).joined(separator: " | ") + " |\n" }
    return out
  }

  func csv() -> String {
    ([headers] + rows).map(CSV.row).joined()
  }
}

enum CSV {
  /// RFC 4180: every field quoted, quotes doubled, CRLF line ends (what Excel expects).
  static func row(_ fields: [String]) -> String {
    fields.map { "\"" + TerminalSafe.block($0).replacing("\"", with: "\"\"") + "\"" }
      .joined(separator: ",") + "\r\n"
  }
}
