/// The store's types read straight from JSON bytes: the fast path of Store.load. The
/// Codable conformances stay the reference; StoreJSONTests checks both read every store
/// alike, and whatever this path refuses is decoded again by JSONDecoder for its message.
enum StoreJSON {
  static func decode(_ r: inout JSONReader) throws -> StoreDocument {
    var schema: Int?
    var plan: Plan?
    var settings = Settings()
    var workPlans: [WorkPlan] = []
    try r.beginObject()
    var first = true
    while let key = try r.nextKey(&first) {
      switch key {
      case K.schema: schema = try r.readInt()
      case K.plan: plan = try Plan(json: &r)
      case K.settings: if try !r.readNull() { settings = try Settings(json: &r) }
      case K.workPlans: if try !r.readNull() { workPlans = try r.readArray { try WorkPlan(json: &$0) } }
      default: try r.skipValue()
      }
    }
    try r.expectEnd()
    guard let schema = schema.take(), let plan = plan.take() else { throw r.failure }
    var doc = StoreDocument(plan: plan, settings: settings, workPlans: workPlans)
    doc.schema = schema
    return doc
  }
}

/// Member names, packed as JSONKey packs them, written out as constants: a `static let`
/// would be checked for initialization on every comparison. (StoreJSONTests checks each
/// against JSONKey("name").)
enum K {
  static var schema: JSONKey { JSONKey(low: 0x0000616D65686373, high: 0x0, length: 6) }
  static var plan: JSONKey { JSONKey(low: 0x000000006E616C70, high: 0x0, length: 4) }
  static var settings: JSONKey { JSONKey(low: 0x73676E6974746573, high: 0x0, length: 8) }
  static var workPlans: JSONKey { JSONKey(low: 0x6E616C506B726F77, high: 0x73, length: 9) }
  static var title: JSONKey { JSONKey(low: 0x000000656C746974, high: 0x0, length: 5) }
  static var source: JSONKey { JSONKey(low: 0x0000656372756F73, high: 0x0, length: 6) }
  static var calendar: JSONKey { JSONKey(low: 0x7261646E656C6163, high: 0x0, length: 8) }
  static var parts: JSONKey { JSONKey(low: 0x0000007374726170, high: 0x0, length: 5) }
  static var items: JSONKey { JSONKey(low: 0x000000736D657469, high: 0x0, length: 5) }
  static var units: JSONKey { JSONKey(low: 0x0000007374696E75, high: 0x0, length: 5) }
  static var warnings: JSONKey { JSONKey(low: 0x73676E696E726177, high: 0x0, length: 8) }
  static var issued: JSONKey { JSONKey(low: 0x0000646575737369, high: 0x0, length: 6) }
  static var published: JSONKey { JSONKey(low: 0x656873696C627570, high: 0x64, length: 9) }
  static var workPlanDue: JSONKey { JSONKey(low: 0x6E616C506B726F77, high: 0x657544, length: 11) }
  static var periods: JSONKey { JSONKey(low: 0x0073646F69726570, high: 0x0, length: 7) }
  static var remarks: JSONKey { JSONKey(low: 0x00736B72616D6572, high: 0x0, length: 7) }
  static var id: JSONKey { JSONKey(low: 0x0000000000006469, high: 0x0, length: 2) }
  static var name: JSONKey { JSONKey(low: 0x00000000656D616E, high: 0x0, length: 4) }
  static var due: JSONKey { JSONKey(low: 0x0000000000657564, high: 0x0, length: 3) }
  static var ordinal: JSONKey { JSONKey(low: 0x006C616E6964726F, high: 0x0, length: 7) }
  static var number: JSONKey { JSONKey(low: 0x00007265626D756E, high: 0x0, length: 6) }
  static var declaredCount: JSONKey { JSONKey(low: 0x646572616C636564, high: 0x746E756F43, length: 13) }
  static var sections: JSONKey { JSONKey(low: 0x736E6F6974636573, high: 0x0, length: 8) }
  static var groups: JSONKey { JSONKey(low: 0x00007370756F7267, high: 0x0, length: 6) }
  static var aliases: JSONKey { JSONKey(low: 0x0073657361696C61, high: 0x0, length: 7) }
  static var kind: JSONKey { JSONKey(low: 0x00000000646E696B, high: 0x0, length: 4) }
  static var line: JSONKey { JSONKey(low: 0x00000000656E696C, high: 0x0, length: 4) }
  static var message: JSONKey { JSONKey(low: 0x006567617373656D, high: 0x0, length: 7) }
  static var part: JSONKey { JSONKey(low: 0x0000000074726170, high: 0x0, length: 4) }
  static var section: JSONKey { JSONKey(low: 0x006E6F6974636573, high: 0x0, length: 7) }
  static var group: JSONKey { JSONKey(low: 0x00000070756F7267, high: 0x0, length: 5) }
  static var text: JSONKey { JSONKey(low: 0x0000000074786574, high: 0x0, length: 4) }
  static var lead: JSONKey { JSONKey(low: 0x000000006461656C, high: 0x0, length: 4) }
  static var responsible: JSONKey { JSONKey(low: 0x69736E6F70736572, high: 0x656C62, length: 11) }
  static var leaders: JSONKey { JSONKey(low: 0x007372656461656C, high: 0x0, length: 7) }
  static var status: JSONKey { JSONKey(low: 0x0000737574617473, high: 0x0, length: 6) }
  static var progress: JSONKey { JSONKey(low: 0x73736572676F7270, high: 0x0, length: 8) }
  static var notes: JSONKey { JSONKey(low: 0x0000007365746F6E, high: 0x0, length: 5) }
  static var reports: JSONKey { JSONKey(low: 0x007374726F706572, high: 0x0, length: 7) }
  static var targets: JSONKey { JSONKey(low: 0x0073746567726174, high: 0x0, length: 7) }
  static var deadline: JSONKey { JSONKey(low: 0x656E696C64616564, high: 0x0, length: 8) }
  static var closed: JSONKey { JSONKey(low: 0x00006465736F6C63, high: 0x0, length: 6) }
  static var history: JSONKey { JSONKey(low: 0x0079726F74736968, high: 0x0, length: 7) }
  static var time: JSONKey { JSONKey(low: 0x00000000656D6974, high: 0x0, length: 4) }
  static var user: JSONKey { JSONKey(low: 0x0000000072657375, high: 0x0, length: 4) }
  static var field: JSONKey { JSONKey(low: 0x000000646C656966, high: 0x0, length: 5) }
  static var before: JSONKey { JSONKey(low: 0x000065726F666562, high: 0x0, length: 6) }
  static var after: JSONKey { JSONKey(low: 0x0000007265746661, high: 0x0, length: 5) }
  static var period: JSONKey { JSONKey(low: 0x0000646F69726570, high: 0x0, length: 6) }
  static var filed: JSONKey { JSONKey(low: 0x00000064656C6966, high: 0x0, length: 5) }
  static var unit: JSONKey { JSONKey(low: 0x0000000074696E75, high: 0x0, length: 4) }
  static var progressText: JSONKey { JSONKey(low: 0x73736572676F7270, high: 0x74786554, length: 12) }
  static var problems: JSONKey { JSONKey(low: 0x736D656C626F7270, high: 0x0, length: 8) }
  static var nextSteps: JSONKey { JSONKey(low: 0x706574537478656E, high: 0x73, length: 9) }
  static var value: JSONKey { JSONKey(low: 0x00000065756C6176, high: 0x0, length: 5) }
  static var comparator: JSONKey { JSONKey(low: 0x74617261706D6F63, high: 0x726F, length: 10) }
  static var printed: JSONKey { JSONKey(low: 0x006465746E697270, high: 0x0, length: 7) }
  static var actual: JSONKey { JSONKey(low: 0x00006C6175746361, high: 0x0, length: 6) }
  static var date: JSONKey { JSONKey(low: 0x0000000065746164, high: 0x0, length: 4) }
  static var remark: JSONKey { JSONKey(low: 0x00006B72616D6572, high: 0x0, length: 6) }
  static var leadWeight: JSONKey { JSONKey(low: 0x676965576461656C, high: 0x7468, length: 10) }
  static var coWeight: JSONKey { JSONKey(low: 0x7468676965576F63, high: 0x0, length: 8) }
  static var yellowBehind: JSONKey { JSONKey(low: 0x6542776F6C6C6579, high: 0x646E6968, length: 12) }
  static var redBehind: JSONKey { JSONKey(low: 0x6E69686542646572, high: 0x64, length: 9) }
  static var dueSoonDays: JSONKey { JSONKey(low: 0x446E6F6F53657564, high: 0x737961, length: 11) }
  static var members: JSONKey { JSONKey(low: 0x00737265626D656D, high: 0x0, length: 7) }
  static var assumed: JSONKey { JSONKey(low: 0x0064656D75737361, high: 0x0, length: 7) }
  static var owner: JSONKey { JSONKey(low: 0x00000072656E776F, high: 0x0, length: 5) }
  static var rows: JSONKey { JSONKey(low: 0x0000000073776F72, high: 0x0, length: 4) }
  static var item: JSONKey { JSONKey(low: 0x000000006D657469, high: 0x0, length: 4) }
  static var content: JSONKey { JSONKey(low: 0x00746E65746E6F63, high: 0x0, length: 7) }
  static var leader: JSONKey { JSONKey(low: 0x000072656461656C, high: 0x0, length: 6) }
  static var office: JSONKey { JSONKey(low: 0x000065636966666F, high: 0x0, length: 6) }

