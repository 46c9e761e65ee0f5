import ArgumentParser
import DubanCore
import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#endif

/// Checks, for the user running it, that a store can be shared: its folder, modes, group and
/// lock, and says what to fix. Exit 0 when all is well, 1 when something needs fixing.
struct DoctorCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "doctor",
    abstract: "Check the store's folder, modes, group and lock for the current user, and say what to fix.")

  @OptionGroup var global: GlobalOptions

  func run() throws {
    let problems = try global.reportingErrors { () -> Int in
      var doctor = Doctor(path: global.storePath, lang: global.language)
      doctor.examine()
      Output.write(doctor.report)
      return doctor.problems
    }
    if problems > 0 { throw ExitCode(1) }
  }
}

struct Doctor {
  let path: String
  let lang: Lang
  var report = ""
  var problems = 0

  init(path: String, lang: Lang) {
    self.path = path
    self.lang = lang
  }

  mutating func ok(_ zh: String, _ en: String) { report += "✓ " + lang.pick(zh, en) + "\n" }
  mutating func info(_ zh: String, _ en: String) { report += "  " + lang.pick(zh, en) + "\n" }
  mutating func problem(_ zh: String, _ en: String, fix: (String, String)) {
    problems += 1
    report += "✗ " + lang.pick(zh, en) + "\n"
    report += "  " + lang.pick("修复：", "fix: ") + lang.pick(fix.0, fix.1) + "\n"
  }

  static func octal(_ mode: mode_t) -> String {
    let s = String(mode & 0o7777, radix: 8)
    return String(repeating: "0", count: max(0, 4 - s.count)) + s
  }

  static func group(_ gid: gid_t) -> String { LockHolder.groupName(gid) }
  static func user(_ uid: uid_t) -> String { LockHolder.userName(uid) }

  /// The groups this process acts with.
  static func myGroups() -> Set<gid_t> {
    var set: Set<gid_t> = [getegid()]
    let n = getgroups(0, nil)
    if n > 0 {
      var list = [gid_t](repeating: 0, count: Int(n))
      let m = getgroups(n, &list)
      if m > 0 { set.formUnion(list.prefix(Int(m))) }
    }
    return set
  }

  static func umask() -> mode_t? {
    guard let data = FileManager.default.contents(atPath: "/proc/self/status") else { return nil }
    for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where line.hasPrefix("Umask:") {
      return mode_t(line.dropFirst(6).trimming(while: \.isWhitespace), radix: 8)
    }
    return nil
  }

