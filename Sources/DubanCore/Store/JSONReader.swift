#if canImport(Glibc)
  import Glibc
#endif

/// The fast reader met something it does not handle. Store then decodes the file again with
/// JSONDecoder, which either accepts it or says exactly what is wrong and where.
struct JSONReadError: Error {
  var offset: Int
}

/// A pull reader over UTF-8 JSON bytes, for the store's own types: each type reads its fields
/// straight into its properties, with no intermediate tree and no Codable machinery. It
/// accepts a subset of what JSONDecoder accepts (no escapes in keys, integers written as
/// integers); anything else is a JSONReadError and the caller falls back.
///
/// Split by purpose: structure (this file: bytes, objects, arrays, keys, shares of one
/// array), values (`JSONReader+Values.swift`), skipping and checking what is not kept
/// (`JSONReader+Skipping.swift`). Its helpers are internal, not private, so the files can share
/// them; release builds optimize the whole module at once, so they inline across files as well.
struct JSONReader {
  var base: UnsafePointer<UInt8>
  /// Bytes available from `base`; a file source grows it as the reader moves on.
  var filled: Int
  var pos = 0
  /// The mapped file, whose pages this reader hands back behind it (from `releasedUpTo`,
  /// its own start: readers working on parts of one file never give back each other's pages).
  let source: FileBytes?
  var releasedUpTo = 0
  var nextRelease = 256 << 10
  var strings = StringInterner()
  static let maxDepth = 512
  /// Reading for a listing: items' notes, history, reports and targets are checked as a
  /// full read checks them, but not kept.
  var summaryOnly = false
  /// Strings are checked and not built (readString returns "").
  var discarding = false
  var depth = 0
  /// The member names of the objects open at every depth, to refuse a name given twice.
  var names = MemberNames()
  var nameCount = 0

