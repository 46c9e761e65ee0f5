import DubanCore

/// Deterministic plans in the seed's document format, of any size: parts with declared
/// counts, sections, "——" groups, items with lead and responsible units (some written the
/// messy ways the seed writes them), and targets in the text.
struct PlanGenerator {
  var rng: SplitMix

  init(seed: UInt64) { rng = SplitMix(seed: seed) }

  static let offices = [
    "发改委", "财政局", "税务局", "商务局", "环保局", "科技局", "经信局", "建设局", "城管委", "教育局", "民政局", "卫计委", "公安分局", "水务局",
    "司法局", "房管局", "行政审批局", "统计局", "人力资源局", "文体旅游委", "规土分局", "城乡统筹办", "大数据中心", "法制办",
  ]
  static let streets = [
    "四唯", "永清", "二七", "新村", "台北", "后湖", "劳动", "丹水池", "塔子湖", "花桥", "谌家矶", "一元", "大智", "车站",
  ]
  static let verbs = ["深化", "推进", "加快", "完善", "强化", "实施", "打造", "提升", "落实", "开展"]
  static let topics = ["招商引资", "项目建设", "营商环境", "城市管理", "生态环境", "社会保障", "教育资源", "医疗服务", "平安建设", "政务服务"]
  static let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

  mutating func unit() -> String {
    rng.next(100) < 15
      ? "\(Self.streets[rng.next(Self.streets.count)])街道" : "区\(Self.offices[rng.next(Self.offices.count)])"
  }

  /// A document of `items` items in three parts.
  mutating func document(items: Int) -> String {
    var out = [
      "区人民政府办公室关于印发工作报告确定的主要目标任务责任分解方案的通知",
      "各责任单位于2019年1月28日前报送工作方案。",
      "各责任单位于2019年4月10日、7月10日、10月10日及12月25日前，将第一、第二、第三季度及全年责任事项完成情况填报。",
      "江岸区人民政府办公室", "2019年1月11日", "", "2019年工作报告确定的主要目标任务责任分解方案", "",
    ]
    let perPart = [items / 10, items * 7 / 10, items - items / 10 - items * 7 / 10]
    for (p, count) in perPart.enumerated() {
      out.append("\(Self.numerals[p])、第\(p + 1)部分重点工作(共\(count)项)")
      // Real plans number sections (一)…(九十九); larger plans have larger sections.
      let sections = min(99, max(1, count / 150))
      var n = 0
      for s in 0..<sections {
        out.append("(\(Self.chinese(s + 1)))坚持第\(s + 1)方面工作导向")
        let inSection = (count - n) / (sections - s)
        let groups = max(1, min(4, inSection / 10))
        for g in 0..<groups {
          out.append("——第\(g + 1)组重点任务")
          for _ in 0..<((inSection / groups) + (g < inSection % groups ? 1 : 0)) {
            n += 1
            out.append(item(number: n))
          }
        }
      }
    }
    return out.joined(separator: "\n") + "\n"
  }

  mutating func item(number: Int) -> String {
    let verb = Self.verbs[rng.next(Self.verbs.count)]
    let topic = Self.topics[rng.next(Self.topics.count)]
    var text = "\(verb)\(topic)，着力解决重点难点问题，确保第\(number)项任务按期完成"
    if rng.next(3) == 0 { text += "，新建改造道路\(rng.next(40) + 1)条、新增停车泊位\(rng.next(5000) + 100)个" }
    text += "。"
    let responsible = (0..<(rng.next(4) + 1)).map { _ in unit() }
    switch rng.next(4) {
    case 0: return "\(number). \(text)(牵头单位:\(unit());责任单位:\(responsible.joined(separator: "、")))"
    case 1: return "\(number)、\(text)（责任单位：\(responsible.joined(separator: "，"))、各街道）"
    default: return "\(number). \(text)(责任单位:\(responsible.joined(separator: "、")))"
    }
  }

  static func chinese(_ n: Int) -> String {
    if n <= 10 { return numerals[n - 1] }
    if n < 20 { return "十" + numerals[n - 11] }
    return numerals[n / 10 - 1] + "十" + (n % 10 == 0 ? "" : numerals[n % 10 - 1])
  }

  /// Notes and history on every item, as a year of use leaves them.
  mutating func enrich(_ doc: inout StoreDocument) {
    for i in doc.plan.items.indices {
      let stamp = Stamp(user: "clerk\(rng.next(20))", time: "2019-0\(rng.next(9) + 1)-1\(rng.next(9))T09:00:00+08:00")
      _ = try? doc.plan.apply(.progress(10 * (rng.next(10) + 1)), at: i, stamp: stamp)
      _ = try? doc.plan.apply(.note("第\(rng.next(4) + 1)季度：已召开推进会，完成阶段任务"), at: i, stamp: stamp)
      if rng.next(5) == 0 { _ = try? doc.plan.apply(.status(.blocked), at: i, stamp: stamp) }
    }
  }
}

/// A small, fast, seedable generator: the same plan on every run.
struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  mutating func next(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
