/// How each style looks on a terminal, with colours and without: the one table the
/// backend draws from and the goldens record, so a selection drawn invisibly (black on the
/// default background, say) shows up in review and fails a test.
public struct Appearance: Equatable, Sendable, CustomStringConvertible {
  public enum Color: String, Sendable {
    case black, red, green, yellow, blue, magenta, cyan, white
  }

  /// nil: the terminal's default (which may be dark or light).
  public var foreground: Color?
  public var background: Color?
  public var bold = false
  public var reverse = false
  public var underline = false
  public var dim = false

  public init(
    foreground: Color? = nil, background: Color? = nil, bold: Bool = false, reverse: Bool = false,
    underline: Bool = false, dim: Bool = false
  ) {
    self.foreground = foreground
    self.background = background
    self.bold = bold
    self.reverse = reverse
    self.underline = underline
    self.dim = dim
  }

  /// Stands out from the default on a dark and on a light theme alike: reverse video, an
  /// underline, or a coloured background that is neither black nor white.
  public var standsOut: Bool {
    reverse || underline || (background.map { $0 != .black && $0 != .white } ?? false)
  }

  public var description: String {
    var parts: [String] = []
    if let foreground { parts.append("fg=\(foreground.rawValue)") }
    if let background { parts.append("bg=\(background.rawValue)") }
    if bold { parts.append("bold") }
    if reverse { parts.append("reverse") }
    if underline { parts.append("underline") }
    if dim { parts.append("dim") }
    return parts.isEmpty ? "default" : parts.joined(separator: " ")
  }
}

extension Style {
  public func appearance(colors: Bool) -> Appearance {
    switch (self, colors) {
    case (.normal, _): return Appearance()
    case (.title, true): return Appearance(foreground: .white, background: .blue, bold: true)
    case (.title, false): return Appearance(reverse: true)
    case (.border, true): return Appearance()
    case (.border, false): return Appearance(dim: true)
    case (.activeBorder, true), (.header, true): return Appearance(foreground: .cyan, bold: true)
    case (.activeBorder, false), (.header, false): return Appearance(bold: true)
    case (.selected, _): return Appearance(reverse: true)
    // The selection of a pane without focus: underlined, never a colour that vanishes on
    // one of the two themes.
    case (.selectedInactive, _): return Appearance(underline: true)
    case (.dim, _): return Appearance(dim: true)
    case (.match, true): return Appearance(foreground: .black, background: .yellow, bold: true)
    case (.match, false): return Appearance(bold: true, underline: true)
    case (.notStarted, _): return Appearance()
    case (.inProgress, true): return Appearance(foreground: .yellow)
    case (.done, true), (.ok, true): return Appearance(foreground: .green)
    case (.blocked, true): return Appearance(foreground: .red)
    case (.error, true): return Appearance(foreground: .red, bold: true)
    case (.warning, true): return Appearance(foreground: .yellow, bold: true)
    case (.error, false), (.warning, false): return Appearance(bold: true)
    case (.inProgress, false), (.done, false), (.ok, false), (.blocked, false): return Appearance()
    }
  }
}

extension Screen {
  /// The frame's styles, one letter per cell (a–p by style, `.` for normal), then a legend
  /// of the letters used with what each looks like with and without colours.
  public func styleMap() -> String {
    func letter(_ s: Style) -> Character {
      s == .normal ? "." : Character(Unicode.Scalar(UInt8(0x61 + s.rawValue)))
    }
    var lines: [String] = []
    var used = Set<Style>()
    for row in 0..<rows {
      var line = ""
      for column in 0..<columns {
        let style = self[row, column].style
        used.insert(style)
        line.append(letter(style))
      }
      lines.append(line)
    }
    for style in Style.allCases where used.contains(style) && style != .normal {
      lines.append(
        "\(letter(style)) \(style): \(style.appearance(colors: true)) | mono: \(style.appearance(colors: false))")
    }
    return lines.joined(separator: "\n")
  }
}
