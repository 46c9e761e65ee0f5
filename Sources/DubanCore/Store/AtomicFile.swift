import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#endif

/// Durable replacement of a file: write a temporary file in the same folder, fsync it,
/// keep the old version as `<name>.bak`, rename over the target, fsync the folder. A crash
/// at any moment leaves either the old file or the new one, never a torn one. The file's
/// mode and group are kept (its owner too when root saves); a symlink stays a symlink (its
/// target is replaced). `.bak` is rotated by a link to a temporary name renamed over it, so
/// at every instant the old `.bak` or the new one is there.
public enum AtomicFile {
  @discardableResult
  public static func write(_ data: Data, to path: String, backup: Bool = true) throws -> [StoreNotice] {
    try write(to: path, backup: backup) { output in
      try data.withUnsafeBytes { try output($0.bindMemory(to: UInt8.self)) }
    }
  }

  /// The same, with the content produced piece by piece through `output`. Returns what the
  /// caller should say although the write succeeded (a backup or group not kept).
  @discardableResult
  public static func write(
    to path: String, backup: Bool = true,
    _ produce: (_ output: (UnsafeBufferPointer<UInt8>) throws -> Void) throws -> Void
  ) throws -> [StoreNotice] {
    // Past a file-size limit write() fails with EFBIG rather than ending the process: the
    // process ignores SIGXFSZ from its start (Store.prepareProcess).
    let target = resolvedPath(path)
    let dir = PathText.directory(of: target)
    let folder = dir.isEmpty ? "." : dir
    let name = PathText.lastComponent(of: target)
    var st = stat()
    let exists = stat(target, &st) == 0
    // A new file gets what the umask allows, as any program's would; an existing one keeps its own.
    let mode: mode_t = exists ? st.st_mode & 0o7777 : 0o666
    var notices: [StoreNotice] = []

    let tmp = folder + "/" + temporaryName(of: name)
    let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode & 0o777)
    guard fd >= 0 else {
      throw failure(path, "cannot create a temporary file in \(folder)", "无法在 \(folder) 中创建临时文件")
    }
    var ok = false
    defer {
      if !ok { unlink(tmp) }
    }
    stop(at: .created)
    var first = true
    do {
      try produce { raw in
        var offset = 0
        while offset < raw.count {
          let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
          if n < 0 {
            if errno == EINTR { continue }
            throw failure(path, "cannot write", "无法写入")
          }
          offset += n
        }
        if first {
          first = false
          stop(at: .writing)
        }
      }
      if exists {
        if let code = keepOwnership(fd, like: st), !takesSetgidFolderGroup(fd, path) {
          notices.append(.groupNotKept(file: path, group: st.st_gid, code: code))
        }
        _ = fchmod(fd, mode)  // umask must not change an existing file's mode (after chown, which may clear set-id bits)
      }
      stop(at: .written)
      guard fsync(fd) == 0 else { throw failure(path, "cannot flush to disk", "无法写入磁盘") }
    } catch {
      close(fd)
      throw error
    }
    guard close(fd) == 0 else { throw failure(path, "cannot close", "无法关闭文件") }
    stop(at: .synced)
    if backup && exists, let code = rotateBackup(of: target, in: folder, like: st) {
      notices.append(.backupNotMade(file: path, code: code))
    }
    stop(at: .backedUp)
    guard rename(tmp, target) == 0 else { throw failure(path, "cannot replace the file", "无法替换文件") }
    ok = true
    stop(at: .renamed)
    let dfd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if dfd >= 0 {
      fsync(dfd)
      close(dfd)
    }
    return notices
  }

  /// `.<name>.tmp-<pid>-<random>`: what `removeStaleTemporaries` clears.
  static func temporaryName(of name: String, _ kind: String = "") -> String {
    ".\(name).tmp-\(kind)\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
  }

  /// Gives a new file the old one's group (and, for root, its owner). nil when kept, else the errno.
  static func keepOwnership(_ fd: Int32, like old: stat) -> Int32? {
    var now = stat()
    guard fstat(fd, &now) == 0 else { return errno }
    let keepOwner = geteuid() == 0 && now.st_uid != old.st_uid
    guard keepOwner || now.st_gid != old.st_gid else { return nil }
    return fchown(fd, keepOwner ? old.st_uid : uid_t.max, old.st_gid) == 0 ? nil : errno
  }

  /// Makes `<target>.bak` the current file without a moment when no `.bak` exists: a hard
  /// link (or, where links fail, a copy) under a temporary name, renamed over `.bak`.
  /// nil when made, else the errno of what failed.
  static func rotateBackup(of target: String, in folder: String, like st: stat) -> Int32? {
    let bak = target + ".bak"
    let tmp = folder + "/" + temporaryName(of: PathText.lastComponent(of: target), "bak-")
    if link(target, tmp) != 0 {
      // Filesystems without hard links, a link count at its limit, or a file another user
      // owns where links are protected: copy instead.
      if let code = copy(target, to: tmp, like: st) {
        unlink(tmp)
        return code
      }
    }
    stop(at: .backupLinked)
    let result: Int32? = rename(tmp, bak) == 0 ? nil : errno
    // Also when .bak already was this file (rename then does nothing).
    unlink(tmp)
    return result
  }

  /// Copies a file with its mode and group; nil when done, else the errno.
  static func copy(_ source: String, to path: String, like st: stat) -> Int32? {
    let input = open(source, O_RDONLY | O_CLOEXEC)
    guard input >= 0 else { return errno }
    defer { close(input) }
    let output = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, st.st_mode & 0o777)
    guard output >= 0 else { return errno }
    var failed: Int32? = nil
    let size = 1 << 20
    let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
    defer { buffer.deallocate() }
    copying: while true {
      let n = read(input, buffer, size)
      if n < 0 {
        if errno == EINTR { continue }
        failed = errno
        break
      }
      if n == 0 { break }
      var offset = 0
      while offset < n {
        let w = Glibc.write(output, buffer + offset, n - offset)
        if w < 0 {
          if errno == EINTR { continue }
          failed = errno
          break copying
        }
        offset += w
      }
    }
    if failed == nil {
      _ = keepOwnership(output, like: st)
      _ = fchmod(output, st.st_mode & 0o7777)
      if fsync(output) != 0 { failed = errno }
    }
    if close(output) != 0 && failed == nil { failed = errno }
    return failed
  }

  /// Removes temporary files a killed writer left beside the file. Only safe under the
  /// store's lock, when no other writer can be midway.
  public static func removeStaleTemporaries(of path: String) {
    let target = resolvedPath(path)
    let dir = PathText.directory(of: target)
    let prefix = ".\(PathText.lastComponent(of: target)).tmp-"
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.isEmpty ? "." : dir) else { return }
    for name in names where name.hasPrefix(prefix) {
      unlink((dir.isEmpty ? "." : dir) + "/" + name)
    }
  }

  /// Follows symlinks so that writes replace the link's target, not the link.
  public static func resolvedPath(_ path: String) -> String {
    var current = path
    for _ in 0..<32 {
      guard let dest = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else {
        return current
      }
      current =
        dest.hasPrefix("/")
        ? dest : PathText.join(PathText.directory(of: current), dest)
    }
    return current
  }

  static func failure(_ path: String, _ what: String, _ zh: String) -> StoreError {
    let code = errno
    return StoreError(
      file: path, reason: "\(what): \(SystemError.text(code, .en)); the store on disk is unchanged",
      zh: "\(zh)：\(SystemError.text(code, .zh))；磁盘上的数据文件没有改动", kind: .write)
  }
}

