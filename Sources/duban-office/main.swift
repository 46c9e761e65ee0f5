// duban-office: reads one Word, Excel, web-page, PDF or .doc/.wps file for `duban import` and
// prints its paragraphs and tables as JSON on stdout. A program of its own so that duban —
// the dashboard users start all day — never loads Foundation, ICU or libxml2: only importing
// an office file pays for them.
//
//   duban-office read docx|xlsx|html|pdf|doc FILE
//   → {"blocks":[{"text":"…"},{"table":[["…"]]}]}        exit 0
//   → {"error":"…","zh":"…"}                               exit 2
//
// It also lays out duban's office files and reads filled forms back for `duban form`,
// `report`, `sheet`, `remind`, the dashboard's X and `duban collect`:
//
//   duban-office write xlsx|docx  < Workbook|WordDocument as JSON
//   → the file's bytes                                     exit 0
//   → {"error":"…","zh":"…"}                               exit 2
//   duban-office read form FILE
//   → {"sheets":[SheetGrid…]} or {"formError":OfficeReadError}   exit 0 / 2
import DubanCore
import DubanOffice
import Foundation

struct Block: Encodable {
  var text: String?
  var table: [[String]]?
  /// The sheet's name, for an .xlsx table (warnings name its cells: 工作表1!C12).
  var sheet: String?
}

struct Reply: Encodable {
  var blocks: [Block]?
  var sheets: [SheetGrid]?
  var formError: OfficeReadError?
  var error: String?
  var zh: String?
}

func blocks(_ read: [DOCXReader.Block]) -> [Block] {
  read.map {
    switch $0 {
    case .paragraph(let p): return Block(text: p)
    case .table(let rows): return Block(table: rows)
    }
  }
}

func read(kind: String, path: String) throws -> [Block] {
  switch kind {
  case "docx": return blocks(try DOCXReader.blocks(OfficeZip.open(path)))
  case "xlsx":
    return try XLSXReader.sheets(OfficeZip.open(path)).filter { !$0.rows.isEmpty }.map {
      Block(table: $0.rowsFillingMerged, sheet: $0.name)
    }
  case "html": return blocks(try HTMLReader.blocks(Data(contentsOf: URL(fileURLWithPath: path)), name: path))
  case "pdf": return [Block(text: try ExternalText.text(of: path, with: ExternalText.pdf, kind: "PDF"))]
  case "doc": return [Block(text: try ExternalText.text(of: path, with: ExternalText.doc, kind: ".doc/.wps"))]
  default: throw OfficeError("unknown kind \(kind)", zh: "未知的文件类型 \(kind)")
  }
}

/// The model on stdin, laid out as an office file.
func write(kind: String) throws -> [UInt8] {
  let input = FileHandle.standardInput.readDataToEndOfFile()
  switch kind {
  case "xlsx": return try XLSXWriter.data(JSONDecoder().decode(Workbook.self, from: input))
  case "docx": return try DOCXWriter.data(JSONDecoder().decode(WordDocument.self, from: input))
  default: throw OfficeError("unknown kind \(kind)", zh: "未知的文件类型 \(kind)")
  }
}

let args = CommandLine.arguments
var reply = Reply()
var status: Int32 = 0
if args.count == 3, args[1] == "write" {
  do {
    FileHandle.standardOutput.write(Data(try write(kind: args[2])))
    exit(0)
  } catch let e as OfficeError {
    (reply.error, reply.zh, status) = (e.reason, e.zh, 2)
  } catch {
    (reply.error, reply.zh, status) = ("cannot write the file (\(error))", "无法生成文件（\(error)）", 2)
  }
} else if args.count == 4, args[1] == "read", args[2] == "form" {
  do {
    reply.sheets = try XLSXFormReader.sheets([UInt8](Data(contentsOf: URL(fileURLWithPath: args[3]))))
  } catch let e as OfficeReadError {
    (reply.formError, status) = (e, 2)
  } catch {
    (reply.error, reply.zh, status) = ("cannot read the file (\(error))", "无法读取文件（\(error)）", 2)
  }
} else if args.count == 4, args[1] == "read" {
  do {
    reply.blocks = try read(kind: args[2], path: args[3])
  } catch let e as OfficeError {
    (reply.error, reply.zh, status) = (e.reason, e.zh, 2)
  } catch {
    (reply.error, reply.zh, status) = ("cannot read the file (\(error))", "无法读取文件（\(error)）", 2)
  }
} else {
  FileHandle.standardError.write(
    Data("usage: duban-office read docx|xlsx|html|pdf|doc|form FILE | duban-office write xlsx|docx < JSON\n".utf8))
  exit(2)
}
FileHandle.standardOutput.write((try? JSONEncoder().encode(reply)) ?? Data("{\"error\":\"cannot encode\"}".utf8))
exit(status)
