import Foundation
import XCTest

/// Someone copies a backup over the store in place (`cp backup.json plan.json`: truncate,
/// then write) while others read it (issue 12). A reader who owns the file holds a read
/// lease, so the copy waits; everyone else reads into private memory. Nobody may die of
/// SIGBUS: every read lists one whole version or says the store changed during the read.
extension ReliabilityTests {
  func testNonOwnersReadingDuringAnInPlaceCopyNeverCrash() throws {
    try requireRoot()
    let bin = try binaryForEveryone()
    // Tens of megabytes, so a copy takes a while and many reads meet one.
    var doc = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: store))) as? [String: Any])
    var plan = doc["plan"] as! [String: Any]
    var items = plan["items"] as! [[String: Any]]
    let big = String(repeating: "督办进展情况，", count: 12_000)
    for i in 0..<min(100, items.count) {
      items[i]["notes"] = [["time": "2019-04-10T09:00:00+08:00", "user": "tester", "text": big + "\(i)"]]
    }
    plan["items"] = items
    doc["plan"] = plan
    let a = dir.appendingPathComponent("a.json").path
    let b = dir.appendingPathComponent("b.json").path
    try JSONSerialization.data(withJSONObject: doc).write(to: URL(fileURLWithPath: a))
    try FileManager.default.copyItem(atPath: a, toPath: b)
    XCTAssertEqual(try DubanBinary.run(["mark", "1.1", "--progress", "10", "--store", a]).status, 0)
    XCTAssertEqual(try DubanBinary.run(["mark", "1.1", "--progress", "90", "--store", b]).status, 0)
    let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: a)[.size] as? Int)
    XCTAssertGreaterThan(size, 20 << 20)
    let listings = try [a, b].map { try DubanBinary.run(["list", "--lang", "en", "--store", $0]).stdout }
    XCTAssertNotEqual(listings[0], listings[1])
    try FileManager.default.copyItem(atPath: a, toPath: store + ".tmp-copy")
    XCTAssertEqual(rename(store + ".tmp-copy", store), 0)
    for path in [a, b, store] { chmod(path, 0o644) }  // readable by all, owned by root

    // The copier: cp one version, then the other, over the store, with short pauses between.
    final class Copier: @unchecked Sendable {
      var stop = false
      var copies = 0
    }
    let copier = Copier()
    let store = self.store
    let thread = Thread {
      var n = 0
      while !copier.stop {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/cp")
        p.arguments = [n % 2 == 0 ? b : a, store]
        try? p.run()
        p.waitUntilExit()
        copier.copies += 1
        n += 1
        usleep(UInt32.random(in: 0..<40_000))
      }
    }
    thread.start()
    defer {
      copier.stop = true
      while !thread.isFinished { usleep(10_000) }
    }

    var listed = 0
    var changed = 0
    for n in 0..<60 {
      // Most as another user (no lease: private memory), every sixth as the owner (root: a lease).
      let owner = n % 6 == 5
      let p = Process()
      p.executableURL = URL(fileURLWithPath: owner ? bin : "/usr/bin/setpriv")
      p.arguments =
        (owner ? [] : ["--reuid", "2001", "--regid", "2001", "--clear-groups", "--", bin])
        + ["list", "--lang", "en", "--store", store]
      p.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": "/tmp", "USER": "u2001"]
      let out = Pipe()
      let err = Pipe()
      p.standardOutput = out
      p.standardError = err
      try p.run()
      nonisolated(unsafe) var outData = Data()
      let group = DispatchGroup()
      group.enter()
      DispatchQueue.global().async {
        outData = out.fileHandleForReading.readDataToEndOfFile()
        group.leave()
      }
      let errText = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      group.wait()
      p.waitUntilExit()
      let who = owner ? "owner" : "uid 2001"
      XCTAssertEqual(
        p.terminationReason, .exit, "run \(n) (\(who)) died of signal \(p.terminationStatus): \(errText.prefix(500))")
      for word in ["Fatal", "fatal", "crash", "Crash", "Bus error"] {
        XCTAssertFalse(errText.contains(word), "run \(n) (\(who)): \(errText.prefix(500))")
      }
      switch p.terminationStatus {
      case 0:
        listed += 1
        XCTAssertTrue(
          listings.contains(String(decoding: outData, as: UTF8.self)), "run \(n) (\(who)) lists one whole version")
      case 2:
        changed += 1
        XCTAssertTrue(
          errText.contains("\(store): the store changed while it was being read"),
          "run \(n) (\(who)): \(errText.prefix(500))")
      default:
        XCTFail("run \(n) (\(who)) exited \(p.terminationStatus): \(errText.prefix(500))")
      }
    }
    copier.stop = true
    print("in-place copies: \(copier.copies); reads: \(listed) listed, \(changed) changed during the read")
    XCTAssertGreaterThan(copier.copies, 10, "the copies ran while the store was read")
  }
}
