import Foundation
import Synchronization
import XCTest

@testable import DubanCore

/// The store among several writers and users: locks that hold, lock files as wide as the
/// store, backups said when not made, changes that change nothing writing nothing.
final class StoreSharingTests: XCTestCase {
  var dir: URL!
  var doc: StoreDocument!
  let stamp = Stamp(user: "tester", time: "2019-05-01T09:00:00+08:00")

  override func setUpWithError() throws {
    Store.prepareProcess()
    dir = try Fixtures.tempDir()
    doc = StoreDocument(plan: try Fixtures.seedPlan())
  }

  override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

  func path(_ name: String = "plan.json") -> String { dir.appendingPathComponent(name).path }

  func inode(_ path: String) -> ino_t? {
    var st = stat()
    return stat(path, &st) == 0 ? st.st_ino : nil
  }

  func testAnUpdateThatChangesNothingWritesNothing() throws {
    let store = Store(path: path())
    try store.save(doc)
    let before = inode(store.path)
    let (_, changes) = try store.update { try $0.plan.apply([.progress(0)], to: "1.1", stamp: stamp) }
    XCTAssertEqual(changes, [])
    XCTAssertEqual(inode(store.path), before, "not rewritten")
    XCTAssertNil(inode(store.path + ".bak"), "no .bak rotated")
    try store.update { try $0.plan.apply([.progress(10)], to: "1.1", stamp: stamp) }
    XCTAssertNotEqual(inode(store.path), before, "a real change is written")
    XCTAssertEqual(inode(store.path + ".bak"), before, "and the old file kept as .bak")
  }

  func testABackupNotMadeIsTold() throws {
    final class Heard: @unchecked Sendable { var notices: [StoreNotice] = [] }
    let heard = Heard()
    let store = Store(path: path(), notify: { heard.notices.append($0) })
    try store.save(doc)
    try FileManager.default.createDirectory(atPath: store.path + ".bak/x", withIntermediateDirectories: true)
    try store.update { try $0.plan.apply([.progress(10)], to: "1.1", stamp: stamp) }
    XCTAssertEqual(try store.load().plan.item(id: "1.1")?.progress, 10, "saved all the same")
    guard case .backupNotMade(let file, _)? = heard.notices.first else {
      return XCTFail("told: \(heard.notices)")
    }
    XCTAssertEqual(file, store.path)
    XCTAssertTrue(heard.notices[0].message(.zh).contains("未能生成备份"))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".tmp-") }
    XCTAssertEqual(leftovers, [])
  }

  func testAWriteFailureIsAWriteError() throws {
    XCTAssertThrowsError(try AtomicFile.write(Data("x".utf8), to: "/proc/duban-no-such/plan.json")) {
      XCTAssertEqual(($0 as? StoreError)?.kind, .write)
    }
  }

  /// The lock file takes the store's group and mode, whatever the umask.
  func testTheLockFileIsAsWideAsTheStore() throws {
    let store = Store(path: path())
    try store.save(doc)
    chmod(store.path, 0o664)
    let old = umask(0o077)
    defer { umask(old) }
    try store.update { try $0.plan.apply([.progress(10)], to: "1.1", stamp: stamp) }
    var st = stat()
    XCTAssertEqual(stat(store.path + ".lock", &st), 0)
    XCTAssertEqual(st.st_mode & 0o777, 0o664)
    XCTAssertEqual(stat(store.path, &st), 0)
    XCTAssertEqual(st.st_mode & 0o777, 0o664, "the store keeps its mode under umask 077")
    XCTAssertEqual(stat(store.path + ".bak", &st), 0)
    XCTAssertEqual(st.st_mode & 0o777, 0o664)
  }

  /// A lock file deleted while held does not let a second writer in.
  func testDeletingAHeldLockFileLetsNobodyIn() throws {
    let p = path()
    try Store(path: p).save(doc)
    var first: FileLock? = try FileLock(lockingStoreAt: p)
    XCTAssertEqual(unlink(p + ".lock"), 0)
    final class Flag: @unchecked Sendable { var got = false }
    let flag = Flag()
    let done = DispatchSemaphore(value: 0)
    Thread {
      let second = try? FileLock(lockingStoreAt: p)
      flag.got = true
      withExtendedLifetime(second) {}
      done.signal()
    }.start()
    usleep(300_000)
    XCTAssertFalse(flag.got, "the second writer waits although the lock file was deleted")
    withExtendedLifetime(first) {}
    first = nil
    XCTAssertEqual(done.wait(timeout: .now() + 5), .success)
    XCTAssertTrue(flag.got)
  }

  /// Waiting says, once and after about a second, who holds the lock; and when it is over.
  /// The sentences are the ones the command line prints on stderr and the dashboard shows.
  func testAWaitIsAnnouncedWithItsHolder() throws {
    let p = path()
    try Store(path: p).save(doc)
    let holderFD = open(p + ".lock", O_RDWR | O_CREAT, 0o644)
    XCTAssertEqual(flock(holderFD, LOCK_EX), 0)
    let heard = Mutex<[String]>([])
    let done = DispatchSemaphore(value: 0)
    let store = Store(path: p, notify: { notice in heard.withLock { $0.append(notice.message(.zh)) } })
    Thread {
      _ = try? store.update { $0.plan.items[0].progress = 5 }
      done.signal()
    }.start()
    usleep(1_500_000)
    let name = PathText.lastComponent(of: p)
    let waiting = heard.withLock { $0 }
    XCTAssertEqual(waiting.count, 1, "\(waiting)")
    XCTAssertTrue(waiting.first?.hasPrefix("等待 \(name) 的锁（") ?? false, "\(waiting)")
    XCTAssertTrue(waiting.first?.contains("\(getpid())") ?? false, "names the holder's process: \(waiting)")
    flock(holderFD, LOCK_UN)
    close(holderFD)
    XCTAssertEqual(done.wait(timeout: .now() + 5), .success)
    XCTAssertEqual(heard.withLock { $0 }, [waiting[0], "已取得 \(name) 的锁"], "said once, then that the wait is over")
    XCTAssertEqual(try Store(path: p).load().plan.items[0].progress, 5, "and the change was written")
  }

}
