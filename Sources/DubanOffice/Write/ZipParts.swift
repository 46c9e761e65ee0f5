import DubanCore
import Foundation
import ZIPFoundation

/// The zip container of .xlsx and .docx, by ZIPFoundation: parts written deflated with a
/// fixed date (the same content gives the same bytes), and read back with size limits.
enum ZipParts {
  /// 2019-01-01, so a file's bytes do not depend on when it was written.
  private static let fixedDate = Date(timeIntervalSince1970: 1_546_300_800)

  static func make(_ parts: [(path: String, xml: String)]) throws -> [UInt8] {
    let archive = try Archive(accessMode: .create)
    for part in parts {
      let bytes = Data(part.xml.utf8)
      try archive.addEntry(
        with: part.path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: fixedDate,
        compressionMethod: part.path == "docProps/app.xml" ? .none : .deflate
      ) { position, size in
        bytes.subdata(in: Int(position)..<Int(position) + size)
      }
    }
    guard let data = archive.data else { throw OfficeReadError.notZip }
    return [UInt8](data)
  }

  /// The parts of a zip, by path. Parts over `limit` bytes (uncompressed) are refused: a
  /// form is small, a zip bomb is not.
  static func read(_ bytes: [UInt8], limit: Int = 64 << 20) throws -> [String: [UInt8]] {
    guard bytes.starts(with: [0x50, 0x4B]) else { throw OfficeReadError.notZip }
    let archive: Archive
    do { archive = try Archive(data: Data(bytes), accessMode: .read) } catch { throw OfficeReadError.notZip }
    var out: [String: [UInt8]] = [:]
    var total = 0
    for entry in archive where entry.type == .file {
      total += Int(entry.uncompressedSize)
      guard entry.uncompressedSize <= limit, total <= 4 * limit else { throw OfficeReadError.tooLarge }
      var data = Data()
      do {
        _ = try archive.extract(entry) { data.append($0) }
      } catch {
        throw OfficeReadError.corrupt(entry.path)
      }
      out[entry.path] = [UInt8](data)
    }
    return out
  }
}
