import DubanCore
import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#endif

/// stdout for humans (aligned tables; colour only on a terminal) and for scripts (JSON).
enum Output {
  static var isTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

  static var useColor: Bool {
    isTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
      && ProcessInfo.processInfo.environment["TERM"] != "dumb"
  }

  /// The terminal's width, when stdout is one.
  static var terminalWidth: Int? {
    guard isTerminal else { return nil }
    var ws = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0 { return Int(ws.ws_col) }
    return Int(ProcessInfo.processInfo.environment["COLUMNS"] ?? "")
  }

  // Commands write to stdout only through the functions below (and `json`), and each
  // cleans what it writes with TerminalSafe: text (tables, messages, Markdown, CSV) shows
  // a control or invisible character as a placeholder, JSON escapes it as \uXXXX. stderr
  // is `note` (GlobalOptions.swift), cleaned the same way.

  /// Text for people: anything from the data that could act on a terminal is made visible.
  static func write(_ text: String) {
    write(TerminalSafe.block(text), to: STDOUT_FILENO)
  }

  /// Text for people handed out in pieces of whole lines (a long table): cleaned as `write`
  /// does, with a scan of the bytes that leaves clean pieces as they are.
  static func write(lines bytes: UnsafeBufferPointer<UInt8>) {
    if TerminalSafe.mayNeedCleaning(bytes, keepingNewlines: true) {
      write(String(decoding: bytes, as: UTF8.self))
    } else {
      write(bytes, to: STDOUT_FILENO)
    }
  }

  /// Text cleaned first, then given escape codes of our own (colour): `colour` is applied
  /// to the cleaned text and may add nothing but SGR codes.
  static func write(_ text: String, colouring colour: (String) -> String) {
    write(colour(TerminalSafe.block(text)), to: STDOUT_FILENO)
  }

  /// An export (Markdown, CSV or JSON) cleaned for its format.
  static func write(_ content: String, format: ExportFormat) {
    write(format.clean(content), to: STDOUT_FILENO)
  }

  /// Ends a successful command at once: freeing 100,000 items one by one only to exit
  /// takes longer than the kernel dropping the whole address space.
  static func exitWithoutCleanUp() -> Never { exit(0) }

  /// All of the text to a file descriptor (write may take it in parts).
  static func write(_ text: String, to fd: Int32) {
    var text = text
    text.withUTF8 { write($0, to: fd) }
  }

  static func write(_ bytes: UnsafeBufferPointer<UInt8>, to fd: Int32) {
    var offset = 0
    while offset < bytes.count {
      let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else { return }
      offset += n
    }
  }

  static func json<T: Encodable>(_ value: T) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    // JSONEncoder escapes C0 controls but leaves C1, DEL, bidi and invisible characters raw.
    var data = try encoder.encode(value)
    data.append(0x0A)
    if let escaped = data.withUnsafeBytes(TerminalSafe.json) {
      write(escaped, to: STDOUT_FILENO)
    } else {
      data.withUnsafeBytes { write($0.bindMemory(to: UInt8.self), to: STDOUT_FILENO) }
    }
  }

  /// Status words in colour on a terminal: green done, yellow in progress, red blocked.
  static func status(_ s: Status, _ lang: Lang) -> String {
    let label = s.label(lang)
    guard useColor else { return label }
    let code: String
    switch s {
    case .done: code = "32"
    case .inProgress: code = "33"
    case .blocked: code = "31"
    case .notStarted: return label
    }
    return "\u{1B}[\(code)m\(label)\u{1B}[0m"
  }
}
