/// Finds the byte offset of the first JSON syntax error, for messages that say where a
/// store went wrong. Validates structure only; values are decoded elsewhere.
struct JSONSyntaxScanner {
  let bytes: [UInt8]
  var i = 0
  var depth = 0
  var tooDeep = false
  static let maxDepth = 512

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
    while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
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
      while true {
        skipSpace()
        try string()
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
      try string()
    case UInt8(ascii: "t"): try literal("true")
    case UInt8(ascii: "f"): try literal("false")
    case UInt8(ascii: "n"): try literal("null")
    default:
      try number()
    }
  }

  mutating func expect(_ b: UInt8) throws {
    guard i < bytes.count, bytes[i] == b else { throw Failure(offset: i) }
    i += 1
  }

  mutating func literal(_ word: String) throws {
    for b in word.utf8 { try expect(b) }
  }

  mutating func string() throws {
    try expect(UInt8(ascii: "\""))
    while i < bytes.count {
      let b = bytes[i]
      if b == UInt8(ascii: "\"") {
        i += 1
        return
      }
      if b < 0x20 { throw Failure(offset: i) }
      i += b == UInt8(ascii: "\\") ? 2 : 1
    }
    throw Failure(offset: i)
  }

  mutating func number() throws {
    let start = i
    while i < bytes.count, "+-0123456789.eE".utf8.contains(bytes[i]) { i += 1 }
    if i == start { throw Failure(offset: i) }
  }
}
