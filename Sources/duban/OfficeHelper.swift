import DubanCore
import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#endif

/// Runs `duban-office read KIND FILE` and decodes its JSON: runs of paragraphs become one
/// text block, tables stay tables.
enum OfficeHelper {
  struct Reply: Decodable {
    struct Block: Decodable {
      var text: String?
      var table: [[String]]?
    }
    var blocks: [Block]?
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

  static func read(kind: String, path: String) throws -> [DocumentImporter.Block] {
    guard let helper = helperPath() else {
      throw ImportError(
        file: path, reason: "reading \(kind) files needs duban-office installed beside duban (make install)",
        zh: "读取 \(kind) 文件需要与 duban 同目录的 duban-office（make install 会安装）")
    }
    let output = try run([helper, "read", kind, path], file: path)
    let reply: Reply
    do {
      reply = try JSONDecoder().decode(Reply.self, from: Data(output))
    } catch {
      throw ImportError(
        file: path, reason: "duban-office gave no answer (\(error))", zh: "duban-office 没有给出结果（\(error)）")
    }
    if let error = reply.error { throw ImportError(file: path, reason: error, zh: reply.zh) }
    var out: [DocumentImporter.Block] = []
    var lines: [String] = []
    for b in reply.blocks ?? [] {
      if let t = b.text { lines.append(t) }
      if let rows = b.table {
        if !lines.isEmpty { out.append(.text(lines.joined(separator: "\n"))) }
        lines = []
        out.append(.table(rows))
      }
    }
    if !lines.isEmpty { out.append(.text(lines.joined(separator: "\n"))) }
    return out
  }

  /// The helper's stdout (stderr goes to ours).
  static func run(_ argv: [String], file: String) throws -> [UInt8] {
    var pipeFDs: [Int32] = [0, 0]
    guard pipe(&pipeFDs) == 0 else {
      throw ImportError(file: file, reason: "cannot start duban-office", zh: "无法启动 duban-office")
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, pipeFDs[1], 1)
    posix_spawn_file_actions_addclose(&actions, pipeFDs[0])
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
    defer { for a in cArgs { free(a) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, argv[0], &actions, nil, &cArgs, environ)
    close(pipeFDs[1])
    defer { close(pipeFDs[0]) }
    guard spawned == 0 else {
      throw ImportError(file: file, reason: "cannot start duban-office", zh: "无法启动 duban-office")
    }
    var out: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = Glibc.read(pipeFDs[0], &buffer, buffer.count)
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
    return out
  }
}
