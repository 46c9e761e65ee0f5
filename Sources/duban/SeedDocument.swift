import DubanCore
import FoundationEssentials

/// The embedded 2019 document: installed under share/duban beside the binary, or in the
/// source tree's Resources/ for a development build. DUBAN_RESOURCES overrides both.
enum SeedDocument {
  static let fileName = "jiangan-2019-task-breakdown.txt"

  static func candidates() -> [String] {
    var dirs: [String] = []
    if let env = ProcessInfo.processInfo.environment["DUBAN_RESOURCES"] { dirs.append(env) }
    let exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
      .deletingLastPathComponent()
    dirs.append(exe.deletingLastPathComponent().appendingPathComponent("share/duban").path)
    let sourceRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    dirs.append(sourceRoot.appendingPathComponent("Resources").path)
    return dirs.map { $0 + "/" + fileName }
  }

  static func path(lang: Lang) throws -> String {
    let all = candidates()
    if let found = all.first(where: { FileManager.default.fileExists(atPath: $0) }) { return found }
    throw Failure(
      lang.pick(
        "找不到内置的方案文档（查找了 \(all.joined(separator: "、"))）；请重新安装 duban 或设置 DUBAN_RESOURCES",
        "the embedded plan is missing (looked in \(all.joined(separator: ", "))); reinstall duban or set DUBAN_RESOURCES"
      ))
  }
}