extension AtomicFile {
  /// The new file took the group of a setgid folder: what the administrator set the folder
  /// up for, so nothing to warn about even if the old file had another group.
  static func takesSetgidFolderGroup(_ fd: Int32, _ path: String) -> Bool {
    var file = stat()
    var folder = stat()
    let dir = PathText.directory(of: path)
    guard fstat(fd, &file) == 0, stat(dir.isEmpty ? "." : dir, &folder) == 0 else { return false }
    return folder.st_mode & S_ISGID != 0 && folder.st_gid == file.st_gid
  }
}

extension AtomicFile {
  /// The moments of a save, in order: the temporary file made, its first bytes written, all
  /// written, flushed and closed, the old file linked for `.bak`, `.bak` replaced, the file
  /// replaced.
  public enum Stage: String, CaseIterable, Sendable {
    case created, writing, written, synced, backupLinked, backedUp, renamed
  }

  /// A test's hook: with DUBAN_TEST_STOP_AT=<stage> the writer stops itself (SIGSTOP) there, so
  /// an end-to-end test can kill -9 it at exactly that moment of a save.
  static func stop(at stage: Stage) {
    guard let want = getenv("DUBAN_TEST_STOP_AT"), String(cString: want) == stage.rawValue else { return }
    raise(SIGSTOP)
  }
}
