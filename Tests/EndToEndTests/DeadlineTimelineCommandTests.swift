import DubanCore
import Foundation
import XCTest

/// Deadlines, the timeline, the scrolling detail and search in the workload view, on the
/// real binary in tmux (issue 14, points 7–9), typed as a clerk would, Chinese included.
final class DeadlineTimelineCommandTests: SeededStoreTestCase {
  /// Part 二 focused in the task list, on 2.2.
  func onItem22(_ t: Tmux) throws {
    try t.waitFor("板块")
    try t.keys("j", "j", "Enter", "j")
    try t.waitFor("详情 2.2")
  }

  func testDeadlineWithDShowsInTheListAndTheJSON() throws {
    let t = try dashboard(today: "2019-07-15", columns: 80, rows: 24)
    try onItem22(t)
    try t.keys("d")
    try t.waitFor("期限 2.2")
    try t.text("６月３０日")  // full-width from a Chinese IME
    try t.keys("Enter")
    try t.waitFor("2.2 期限 —→2019-06-30")
    XCTAssertEqual(try item("2.2")["deadline"] as? String, "2019-06-30")
    let history = try XCTUnwrap(try item("2.2")["history"] as? [[String: Any]])
    XCTAssertEqual(history.last?["field"] as? String, "deadline")
    let screen = try t.capture()
    XCTAssertTrue(screen.split(separator: "\n").contains { $0.contains("2.2 ") && $0.contains(" 6/30 ") }, screen)
    XCTAssertEqual(borderProblems(screen, columns: 80), [])
    // u takes it back, on disk too.
    try t.keys("u")
    try t.waitFor("已撤销")
    try t.waitFor("已保存")
    XCTAssertTrue(try item("2.2")["deadline"] is NSNull)
    try t.keys("q")
    try t.waitFor("EXIT=0")
  }

  /// `duban mark --deadline` reads a day as `d` does, and refuses what is not one.
  func testMarkDeadlineOnTheCommandLine() throws {
    var r = try DubanBinary.run(["mark", "2.3", "--deadline", "６月３０日", "--store", store])
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertTrue(r.stdout.contains("2.3: 期限 —→2019-06-30"), r.stdout)
    XCTAssertEqual(try item("2.3")["deadline"] as? String, "2019-06-30")
    let before = try Data(contentsOf: URL(fileURLWithPath: store))
    r = try DubanBinary.run(["mark", "2.3", "--deadline", "下周", "--store", store])
    XCTAssertEqual(r.status, 2)
    XCTAssertTrue(r.stderr.contains("不是日期"), r.stderr)
    XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: store)), before, "store untouched")
    r = try DubanBinary.run(["mark", "2.3", "--deadline", "", "--store", store, "--lang", "en"])
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertTrue(r.stdout.contains("deadline 2019-06-30→—"), r.stdout)
    XCTAssertTrue(try item("2.3")["deadline"] is NSNull)
  }

  func testTimelineOpensAndItsFormMovesAReportDate() throws {
    // Wide first: the narrow pass then changes a date.
    for (columns, rows) in [(120, 40), (80, 24)] {
      let t = try dashboard(today: "2019-07-15", columns: columns, rows: rows)
      try onItem22(t)
      try t.keys("t")
      var screen = try t.waitFor("时间轴 2019")
      for text in ["1月", "12月", "▼", "今天7/15", "▲", "Q3 第三季度", "还有87天", "Q3 尚未报送的单位"] {
        XCTAssertTrue(screen.contains(text), "\(text) at \(columns)x\(rows):\n\(screen)")
      }
      XCTAssertEqual(borderProblems(screen, columns: columns), [], screen)
      guard columns == 80 else {
        try t.keys("Escape")
        try t.waitFor("详情 2.2")
        continue
      }
      // Q3 is selected (the next deadline): d opens the form on it.
      try t.keys("d")
      try t.waitFor("第三季度（Q3）报送日期")
      try t.text("10/15")
      try t.keys("Enter")
      screen = try t.waitFor("Q3报送日期 2019-10-10→2019-10-15")
      try t.waitFor("已保存")
      XCTAssertTrue(screen.contains("日期修改记录"), screen)
      let r = try DubanBinary.run(["list", "--store", store, "--json"])
      XCTAssertEqual(r.status, 0)
      let raw = try String(contentsOfFile: store, encoding: .utf8)
      XCTAssertTrue(raw.contains("\"field\" : \"calendar:Q3\""), "the change is in the calendar's history")
      XCTAssertTrue(raw.contains("\"due\" : \"2019-10-15\""))
      // Esc returns to the dashboard as it was.
      try t.keys("Escape")
      try t.waitFor("详情 2.2")
      try t.keys("q")
      try t.waitFor("EXIT=0")
    }
  }

  func testTheDetailScrollsToALongReport() throws {
    let t = try dashboard(today: "2019-07-15", columns: 80, rows: 24)
    try onItem22(t)
    try t.keys("R")
    try t.waitFor("第一季度进展 2.2")
    try t.text(String(repeating: "招商签约项目有序推进，", count: 10) + "一季度目标已完成")
    try t.waitFor("一季度目标已完成")
    try t.keys("Tab")
    try t.text("项目用地指标紧张")
    try t.waitFor("项目用地指标紧张")
    try t.keys("Tab")
    try t.text("加快土地报批进度")
    try t.waitFor("加快土地报批进度")
    try t.keys("Enter")
    try t.waitFor("Q1已报送")
    var seen = ""
    for _ in 0..<8 {
      try t.keys("J")
      Thread.sleep(forTimeInterval: 0.1)
      seen += try t.capture()
    }
    for text in ["逾期报送", "进展：招商签约项目有序推进", "问题：项目用地指标紧张", "措施：加快土地报批进度"] {
      XCTAssertTrue(seen.contains(text), "J reaches “\(text)”:\n\(seen)")
    }
    XCTAssertEqual(borderProblems(try t.capture(), columns: 80), [])
    try t.keys("q")
    try t.waitFor("EXIT=0")
  }

  func testSearchInTheWorkloadViewAndBackToTheSameRow() throws {
    let t = try dashboard(today: "2019-07-15", columns: 80, rows: 24)
    try t.waitFor("板块")
    try t.keys("w")
    try t.waitFor("单位工作量 1/")
    try t.keys("/")
    try t.text("招商局")  // an alias of 区商务局
    try t.keys("Enter")
    let screen = try t.waitFor("“招商局” 1/1")
    let position = try XCTUnwrap(
      screen.range(of: #"单位工作量 \d+/"#, options: .regularExpression).map { String(screen[$0]) })
    try t.keys("Enter")
    try t.waitFor("“区商务局”的事项")
    try t.keys("Escape")
    let back = try t.waitFor("单位工作量")
    XCTAssertTrue(back.contains(position), "back on the same row: \(position)\n\(back)")
    try t.keys("q")
    try t.waitFor("EXIT=0")
  }
}
