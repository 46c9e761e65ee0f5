/// What X's format question offers for each export, in one place (the overlay's line, the
/// status line's keys, the message for a letter it does not take): a work plan has no Word
/// form, a 催办通知 is a letter (Markdown or Word, no spreadsheet), the bulletin has all four.
enum ExportChoices {
  static func keys(_ request: ExportRequest) -> [String] {
    switch request {
    case .sheet: return ["m", "c", "x"]
    case .bulletin: return ["m", "c", "x", "d"]
    case .chaseNotices: return ["m", "d"]
    }
  }

  /// The line the question shows: "m Markdown · c CSV · x Excel · d Word".
  static func line(_ request: ExportRequest) -> String {
    let names = ["m": "Markdown", "c": "CSV", "x": "Excel", "d": "Word"]
    return keys(request).map { "\($0) \(names[$0]!)" }.joined(separator: " · ")
  }
}
