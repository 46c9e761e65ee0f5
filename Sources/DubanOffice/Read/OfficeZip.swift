import Foundation
import ZIPFoundation

/// An Office Open XML file (.docx, .xlsx) opened as the zip container it is, read one part at a
/// time with bounds: a part may not unpack to more than `partLimit` bytes, whatever its header
/// claims (a zip bomb stops at the limit, not at the end of memory).
public struct OfficeZip {
  /// The largest part read: a worksheet or document body of 64 MiB of XML is far past any
  /// plan of the genre.
  public static let partLimit = 64 << 20

  let archive: Archive

  /// Opens `path`, or says why it is not an Office file: an encrypted (password-protected)
  /// document and an old binary .doc/.xls are OLE files, not zips.
  public static func open(_ path: String) throws -> OfficeZip {
    let url = URL(fileURLWithPath: path)
    if let head = FileHandle(forReadingAtPath: path)?.readData(ofLength: 8),
      head.starts(with: [0xD0, 0xCF, 0x11, 0xE0])
    {
      throw OfficeError(
        "a password-protected Office file or an old binary Word/Excel file (not .docx/.xlsx): remove the password, or save it as .docx/.xlsx",
        zh: "这是加了密码的 Office 文件，或旧版二进制 Word/Excel 文件（不是 .docx/.xlsx）：请去掉密码，或另存为 .docx/.xlsx")
    }
    do {
      return OfficeZip(archive: try Archive(url: url, accessMode: .read))
    } catch {
      throw OfficeError("not a .docx/.xlsx file (not a readable zip container)", zh: "不是 .docx/.xlsx 文件（无法作为 zip 读取）")
    }
  }

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
      }
    } catch let e as OfficeError {
      throw e
    } catch {
      throw OfficeError("the part \(part) is damaged (\(error))", zh: "文件中的 \(part) 已损坏（\(error)）")
    }
    return data
  }

  static func tooLarge(_ part: String) -> OfficeError {
    OfficeError(
      "\(part) unpacks to more than \(partLimit >> 20) MiB: refused (a zip bomb, or not a plan)",
      zh: "\(part) 解压后超过 \(partLimit >> 20) MiB，拒绝读取（疑似压缩炸弹，或不是分解方案）")
  }
}