  init(_ bytes: UnsafeRawBufferPointer) {
    base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) ?? UnsafePointer(bitPattern: 1)!
    filled = bytes.count
    source = nil
  }

  init(_ file: FileBytes) {
    base = UnsafePointer(file.base)
    filled = file.filled
    source = file
  }

  var failure: JSONReadError { JSONReadError(offset: pos) }

  @inline(__always)
  func available() -> Bool { pos < filled }

  /// Hot loops below copy `pos` into a local: through `self` every step is a memory access.
  @inline(__always)
  mutating func skipSpace() {
    var p = pos
    let end = filled
    while p < end {
      let b = base[p]
      if b == 0x20 {
        // Pretty-printed stores are mostly indentation: step over it eight bytes at a time.
        while p + 8 <= end, UnsafeRawPointer(base + p).loadUnaligned(as: UInt64.self) == 0x2020_2020_2020_2020 {
          p += 8
        }
        while p < end, base[p] == 0x20 { p += 1 }
      } else if b == 0x0A || b == 0x0D || b == 0x09 {
        p += 1
      } else {
        break
      }
    }
    pos = p
  }

  /// The next non-space byte, without consuming it.
  mutating func peek() -> UInt8? {
    skipSpace()
    return available() ? base[pos] : nil
  }

  mutating func expect(_ byte: UInt8) throws {
    guard peek() == byte else { throw failure }
    pos += 1
  }

  /// Nothing but white space may follow the top-level value.
  mutating func expectEnd() throws {
    guard peek() == nil else { throw failure }
  }

  /// Consumes `null` if it is next.
  mutating func readNull() throws -> Bool {
    guard peek() == UInt8(ascii: "n") else { return false }
    try literal("null")
    return true
  }

  mutating func literal(_ word: StaticString) throws {
    for i in 0..<word.utf8CodeUnitCount {
      guard available(), base[pos] == word.utf8Start[i] else { throw failure }
      pos += 1
    }
  }

  // MARK: - Containers

  /// Opens an object; then `while let key = try nextKey(&first)` visits its members, each
  /// value read (or skipped) by the loop body. Cheaper than a closure per member.
  mutating func beginObject() throws {
    try expect(UInt8(ascii: "{"))
    depth += 1
    guard depth <= Self.maxDepth else { throw failure }
    names.starts[depth] = nameCount
  }

  @inline(__always)
  mutating func endObject() {
    nameCount = names.starts[depth]
    depth -= 1
  }

  /// The next member's name, or nil once the object is closed.
  mutating func nextKey(_ first: inout Bool) throws -> JSONKey? {
    let next = peek()
    if first {
      first = false
      if next == UInt8(ascii: "}") {
        pos += 1
        endObject()
        return nil
      }
    } else if next == UInt8(ascii: ",") {
      pos += 1
    } else if next == UInt8(ascii: "}") {
      pos += 1
      endObject()
      return nil
    } else {
      throw failure
    }
    let key = try readKey()
    try noteName(key)
    try expect(UInt8(ascii: ":"))
    return key
  }

  /// Refuses a member name the open object already has (JSONDecoder would keep one of the
  /// two silently; Store then names the place). The object's greatest short name is kept
  /// last: stores are written with sorted keys, so a name after it is new; any other name
  /// is checked against every name.
  @inline(__always)
  mutating func noteName(_ key: JSONKey) throws {
    guard nameCount < MemberNames.capacity else { throw failure }
    let first = names.starts[depth]
    if nameCount > first {
      let last = names.keys[nameCount - 1]
      if !(last.length <= 16 && key.length <= 16 && last.precedes(key)) {
        for i in first..<nameCount where sameName(names.keys[i], key) { throw JSONReadError(offset: key.offset) }
        if key.length > 16 || (last.length <= 16 && key.precedes(last)) {
          // The greatest stays last.
          names.keys[nameCount - 1] = key
          names.keys[nameCount] = last
          nameCount += 1
          return
        }
      }
    }
    names.keys[nameCount] = key
    nameCount += 1
  }

  func sameName(_ a: JSONKey, _ b: JSONKey) -> Bool {
    guard a.length == b.length else { return false }
    if a.length <= 16 { return a.low == b.low && a.high == b.high }
    return memcmp(base + a.offset, base + b.offset, a.length) == 0
  }

  mutating func readArray<T>(_ element: (inout JSONReader) throws -> T) throws -> [T] {
    try enterArray()
    return try readElements(stop: nil, element).values
  }

  // MARK: - Reading parts of one array side by side (StoreJSON.readItems)

  /// The same bytes, read from `offset` on, with its own string table and its own pages to
  /// give back.
  func reader(at offset: Int) -> JSONReader {
    var r = self
    r.pos = offset
    r.releasedUpTo = offset
    r.names = MemberNames()
    r.nameCount = 0
    r.nextRelease = offset + (256 << 10)
    return r
  }

  var count: Int { filled }

  /// Where `pattern` next occurs at or after `from`.
  func find(_ pattern: [UInt8], from: Int) -> Int? {
    guard from < filled else { return nil }
    let hay = UnsafeBufferPointer(start: base + from, count: filled - from)
    return pattern.withUnsafeBufferPointer { byteOffset(of: $0, in: hay) }.map { from + $0 }
  }

  /// The main reader carried on from where this share reader stopped (the array's end).
  func continuing(after main: JSONReader) -> JSONReader {
    var r = main
    r.pos = pos
    r.depth = depth
    return r
  }

  func byte(at offset: Int) -> UInt8? { offset >= 0 && offset < filled ? base[offset] : nil }

  mutating func skipToNonSpace() -> Int {
    skipSpace()
    return pos
  }

  /// Consumes `[`; the elements are then read with readElements.
  mutating func enterArray() throws {
    try expect(UInt8(ascii: "["))
    depth += 1
    guard depth <= Self.maxDepth else { throw failure }
  }

  /// Reads elements of an array already entered, until its `]` (closed: true) or, when
  /// `stop` is given, until the position right after a comma is exactly `stop` (closed:
  /// false). Passing `stop` without landing on it is an error: it was not an element boundary.
  mutating func readElements<T>(stop: Int?, _ element: (inout JSONReader) throws -> T) throws -> (
    values: [T], closed: Bool
  ) {
    var out: [T] = []
    if stop == nil || pos < stop!, peek() == UInt8(ascii: "]") {
      pos += 1
      depth -= 1
      return (out, true)
    }
    while true {
      out.append(try element(&self))
      if pos >= nextRelease { releasePages() }
      switch peek() {
      case UInt8(ascii: ","):
        pos += 1
        if let stop {
          if pos == stop { return (out, false) }
          if pos > stop { throw failure }
        }
      case UInt8(ascii: "]"):
        pos += 1
        depth -= 1
        return (out, true)
      default: throw failure
      }
    }
  }

  mutating func releasePages() {
    nextRelease = pos + (256 << 10)
    guard let source else { return }
    releasedUpTo = source.release(from: releasedUpTo, before: pos)
  }

  mutating func readKey() throws -> JSONKey {
    try expect(UInt8(ascii: "\""))
    // Member names are short: find the closing quote in two words at once.
    if pos + 16 <= filled, let key = packedKey(at: pos) { return key }
    let start = pos
    let (p, escaped) = try stringEnd(from: pos)
    // Escapes in a key: leave them to JSONDecoder.
    guard !escaped, Self.isUTF8(UnsafeBufferPointer(start: base + start, count: p - start)) else { throw failure }
    pos = p + 1
    var key = JSONKey()
    key.length = p - start
    key.offset = start
    memcpy(&key.low, base + start, min(8, key.length))
    if key.length > 8 { memcpy(&key.high, base + start + 8, min(8, key.length - 8)) }
    return key
  }

  /// The key starting at `p` when it closes within 16 bytes and holds no backslash or control
  /// character before its quote; nil sends the caller to the byte-by-byte path.
  @inline(__always)
  mutating func packedKey(at p: Int) -> JSONKey? {
    let raw = UnsafeRawPointer(base + p)
    let w0 = raw.loadUnaligned(as: UInt64.self)
    let w1 = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
    let ones: UInt64 = 0x0101_0101_0101_0101
    let high: UInt64 = 0x8080_8080_8080_8080
    // The lowest flagged byte of these classic tests is exact (borrows only run upwards).
    func quotes(_ w: UInt64) -> UInt64 {
      let x = w ^ (ones &* 0x22)
      return (x &- ones) & ~x & high
    }
    func unsafe(_ w: UInt64) -> UInt64 {
      let b = w ^ (ones &* 0x5C)
      return ((b &- ones) & ~b | (w &- ones &* 0x20) & ~w) & high
    }
    let q0 = quotes(w0)
    let length: Int
    if q0 != 0 {
      length = q0.trailingZeroBitCount / 8
    } else {
      let q1 = quotes(w1)
      guard q1 != 0 else { return nil }
      length = 8 + q1.trailingZeroBitCount / 8
    }
    let u0 = unsafe(w0)
    let u1 = unsafe(w1)
    let firstUnsafe = u0 != 0 ? u0.trailingZeroBitCount / 8 : u1 != 0 ? 8 + u1.trailingZeroBitCount / 8 : 16
    guard firstUnsafe > length else { return nil }
    func keep(_ w: UInt64, _ n: Int) -> UInt64 { n >= 8 ? w : n <= 0 ? 0 : w & ((1 << (8 * UInt64(n))) - 1) }
    let first = keep(w0, length)
    let second = keep(w1, length - 8)
    // Not ASCII: the byte path checks it is UTF-8.
    guard (first | second) & high == 0 else { return nil }
    pos = p + length + 1
    return JSONKey(low: first, high: second, length: length, offset: p)
  }

  /// The closing quote of the string whose text starts at `p`, and whether it has escapes.
  /// A control character inside, or no closing quote, is an error. One scanner for keys,
  /// values and skipped strings.
  @inline(__always)
  func stringEnd(from start: Int) throws -> (end: Int, escaped: Bool) {
    var p = start
    let end = filled
    var escaped = false
    while true {
      guard p < end else { throw JSONReadError(offset: p) }
      let b = base[p]
      if b == UInt8(ascii: "\"") { return (p, escaped) }
      if b == UInt8(ascii: "\\") {
        escaped = true
        p += 2
        continue
      }
      guard b >= 0x20 else { throw JSONReadError(offset: p) }
      p += 1
    }
  }
}
