/// Finds the byte offset of the first JSON syntax error, duplicate member name, byte that is
/// not UTF-8 or number too large for any number type, for messages that say where a store
/// went wrong (JSONDecoder refuses the last two for the whole file, without a position).
/// Validates structure, text encoding, numbers' range and member names only; values are
/// decoded elsewhere. Store runs it before JSONDecoder, which would otherwise
/// keep one of two duplicate members silently.
struct JSONSyntaxScanner {
  let bytes: [UInt8]
  var i = 0
  var depth = 0
  var tooDeep = false
  /// The name (unescaped) when the first error is a member named twice in one object.
  var duplicate: String?
  /// The first error is a byte sequence that is not UTF-8 (in a string).
  var notUTF8 = false
  /// The number, as written, when the first error is a number beyond Double's range.
  var outOfRange: String?
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

  /// Past the opening bracket (at `i`): true, and past `close` too, when nothing is inside.
  mutating func emptyContainer(closing close: UInt8) -> Bool {
    i += 1
    skipSpace()
    guard i < bytes.count, bytes[i] == close else { return false }
    i += 1
    return true
  }

  /// After a member or an element: true at a comma (another follows), false at `close`
  /// (consumed either way); anything else is refused.
  mutating func another(before close: UInt8) throws -> Bool {
    skipSpace()
    if i < bytes.count, bytes[i] == UInt8(ascii: ",") {
      i += 1
      return true
    }
    try expect(close)
    return false
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
      if emptyContainer(closing: UInt8(ascii: "}")) { return }
      let first = names.count
      repeat {
        skipSpace()
        try member(first: first)
        skipSpace()
        try expect(UInt8(ascii: ":"))
        skipSpace()
        try value()
      } while try another(before: UInt8(ascii: "}"))
      names.removeSubrange(first...)
    case UInt8(ascii: "["):
      if emptyContainer(closing: UInt8(ascii: "]")) { return }
      repeat {
        skipSpace()
        try value()
      } while try another(before: UInt8(ascii: "]"))
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
    guard name.escaped, let decoded = raw.withUnsafeBufferPointer(JSONEscapes.decode) else { return raw }
    return decoded[...]
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
      if b >= 0x80 {
        i += try utf8Sequence()
        continue
      }
      if b == UInt8(ascii: "\\") {
        escaped = true
        try escape()
        continue
      }
      i += 1
    }
    throw Failure(offset: i)
  }

  /// Steps over one escape (`\n`, `\u00e9`); anything else JSON does not allow fails at its
  /// backslash.
  private mutating func escape() throws {
    let at = i
    guard i + 1 < bytes.count else { throw Failure(offset: at) }
    switch bytes[i + 1] {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
      UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
      i += 2
    case UInt8(ascii: "u"):
      guard i + 6 <= bytes.count,
        bytes[(i + 2)..<(i + 6)].allSatisfy({
          (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
            || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0 | 0x20)
        })
      else { throw Failure(offset: at) }
      i += 6
    default:
      throw Failure(offset: at)
    }
  }

  /// The length of the well-formed UTF-8 sequence at `i` (Unicode's table 3-7: no
  /// overlong forms, no surrogates, nothing past U+10FFFF), else a failure there.
  private mutating func utf8Sequence() throws -> Int {
    let lead = bytes[i]
    let length: Int
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    switch lead {
    case 0xC2...0xDF: length = 2
    case 0xE0:
      length = 3
      low = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED:
      length = 3
      high = 0x9F
    case 0xF0:
      length = 4
      low = 0x90
    case 0xF1...0xF3: length = 4
    case 0xF4:
      length = 4
      high = 0x8F
    default: length = 0
    }
    var ok = length > 0 && i + length <= bytes.count
    if ok {
      ok = (low...high).contains(bytes[i + 1])
      for k in 2..<max(2, length) where !(0x80...0xBF).contains(bytes[i + k]) { ok = false }
    }
    guard ok else {
      notUTF8 = true
      throw Failure(offset: i)
    }
    return length
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
    // JSONDecoder refuses a number no type can hold (1e309) for the whole file.
    let text = String(decoding: bytes[start..<i], as: UTF8.self)
    if let d = Double(text), !d.isFinite {
      outOfRange = text
      throw Failure(offset: start)
    }
  }
}
