/// 一 … 九十九 as printed in headings and item labels.
enum ChineseNumerals {
  /// By scalar: a [Character: Int] hashed (normalized) the first character of every line.
  static let digits: ScalarTable<Int> = [
    "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
  ]

  static func isNumeral(_ c: Character) -> Bool { digits[c] != nil || c == "十" }

  /// Value of 一, 十, 十二, 二十, 二十三; nil for anything else.
  static func value(_ text: some StringProtocol) -> Int? {
    guard !text.isEmpty, text.allSatisfy(isNumeral) else { return nil }
    if let i = text.firstIndex(of: "十") {
      let tens = text[..<i].isEmpty ? 1 : digits[text[text.startIndex]] ?? 0
      let rest = text[text.index(after: i)...]
      let ones = rest.isEmpty ? 0 : digits[rest.first!] ?? 0
      return tens * 10 + ones
    }
    guard text.count == 1 else { return nil }
    return digits[text.first!]
  }

  /// 1 → 一, 12 → 十二, 23 → 二十三 (up to 99).
  static func spell(_ n: Int) -> String {
    let names = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
    guard n > 0, n < 100 else { return "\(n)" }
    if n < 10 { return names[n] }
    return (n / 10 == 1 ? "" : names[n / 10]) + "十" + (n % 10 == 0 ? "" : names[n % 10])
  }

  /// ① … ⑳ as item labels, and ㉑ … ㊿ when a list runs past twenty.
  static func circled(_ c: Character) -> Int? {
    guard let v = c.unicodeScalars.first?.value, c.unicodeScalars.count == 1 else { return nil }
    switch v {
    case 0x2460...0x2473: return Int(v - 0x2460) + 1
    case 0x3251...0x325F: return Int(v - 0x3251) + 21
    case 0x32B1...0x32BF: return Int(v - 0x32B1) + 36
    default: return nil
    }
  }
}
