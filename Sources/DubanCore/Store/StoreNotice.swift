#if canImport(Glibc)
  import Glibc
#endif

/// Something a store operation wants said without failing: a wait for someone else's lock,
/// a backup or a group it could not keep. The command line prints these on stderr; the
/// dashboard can show them on its status line (`Store.notify`).
public enum StoreNotice: Sendable, Equatable {
  /// Someone else has held the store's lock for about a second; said once per wait.
  case waitingForLock(file: String, holder: LockHolder?)
  /// The wait announced by `waitingForLock` is over.
  case lockTaken(file: String)
  /// The save went through but `<store>.bak` could not be made (errno).
  case backupNotMade(file: String, code: Int32)
  /// The save went through but the file now belongs to the saver's group, not the old one.
  case groupNotKept(file: String, group: UInt32, code: Int32)

  public func message(_ lang: Lang) -> String {
    switch self {
    case .waitingForLock(let file, let holder):
      let name = PathText.lastComponent(of: file)
      guard let holder else { return lang.pick("等待 \(name) 的锁…", "waiting for the lock on \(name)…") }
      return lang.pick(
        "等待 \(name) 的锁（\(holder.description(.zh))）…", "waiting for the lock on \(name) (\(holder.description(.en)))…")
    case .lockTaken(let file):
      let name = PathText.lastComponent(of: file)
      return lang.pick("已取得 \(name) 的锁", "got the lock on \(name)")
    case .backupNotMade(let file, let code):
      return lang.pick(
        "\(file)：已保存，但未能生成备份 \(file).bak（\(SystemError.text(code, .zh))）",
        "\(file): saved, but the backup \(file).bak could not be made (\(SystemError.text(code, .en)))")
    case .groupNotKept(let file, let group, let code):
      let g = LockHolder.groupName(group)
      return lang.pick(
        "\(file)：已保存，但未能保留文件的组 \(g)（\(SystemError.text(code, .zh))），同组的其他用户可能无法再读写；请管理员执行 chgrp \(g) \(file)",
        "\(file): saved, but the file's group \(g) could not be kept (\(SystemError.text(code, .en))), so others in that group may lose access; ask an administrator to run chgrp \(g) \(file)"
      )
    }
  }
}

/// Who holds a lock: the process and its Unix user, as far as can be found out.
public struct LockHolder: Sendable, Equatable {
  public var pid: Int32?
  public var user: String?

  public init(pid: Int32?, user: String?) {
    self.pid = pid
    self.user = user
  }

  /// `用户 u2001，进程 1234` / `user u2001, process 1234`.
  public func description(_ lang: Lang) -> String {
    var parts: [String] = []
    if let user { parts.append(lang.pick("用户 \(user)", "user \(user)")) }
    if let pid { parts.append(lang.pick("进程 \(pid)", "process \(pid)")) }
    return parts.joined(separator: lang.pick("，", ", "))
  }

  /// The user's name, else `uid N`.
  public static func userName(_ uid: UInt32) -> String {
    if let pw = getpwuid(uid), let name = pw.pointee.pw_name { return String(cString: name) }
    return "uid \(uid)"
  }

  /// The group's name, else its number.
  public static func groupName(_ gid: UInt32) -> String {
    if let gr = getgrgid(gid), let name = gr.pointee.gr_name { return String(cString: name) }
    return "\(gid)"
  }
}
