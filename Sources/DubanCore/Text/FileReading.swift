#if canImport(Glibc)
  import Glibc
#endif

/// Reads a whole file, or says in the system's words why not ("No such file or directory").
public enum FileReading {
  public struct Failure: Error, CustomStringConvertible {
    /// The errno.
    public var code: Int32
    public var description: String { SystemError.text(code, .en) }
    public func message(_ lang: Lang) -> String { SystemError.text(code, lang) }
  }

  public static func bytes(at path: String) throws -> [UInt8] {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw Failure(code: errno) }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0 else { throw Failure(code: errno) }
    guard st.st_mode & S_IFMT != S_IFDIR else { throw Failure(code: EISDIR) }
    var out: [UInt8] = []
    out.reserveCapacity(Int(st.st_size))
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if n < 0 && errno == EINTR { continue }
      guard n >= 0 else { throw Failure(code: errno) }
      if n == 0 { return out }
      out.append(contentsOf: chunk[..<n])
    }
  }
}
