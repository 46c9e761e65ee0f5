import DubanCore
import Foundation
import XCTest

@testable import DubanTUI

/// A dashboard on the seed plan, driven by keys, without a terminal.
struct Harness {
  static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  static let seedPlan: Plan = {
    try! DocumentImporter.importFile(
      at: repoRoot.appendingPathComponent("Resources/jiangan-2019-task-breakdown.txt").path
    ).plan
  }()
  static let now = "2019-05-01T09:00:00+08:00"

  var state: AppState
  /// Kept beside the state, as the runtime keeps it: shared by copies of the harness.
  let cache = ViewCache()
  var effects: [Effect] = []

  /// History times are shown in local time: pin the zone so the goldens read the same on
  /// every machine (Beijing time, as the users have it).
  static let zone: Void = {
    setenv("TZ", "CST-8", 1)
    tzset()
  }()

  init(
    rows: Int = 35, columns: Int = 120, lang: Lang = .zh, today: String = "2019-05-01", plan: Plan = Harness.seedPlan
  ) {
    Self.zone
    state = AppState(
      doc: StoreDocument(plan: plan), storePath: "/tmp/plan.json", lang: lang, today: Day(today)!, user: "王科员",
      rows: rows, columns: columns)
  }

  @discardableResult
  mutating func press(_ keys: Key...) -> [Effect] {
    var out: [Effect] = []
    for k in keys { out += Reducer.reduce(&state, .key(k), now: Self.now, cache: cache) }
    effects += out
    return out
  }

  /// Any other action, as the runtime would send it.
  mutating func send(_ action: Action) -> [Effect] {
    Reducer.reduce(&state, action, now: Self.now, cache: cache)
  }

  mutating func type(_ text: String) {
    for c in text { press(.char(c)) }
  }

  var screen: Screen { Renderer.render(state, cache) }
  var text: String { screen.text() }

  // What the screen derives from the state.
  var selectedItem: Item? { cache.selectedItem(state) }
  var selectedUnits: [(name: String, isLead: Bool, kind: DubanCore.Unit.Kind)] { cache.selectedUnits(state) }
  var visibleItems: [Item] { cache.visibleIndices(state).map { state.plan.items[$0] } }
  var treeStats: [NodeStats] { cache.treeStats(state) }
  var workloadRows: [WorkloadRow] { cache.workloadRows(state) }
  var visibleCount: Int { cache.visibleCount(state) }
  var chase: ChaseList { cache.chase(state) }
  var chaseRows: [ChaseRow] { cache.chaseRows(state) }
}

extension AppRuntime {
  var selectedItem: Item? { cache.selectedItem(state) }
}

/// Display columns of a line's characters, as the terminal places them.
func columnsOf(_ ch: Character, in line: String, width: DisplayWidth = .standard) -> [Int] {
  var col = 0
  var out: [Int] = []
  for c in line {
    if c == ch { out.append(col) }
    col += width.width(of: c)
  }
  return out
}

/// Every row is exactly as wide as the screen, and every pane row has its vertical
/// borders at the columns the layout gives: nothing shifted by a wide character.
func assertBordersAligned(_ screen: Screen, file: StaticString = #filePath, line: UInt = #line) {
  let layout = Layout(rows: screen.rows, columns: screen.columns)
  let w = screen.width
  for row in 0..<screen.rows {
    XCTAssertEqual(w.width(of: screen.line(row)), screen.columns, "row \(row) width", file: file, line: line)
  }
  guard !layout.tooSmall else { return }
  let expected = [
    layout.tree.column, layout.tree.column + layout.tree.width - 1, layout.tasks.column,
    layout.tasks.column + layout.tasks.width - 1, layout.units.column, layout.units.column + layout.units.width - 1,
  ]
  for row in (layout.tree.row + 1)..<(layout.tree.row + layout.tree.height - 1) {
    XCTAssertEqual(
      columnsOf("│", in: screen.line(row)), expected, "row \(row): \(screen.line(row))", file: file, line: line)
  }
  for row in (layout.detail.row + 1)..<(layout.detail.row + layout.detail.height - 1) {
    XCTAssertEqual(
      columnsOf("│", in: screen.line(row)), [0, screen.columns - 1], "detail row \(row)", file: file, line: line)
  }
}

extension Collection where Element == Effect {
  /// The item edits these effects persist, by item id (tests compare what, not the ids).
  var persisted: [String: [ItemEdit]] {
    var out: [String: [ItemEdit]] = [:]
    for effect in self { if case .persist(let id, let edits, _) = effect { out[id, default: []] += edits } }
    return out
  }
}
