/// Small tables keyed by single-scalar characters (brackets, separators, numerals), looked
/// up by scalar value. A Set<Character> or [Character: V] hashes every Character it is asked
/// about, and hashing a Character normalizes it: that was the slowest part of an import.
public struct ScalarTable<Value: Sendable>: Sendable, ExpressibleByDictionaryLiteral {
  private let keys: [UInt32]
  private let values: [Value]

  public init(dictionaryLiteral elements: (Character, Value)...) {
    precondition(elements.allSatisfy { $0.0.unicodeScalars.count == 1 }, "single-scalar keys only")
    keys = elements.map { $0.0.unicodeScalars.first!.value }
    values = elements.map(\.1)
  }

  public subscript(_ c: Character) -> Value? {
    let scalars = c.unicodeScalars
    guard let first = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex,
      let i = keys.firstIndex(of: first.value)
    else { return nil }
    return values[i]
  }

  public var allValues: [Value] { values }
}

/// A set of single-scalar characters, tested the same way.
public struct ScalarSet: Sendable, ExpressibleByArrayLiteral {
  private let table: ScalarTable<Bool>

  public init(arrayLiteral elements: Character...) {
    self.init(elements)
  }

  public init(_ elements: [Character]) {
    var t: [UInt32] = []
    for c in elements { t.append(c.unicodeScalars.first!.value) }
    table = ScalarTable(keys: t)
  }

  public func contains(_ c: Character) -> Bool { table[c] != nil }
}

extension ScalarTable where Value == Bool {
  init(keys: [UInt32]) {
    self.keys = keys
    values = Array(repeating: true, count: keys.count)
  }
}
