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
struct JSONReader {
  private var base: UnsafePointer<UInt8>
  /// Bytes available from `base`; a file source grows it as the reader moves on.
  private var filled: Int
  private(set) var pos = 0
  /// The mapped file, whose pages this reader hands back behind it (from `releasedUpTo`,
  /// its own start: readers working on parts of one file never give back each other's pages).
  private let source: FileBytes?
  private var releasedUpTo = 0
  private var nextRelease = 256 << 10
  private var strings = StringInterner()
  static let maxDepth = 512
  /// Reading for a listing: items' notes, history, reports and targets are checked as a
  /// full read checks them, but not kept.
  var summaryOnly = false
  /// Strings are checked and not built (readString returns "").
  private var discarding = false
  private var depth = 0
  /// The member names of the objects open at every depth, to refuse a name given twice.
  private var names = MemberNames()
  private var nameCount = 0

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
  private func available() -> Bool { pos < filled }

  /// Hot loops below copy `pos` into a local: through `self` every step is a memory access.
  @inline(__always)
  private mutating func skipSpace() {
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

  private mutating func expect(_ byte: UInt8) throws {
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

  private mutating func literal(_ word: StaticString) throws {
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
  private mutating func endObject() {
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
  private mutating func noteName(_ key: JSONKey) throws {
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

  private func sameName(_ a: JSONKey, _ b: JSONKey) -> Bool {
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

  private mutating func releasePages() {
    nextRelease = pos + (256 << 10)
    guard let source else { return }
    releasedUpTo = source.release(from: releasedUpTo, before: pos)
  }

  private mutating func readKey() throws -> JSONKey {
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
  private mutating func packedKey(at p: Int) -> JSONKey? {
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
  private func stringEnd(from start: Int) throws -> (end: Int, escaped: Bool) {
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

  // MARK: - Values

  /// A string; repeated ones (unit names, times, users, section titles) share one copy.
  mutating func readString(intern: Bool = true) throws -> String {
    try expect(UInt8(ascii: "\""))
    let start = pos
    let (p, escaped) = try stringEnd(from: pos)
    let raw = UnsafeBufferPointer(start: base + start, count: p - start)
    pos = p + 1
    if discarding {
      // Checked exactly as below, but not built.
      if escaped {
        _ = try unescape(raw)
      } else if !Self.isUTF8(raw) {
        throw failure
      }
      return ""
    }
    if escaped { return try unescape(raw) }
    if intern && raw.count > 15 && raw.count <= 256 {
      guard let s = strings.intern(raw) else { throw failure }
      return s
    }
    guard let s = Self.string(raw) else { throw failure }
    return s
  }

  /// The bytes as a String, or nil when they are not valid UTF-8. (String(decoding:) is the
  /// fast path, but it repairs bad bytes rather than refusing them: compare to catch that.)
  @inline(__always)
  static func string(_ raw: UnsafeBufferPointer<UInt8>) -> String? {
    var s = String(decoding: raw, as: UTF8.self)
    let same = s.withUTF8 { u in
      u.count == raw.count && (raw.isEmpty || memcmp(u.baseAddress!, raw.baseAddress!, raw.count) == 0)
    }
    return same ? s : nil
  }

  mutating func readOptionalString(intern: Bool = true) throws -> String? {
    try readNull() ? nil : readString(intern: intern)
  }

  mutating func readStrings() throws -> [String] {
    try readArray { try $0.readString() }
  }

  /// Whether the bytes are UTF-8 as String(validating:) has it: shortest forms only, no
  /// surrogates, nothing past U+10FFFF.
  static func isUTF8(_ raw: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let p = raw.baseAddress else { return true }
    let n = raw.count
    var i = 0
    @inline(__always) func continuation(_ k: Int) -> Bool { k < n && p[k] & 0xC0 == 0x80 }
    while i < n {
      while i + 8 <= n, UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
      guard i < n else { break }
      let b = p[i]
      if b < 0x80 {
        i += 1
      } else if b < 0xC2 {
        return false
      } else if b < 0xE0 {
        guard continuation(i + 1) else { return false }
        i += 2
      } else if b < 0xF0 {
        guard continuation(i + 1), continuation(i + 2) else { return false }
        let b1 = p[i + 1]
        if b == 0xE0 && b1 < 0xA0 || b == 0xED && b1 >= 0xA0 { return false }
        i += 3
      } else if b < 0xF5 {
        guard continuation(i + 1), continuation(i + 2), continuation(i + 3) else { return false }
        let b1 = p[i + 1]
        if b == 0xF0 && b1 < 0x90 || b == 0xF4 && b1 >= 0x90 { return false }
        i += 4
      } else {
        return false
      }
    }
    return true
  }

  private func unescape(_ raw: UnsafeBufferPointer<UInt8>) throws -> String {
    guard let out = JSONEscapes.decode(raw), let s = String(validating: out, as: UTF8.self) else { throw failure }
    return s
  }

  /// An integer written as one (no fraction, no exponent), as JSONEncoder writes Int.
  mutating func readInt() throws -> Int {
    skipSpace()
    var negative = false
    if available(), base[pos] == UInt8(ascii: "-") {
      negative = true
      pos += 1
    }
    let start = pos
    var value = 0
    while available() {
      let d = base[pos] &- UInt8(ascii: "0")
      guard d < 10 else { break }
      let (m, o1) = value.multipliedReportingOverflow(by: 10)
      let (a, o2) = m.addingReportingOverflow(Int(d))
      guard !o1, !o2 else { throw failure }
      value = a
      pos += 1
    }
    let digits = pos - start
    guard digits > 0, digits == 1 || base[start] != UInt8(ascii: "0") else { throw failure }
    if available(), base[pos] == UInt8(ascii: ".") || base[pos] | 0x20 == UInt8(ascii: "e") { throw failure }
    return negative ? -value : value
  }

  mutating func readOptionalInt() throws -> Int? {
    try readNull() ? nil : readInt()
  }

  mutating func readDouble() throws -> Double {
    skipSpace()
    let start = pos
    var plainInteger = true
    while available() {
      switch base[pos] {
      case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"): pos += 1
      case UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"):
        plainInteger = false
        pos += 1
      default:
        if plainInteger && pos - start < 16 {
          // Most figures are whole numbers: no need to build a string for them.
          let end = pos
          pos = start
          let v = try readInt()
          guard pos == end else { throw failure }
          return Double(v)
        }
        let text = String(decoding: UnsafeBufferPointer(start: base + start, count: pos - start), as: UTF8.self)
        guard let value = Self.jsonNumber(text) else { throw failure }
        return value
      }
    }
    throw failure
  }

  /// JSON's number grammar, which is narrower than Double's.
  static func jsonNumber(_ text: String) -> Double? {
    let b = Array(text.utf8)
    var i = b.first == UInt8(ascii: "-") ? 1 : 0
    func digits() -> Int {
      let s = i
      while i < b.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b[i]) { i += 1 }
      return i - s
    }
    let intStart = i
    let n = digits()
    guard n > 0, n == 1 || b[intStart] != UInt8(ascii: "0") else { return nil }
    if i < b.count, b[i] == UInt8(ascii: ".") {
      i += 1
      guard digits() > 0 else { return nil }
    }
    if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
      i += 1
      if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
      guard digits() > 0 else { return nil }
    }
    guard i == b.count, let v = Double(text), v.isFinite else { return nil }
    return v
  }

  mutating func readOptionalDouble() throws -> Double? {
    try readNull() ? nil : readDouble()
  }

  mutating func readBool() throws -> Bool {
    switch peek() {
    case UInt8(ascii: "t"):
      try literal("true")
      return true
    case UInt8(ascii: "f"):
      try literal("false")
      return false
    default: throw failure
    }
  }

  /// Reads an array as a full read does, keeping nothing of it: every element checked,
  /// no string built (a listing shows none of it).
  mutating func checkArray(_ element: (inout JSONReader) throws -> Void) throws {
    let was = discarding
    discarding = true
    defer { discarding = was }
    try enterArray()
    if peek() == UInt8(ascii: "]") {
      pos += 1
      depth -= 1
      return
    }
    while true {
      try element(&self)
      if pos >= nextRelease { releasePages() }
      switch peek() {
      case UInt8(ascii: ","): pos += 1
      case UInt8(ascii: "]"):
        pos += 1
        depth -= 1
        return
      default: throw failure
      }
    }
  }

  /// Skips a member this version does not know (JSONDecoder ignores them too).
  mutating func skipValue() throws {
    switch peek() {
    case UInt8(ascii: "{"):
      try beginObject()
      var first = true
      while try nextKey(&first) != nil { try skipValue() }
    case UInt8(ascii: "["): _ = try readArray { try $0.skipValue() }
    case UInt8(ascii: "\""): _ = try readString(intern: false)
    case UInt8(ascii: "t"), UInt8(ascii: "f"): _ = try readBool()
    case UInt8(ascii: "n"): _ = try readNull()
    default: _ = try readDouble()
    }
  }
}

/// JSON's string escapes resolved, for the reader and for the syntax scanner's comparison of
/// member names alike; nil for an escape JSON does not allow (and a lone surrogate).
enum JSONEscapes {
  static func decode(_ raw: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
    var out: [UInt8] = []
    out.reserveCapacity(raw.count)
    var i = 0
    func hex4(_ at: Int) -> UInt32? {
      guard at + 4 <= raw.count else { return nil }
      var v: UInt32 = 0
      for b in raw[at..<(at + 4)] {
        let d: UInt8
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): d = b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): d = b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): d = b - UInt8(ascii: "A") + 10
        default: return nil
        }
        v = v << 4 | UInt32(d)
      }
      return v
    }
    while i < raw.count {
      let b = raw[i]
      guard b == UInt8(ascii: "\\") else {
        out.append(b)
        i += 1
        continue
      }
      guard i + 1 < raw.count else { return nil }
      let e = raw[i + 1]
      i += 2
      switch e {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "u"):
        guard var scalar = hex4(i) else { return nil }
        i += 4
        if (0xD800..<0xDC00).contains(scalar) {
          // A surrogate pair; a lone surrogate is left to JSONDecoder.
          guard i + 6 <= raw.count, raw[i] == UInt8(ascii: "\\"), raw[i + 1] == UInt8(ascii: "u"),
            let low = hex4(i + 2), (0xDC00..<0xE000).contains(low)
          else { return nil }
          scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
          i += 6
        }
        guard let u = Unicode.Scalar(scalar) else { return nil }
        out.append(contentsOf: String(Character(u)).utf8)
      default: return nil
      }
    }
    return out
  }
}
