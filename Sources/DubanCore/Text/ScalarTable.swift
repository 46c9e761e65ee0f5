/// Small tables keyed by single-scalar characters (brackets, separators, numerals), looked
/// up by scalar value. A Set<Character> or [Character: V] hashes every Character it is asked
/// about, and hashing a Character normalizes it: that was the slowest part of an import.
public struct ScalarTable<Value: Sendable>: Sendable, ExpressibleByDictionaryLiteral {
  private let keys: [UInt32]
  private let values: [Value]

  public init(dictionaryLiteral elements: (Character, Value)...) { self.init(elements) }

  public init(_ elements: [(Character, Value)]) {
    keys = elements.map { Self.scalar($0.0)! }
    values = elements.map(\.1)
  }

  public subscript(_ c: Character) -> Value? {
    guard let v = Self.scalar(c), let i = keys.firstIndex(of: v) else { return nil }
    return values[i]
  }

  public var allValues: [Value] { values }

  /// The character's scalar value when it is one scalar (nothing else can be a key). Decoded
  /// from the character's UTF-8 bytes: the generic scalar view's first/index(after:) was a
  /// tenth of an import.
  @inline(__always)
  static func scalar(_ c: Character) -> UInt32? {
    var bytes = c.utf8.makeIterator()
    guard let b0 = bytes.next() else { return nil }
    var value: UInt32
    var more: Int
    switch b0 {
    case 0..<0x80: (value, more) = (UInt32(b0), 0)
    case 0xC0..<0xE0: (value, more) = (UInt32(b0 & 0x1F), 1)
    case 0xE0..<0xF0: (value, more) = (UInt32(b0 & 0x0F), 2)
    default: (value, more) = (UInt32(b0 & 0x07), 3)
    }
    for _ in 0..<more {
      guard let b = bytes.next() else { return nil }
      value = value << 6 | UInt32(b & 0x3F)
    }
    return bytes.next() == nil ? value : nil
  }
}

/// A set of single-scalar characters, tested the same way.
public struct ScalarSet: Sendable, ExpressibleByArrayLiteral {
  private let keys: [UInt32]
  /// Bit (value mod 64) of every key: most characters asked about (the text between the
  /// labels and brackets) miss it, and skip the scan of the keys.
  private let mask: UInt64

  public init(arrayLiteral elements: Character...) { self.init(elements) }

  public init(_ elements: [Character]) {
    keys = elements.map { ScalarTable<Bool>.scalar($0)! }
    mask = keys.reduce(0) { $0 | 1 << UInt64($1 & 63) }
  }

  public func contains(_ c: Character) -> Bool {
    guard let v = ScalarTable<Bool>.scalar(c), mask & 1 << UInt64(v & 63) != 0 else { return false }
    return keys.contains(v)
  }
}
