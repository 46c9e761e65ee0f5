/// Finds the byte offset of the first JSON syntax error or duplicate member name, for
/// messages that say where a store went wrong. Validates structure and member names only;
/// values are decoded elsewhere. Store runs it before JSONDecoder, which would otherwise
/// keep one of two duplicate members silently.
struct JSONSyntaxScanner {
  let bytes: [UInt8]
  var i = 0
  var depth = 0
  var tooDeep = false
  /// The name (unescaped) when the first error is a member named twice in one object.
  var duplicate: String?
  static let maxDepth = 512

  /// A member name as written: the text between its quotes.
  private struct Name {
    var start: Int
    var end: Int
    var escaped: Bool
  }
  /// The names of the objects being scanned, innermost last.
  private var names: [Name] = []

  init(bytes: [UInt8]) { self.bytes = bytes }

  struct Failure: Error { var offset: Int }

  mutating func firstError() -> Int? {
    do {
      skipSpace()
      try value()
      skipSpace()
      if i != bytes.count { throw Failure(offset: i) }
      return nil
    } catch let f as Failure {
      return f.offset
    } catch {
      return i
    }
  }

  mutating func skipSpace() {
    while i < bytes.count {
      switch bytes[i] {
      case 0x20, 0x09, 0x0A, 0x0D: i += 1
      default: return
      }
    }
  }

  mutating func value() throws {
    guard i < bytes.count else { throw Failure(offset: i) }
    depth += 1
    defer { depth -= 1 }
    if depth > Self.maxDepth {
      tooDeep = true
      throw Failure(offset: i)
    }
    switch bytes[i] {
    case UInt8(ascii: "{"):
      i += 1
      skipSpace()
      if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
        i += 1
        return
      }
      let first = names.count
      while true {
        skipSpace()
        try member(first: first)
        skipSpace()
        try expect(UInt8(ascii: ":"))
        skipSpace()
        try value()
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: ",") {
          i += 1
          continue
        }
        try expect(UInt8(ascii: "}"))
        names.removeSubrange(first...)
        return
      }
    case UInt8(ascii: "["):
      i += 1
      skipSpace()
      if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
        i += 1
        return
      }
      while true {
        skipSpace()
        try value()
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: ",") {
          i += 1
          continue
        }
        try expect(UInt8(ascii: "]"))
        return
      }
    case UInt8(ascii: "\""):
      _ = try string()
    case UInt8(ascii: "t"): try literal("true")
    case UInt8(ascii: "f"): try literal("false")
    case UInt8(ascii: "n"): try literal("null")
    default:
      try number()
    }
  }

  /// A member name, refused when the object already has one that reads the same.
  private mutating func member(first: Int) throws {
    let at = i
    let escaped = try string()
    let name = Name(start: at + 1, end: i - 1, escaped: escaped)
    // The object's greatest name without escapes is kept last. Stores are written with
    // sorted keys: a name after it is new.
    guard names.count > first, let last = names.last else { return names.append(name) }
    func precedes(_ a: Name, _ b: Name) -> Bool {
      !a.escaped && !b.escaped && bytes[a.start..<a.end].lexicographicallyPrecedes(bytes[b.start..<b.end])
    }
    if precedes(last, name) { return names.append(name) }
    let text = self.text(of: name)
    for other in names[first...] where self.text(of: other) == text {
      duplicate = String(decoding: text, as: UTF8.self)
      throw Failure(offset: at)
    }
    if name.escaped || precedes(name, last) {
      names.insert(name, at: names.count - 1)
    } else {
      names.append(name)
    }
  }

  /// A name's bytes with its escapes resolved; an escape JSON does not allow is left as
  /// written (JSONDecoder refuses it).
  private func text(of name: Name) -> ArraySlice<UInt8> {
    let raw = bytes[name.start..<name.end]
    guard name.escaped else { return raw }
    var out: [UInt8] = []
    var k = raw.startIndex
    func hex(_ at: Int) -> UInt32? {
      guard at + 4 <= raw.endIndex else { return nil }
      return UInt32(String(decoding: raw[at..<(at + 4)], as: UTF8.self), radix: 16)
    }
    while k < raw.endIndex {
      guard raw[k] == UInt8(ascii: "\\"), k + 1 < raw.endIndex else {
        out.append(raw[k])
        k += 1
        continue
      }
      let e = raw[k + 1]
      k += 2
      switch e {
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "u"):
        guard var scalar = hex(k) else { return raw }
        k += 4
        if (0xD800..<0xDC00).contains(scalar), k + 6 <= raw.endIndex, raw[k] == UInt8(ascii: "\\"),
          raw[k + 1] == UInt8(ascii: "u"), let low = hex(k + 2), (0xDC00..<0xE000).contains(low)
        {
          scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
          k += 6
        }
        guard let u = Unicode.Scalar(scalar) else { return raw }
        out.append(contentsOf: String(Character(u)).utf8)
      default: out.append(e)
      }
    }
    return out[...]
  }

  mutating func expect(_ b: UInt8) throws {
    guard i < bytes.count, bytes[i] == b else { throw Failure(offset: i) }
    i += 1
  }

  mutating func literal(_ word: String) throws {
    for b in word.utf8 { try expect(b) }
  }

  /// Steps over a string; true when it has escapes.
  mutating func string() throws -> Bool {
    try expect(UInt8(ascii: "\""))
    var escaped = false
    while i < bytes.count {
      let b = bytes[i]
      if b == UInt8(ascii: "\"") {
        i += 1
        return escaped
      }
      if b < 0x20 { throw Failure(offset: i) }
      if b == UInt8(ascii: "\\") { escaped = true }
      i += b == UInt8(ascii: "\\") ? 2 : 1
    }
    throw Failure(offset: i)
  }

  mutating func number() throws {
    let start = i
    loop: while i < bytes.count {
      switch bytes[i] {
      case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
        UInt8(ascii: "e"), UInt8(ascii: "E"):
        i += 1
      default: break loop
      }
    }
    if i == start { throw Failure(offset: i) }
  }
}
