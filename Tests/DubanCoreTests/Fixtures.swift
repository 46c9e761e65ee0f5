import Foundation
import XCTest

@testable import DubanCore

/// Paths in the source tree, and scratch folders removed after each test.
enum Fixtures {
  static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  static let seedPath = repoRoot.appendingPathComponent("Resources/jiangan-2019-task-breakdown.txt").path
  static let goldenDir = repoRoot.appendingPathComponent("Tests/DubanCoreTests/Golden")

  static func seedPlan() throws -> Plan { try DocumentImporter.importFile(at: seedPath).plan }

  static func seedLines() throws -> [String] {
    try String(contentsOfFile: seedPath, encoding: .utf8).components(separatedBy: "\n")
  }

  static func tempDir() throws -> URL {
    let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("duban-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  /// Parses a small document written in a test.
  static func parse(_ text: String) throws -> Plan { try DocumentImporter.parse(text, file: "doc.txt") }
}
