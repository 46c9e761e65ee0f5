/// A day as a clerk types it: `2019-06-30`, `2019/6/30`, `2019.6.30`, `6/30`, `6-30`,
/// `6月30日`, `2019年6月30日`, `６／３０` (full-width from a Chinese IME). A day without a
/// year is in `year` (the plan's).
extension UserInput {
  public static func day(_ text: String, year: Int) -> Day? {
    var t = halfWidth(text).trimmed
    if t.hasSuffix("日") || t.hasSuffix("号") { t.removeLast() }
    var numbers: [Int] = []
    var digits = ""
    for c in t {
      if c.isASCII, c.isNumber {
        digits.append(c)
        continue
      }
      guard ["-", "/", ".", "年", "月", " "].contains(c), !digits.isEmpty else { return nil }
      numbers.append(Int(digits)!)
      digits = ""
    }
    guard !digits.isEmpty, digits.count <= 4 else { return nil }
    numbers.append(Int(digits)!)
    switch numbers.count {
    case 2: return Day(year: year, month: numbers[0], day: numbers[1])
    case 3 where numbers[0] >= 1000: return Day(year: numbers[0], month: numbers[1], day: numbers[2])
    default: return nil
    }
  }
}
