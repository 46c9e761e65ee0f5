import Foundation
import XCTest

@testable import DubanCore

#if canImport(Glibc)
  import Glibc
#endif

/// One width model: the generated table agrees with the Unicode data pinned in
/// Scripts/unicode/, and with glibc's wcwidth (what ncurses places characters by) on Chinese text.
final class WidthTableTests: XCTestCase {
  /// A property file of the Unicode Character Database: the value of every code point
  /// (`missing` where the file lists none) and the version named in its first line.
  struct PropertyFile {
    var version = ""
    /// Values numbered in order of first appearance: `names[codes[cp]]` is the value of `cp`.
    var names: [Substring]
    var codes: [UInt8]

    init(_ name: String, missing: Substring) throws {
      let path = Fixtures.repoRoot.appendingPathComponent("Scripts/unicode/\(name)").path
      let text = try String(contentsOfFile: path, encoding: .utf8)
      names = [missing]
      codes = Array(repeating: 0, count: 0x11_0000)
      for raw in text.split(separator: "\n") {
        if version.isEmpty, raw.hasPrefix("# "), raw.hasSuffix(".txt"), let dash = raw.lastIndex(of: "-") {
          version = String(raw[raw.index(after: dash)...].dropLast(4))
        }
        let line = raw.prefix { $0 != "#" }
        guard let semicolon = line.firstIndex(of: ";") else { continue }
        let points = line[..<semicolon].trimmingCharacters(in: .whitespaces)
        let value = Substring(line[line.index(after: semicolon)...].trimmingCharacters(in: .whitespaces))
        let bounds = points.components(separatedBy: "..").map { Int($0, radix: 16)! }
        if !names.contains(value) { names.append(value) }
        let code = UInt8(names.firstIndex(of: value)!)
        for cp in bounds[0]...bounds[bounds.count - 1] { codes[cp] = code }
      }
    }

    /// For each code point, whether its value is one of `values`.
    func marks(_ values: Set<Substring>) -> [Bool] {
      let hit = names.map { values.contains($0) }
      return codes.map { hit[Int($0)] }
    }
  }

  /// The rules of Scripts/gen-width-table.py, written out again: the width of every code
  /// point from the pinned data alone, narrow and with ambiguous characters wide.
  static func expectedWidths(eaw: PropertyFile, gc: PropertyFile) -> (narrow: [Int], ambiguousWide: [Int]) {
    let zeroCategory = gc.marks(["Mn", "Me", "Cf"])
    let privateUse = gc.marks(["Co"])
    let wide = eaw.marks(["W", "F"])
    let ambiguous = eaw.marks(["A"])
    var narrow = Array(repeating: 1, count: 0x11_0000)
    var ambiguousWide = narrow
    for cp in 0..<0x11_0000 {
      if cp < 0x20 || (0x7F..<0xA0).contains(cp) {
        narrow[cp] = 0
      } else if cp < 0x7F {
        narrow[cp] = 1
      } else if cp != 0xAD && ((0x1160...0x11FF).contains(cp) || cp == 0x200B || zeroCategory[cp]) {
        narrow[cp] = 0
      } else if wide[cp] || (0x2_0000...0x3_FFFD).contains(cp) {
        narrow[cp] = 2
      }
      ambiguousWide[cp] = narrow[cp] == 1 && cp >= 0xA1 && ambiguous[cp] && !privateUse[cp] ? 2 : narrow[cp]
    }
    return (narrow, ambiguousWide)
  }

  func testTableMatchesThePinnedUnicodeData() throws {
    let eaw = try PropertyFile("EastAsianWidth.txt", missing: "N")
    let gc = try PropertyFile("DerivedGeneralCategory.txt", missing: "Cn")
    XCTAssertEqual(eaw.version, gc.version, "both data files from one Unicode version")
    XCTAssertEqual(WidthTable.unicodeVersion, eaw.version, "WidthTable.swift is stale: run make generate")
    let expected = Self.expectedWidths(eaw: eaw, gc: gc)
    for ambiguousIsWide in [false, true] {
      let measure = DisplayWidth(ambiguousIsWide: ambiguousIsWide)
      let widths = ambiguousIsWide ? expected.ambiguousWide : expected.narrow
      var wrong: [String] = []
      for cp in 0..<0x11_0000 {
        guard let scalar = Unicode.Scalar(UInt32(cp)) else { continue }  // surrogates
        let expected = widths[cp]
        let actual = measure.width(of: scalar)
        if actual != expected, wrong.count < 20 {
          wrong.append(String(format: "U+%04X: table %d, data %d", cp, actual, expected))
        }
      }
      XCTAssertEqual(wrong, [], "ambiguousIsWide \(ambiguousIsWide): WidthTable.swift disagrees with Scripts/unicode/")
    }
  }

  /// The ranges Chinese documents live in, where our table and glibc's wcwidth under C.UTF-8
  /// (ncurses' widths in the real terminal) must agree: ideographs, kana and bopomofo, CJK and
  /// full-width punctuation, general punctuation (“” ‘’ … — ·), Latin-1, box drawing.
  static let chineseRanges: [ClosedRange<UInt32>] = [
    0x00A0...0x00FF, 0x2000...0x206F, 0x2100...0x214F, 0x2190...0x21FF, 0x2460...0x24FF,
    0x2500...0x259F, 0x25A0...0x25FF, 0x2E80...0x2FDF, 0x3000...0x303F, 0x3040...0x30FF,
    0x3100...0x312F, 0x3190...0x31FF, 0x3200...0x3247, 0x3250...0x33FF, 0x3400...0x4DBF,
    0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFE10...0xFE1F, 0xFE30...0xFE4F, 0xFE50...0xFE6F,
    0xFF00...0xFFEF, 0x2_0000...0x2_FFFD,
  ]

  func testGlibcWcwidthAgreesOnChineseText() throws {
    #if canImport(Glibc)
      // Swift's Glibc module leaves wcwidth out (it needs _XOPEN_SOURCE); it is in libc all the same.
      typealias WcwidthFunction = @convention(c) (Int32) -> Int32
      guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "wcwidth") else { throw XCTSkip("no wcwidth") }
      let wcwidth = unsafeBitCast(symbol, to: WcwidthFunction.self)
      let saved = setlocale(LC_ALL, nil).map { String(cString: $0) } ?? "C"
      guard setlocale(LC_ALL, "C.UTF-8") != nil else { throw XCTSkip("no C.UTF-8 locale") }
      defer { setlocale(LC_ALL, saved) }
      var wrong: [String] = []
      var compared = 0
      for range in Self.chineseRanges {
        for v in range {
          let glibc = Int(wcwidth(Int32(v)))
          // -1: not printable in glibc's (older) Unicode version, nothing to compare.
          guard glibc >= 0, let scalar = Unicode.Scalar(v) else { continue }
          compared += 1
          let ours = DisplayWidth.standard.width(of: scalar)
          if ours != glibc, wrong.count < 20 {
            wrong.append(String(format: "U+%04X: ours %d, glibc %d", v, ours, glibc))
          }
        }
      }
      XCTAssertEqual(wrong, [])
      XCTAssertGreaterThan(compared, 90_000)
      for ch in "督办“”‘’…—·、，。：（）《》【】％１２３ＡＢｃ" {
        let v = ch.unicodeScalars.first!.value
        XCTAssertEqual(DisplayWidth.standard.width(of: ch), Int(wcwidth(Int32(v))), "\(ch)")
      }
    #else
      throw XCTSkip("glibc only")
    #endif
  }
}
