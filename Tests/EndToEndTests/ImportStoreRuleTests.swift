import Foundation
import XCTest

/// Where `duban import` writes: `--out`, else `--store`/`$DUBAN_STORE` (made when new), else
/// the default store; `--json` prints the plan and writes only a store the command line names.
final class ImportStoreRuleTests: XCTestCase {
  var dir: URL!

  override func setUpWithError() throws { dir = try DubanBinary.tempDir() }
  override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

  var defaultStore: String { dir.appendingPathComponent("duban/plan.json").path }

  func run(_ args: [String], env: [String: String] = [:]) throws -> DubanBinary.Result {
    try DubanBinary.run(args, env: env.merging(["XDG_DATA_HOME": dir.path]) { a, _ in a })
  }

  func testImportMakesTheStoreStoreOrDubanStoreNames() throws {
    let viaOption = dir.appendingPathComponent("a/2020.json").path
    let r = try run(["--store", viaOption, "import", DubanBinary.seed])
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertTrue(r.stdout.contains("已写入 \(viaOption)"), r.stdout)
    XCTAssertTrue(FileManager.default.fileExists(atPath: viaOption))
    let viaEnv = dir.appendingPathComponent("b.json").path
    let e = try run(["import", DubanBinary.seed, "--lang", "en"], env: ["DUBAN_STORE": viaEnv])
    XCTAssertEqual(e.status, 0, e.stderr)
    XCTAssertTrue(FileManager.default.fileExists(atPath: viaEnv))
    XCTAssertFalse(FileManager.default.fileExists(atPath: defaultStore), "not the default store")
    // An existing one is still replaced only with --force, and other commands still refuse a missing one.
    let again = try run(["--store", viaOption, "import", DubanBinary.seed])
    XCTAssertEqual(again.status, 2)
    XCTAssertTrue(again.stderr.contains("已存在；加 --force 覆盖"), again.stderr)
    let missing = dir.appendingPathComponent("c.json").path
    XCTAssertEqual(try run(["--store", missing, "list"]).status, 2)
    XCTAssertFalse(FileManager.default.fileExists(atPath: missing))
  }

  func testJSONPrintsAndWritesOnlyAStoreTheCommandLineNames() throws {
    let printed = try run(["import", DubanBinary.seed, "--json"])
    XCTAssertEqual(printed.status, 0, printed.stderr)
    XCTAssertNotNil(try DubanBinary.json(printed.stdout) as? [String: Any], "the plan on stdout")
    XCTAssertTrue(printed.stderr.contains("--json 只输出，未写入数据文件"), printed.stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: defaultStore), "the default store is not written")
    let env = dir.appendingPathComponent("env.json").path
    let viaEnv = try run(["import", DubanBinary.seed, "--json"], env: ["DUBAN_STORE": env])
    XCTAssertEqual(viaEnv.status, 0, viaEnv.stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: env), "nor $DUBAN_STORE")
    let out = dir.appendingPathComponent("out.json").path
    let named = try run(["import", DubanBinary.seed, "--json", "--out", out, "--lang", "en"])
    XCTAssertEqual(named.status, 0, named.stderr)
    XCTAssertTrue(named.stderr.contains("written to \(out)"), named.stderr)
    XCTAssertTrue(FileManager.default.fileExists(atPath: out))
    let store = dir.appendingPathComponent("store.json").path
    XCTAssertEqual(try run(["--store", store, "import", DubanBinary.seed, "--json"]).status, 0)
    XCTAssertTrue(FileManager.default.fileExists(atPath: store), "--store is named on the command line")
    // Without --json the default store is where a plain import goes, as before.
    XCTAssertEqual(try run(["import", DubanBinary.seed]).status, 0)
    XCTAssertTrue(FileManager.default.fileExists(atPath: defaultStore))
  }
}
