/// What people type, read the same way in the dashboard and on the command line. A Chinese
/// IME often types full-width forms (３０, ＝, ．, ％): those are the same digits and signs.
public enum UserInput {
  /// Full-width ASCII forms (U+FF01–U+FF5E) and the ideographic space as plain ASCII.
  public static func halfWidth(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    for s in text.unicodeScalars {
      switch s.value {
      case 0xFF01...0xFF5E: out.append(Unicode.Scalar(s.value - 0xFEE0)!)
      case 0x3000: out.append(" ")
      default: out.append(s)
      }
    }
    return String(out)
  }

  /// A whole number, as `40`, `４０`, ` 40 ` or `40%`.
  public static func integer(_ text: String) -> Int? {
    var t = halfWidth(text).trimmed
    if t.hasSuffix("%") { t.removeLast() }
    return Int(t.trimmed)
  }

  /// A number, with thousands separators allowed (`1,200`, `１，２００`).
  public static func number(_ text: String) -> Double? {
    let t = halfWidth(text).trimmed.replacing(",", with: "")
    guard !t.isEmpty, let v = Double(t), v.isFinite else { return nil }
    return v
  }

  /// `NAME=VALUE` (or `NAME＝VALUE`), both sides trimmed; nil without an `=`.
  public static func assignment(_ text: String) -> (name: String, value: String)? {
    let t = text.replacing("＝", with: "=")
    guard let eq = t.firstIndex(of: "=") else { return nil }
    return (String(t[..<eq]).trimmed, String(t[t.index(after: eq)...]).trimmed)
  }
}
