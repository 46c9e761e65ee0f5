/// Writes JSON byte for byte as JSONEncoder does with [.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes] (stores written by either are identical), straight into a buffer
/// that is handed to `sink` whenever it fills, so a large store is never held twice.
/// Callers write members in sorted order themselves.
struct JSONWriter: ~Copyable {
  /// A plain byte buffer: appending to [UInt8] checks uniqueness and capacity on every
  /// byte, which dominated saving.
  private var bytes: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  private var count = 0
  private var indent = 0
  /// The container just opened has no member yet.
  private var empty = true
  private let sink: ((UnsafeBufferPointer<UInt8>) throws -> Void)?
  private static let flushSize = 1 << 20
  private static let spaces = [UInt8](repeating: 0x20, count: 256)

  init(sink: ((UnsafeBufferPointer<UInt8>) throws -> Void)? = nil) {
    self.sink = sink
    capacity = Self.flushSize + (1 << 16)
    bytes = .allocate(capacity: capacity)
  }

  deinit { bytes.deallocate() }

  var buffer: [UInt8] { Array(UnsafeBufferPointer(start: bytes, count: count)) }

  /// Hands what is buffered to the sink once it passes the flush size (call between values).
  mutating func flushIfFull() throws {
    if count >= Self.flushSize { try flush() }
  }

  mutating func flush() throws {
    guard let sink, count > 0 else { return }
    try sink(UnsafeBufferPointer(start: bytes, count: count))
    count = 0
  }

  @inline(__always)
  private mutating func reserve(_ n: Int) {
    guard count + n > capacity else { return }
    capacity = max(capacity * 2, count + n)
    let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    grown.update(from: bytes, count: count)
    bytes.deallocate()
    bytes = grown
  }

  @inline(__always)
  private mutating func append(_ b: UInt8) {
    reserve(1)
    bytes[count] = b
    count += 1
  }

  @inline(__always)
  private mutating func append(_ raw: UnsafeBufferPointer<UInt8>) {
    guard raw.count > 0 else { return }
    reserve(raw.count)
    (bytes + count).update(from: raw.baseAddress!, count: raw.count)
    count += raw.count
  }

  private mutating func append(_ text: StaticString) {
    append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  // MARK: - Containers

  mutating func beginObject() { open(UInt8(ascii: "{")) }
  mutating func endObject() { close(UInt8(ascii: "}")) }
  mutating func beginArray() { open(UInt8(ascii: "[")) }
  mutating func endArray() { close(UInt8(ascii: "]")) }

  private mutating func open(_ bracket: UInt8) {
    append(bracket)
    indent += 1
    empty = true
  }

  private mutating func close(_ bracket: UInt8) {
    indent -= 1
    append(0x0A)
    if empty { append(0x0A) }
    spaces()
    append(bracket)
    empty = false
  }

  private mutating func newMember() {
    if !empty { append(UInt8(ascii: ",")) }
    append(0x0A)
    spaces()
    empty = false
  }

  private mutating func spaces() {
    var n = indent * 2
    while n > 0 {
      let k = min(n, Self.spaces.count)
      Self.spaces.withUnsafeBufferPointer { append(UnsafeBufferPointer(rebasing: $0[..<k])) }
      n -= k
    }
  }

  mutating func key(_ name: StaticString) {
    newMember()
    append(UInt8(ascii: "\""))
    append(name)
    append("\" : ")
  }

  /// Starts the next element of an array.
  mutating func element() { newMember() }

  // MARK: - Values

  mutating func string(_ value: String) {
    var s = value
    s.withUTF8 { u in
      append(UInt8(ascii: "\""))
      var run = 0
      for (i, b) in u.enumerated() {
        guard b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") else { continue }
        append(UnsafeBufferPointer(rebasing: u[run..<i]))
        run = i + 1
        append(UInt8(ascii: "\\"))
        switch b {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): append(b)
        case 0x08: append(UInt8(ascii: "b"))
        case 0x09: append(UInt8(ascii: "t"))
        case 0x0A: append(UInt8(ascii: "n"))
        case 0x0C: append(UInt8(ascii: "f"))
        case 0x0D: append(UInt8(ascii: "r"))
        default:
          let hex: StaticString = "0123456789abcdef"
          append("u00")
          append(hex.utf8Start[Int(b >> 4)])
          append(hex.utf8Start[Int(b & 15)])
        }
      }
      append(UnsafeBufferPointer(rebasing: u[run...]))
      append(UInt8(ascii: "\""))
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
    if value < 0 { append(UInt8(ascii: "-")) }
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
      count -= value < 0 ? 1 : 0
      var text = String(value)
      text.withUTF8 { append($0) }
      return
    }
    withUnsafeBytes(of: &digits) { d in
      for i in stride(from: n - 1, through: 0, by: -1) { append(d[i]) }
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
    text.withUTF8 { append($0) }
  }

  mutating func double(_ value: Double?) throws {
    if let value { try double(value) } else { null() }
  }

  mutating func bool(_ value: Bool) {
    append(value ? "true" : "false")
  }

  mutating func null() {
    append("null")
  }
}

/// JSON has no infinity or NaN.
struct JSONWriteError: Error, CustomStringConvertible {
  var value: Double
  var description: String { "\(value) cannot be written as JSON" }
}
