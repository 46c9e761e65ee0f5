import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#endif

/// An exclusive advisory lock (flock) on `<store>.lock`, held around read-modify-write so
/// that two duban processes never lose each other's edits. Kept beside the store rather
/// than on it, because a rename replaces the store's inode.
///
/// Made for several Unix users sharing a folder: the lock file gets the store's group and a
/// mode never narrower than the store's, whatever the creator's umask; a lock file nobody
/// may write is still locked, read-only. A lock file deleted or replaced while held is
/// noticed after locking (the descriptor is no longer the file at the path) and the new one
/// locked instead; and the folder is locked too, so a lock file deleted while held cannot let
/// a second writer in. The holder
/// writes its process id and user into the file, so that a waiting process can say whom it
/// waits for.
public final class FileLock {
  private let fd: Int32
  private let folder: Int32

  /// How long a wait goes unannounced.
  public static let patience: Double = 1.0

  /// `waiting` is called once, after about a second, when someone else holds the lock, and
  /// `taken` when that wait is over.
  public init(
    lockingStoreAt path: String, waiting: ((LockHolder?) -> Void)? = nil, taken: (() -> Void)? = nil
  ) throws {
    let target = AtomicFile.resolvedPath(path)
    let lockPath = target + ".lock"
    var store = stat()
    let storeExists = stat(target, &store) == 0
    var wait = Wait(file: path, announce: waiting)
    defer {
      if wait.announced { taken?() }
    }
    var fd: Int32
    while true {
      let opened = try Self.open(lockPath, like: storeExists ? store : nil, file: path)
      fd = opened.0
      try wait.lock(fd)
      // Someone may have deleted or replaced the lock file while we waited for it: then the
      // inode we hold is not the one the next process opens. Lock the file at the path.
      var held = stat()
      var atPath = stat()
      if fstat(fd, &held) == 0, stat(lockPath, &atPath) == 0, held.st_dev == atPath.st_dev,
        held.st_ino == atPath.st_ino
      {
        if opened.writable { Self.recordHolder(fd) }
        break
      }
      flock(fd, LOCK_UN)
      close(fd)
    }
    // The lock file may also be deleted while we hold it, and the next writer lock a new
    // one. The folder cannot be deleted under the store, so its lock (taken second, by every
    // duban, so no two wait on each other) keeps writers apart whatever happens to the file.
    let dir = PathText.directory(of: target)
    let folder = Glibc.open(dir.isEmpty ? "." : dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if folder >= 0 {
      do {
        try wait.lock(folder)
      } catch {
        close(folder)
        flock(fd, LOCK_UN)
        close(fd)
        throw error
      }
    }
    self.fd = fd
    self.folder = folder
  }

  deinit {
    if folder >= 0 {
      flock(folder, LOCK_UN)
      close(folder)
    }
    flock(fd, LOCK_UN)
    close(fd)
  }

  /// One acquisition's waiting: a non-blocking flock retried after short sleeps (growing to
  /// 25 ms: no busy spin, and a freed lock is taken soon), announced once after `patience`.
  struct Wait {
    let file: String
    let announce: ((LockHolder?) -> Void)?
    let start = FileLock.now()
    var announced = false

    mutating func lock(_ fd: Int32) throws {
      var pause: UInt32 = 2_000
      while flock(fd, LOCK_EX | LOCK_NB) != 0 {
        let code = errno
        if code == EINTR { continue }
        guard code == EWOULDBLOCK else {
          throw StoreError(
            file: file, reason: "cannot lock the store: \(SystemError.text(code, .en))",
            zh: "无法锁定数据文件：\(SystemError.text(code, .zh))", kind: .write)
        }
        if !announced && FileLock.now() - start >= FileLock.patience {
          announced = true
          announce?(FileLock.holder(of: fd))
        }
        usleep(pause)
        pause = min(pause * 2, 25_000)
      }
    }
  }

  /// Opens (or creates) the lock file: read-write when allowed, else read-only (flock needs
  /// no more). A lock file this user creates or owns gets the store's group and at least
  /// the store's read and write bits.
  static func open(_ lockPath: String, like store: stat?, file: String) throws -> (Int32, writable: Bool) {
    let wanted: mode_t = store.map { ($0.st_mode & 0o666) | 0o600 } ?? 0o666
    while true {
      var fd = Glibc.open(lockPath, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, store == nil ? 0o666 : 0o600)
      if fd >= 0 {
        if let store {
          // Group first: chown may clear mode bits.
          let owner = geteuid() == 0 ? store.st_uid : uid_t.max
          _ = fchown(fd, owner, store.st_gid)
          _ = fchmod(fd, wanted)
        }
        return (fd, true)
      }
      guard errno == EEXIST else { throw openFailure(lockPath, file: file) }
      var writable = true
      fd = Glibc.open(lockPath, O_RDWR | O_CLOEXEC)
      if fd < 0 && (errno == EACCES || errno == EPERM) {
        writable = false
        fd = Glibc.open(lockPath, O_RDONLY | O_CLOEXEC)
      }
      if fd < 0 {
        if errno == ENOENT { continue }  // deleted in between: make it again
        throw openFailure(lockPath, file: file)
      }
      // A lock file made narrower than the store (an older duban, a umask): widen it if ours.
      var st = stat()
      if let store, fstat(fd, &st) == 0, st.st_uid == geteuid() {
        if st.st_gid != store.st_gid { _ = fchown(fd, uid_t.max, store.st_gid) }
        if st.st_mode & wanted != wanted { _ = fchmod(fd, (st.st_mode & 0o7777) | wanted) }
      }
      return (fd, writable)
    }
  }

  static func openFailure(_ lockPath: String, file: String) -> StoreError {
    let code = errno
    return StoreError(
      file: file, reason: "cannot open the lock file \(lockPath): \(SystemError.text(code, .en))",
      zh: "无法打开锁文件 \(lockPath)：\(SystemError.text(code, .zh))", kind: .write)
  }

  /// `pid 1234\nuid 2001\nuser u2001\n`, written only while holding the lock.
  static func recordHolder(_ fd: Int32) {
    let uid = geteuid()
    let text = "pid \(getpid())\nuid \(uid)\nuser \(LockHolder.userName(uid))\n"
    _ = ftruncate(fd, 0)
    var bytes = Array(text.utf8)
    _ = bytes.withUnsafeMutableBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
  }

  /// Who holds the lock on the file `fd` is open on: the kernel's word (/proc/locks) for the
  /// process, the lock file's for the user name when it names the same process.
  public static func holder(of fd: Int32) -> LockHolder? {
    var st = stat()
    guard fstat(fd, &st) == 0 else { return nil }
    var buffer = [UInt8](repeating: 0, count: 256)
    let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
    var filePid: Int32?
    var fileUser: String?
    if n > 0 {
      for line in String(decoding: buffer[0..<n], as: UTF8.self).split(separator: "\n") {
        if line.hasPrefix("pid ") { filePid = Int32(line.dropFirst(4)) }
        if line.hasPrefix("user ") { fileUser = String(line.dropFirst(5)) }
      }
    }
    guard let pid = kernelHolder(device: UInt64(st.st_dev), inode: UInt64(st.st_ino)) else {
      return filePid.map { LockHolder(pid: $0, user: fileUser) }
    }
    if pid == filePid, let fileUser { return LockHolder(pid: pid, user: fileUser) }
    var proc = stat()
    let user = stat("/proc/\(pid)", &proc) == 0 ? LockHolder.userName(proc.st_uid) : nil
    return LockHolder(pid: pid, user: user)
  }

  /// The process holding a flock on the file, from /proc/locks (`1: FLOCK ADVISORY WRITE
  /// 1234 08:01:56789 0 EOF`; waiters' lines carry `->`).
  static func kernelHolder(device: UInt64, inode: UInt64) -> Int32? {
    guard let data = FileManager.default.contents(atPath: "/proc/locks") else { return nil }
    let major = ((device >> 8) & 0xfff) | ((device >> 32) & ~UInt64(0xfff))
    let minor = (device & 0xff) | ((device >> 12) & ~UInt64(0xff))
    let key = String(major, radix: 16) + ":" + String(minor, radix: 16) + ":" + String(inode)
    let padded = hex2(major) + ":" + hex2(minor) + ":" + String(inode)
    for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where !line.contains("->") {
      let fields = line.split(separator: " ")
      guard fields.count >= 6, fields[1] == "FLOCK", fields[3] == "WRITE" else { continue }
      if fields[5] == key || fields[5] == padded { return Int32(fields[4]) }
    }
    return nil
  }

  private static func hex2(_ n: UInt64) -> String {
    let s = String(n, radix: 16)
    return s.count < 2 ? "0" + s : s
  }

  static func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
  }
}
