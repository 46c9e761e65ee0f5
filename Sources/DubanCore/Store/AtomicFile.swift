import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#endif

/// Durable replacement of a file: write a temporary file in the same folder, fsync it,
/// keep the old version as `<name>.bak`, rename over the target, fsync the folder. A crash
/// at any moment leaves either the old file or the new one, never a torn one. The file's
/// mode is kept; a symlink stays a symlink (its target is replaced).
public enum AtomicFile {
  public static func write(_ data: Data, to path: String, backup: Bool = true) throws {
    try write(to: path, backup: backup) { output in
      try data.withUnsafeBytes { try output($0.bindMemory(to: UInt8.self)) }
    }
  }

  /// The same, with the content produced piece by piece through `output`.
  public static func write(
    to path: String, backup: Bool = true,
    _ produce: (_ output: (UnsafeBufferPointer<UInt8>) throws -> Void) throws -> Void
  ) throws {
    // Past a file-size limit write() should fail with EFBIG, not kill the process.
    signal(SIGXFSZ, SIG_IGN)
    let target = resolvedPath(path)
    let dir = PathText.directory(of: target)
    let name = PathText.lastComponent(of: target)
    var st = stat()
    let exists = stat(target, &st) == 0
    let mode: mode_t = exists ? st.st_mode & 0o7777 : 0o644

    let tmp = (dir.isEmpty ? "." : dir) + "/.\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
    guard fd >= 0 else {
      throw failure(
        path, "cannot create a temporary file in \(dir.isEmpty ? "." : dir)", "无法在 \(dir.isEmpty ? "." : dir) 中创建临时文件")
    }
    var ok = false
    defer {
      if !ok { unlink(tmp) }
    }
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
      }
      if exists { _ = fchmod(fd, mode) }  // umask must not change an existing file's mode
      guard fsync(fd) == 0 else { throw failure(path, "cannot flush to disk", "无法写入磁盘") }
    } catch {
      close(fd)
      throw error
    }
    guard close(fd) == 0 else { throw failure(path, "cannot close", "无法关闭文件") }
    if backup && exists {
      let bak = target + ".bak"
      unlink(bak)
      if link(target, bak) != 0 {
        // Filesystems without hard links: copy instead.
        if let old = FileManager.default.contents(atPath: target) {
          _ = FileManager.default.createFile(atPath: bak, contents: old)
        }
      }
    }
    guard rename(tmp, target) == 0 else { throw failure(path, "cannot replace the file", "无法替换文件") }
    ok = true
    let dfd = open(dir.isEmpty ? "." : dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if dfd >= 0 {
      fsync(dfd)
      close(dfd)
    }
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
      zh: "\(zh)：\(SystemError.text(code, .zh))；磁盘上的数据文件没有改动")
  }
}

/// An exclusive advisory lock (flock) on `<store>.lock`, held around read-modify-write so
/// that two duban processes never lose each other's edits. Kept beside the store rather
/// than on it, because a rename replaces the store's inode.
public final class FileLock {
  private let fd: Int32

  public init(lockingStoreAt path: String) throws {
    let lockPath = AtomicFile.resolvedPath(path) + ".lock"
    fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else {
      let code = errno
      throw StoreError(
        file: path, reason: "cannot open the lock file \(lockPath): \(SystemError.text(code, .en))",
        zh: "无法打开锁文件 \(lockPath)：\(SystemError.text(code, .zh))")
    }
    while flock(fd, LOCK_EX) != 0 {
      if errno == EINTR { continue }
      let code = errno
      close(fd)
      throw StoreError(
        file: path, reason: "cannot lock the store: \(SystemError.text(code, .en))",
        zh: "无法锁定数据文件：\(SystemError.text(code, .zh))")
    }
  }

  deinit {
    flock(fd, LOCK_UN)
    close(fd)
  }
}
