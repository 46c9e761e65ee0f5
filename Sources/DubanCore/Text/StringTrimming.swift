/// Trimming without Foundation (duban links FoundationEssentials only: the full Foundation
/// costs every process ~8 MiB and startup time, for a handful of string helpers).
extension StringProtocol {
  /// The text with characters matching `drop` taken off both ends.
  public func trimming(while drop: (Character) -> Bool) -> String {
    guard let first = firstIndex(where: { !drop($0) }), let last = lastIndex(where: { !drop($0) }) else { return "" }
    // Nothing to trim (most names and lines): the text itself, not a copy of it.
    if first == startIndex && index(after: last) == endIndex { return String(self) }
    return String(self[first...last])
  }

  public func trimming(_ characters: Set<Character>) -> String { trimming { characters.contains($0) } }

  /// Trims white space, including the no-break and ideographic spaces and the byte-order
  /// mark real documents carry.
  public var trimmed: String { trimming { $0.isWhitespace || $0 == "\u{FEFF}" } }
}

/// Path text without NSString.
public enum PathText {
  /// "a/b/c.json" → "a/b"; "c.json" → "".
  public static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "" }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  /// "a/b/c.json" → "c.json".
  public static func lastComponent(of path: String) -> String {
    var p = Substring(path)
    while p.count > 1 && p.hasSuffix("/") { p = p.dropLast() }
    guard let slash = p.lastIndex(of: "/") else { return String(p) }
    return String(p[p.index(after: slash)...])
  }

  /// `name` resolved against the folder `dir`.
  public static func join(_ dir: String, _ name: String) -> String {
    if name.hasPrefix("/") || dir.isEmpty { return name }
    return dir.hasSuffix("/") ? dir + name : dir + "/" + name
  }
}
