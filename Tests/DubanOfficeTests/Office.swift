import DubanCore
import Foundation
import XCTest

/// The seed plan, scratch folders, and LibreOffice (`soffice`) for opening what duban writes.
enum Office {
  static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  static let fixtures = repoRoot.appendingPathComponent("Tests/DubanOfficeTests/Fixtures")

  static func seed() throws -> StoreDocument {
    let path = repoRoot.appendingPathComponent("Resources/jiangan-2019-task-breakdown.txt").path
    return StoreDocument(plan: try DocumentImporter.importFile(at: path).plan)
  }

  static func tempDir() throws -> URL {
    let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("duban-office-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  /// LibreOffice, unless DUBAN_NO_SOFFICE=1 (to try the tests as where it is absent).
  static var soffice: String? {
    if ProcessInfo.processInfo.environment["DUBAN_NO_SOFFICE"] == "1" { return nil }
    for p in ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice"]
    where FileManager.default.isExecutableFile(atPath: p) {
      return p
    }
    return nil
  }

  static func requireSoffice() throws -> String {
    guard let s = soffice else {
      throw XCTSkip(
        "LibreOffice (soffice) is not installed: skipping the check that it opens what duban writes (Scripts/ensure-deps.sh installs it)"
      )
    }
    return s
  }

  /// Runs `soffice --headless --convert-to FILTER FILE` into `dir` with a private profile
  /// (so tests never share or touch the user's), and returns the converted file.
  @discardableResult
  static func convert(
    _ file: URL, to filter: String, ext: String, in dir: URL, infilter: String? = nil, ignoreMissing: Bool = false
  ) throws -> URL {
    let soffice = try requireSoffice()
    let profile = dir.appendingPathComponent("lo-profile")
    let p = Process()
    p.executableURL = URL(fileURLWithPath: soffice)
    var args = ["-env:UserInstallation=file://\(profile.path)", "--headless", "--norestore"]
    if let infilter { args.append("--infilter=\(infilter)") }
    args += ["--convert-to", filter, "--outdir", dir.path, file.path]
    p.arguments = args
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    try p.run()
    // A LibreOffice that hangs must not hang the test run: two minutes, then it is stopped.
    let deadline = Date().addingTimeInterval(120)
    while p.isRunning && Date() < deadline { usleep(50_000) }
    if p.isRunning {
      p.terminate()
      p.waitUntilExit()
      throw NSError(
        domain: "soffice", code: -1,
        userInfo: [NSLocalizedDescriptionKey: "soffice did not finish converting \(file.lastPathComponent) in 120 s"])
    }
    let out = dir.appendingPathComponent(file.deletingPathExtension().lastPathComponent + "." + ext)
    guard ignoreMissing || FileManager.default.fileExists(atPath: out.path) else {
      throw NSError(
        domain: "soffice", code: Int(p.terminationStatus),
        userInfo: [NSLocalizedDescriptionKey: "soffice made no \(ext) from \(file.lastPathComponent)"])
    }
    return out
  }

  /// LibreOffice's CSV of a sheet (UTF-8, comma, quote), read back as rows.
  static func csvRows(_ url: URL) throws -> [[String]] {
    let text = try String(contentsOf: url, encoding: .utf8)
    return CSVReader.grid(text, sheet: "").rows.map(\.cells)
  }

  static let csvFilter = "csv:Text - txt - csv (StarCalc):44,34,76"
}
