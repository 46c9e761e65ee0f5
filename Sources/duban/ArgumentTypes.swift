import ArgumentParser
import DubanCore

/// A progress figure as people type it: `40`, `40%`, or full-width `４０` from a Chinese
/// IME; 0–100, checked by the parser so `--help` and the error come from the type.
struct Percent: ExpressibleByArgument, Sendable {
  var value: Int

  init?(argument: String) {
    guard let v = UserInput.integer(argument), (0...100).contains(v) else { return nil }
    value = v
  }

  static var defaultValueDescription: String { "0–100" }
}
