import Dispatch
import FoundationEssentials

/// Reading a large store's items on every core. A pretty-printed store puts every item of
/// `plan.items` on its own line at one indentation: `,\n      {`. The array is cut at such
/// places near equal shares and each share is read by its own reader. A cut is trusted only
/// once the share before it, read from the real start of the array, ends exactly there —
/// so a file written any other way is simply read in one piece.
extension StoreJSON {
  /// Below this many bytes a second thread costs more than it saves.
  static let parallelThreshold = 4 << 20

  static func readItems(_ r: inout JSONReader) throws -> [Item] {
    try r.enterArray()
    let start = r.skipToNonSpace()
    let shares = min(8, ProcessInfo.processInfo.activeProcessorCount)
    if shares > 1, r.count - start > parallelThreshold,
      let cuts = cuts(in: r, arrayStart: start, shares: shares),
      let items = try readShares(&r, start: start, cuts: cuts)
    {
      return items
    }
    return try r.readElements(stop: nil) { try Item(json: &$0) }.values
  }

  /// Offsets right after the commas where the array may be cut, in order.
  static func cuts(in r: JSONReader, arrayStart: Int, shares: Int) -> [Int]? {
    // The indentation of the first item, as written: "[\n" + spaces + "{".
    guard r.byte(at: arrayStart) == UInt8(ascii: "{") else { return nil }
    var indent = 0
    while r.byte(at: arrayStart - 1 - indent) == 0x20 { indent += 1 }
    guard r.byte(at: arrayStart - 1 - indent) == 0x0A else { return nil }
    let pattern = [UInt8(ascii: ","), 0x0A] + Array(repeating: 0x20, count: indent) + [UInt8(ascii: "{")]
    var cuts: [Int] = []
    let span = r.count - arrayStart
    for k in 1..<shares {
      guard let at = r.find(pattern, from: max(arrayStart + span * k / shares, (cuts.last ?? arrayStart) + 1)) else {
        break
      }
      cuts.append(at + 1)
    }
    return cuts.isEmpty ? nil : cuts
  }

  /// Each share on its own thread; nil when a cut turns out not to be between two items.
  static func readShares(_ r: inout JSONReader, start: Int, cuts: [Int]) throws -> [Item]? {
    let starts = [start] + cuts
    let work = SharedWork(readers: starts.map { r.reader(at: $0) })
    DispatchQueue.concurrentPerform(iterations: starts.count) { i in
      let stop = i + 1 < starts.count ? starts[i + 1] : nil
      work.run(i) { reader in
        let (items, closed) = try reader.readElements(stop: stop) { try Item(json: &$0) }
        // Every share but the last ends at its cut; the last one at the array's end.
        guard closed == (stop == nil) else { throw reader.failure }
        return items
      }
    }
    var shares: [[Item]] = []
    for i in starts.indices {
      guard case .success(let items)? = work.results[i] else { return nil }
      shares.append(items)
    }
    work.clearResults()
    let all = joinByMoving(&shares)
    r = work.readers[starts.count - 1].continuing(after: r)
    return all
  }
}

/// The shares' items in one array, moved rather than copied: copying would retain and
/// later release every string of every item. Each moved-from slot is left holding an
/// empty item, which costs nothing to destroy.
private func joinByMoving(_ shares: inout [[Item]]) -> [Item] {
  let total = shares.reduce(0) { $0 + $1.count }
  let empty = Item(
    id: "", part: 0, section: nil, group: nil, number: "", text: "", lead: [], responsible: [], leaders: [], line: 0)
  return [Item](unsafeUninitializedCapacity: total) { buffer, count in
    for i in shares.indices {
      shares[i].withUnsafeMutableBufferPointer { share in
        guard let from = share.baseAddress, share.count > 0 else { return }
        (buffer.baseAddress! + count).moveInitialize(from: from, count: share.count)
        from.initialize(repeating: empty, count: share.count)
        count += share.count
      }
    }
  }
}

/// The readers and their results, each slot touched by one thread only.
private final class SharedWork: @unchecked Sendable {
  var readers: UnsafeMutableBufferPointer<JSONReader>
  var results: UnsafeMutableBufferPointer<Result<[Item], Error>?>

  init(readers: [JSONReader]) {
    self.readers = .allocate(capacity: readers.count)
    _ = self.readers.initialize(from: readers)
    results = .allocate(capacity: readers.count)
    results.initialize(repeating: nil)
  }

  func clearResults() {
    for i in results.indices { results[i] = nil }
  }

  func run(_ i: Int, _ body: (inout JSONReader) throws -> [Item]) {
    results[i] = Result { try body(&readers[i]) }
  }

  deinit {
    readers.deinitialize()
    readers.deallocate()
    results.deinitialize()
    results.deallocate()
  }
}
