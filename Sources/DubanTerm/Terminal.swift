import CDubanSignals
import CNCursesW
import DubanCore
import DubanTUI
import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#endif

/// The only code that talks to ncurses: starts and restores the terminal, reads keys,
/// flushes a Screen (ncurses does the diffing), and hands the terminal to $EDITOR.
public final class Terminal {
  private let window: UnsafeMutablePointer<WINDOW>
  private let colors: Bool
  private var active = true
  /// Set once the terminal is found gone (EOF, EIO, hang-up); reported as SIGHUP.
  private var hungUp = false
  /// wget_wch calls in a row that returned ERR without waiting out their timeout.
  private var quickErrors = 0

  public struct NotATerminal: Error, CustomStringConvertible {
    public var description: String
  }

  /// Refuses when stdin or stdout is not a terminal, or the terminal cannot draw the
  /// dashboard (no terminfo entry, no cursor addressing as with TERM=dumb), before ncurses
  /// touches the screen. Installs the signal handlers, once, before ncurses starts.
  public init(noColor: Bool) throws {
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
      throw NotATerminal(
        description:
          "the dashboard needs a terminal on stdin and stdout; in scripts use `duban list`, `duban units` or `duban mark`"
      )
    }
    let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
    guard duban_terminal_can_draw(STDOUT_FILENO) == 1 else {
      throw NotATerminal(
        description:
          "this terminal (TERM=\(term.isEmpty ? "unset" : term)) cannot draw the dashboard; use `duban list`, `duban units` or `duban mark`, or a terminal such as TERM=xterm-256color"
      )
    }
    duban_install_signal_handlers()
    Terminal.setUTF8Locale()
    guard let w = duban_start() else {
      throw NotATerminal(
        description:
          "cannot start the terminal (TERM=\(term.isEmpty ? "unset" : term)); use `duban list`, `duban units` or `duban mark`"
      )
    }
    window = w
    cbreak()
    // Ctrl-S saves a form: take it (and Ctrl-Q) back from terminal flow control.
    var tio = termios()
    if tcgetattr(STDIN_FILENO, &tio) == 0 {
      tio.c_iflag &= ~tcflag_t(IXON)
      tcsetattr(STDIN_FILENO, TCSANOW, &tio)
    }
    def_prog_mode()
    noecho()
    nonl()
    keypad(w, true)
    set_escdelay(25)
    wtimeout(w, 250)
    curs_set(0)
    mousemask(mmask_t(duban_all_mouse_events()), nil)
    mouseinterval(0)
    colors = !noColor && has_colors()
    if colors {
      start_color()
      use_default_colors()
      for style in Style.allCases { Terminal.definePair(style) }
    }
  }

  deinit { stop() }

  /// Restores the terminal; safe to call more than once.
  public func stop() {
    guard active else { return }
    active = false
    curs_set(1)
    endwin()
  }

  public var size: (rows: Int, columns: Int) { (Int(getmaxy(window)), Int(getmaxx(window))) }

  /// The signal that asked us to stop (SIGTERM, SIGHUP, SIGINT), if one arrived; SIGHUP
  /// once the terminal is gone.
  public func takeSignal() -> Int32 {
    let signal = duban_take_signal()
    return signal != 0 ? signal : hungUp ? SIGHUP : 0
  }

  /// The next key, or nil when none came within the poll interval (wget_wch blocks up to
  /// 250 ms). A terminal that is gone makes wget_wch return ERR at once, forever: that is a
  /// hang-up (`takeSignal` says SIGHUP), never a loop that spins.
  public func readKey() -> Key? {
    var wch: wint_t = 0
    let started = Terminal.milliseconds()
    let r = wget_wch(window, &wch)
    if r == ERR {
      if Terminal.milliseconds() - started >= 100 {
        quickErrors = 0
      } else {
        // Not a timeout: interrupted by a signal, or the terminal is gone. A live terminal
        // never returns ERR at once many times in a row.
        quickErrors += 1
        if duban_terminal_gone(STDIN_FILENO) == 1 || quickErrors >= 20 { hungUp = true }
      }
      return nil
    }
    quickErrors = 0
    if r == KEY_CODE_YES {
      switch Int32(wch) {
      case KEY_UP: return .up
      case KEY_DOWN: return .down
      case KEY_LEFT: return .left
      case KEY_RIGHT: return .right
      case KEY_PPAGE: return .pageUp
      case KEY_NPAGE: return .pageDown
      case KEY_HOME: return .home
      case KEY_END: return .end
      case KEY_BTAB: return .backTab
      case KEY_BACKSPACE: return .backspace
      case KEY_DC: return .delete
      case KEY_ENTER: return .enter
      case KEY_RESIZE: return .resize(rows: size.rows, columns: size.columns)
      case KEY_MOUSE: return mouse()
      default: return nil
      }
    }
    switch wch {
    case 9: return .tab
    case 10, 13: return .enter
    case 27: return .escape
    case 8, 127: return .backspace
    case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(wch) + 96)))
    default:
      guard let scalar = Unicode.Scalar(UInt32(wch)) else { return nil }
      return .char(Character(scalar))
    }
  }

  private func mouse() -> Key? {
    var event = MEVENT()
    guard getmouse(&event) == OK else { return nil }
    let state = UInt(event.bstate)
    if state & UInt(duban_button4()) != 0 { return .scrollUp }
    if state & UInt(duban_button5()) != 0 { return .scrollDown }
    if state & UInt(duban_button1_clicked()) != 0 { return .click(row: Int(event.y), column: Int(event.x)) }
    return nil
  }

  /// Writes the frame: runs of cells with one style go out as one wide string.
  public func draw(_ screen: Screen) {
    for row in 0..<screen.rows {
      var column = 0
      while column < screen.columns {
        let style = screen[row, column].style
        var text: [wchar_t] = []
        let start = column
        while column < screen.columns, screen[row, column].style == style {
          let cell = screen[row, column]
          if !cell.isContinuation {
            for s in cell.character.unicodeScalars { text.append(wchar_t(bitPattern: s.value)) }
          }
          column += 1
        }
        apply(style)
        text.append(0)
        _ = text.withUnsafeBufferPointer {
          mvwaddnwstr(window, Int32(row), Int32(start), $0.baseAddress, Int32(text.count - 1))
        }
      }
    }
    duban_set_style(window, duban_A_NORMAL, 0)
    if let cursor = screen.cursor {
      curs_set(1)
      wmove(window, Int32(cursor.row), Int32(cursor.column))
    } else {
      curs_set(0)
    }
    wrefresh(window)
  }

  /// Hands the terminal to $EDITOR (default vi) on a file holding `initial`; returns the text.
  public func editExternally(_ initial: String) -> String? {
    let tmp = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    let path = PathText.join(tmp, "duban-note-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).txt")
    guard FileManager.default.createFile(atPath: path, contents: Data(initial.utf8)) else { return nil }
    defer { try? FileManager.default.removeItem(atPath: path) }
    def_prog_mode()
    endwin()
    let editor = ProcessInfo.processInfo.environment["VISUAL"] ?? ProcessInfo.processInfo.environment["EDITOR"] ?? "vi"
    let ok = Self.runShell(["-c", "\(editor) \"$1\"", "sh", path])
    // A Ctrl-C typed in the editor was meant for the editor, not for us.
    duban_forget_interrupt()
    reset_prog_mode()
    clearok(window, true)
    wrefresh(window)
    guard ok, let data = FileManager.default.contents(atPath: path) else { return nil }
    return String(decoding: data, as: UTF8.self)
  }

  private static func milliseconds() -> Int64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000
  }

  /// /bin/sh with these arguments on this terminal; true when it exits 0.
  static func runShell(_ arguments: [String]) -> Bool {
    let argv = (["/bin/sh"] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    guard posix_spawn(&pid, "/bin/sh", nil, nil, argv, environ) == 0 else { return false }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return status == 0
  }

  private func apply(_ style: Style) {
    let a = Terminal.attributes(style, colors: colors)
    duban_set_style(window, a.attrs, a.pair)
  }

  /// The ncurses form of a style's appearance (the table lives in DubanTUI, where the
  /// goldens read it).
  static func attributes(_ style: Style, colors: Bool) -> (attrs: UInt32, pair: Int16) {
    let look = style.appearance(colors: colors)
    var attrs = duban_A_NORMAL
    if look.bold { attrs |= duban_A_BOLD }
    if look.reverse { attrs |= duban_A_REVERSE }
    if look.underline { attrs |= duban_A_UNDERLINE }
    if look.dim { attrs |= duban_A_DIM }
    let coloured = colors && (look.foreground != nil || look.background != nil)
    return (attrs, coloured ? Int16(style.rawValue + 1) : 0)
  }

  static func definePair(_ style: Style) {
    let look = style.appearance(colors: true)
    init_pair(Int16(style.rawValue + 1), Int16(number(look.foreground)), Int16(number(look.background)))
  }

  static func number(_ color: Appearance.Color?) -> Int32 {
    switch color {
    case nil: return -1
    case .black: return COLOR_BLACK
    case .red: return COLOR_RED
    case .green: return COLOR_GREEN
    case .yellow: return COLOR_YELLOW
    case .blue: return COLOR_BLUE
    case .magenta: return COLOR_MAGENTA
    case .cyan: return COLOR_CYAN
    case .white: return COLOR_WHITE
    }
  }

  /// CJK and box drawing vanish without a UTF-8 locale: use the user's, else C.UTF-8.
  static func setUTF8Locale() {
    setlocale(LC_ALL, "")
    let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
    if codeset.uppercased().replacing("-", with: "") != "UTF8" {
      setlocale(LC_ALL, "C.UTF-8")
    }
  }
}
