import DubanCore
import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#endif

/// Turns whatever file the user has into the importer's input: plain text as it is; Word,
/// Excel, saved web pages, PDF and old Word/WPS files through `duban-office`, a program of
/// its own installed beside duban. Linking the office readers into duban would load
/// Foundation, ICU and libxml2 into every dashboard start (measured: +7 ms to the first frame,
/// +4.6 MiB); spawned, they cost only the import that needs them.
enum DocumentSource {
  enum Kind: String {
    case text, docx, xlsx, html, pdf, doc
  }

  /// By the file's first bytes where they tell (zip, OLE, %PDF, <html), else by its extension.
  static func kind(of path: String) -> Kind {
    let ext = PathText.lastComponent(of: path).split(separator: ".").last.map { $0.lowercased() } ?? ""
    var head = [UInt8](repeating: 0, count: 512)
    let fd = open(path, O_RDONLY)
    let n = fd >= 0 ? Glibc.read(fd, &head, head.count) : 0
    if fd >= 0 { close(fd) }
    head = Array(head.prefix(max(0, n)))
    if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return ext == "xlsx" || ext == "xlsm" ? .xlsx : .docx }
    if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { return ext == "docx" || ext == "xlsx" ? .docx : .doc }
    if head.starts(with: Array("%PDF".utf8)) { return .pdf }
    switch ext {
    case "docx", "docm": return .docx
    case "xlsx", "xlsm": return .xlsx
    case "html", "htm", "xhtml": return .html
    case "pdf": return .pdf
    case "doc", "wps", "rtf": return .doc
    default:
      let sniff = String(decoding: head.prefix(256), as: UTF8.self).lowercased()
      return sniff.contains("<html") || sniff.contains("<!doctype html") ? .html : .text
    }
  }

  static func importFile(at path: String, progress: ((Double) -> Void)?) throws -> DocumentImporter.Result {
    let kind = kind(of: path)
    // The text reader names every way a file cannot be opened.
    if kind == .text || access(path, R_OK) != 0 { return try DocumentImporter.importFile(at: path, progress: progress) }
    let blocks = try OfficeHelper.read(kind: kind.rawValue, path: path)
    let hasText = blocks.contains {
      switch $0 {
      case .text(let t): return !t.trimmed.isEmpty
      case .table(let rows), .sheet(_, let rows): return rows.contains { $0.contains { !$0.isEmpty } }
      }
    }
    guard hasText else {
      throw ImportError(file: path, reason: "the \(kind.rawValue) file has no text", zh: "此 \(kind.rawValue) 文件没有文字")
    }
    let plan = try DocumentImporter.parse(blocks: blocks, file: path, progress: progress)
    return DocumentImporter.Result(plan: plan, encoding: kind.rawValue)
  }
}
