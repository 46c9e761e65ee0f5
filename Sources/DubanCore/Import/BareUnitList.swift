import FoundationEssentials

/// “地区生产总值增长11%(市发改委,市政府相关部门,各县市区政府,荆州开发区)。”: older documents
/// close an item with a bracket of unit names and no label word or verb. Such a bracket is the
/// item's clause when every name in it is an office's name or a reference to a set of units;
/// a bracket of prose (含幼儿园1所, 年底前完成) has names of neither kind and stays text.
extension VerbClause {
  /// Zones are units too, though their names end like places.
  static let zoneEndings = ["开发区", "新区", "园区", "示范区", "试验区", "管理区"]

  static func bareUnitList(_ inner: String) -> UnitClause? {
    let names = UnitClause.names(Array(inner))
    guard !names.isEmpty, inner.count <= 200 else { return nil }
    // A count (3所) or a note (含…, 其中…) is prose, whatever its ending.
    let office: (String) -> Bool = { name in
      !name.contains(where: \.isASCIIDigitChar) && !["含", "包括", "其中", "不含"].contains { name.hasPrefix($0) }
        && (UnitName.looksLikeOffice(name) || zoneEndings.contains { name.hasSuffix($0) })
    }
    guard names.allSatisfy({ office($0) || UnitName.isGroupReference($0) }), names.contains(where: office) else {
      return nil
    }
    var clause = UnitClause()
    clause.entries = names.map { (.responsible, $0) }
    return clause
  }
}