  static let all: [(String, JSONKey)] = [
    ("schema", schema),
    ("plan", plan),
    ("settings", settings),
    ("workPlans", workPlans),
    ("title", title),
    ("source", source),
    ("calendar", calendar),
    ("parts", parts),
    ("items", items),
    ("units", units),
    ("warnings", warnings),
    ("issued", issued),
    ("published", published),
    ("workPlanDue", workPlanDue),
    ("periods", periods),
    ("remarks", remarks),
    ("id", id),
    ("name", name),
    ("due", due),
    ("ordinal", ordinal),
    ("number", number),
    ("declaredCount", declaredCount),
    ("sections", sections),
    ("groups", groups),
    ("aliases", aliases),
    ("kind", kind),
    ("line", line),
    ("message", message),
    ("part", part),
    ("section", section),
    ("group", group),
    ("text", text),
    ("lead", lead),
    ("responsible", responsible),
    ("leaders", leaders),
    ("status", status),
    ("progress", progress),
    ("notes", notes),
    ("reports", reports),
    ("targets", targets),
    ("deadline", deadline),
    ("closed", closed),
    ("history", history),
    ("time", time),
    ("user", user),
    ("field", field),
    ("before", before),
    ("after", after),
    ("period", period),
    ("filed", filed),
    ("unit", unit),
    ("progressText", progressText),
    ("problems", problems),
    ("nextSteps", nextSteps),
    ("value", value),
    ("comparator", comparator),
    ("printed", printed),
    ("actual", actual),
    ("date", date),
    ("remark", remark),
    ("leadWeight", leadWeight),
    ("coWeight", coWeight),
    ("yellowBehind", yellowBehind),
    ("redBehind", redBehind),
    ("dueSoonDays", dueSoonDays),
    ("members", members),
    ("assumed", assumed),
    ("owner", owner),
    ("rows", rows),
    ("item", item),
    ("content", content),
    ("leader", leader),
    ("office", office),
  ]
}

