/// Writes JSON byte for byte as JSONEncoder does with [.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes] (stores written by either are identical), straight into a buffer
/// that is handed to `sink` whenever it fills, so a large store is never held twice.
/// Callers write members in sorted order themselves.
struct JSONWriter {
  private(set) var buffer: [UInt8] = []
  private var indent = 0
  /// The container just opened has no member yet.
  private var empty = true
  private let sink: ((UnsafeBufferPointer<UInt8>) throws -> Void)?
  private static let flushSize = 1 << 20

  init(sink: ((UnsafeBufferPointer<UInt8>) throws -> Void)? = nil) {
    self.sink = sink
    buffer.reserveCapacity(sink == nil ? 1 << 16 : Self.flushSize + (1 << 16))
  }

  /// Hands what is buffered to the sink once it passes the flush size (call between values).
  mutating func flushIfFull() throws {
    if buffer.count >= Self.flushSize { try flush() }
  }

  mutating func flush() throws {
    guard let sink, !buffer.isEmpty else { return }
    try buffer.withUnsafeBufferPointer { try sink($0) }
    buffer.removeAll(keepingCapacity: true)
  }

  // MARK: - Containers

  mutating func beginObject() { open(UInt8(ascii: "{")) }
  mutating func endObject() { close(UInt8(ascii: "}")) }
  mutating func beginArray() { open(UInt8(ascii: "[")) }
  mutating func endArray() { close(UInt8(ascii: "]")) }

  private mutating func open(_ bracket: UInt8) {
    buffer.append(bracket)
    indent += 1
    empty = true
  }

  private mutating func close(_ bracket: UInt8) {
    indent -= 1
    buffer.append(0x0A)
    if empty { buffer.append(0x0A) }
    spaces()
    buffer.append(bracket)
    empty = false
  }

  private mutating func newMember() {
    if !empty { buffer.append(UInt8(ascii: ",")) }
    buffer.append(0x0A)
    spaces()
    empty = false
  }

  private mutating func spaces() {
    buffer.append(contentsOf: repeatElement(0x20, count: indent * 2))
  }

  mutating func key(_ name: StaticString) {
    newMember()
    buffer.append(UInt8(ascii: "\""))
    buffer.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
    buffer.append(contentsOf: [UInt8(ascii: "\""), 0x20, UInt8(ascii: ":"), 0x20])
  }

  /// Starts the next element of an array.
  mutating func element() { newMember() }

  // MARK: - Values

  mutating func string(_ value: String) {
    var s = value
    s.withUTF8 { u in
      buffer.append(UInt8(ascii: "\""))
      var run = 0
      for (i, b) in u.enumerated() {
        guard b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") else { continue }
        buffer.append(contentsOf: UnsafeBufferPointer(rebasing: u[run..<i]))
        run = i + 1
        buffer.append(UInt8(ascii: "\\"))
        switch b {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): buffer.append(b)
        case 0x08: buffer.append(UInt8(ascii: "b"))
        case 0x09: buffer.append(UInt8(ascii: "t"))
        case 0x0A: buffer.append(UInt8(ascii: "n"))
        case 0x0C: buffer.append(UInt8(ascii: "f"))
        case 0x0D: buffer.append(UInt8(ascii: "r"))
        default:
          let hex = Array("0123456789abcdef".utf8)
          buffer.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 15)]])
        }
      }
      buffer.append(contentsOf: UnsafeBufferPointer(rebasing: u[run...]))
      buffer.append(UInt8(ascii: "\""))
    }
  }

  mutating func string(_ value: String?) {
    if let value { string(value) } else { null() }
  }

  mutating func strings(_ values: [String]) {
    beginArray()
    for v in values {
      element()
      string(v)
    }
    endArray()
  }

  mutating func int(_ value: Int) {
    if value < 0 { buffer.append(UInt8(ascii: "-")) }
    var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var v = value.magnitude
    var n = 0
    withUnsafeMutableBytes(of: &digits) { d in
      repeat {
        d[n] = UInt8(v % 10) + UInt8(ascii: "0")
        v /= 10
        n += 1
      } while v > 0 && n < 10
    }
    if v > 0 {
      // Beyond ten digits: rare enough for the slow way.
      buffer.removeLast(value < 0 ? 1 : 0)
      buffer.append(contentsOf: String(value).utf8)
      return
    }
    withUnsafeBytes(of: &digits) { d in
      for i in stride(from: n - 1, through: 0, by: -1) { buffer.append(d[i]) }
    }
  }

  mutating func int(_ value: Int?) {
    if let value { int(value) } else { null() }
  }

  /// As JSONEncoder writes a Double: the shortest form that reads back, without ".0".
  mutating func double(_ value: Double) throws {
    guard value.isFinite else { throw JSONWriteError(value: value) }
    var text = value.description
    if text.hasSuffix(".0") { text.removeLast(2) }
    buffer.append(contentsOf: text.utf8)
  }

  mutating func double(_ value: Double?) throws {
    if let value { try double(value) } else { null() }
  }

  mutating func bool(_ value: Bool) {
    buffer.append(contentsOf: value ? Array("true".utf8) : Array("false".utf8))
  }

  mutating func null() {
    buffer.append(contentsOf: [UInt8(ascii: "n"), UInt8(ascii: "u"), UInt8(ascii: "l"), UInt8(ascii: "l")])
  }
}

/// JSON has no infinity or NaN.
struct JSONWriteError: Error, CustomStringConvertible {
  var value: Double
  var description: String { "\(value) cannot be written as JSON" }
}
