import DubanCore

/// What the runtime must do after a state change; the reducer itself touches no file.
public enum Effect: Equatable, Sendable {
  /// Apply these edits (all or none) to the newest store on disk, under the lock.
  case persist(itemID: String, edits: [ItemEdit], editID: Int)
  /// Apply a work-plan edit to the newest store, under the lock.
  case persistWorkPlan(WorkPlanEdit, editID: Int)
  /// Apply calendar edits (all or none) to the newest store, under the lock.
  case persistCalendar([CalendarEdit], editID: Int)
  /// Write an export of the current view to a file.
  case export(ExportRequest)
  /// The same in a chosen format (X, then c, x or d): CSV, or an office file.
  case exportAs(ExportRequest, ExportChoice)
  /// Suspend the screen and edit a long note in $EDITOR.
  case openEditor(itemID: String)
  case quit
  /// `I`: read the filled forms at this path (a file or a folder) for the preview.
  case readForms(path: String)
  /// `I`, Tab: list the folder the typed path is in, for completion.
  case completePath(typed: String)
  /// Apply a collect (all or none, or the good rows when `partial`), each form read again
  /// against the newest store, under the lock.
  case persistCollect(CollectBatch, partial: Bool, basis: CollectBasis, editID: Int)
}

public enum ExportRequest: Equatable, Sendable {
  case sheet(unit: String)
  case bulletin
  /// The chase view's 催办通知: one unit's (the dashboard restricted to it), else one file
  /// per unit in a dated folder.
  case chaseNotices(unit: String?)
}

/// The formats X offers; Markdown is `Effect.export` itself.
public enum ExportChoice: String, Equatable, Sendable {
  case csv, xlsx, docx
}

/// Everything that changes the dashboard's state: the user's keys, and the outcomes of the
/// effects the runtime carried out (a Cmd returns a Msg): nothing else writes the state.
public enum Action: Equatable, Sendable {
  case key(Key)
  /// The text written in $EDITOR, or nil when it was abandoned.
  case externalNote(itemID: String, text: String?)
  /// The runtime began writing the pending edits.
  case saveStarted
  /// The edits are on disk. `document` is the file as written when it differs from what the
  /// screen shows (someone else wrote too, or some edits were refused); `refused` are the
  /// edits the store would not take, dropped; `edited` the items this save changed.
  case saved(document: StoreDocument?, refused: [Refusal], edited: [String])
  /// The write failed (disk full, permissions); the edits stay pending and are retried.
  case saveFailed(String)
  /// Another process wrote the store; this is the newest file (with our pending edits on top).
  case reloaded(StoreDocument)
  /// Something the store said while saving: a wait for another user's lock, a backup or a
  /// group it could not keep.
  case storeNotice(StoreNotice)
  case exported(path: String)
  case exportFailed(String)
  /// Chase notices written: one file, or a folder of `count`.
  case exportedNotices(path: String, count: Int)
  /// The forms at `path`, read for `I`'s preview, or why they could not be.
  case formsRead(path: String, CollectBatch)
  case formsUnreadable(path: String, message: String)
  /// The paths Tab may complete `typed` to.
  case pathCompletions(typed: String, [String])
}

/// An edit the store refused when it was applied to the newest file.
public struct Refusal: Equatable, Sendable {
  public var editID: Int
  public var itemID: String?
  public var error: EditError

  public init(editID: Int, itemID: String?, error: EditError) {
    self.editID = editID
    self.itemID = itemID
    self.error = error
  }
}
