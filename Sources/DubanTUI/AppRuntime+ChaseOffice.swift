import DubanCore
import FoundationEssentials

extension AppRuntime {
  /// The chase view's X, d: each unit's 催办通知 as a Word document, as the Markdown ones are
  /// written — restricted to one unit, its notice into the working folder; otherwise one
  /// file per unit into `duban-催办通知-DATE/` there. Never over a file duban did not write.
  func exportNoticeDocuments(unit: String?) {
    let lang = state.lang
    let list = ChaseList(state.doc, today: state.today, unit: unit)
    guard !list.isEmpty else {
      dispatch(.exportFailed(lang.pick("没有需要催办的报送", "nothing to chase")))
      return
    }
    guard let officeExporter else {
      dispatch(.exportFailed(lang.pick("此版本不能写 docx", "this build cannot write docx")))
      return
    }
    let cwd = FileManager.default.currentDirectoryPath
    let one = unit != nil && list.units.count == 1
    let folder = one ? cwd : cwd + "/" + lang.pick("duban-催办通知-", "duban-chase-notices-") + "\(list.asOf)"
    do {
      if !one { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
      var written: [String] = []
      for u in list.units {
        let path = folder + "/" + ChaseNotice.fileName(unit: u.unit, asOf: list.asOf, ext: "docx")
        let bytes = try officeExporter(.chaseNotices(unit: u.unit), .docx, state.doc, state.today)
        try OfficeFile.write(bytes, to: path, force: false)
        written.append(path)
      }
      dispatch(.exportedNotices(path: one ? written[0] : folder, count: written.count))
    } catch let refused as ExportFile.Refused {
      let name = PathText.lastComponent(of: refused.path)
      dispatch(
        .exportFailed(
          lang.pick(
            "\(name) 已存在且不是 duban 导出的文件，未覆盖；请改名或移走后再导出",
            "\(name) exists and is not a duban export; not replaced (rename or move it first)")))
    } catch {
      dispatch(.exportFailed("\(error)"))
    }
  }
}
