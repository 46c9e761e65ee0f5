import CDubanBench
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Wall-clock and peak-memory measurements of whole commands and of code in this process.
enum Measure {
  static func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
  }

  struct Run {
    var seconds: Double
    var status: Int32
  }

  /// Runs a command with stdout and stderr to /dev/null.
  static func spawn(_ argv: [String], environment: [String: String] = [:]) -> Run {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    return run(argv, environment: environment, actions: &actions, attributes: nil)
  }

  /// The first frame on a pseudo-terminal: the time from spawn until the frame's last text
  /// (the status line's key hints) has been written, and the program's peak memory then.
  struct Frame {
    var seconds: Double
    var peakKiB: Int
    var status: Int32
  }

  /// Runs a dashboard on a new pseudo-terminal of the given size, as a person's terminal would
  /// (what `script` does, without the ~20 ms of script and a shell in the figure), waits for
  /// `marker` to appear in what it draws, reads its peak memory from /proc, and stops it with
  /// SIGTERM. The product carries no benchmark flag: this is the same binary users run.
  static func firstFrame(
    _ argv: [String], rows: Int, columns: Int, environment: [String: String], marker: String
  ) -> Frame {
    var name = [CChar](repeating: 0, count: 256)
    let master = duban_open_terminal(Int32(rows), Int32(columns), &name, name.count)
    guard master >= 0 else { return Frame(seconds: 0, peakKiB: 0, status: -1) }
    defer { close(master) }
    let slave = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    for fd: Int32 in [0, 1, 2] { posix_spawn_file_actions_addopen(&actions, fd, slave, O_RDWR, 0) }
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    posix_spawnattr_setflags(&attributes, duban_spawn_setsid)
    let start = now()
    guard let pid = spawn(argv, environment: environment, actions: &actions, attributes: &attributes) else {
      return Frame(seconds: 0, peakKiB: 0, status: -1)
    }
    // Read what it draws until the marker (which ends the first frame) has been written.
    let needle = Array(marker.utf8)
    var seen: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    var drawn: Double?
    while drawn == nil {
      let n = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
      guard n > 0 else { break }
      // Look only at the new bytes (and the needle's length before them).
      let from = max(0, seen.count - needle.count + 1)
      seen += buffer[0..<n]
      if from <= seen.count - needle.count,
        (from...(seen.count - needle.count)).contains(where: { seen[$0..<$0 + needle.count].elementsEqual(needle) })
      {
        drawn = now() - start
      }
      if seen.count > 1 << 20 { seen.removeFirst(seen.count - needle.count) }
    }
    let peak = peakKiB(of: pid)
    kill(pid, SIGTERM)
    // Keep draining so it never blocks restoring the terminal on its way out.
    DispatchQueue.global().async {
      var buffer = [UInt8](repeating: 0, count: 1 << 16)
      while buffer.withUnsafeMutableBytes({ read(master, $0.baseAddress, $0.count) }) > 0 {}
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return Frame(seconds: drawn ?? -1, peakKiB: peak, status: drawn == nil ? status : 0)
  }

  /// A live process's peak resident memory (VmHWM), in KiB.
  static func peakKiB(of pid: pid_t) -> Int {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
    else { return 0 }
    return line.split(separator: " ").compactMap { Int($0) }.first ?? 0
  }

  /// Starts argv with this process's environment plus `environment`; its pid, or nil.
  private static func spawn(
    _ argv: [String], environment: [String: String], actions: inout posix_spawn_file_actions_t,
    attributes: UnsafePointer<posix_spawnattr_t>?
  ) -> pid_t? {
    var env = ProcessInfo.processInfo.environment
    for (k, v) in environment { env[k] = v }
    var cEnv: [UnsafeMutablePointer<CChar>?] = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
    var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
    defer {
      for p in cEnv { free(p) }
      for p in cArgs { free(p) }
    }
    var pid: pid_t = 0
    return posix_spawnp(&pid, argv[0], &actions, attributes, &cArgs, &cEnv) == 0 ? pid : nil
  }

  /// Spawns argv with this process's environment plus `environment`, waits, times it.
  private static func run(
    _ argv: [String], environment: [String: String], actions: inout posix_spawn_file_actions_t,
    attributes: UnsafePointer<posix_spawnattr_t>?
  ) -> Run {
    let start = now()
    guard let pid = spawn(argv, environment: environment, actions: &actions, attributes: attributes) else {
      return Run(seconds: 0, status: -1)
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return Run(seconds: now() - start, status: status)
  }

  /// Median wall time over `runs` runs, then the peak memory of one more run measured by
  /// GNU time. (wait4's ru_maxrss is useless here: Linux carries the spawning process's
  /// high-water mark across exec, so every child would look as large as this benchmark.)
  static func command(_ argv: [String], runs: Int, environment: [String: String] = [:]) -> (ms: Double, peakMiB: Double)
  {
    var times: [Double] = []
    for _ in 0..<runs {
      let r = spawn(argv, environment: environment)
      if r.status != 0 {
        FileHandle.standardError.write(Data("bench: \(argv.joined(separator: " ")) exited \(r.status)\n".utf8))
      }
      times.append(r.seconds * 1000)
    }
    return (median(times), peakMiB(argv, environment: environment))
  }

  static func peakMiB(_ argv: [String], environment: [String: String]) -> Double {
    let out = NSTemporaryDirectory() + "duban-bench-rss-\(getpid())"
    defer { unlink(out) }
    _ = spawn(["/usr/bin/time", "-f", "%M", "-o", out] + argv, environment: environment)
    let kb = (try? String(contentsOfFile: out, encoding: .utf8))?.split(separator: "\n").last.flatMap { Double($0) }
    return (kb ?? .nan) / 1024
  }

  /// Median of `runs` timings of `body`, in milliseconds.
  static func inProcess(runs: Int, _ body: () -> Void) -> Double {
    var times: [Double] = []
    for _ in 0..<runs {
      let start = now()
      body()
      times.append((now() - start) * 1000)
    }
    return median(times)
  }

  static func median(_ values: [Double]) -> Double {
    guard !values.isEmpty else { return .nan }
    let s = values.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
  }
}
