extension Plan {
  /// Units whose name or an alias looks like what was typed, best first: the ones holding it
  /// (or held by it), then by the pairs of characters they share (商务 → 区商务局, 商物局 → 区商务局). For
  /// "no unit “X”; did you mean …" in the command line and the dashboard.
  public func unitsResembling(_ query: String, limit: Int = 5) -> [String] {
    let q = UnitName.key(query.trimming(while: \.isWhitespace))
    guard !q.isEmpty else { return [] }
    func pairs(_ s: String) -> Set<String> {
      let c = Array(s)
      return c.count < 2 ? Set([s]) : Set((0..<(c.count - 1)).map { String(c[$0...($0 + 1)]) })
    }
    let wanted = pairs(q)
    // Characters every office name has say nothing about which one was meant.
    let common = Set("区局委办部室中心街道公司")
    let letters = Set(q).subtracting(common)
    var scored: [(name: String, score: Int, order: Int)] = []
    for (order, u) in units.enumerated() {
      var best = 0
      for spelling in [u.name] + u.aliases {
        let k = UnitName.key(spelling)
        if k.includes(q) || q.includes(k) {
          best = max(best, 100)
        } else {
          best = max(best, 10 * pairs(k).intersection(wanted).count + Set(k).intersection(letters).count)
        }
      }
      if best > 0 { scored.append((u.name, best, order)) }
    }
    scored.sort { $0.score > $1.score || ($0.score == $1.score && $0.order < $1.order) }
    return scored.prefix(limit).map(\.name)
  }
}
