/// The store's types written by JSONWriter, members in sorted order, nulls where the
/// Codable conformances write them: the output equals JSONEncoder's byte for byte
/// (StoreJSONTests holds them to it).
extension StoreJSON {
  static func encode(_ doc: StoreDocument, into w: inout JSONWriter) throws {
    w.beginObject()
    w.key("plan")
    try doc.plan.write(&w)
    w.key("schema")
    w.int(doc.schema)
    w.key("settings")
    try doc.settings.write(&w)
    w.key("workPlans")
    w.beginArray()
    for p in doc.workPlans {
      w.element()
      p.write(&w)
    }
    w.endArray()
    w.endObject()
  }
}

extension Plan {
  func write(_ w: inout JSONWriter) throws {
    w.beginObject()
    w.key("calendar")
    calendar.write(&w)
    w.key("items")
    w.beginArray()
    for item in items {
      w.element()
      try item.write(&w)
      try w.flushIfFull()
    }
    w.endArray()
    w.key("parts")
    w.beginArray()
    for p in parts {
      w.element()
      p.write(&w)
    }
    w.endArray()
    w.key("source")
    w.string(source)
    w.key("title")
    w.string(title)
    w.key("units")
    w.beginArray()
    for u in units {
      w.element()
      w.beginObject()
      w.key("aliases")
      w.strings(u.aliases)
      w.key("kind")
      w.string(u.kind.rawValue)
      w.key("name")
      w.string(u.name)
      w.endObject()
    }
    w.endArray()
    w.key("warnings")
    w.beginArray()
    for warning in warnings {
      w.element()
      w.beginObject()
      w.key("kind")
      w.string(warning.kind.rawValue)
      w.key("line")
      w.int(warning.line)
      w.key("message")
      w.string(warning.message)
      w.endObject()
    }
    w.endArray()
    w.endObject()
  }
}

extension PlanCalendar {
  func write(_ w: inout JSONWriter) {
    w.beginObject()
    w.key("issued")
    w.string(issued)
    w.key("periods")
    w.beginArray()
    for p in periods {
      w.element()
      w.beginObject()
      w.key("due")
      w.string(p.due)
      w.key("id")
      w.string(p.id)
      w.key("name")
      w.string(p.name)
      w.endObject()
    }
    w.endArray()
    w.key("published")
    w.string(published)
    w.key("remarks")
    w.strings(remarks)
    w.key("workPlanDue")
    w.string(workPlanDue)
    w.endObject()
  }
}

extension Part {
  func write(_ w: inout JSONWriter) {
    w.beginObject()
    if let declaredCount {  // synthesized Codable leaves a nil optional out
      w.key("declaredCount")
      w.int(declaredCount)
    }
    w.key("number")
    w.string(number)
    w.key("ordinal")
    w.int(ordinal)
    w.key("sections")
    w.beginArray()
    for s in sections {
      w.element()
      w.beginObject()
      w.key("groups")
      w.strings(s.groups)
      w.key("number")
      w.string(s.number)
      w.key("title")
      w.string(s.title)
      w.endObject()
    }
    w.endArray()
    w.key("title")
    w.string(title)
    w.endObject()
  }
}

extension Item {
  func write(_ w: inout JSONWriter) throws {
    w.beginObject()
    w.key("closed")
    if let closed {
      w.beginObject()
      w.key("date")
      w.string(closed.date)
      w.key("remark")
      w.string(closed.remark)
      w.key("user")
      w.string(closed.user)
      w.endObject()
    } else {
      w.null()
    }
    w.key("deadline")
    w.string(deadline)
    w.key("group")
    w.string(group)
    w.key("history")
    w.beginArray()
    for c in history {
      w.element()
      w.beginObject()
      w.key("after")
      w.string(c.after)
      w.key("before")
      w.string(c.before)
      w.key("field")
      w.string(c.field.stored)
      w.key("time")
      w.string(c.time)
      w.key("user")
      w.string(c.user)
      w.endObject()
    }
    w.endArray()
    w.key("id")
    w.string(id)
    w.key("lead")
    w.strings(lead)
    w.key("leaders")
    w.strings(leaders)
    w.key("line")
    w.int(line)
    w.key("notes")
    w.beginArray()
    for n in notes {
      w.element()
      w.beginObject()
      w.key("text")
      w.string(n.text)
      w.key("time")
      w.string(n.time)
      w.key("user")
      w.string(n.user)
      w.endObject()
    }
    w.endArray()
    w.key("number")
    w.string(number)
    w.key("part")
    w.int(part)
    w.key("progress")
    w.int(progress)
    w.key("reports")
    w.beginArray()
    for r in reports {
      w.element()
      r.write(&w)
    }
    w.endArray()
    w.key("responsible")
    w.strings(responsible)
    w.key("section")
    w.string(section)
    w.key("status")
    w.string(status.rawValue)
    w.key("targets")
    w.beginArray()
    for t in targets {
      w.element()
      try t.write(&w)
    }
    w.endArray()
    w.key("text")
    w.string(text)
    w.endObject()
  }
}

extension ReportFiling {
  func write(_ w: inout JSONWriter) {
    w.beginObject()
    w.key("filed")
    w.string(filed)
    w.key("nextSteps")
    w.string(nextSteps)
    w.key("period")
    w.string(period)
    w.key("problems")
    w.string(problems)
    w.key("progress")
    w.int(progress)
    w.key("progressText")
    w.string(progressText)
    w.key("unit")
    w.string(unit)
    w.key("user")
    w.string(user)
    w.endObject()
  }
}

extension Target {
  func write(_ w: inout JSONWriter) throws {
    w.beginObject()
    w.key("actual")
    try w.double(actual)
    w.key("comparator")
    w.string(comparator)
    w.key("name")
    w.string(name)
    w.key("printed")
    w.string(printed)
    w.key("unit")
    w.string(unit)
    w.key("value")
    try w.double(value)
    w.endObject()
  }
}

extension Settings {
  func write(_ w: inout JSONWriter) throws {
    w.beginObject()
    w.key("coWeight")
    try w.double(coWeight)
    w.key("dueSoonDays")
    w.int(dueSoonDays)
    w.key("groups")
    w.beginArray()
    for g in groups {
      w.element()
      w.beginObject()
      w.key("assumed")
      w.bool(g.assumed)
      w.key("group")
      w.string(g.group)
      w.key("members")
      w.strings(g.members)
      w.endObject()
    }
    w.endArray()
    w.key("leadWeight")
    try w.double(leadWeight)
    w.key("redBehind")
    w.int(redBehind)
    w.key("yellowBehind")
    w.int(yellowBehind)
    w.endObject()
  }
}

extension WorkPlan {
  func write(_ w: inout JSONWriter) {
    w.beginObject()
    w.key("filed")
    w.string(filed)
    w.key("owner")
    w.string(owner)
    w.key("rows")
    w.beginArray()
    for r in rows {
      w.element()
      w.beginObject()
      w.key("content")
      w.string(r.content)
      w.key("deadline")
      w.string(r.deadline)
      w.key("item")
      w.string(r.item)
      w.key("leader")
      w.string(r.leader)
      w.key("office")
      w.string(r.office)
      w.endObject()
    }
    w.endArray()
    w.key("unit")
    w.string(unit)
    w.endObject()
  }
}
