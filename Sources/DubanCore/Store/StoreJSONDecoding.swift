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

/// Member names, once each.
enum K {
  static let schema = JSONKey("schema"), plan = JSONKey("plan"), settings = JSONKey("settings")
  static let workPlans = JSONKey("workPlans")
  static let title = JSONKey("title"), source = JSONKey("source"), calendar = JSONKey("calendar")
  static let parts = JSONKey("parts"), items = JSONKey("items"), units = JSONKey("units")
  static let warnings = JSONKey("warnings")
  static let issued = JSONKey("issued"), published = JSONKey("published"), workPlanDue = JSONKey("workPlanDue")
  static let periods = JSONKey("periods"), remarks = JSONKey("remarks")
  static let id = JSONKey("id"), name = JSONKey("name"), due = JSONKey("due")
  static let ordinal = JSONKey("ordinal"), number = JSONKey("number"), declaredCount = JSONKey("declaredCount")
  static let sections = JSONKey("sections"), groups = JSONKey("groups")
  static let aliases = JSONKey("aliases"), kind = JSONKey("kind")
  static let line = JSONKey("line"), message = JSONKey("message")
  static let part = JSONKey("part"), section = JSONKey("section"), group = JSONKey("group"), text = JSONKey("text")
  static let lead = JSONKey("lead"), responsible = JSONKey("responsible"), leaders = JSONKey("leaders")
  static let status = JSONKey("status"), progress = JSONKey("progress"), notes = JSONKey("notes")
  static let reports = JSONKey("reports"), targets = JSONKey("targets"), deadline = JSONKey("deadline")
  static let closed = JSONKey("closed"), history = JSONKey("history")
  static let time = JSONKey("time"), user = JSONKey("user"), field = JSONKey("field")
  static let before = JSONKey("before"), after = JSONKey("after")
  static let period = JSONKey("period"), filed = JSONKey("filed"), unit = JSONKey("unit")
  static let progressText = JSONKey("progressText"), problems = JSONKey("problems"), nextSteps = JSONKey("nextSteps")
  static let value = JSONKey("value"), comparator = JSONKey("comparator"), printed = JSONKey("printed")
  static let actual = JSONKey("actual")
  static let date = JSONKey("date"), remark = JSONKey("remark")
  static let leadWeight = JSONKey("leadWeight"), coWeight = JSONKey("coWeight")
  static let yellowBehind = JSONKey("yellowBehind"), redBehind = JSONKey("redBehind")
  static let dueSoonDays = JSONKey("dueSoonDays"), members = JSONKey("members"), assumed = JSONKey("assumed")
  static let owner = JSONKey("owner"), rows = JSONKey("rows"), item = JSONKey("item"), content = JSONKey("content")
  static let leader = JSONKey("leader"), office = JSONKey("office")
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
      case K.notes:
        if r.summaryOnly {
          try r.skipValueQuickly()
          notes = []
        } else {
          notes = try r.readArray { try Note(json: &$0) }
        }
      case K.reports where r.summaryOnly, K.targets where r.summaryOnly: try r.skipValueQuickly()
      case K.reports: if try !r.readNull() { reports = try r.readArray { try ReportFiling(json: &$0) } }
      case K.targets: if try !r.readNull() { targets = try r.readArray { try Target(json: &$0) } }
      case K.deadline: deadline = try r.readOptionalString()
      case K.closed: closed = try r.readNull() ? nil : try Closure(json: &r)
      case K.history:
        if r.summaryOnly {
          try r.skipValueQuickly()
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
    self.init(time: time, user: user, field: field, before: before, after: after)
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
