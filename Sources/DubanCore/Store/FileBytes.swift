#if canImport(Glibc)
  import Glibc
#endif

/// The store's bytes for one read, in one of two ways:
///
/// - **Mapped, under a read lease**, where one can be taken (the store's owner, or root):
///   read front to back with the pages behind the reader handed back as it goes, so loading
///   a 200 MB store never holds 200 MB of file bytes. A mapped file someone truncates (`cp
///   old.json plan.json` writes in place) would kill the reader with SIGBUS; under the lease
///   their open for writing waits until the lease is given back (the kernel lets it wait up
///   to lease-break-time, 45 s by default; a load takes well under a second).
/// - **Read into private memory** everywhere else (another user's store, a file someone has
///   open for writing, a file system without leases, a process that has not ignored SIGIO):
///   nothing can take those bytes away. The file's size, times and inode are compared
///   before and after the read: a read that raced a writer is `Failure.changed`, and
///   `changedSinceRead()` tells whether a refusal may have been a half-written file.
///
/// duban's own writers replace the store by rename, which neither way notices.
final class FileBytes {
  let base: UnsafeMutablePointer<UInt8>
  let filled: Int
  private let fd: Int32
  /// Mapped under a lease (else read into private memory).
  let leased: Bool
  private let length: Int
  private let seen: FileState
  private static let chunk = 256 << 10
  private static let page = Int(sysconf(Int32(_SC_PAGESIZE)))
  /// Linux's F_SETLEASE and lock types (fcntl.h), which Swift's Glibc module leaves out.
  private static let setLease: Int32 = 1024
  private static let readLease: Int32 = 0
  private static let noLease: Int32 = 2

  enum Failure: Error {
    /// The file cannot be opened; `code` is errno.
    case cannotOpen(code: Int32)
    /// The file changed while it was being read into memory.
    case changed
  }

  /// What identifies one version of a file: compared before and after a read.
  struct FileState: Equatable {
    var device: UInt64
    var inode: UInt64
    var size: Int
    var modified: timespec
    var changed: timespec
    var regular: Bool
    var directory: Bool

    init?(_ fd: Int32) {
      var st = stat()
      guard fstat(fd, &st) == 0 else { return nil }
      regular = st.st_mode & S_IFMT == S_IFREG
      directory = st.st_mode & S_IFMT == S_IFDIR
      device = UInt64(st.st_dev)
      inode = UInt64(st.st_ino)
      size = Int(st.st_size)
      modified = st.st_mtim
      changed = st.st_ctim
    }

    static func == (a: FileState, b: FileState) -> Bool {
      a.device == b.device && a.inode == b.inode && a.size == b.size && a.modified.tv_sec == b.modified.tv_sec
        && a.modified.tv_nsec == b.modified.tv_nsec && a.changed.tv_sec == b.changed.tv_sec
        && a.changed.tv_nsec == b.changed.tv_nsec
    }
  }

  init(path: String) throws(Failure) {
    fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw .cannotOpen(code: errno) }
    // A lease break is announced with SIGIO, whose default action ends the process: only a
    // process that ignores it (Store.prepareProcess) takes a lease. Without one (another
    // user's file, a file open for writing, NFS) the file is read into private memory.
    let leased = Self.sigioIgnored() && fcntl(fd, Self.setLease, Self.readLease) == 0
    guard let before = FileState(fd) else {
      if leased { _ = fcntl(fd, Self.setLease, Self.noLease) }
      close(fd)
      throw .cannotOpen(code: errno)
    }
    guard before.regular else {
      if leased { _ = fcntl(fd, Self.setLease, Self.noLease) }
      close(fd)
      throw .cannotOpen(code: before.directory ? EISDIR : EINVAL)
    }
    if leased, before.size > 0, let p = mmap(nil, before.size, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED {
      self.leased = true
      seen = before
      filled = before.size
      length = before.size
      base = p.assumingMemoryBound(to: UInt8.self)
      madvise(p, filled, Int32(MADV_SEQUENTIAL))
      return
    }
    if leased { _ = fcntl(fd, Self.setLease, Self.noLease) }
    self.leased = false
    // One page more than the file, to see whether it grew while it was read.
    length = (before.size + 1 + Self.page - 1) / Self.page * Self.page
    guard let p = mmap(nil, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), p != MAP_FAILED
    else {
      close(fd)
      throw .cannotOpen(code: ENOMEM)
    }
    base = p.assumingMemoryBound(to: UInt8.self)
    var got = 0
    while got <= before.size {
      let n = pread(fd, base + got, length - got, off_t(got))
      if n < 0 && errno == EINTR { continue }
      if n < 0 {
        let code = errno
        munmap(p, length)
        close(fd)
        throw .cannotOpen(code: code)
      }
      if n == 0 { break }
      got += n
    }
    filled = got
    seen = before
    // Shorter (truncated meanwhile), longer, or rewritten at the same size: changed.
    guard got == before.size, FileState(fd) == before else {
      munmap(p, length)
      close(fd)
      throw .changed
    }
  }

  deinit {
    munmap(base, length)
    if leased { _ = fcntl(fd, Self.setLease, Self.noLease) }
    close(fd)
  }

  /// Whether SIGIO is ignored (a query: the disposition is not changed).
  private static func sigioIgnored() -> Bool {
    var old = sigaction()
    guard sigaction(SIGIO, nil, &old) == 0 else { return false }
    return unsafeBitCast(old.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
  }

  /// For a file read without a lease: whether it has changed since it was read, so that
  /// what was read may have been half of a write (`cp` truncates, then writes). A file
  /// modified within the last two seconds is looked at again a tenth of a second later, to
  /// give a writer between two writes the time to make its next one.
  func changedSinceRead() -> Bool {
    guard !leased else { return false }
    guard let now = FileState(fd), now == seen else { return true }
    var clock = timespec()
    clock_gettime(CLOCK_REALTIME, &clock)
    guard clock.tv_sec - seen.modified.tv_sec < 2 else { return false }
    // A file just truncated to nothing is a writer between its truncate and its first write
    // (`cp` over the store): give it up to a second, not a tenth, to show its bytes.
    let patience = seen.size == 0 ? 20 : 2
    for _ in 0..<patience {
      usleep(50_000)
      if FileState(fd) != seen { return true }
    }
    return false
  }

  /// Gives back the whole pages of a mapped file from `start` to a megabyte before
  /// `offset`; returns where the pages given back now end. Private memory is kept (it would
  /// read back as zeros).
  func release(from start: Int, before offset: Int) -> Int {
    guard leased else { return start }
    let first = (start + Self.page - 1) / Self.page * Self.page
    let end = (offset - Self.chunk) / Self.page * Self.page
    guard end - first >= Self.chunk else { return start }
    madvise(base + first, end - first, Int32(MADV_DONTNEED))
    return end
  }
}
