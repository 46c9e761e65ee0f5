import DubanCore

extension Form {
  /// `i`: an item's text and units, to fix what the import got wrong. Units are typed as a
  /// list (、 or , between them), by any spelling or alias; `+NAME` adds a new unit. The
  /// item's import warnings are shown under them.
  public static func item(_ item: Item, warnings: [ImportWarning], lang: Lang) -> Form {
    var fields = [
      Field(
        key: "text", label: lang.pick("事项文本", "item text"), editor: LineEditor(item.text), readOnly: false,
        item: item.id),
      Field(
        key: "lead", label: lang.pick("牵头单位（用、分隔；新单位前加 +）", "lead units (separate with 、 or ,; + before a new unit)"),
        editor: LineEditor(item.lead.joined(separator: "、")), readOnly: false, item: item.id),
      Field(
        key: "units", label: lang.pick("责任单位", "other units"),
        editor: LineEditor(item.responsible.joined(separator: "、")), readOnly: false, item: item.id),
    ]
    for w in warnings {
      fields.append(
        Field(
          key: "warning",
          label: lang.pick("导入提示（第 \(w.line) 行）", "import warning (line \(w.line))")
            + (item.reviewed == nil ? "" : lang.pick("：已处理", ": resolved")),
          editor: LineEditor(w.message(lang)), readOnly: true, item: item.id))
    }
    return Form(
      kind: .item(itemID: item.id, opened: item.state),
      title: lang.pick(
        "修改事项 \(item.id)（Tab 换栏，Enter 保存，Esc 取消）", "Edit item \(item.id) (Tab next, Enter saves, Esc cancels)"),
      fields: fields)
  }
}
