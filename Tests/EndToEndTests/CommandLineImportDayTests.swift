import DubanCore
import Foundation
import XCTest

/// The day a plan was imported (`Plan.imported`), through the real binary.
extension CommandLineTests {
  func testDoctorSaysWhenThePlanWasImported() throws {
    let r = try DubanBinary.run(["import", DubanBinary.seed, "--out", store, "--today", "2019-01-14"])
    XCTAssertEqual(r.status, 0, r.stderr)
    let doc = try Store(path: store).load()
    XCTAssertEqual(doc.plan.imported, "2019-01-14")
    let doctor = try DubanBinary.run(["doctor", "--store", store])
    let name = PathText.lastComponent(of: DubanBinary.seed)
    XCTAssertTrue(doctor.stdout.contains("方案导入自 \(name)，2019-01-14"), doctor.stdout)
    // A store from before the day was kept: still read, and doctor says what it knows.
    var old = doc
    old.plan.imported = nil
    try Store(path: store).save(old)
    XCTAssertFalse(try String(contentsOfFile: store, encoding: .utf8).contains("\"imported\""))
    let again = try DubanBinary.run(["doctor", "--store", store, "--lang", "en"])
    XCTAssertTrue(again.stdout.contains("the plan was imported from \(name)\n"), again.stdout)
  }
}
