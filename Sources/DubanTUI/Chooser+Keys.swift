import DubanCore

/// One rule for the keys of every chooser (the dashboard's and the import review's).
extension Chooser {
  public enum Step: Equatable, Sendable {
    case stay
    case picked(Option)
    case cancelled
  }

  /// ↑↓ (j k, the wheel), Home/End (g G) move; Enter or a digit picks; Esc (q, Ctrl-C) cancels.
  public mutating func handle(_ key: Key) -> Step {
    let count = options.count
    switch key {
    case .escape, .ctrl("c"), .char("q"): return .cancelled
    case .up, .char("k"), .scrollUp: index = max(0, index - 1)
    case .down, .char("j"), .scrollDown: index = min(count - 1, index + 1)
    case .home, .char("g"): index = 0
    case .end, .char("G"): index = count - 1
    case .enter: return selected.map { .picked($0) } ?? .cancelled
    case .char(let c) where c.isASCII && c.isNumber:
      let i = Int(String(c))! - 1
      guard (0..<min(count, 9)).contains(i) else { break }
      index = i
      return .picked(options[i])
    default: break
    }
    return .stay
  }
}
