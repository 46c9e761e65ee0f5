/// A verb clause followed by a labelled clause that names only leaders or a deadline:
/// “…(省发展改革委牵头,各地、各部门配合)(责任领导:林克庆)”. The units are in the first
/// bracket, the people in the second; read apart, the units were lost to the item's text.
extension VerbClause {
  /// The item's text and the two clauses as one, or nil when the labelled clause names units
  /// itself or the text does not end in a verb clause.
  static func before(labelled: UnitClause, text: String) -> (text: String, clause: UnitClause)? {
    guard labelled.entries.allSatisfy({ $0.role == .leader }), let v = trailing(text), v.trailing.isEmpty,
      v.clause.entries.contains(where: { $0.role != .leader })
    else { return nil }
    var clause = labelled
    clause.entries = v.clause.entries + labelled.entries
    clause.hasLeadLabel = labelled.hasLeadLabel || v.clause.hasLeadLabel
    return (v.text, clause)
  }
}

extension VerbClause {
  /// Without brackets, a clause after the text's last full stop must name at least one office,
  /// group or official: “…优先安排。鼓励社会资金和金融资本参与” is a sentence cut by a line break.
  static func namesOffices(_ clause: UnitClause) -> Bool {
    clause.entries.contains {
      UnitName.looksLikeOffice($0.name) || UnitName.isGroupReference($0.name) || isOfficial($0.name)
    }
  }
}