extension Plan {
  init(json r: inout JSONReader) throws {
    var title: String?
    var source: String?
    var calendar: PlanCalendar?
    var parts: [Part]?
    var items: [Item]?
    var units: [Unit]?
    var warnings: [ImportWarning]?
    try r.beginObject()
    var first = true
    while let key = try r.nextKey(&first) {
      switch key {
      case K.items: items = try StoreJSON.readItems(&r)
      case K.title: title = try r.readString()
      case K.source: source = try r.readString()
      case K.calendar: calendar = try PlanCalendar(json: &r)
      case K.parts: parts = try r.readArray { try Part(json: &$0) }
      case K.units: units = try r.readArray { try Unit(json: &$0) }
      case K.warnings: warnings = try r.readArray { try ImportWarning(json: &$0) }
      default: try r.skipValue()
      }
    }
    guard let title = title.take(), let source = source.take(), let calendar = calendar.take(),
      let parts = parts.take(), let items = items.take(), let units = units.take(), let warnings = warnings.take()
    else { throw r.failure }
    self.init(
      title: title, source: source, calendar: calendar, parts: parts, items: items, units: units, warnings: warnings)
  }
}

extension PlanCalendar {
  init(json r: inout JSONReader) throws {
    var c = PlanCalendar()
    var periods: [ReportPeriod]?
    var remarks: [String]?
    try r.beginObject()
    var first = true
    while let key = try r.nextKey(&first) {
      switch key {
      case K.issued: c.issued = try r.readOptionalString()
      case K.published: c.published = try r.readOptionalString()
      case K.workPlanDue: c.workPlanDue = try r.readOptionalString()
      case K.periods: periods = try r.readArray { try ReportPeriod(json: &$0) }
      case K.remarks: remarks = try r.readStrings()
      default: try r.skipValue()
      }
    }
    guard let periods = periods.take(), let remarks = remarks.take() else { throw r.failure }
    c.periods = periods
    c.remarks = remarks
    self = c
  }
}

