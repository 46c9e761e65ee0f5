import Foundation
import XCTest

/// Several clerks on one server (issue 12): Unix users in one group on a shared folder, lock
/// files deleted under a writer, backups that are always there, marks that change nothing,
/// and exit codes. The multi-user tests need root (setpriv) and are skipped otherwise.
extension ReliabilityTests {
  static let sharedGroup: gid_t = 3000
  static let clerks: [uid_t] = [2001, 2002, 2003]

  func requireRoot() throws {
    guard geteuid() == 0 else { throw XCTSkip("needs root to act as several Unix users (setpriv)") }
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { throw XCTSkip("no setpriv") }
  }

  /// The binary where every user can run it: the build folder may not be traversable.
  func binaryForEveryone() throws -> String {
    let bin = dir.appendingPathComponent("bin")
    try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
    chmod(dir.path, 0o755)
    chmod(bin.path, 0o755)
    let copy = bin.appendingPathComponent("duban").path
    if !FileManager.default.fileExists(atPath: copy) {
      try FileManager.default.copyItem(atPath: DubanBinary.path, toPath: copy)
    }
    chmod(copy, 0o755)
    return copy
  }

  /// Runs duban as `uid` (primary group = uid, member of the shared group) with `umask`.
  @discardableResult
  func runAs(
    _ uid: uid_t, umask: String, groups: String = "3000", _ args: [String]
  ) throws -> DubanBinary.Result {
    let bin = try binaryForEveryone()
    let quoted = args.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/sh")
    p.arguments = [
      "-c",
      "umask \(umask); exec /usr/bin/setpriv --reuid \(uid) --regid \(uid) --groups \(groups) -- \(bin) \(quoted)",
    ]
    p.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": "/tmp", "USER": "u\(uid)"]
    let out = Pipe()
    let err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return DubanBinary.Result(
      stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self),
      status: p.terminationStatus)
  }

  func statOf(_ path: String) -> stat {
    var st = stat()
    XCTAssertEqual(stat(path, &st), 0, "\(path) exists")
    return st
  }

  /// A folder of the shared group holding a copy of the seeded store, 0664.
  func sharedFolder(_ name: String, mode: mode_t) throws -> String {
    let folder = dir.appendingPathComponent(name).path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    chown(folder, 0, Self.sharedGroup)
    chmod(folder, mode)
    let path = folder + "/plan.json"
    try FileManager.default.copyItem(atPath: store, toPath: path)
    chown(path, 0, Self.sharedGroup)
    chmod(path, 0o664)
    return path
  }

  /// Each of three users saves a mark with umask 022 and with 002, in a setgid folder and in
  /// a plain group folder: the store keeps its group and mode, the lock file and .bak are as
  /// wide as the store, everyone can go on saving, and every note is there.
  func testThreeUsersShareAStore() throws {
    try requireRoot()
    for (folderName, folderMode) in [("setgid", mode_t(0o2775)), ("plain", mode_t(0o775))] {
      let shared = try sharedFolder(folderName, mode: folderMode)
      var expected: [String] = []
      var n = 0
      for umask in ["022", "002"] {
        for uid in Self.clerks {
          n += 1
          let note = "\(folderName)-u\(uid)-umask\(umask)"
          let r = try runAs(uid, umask: umask, ["mark", "2.\(n)", "--note", note, "--store", shared])
          XCTAssertEqual(r.status, 0, "\(note): \(r.stderr)")
          XCTAssertFalse(r.stderr.contains("未能"), "\(note): \(r.stderr)")
          expected.append("2.\(n)=\(note)")
          let st = statOf(shared)
          XCTAssertEqual(st.st_gid, Self.sharedGroup, "\(note): the store keeps its group")
          XCTAssertEqual(st.st_mode & 0o7777, 0o664, "\(note): the store keeps its mode")
          let lock = statOf(shared + ".lock")
          XCTAssertEqual(lock.st_gid, Self.sharedGroup, "\(note): the lock file is in the store's group")
          XCTAssertEqual(lock.st_mode & 0o664, 0o664, "\(note): the lock file is as wide as the store")
          let bak = statOf(shared + ".bak")
          XCTAssertEqual(bak.st_gid, Self.sharedGroup, "\(note): .bak in the store's group")
          XCTAssertEqual(bak.st_mode & 0o7777, 0o664, "\(note): .bak keeps the mode")
        }
      }
      let r = try runAs(2002, umask: "022", ["list", "--json", "--store", shared])
      XCTAssertEqual(r.status, 0, r.stderr)
      let items = try XCTUnwrap(DubanBinary.json(r.stdout) as? [[String: Any]])
      var present = Set<String>()
      for item in items {
        for note in item["notes"] as? [[String: Any]] ?? [] { present.insert("\(item["id"]!)=\(note["text"]!)") }
      }
      for e in expected { XCTAssertTrue(present.contains(e), "lost \(e)") }
      let leftovers = try FileManager.default.contentsOfDirectory(atPath: PathOf(shared).folder).filter {
        $0.contains(".tmp-")
      }
      XCTAssertEqual(leftovers, [], "no temporary files left")

      // doctor: all well in the setgid folder; the plain group folder lacks setgid.
      let doctor = try runAs(2003, umask: "002", ["doctor", "--store", shared])
      if folderMode & 0o2000 != 0 {
        XCTAssertEqual(doctor.status, 0, doctor.stdout + doctor.stderr)
        XCTAssertTrue(doctor.stdout.contains("一切正常"), doctor.stdout)
      } else {
        XCTAssertEqual(doctor.status, 1, doctor.stdout + doctor.stderr)
        XCTAssertTrue(doctor.stdout.contains("chmod g+s"), doctor.stdout)
      }
    }
  }

  /// A lock file an older duban left 0644, owned by one user: the others can still lock it
  /// (read-only) and save, and its owner's next save widens it to the store's mode.
  func testANarrowLockFileStillLocksAndIsWidened() throws {
    try requireRoot()
    let shared = try sharedFolder("narrow", mode: 0o2775)
    let lockPath = shared + ".lock"
    XCTAssertTrue(FileManager.default.createFile(atPath: lockPath, contents: Data()))
    chown(lockPath, 2001, Self.sharedGroup)
    chmod(lockPath, 0o644)
    // Narrower, but openable: saving works, so doctor notes it (and who could tidy it) and
    // counts no problem.
    let en = try runAs(2002, umask: "022", ["doctor", "--lang", "en", "--store", shared])
    XCTAssertEqual(en.status, 0, en.stdout)
    XCTAssertTrue(en.stdout.contains("narrower than the store") && en.stdout.contains("chmod 664"), en.stdout)
    XCTAssertTrue(en.stdout.contains("an administrator can run"), en.stdout)
    let r = try runAs(2002, umask: "022", ["mark", "1.1", "--note", "read-only lock", "--store", shared])
    XCTAssertEqual(r.status, 0, r.stderr)
    let owner = try runAs(2001, umask: "022", ["mark", "1.2", "--note", "owner", "--store", shared])
    XCTAssertEqual(owner.status, 0, owner.stderr)
    XCTAssertEqual(statOf(lockPath).st_mode & 0o7777, 0o664, "widened by its owner")
    let doctor = try runAs(2002, umask: "022", ["doctor", "--store", shared])
    XCTAssertEqual(doctor.status, 0, doctor.stdout)
  }

  /// A user who may not write in the folder: the change is not saved, exit 1 (not 2), and
  /// doctor says what to fix.
  func testAChangeThatCannotBeSavedExitsOne() throws {
    try requireRoot()
    let shared = try sharedFolder("closed", mode: 0o2775)
    XCTAssertEqual(try runAs(2001, umask: "022", ["mark", "1.2", "--progress", "5", "--store", shared]).status, 0)
    let r = try runAs(2004, umask: "022", groups: "4000", ["mark", "1.1", "--progress", "50", "--store", shared])
    XCTAssertEqual(r.status, 1, r.stderr)
    XCTAssertTrue(r.stderr.contains("plan.json"), r.stderr)
    let bad = try runAs(2004, umask: "022", groups: "4000", ["mark", "9.99", "--progress", "50", "--store", shared])
    XCTAssertEqual(bad.status, 2, "bad input stays 2: \(bad.stderr)")
    let doctor = try runAs(2004, umask: "022", groups: "4000", ["doctor", "--store", shared])
    XCTAssertEqual(doctor.status, 1, doctor.stdout)
    XCTAssertTrue(doctor.stdout.contains("usermod -aG"), doctor.stdout)
  }

  /// A user outside the store's group who may write in the folder: the change is saved, and
  /// duban says the group could not be kept and what to run, rather than quietly handing the
  /// file to the saver's group.
  func testAGroupThatCannotBeKeptIsSaid() throws {
    try requireRoot()
    let shared = try sharedFolder("open", mode: 0o777)
    chmod(shared, 0o666)
    let r = try runAs(2004, umask: "022", groups: "4000", ["mark", "1.1", "--note", "outsider", "--store", shared])
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertTrue(r.stderr.contains("未能保留文件的组 3000") && r.stderr.contains("chgrp 3000"), r.stderr)
    XCTAssertEqual(statOf(shared).st_mode & 0o7777, 0o666, "the mode is kept all the same")
    let doctor = try runAs(2004, umask: "022", groups: "4000", ["doctor", "--store", shared])
    XCTAssertEqual(doctor.status, 1, doctor.stdout)
  }

  /// Marks run concurrently while another process keeps deleting plan.json.lock: none is
  /// lost (the folder lock and the identity check keep writers apart).
  func testDeletingAHeldLockLosesNothing() throws {
    let lockPath = store + ".lock"
    let deleter = Process()
    deleter.executableURL = URL(fileURLWithPath: "/bin/sh")
    deleter.arguments = ["-c", "while :; do rm -f '\(lockPath)'; sleep 0.002; done"]
    try deleter.run()
    defer {
      deleter.terminate()
      deleter.waitUntilExit()
    }
    var expected: [String] = []
    let rounds = 5
    let perRound = 8
    for round in 0..<rounds {
      var procs: [Process] = []
      for k in 0..<perRound {
        let id = "2.\(k + 1)"
        let text = "del-\(round)-\(k)"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: DubanBinary.path)
        p.arguments = ["mark", id, "--note", text, "--store", store]
        p.environment = ["LANG": "C.UTF-8", "USER": "tester", "HOME": NSTemporaryDirectory()]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        procs.append(p)
        expected.append("\(id)=\(text)")
      }
      for p in procs {
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
      }
    }
    var lost = 0
    for id in (1...perRound).map({ "2.\($0)" }) {
      let have = Set(try notes(id))
      for e in expected where e.hasPrefix(id + "=") && !have.contains(String(e.dropFirst(id.count + 1))) {
        lost += 1
        XCTFail("lost \(e)")
      }
    }
    print("lock deleted while held: \(rounds * perRound) concurrent marks, \(lost) lost")
  }

  /// Waiting for someone else's lock says, after about a second, whom for.
  func testWaitingForTheLockSaysWhomFor() throws {
    let holder = Process()
    holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
    holder.arguments = [store + ".lock", "sleep", "2.5"]
    try holder.run()
    usleep(300_000)
    let start = Date()
    let r = try DubanBinary.run(["mark", "1.1", "--note", "after the wait", "--store", store])
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertGreaterThan(Date().timeIntervalSince(start), 1.5, "it waited")
    let me = String(cString: getpwuid(geteuid()).pointee.pw_name)
    XCTAssertTrue(
      r.stderr.contains("等待 plan.json 的锁（用户 \(me)，进程 \(holder.processIdentifier)）…"), r.stderr)
    XCTAssertEqual(r.stderr.components(separatedBy: "等待").count, 2, "said once: \(r.stderr)")
    holder.waitUntilExit()
    XCTAssertTrue(try notes("1.1").contains("after the wait"))
  }

  /// `mark` with the value the item already has writes nothing: same inode, same time, same .bak.
  func testMarkThatChangesNothingWritesNothing() throws {
    XCTAssertEqual(try DubanBinary.run(["mark", "1.1", "--progress", "30", "--store", store]).status, 0)
    let before = statOf(store)
    let bakBefore = statOf(store + ".bak")
    usleep(20_000)
    for args in [["--progress", "30"], ["--status", "in_progress"], ["--progress", "30", "--status", "推进中"]] {
      let r = try DubanBinary.run(["mark", "1.1"] + args + ["--store", store])
      XCTAssertEqual(r.status, 0, r.stderr)
      XCTAssertTrue(r.stdout.contains("没有变化"), r.stdout)
    }
    let after = statOf(store)
    let bakAfter = statOf(store + ".bak")
    XCTAssertEqual(after.st_ino, before.st_ino, "not rewritten")
    XCTAssertEqual(after.st_mtim.tv_sec, before.st_mtim.tv_sec)
    XCTAssertEqual(after.st_mtim.tv_nsec, before.st_mtim.tv_nsec)
    XCTAssertEqual(bakAfter.st_ino, bakBefore.st_ino, ".bak not rotated")
    XCTAssertEqual(bakAfter.st_mtim.tv_nsec, bakBefore.st_mtim.tv_nsec)
  }

  /// A backup that cannot be made is said, and the change is still saved.
  func testABackupThatCannotBeMadeIsReported() throws {
    let bak = store + ".bak"
    try FileManager.default.createDirectory(atPath: bak + "/x", withIntermediateDirectories: true)
    let r = try DubanBinary.run(["mark", "1.1", "--progress", "20", "--store", store])
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertTrue(r.stderr.contains("未能生成备份"), r.stderr)
    let en = try DubanBinary.run(["mark", "1.1", "--progress", "30", "--lang", "en", "--store", store])
    XCTAssertTrue(en.stderr.contains("could not be made"), en.stderr)
    XCTAssertEqual(try item("1.1")["progress"] as? Int, 30)
  }

  /// kill -9 a writer of a large store again and again while another thread watches: .bak is
  /// there at every look, never missing between the old one and the new.
  func testBackupIsAlwaysThereWhileWritersAreKilled() throws {
    // A few megabytes, so writing takes long enough to be killed mid-way.
    var doc = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: store))) as? [String: Any])
    var plan = doc["plan"] as! [String: Any]
    var items = plan["items"] as! [[String: Any]]
    let big = String(repeating: "督办进展情况，", count: 12_000)
    for i in 0..<8 {
      items[i]["notes"] = [["time": "2019-04-10T09:00:00+08:00", "user": "tester", "text": big + "\(i)"]]
    }
    plan["items"] = items
    doc["plan"] = plan
    try JSONSerialization.data(withJSONObject: doc).write(to: URL(fileURLWithPath: store))
    XCTAssertEqual(try DubanBinary.run(["mark", "1.1", "--progress", "10", "--store", store]).status, 0)
    let bak = store + ".bak"
    XCTAssertTrue(FileManager.default.fileExists(atPath: bak))

    // Looks every 0.1 ms or so: often enough to catch a gap between unlink and link, without
    // taking a core from the writers.
    final class Watch: @unchecked Sendable {
      var looks = 0
      var missing = 0
      var stop = false
    }
    let watch = Watch()
    let watcher = Thread {
      while !watch.stop {
        if access(bak, F_OK) != 0 { watch.missing += 1 }
        watch.looks += 1
        usleep(100)
      }
    }
    watcher.start()
    let start = Date()
    XCTAssertEqual(try DubanBinary.run(["mark", "1.1", "--progress", "20", "--store", store]).status, 0)
    let save = UInt32(max(20_000, min(2_000_000, Date().timeIntervalSince(start) * 1e6)))
    var kills = 0
    let deadline = Date().addingTimeInterval(45)
    var n = 0
    while n < 40 && Date() < deadline {
      n += 1
      let p = Process()
      p.executableURL = URL(fileURLWithPath: DubanBinary.path)
      p.arguments = ["mark", "1.2", "--progress", "\(n % 100)", "--store", store]
      p.environment = ["LANG": "C.UTF-8", "USER": "tester", "HOME": NSTemporaryDirectory()]
      p.standardOutput = FileHandle.nullDevice
      p.standardError = FileHandle.nullDevice
      try p.run()
      // A sweep from a tenth of a save to one and a half: the first ones die early, the last
      // ones mostly finish, and the middle ones die while writing or rotating.
      usleep(save * UInt32(n % 15 + 1) / 10)
      if p.isRunning {
        kill(p.processIdentifier, SIGKILL)
        kills += 1
      }
      p.waitUntilExit()
      XCTAssertTrue(FileManager.default.fileExists(atPath: bak), "after writer \(n)")
    }
    watch.stop = true
    while !watcher.isFinished { usleep(1_000) }
    XCTAssertEqual(watch.missing, 0, ".bak missing in \(watch.missing) of \(watch.looks) looks")
    print(".bak: \(kills) of \(n) writers killed, \(watch.looks) looks, \(watch.missing) without .bak")
    XCTAssertGreaterThan(kills, 5, "enough writers were killed mid-way")
    XCTAssertLessThan(kills, n, "some writers rotated .bak while the watcher looked")
  }
}

/// The folder of a path.
struct PathOf {
  var folder: String
  init(_ path: String) { folder = (path as NSString).deletingLastPathComponent }
}
