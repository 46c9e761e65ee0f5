#if canImport(Glibc)
  import Glibc
#endif

/// History times: stored as ISO 8601 with the writer's UTC offset (2019-04-10T09:00:00+08:00),
/// shown in the reader's local time, so a clerk in UTC+8 never sees yesterday's date.
public enum Timestamp {
  /// Now, with the local offset.
  public static func now() -> String { format(epoch: time(nil)) }

  /// Now's time of day on `day` (`--today`): a change made "as of" a day is stamped that day,
  /// so rules that read history by date (done by a deadline) see what the user meant.
  public static func now(on day: Day?) -> String {
    let stamp = now()
    guard let day else { return stamp }
    return day.description + stamp.dropFirst(10)
  }

  static func format(epoch: time_t) -> String {
    var e = epoch
    var t = tm()
    localtime_r(&e, &t)
    let offset = Int(t.tm_gmtoff / 60)
    let zone = offset == 0 ? "Z" : (offset < 0 ? "-" : "+") + two(abs(offset) / 60) + ":" + two(abs(offset) % 60)
    return "\(t.tm_year + 1900)-\(two(Int(t.tm_mon) + 1))-\(two(Int(t.tm_mday)))T"
      + "\(two(Int(t.tm_hour))):\(two(Int(t.tm_min))):\(two(Int(t.tm_sec)))" + zone
  }

  private static func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }

  /// Seconds since the epoch of a stored time; nil when it is not one.
  public static func epoch(_ stored: String) -> time_t? {
    let b = Array(stored.utf8)
    guard b.count >= 19, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x54, b[13] == 0x3A, b[16] == 0x3A else { return nil }
    func num(_ r: Range<Int>) -> Int? {
      var v = 0
      for i in r {
        guard (0x30...0x39).contains(b[i]) else { return nil }
        v = v * 10 + Int(b[i] - 0x30)
      }
      return v
    }
    guard let y = num(0..<4), let mo = num(5..<7), let d = num(8..<10), let h = num(11..<13), let mi = num(14..<16),
      let s = num(17..<19)
    else { return nil }
    var rest = 19
    if rest < b.count, b[rest] == 0x2E {  // fractional seconds
      rest += 1
      while rest < b.count, (0x30...0x39).contains(b[rest]) { rest += 1 }
    }
    var offset = 0
    if rest < b.count {
      if b[rest] == 0x5A {
        offset = 0
      } else if (b[rest] == 0x2B || b[rest] == 0x2D), b.count >= rest + 6, let oh = num(rest + 1..<rest + 3),
        let om = num(rest + 4..<rest + 6)
      {
        offset = (oh * 60 + om) * 60 * (b[rest] == 0x2D ? -1 : 1)
      } else {
        return nil
      }
    }
    var t = tm()
    t.tm_year = Int32(y - 1900)
    t.tm_mon = Int32(mo - 1)
    t.tm_mday = Int32(d)
    t.tm_hour = Int32(h)
    t.tm_min = Int32(mi)
    t.tm_sec = Int32(s)
    return timegm(&t) - time_t(offset)
  }

  /// "2019-04-10 09:00" in local time; the stored text, cut, when it cannot be read.
  public static func display(_ stored: String) -> String {
    guard let e = epoch(stored) else { return String(stored.prefix(16)) }
    let local = format(epoch: e)
    return local.prefix(10) + " " + local.dropFirst(11).prefix(5)
  }
}
