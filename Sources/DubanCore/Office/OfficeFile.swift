import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#endif

/// Writing an office file: atomically, and never over a file duban did not write without
/// `force` (the same rule as `ExportFile` for text exports). The CLI and the dashboard both
/// write through here; the bytes come from duban-office.
public enum OfficeFile {
  /// docProps/app.xml, stored first and uncompressed by duban-office's writers, names duban
  /// as the application.
  public static let application = "<Application>duban</Application>"

  /// True when the bytes begin like an office file duban wrote.
  public static func isOurs(_ head: [UInt8]) -> Bool {
    let text = String(decoding: head.prefix(4096), as: UTF8.self)
    return head.starts(with: [0x50, 0x4B, 0x03, 0x04]) && text.contains(application)
  }

  public static func isOurs(_ path: String) -> Bool {
    guard let data = FileManager.default.contents(atPath: path) else { return false }
    return isOurs([UInt8](data.prefix(4096)))
  }

  public static func write(_ bytes: [UInt8], to path: String, force: Bool) throws {
    if FileManager.default.fileExists(atPath: path) && !force && !isOurs(path) {
      throw ExportFile.Refused(refusing: path)
    }
    _ = try AtomicFile.write(Data(bytes), to: path, backup: false)
  }
}

extension OfficeFile {
  /// nil when nothing is at the path; else whether it is a folder.
  public static func isDirectory(_ path: String) -> Bool? {
    var st = stat()
    guard stat(path, &st) == 0 else { return nil }
    return (st.st_mode & S_IFMT) == S_IFDIR
  }
}
