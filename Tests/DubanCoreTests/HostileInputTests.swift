import Foundation
import XCTest

@testable import DubanCore

/// Bad documents: a clear error naming the file (and line), never a crash.
final class HostileInputTests: XCTestCase {
  var dir: URL!

  override func setUpWithError() throws { dir = try Fixtures.tempDir() }
  override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

  private func importError(_ bytes: Data, name: String = "bad.txt") throws -> ImportError {
    let url = dir.appendingPathComponent(name)
    try bytes.write(to: url)
    do {
      _ = try DocumentImporter.importFile(at: url.path)
    } catch let e as ImportError {
      XCTAssertEqual(e.file, url.path)
      return e
    }
    XCTFail("imported \(name) without complaint")
    return ImportError(file: "", reason: "")
  }

  func testEmptyFile() throws {
    XCTAssertEqual(try importError(Data()).reason, "the file is empty")
  }

  func testBinary() throws {
    let e = try importError(Data([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00]))
    XCTAssertTrue(e.reason.contains("binary"), e.reason)
  }

  func testTenMegabyteLine() throws {
    let e = try importError(Data(repeating: UInt8(ascii: "a"), count: 10 << 20))
    XCTAssertEqual(e.line, 1)
    XCTAssertTrue(e.reason.contains("not a task document"), e.reason)
  }

  func testRandomBytes() throws {
    var generator = SeededGenerator(seed: 42)
    for round in 0..<20 {
      let bytes = Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) })
      let e = try importError(bytes, name: "random-\(round).bin")
      XCTAssertFalse(e.reason.isEmpty)
    }
  }

  func testNoItems() throws {
    let e = try importError(Data("这是一份普通的通知，没有任何事项。\n一、总体要求\n".utf8))
    XCTAssertTrue(e.reason.contains("no items"), e.reason)
  }

  func testMissingFile() throws {
    XCTAssertThrowsError(try DocumentImporter.importFile(at: dir.appendingPathComponent("nope.txt").path)) {
      XCTAssertTrue(String(describing: $0).contains("no such file"), "\($0)")
    }
  }
}

/// A small deterministic generator so hostile inputs are the same on every run.
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
