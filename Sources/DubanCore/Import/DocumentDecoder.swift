import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#endif

/// Why a document cannot be imported. The message names the file and, where there is one,
/// the line; the command line turns it into exit code 2. `reason` is English (`description`,
/// for logs), `reasonZh` the same in Chinese; `message(_:)` picks the interface's language.
public struct ImportError: Error, Equatable, CustomStringConvertible {
  public var file: String
  public var line: Int?
  public var reason: String
  public var reasonZh: String?

  public init(file: String, line: Int? = nil, reason: String, zh: String? = nil) {
    self.file = file
    self.line = line
    self.reason = reason
    self.reasonZh = zh
  }

  public var description: String { message(.en) }

  public func message(_ lang: Lang) -> String {
    let reason = lang == .zh ? (reasonZh ?? self.reason) : self.reason
    if let line { return "\(file):\(line): \(reason)" }
    return "\(file): \(reason)"
  }
}

/// Turns the bytes of a document into lines of text, detecting the encoding: UTF-8 with or
/// without BOM, UTF-16 with BOM, and GB18030/GBK (documents saved on Chinese Windows).
public enum DocumentDecoder {
  /// Longer lines are not prose: a document with one is refused rather than parsed.
  public static let maxLineBytes = 1 << 20

  public struct Decoded: Sendable {
    public var text: String
    public var encoding: String
  }

  public static func decode(_ data: Data, file: String) throws -> Decoded {
    if data.isEmpty { throw ImportError(file: file, reason: "the file is empty", zh: "文件是空的") }
    let bytes = [UInt8](data)
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      let enc: String.Encoding = bytes[0] == 0xFF ? .utf16LittleEndian : .utf16BigEndian
      guard let text = String(data: Data(bytes[2...]), encoding: enc) else {
        throw ImportError(
          file: file, reason: "the file starts with a UTF-16 mark but is not valid UTF-16",
          zh: "文件以 UTF-16 标记开头，但内容不是有效的 UTF-16")
      }
      return Decoded(text: try checked(text, file: file), encoding: "UTF-16")
    }
    try checkLineLengths(bytes, file: file)
    var body = bytes[...]
    var encoding = "UTF-8"
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      body = bytes[3...]
      encoding = "UTF-8 (BOM)"
    }
    if let text = String(validating: body, as: UTF8.self) {
      return Decoded(text: try checked(text, file: file), encoding: encoding)
    }
    if let text = iconv(Array(body), from: "GB18030") {
      return Decoded(text: try checked(text, file: file), encoding: "GB18030")
    }
    let offset = firstInvalidUTF8(body)
    throw ImportError(
      file: file, line: lineNumber(at: offset, in: bytes),
      reason:
        "not text in UTF-8 or GB18030 (invalid byte at offset \(offset)); save the document as UTF-8 text and try again",
      zh: "不是 UTF-8 或 GB18030 文本（第 \(offset) 字节无效）；请把文档另存为 UTF-8 文本后再导入"
    )
  }

  /// Binary files: NUL bytes or a high share of control characters.
  private static func checked(_ text: String, file: String) throws -> String {
    var controls = 0
    var total = 0
    var line = 1
    for s in text.unicodeScalars {
      total += 1
      if s == "\n" { line += 1 }
      if s.value == 0 {
        throw ImportError(
          file: file, line: line, reason: "the file contains NUL bytes: it is binary, not a text document",
          zh: "文件含有 NUL 字节：这是二进制文件，不是文本文档")
      }
      if s.value < 0x20 && s != "\n" && s != "\r" && s != "\t" && s != "\u{0C}" { controls += 1 }
    }
    if total > 0 && controls * 20 > total {
      throw ImportError(
        file: file, reason: "the file is mostly control characters: it is binary, not a text document",
        zh: "文件大部分是控制字符：这是二进制文件，不是文本文档")
    }
    return text
  }

  private static func checkLineLengths(_ bytes: [UInt8], file: String) throws {
    var start = 0
    var line = 1
    try bytes.withUnsafeBufferPointer { buf in
      while start <= buf.count {
        let rest = buf.count - start
        let found = rest > 0 ? memchr(buf.baseAddress! + start, 0x0A, rest) : nil
        let end = found.map { UnsafeRawPointer($0) - UnsafeRawPointer(buf.baseAddress!) } ?? buf.count
        if end - start > maxLineBytes { throw tooLong(line: line, length: end - start, file: file) }
        guard found != nil else { return }
        start = end + 1
        line += 1
      }
    }
  }

  private static func tooLong(line: Int, length: Int, file: String) -> ImportError {
    ImportError(
      file: file, line: line,
      reason: "line is \(length) bytes long (limit \(maxLineBytes)); this is not a task document",
      zh: "这一行长 \(length) 字节（上限 \(maxLineBytes)）：这不是任务分解文档")
  }

  private static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int {
    var it = bytes.makeIterator()
    var decoder = UTF8()
    var consumed = 0
    var lastGood = bytes.startIndex
    while true {
      switch decoder.decode(&it) {
      case .scalarValue(let s):
        consumed += UTF8.width(s)
        lastGood = bytes.startIndex + consumed
      case .emptyInput: return lastGood
      case .error: return lastGood
      }
    }
  }

  private static func lineNumber(at offset: Int, in bytes: [UInt8]) -> Int {
    bytes[..<min(offset, bytes.count)].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
  }

  /// glibc's iconv, strict: any byte sequence the encoding cannot map fails the whole decode.
  static func iconv(_ input: [UInt8], from encoding: String) -> String? {
    #if canImport(Glibc)
      let cd = iconv_open("UTF-8", encoding)
      if cd == iconv_t(bitPattern: -1) { return nil }
      defer { iconv_close(cd) }
      var inBytes = input.map { CChar(bitPattern: $0) }
      var output = [CChar](repeating: 0, count: input.count * 2 + 16)
      let produced: Int? = inBytes.withUnsafeMutableBufferPointer { inBuf in
        output.withUnsafeMutableBufferPointer { outBuf in
          var inPtr: UnsafeMutablePointer<CChar>? = inBuf.baseAddress
          var inLeft = inBuf.count
          var outPtr: UnsafeMutablePointer<CChar>? = outBuf.baseAddress
          var outLeft = outBuf.count
          let r = Glibc.iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
          if r == -1 || inLeft != 0 { return nil }
          return outBuf.count - outLeft
        }
      }
      guard let produced else { return nil }
      return String(validating: output[..<produced].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    #else
      return nil
    #endif
  }
}
