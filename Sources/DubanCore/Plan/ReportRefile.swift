/// Filing a unit's period report again: what `duban file` keeps and what it says.
extension ReportFiling {
  /// The unit's report for `period` with the fields given; a nil field keeps what the unit's
  /// earlier report for the same period said (a blank keeps, as `collect` does), so a
  /// re-filing that names one field never wipes the others. An empty string clears.
  public static func refiling(
    _ item: Item, period: String, filed: String, user: String, unit: String?,
    progressText: String?, problems: String?, nextSteps: String?, progress: Int?
  ) -> ReportFiling {
    let earlier = item.reports.first { $0.period == period && $0.unit == unit }
    return ReportFiling(
      period: period, filed: filed, user: user, unit: unit,
      progressText: progressText ?? earlier?.progressText ?? "",
      problems: problems ?? earlier?.problems ?? "", nextSteps: nextSteps ?? earlier?.nextSteps ?? "",
      progress: progress ?? earlier?.progress)
  }
}

extension ReportDuty {
  /// The item's progress when `filing` gives a figure that does not move it (a late report
  /// of an earlier period, or a unit that does not count): what the note below tells.
  public func keptProgress(_ item: Item, with filing: ReportFiling) -> Int? {
    filing.progress != nil && itemProgress(item, with: filing) == nil ? item.progress : nil
  }

  /// "；事项进度仍为 N%": the words the CLI and the dashboard add after such a report.
  public static func keptNote(_ progress: Int, _ lang: Lang) -> String {
    lang.pick("；事项进度仍为 \(progress)%", "; the item stays at \(progress)%")
  }
}
