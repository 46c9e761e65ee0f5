/// The transposed table printed as text: a record of “field: value” lines, one task after another
/// (“序号：1” / “工作任务：…” / “牵头单位：…” / “责任单位：…”), as a page that gives each task a
/// small table of its own reads when copied without its cell borders.
extension TableReader {
  /// [field, value] when the line starts with a field word of the genre and a colon, else nil.
  static func fieldColonCells(_ line: String) -> [String]? {
    // A field word is short: look for the colon among the first few characters only.
    guard let colon = line.prefix(12).firstIndex(where: { $0 == "：" || $0 == ":" }) else { return nil }
    let field = String(line[..<colon])
    guard fieldKind(field) != .other else { return nil }
    return [field.trimmed, String(line[line.index(after: colon)...]).trimmed]
  }
}
