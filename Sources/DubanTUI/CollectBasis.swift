import DubanCore

/// What a collect's preview was read on: the state of every item its forms change and the
/// work plan of every unit they set, on the document the preview saw. The save compares it
/// with the newest file, under the store's lock: when a colleague changed any of it since, the
/// collect writes nothing and the preview is shown again (never over a value nobody saw).
public struct CollectBasis: Equatable, Sendable {
  var items: [String: ItemState?]
  var workPlans: [String: WorkPlan?]

  /// Read by the collect's own rule (`CollectBatch.forms`), so it covers exactly what the
  /// collect would write on this document.
  public init(_ batch: CollectBatch, doc: StoreDocument, day: Day) {
    self.init(batch.forms(doc, day: day), doc: doc)
  }

  /// From the forms already read on `doc` (the preview reads them once for both).
  init(_ forms: [FormCollect.Form], doc: StoreDocument) {
    var items: [String: ItemState?] = [:]
    for change in forms.flatMap(\.reports) { items[change.item] = doc.plan.item(id: change.item)?.state }
    var workPlans: [String: WorkPlan?] = [:]
    for edit in forms.compactMap(\.workPlan) { workPlans[edit.unit] = doc.workPlan(of: edit.unit) }
    self.items = items
    self.workPlans = workPlans
  }

  /// Whether the collect would change the same things, from the same values, on `doc`.
  public func holds(in doc: StoreDocument, batch: CollectBatch, day: Day) -> Bool {
    CollectBasis(batch, doc: doc, day: day) == self
  }
}

/// A collect handed to the save, remembered until its outcome: refused because the file
/// changed since the preview, its preview is shown again, read on the newest file.
public struct CollectSent: Equatable, Sendable {
  public var editID: Int
  public var path: String
  public var batch: CollectBatch
}

extension EditError {
  /// The save found the store changed since the preview (said by the dashboard on reopening).
  public static let collectStale = EditError(
    zh: "数据文件刚被改动，预览已更新：请再核对一次", en: "the store changed meanwhile; the preview is updated: check it again")
}
