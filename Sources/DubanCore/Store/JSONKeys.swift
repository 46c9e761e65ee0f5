#if canImport(Glibc)
  import Glibc
#endif

/// A member name, up to 16 bytes packed into two words: comparing keys is two compares.
/// Longer names never equal a known key (their first 16 bytes are packed all the same).
struct JSONKey: Equatable {
  var low: UInt64 = 0
  var high: UInt64 = 0
  var length = 0
  /// Where the name's text starts in the bytes read (not part of equality).
  var offset = 0

  init() {}

  init(low: UInt64, high: UInt64, length: Int, offset: Int = 0) {
    self.low = low
    self.high = high
    self.length = length
    self.offset = offset
  }

  /// Byte order, for names of up to 16 bytes (no name holds a zero byte, so the padding
  /// sorts first, as a shorter name does).
  @inline(__always)
  func precedes(_ other: JSONKey) -> Bool {
    let a = low.byteSwapped
    let b = other.low.byteSwapped
    if a != b { return a < b }
    return high.byteSwapped < other.high.byteSwapped
  }

  init(_ name: StaticString) {
    for i in 0..<name.utf8CodeUnitCount { add(name.utf8Start[i], at: i) }
    length = name.utf8CodeUnitCount
  }

  @inline(__always)
  mutating func add(_ byte: UInt8, at i: Int) {
    if i < 8 {
      low |= UInt64(byte) << (8 * UInt64(i))
    } else if i < 16 {
      high |= UInt64(byte) << (8 * UInt64(i - 8))
    }
  }

  static func == (a: JSONKey, b: JSONKey) -> Bool {
    a.low == b.low && a.high == b.high && a.length == b.length && a.length <= 16
  }
}

/// Room for the member names of every object open at once (a reader's own: the readers of
/// one file's shares each have theirs). More names than this at once, which no store
/// duban writes comes near, is left to JSONDecoder.
final class MemberNames {
  static let capacity = 4096
  let keys = UnsafeMutablePointer<JSONKey>.allocate(capacity: capacity)
  /// Where each depth's object starts in `keys`.
  let starts = UnsafeMutablePointer<Int>.allocate(capacity: JSONReader.maxDepth + 2)

  init() { starts.initialize(repeating: 0, count: JSONReader.maxDepth + 2) }

  deinit {
    keys.deallocate()
    starts.deallocate()
  }
}

/// One copy of each repeated string. Swift strings are shared copy-on-write, so every item
/// holding the same unit name or timestamp points at the same storage.
struct StringInterner {
  private var hashes: [UInt64] = Array(repeating: 0, count: 1024)
  private var strings: [String] = Array(repeating: "", count: 1024)
  private var count = 0
  /// Past this many distinct strings they are probably not repeating: stop remembering.
  private static let limit = 1 << 20

  mutating func intern(_ raw: UnsafeBufferPointer<UInt8>) -> String? {
    // Eight bytes a step (a byte-at-a-time hash was a tenth of loading).
    var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(raw.count)
    let raw8 = UnsafeRawPointer(raw.baseAddress!)
    var at = 0
    while at + 8 <= raw.count {
      h = (h ^ raw8.loadUnaligned(fromByteOffset: at, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
      h ^= h >> 29
      at += 8
    }
    var tail: UInt64 = 0
    while at < raw.count {
      tail = tail << 8 | UInt64(raw[at])
      at += 1
    }
    h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
    h ^= h >> 32
    h |= 1
    let mask = hashes.count - 1
    var i = Int(truncatingIfNeeded: h >> 7) & mask
    while hashes[i] != 0 {
      if hashes[i] == h, Self.equal(strings[i], raw) { return strings[i] }
      i = (i + 1) & mask
    }
    guard let s = JSONReader.string(raw) else { return nil }
    guard count < Self.limit else { return s }
    hashes[i] = h
    strings[i] = s
    count += 1
    if count * 2 > hashes.count { grow() }
    return s
  }

  private static func equal(_ s: String, _ raw: UnsafeBufferPointer<UInt8>) -> Bool {
    var s = s
    return s.withUTF8 { u in u.count == raw.count && memcmp(u.baseAddress!, raw.baseAddress!, raw.count) == 0 }
  }

  private mutating func grow() {
    let oldHashes = hashes
    let oldStrings = strings
    hashes = Array(repeating: 0, count: oldHashes.count * 2)
    strings = Array(repeating: "", count: oldHashes.count * 2)
    let mask = hashes.count - 1
    for (h, s) in zip(oldHashes, oldStrings) where h != 0 {
      var i = Int(truncatingIfNeeded: h >> 7) & mask
      while hashes[i] != 0 { i = (i + 1) & mask }
      hashes[i] = h
      strings[i] = s
    }
  }
}
