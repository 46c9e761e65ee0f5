import DubanCore

/// Collecting a filled form (`duban-office read form`): `XLSXReader`'s sheets of a file in
/// memory, as the rows the sheets store, with the refusal as the code duban names it.
public enum XLSXFormReader {
  public static func sheets(_ bytes: [UInt8]) throws -> [SheetGrid] {
    do {
      let sheets = try XLSXReader.sheets(OfficeZip(bytes: bytes))
      guard !sheets.isEmpty else { throw OfficeReadError.notWorkbook }
      return sheets.map(\.grid)
    } catch let e as OfficeError {
      throw e.code ?? OfficeReadError.corrupt(e.reason)
    }
  }
}
