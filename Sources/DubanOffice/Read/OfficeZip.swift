import Foundation
import ZIPFoundation

/// An Office Open XML file (.docx, .xlsx) opened as the zip container it is, read one part at a
/// time with bounds: a part may not unpack to more than `partLimit` bytes, nor all parts read
/// to more than `totalLimit`, whatever the headers claim (a zip bomb stops at the limit, not at
/// the end of memory).
public final class OfficeZip {
  /// The largest part read: a worksheet or document body of 64 MiB of XML is far past any
  /// plan of the genre.
  public static let partLimit = 64 << 20
  /// All parts read from one file together (a workbook of many large sheets).
  public static let totalLimit = 4 * partLimit

  let archive: Archive
  private var unpacked = 0

  init(archive: Archive) { self.archive = archive }

  /// Opens `path`, or says why it is not an Office file.
  public static func open(_ path: String) throws -> OfficeZip {
    try refuseOLE(FileHandle(forReadingAtPath: path)?.readData(ofLength: 8) ?? Data())
    do {
      return OfficeZip(archive: try Archive(url: URL(fileURLWithPath: path), accessMode: .read))
    } catch {
      throw notZip
    }
  }

  /// The same for a file already in memory (a form sent back by a unit).
  public convenience init(bytes: [UInt8]) throws {
    try Self.refuseOLE(Data(bytes.prefix(8)))
    let archive: Archive
    do { archive = try Archive(data: Data(bytes), accessMode: .read) } catch { throw Self.notZip }
    self.init(archive: archive)
  }

  /// An encrypted (password-protected) document and an old binary .doc/.xls are OLE files,
  /// not zips: say which, rather than "damaged".
  static func refuseOLE(_ head: Data) throws {
    guard head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) else { return }
    throw OfficeError(
      "a password-protected Office file or an old binary Word/Excel file (not .docx/.xlsx): remove the password, or save it as .docx/.xlsx",
      zh: "这是加了密码的 Office 文件，或旧版二进制 Word/Excel 文件（不是 .docx/.xlsx）：请去掉密码，或另存为 .docx/.xlsx",
      code: .notZip)
  }

  static let notZip = OfficeError(
    "not a .docx/.xlsx file (not a readable zip container)", zh: "不是 .docx/.xlsx 文件（无法作为 zip 读取）", code: .notZip)

  public func has(_ part: String) -> Bool { archive[part] != nil }

  /// The part's bytes, or nil when the container has no such part.
  public func read(_ part: String) throws -> Data? {
    guard let entry = archive[part] else { return nil }
    if entry.uncompressedSize > UInt64(Self.partLimit) { throw Self.tooLarge(part) }
    var data = Data()
    do {
      _ = try archive.extract(entry, skipCRC32: false) { chunk in
        data.append(chunk)
        if data.count > Self.partLimit { throw Self.tooLarge(part) }
        if self.unpacked + data.count > Self.totalLimit { throw Self.tooLarge(nil) }
      }
    } catch let e as OfficeError {
      throw e
    } catch {
      throw OfficeError(
        "the part \(part) is damaged (\(error))", zh: "文件中的 \(part) 已损坏（\(error)）", code: .corrupt(part))
    }
    unpacked += data.count
    return data
  }

  /// One part (or, for nil, all parts read together) past its limit.
  static func tooLarge(_ part: String?) -> OfficeError {
    let what = part ?? "the file's parts"
    let limit = (part == nil ? totalLimit : partLimit) >> 20
    return OfficeError(
      "\(what) unpack\(part == nil ? "" : "s") to more than \(limit) MiB: refused (a zip bomb, or not a plan)",
      zh: "\(part ?? "文件各部分") 解压后超过 \(limit) MiB，拒绝读取（疑似压缩炸弹，或不是分解方案）", code: .tooLarge)
  }
}
