import FoundationEssentials

/// The JSON file that holds a plan and all progress. Every write is atomic and under an
/// exclusive lock; a file it cannot read is refused and left untouched.
public struct Store: Sendable {
  public let path: String

  public init(path: String) {
    self.path = path
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

  public func load() throws -> StoreDocument {
    // The fast path reads the mapped file; anything it does not handle goes to
    // JSONDecoder below, which accepts it or explains what is wrong.
    if let bytes = FileBytes(path: path) {
      var reader = JSONReader(bytes)
      if let doc = try Self.readFast(&reader, file: path) { return doc }
    }
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      let reason =
        exists
        ? "cannot read the store"
        : "no store here; run `duban import DOC --out \(path)` or omit --store to use the embedded 2019 plan"
      throw StoreError(file: path, reason: reason)
    }
    return try Self.decode(data, file: path)
  }

  /// The store read for a listing: items without their notes, history, period reports and
  /// targets, which a listing does not show — a third of the time and memory at 10,000
  /// items. Not a StoreDocument, so it can never be saved in place of the whole.
  /// It refuses exactly what load refuses: the parts it does not keep are still checked.
  public func loadSummary() throws -> StoreSummary {
    if let bytes = FileBytes(path: path) {
      var reader = JSONReader(bytes)
      reader.summaryOnly = true
      if let doc = try Self.readFast(&reader, file: path) { return StoreSummary(doc) }
    }
    return StoreSummary(try load())
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
      throw StoreError(file: file, reason: "the store is empty (0 bytes); restore it from \(file).bak")
    }
    // JSONDecoder keeps one of two members with the same name without a word: refuse them
    // first, where they are, as the fast reader does.
    var scanner = JSONSyntaxScanner(bytes: [UInt8](data))
    if let offset = scanner.firstError() {
      let (line, column) = lineColumn(offset, in: data)
      let reason =
        scanner.duplicate.map { "duplicate member “\(Self.shortened($0))”" }
        ?? (scanner.tooDeep ? "nested more than \(JSONSyntaxScanner.maxDepth) levels deep" : "not valid JSON")
      throw StoreError(
        file: file, position: "line \(line), column \(column)", reason: "\(reason); the file was left untouched")
    }
    struct Header: Decodable { var schema: Int }
    do {
      let header = try JSONDecoder().decode(Header.self, from: data)
      if header.schema > StoreDocument.currentSchema {
        throw StoreError(
          file: file, position: "schema",
          reason:
            "written by a newer duban (schema \(header.schema); this one reads \(StoreDocument.currentSchema)): upgrade duban"
        )
      }
      if header.schema < 1 {
        throw StoreError(file: file, position: "schema", reason: "schema \(header.schema) is not a duban store schema")
      }
      let doc = try JSONDecoder().decode(StoreDocument.self, from: data)
      try validate(doc, file: file)
      return doc
    } catch let e as StoreError {
      throw e
    } catch let e as DecodingError {
      throw StoreError(file: file, position: position(of: e), reason: "\(explain(e)); the file was left untouched")
    } catch {
      throw StoreError(file: file, reason: "not a duban store (\(error)); the file was left untouched")
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
          reason: "duplicate item id “\(id)” (also plan.items[\(first)]); the file was left untouched")
      }
    }
    var names = Set<String>()
    for (i, unit) in doc.plan.units.enumerated() where !names.insert(unit.name).inserted {
      throw StoreError(
        file: file, position: "plan.units[\(i)].name",
        reason: "duplicate unit “\(unit.name)”; the file was left untouched")
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
  static func write(_ doc: StoreDocument, to path: String, backup: Bool = true) throws {
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
    let lock = try FileLock(lockingStoreAt: path)
    defer { withExtendedLifetime(lock) {} }
    try Self.write(doc, to: path)
  }

  /// Read-modify-write under the lock: the change is applied to the newest file on disk, so
  /// edits made by other processes in between are kept.
  @discardableResult
  public func update<T>(_ change: (inout StoreDocument) throws -> T) throws -> (StoreDocument, T) {
    let lock = try FileLock(lockingStoreAt: path)
    defer { withExtendedLifetime(lock) {} }
    var doc = try load()
    let result = try change(&doc)
    AtomicFile.removeStaleTemporaries(of: path)
    try Self.write(doc, to: path)
    return (doc, result)
  }

  /// Creates the store only if it does not exist yet (checked under the lock).
  /// Returns false when another process created it first.
  @discardableResult
  public func create(_ doc: StoreDocument) throws -> Bool {
    try ensureFolder()
    let lock = try FileLock(lockingStoreAt: path)
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
      throw StoreError(file: path, reason: "cannot create the folder \(dir)")
    }
  }

  // MARK: - Error positions

  static func pathString(_ path: [CodingKey]) -> String {
    var s = ""
    for key in path {
      if let i = key.intValue {
        s += "[\(i)]"
      } else {
        s += s.isEmpty ? key.stringValue : ".\(key.stringValue)"
      }
    }
    return s.isEmpty ? "top level" : s
  }

  /// Where JSONDecoder went wrong; syntax errors were found (with line and column) before it ran.
  static func position(of error: DecodingError) -> String {
    switch error {
    case .dataCorrupted(let ctx):
      return pathString(ctx.codingPath)
    case .keyNotFound(let key, let ctx):
      return pathString(ctx.codingPath + [key])
    case .typeMismatch(_, let ctx), .valueNotFound(_, let ctx):
      return pathString(ctx.codingPath)
    @unknown default:
      return "unknown position"
    }
  }

  static func explain(_ error: DecodingError) -> String {
    switch error {
    case .dataCorrupted(let ctx):
      if ctx.codingPath.isEmpty { return "not valid JSON" }
      return "bad value: \(ctx.debugDescription)"
    case .keyNotFound(let key, _):
      return "missing field “\(key.stringValue)”"
    case .typeMismatch(let type, _):
      return "wrong type: expected \(Self.typeName(type))"
    case .valueNotFound(let type, _):
      return "missing value: expected \(Self.typeName(type))"
    @unknown default:
      return "cannot decode"
    }
  }

  static func typeName(_ type: Any.Type) -> String {
    switch type {
    case is String.Type: return "a string"
    case is Int.Type: return "an integer"
    case is Bool.Type: return "true or false"
    default:
      let n = String(describing: type)
      return n.hasPrefix("Array") ? "an array" : n.hasPrefix("Dictionary") ? "an object" : "\(n)"
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
