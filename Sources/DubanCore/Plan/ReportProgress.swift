/// What a unit's period report does to the item's progress: the one rule `duban collect`,
/// `duban report` and the dashboard's `R` share.
///
/// - The report always keeps the unit's own figure (it is that unit's report); only a new or
///   changed figure moves the item (a re-filing of the text leaves the office's figure).
/// - The item's progress moves only from a report of the newest period anyone reported a
///   figure for: a late form of an earlier period never lowers the current progress.
/// - Only the item's reporting units count (its leads, else every unit it names): a unit
///   that only shares a led item does not move it. When several of them reported the
///   newest period, the item takes the lowest figure, so one unit's optimism never hides a
///   laggard (with one lead, that is the lead's figure).
extension ReportDuty {
  /// The item's progress once `filing` is stored, or nil when the filing does not move it.
  public func itemProgress(_ item: Item, with filing: ReportFiling) -> Int? {
    guard filing.progress != nil else { return nil }
    let order = calendar.periods.map(\.period.id)
    func rank(_ period: String) -> Int { order.firstIndex(of: period) ?? -1 }
    let reporters = reporters(of: item)
    let fallback = defaultReporter(of: item)
    func counts(_ r: ReportFiling) -> Bool {
      guard r.progress != nil else { return false }
      return reporters.isEmpty || (r.unit ?? fallback).map { reporters.contains($0) } ?? false
    }
    guard counts(filing) else { return nil }
    // A figure the unit already gave for the period (a re-filing of its text) moves nothing:
    // it was counted when given, and the office may have set the item's progress since.
    let earlier = item.reports.first { $0.period == filing.period && $0.unit == filing.unit }
    if let earlier, earlier.progress == filing.progress { return nil }
    var reports = item.reports.filter { !($0.period == filing.period && $0.unit == filing.unit) && counts($0) }
    reports.append(filing)
    let newest = reports.map { rank($0.period) }.max() ?? -1
    guard rank(filing.period) == newest else { return nil }
    return reports.filter { rank($0.period) == newest }.compactMap(\.progress).min()
  }

  /// The edits that store a unit's report and move the item's progress by the rule above.
  public func reportEdits(_ item: Item, _ filing: ReportFiling) -> [ItemEdit] {
    [.periodReport(filing)] + (itemProgress(item, with: filing).map { [ItemEdit.progress($0)] } ?? [])
  }

  /// True when the unit files the item's period reports (one of its reporters): which rows a
  /// unit's form has, and which rows collecting accepts from it, as `due` counts them.
  public func files(_ item: Item, unit: String) -> Bool { reporters(of: item).contains(unit) }
}
