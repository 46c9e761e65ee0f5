import CDubanText

/// The dashboard's search: part of an item's text (Latin letters in any case), its id, or
/// part of a unit's name. Works on UTF-8 bytes — no lower-cased copy of every text — so a
/// search through 100,000 items takes a few milliseconds. (UTF-8 never starts a character
/// inside another, so a byte match is a character match.)
public struct SearchText: Sendable {
  public let query: String
  private let folded: [UInt8]
  private let exact: [UInt8]
  /// Only letters A–Z need folding; a query without them is found with memmem.
  private let needsFolding: Bool

  public init(_ query: String) {
    self.query = query
    exact = Array(query.utf8)
    folded = exact.map(Self.fold)
    needsFolding = exact.contains { Self.fold($0) != $0 || ($0 >= 0x61 && $0 <= 0x7A) }
  }

  @inline(__always)
  static func fold(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

  public func matches(_ item: Item) -> Bool {
    contains(item.text) || item.id == query || item.lead.contains { $0.includes(query) }
      || item.responsible.contains { $0.includes(query) }
  }

  /// Whether the text holds the query, Latin letters compared without case.
  public func contains(_ text: String) -> Bool { firstOffset(in: text, from: 0) != nil }

  /// Every occurrence, as ranges of the text (for highlighting).
  public func ranges(in text: String) -> [Range<String.Index>] {
    guard !exact.isEmpty else { return [] }
    var out: [Range<String.Index>] = []
    var from = 0
    let utf8 = text.utf8
    while let at = firstOffset(in: text, from: from) {
      let lower = utf8.index(utf8.startIndex, offsetBy: at)
      let upper = utf8.index(lower, offsetBy: exact.count)
      out.append(lower..<upper)
      from = at + exact.count
    }
    return out
  }

  /// The byte offset of the first match at or after `from`.
  func firstOffset(in text: String, from: Int) -> Int? {
    guard !exact.isEmpty else { return nil }
    var t = text
    return t.withUTF8 { whole -> Int? in
      guard from + exact.count <= whole.count else { return nil }
      let hay = UnsafeBufferPointer(rebasing: whole[from...])
      if !needsFolding {
        return exact.withUnsafeBufferPointer { byteOffset(of: $0, in: hay) }.map { from + $0 }
      }
      let n = folded.count
      let first = folded[0]
      var i = 0
      while i + n <= hay.count {
        if Self.fold(hay[i]) == first {
          var j = 1
          while j < n, Self.fold(hay[i + j]) == folded[j] { j += 1 }
          if j == n { return from + i }
        }
        i += 1
      }
      return nil
    }
  }
}

extension StringProtocol {
  /// Whether the text holds `other`, byte for byte (memmem). The generic `contains` of
  /// _StringProcessing walks grapheme by grapheme and made import ten times slower.
  public func includes(_ other: String) -> Bool { byteRange(of: other) != nil }

  /// The first occurrence of `other`, byte for byte, as a range of this text.
  public func byteRange(of other: String) -> Range<Index>? {
    var needle = other
    var hay = String(self)
    guard let found = needle.withUTF8({ n in hay.withUTF8 { byteOffset(of: n, in: $0) } }) else { return nil }
    let lower = utf8.index(startIndex, offsetBy: found)
    return lower..<utf8.index(lower, offsetBy: other.utf8.count)
  }
}

extension StringProtocol {
  /// hasPrefix by UTF-8 bytes: the generic version compares grapheme by grapheme.
  public func hasBytePrefix(_ prefix: String) -> Bool { utf8.starts(with: prefix.utf8) }

  /// hasSuffix by UTF-8 bytes.
  public func hasByteSuffix(_ suffix: String) -> Bool {
    let n = suffix.utf8.count
    guard utf8.count >= n else { return false }
    return utf8.suffix(n).elementsEqual(suffix.utf8)
  }
}

/// Where `needle` first occurs in `hay`, in bytes (glibc's memmem); nil for an empty needle.
func byteOffset(of needle: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>) -> Int? {
  guard !needle.isEmpty, needle.count <= hay.count,
    let at = duban_memmem(hay.baseAddress, hay.count, needle.baseAddress, needle.count)
  else { return nil }
  return at - UnsafeRawPointer(hay.baseAddress!)
}
