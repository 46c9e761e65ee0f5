import DubanCore
import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#endif

/// Runs duban-office, the program that holds the office code (Foundation, ICU, libxml2,
/// ZIPFoundation) so that duban never loads it: `read KIND FILE` for import (runs of
/// paragraphs become one text block, tables stay tables), `read form FILE` for collect, and
/// `write xlsx|docx` with the document as JSON on stdin for every office file duban writes.
enum OfficeHelper {
  struct Reply: Decodable {
    struct Block: Decodable {
      var text: String?
      var table: [[String]]?
      /// The sheet a table is (xlsx), so warnings can name its cells.
      var sheet: String?
    }
    var blocks: [Block]?
    var sheets: [SheetGrid]?
    var formError: OfficeReadError?
    var error: String?
    var zh: String?
  }

  /// The helper beside this binary (as `make install` puts it), else on PATH.
  static func helperPath() -> String? {
    var buffer = [CChar](repeating: 0, count: 4096)
    let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    if n > 0 {
      let exe = String(decoding: buffer.prefix(n).map { UInt8(bitPattern: $0) }, as: UTF8.self)
      if let slash = exe.lastIndex(of: "/") {
        let sibling = exe[..<slash] + "/duban-office"
        if access(String(sibling), X_OK) == 0 { return String(sibling) }
      }
    }
    let path = String(cString: getenv("PATH") ?? strdup("/usr/local/bin:/usr/bin:/bin"))
    for dir in path.split(separator: ":") where access("\(dir)/duban-office", X_OK) == 0 {
      return "\(dir)/duban-office"
    }
    return nil
  }

  /// The helper, or the message that says how to install it (exit 2 through ImportError).
  static func requireHelper(reading: Bool, kind: String, file: String) throws -> String {
    if let helper = helperPath() { return helper }
    throw ImportError(
      file: file,
      reason:
        "\(reading ? "reading" : "writing") \(kind) files needs duban-office installed beside duban (make install)",
      zh: "\(reading ? "读取" : "生成") \(kind) 文件需要与 duban 同目录的 duban-office（make install 会安装）")
  }

  static func decode(_ output: [UInt8], file: String) throws -> Reply {
    do {
      return try JSONDecoder().decode(Reply.self, from: Data(output))
    } catch {
      throw ImportError(
        file: file, reason: "duban-office gave no answer (\(error))", zh: "duban-office 没有给出结果（\(error)）")
    }
  }

  /// The bytes of the .xlsx or .docx duban-office lays out from `model` (a Workbook or a
  /// WordDocument); `file` is where they will go, for messages. Nothing is written here.
  static func write(_ kind: String, _ model: some Encodable, file: String) throws -> [UInt8] {
    let helper = try requireHelper(reading: false, kind: kind, file: file)
    let input = try JSONEncoder().encode(model)
    let (status, output) = try run([helper, "write", kind], input: [UInt8](input), file: file)
    if status == 0 { return output }
    let reply = try decode(output, file: file)
    throw ImportError(file: file, reason: reply.error ?? "duban-office failed", zh: reply.zh)
  }

  /// The sheets of a filed .xlsx form as text cells (XLSXFormReader's reading, in
  /// duban-office); a damaged or foreign file throws OfficeReadError for the caller's message.
  static func readForm(path: String, quiet: Bool = false) throws -> [SheetGrid] {
    let helper = try requireHelper(reading: true, kind: "xlsx", file: path)
    let reply = try decode(try run([helper, "read", "form", path], file: path, quiet: quiet).output, file: path)
    if let e = reply.formError { throw e }
    if let error = reply.error { throw ImportError(file: path, reason: error, zh: reply.zh) }
    return reply.sheets ?? []
  }

  static func read(kind: String, path: String) throws -> [DocumentImporter.Block] {
    let helper = try requireHelper(reading: true, kind: kind, file: path)
    let reply = try decode(try run([helper, "read", kind, path], file: path).output, file: path)
    if let error = reply.error { throw ImportError(file: path, reason: error, zh: reply.zh) }
    var out: [DocumentImporter.Block] = []
    var lines: [String] = []
    for b in reply.blocks ?? [] {
      if let t = b.text { lines.append(t) }
      if let rows = b.table {
        if !lines.isEmpty { out.append(.text(lines.joined(separator: "\n"))) }
        lines = []
        out.append(b.sheet.map { .sheet($0, rows) } ?? .table(rows))
      }
    }
    if !lines.isEmpty { out.append(.text(lines.joined(separator: "\n"))) }
    return out
  }

  /// The helper's exit status and stdout; `input` goes to its stdin (else /dev/null). When
  /// writing, or `quiet` (the dashboard owns the terminal; answers are JSON), its stderr is
  /// dropped; otherwise it goes to ours.
  static func run(
    _ argv: [String], input: [UInt8]? = nil, file: String, quiet: Bool = false
  ) throws -> (status: Int32, output: [UInt8]) {
    let cannot = ImportError(file: file, reason: "cannot start duban-office", zh: "无法启动 duban-office")
    var outFDs: [Int32] = [0, 0]
    var inFDs: [Int32] = [-1, -1]
    guard pipe(&outFDs) == 0 else { throw cannot }
    if input != nil && pipe(&inFDs) != 0 {
      close(outFDs[0])
      close(outFDs[1])
      throw cannot
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, outFDs[1], 1)
    posix_spawn_file_actions_addclose(&actions, outFDs[0])
    if input != nil {
      posix_spawn_file_actions_adddup2(&actions, inFDs[0], 0)
      posix_spawn_file_actions_addclose(&actions, inFDs[1])
      posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    } else {
      posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
      if quiet { posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0) }
    }
    var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
    defer { for a in cArgs { free(a) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, argv[0], &actions, nil, &cArgs, environ)
    close(outFDs[1])
    if input != nil { close(inFDs[0]) }
    defer { close(outFDs[0]) }
    guard spawned == 0 else {
      if input != nil { close(inFDs[1]) }
      throw cannot
    }
    if let input {
      // The helper reads all of stdin before it writes; if it dies first, EPIPE (not
      // SIGPIPE, which would end duban) stops the writing and its status tells.
      let previous = signal(SIGPIPE, SIG_IGN)
      var offset = 0
      while offset < input.count {
        let n = input[offset...].withUnsafeBytes { Glibc.write(inFDs[1], $0.baseAddress, $0.count) }
        if n > 0 {
          offset += n
        } else if n < 0 && errno == EINTR {
          continue
        } else {
          break
        }
      }
      close(inFDs[1])
      signal(SIGPIPE, previous)
    }
    var out: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = Glibc.read(outFDs[0], &buffer, buffer.count)
      if n > 0 {
        out += buffer[0..<n]
      } else if n < 0 && errno == EINTR {
        continue
      } else {
        break
      }
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    // Exited normally: its code; killed by a signal: not a success.
    let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return (code, out)
  }
}