extension ReportPeriod {
  init(json r: inout JSONReader) throws {
    var id: String?
    var name: String?
    var due: String?
    try r.beginObject()
    var first = true
    while let key = try r.nextKey(&first) {
      switch key {
      case K.id: id = try r.readString()
      case K.name: name = try r.readString()
      case K.due: due = try r.readString()
      default: try r.skipValue()
      }
    }
    guard let id = id.take(), let name = name.take(), let due = due.take() else { throw r.failure }
    self.init(id: id, name: name, due: due)
  }
}

extension Part {
  init(json r: inout JSONReader) throws {
    var ordinal: Int?
    var number: String?
    var title: String?
    var declaredCount: Int?
    var sections: [Section]?
    try r.beginObject()
    var first = true
    while let key = try r.nextKey(&first) {
      switch key {
      case K.ordinal: ordinal = try r.readInt()
      case K.number: number = try r.readString()
      case K.title: title = try r.readString()
      case K.declaredCount: declaredCount = try r.readOptionalInt()
      case K.sections: sections = try r.readArray { try Section(json: &$0) }
      default: try r.skipValue()
      }
    }
    guard let ordinal = ordinal.take(), let number = number.take(), let title = title.take(),
      let sections = sections.take()
    else { throw r.failure }
    self.init(ordinal: ordinal, number: number, title: title, declaredCount: declaredCount, sections: sections)
  }
}

extension Section {
  init(json r: inout JSONReader) throws {
    var number: String?
    var title: String?
    var groups: [String]?
    try r.beginObject()
    var first = true
    while let key = try r.nextKey(&first) {
      switch key {
      case K.number: number = try r.readString()
      case K.title: title = try r.readString()
      case K.groups: groups = try r.readStrings()
      default: try r.skipValue()
      }
    }
    guard let number = number.take(), let title = title.take(), let groups = groups.take() else { throw r.failure }
    self.init(number: number, title: title, groups: groups)
  }
}

extension Unit {
  init(json r: inout JSONReader) throws {
    var name: String?
    var aliases: [String]?
    var kind: Kind?
    try r.beginObject()
    var first = true
    while let key = try r.nextKey(&first) {
      switch key {
      case K.name: name = try r.readString()
      case K.aliases: aliases = try r.readStrings()
      case K.kind: kind = Kind(rawValue: try r.readString())
      default: try r.skipValue()
      }
    }
    guard let name = name.take(), let aliases = aliases.take(), let kind = kind.take() else { throw r.failure }
    self.init(name: name, aliases: aliases, kind: kind)
  }
}

extension ImportWarning {
  init(json r: inout JSONReader) throws {
    var line: Int?
    var kind: Kind?
    var message: String?
    try r.beginObject()
    var first = true
    while let key = try r.nextKey(&first) {
      switch key {
      case K.line: line = try r.readInt()
      case K.kind: kind = Kind(rawValue: try r.readString())
      case K.message: message = try r.readString(intern: false)
      default: try r.skipValue()
      }
    }
    guard let line = line.take(), let kind = kind.take(), let message = message.take() else { throw r.failure }
    self.init(line: line, kind: kind, message: message)
  }
}

