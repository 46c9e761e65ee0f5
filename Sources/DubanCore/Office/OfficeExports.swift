/// duban's documents as workbooks: a unit's report form, a unit's work plan, the bulletin.
public enum OfficeExports {
  /// The report form: title, the row naming unit, period and deadline (a date), the
  /// headers, then the items, prefilled. Title, title row and headers stay in view.
  public static func form(_ form: UnitForm) -> Workbook {
    var rows: [[Workbook.Cell]] = [
      [.text(form.title, .title)],
      [
        .text(UnitForm.unitLabel, .label), .text(form.unit, .plain), .text(UnitForm.periodLabel, .label),
        .text(form.periodCell, .plain), .text(UnitForm.dueLabel, .label), .dateOrText(form.period.due, .plain),
      ],
      UnitForm.headers.map { .text($0, .header) },
    ]
    for r in form.rows {
      rows.append([
        .text(r.id), .text(r.text), .text(r.progressText), .text(r.problems), .text(r.nextSteps),
        r.progress.map { .number($0) } ?? .empty,
      ])
    }
    var sheet = Workbook.Sheet(name: form.unit, rows: rows, frozenRows: 3, mergedRows: [0])
    sheet.maxWidth = 40
    // 进展情况 is where the unit writes most: the widest text column; 事项 wraps at 30.
    sheet.minWidths = [0, 0, 40, 24, 24, 0]
    sheet.maxWidths = [0, 30, 40, 30, 30, 0]
    return Workbook(sheets: [sheet])
  }

  /// The 办理方案 in the notice's template; 完成时限 a date where it is one.
  public static func workPlan(_ doc: StoreDocument, unit: String) -> Workbook {
    let wp = doc.workPlan(of: unit)
    let owner = wp?.owner.isEmpty == false ? wp!.owner : "（未填）"
    let filed = wp?.filed.map { "已报送 \($0)" } ?? "未报送"
    var rows: [[Workbook.Cell]] = [
      [.text("\(unit)办理方案", .title)],
      [.text(WorkPlanSheet.planLabel, .label), .text(doc.plan.title, .plain)],
      [.text("总责任人", .label), .text(owner, .plain), .text("状态", .label), .text(filed, .plain)],
      WorkPlanSheet.headers.map { .text($0, .header) },
    ]
    for r in WorkPlanSheet.rows(doc, unit: unit) {
      rows.append([.text(r[0], .number), .text(r[1]), .text(r[2]), .dateOrText(r[3]), .text(r[4]), .text(r[5])])
    }
    var sheet = Workbook.Sheet(name: unit, rows: rows, frozenRows: 4, mergedRows: [0])
    sheet.maxWidth = 40
    // 具体工作内容 is what the unit writes: the widest text column; 责任事项 wraps at 30.
    sheet.minWidths = [0, 0, 40, 12, 12, 14]
    sheet.maxWidths = [0, 30, 40, 0, 16, 20]
    return Workbook(sheets: [sheet])
  }

  /// The bulletin: one sheet per table, each headed by the bulletin's title.
  public static func bulletin(_ b: Bulletin) -> Workbook {
    Workbook(
      sheets: b.tables.map { t in
        // Short values (30%, 黄) centred as the counts are, as in the Word table.
        let short = WordDocument.shortColumns(headers: t.headers, rows: t.rows)
        let rows: [[Workbook.Cell]] =
          [[.text(b.title, .title)], [.text(t.title, .label)], t.headers.map { .text($0, .header) }]
          + t.rows.map { row in
            row.enumerated().map { c, v in
              t.numeric.contains(c)
                ? (Int(v).map { .number($0) } ?? .text(v, .number)) : .text(v, short.contains(c) ? .number : .body)
            }
          }
        // The table's title runs across (merged), so it does not widen the first column.
        return Workbook.Sheet(name: t.sheet, rows: rows, frozenRows: 3, mergedRows: [0, 1])
      })
  }
}

extension OfficeExports {
  /// The bulletin as the office publishes it.
  public static func bulletinDocument(_ b: Bulletin) -> WordDocument {
    var blocks: [WordDocument.Block] = [
      .title(b.title), .salutation("各街道办事处，区人民政府各部门，各有关单位："),
      .paragraph(b.summary + b.dueSentence),
    ]
    for t in b.tables {
      blocks.append(.heading(t.title))
      blocks.append(t.rows.isEmpty ? .paragraph("无。") : .table(headers: t.headers, rows: t.rows))
    }
    blocks += [.heading("四、需督促的单位"), .paragraph(b.urging), .signature(["区人民政府督查室", b.signedDate])]
    return WordDocument(blocks)
  }

  /// 催办通知 to one unit.
  public static func reminderDocument(_ r: Reminder) -> WordDocument {
    var blocks: [WordDocument.Block] = [.title(r.title), .salutation("\(r.unit)："), .paragraph(r.body)]
    if !r.rows.isEmpty { blocks.append(.table(headers: Reminder.headers, rows: r.rows)) }
    blocks.append(.signature(["区人民政府督查室", Bulletin.chineseDate(r.asOf.description)]))
    return WordDocument(blocks)
  }

  /// The 催办通知 of the chase list (`ChaseNotice.letter`: the words of the Markdown notice),
  /// as a Word document: what the chase view's X and `duban remind` write as .docx.
  public static func chaseNoticeDocument(_ u: ChaseList.UnitEntries, planTitle: String, asOf: Day) -> WordDocument {
    let letter = ChaseNotice.letter(u, planTitle: planTitle, asOf: asOf)
    var blocks: [WordDocument.Block] = [.title(letter.title), .salutation("\(letter.unit)："), .paragraph(letter.intro)]
    for section in letter.sections {
      blocks += [.heading(section.heading), .table(headers: ChaseNotice.Letter.columns, rows: section.rows)]
    }
    blocks += [.paragraph(letter.ask), .signature(["区人民政府督查室", letter.date])]
    return WordDocument(blocks)
  }
}
