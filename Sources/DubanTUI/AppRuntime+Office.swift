import DubanCore
import FoundationEssentials

/// Writes office files for the dashboard's X. Neither DubanTUI nor duban links the office
/// code: the executable hands the runtime this function, which builds the document and has
/// duban-office lay it out (the bytes of an .xlsx or .docx).
public typealias OfficeExporter = @Sendable (ExportRequest, ExportChoice, StoreDocument, Day) throws -> [UInt8]

extension AppRuntime {
  /// Writes the current view's export into the working folder in the chosen format.
  func export(_ request: ExportRequest, as choice: ExportChoice) {
    if case .chaseNotices(let unit) = request, choice == .docx { return exportNoticeDocuments(unit: unit) }
    let lang = state.lang
    let stem: String
    switch request {
    case .sheet(let unit): stem = "duban-\(lang.pick("办理方案", "work-plan"))-\(unit)"
    case .bulletin:
      let period = Bulletin(state.doc, period: nil, today: state.today).period
      stem = "duban-\(lang.pick("通报", "bulletin"))-\(period)-\(state.today)"
    case .chaseNotices(let unit):
      stem = "duban-\(lang.pick("催办", "chase"))-\(unit ?? lang.pick("全部", "all"))-\(state.today)"
    }
    let path = FileManager.default.currentDirectoryPath + "/" + FileName.safe(stem) + "." + choice.rawValue
    do {
      switch choice {
      case .csv:
        let content: String
        switch request {
        case .sheet(let unit): content = WorkPlanSheet.render(state.doc, unit: unit, format: .csv)
        case .bulletin: content = Bulletin(state.doc, period: nil, today: state.today).render(.csv)
        case .chaseNotices(let unit):
          let list = ChaseList(state.doc, today: state.today, unit: unit)
          content = ChaseNotice.render(list, title: state.plan.title, format: .csv, lang: lang)
        }
        try ExportFile.write(content, to: path, format: .csv, force: false)
      case .xlsx, .docx:
        guard let officeExporter else {
          dispatch(.exportFailed(lang.pick("此版本不能写 \(choice.rawValue)", "this build cannot write \(choice.rawValue)")))
          return
        }
        let bytes = try officeExporter(request, choice, state.doc, state.today)
        try OfficeFiles.write(bytes, to: path)
      }
      dispatch(.exported(path: path))
    } catch {
      dispatch(.exportFailed("\(error)"))
    }
  }
}

/// An office file written by the dashboard: the CLI's rule (`OfficeFile`), never over a file
/// that is not one of duban's.
enum OfficeFiles {
  static func write(_ bytes: [UInt8], to path: String) throws {
    try OfficeFile.write(bytes, to: path, force: false)
  }
}
