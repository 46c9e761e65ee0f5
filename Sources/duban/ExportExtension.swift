import DubanCore

/// The one rule every export command follows for `--format` and `--out`: the file's
/// extension decides when `--format` is not given (`--out 通报.docx` writes Word); when both
/// are given they must agree (`--format xlsx --out q2.docx` is refused, exit 2, nothing
/// written) — never a workbook under a .docx name. An extension that names no format
/// (.txt, none) leaves `--format` or the command's default.
extension OutputFormat {
  /// The format a path's extension names (.md and .markdown, .csv, .json, .xlsx, .docx).
  init?(extensionOf path: String?) {
    guard let path, let name = path.split(separator: "/").last, let dot = name.lastIndex(of: ".") else {
      return nil
    }
    let ext = name[name.index(after: dot)...].lowercased()
    self.init(rawValue: ext == "markdown" ? "md" : ext)
  }

  static func resolve(_ given: OutputFormat?, out: String?, default: OutputFormat, lang: Lang) throws -> OutputFormat {
    guard let named = OutputFormat(extensionOf: out) else { return given ?? `default` }
    if let given, given != named {
      throw Failure(
        lang.pick(
          "--format \(given.rawValue) 与 --out \(out ?? "") 的扩展名 .\(named.rawValue) 不一致，什么也没有写入；去掉 --format 按扩展名导出，或改用 .\(given.rawValue) 文件名",
          "--format \(given.rawValue) does not match the .\(named.rawValue) of --out \(out ?? ""); nothing written (drop --format to follow the extension, or name a .\(given.rawValue) file)"
        ))
    }
    return named
  }
}
