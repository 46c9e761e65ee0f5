/// Data text is untrusted: nothing from a document or a store may reach a terminal as a
/// control. C0/C1 controls (ESC starts every escape sequence), DEL, bidi overrides and
/// isolates, and line/paragraph separators are replaced by a visible placeholder.
public enum TerminalSafe {
  public static let placeholder: Character = "\u{FFFD}"

  public static func isUnsafe(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x00...0x1F, 0x7F...0x9F: return true
    case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return true  // bidi
    case 0x2028, 0x2029: return true
    default: return false
    }
  }

  /// One line of text for a cell or a table: every unsafe scalar becomes the placeholder,
  /// and tabs and newlines become a space.
  public static func line(_ text: String) -> String {
    if !text.unicodeScalars.contains(where: isUnsafe) { return text }
    var out = String.UnicodeScalarView()
    for s in text.unicodeScalars {
      if s == "\t" || s == "\n" || s == "\r" {
        out.append(" ")
      } else if isUnsafe(s) {
        out.append(contentsOf: String(placeholder).unicodeScalars)
      } else {
        out.append(s)
      }
    }
    return String(out)
  }

  /// Multi-line text (notes, details): keeps newlines, cleans everything else.
  public static func block(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { line(String($0)) }
      .joined(separator: "\n")
  }
}
