import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#endif

/// The JSON file that holds a plan and all progress. Every write is atomic and under an
/// exclusive lock; a file it cannot read is refused and left untouched.
public struct Store: Sendable {
  public let path: String
  /// Told what a save wants said without failing: a wait for someone else's lock (after
  /// about a second), a backup or a group not kept. The command line prints these on
  /// stderr; the dashboard may show them on its status line. Called on the saving thread.
  public var notify: (@Sendable (StoreNotice) -> Void)?

  public init(path: String, notify: (@Sendable (StoreNotice) -> Void)? = nil) {
    self.path = path
    self.notify = notify
  }

  /// The store's lock, announcing a wait through `notify`.
  func lock() throws -> FileLock {
    let path = self.path
    let notify = self.notify
    return try FileLock(
      lockingStoreAt: path, waiting: { notify?(.waitingForLock(file: path, holder: $0)) },
      taken: { notify?(.lockTaken(file: path)) })
  }

  /// `--store`, then `DUBAN_STORE`, then `${XDG_DATA_HOME:-~/.local/share}/duban/plan.json`.
  public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
    if let p = environment["DUBAN_STORE"], !p.isEmpty { return p }
    let base: String
    if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
      base = xdg
    } else {
      base = (environment["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path) + "/.local/share"
    }
    return base + "/duban/plan.json"
  }

  public var exists: Bool { FileManager.default.fileExists(atPath: path) }

  /// Ignores the two signals a store's file operations may raise, once, at the start of a
  /// process that uses stores (the command line, the benchmark, test set-up): SIGIO, which
  /// announces the break of a read lease (without it no lease is taken, and every read goes
  /// to private memory), and SIGXFSZ, raised by a write past the file-size limit (which
  /// should fail with EFBIG, not end the process).
  public static func prepareProcess() {
    signal(SIGIO, SIG_IGN)
    signal(SIGXFSZ, SIG_IGN)
  }

  public func load() throws -> StoreDocument {
    // The fast path reads the file's bytes; anything it does not handle goes to
    // JSONDecoder, on the same bytes, which accepts it or explains what is wrong.
    try read(
      fast: { bytes in
        var reader = JSONReader(bytes)
        return try Self.readFast(&reader, file: path)
      }, slow: { data in try Self.decodeWithFoundation(data, file: path) })
  }

  /// The store read for a listing: items without their notes, history, period reports and
  /// targets, which a listing does not show — a third of the time and memory at 10,000
  /// items. Not a StoreDocument, so it can never be saved in place of the whole.
  /// It refuses exactly what load refuses: the parts it does not keep are still checked.
  public func loadSummary() throws -> StoreSummary {
    try read(
      fast: { bytes in
        var reader = JSONReader(bytes)
        reader.summaryOnly = true
        return try Self.readFast(&reader, file: path).map(StoreSummary.init)
      }, slow: { data in StoreSummary(try Self.decode(data, file: path)) })
  }

  /// One read of the file (see FileBytes): `fast` on its bytes, else `slow` on a copy of
  /// them. A read without a lease that raced a writer — the bytes changed as they were read,
  /// or a refusal of a file that has changed since (half of a `cp`) — is tried once more,
  /// then refused as a store that changed while it was being read.
  private func read<T>(fast: (FileBytes) throws -> T?, slow: (Data) throws -> T) throws -> T {
    for _ in 0..<2 {
      let bytes: FileBytes
      do {
        bytes = try FileBytes(path: path)
      } catch .changed {
        continue
      } catch .cannotOpen(let code) {
        if code == ENOENT || code == ENOTDIR {
          throw StoreError(
            file: path,
            reason:
              "no store here; run `duban import DOC --out \(path)` or omit --store to use the embedded 2019 plan",
            zh: "这里没有数据文件；用 `duban import 文档 --out \(path)` 新建，或去掉 --store 使用内置的 2019 年方案")
        }
        throw StoreError(
          file: path, reason: "cannot read the store (\(String(cString: strerror(code))))",
          zh: "无法读取数据文件（\(String(cString: strerror(code)))）")
      }
      do {
        if let value = try fast(bytes) { return value }
        return try slow(Data(bytes: bytes.base, count: bytes.filled))
      } catch let error as StoreError {
        if bytes.changedSinceRead() { continue }
        throw error
      }
    }
    throw StoreError(
      file: path, reason: "the store changed while it was being read (someone wrote it in place); try again",
      zh: "数据文件在读取时被改动（有人在原处写入）；请重试")
  }

  /// loadSummary on bytes in memory (for tests).
  static func decodeSummary(_ data: Data, file: String) throws -> StoreSummary {
    let fast = try data.withUnsafeBytes { raw -> StoreDocument? in
      var reader = JSONReader(raw)
      reader.summaryOnly = true
      return try readFast(&reader, file: file)
    }
    return StoreSummary(try fast ?? decode(data, file: file))
  }

  public static func decode(_ data: Data, file: String) throws -> StoreDocument {
    let fast = try data.withUnsafeBytes { raw -> StoreDocument? in
      var reader = JSONReader(raw)
      return try readFast(&reader, file: file)
    }
    return try fast ?? decodeWithFoundation(data, file: file)
  }

  /// The store's own reader: the document, or nil for JSONDecoder to try (and explain).
  /// A document it reads is still checked for what JSON cannot say.
  static func readFast(_ reader: inout JSONReader, file: String) throws -> StoreDocument? {
    guard let doc = try? StoreJSON.decode(&reader), (1...StoreDocument.currentSchema).contains(doc.schema) else {
      return nil
    }
    try validate(doc, file: file)
    return doc
  }

  /// The reference decoder: slower, and it names the path of whatever is wrong.
  static func decodeWithFoundation(_ data: Data, file: String) throws -> StoreDocument {
    if data.isEmpty {
      throw StoreError(
        file: file, reason: "the store is empty (0 bytes); restore it from \(file).bak",
        zh: "数据文件是空的（0 字节）；可从 \(file).bak 恢复")
    }
    // JSONDecoder keeps one of two members with the same name without a word: refuse them
    // first, where they are, as the fast reader does.
    var scanner = JSONSyntaxScanner(bytes: [UInt8](data))
    if let offset = scanner.firstError() {
      let (line, column) = lineColumn(offset, in: data)
      let reason: (en: String, zh: String) =
        if let name = scanner.duplicate {
          ("duplicate member “\(Self.shortened(name))”", "成员“\(Self.shortened(name))”重复")
        } else if scanner.tooDeep {
          ("nested more than \(JSONSyntaxScanner.maxDepth) levels deep", "嵌套超过 \(JSONSyntaxScanner.maxDepth) 层")
        } else if scanner.notUTF8 {
          ("not valid UTF-8 text", "不是有效的 UTF-8 文本")
        } else if let number = scanner.outOfRange {
          ("the number \(Self.shortened(number)) is out of range", "数字 \(Self.shortened(number)) 超出范围")
        } else {
          ("not valid JSON", "不是有效的 JSON")
        }
      throw StoreError(
        file: file, position: "line \(line), column \(column)", reason: "\(reason.en); the file was left untouched",
        positionZh: "第 \(line) 行第 \(column) 列", zh: "\(reason.zh)；文件未作改动")
    }
    struct Header: Decodable { var schema: Int }
    do {
      let header = try JSONDecoder().decode(Header.self, from: data)
      if header.schema > StoreDocument.currentSchema {
        throw StoreError(
          file: file, position: "schema",
          reason:
            "written by a newer duban (schema \(header.schema); this one reads \(StoreDocument.currentSchema)): upgrade duban",
          zh: "由更新版本的 duban 写入（格式 \(header.schema)；本版本读取 \(StoreDocument.currentSchema)）：请升级 duban"
        )
      }
      if header.schema < 1 {
        throw StoreError(
          file: file, position: "schema", reason: "schema \(header.schema) is not a duban store schema",
          zh: "格式 \(header.schema) 不是 duban 数据文件的格式")
      }
      let doc = try JSONDecoder().decode(StoreDocument.self, from: data)
      try validate(doc, file: file)
      return doc
    } catch let e as StoreError {
      throw e
    } catch let e as DecodingError {
      let reason = explain(e)
      let where_ = position(of: e)
      throw StoreError(
        file: file, position: where_.en, reason: "\(reason.en); the file was left untouched", positionZh: where_.zh,
        zh: "\(reason.zh)；文件未作改动")
    } catch {
      throw StoreError(
        file: file, reason: "not a duban store (\(error)); the file was left untouched",
        zh: "不是 duban 数据文件（\(error)）；文件未作改动")
    }
  }

  /// What JSON cannot say: every item id once, every unit name once.
  static func validate(_ doc: StoreDocument, file: String) throws {
    var ids: [String: Int] = [:]
    ids.reserveCapacity(doc.plan.items.count)
    let items = doc.plan.items
    for i in items.indices {
      let id = items[i].id  // the id alone: copying whole items retains every string in them
      if let first = ids.updateValue(i, forKey: id) {
        throw StoreError(
          file: file, position: "plan.items[\(i)].id",
          reason: "duplicate item id “\(id)” (also plan.items[\(first)]); the file was left untouched",
          zh: "事项编号“\(id)”重复（plan.items[\(first)] 也是）；文件未作改动")
      }
    }
    var names = Set<String>()
    for (i, unit) in doc.plan.units.enumerated() where !names.insert(unit.name).inserted {
      throw StoreError(
        file: file, position: "plan.units[\(i)].name",
        reason: "duplicate unit “\(unit.name)”; the file was left untouched",
        zh: "单位“\(unit.name)”重复；文件未作改动")
    }
  }

  /// Pretty-printed with sorted keys (stable diffs) and Chinese written as is, exactly as
  /// JSONEncoder would write it.
  public static func encode(_ doc: StoreDocument) throws -> Data {
    var writer = JSONWriter()
    try StoreJSON.encode(doc, into: &writer)
    return Data(writer.buffer + [0x0A])
  }

  /// Streams the document into the file: the encoded store is never all in memory.
  @discardableResult
  static func write(_ doc: StoreDocument, to path: String, backup: Bool = true) throws -> [StoreNotice] {
    try AtomicFile.write(to: path, backup: backup) { output in
      try withoutActuallyEscaping(output) { output in
        var writer = JSONWriter(sink: output)
        try StoreJSON.encode(doc, into: &writer)
        try writer.flush()
      }
      try [UInt8(0x0A)].withUnsafeBufferPointer { try output($0) }
    }
  }

  public func save(_ doc: StoreDocument) throws {
    try ensureFolder()
    let lock = try self.lock()
    defer { withExtendedLifetime(lock) {} }
    tell(try Self.write(doc, to: path))
  }

  /// Read-modify-write under the lock: the change is applied to the newest file on disk, so
  /// edits made by other processes in between are kept. A change that leaves the document
  /// as it was writes nothing: the file, its time and `.bak` stay as they are. (Comparing
  /// is cheap: what the change did not touch still shares its storage with the original.)
  @discardableResult
  /// `written` runs before the lock is let go, so a caller can note the file it left (its
  /// inode and time) without mistaking the next writer's file for its own.
  public func update<T>(
    _ change: (inout StoreDocument) throws -> T, written: (() -> Void)? = nil
  ) throws -> (StoreDocument, T) {
    let lock = try self.lock()
    defer { withExtendedLifetime(lock) {} }
    var doc = try load()
    let before = doc
    let result = try change(&doc)
    if doc != before {
      AtomicFile.removeStaleTemporaries(of: path)
      tell(try Self.write(doc, to: path))
    }
    written?()
    return (doc, result)
  }

  private func tell(_ notices: [StoreNotice]) {
    for n in notices { notify?(n) }
  }

  /// Creates the store only if it does not exist yet (checked under the lock).
  /// Returns false when another process created it first.
  @discardableResult
  public func create(_ doc: StoreDocument) throws -> Bool {
    try ensureFolder()
    let lock = try self.lock()
    defer { withExtendedLifetime(lock) {} }
    if exists { return false }
    try Self.write(doc, to: path, backup: false)
    return true
  }

  private func ensureFolder() throws {
    let dir = PathText.directory(of: path)
    guard !dir.isEmpty, !FileManager.default.fileExists(atPath: dir) else { return }
    do {
      try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    } catch {
      throw StoreError(file: path, reason: "cannot create the folder \(dir)", zh: "无法创建文件夹 \(dir)", kind: .write)
    }
  }

  // MARK: - Error positions

  static func pathString(_ path: [CodingKey]) -> (en: String, zh: String) {
    var s = ""
    for key in path {
      if let i = key.intValue {
        s += "[\(i)]"
      } else {
        s += s.isEmpty ? key.stringValue : ".\(key.stringValue)"
      }
    }
    return s.isEmpty ? ("top level", "最外层") : (s, s)
  }

  /// Where JSONDecoder went wrong; syntax errors were found (with line and column) before it ran.
  static func position(of error: DecodingError) -> (en: String, zh: String) {
    switch error {
    case .dataCorrupted(let ctx):
      return pathString(ctx.codingPath)
    case .keyNotFound(let key, let ctx):
      return pathString(ctx.codingPath + [key])
    case .typeMismatch(_, let ctx), .valueNotFound(_, let ctx):
      return pathString(ctx.codingPath)
    @unknown default:
      return ("unknown position", "位置不明")
    }
  }

  static func explain(_ error: DecodingError) -> (en: String, zh: String) {
    switch error {
    case .dataCorrupted(let ctx):
      if ctx.codingPath.isEmpty { return ("not valid JSON", "不是有效的 JSON") }
      return ("bad value: \(ctx.debugDescription)", "值无效：\(ctx.debugDescription)")
    case .keyNotFound(let key, _):
      return ("missing field “\(key.stringValue)”", "缺少字段“\(key.stringValue)”")
    case .typeMismatch(let type, _):
      let name = typeName(type)
      return ("wrong type: expected \(name.en)", "类型不对（应为\(name.zh)）")
    case .valueNotFound(let type, _):
      let name = typeName(type)
      return ("missing value: expected \(name.en)", "缺少值（应为\(name.zh)）")
    @unknown default:
      return ("cannot decode", "无法解码")
    }
  }

  static func typeName(_ type: Any.Type) -> (en: String, zh: String) {
    switch type {
    case is String.Type: return ("a string", "字符串")
    case is Int.Type: return ("an integer", "整数")
    case is Bool.Type: return ("true or false", "true 或 false")
    default:
      let n = String(describing: type)
      return n.hasPrefix("Array")
        ? ("an array", "数组") : n.hasPrefix("Dictionary") ? ("an object", "对象") : ("\(n)", "\(n)")
    }
  }

  /// A name for a message: at most 40 characters.
  static func shortened(_ name: String) -> String {
    name.count > 40 ? String(name.prefix(39)) + "…" : name
  }

  static func lineColumn(_ offset: Int, in data: Data) -> (Int, Int) {
    var line = 1
    var column = 1
    for b in data.prefix(offset) {
      if b == 0x0A {
        line += 1
        column = 1
      } else if b & 0xC0 != 0x80 {
        column += 1
      }
    }
    return (line, column)
  }
}