extension Item {
  init(json r: inout JSONReader) throws {
    var id: String?
    var part: Int?
    var section: String?
    var group: String?
    var number: String?
    var text: String?
    var lead: [String]?
    var responsible: [String]?
    var leaders: [String]?
    var status: Status?
    var progress: Int?
    var notes: [Note]?
    var reports: [ReportFiling] = []
    var targets: [Target] = []
    var deadline: String?
    var closed: Closure?
    var history: [Change]?
    var line: Int?
    try r.beginObject()
    var first = true
    while let key = try r.nextKey(&first) {
      switch key {
      case K.id: id = try r.readString()
      case K.part: part = try r.readInt()
      case K.section: section = try r.readOptionalString()
      case K.group: group = try r.readOptionalString()
      case K.number: number = try r.readString()
      case K.text: text = try r.readString(intern: false)
      case K.lead: lead = try r.readStrings()
      case K.responsible: responsible = try r.readStrings()
      case K.leaders: leaders = try r.readStrings()
      case K.status: status = Status(rawValue: try r.readString())
      case K.progress: progress = try r.readInt()
      // A summary checks notes, history, reports and targets as a full read does (so it
      // refuses what a full read refuses) but keeps none of them.
      case K.notes:
        if r.summaryOnly {
          try r.checkArray { _ = try Note(json: &$0) }
          notes = []
        } else {
          notes = try r.readArray { try Note(json: &$0) }
        }
      case K.reports where r.summaryOnly:
        if try !r.readNull() { try r.checkArray { _ = try ReportFiling(json: &$0) } }
      case K.targets where r.summaryOnly:
        if try !r.readNull() { try r.checkArray { _ = try Target(json: &$0) } }
      case K.reports: if try !r.readNull() { reports = try r.readArray { try ReportFiling(json: &$0) } }
      case K.targets: if try !r.readNull() { targets = try r.readArray { try Target(json: &$0) } }
      case K.deadline: deadline = try r.readOptionalString()
      case K.closed: closed = try r.readNull() ? nil : try Closure(json: &r)
      case K.history:
        if r.summaryOnly {
          try r.checkArray { _ = try Change(json: &$0) }
          history = []
        } else {
          history = try r.readArray { try Change(json: &$0) }
        }
      case K.line: line = try r.readInt()
      default: try r.skipValue()
      }
    }
    guard let id = id.take(), let part = part.take(), let number = number.take(), let text = text.take(),
      let lead = lead.take(), let responsible = responsible.take(), let leaders = leaders.take(),
      let status = status.take(), let progress = progress.take(),
      (0...100).contains(progress), let notes = notes.take(), let history = history.take(), let line = line.take()
    else { throw r.failure }
    self.init(
      id: id, part: part, section: section, group: group, number: number, text: text, lead: lead,
      responsible: responsible, leaders: leaders, line: line, status: status, progress: progress, notes: notes,
      reports: reports, targets: targets, deadline: deadline, closed: closed, history: history)
  }
}

extension Note {
  init(json r: inout JSONReader) throws {
    var time: String?
    var user: String?
    var text: String?
    try r.beginObject()
    var first = true
    while let key = try r.nextKey(&first) {
      switch key {
      case K.time: time = try r.readString()
      case K.user: user = try r.readString()
      case K.text: text = try r.readString()
      default: try r.skipValue()
      }
    }
    guard let time = time.take(), let user = user.take(), let text = text.take() else { throw r.failure }
    self.init(time: time, user: user, text: text)
  }
}

extension Change {
  init(json r: inout JSONReader) throws {
    var time: String?
    var user: String?
    var field: String?
    var before: String?
    var after: String?
    try r.beginObject()
    var first = true
    while let key = try r.nextKey(&first) {
      switch key {
      case K.time: time = try r.readString()
      case K.user: user = try r.readString()
      case K.field: field = try r.readString()
      case K.before: before = try r.readString()
      case K.after: after = try r.readString()
      default: try r.skipValue()
      }
    }
    guard let time = time.take(), let user = user.take(), let field = field.take(), let before = before.take(),
      let after = after.take()
    else { throw r.failure }
    self.init(time: time, user: user, field: HistoryField(field), before: before, after: after)
  }
}

extension ReportFiling {
  init(json r: inout JSONReader) throws {
    var period: String?
    var filed: String?
    var user: String?
    var f = ReportFiling(period: "", filed: "", user: "")
    try r.beginObject()
    var first = true
    while let key = try r.nextKey(&first) {
      switch key {
      case K.period: period = try r.readString()
      case K.filed: filed = try r.readString()
      case K.user: user = try r.readString()
      case K.unit: f.unit = try r.readOptionalString()
      case K.progressText: f.progressText = try r.readOptionalString(intern: false) ?? ""
      case K.problems: f.problems = try r.readOptionalString(intern: false) ?? ""
      case K.nextSteps: f.nextSteps = try r.readOptionalString(intern: false) ?? ""
      case K.progress: f.progress = try r.readOptionalInt()
      default: try r.skipValue()
      }
    }
    guard let period = period.take(), let filed = filed.take(), let user = user.take() else { throw r.failure }
    (f.period, f.filed, f.user) = (period, filed, user)
    self = f
  }
}

