import DubanCore
import DubanOffice
import Foundation

/// Turns whatever file the user has into the importer's input: plain text as it is, Word,
/// Excel and saved web pages into paragraphs and tables (DubanOffice), PDF and old Word/WPS
/// files through the programs Debian ships for them. Only the import command comes here, so
/// the dashboard never loads the office readers.
enum DocumentSource {
  enum Kind: String {
    case text, docx, xlsx, html, pdf, doc
  }

  /// By the file's first bytes where they tell (zip, OLE, %PDF, <html), else by its extension.
  static func kind(of path: String) -> Kind {
    let ext = (path as NSString).pathExtension.lowercased()
    let head = FileHandle(forReadingAtPath: path)?.readData(ofLength: 512) ?? Data()
    if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return ext == "xlsx" || ext == "xlsm" ? .xlsx : .docx }
    if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
      return ext == "docx" || ext == "xlsx" ? .docx : .doc
    }
    if head.starts(with: Array("%PDF".utf8)) { return .pdf }
    switch ext {
    case "docx", "docm": return .docx
    case "xlsx", "xlsm": return .xlsx
    case "html", "htm", "xhtml", "mht": return .html
    case "pdf": return .pdf
    case "doc", "wps", "rtf": return .doc
    default:
      let sniff = String(decoding: head.prefix(256), as: UTF8.self).lowercased()
      return sniff.contains("<html") || sniff.contains("<!doctype html") ? .html : .text
    }
  }

  static func importFile(at path: String, progress: ((Double) -> Void)?) throws -> DocumentImporter.Result {
    let kind = kind(of: path)
    if kind == .text { return try DocumentImporter.importFile(at: path, progress: progress) }
    guard FileManager.default.isReadableFile(atPath: path) else {
      // The text reader names every way a file cannot be opened.
      return try DocumentImporter.importFile(at: path, progress: progress)
    }
    do {
      let blocks = try readBlocks(path, kind: kind)
      let hasText = blocks.contains {
        switch $0 {
        case .text(let t): return !t.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        case .table(let rows): return rows.contains { $0.contains { !$0.isEmpty } }
        }
      }
      guard hasText else {
        throw ImportError(file: path, reason: "the \(kind.rawValue) file has no text", zh: "此 \(kind.rawValue) 文件没有文字")
      }
      let plan = try DocumentImporter.parse(blocks: blocks, file: path, progress: progress)
      return DocumentImporter.Result(plan: plan, encoding: kind.rawValue)
    } catch let e as OfficeError {
      throw ImportError(file: path, reason: e.reason, zh: e.zh)
    }
  }

  static func readBlocks(_ path: String, kind: Kind) throws -> [DocumentImporter.Block] {
    switch kind {
    case .docx: return merge(try DOCXReader.blocks(OfficeZip.open(path)))
    case .xlsx:
      var out: [DocumentImporter.Block] = []
      for sheet in try XLSXReader.sheets(OfficeZip.open(path)) where !sheet.rows.isEmpty {
        out.append(.table(sheet.rowsFillingMerged))
      }
      return out
    case .html:
      let data = try Data(contentsOf: URL(fileURLWithPath: path))
      return merge(try HTMLReader.blocks(data, name: path))
    case .pdf: return [.text(try ExternalText.text(of: path, with: ExternalText.pdf, kind: "PDF"))]
    case .doc: return [.text(try ExternalText.text(of: path, with: ExternalText.doc, kind: ".doc/.wps"))]
    case .text: return []
    }
  }

  /// Runs of paragraphs become one text block, tables stay tables.
  static func merge(_ blocks: [DOCXReader.Block]) -> [DocumentImporter.Block] {
    var out: [DocumentImporter.Block] = []
    var lines: [String] = []
    for b in blocks {
      switch b {
      case .paragraph(let p): lines.append(p)
      case .table(let rows):
        if !lines.isEmpty { out.append(.text(lines.joined(separator: "\n"))) }
        lines = []
        out.append(.table(rows))
      }
    }
    if !lines.isEmpty { out.append(.text(lines.joined(separator: "\n"))) }
    return out
  }
}
