#if canImport(Glibc)
  import Glibc
#endif

/// Strings, numbers and booleans, straight into Swift values.
extension JSONReader {
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

  func unescape(_ raw: UnsafeBufferPointer<UInt8>) throws -> String {
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
