import Foundation
import XCTest

/// Runs the real duban binary, as scripts and users do.
enum DubanBinary {
  static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  static let seed = repoRoot.appendingPathComponent("Resources/jiangan-2019-task-breakdown.txt").path

  /// DUBAN_BIN when set (`make test` runs the end-to-end tests again with the release
  /// binary), else the debug build beside the tests.
  static let path: String = {
    if let env = ProcessInfo.processInfo.environment["DUBAN_BIN"], !env.isEmpty {
      // Named on purpose: that binary or a loud failure, never quietly another build.
      let path = env.hasPrefix("/") ? env : FileManager.default.currentDirectoryPath + "/" + env
      precondition(FileManager.default.isExecutableFile(atPath: path), "DUBAN_BIN=\(env): no executable there")
      return path
    }
    var candidates: [String] = []
    candidates.append(Bundle.main.bundleURL.appendingPathComponent("duban").path)
    candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("duban").path)
    candidates.append(repoRoot.appendingPathComponent(".build/debug/duban").path)
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates.last!
  }()

  struct Result {
    var stdout: String
    var stderr: String
    var status: Int32
  }

  /// Runs duban with a clean, Chinese-free environment of our choosing.
  @discardableResult
  static func run(_ args: [String], env: [String: String] = [:], stdin: String? = nil) throws -> Result {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: path)
    p.arguments = args
    var environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": NSTemporaryDirectory(), "USER": "tester"]
    for (k, v) in env { environment[k] = v }
    p.environment = environment
    let out = Pipe()
    let err = Pipe()
    p.standardOutput = out
    p.standardError = err
    p.standardInput = FileHandle.nullDevice
    try p.run()
    // Read both pipes while the process runs so a full pipe never blocks it.
    let group = DispatchGroup()
    nonisolated(unsafe) var outData = Data()
    nonisolated(unsafe) var errData = Data()
    group.enter()
    DispatchQueue.global().async {
      outData = out.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    errData = err.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    p.waitUntilExit()
    return Result(
      stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
      status: p.terminationStatus)
  }

  /// A shell command, for the odd signal or pkill.
  @discardableResult
  static func runShell(_ command: String) throws -> Int32 {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/sh")
    p.arguments = ["-c", command]
    try p.run()
    p.waitUntilExit()
    return p.terminationStatus
  }

  static func tempDir() throws -> URL {
    let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("duban-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  static func json(_ text: String) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(text.utf8))
  }
}
