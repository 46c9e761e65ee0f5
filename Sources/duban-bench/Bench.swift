import ArgumentParser
import DubanCore
import DubanTUI
import Foundation

/// make bench: duban at 1,000, 10,000 and 100,000 items, and taskwarrior beside it.
/// Figures are medians over several runs; memory is the peak resident size.
@main
struct Bench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "duban-bench", abstract: "Time duban (release build) at several plan sizes, beside taskwarrior.")

  @Option(help: "Plan sizes, comma-separated.", transform: { $0.split(separator: ",").compactMap { Int($0) } })
  var sizes: [Int] = [1000, 10000, 100_000]

  @Option(help: "Runs per figure (the median is reported; at 100,000 items half as many).")
  var runs = 5

  @Option(help: "The duban binary to time.")
  var duban = ".build/release/duban"

  @Option(help: "Where plans, stores and results.txt go.")
  var dir = ".build/bench"

  @Option(help: "Only time loading and saving this store (for profiling one step).")
  var load: String?

  @Option(help: "Only time the first frame on this store.")
  var frame: String?

  @Option(help: "Only time single keystrokes (move, search, mark) on a copy of this store.")
  var keys: String?

  @Flag(help: "Only time the import of the generated plans (--sizes, --runs): each run and the median.")
  var importOnly = false

  /// The status line's key hints: drawn last, so seeing them means the first frame is out.
  static let frameMarker = "?帮助"

  func run() throws {
    Store.prepareProcess()
    let work = dir
    let frameMarker = Self.frameMarker
    try? FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
    // --load FILE: only time loading (and saving) one store; --frame FILE: only the first
    // frame on it. For profiling one step at a time.
    if let file = load {
      let store = Store(path: file)
      let doc = try store.load()
      let copy = "\(work)/load-copy.json"
      print(
        String(
          format: "load %.2f ms, save %.2f ms (median of %d)", Measure.inProcess(runs: runs) { _ = try? store.load() },
          Measure.inProcess(runs: runs) { try? Store(path: copy).save(doc) }, runs))
      return
    }
    if let file = frame {
      let frames = (0..<runs).map { _ in
        Measure.firstFrame(
          [duban, "--store", file], rows: 35, columns: 120, environment: ["TERM": "xterm-256color"],
          marker: frameMarker)
      }
      print(
        String(
          format: "first frame %.2f ms, peak memory %.1f MiB (medians of %d)",
          Measure.median(frames.map { $0.seconds * 1000 }), Measure.median(frames.map { Double($0.peakKiB) / 1024 }),
          runs))
      return
    }
    if let file = keys {
      let doc = try Store(path: file).load()
      for (metric, ms) in try Self.keystrokes(doc: doc, storePath: "\(work)/keys-copy.json", runs: runs) {
        print(String(format: "%@ %.3f ms (median of %d)", metric as NSString, ms, runs))
      }
      return
    }
    let hasTask = Measure.spawn(["task", "--version"]).status == 0

    struct Row {
      var items: Int
      var metric: String
      var duban: Double
      var task: Double?
      var unit: String
    }
    var rows: [Row] = []
    func report(_ items: Int, _ metric: String, _ value: Double, _ unit: String, task: Double? = nil) {
      rows.append(Row(items: items, metric: metric, duban: value, task: task, unit: unit))
      let t = task.map { String(format: "   taskwarrior %.1f", $0) } ?? ""
      print(String(format: "%7d  %-38@ %10.2f %@%@", items, metric as NSString, value, unit as NSString, t as NSString))
    }

    for size in sizes {
      let repeats = size >= 100_000 ? max(3, runs / 2) : runs
      var generator = PlanGenerator(seed: 2019)
      let document = generator.document(items: size)
      let docPath = "\(work)/plan-\(size).txt"
      let storePath = "\(work)/plan-\(size).json"
      try document.write(toFile: docPath, atomically: true, encoding: .utf8)
      let megabytes = Double(document.utf8.count) / 1_048_576

      let importRun = Measure.command([duban, "import", docPath, "--dry-run"], runs: repeats)
      report(size, "import (MB/s)", megabytes / (importRun.ms / 1000), " MB/s")
      if importOnly { continue }
      _ = Measure.spawn([duban, "import", docPath, "--out", storePath, "--force"])

      // Notes and history, as a year of use leaves them; then load and save in this process.
      let store = Store(path: storePath)
      var doc = try store.load()
      generator.enrich(&doc)
      try store.save(doc)
      report(size, "store load (ms)", Measure.inProcess(runs: repeats) { _ = try? store.load() }, " ms")
      report(size, "store save (ms)", Measure.inProcess(runs: repeats) { try? store.save(doc) }, " ms")
      // Where no read lease can be had (another user's store; here: the file held open for
      // writing) the store is read into private memory instead of mapped.
      let holder = open(storePath, O_WRONLY | O_APPEND | O_CLOEXEC)
      report(size, "store load, no lease (ms)", Measure.inProcess(runs: repeats) { _ = try? store.load() }, " ms")
      let listNoLease = Measure.command([duban, "list", "--store", storePath], runs: repeats)
      close(holder)

      // duban list against task list, on the same tasks.
      let list = Measure.command([duban, "list", "--store", storePath], runs: repeats)
      var taskList: (ms: Double, peakMiB: Double)?
      if hasTask {
        let data = "\(work)/task-\(size)"
        try? FileManager.default.removeItem(atPath: data)
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        let rc = "\(data)/taskrc"
        try "data.location=\(data)\nconfirmation=off\nverbose=nothing\n".write(
          toFile: rc, atomically: true, encoding: .utf8)
        let env = ["TASKRC": rc, "TASKDATA": data]
        let tasks = doc.plan.items.enumerated().map { n, item -> [String: Any] in
          [
            "uuid": String(format: "%08x-0000-4000-8000-%012x", n, n), "description": item.text, "status": "pending",
            "entry": "20190114T000000Z", "project": "part\(item.part)",
            "tags": item.lead.isEmpty ? ["none"] : item.lead,
          ]
        }
        let json = try JSONSerialization.data(withJSONObject: tasks)
        try json.write(to: URL(fileURLWithPath: "\(data)/import.json"))
        _ = Measure.spawn(["task", "import", "\(data)/import.json"], environment: env)
        taskList = Measure.command(["task", "list"], runs: repeats, environment: env)
      }
      report(size, "list (ms)", list.ms, " ms", task: taskList?.ms)
      report(size, "list peak memory (MiB)", list.peakMiB, " MiB", task: taskList?.peakMiB)
      report(size, "list, no lease (ms)", listNoLease.ms, " ms")
      report(size, "list, no lease: peak memory (MiB)", listNoLease.peakMiB, " MiB")
      if let t = taskList {
        report(size, "list speed-up over taskwarrior (×)", t.ms / list.ms, " ×")
        report(size, "list memory / taskwarrior's", list.peakMiB / t.peakMiB, "")
      }

      // First frame: the real binary on a pseudo-terminal of 120×35, exiting after one frame.
      var frameTimes: [Double] = []
      var framePeak = 0
      for _ in 0..<repeats {
        let run = Measure.firstFrame(
          [duban, "--store", storePath], rows: 35, columns: 120, environment: ["TERM": "xterm-256color"],
          marker: frameMarker)
        if run.status != 0 { FileHandle.standardError.write(Data("bench: first frame exited \(run.status)\n".utf8)) }
        frameTimes.append(run.seconds * 1000)
        framePeak = max(framePeak, run.peakKiB)
      }
      report(size, "start to first frame (ms)", Measure.median(frameTimes), " ms")
      if framePeak > 0 { report(size, "dashboard peak memory (MiB)", Double(framePeak) / 1024, " MiB") }

      let keyRuns = size >= 100_000 ? 20 : 100
      for (metric, ms) in try Self.keystrokes(doc: doc, storePath: storePath, runs: keyRuns) {
        report(size, metric, ms, " ms")
      }
    }

    var table = "items    metric                                       duban   taskwarrior\n"
    for r in rows {
      table += String(format: "%7d  %-42@ %9.2f%@", r.items, r.metric as NSString, r.duban, r.unit as NSString)
      if let t = r.task { table += String(format: "   %9.2f", t) }
      table += "\n"
    }
    try table.write(toFile: "\(work)/results.txt", atomically: true, encoding: .utf8)
    print("\nwritten to \(work)/results.txt")
  }

  /// One keystroke handled and the whole frame rendered, in this process: medians in ms.
  /// `storePath` is written (the runtime's marks are saved there in the background).
  static func keystrokes(doc: StoreDocument, storePath: String, runs keyRuns: Int) throws -> [(String, Double)] {
    var out: [(String, Double)] = []
    var state = AppState(
      doc: doc, storePath: storePath, lang: .zh, today: Day("2019-07-01")!, user: "bench", rows: 35, columns: 120)
    let cache = ViewCache()
    _ = Renderer.render(state, cache)
    _ = Reducer.reduce(&state, .key(.tab), now: "t", cache: cache)
    out.append(
      (
        "keystroke: move (ms)",
        Measure.inProcess(runs: keyRuns) {
          _ = Reducer.reduce(&state, .key(.down), now: "t", cache: cache)
          _ = Renderer.render(state, cache)
        }
      ))
    out.append(
      (
        "keystroke: search one character (ms)",
        Measure.inProcess(runs: keyRuns) {
          state.searchEditor = LineEditor()
          _ = Reducer.reduce(&state, .key(.char("推")), now: "t", cache: cache)
          _ = Renderer.render(state, cache)
        }
      ))
    state.searchEditor = nil
    out.append(
      (
        "keystroke: mark (ms)",
        Measure.inProcess(runs: keyRuns) {
          _ = Reducer.reduce(&state, .key(.char("+")), now: "t", cache: cache)
          _ = Renderer.render(state, cache)
        }
      ))
    // The same through the runtime, against the store file: every mark is saved in the
    // background, so the key is handled while earlier saves are still writing.
    try Store(path: storePath).save(doc)
    let marked = try Store(path: storePath).load()
    let runtime = AppRuntime(
      state: AppState(
        doc: marked, storePath: storePath, lang: .zh, today: Day("2019-07-01")!, user: "bench", rows: 35, columns: 120
      ),
      store: Store(path: storePath), clock: { "2019-07-01T09:00:00+08:00" })
    _ = runtime.handle(.key(.tab))
    _ = runtime.render()
    var up = true
    out.append(
      (
        "keystroke: mark, saved in background (ms)",
        Measure.inProcess(runs: keyRuns) {
          _ = runtime.handle(.key(.char(up ? "+" : "-")))
          _ = runtime.render()
          up.toggle()
        }
      ))
    runtime.finishSaving()
    return out
  }
}
