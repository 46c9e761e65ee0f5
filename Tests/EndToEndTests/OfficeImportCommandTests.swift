import Foundation
import XCTest

/// `duban import` on Word, Excel and web-page files, then `duban list` on the store it made;
/// hostile files are refused with exit 2 and nothing written.
final class OfficeImportCommandTests: XCTestCase {
  static let fixtures = DubanBinary.repoRoot.appendingPathComponent("Tests/DubanOfficeTests/Fixtures")

  func testImportWordThenList() throws {
    let dir = try DubanBinary.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    for name in ["seed.docx", "seed.xlsx", "seed.html"] {
      let store = dir.appendingPathComponent("\(name).json").path
      let doc = Self.fixtures.appendingPathComponent(name).path
      let imported = try DubanBinary.run(["import", doc, "--out", store, "--lang", "en"])
      XCTAssertEqual(imported.status, 0, imported.stderr)
      XCTAssertTrue(imported.stdout.contains("90 items"), imported.stdout)
      let list = try DubanBinary.run(["list", "--store", store, "--lang", "en", "--json"])
      XCTAssertEqual(list.status, 0, list.stderr)
      let items = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]]
      XCTAssertEqual(items?.count, 90, name)
      XCTAssertEqual(items?.first { $0["id"] as? String == "1.2" }?["lead"] as? [String], ["区财政局"], name)
    }
  }

  func testHostileOfficeFilesExitTwoAndWriteNothing() throws {
    let dir = try DubanBinary.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    for (name, says) in [
      ("zip-bomb.docx", "64 MiB"), ("zip-bomb.xlsx", "64 MiB"), ("encrypted.docx", "password-protected"),
      ("no-text.docx", "no text"),
    ] {
      let store = dir.appendingPathComponent("\(name).json").path
      let r = try DubanBinary.run([
        "import", Self.fixtures.appendingPathComponent(name).path, "--out", store, "--lang", "en",
      ])
      XCTAssertEqual(r.status, 2, name)
      XCTAssertTrue(r.stderr.contains(name) && r.stderr.contains(says), r.stderr)
      XCTAssertFalse(FileManager.default.fileExists(atPath: store), name)
    }
  }

  /// A PDF is read through pdftotext: without it the message names the package to install;
  /// with it, a file that is no real PDF is still a clear refusal.
  func testPDFNamesItsTool() throws {
    let dir = try DubanBinary.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let pdf = dir.appendingPathComponent("方案.pdf")
    try Data("%PDF-1.4\nnot really a pdf\n".utf8).write(to: pdf)
    let store = dir.appendingPathComponent("p.json").path
    let r = try DubanBinary.run(["import", pdf.path, "--out", store, "--lang", "en"])
    XCTAssertEqual(r.status, 2)
    XCTAssertTrue(r.stderr.contains("pdftotext"), r.stderr)
    if !FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") {
      XCTAssertTrue(r.stderr.contains("sudo apt-get install poppler-utils"), r.stderr)
    }
    XCTAssertFalse(FileManager.default.fileExists(atPath: store))
  }
}
