import Foundation
import XCTest

/// duban leaves the office code to duban-office: it does not link libxml2 or ICU, and
/// without duban-office beside it every office file is refused with one clear message,
/// exit 2, nothing written.
final class OfficeHelperSplitTests: SeededStoreTestCase {
  func testDubanLinksNeitherLibXML2NorICU() throws {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/ldd")
    p.arguments = [DubanBinary.path]
    let out = Pipe()
    p.standardOutput = out
    p.standardError = FileHandle.nullDevice
    try p.run()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    XCTAssertTrue(text.contains("libc.so"), "ldd read the binary: \(text)")
    XCTAssertFalse(text.contains("libxml2"), text)
    XCTAssertFalse(text.contains("icu"), text)
  }

  /// duban copied alone into a folder (PATH without duban-office): a form, a docx bulletin
  /// and a collect all say what to install, exit 2, and write nothing.
  func testWithoutDubanOfficeNothingIsWritten() throws {
    let lonely = dir.appendingPathComponent("bin")
    try FileManager.default.createDirectory(at: lonely, withIntermediateDirectories: true)
    let binary = lonely.appendingPathComponent("duban").path
    try FileManager.default.copyItem(atPath: DubanBinary.path, toPath: binary)
    func run(_ args: [String]) throws -> (Int32, String) {
      let p = Process()
      p.executableURL = URL(fileURLWithPath: binary)
      p.arguments = args + ["--store", store, "--today", "2019-04-05"]
      p.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": dir.path, "USER": "tester"]
      let err = Pipe()
      p.standardOutput = FileHandle.nullDevice
      p.standardError = err
      try p.run()
      let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      p.waitUntilExit()
      return (p.terminationStatus, text)
    }
    let before = try Data(contentsOf: URL(fileURLWithPath: store))
    let form = dir.appendingPathComponent("form.xlsx").path
    let (status, message) = try run(["form", "--unit", "区发改委", "--period", "Q1", "--out", form])
    XCTAssertEqual(status, 2, message)
    XCTAssertTrue(message.contains("生成 xlsx 文件需要与 duban 同目录的 duban-office（make install 会安装）"), message)
    XCTAssertFalse(FileManager.default.fileExists(atPath: form))
    let docx = dir.appendingPathComponent("bulletin.docx").path
    let (docxStatus, docxMessage) = try run(["report", "--format", "docx", "--out", docx, "--lang", "en"])
    XCTAssertEqual(docxStatus, 2, docxMessage)
    XCTAssertTrue(docxMessage.contains("writing docx files needs duban-office installed beside duban"), docxMessage)
    XCTAssertFalse(FileManager.default.fileExists(atPath: docx))
    // A zip to collect: refused for the same reason, the store untouched.
    let filled = dir.appendingPathComponent("filled.xlsx").path
    try Data([0x50, 0x4B, 0x03, 0x04, 0, 0]).write(to: URL(fileURLWithPath: filled))
    let (collectStatus, collectMessage) = try run(["collect", filled])
    XCTAssertEqual(collectStatus, 2, collectMessage)
    XCTAssertTrue(collectMessage.contains("duban-office"), collectMessage)
    XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: store)), before)
  }
}