extension Target {
  init(json r: inout JSONReader) throws {
    var name: String?
    var value: Double?
    var unit: String?
    var comparator: String?
    var printed: String?
    var actual: Double?
    try r.beginObject()
    var first = true
    while let key = try r.nextKey(&first) {
      switch key {
      case K.name: name = try r.readString()
      case K.value: value = try r.readDouble()
      case K.unit: unit = try r.readString()
      case K.comparator: comparator = try r.readString()
      case K.printed: printed = try r.readString()
      case K.actual: actual = try r.readOptionalDouble()
      default: try r.skipValue()
      }
    }
    guard let name = name.take(), let value = value.take(), let unit = unit.take(), let comparator = comparator.take(),
      let printed = printed.take()
    else { throw r.failure }
    self.init(name: name, value: value, unit: unit, comparator: comparator, printed: printed, actual: actual)
  }
}

extension Closure {
  init(json r: inout JSONReader) throws {
    var date: String?
    var remark: String?
    var user: String?
    try r.beginObject()
    var first = true
    while let key = try r.nextKey(&first) {
      switch key {
      case K.date: date = try r.readString()
      case K.remark: remark = try r.readString(intern: false)
      case K.user: user = try r.readString()
      default: try r.skipValue()
      }
    }
    guard let date = date.take(), let remark = remark.take(), let user = user.take() else { throw r.failure }
    self.init(date: date, remark: remark, user: user)
  }
}

extension Settings {
  init(json r: inout JSONReader) throws {
    var s = Settings()
    try r.beginObject()
    var first = true
    while let key = try r.nextKey(&first) {
      switch key {
      case K.leadWeight: s.leadWeight = try r.readOptionalDouble() ?? s.leadWeight
      case K.coWeight: s.coWeight = try r.readOptionalDouble() ?? s.coWeight
      case K.yellowBehind: s.yellowBehind = try r.readOptionalInt() ?? s.yellowBehind
      case K.redBehind: s.redBehind = try r.readOptionalInt() ?? s.redBehind
      case K.dueSoonDays: s.dueSoonDays = try r.readOptionalInt() ?? s.dueSoonDays
      case K.groups: s.groups = try r.readNull() ? [] : try r.readArray { try GroupMembership(json: &$0) }
      default: try r.skipValue()
      }
    }
    self = s
  }
}

extension GroupMembership {
  init(json r: inout JSONReader) throws {
    var group: String?
    var members: [String]?
    var assumed: Bool?
    try r.beginObject()
    var first = true
    while let key = try r.nextKey(&first) {
      switch key {
      case K.group: group = try r.readString()
      case K.members: members = try r.readStrings()
      case K.assumed: assumed = try r.readBool()
      default: try r.skipValue()
      }
    }
    guard let group = group.take(), let members = members.take(), let assumed = assumed.take() else { throw r.failure }
    self.init(group: group, members: members, assumed: assumed)
  }
}

extension WorkPlan {
  init(json r: inout JSONReader) throws {
    var unit: String?
    var owner: String?
    var rows: [WorkPlanRow]?
    var filed: String?
    try r.beginObject()
    var first = true
    while let key = try r.nextKey(&first) {
      switch key {
      case K.unit: unit = try r.readString()
      case K.owner: owner = try r.readString()
      case K.rows: rows = try r.readArray { try WorkPlanRow(json: &$0) }
      case K.filed: filed = try r.readOptionalString()
      default: try r.skipValue()
      }
    }
    guard let unit = unit.take(), let owner = owner.take(), let rows = rows.take() else { throw r.failure }
    self.init(unit: unit, owner: owner, rows: rows, filed: filed)
  }
}

extension WorkPlanRow {
  init(json r: inout JSONReader) throws {
    var item: String?
    var content: String?
    var deadline: String?
    var leader: String?
    var office: String?
    try r.beginObject()
    var first = true
    while let key = try r.nextKey(&first) {
      switch key {
      case K.item: item = try r.readString()
      case K.content: content = try r.readString(intern: false)
      case K.deadline: deadline = try r.readString()
      case K.leader: leader = try r.readString()
      case K.office: office = try r.readString()
      default: try r.skipValue()
      }
    }
    guard let item = item.take(), let content = content.take(), let deadline = deadline.take(),
      let leader = leader.take(), let office = office.take()
    else { throw r.failure }
    self.init(item: item, content: content, deadline: deadline, leader: leader, office: office)
  }
}
