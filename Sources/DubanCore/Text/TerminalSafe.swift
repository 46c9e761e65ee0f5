/// Data text is untrusted: nothing from a document or a store may leave duban as a control —
/// not on the terminal, not in Markdown, CSV or JSON, not in a file written by `--out`. This is
/// the one place that decides which scalars are unsafe; every output format goes through it
/// (`line`, `block`, `csv` for text, `json` for JSON) and `ExportFormat.clean` picks the one
/// for an export.
///
/// Unsafe: C0 controls (a format keeps the newlines it needs), DEL, C1 controls (U+009B is a
/// one-byte CSI, U+009D an OSC), bidi embeddings, overrides, isolates and marks, line and
/// paragraph separators, and the invisible format characters that hide or disguise text
/// (zero-width space, joiner and non-joiner, word joiner, BOM, soft hyphen, interlinear
/// annotation, Hangul fillers, tag characters). In text they become a visible placeholder,
/// in JSON a `\uXXXX` escape (the same data once parsed). Emoji stay whole: a zero-width
/// joiner between two emoji (👩‍💻) and the tag characters of a flag (🏴󠁧󠁢󠁳󠁣󠁴󠁿) are kept.
public enum TerminalSafe {
  public static let placeholder: Character = "\u{FFFD}"

  /// The scalars that are never written as they are, wherever they stand (a zero-width
  /// joiner and tag characters are kept only inside an emoji: see `line`).
  @inline(__always)
  public static func isUnsafe(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x00...0x1F, 0x7F...0x9F: return true  // C0, DEL, C1
    case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true  // bidi
    case 0x2028, 0x2029: return true  // line and paragraph separators
    case 0x00AD, 0x180E, 0x200B...0x200D, 0x2060...0x2065, 0x206A...0x206F, 0xFEFF, 0xFFF9...0xFFFB: return true
    case 0x115F, 0x1160, 0x3164, 0xFFA0: return true  // Hangul fillers: blank, and no width
    case 0x1D173...0x1D17A, 0xE0000...0xE007F: return true  // musical format, tags
    default: return false
    }
  }

  /// One line of text for a cell or a table: every unsafe scalar becomes the placeholder,
  /// and tabs and newlines become a space.
  public static func line(_ text: String) -> String {
    clean(text, .line)
  }

  /// Multi-line text (notes, details, Markdown, messages): keeps newlines, cleans everything
  /// else (a tab or a carriage return becomes a space).
  public static func block(_ text: String) -> String {
    clean(text, .block)
  }

  /// CSV: as `block`, and a carriage return that ends a row (CRLF) stays.
  public static func csv(_ text: String) -> String {
    clean(text, .csv)
  }

  /// JSON as JSONEncoder writes it: every unsafe scalar (which JSONEncoder leaves raw inside
  /// strings, apart from C0) becomes a `\uXXXX` escape, so the text parses to the same data.
  /// The newlines and spaces of the layout stay.
  public static func json(_ text: String) -> String {
    clean(text, .json)
  }

  /// The same for JSON bytes: nil when nothing needs escaping, so the bytes can be written
  /// as they are (a 20 MB `list --json` is scanned once, never copied).
  public static func json(_ bytes: UnsafeRawBufferPointer) -> String? {
    let utf8 = bytes.bindMemory(to: UInt8.self)
    guard mayNeedCleaning(utf8, keepingNewlines: true) else { return nil }
    return clean(String(decoding: utf8, as: UTF8.self), .json)
  }

  /// True when `text` has nothing to clean: no byte that could start an unsafe scalar. This is
  /// what makes cleaning cheap: most text is scanned as bytes once and returned as it is.
  public static func isClean(_ text: String, keepingNewlines: Bool = false) -> Bool {
    var text = text
    return text.withUTF8 { !mayNeedCleaning($0, keepingNewlines: keepingNewlines) }
  }

  enum Mode { case line, block, csv, json }

  static func clean(_ text: String, _ mode: Mode) -> String {
    if isClean(text, keepingNewlines: mode != .line) { return text }
    var out = String.UnicodeScalarView()
    let scalars = Array(text.unicodeScalars)
    var previous: Unicode.Scalar? = nil  // the last scalar written as it is
    for (i, s) in scalars.enumerated() {
      let next = i + 1 < scalars.count ? scalars[i + 1] : nil
      var keep = !isUnsafe(s) || keptInEmoji(s, after: previous, before: next)
      switch (s, mode) {
      case ("\n", .block), ("\n", .csv), ("\n", .json), ("\t", .json), ("\r", .json): keep = true
      case ("\r", .csv) where next == "\n": keep = true
      case ("\t", _), ("\n", _), ("\r", _):
        out.append(" ")
        previous = " "
        continue
      default: break
      }
      if keep {
        out.append(s)
        previous = s
      } else if mode == .json {
        out.append(contentsOf: escaped(s).unicodeScalars)
        previous = nil
      } else {
        out.append(contentsOf: String(placeholder).unicodeScalars)
        previous = nil
      }
    }
    return String(out)
  }

  /// A zero-width joiner between two emoji (👩‍💻, 🏳️‍🌈), or the tag characters of a
  /// subdivision flag (🏴 followed by tags and a cancel tag).
  static func keptInEmoji(_ s: Unicode.Scalar, after previous: Unicode.Scalar?, before next: Unicode.Scalar?) -> Bool {
    guard let previous else { return false }
    switch s.value {
    case 0x200D:
      guard let next else { return false }
      return isEmojiPart(previous) && isEmoji(next)
    case 0xE0020...0xE007F:
      return previous.value == 0x1F3F4 || (0xE0020...0xE007E).contains(previous.value)
    default:
      return false
    }
  }

  static func isEmoji(_ s: Unicode.Scalar) -> Bool {
    s.value > 0xFF && s.properties.isEmoji
  }

  static func isEmojiPart(_ s: Unicode.Scalar) -> Bool {
    isEmoji(s) || s.value == 0xFE0F || s.properties.isEmojiModifier
  }

  /// `\u009b`; beyond the BMP a surrogate pair, as JSON spells it.
  static func escaped(_ s: Unicode.Scalar) -> String {
    func hex(_ v: UInt32) -> String {
      let digits = String(v, radix: 16)
      return "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
    }
    guard s.value > 0xFFFF else { return hex(s.value) }
    let v = s.value - 0x10000
    return hex(0xD800 + (v >> 10)) + hex(0xDC00 + (v & 0x3FF))
  }

  /// Scans UTF-8 for a scalar that could be unsafe. Eight ASCII bytes are tested at a time
  /// (no control, no DEL); of the rest, only the few lead bytes under which unsafe scalars
  /// live (C2, D8, E1, E2, E3, EF, F0, F3) are decoded and tested exactly, and every other
  /// scalar (most Chinese text) is skipped whole.
  public static func mayNeedCleaning(_ p: UnsafeBufferPointer<UInt8>, keepingNewlines: Bool) -> Bool {
    guard let base = p.baseAddress else { return false }
    let n = p.count
    var i = 0
    while i < n {
      if i + 8 <= n {
        let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
        if w & 0x8080_8080_8080_8080 == 0 {
          // All ASCII. Each byte's high bit, exactly (no carry crosses a byte below 0x80):
          // set where the byte is below 0x20, where it is DEL, where it is a newline.
          let high: UInt64 = 0x8080_8080_8080_8080
          let low = ~(w &+ 0x6060_6060_6060_6060) & high
          func equal(_ byte: UInt64) -> UInt64 {
            let x = w ^ (byte &* 0x0101_0101_0101_0101)
            return ~(((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | x) & high
          }
          let bad = (keepingNewlines ? low & ~equal(0x0A) : low) | equal(0x7F)
          if bad != 0 { return true }
          i += 8
          continue
        }
      }
      let b = base[i]
      if b < 0x80 {
        if b == 0x7F || (b < 0x20 && !(keepingNewlines && b == 0x0A)) { return true }
        i += 1
        continue
      }
      switch b {
      case 0xC2, 0xD8:
        if i + 1 < n, isUnsafe(Unicode.Scalar(UInt32(b & 0x1F) << 6 | UInt32(base[i + 1] & 0x3F))!) { return true }
        i += 2
      case 0xE1, 0xE2, 0xE3, 0xEF:
        if i + 2 < n {
          let v = UInt32(b & 0x0F) << 12 | UInt32(base[i + 1] & 0x3F) << 6 | UInt32(base[i + 2] & 0x3F)
          if let s = Unicode.Scalar(v), isUnsafe(s) { return true }
        }
        i += 3
      case 0xF0, 0xF3:
        if i + 3 < n {
          let v =
            UInt32(b & 0x07) << 18 | UInt32(base[i + 1] & 0x3F) << 12 | UInt32(base[i + 2] & 0x3F) << 6
            | UInt32(base[i + 3] & 0x3F)
          if let s = Unicode.Scalar(v), isUnsafe(s) { return true }
        }
        i += 4
      case 0xC0..<0xE0: i += 2
      case 0xE0..<0xF0: i += 3
      case 0xF0...: i += 4
      default: i += 1  // not a lead byte (Swift strings are valid UTF-8; this is for safety)
      }
    }
    return false
  }
}
