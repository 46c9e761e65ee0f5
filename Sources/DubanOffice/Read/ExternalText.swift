import Foundation

/// PDF and old Word/WPS files are read through the programs Debian ships for them, when one is
/// installed; otherwise the message names the package to install.
public enum ExternalText {
  public struct Tool: Sendable {
    public var program: String
    public var arguments: @Sendable (String) -> [String]
    public var package: String

    public init(program: String, arguments: @escaping @Sendable (String) -> [String], package: String) {
      self.program = program
      self.arguments = arguments
      self.package = package
    }
  }

  /// pdftotext keeps the page's layout (columns of a table stay apart) and writes to stdout.
  public static let pdf = [
    Tool(program: "pdftotext", arguments: { ["-layout", "-enc", "UTF-8", $0, "-"] }, package: "poppler-utils")
  ]

  /// .doc and .wps: antiword, catdoc, or LibreOffice converting to text on stdout.
  public static let doc = [
    Tool(program: "antiword", arguments: { ["-m", "UTF-8.txt", $0] }, package: "antiword"),
    Tool(program: "catdoc", arguments: { ["-d", "utf-8", $0] }, package: "catdoc"),
    Tool(program: "soffice", arguments: { ["--headless", "--cat", $0] }, package: "libreoffice-writer-nogui"),
  ]

  /// The first installed tool's text.
  public static func text(of path: String, with tools: [Tool], kind: String) throws -> String {
    for tool in tools {
      guard let exe = which(tool.program) else { continue }
      let p = Process()
      p.executableURL = URL(fileURLWithPath: exe)
      p.arguments = tool.arguments(path)
      let out = Pipe()
      p.standardOutput = out
      p.standardError = FileHandle.nullDevice
      p.standardInput = FileHandle.nullDevice
      do { try p.run() } catch { continue }
      let data = out.fileHandleForReading.readDataToEndOfFile()
      p.waitUntilExit()
      guard p.terminationStatus == 0, let s = String(data: data, encoding: .utf8), !s.isEmpty else {
        throw OfficeError(
          "\(tool.program) could not read this \(kind) (exit \(p.terminationStatus)); it may be scanned images or protected",
          zh: "\(tool.program) 无法读取此 \(kind)（退出码 \(p.terminationStatus)）；可能是扫描图片或受保护的文件")
      }
      return s
    }
    let names = tools.map(\.program).joined(separator: ", ")
    let packages = tools.map(\.package)
    throw OfficeError(
      "reading a \(kind) needs \(names); install one: sudo apt-get install \(packages[0])"
        + (packages.count > 1 ? " (or \(packages.dropFirst().joined(separator: ", ")))" : ""),
      zh: "读取 \(kind) 需要 \(names) 之一；请安装：sudo apt-get install \(packages[0])"
        + (packages.count > 1 ? "（或 \(packages.dropFirst().joined(separator: "、"))）" : ""))
  }

  static func which(_ program: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for dir in path.split(separator: ":") {
      let candidate = "\(dir)/\(program)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }
}
