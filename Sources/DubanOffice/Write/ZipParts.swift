import DubanCore
import Foundation
import ZIPFoundation

/// The zip container of .xlsx and .docx, by ZIPFoundation: parts written deflated with a
/// fixed date (the same content gives the same bytes). Reading is Read/OfficeZip's.
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
}