  mutating func examine() {
    let uid = geteuid()
    let me = LockHolder.userName(uid)
    let groups = Self.myGroups()
    let root = uid == 0
    let target = AtomicFile.resolvedPath(path)
    let dirPart = PathText.directory(of: target)
    let dir = dirPart.isEmpty ? "." : dirPart
    let name = PathText.lastComponent(of: target)
    report += lang.pick(
      "检查数据文件 \(path)（当前用户 \(me)，所在组 \(groups.sorted().map(Self.group).joined(separator: "、"))）\n",
      "checking the store \(path) (as user \(me), in groups \(groups.sorted().map(Self.group).joined(separator: ", ")))\n"
    )

    // The folder: saving makes a temporary file there and renames it over the store.
    var d = stat()
    guard stat(dir, &d) == 0 else {
      problem(
        "文件夹 \(dir) 不存在或无法访问（\(SystemError.text(errno, .zh))）",
        "the folder \(dir) is missing or out of reach (\(SystemError.text(errno, .en)))",
        fix: ("mkdir -p \(dir)，或用 --store 指定正确的路径", "mkdir -p \(dir), or name the right path with --store"))
      return
    }
    let shared = d.st_mode & 0o020 != 0
    let dg = Self.group(d.st_gid)
    if access(dir, W_OK | X_OK) == 0 {
      ok(
        "文件夹 \(dir)：组 \(dg)，权限 \(Self.octal(d.st_mode))，可以在其中保存",
        "folder \(dir): group \(dg), mode \(Self.octal(d.st_mode)), you can save in it")
    } else {
      problem(
        "不能在文件夹 \(dir) 中建立文件（组 \(dg)，权限 \(Self.octal(d.st_mode))）：无法保存任何改动",
        "you cannot create files in the folder \(dir) (group \(dg), mode \(Self.octal(d.st_mode))): no change can be saved",
        fix: (
          "把 \(me) 加入组 \(dg)（usermod -aG \(dg) \(me)，重新登录），并 chmod 2775 \(dir)",
          "add \(me) to the group \(dg) (usermod -aG \(dg) \(me), then log in again) and chmod 2775 \(dir)"
        ))
    }
    if shared && d.st_mode & 0o2000 == 0 {
      problem(
        "共用文件夹 \(dir) 没有 setgid 位：新文件属于建立者的主组，而不是 \(dg)",
        "the shared folder \(dir) has no setgid bit: new files get their creator's primary group, not \(dg)",
        fix: ("chmod g+s \(dir)（即 chmod 2775 \(dir)）", "chmod g+s \(dir) (that is, chmod 2775 \(dir))"))
    }
    if !root && shared && !groups.contains(d.st_gid) && d.st_uid != uid {
      problem(
        "\(me) 不在文件夹的组 \(dg) 中", "\(me) is not in the folder's group \(dg)",
        fix: ("usermod -aG \(dg) \(me)，然后重新登录", "usermod -aG \(dg) \(me), then log in again"))
    }

    // The store.
    var s = stat()
    guard stat(target, &s) == 0 else {
      problem(
        "数据文件 \(target) 不存在", "there is no store at \(target)",
        fix: ("duban import 文档 --out \(target)", "duban import DOC --out \(target)"))
      return
    }
    let sg = Self.group(s.st_gid)
    let mode = Self.octal(s.st_mode)
    if access(target, R_OK) != 0 {
      problem(
        "\(me) 不能读取数据文件 \(name)（属主 \(LockHolder.userName(s.st_uid))，组 \(sg)，权限 \(mode)）",
        "\(me) cannot read the store \(name) (owner \(LockHolder.userName(s.st_uid)), group \(sg), mode \(mode))",
        fix: ("chgrp \(dg) \(target) && chmod 664 \(target)", "chgrp \(dg) \(target) && chmod 664 \(target)"))
    } else {
      do {
        let plan = try Store(path: path).load().plan
        ok(
          "数据文件 \(name)：属主 \(LockHolder.userName(s.st_uid))，组 \(sg)，权限 \(mode)，可以读取",
          "store \(name): owner \(LockHolder.userName(s.st_uid)), group \(sg), mode \(mode), readable")
        // Which plan it holds, and since when: the first question when two clerks' screens differ.
        let source = TerminalSafe.line(PathText.lastComponent(of: plan.source))
        if let imported = plan.imported.map(TerminalSafe.line) {
          info("方案导入自 \(source)，\(imported)", "the plan was imported from \(source) on \(imported)")
        } else {
          info("方案导入自 \(source)", "the plan was imported from \(source)")
        }
        // The review after import: what was decided about its repairs, and what is still open.
        if !plan.warnings.isEmpty {
          let open = plan.warnings.filter { $0.decision == nil }.count
          let decided = plan.warnings.count - open
          info(
            "导入修正 \(plan.warnings.count) 条：已审核 \(decided) 条，待定 \(open) 条"
              + (open > 0 ? "（相关事项以“疑”标出）" : ""),
            "import repairs: \(plan.warnings.count), \(decided) reviewed, \(open) open"
              + (open > 0 ? " (their items are marked 疑)" : ""))
        }
      } catch let e as StoreError {
        problem(
          "数据文件无法读取：\(e.message(.zh))", "the store cannot be read: \(e.message(.en))",
          fix: ("从 \(target).bak 恢复，或改正所指的位置", "restore it from \(target).bak, or correct the place named"))
      } catch {
        problem(
          "数据文件无法读取：\(error)", "the store cannot be read: \(error)",
          fix: ("从 \(target).bak 恢复", "restore it from \(target).bak"))
      }
    }
    if shared {
      if s.st_gid != d.st_gid {
        problem(
          "数据文件的组是 \(sg)，不是文件夹的组 \(dg)", "the store's group is \(sg), not the folder's \(dg)",
          fix: ("chgrp \(dg) \(target)", "chgrp \(dg) \(target)"))
      }
      if s.st_mode & 0o060 != 0o060 {
        problem(
          "数据文件的权限是 \(mode)：同组的其他用户不能写入", "the store's mode is \(mode): others in its group cannot write it",
          fix: ("chmod 664 \(target)", "chmod 664 \(target)"))
      }
    }
    if !root && s.st_uid != uid && !groups.contains(s.st_gid) {
      problem(
        "\(me) 不在数据文件的组 \(sg) 中：保存后文件会变成 \(me) 的组，别人可能无法再读写",
        "\(me) is not in the store's group \(sg): a save would hand the file to \(me)'s group and others may lose access",
        fix: ("usermod -aG \(sg) \(me)，然后重新登录", "usermod -aG \(sg) \(me), then log in again"))
    }

    // The lock file.
    let lockPath = target + ".lock"
    var l = stat()
    if stat(lockPath, &l) != 0 {
      ok(
        "锁文件 \(name).lock 还不存在；第一次保存时按数据文件的组和权限建立",
        "lock file \(name).lock does not exist yet; the first save makes it with the store's group and mode")
    } else {
      let lmode = Self.octal(l.st_mode)
      let lg = Self.group(l.st_gid)
      var fine = true
      let owner = Self.user(l.st_uid)
      if access(lockPath, R_OK) != 0 && access(lockPath, W_OK) != 0 {
        fine = false
        // Anyone who may write the folder can remove the lock file; duban makes a new one.
        problem(
          "\(me) 打不开锁文件 \(name).lock（属主 \(owner)，组 \(lg)，权限 \(lmode)）：无法保存",
          "\(me) cannot open the lock file \(name).lock (owner \(owner), group \(lg), mode \(lmode)): no change can be saved",
          fix: (
            "rm \(lockPath)（能写这个文件夹的人都可以；duban 会按数据文件的组和权限重建），或由 \(owner) 或管理员执行 chgrp \(sg) \(lockPath) && chmod 664 \(lockPath)",
            "rm \(lockPath) (anyone who may write the folder can; duban remakes it like the store), or have \(owner) or an administrator run chgrp \(sg) \(lockPath) && chmod 664 \(lockPath)"
          ))
      } else if (l.st_mode & 0o666) & (s.st_mode & 0o666) != s.st_mode & 0o666 || l.st_gid != s.st_gid {
        // Narrower than the store but openable: flock works on a read-only descriptor, so
        // every user can still save; only tidiness is at stake.
        fine = false
        ok(
          "锁文件 \(name).lock（属主 \(owner)，组 \(lg)，权限 \(lmode)）比数据文件窄，但 \(me) 能打开它加锁，可以保存；想整齐，可由 \(owner) 或管理员执行 chgrp \(sg) \(lockPath) && chmod \(String(s.st_mode & 0o666 | 0o600, radix: 8)) \(lockPath)",
          "lock file \(name).lock (owner \(owner), group \(lg), mode \(lmode)) is narrower than the store, but \(me) can open it to lock, so saving works; to tidy it, \(owner) or an administrator can run chgrp \(sg) \(lockPath) && chmod \(String(s.st_mode & 0o666 | 0o600, radix: 8)) \(lockPath)"
        )
      }
      if fine {
        ok("锁文件 \(name).lock：组 \(lg)，权限 \(lmode)", "lock file \(name).lock: group \(lg), mode \(lmode)")
      }
      let fd = open(lockPath, O_RDONLY | O_CLOEXEC)
      if fd >= 0 {
        if flock(fd, LOCK_SH | LOCK_NB) == 0 {
          flock(fd, LOCK_UN)
        } else if let holder = FileLock.holder(of: fd) {
          info("锁正被占用（\(holder.description(.zh))）", "the lock is held now (\(holder.description(.en)))")
        }
        close(fd)
      }
    }

    // The backup.
    if access(target + ".bak", F_OK) == 0 {
      ok("备份 \(name).bak 在", "backup \(name).bak is there")
    } else {
      info("还没有备份 \(name).bak（第一次保存改动时生成）", "no backup \(name).bak yet (the first saved change makes it)")
    }

    // The umask matters for files other programs make here (duban keeps the store's own).
    if shared, let mask = Self.umask(), mask & 0o020 != 0 {
      info(
        "提示：umask 是 \(Self.octal(mask))；duban 保留数据文件的组和权限，但其他程序在共用文件夹中建立的文件同组不可写。建议在 ~/.profile 中设 umask 002",
        "note: your umask is \(Self.octal(mask)); duban keeps the store's group and mode, but files other programs make in the shared folder will not be group-writable. Consider umask 002 in ~/.profile"
      )
    }

    report +=
      problems == 0
      ? lang.pick("一切正常\n", "all is well\n")
      : lang.pick("有 \(problems) 处需要修复\n", "\(problems) thing\(problems == 1 ? "" : "s") to fix\n")
  }
}
