import DubanCore

/// XML text for office files, escaped in one place.
///
/// Every piece of data that goes into an .xlsx or .docx part passes through `XML.text` or
/// `XML.attr`: markup characters are escaped, and characters XML 1.0 forbids (C0 controls but
/// tab, newline and return; U+FFFE, U+FFFF) are dropped, so a hostile item text cannot break
/// the file Excel, WPS or LibreOffice opens.
enum XML {
  /// Character data (element content).
  static func text(_ s: String) -> String { escape(s, quotes: false) }

  /// An attribute value in double quotes.
  static func attr(_ s: String) -> String { escape(s, quotes: true) }

  /// True for the scalars XML 1.0 allows in a document.
  static func allowed(_ u: Unicode.Scalar) -> Bool { XMLChars.allowed(u) }

  private static func escape(_ s: String, quotes: Bool) -> String {
    var out = String.UnicodeScalarView()
    for u in s.unicodeScalars {
      switch u {
      case "&": out.append(contentsOf: "&amp;".unicodeScalars)
      case "<": out.append(contentsOf: "&lt;".unicodeScalars)
      case ">": out.append(contentsOf: "&gt;".unicodeScalars)
      case "\"" where quotes: out.append(contentsOf: "&quot;".unicodeScalars)
      case "\r" where quotes, "\n" where quotes, "\t" where quotes:
        out.append(contentsOf: "&#\(u.value);".unicodeScalars)
      default:
        if allowed(u) { out.append(u) }
      }
    }
    return String(out)
  }

  static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
}
