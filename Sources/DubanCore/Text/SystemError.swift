#if canImport(Glibc)
  import Glibc
#endif

/// What the system said went wrong (an errno), in the interface's language: the common
/// cases in Chinese, anything else in the C library's own words.
public enum SystemError {
  public static func text(_ code: Int32, _ lang: Lang) -> String {
    let en = String(cString: strerror(code)).lowercased()
    guard lang == .zh else { return en }
    switch code {
    case ENOENT: return "文件或文件夹不存在"
    case EACCES, EPERM: return "没有权限"
    case ENOSPC: return "磁盘已满"
    case EDQUOT: return "超出磁盘配额"
    case EROFS: return "文件系统是只读的"
    case EISDIR: return "这是一个文件夹"
    case ENOTDIR: return "路径中有一段不是文件夹"
    case EIO: return "输入输出错误"
    case ENAMETOOLONG: return "文件名太长"
    case ELOOP: return "符号链接循环"
    case EMFILE, ENFILE: return "打开的文件太多"
    case EBUSY: return "文件正被占用"
    default: return en
    }
  }
}
