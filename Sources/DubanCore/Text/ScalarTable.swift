/// Small tables keyed by single-scalar characters (brackets, separators, numerals), looked
/// up by scalar value. A Set<Character> or [Character: V] hashes every Character it is asked
/// about, and hashing a Character normalizes it: that was the slowest part of an import.
public struct ScalarTable<Value: Sendable>: Sendable, ExpressibleByDictionaryLiteral {
  private let keys: [UInt32]
  private let values: [Value]

  public init(dictionaryLiteral elements: (Character, Value)...) {
    keys = elements.map { Self.scalar($0.0)! }
    values = elements.map(\.1)
  }

  public subscript(_ c: Character) -> Value? {
    guard let v = Self.scalar(c), let i = keys.firstIndex(of: v) else { return nil }
    return values[i]
  }

  public var allValues: [Value] { values }

  /// The character's scalar value when it is one scalar (nothing else can be a key).
  @inline(__always)
  static func scalar(_ c: Character) -> UInt32? {
    let scalars = c.unicodeScalars
    guard let first = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex else { return nil }
    return first.value
  }
}

/// A set of single-scalar characters, tested the same way.
public struct ScalarSet: Sendable, ExpressibleByArrayLiteral {
  private let keys: [UInt32]

  public init(arrayLiteral elements: Character...) { self.init(elements) }

  public init(_ elements: [Character]) { keys = elements.map { ScalarTable<Bool>.scalar($0)! } }

  public func contains(_ c: Character) -> Bool { ScalarTable<Bool>.scalar(c).map(keys.contains) ?? false }
}
