import DubanCore

public enum DOCXWriter {
  static let wNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
  static let rNS = XLSXWriter.rNS

  public static func data(_ doc: WordDocument) throws -> [UInt8] {
    try ZipParts.make([
      ("docProps/app.xml", OfficeMarker.appXML),
      ("[Content_Types].xml", contentTypes),
      ("_rels/.rels", rootRels),
      ("word/document.xml", document(doc)),
      ("word/_rels/document.xml.rels", documentRels),
      ("word/footer1.xml", footer),
      ("word/fontTable.xml", fontTable),
    ])
  }

  // Sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt.
  static func run(_ text: String, font: String, size: Int, bold: Bool = false) -> String {
    let f = XML.attr(font)
    var x = "<w:r><w:rPr><w:rFonts w:ascii=\"\(f)\" w:hAnsi=\"\(f)\" w:eastAsia=\"\(f)\" w:cs=\"\(f)\"/>"
    if bold { x += "<w:b/>" }
    x += "<w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/></w:rPr>"
    // A newline in the data is a line break, not a new paragraph.
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    for (i, line) in lines.enumerated() {
      if i > 0 { x += "<w:br/>" }
      x += "<w:t xml:space=\"preserve\">\(XML.text(String(line)))</w:t>"
    }
    return x + "</w:r>"
  }

  static func paragraph(
    _ runs: String, align: String? = nil, indent: Bool = false, exactLine: Int? = 560, after: Int = 0,
    rightIndent: Int = 0, grid: Bool = true, keepNext: Bool = false
  )
    -> String
  {
    var p = "<w:p><w:pPr>"
    // A heading stays on the page of what it heads.
    if keepNext { p += "<w:keepNext/>" }
    // In a table cell the page's 28-point line grid would double every line.
    // … nor the space Word and LibreOffice put between Chinese and figures (a date would wrap).
    // (The schema's order: autoSpaceDE, autoSpaceDN, snapToGrid, spacing.)
    if !grid { p += "<w:autoSpaceDE w:val=\"0\"/><w:autoSpaceDN w:val=\"0\"/><w:snapToGrid w:val=\"0\"/>" }
    p += "<w:spacing w:before=\"0\" w:after=\"\(after)\""
    if let exactLine { p += " w:line=\"\(exactLine)\" w:lineRule=\"exact\"" }
    p += "/>"
    if indent { p += "<w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/>" }
    if rightIndent > 0 { p += "<w:ind w:right=\"\(rightIndent)\"/>" }
    if let align { p += "<w:jc w:val=\"\(align)\"/>" }
    return p + "</w:pPr>" + runs + "</w:p>"
  }

  static let body = "仿宋_GB2312"

  static func document(_ doc: WordDocument) -> String {
    var x = XML.header + "<w:document xmlns:w=\"\(wNS)\" xmlns:r=\"\(rNS)\"><w:body>"
    for b in doc.blocks {
      switch b {
      case .title(let s):
        x += paragraph(run(s, font: "方正小标宋简体", size: 44), align: "center", exactLine: nil, after: 560)
      case .salutation(let s): x += paragraph(run(s, font: body, size: 32))
      case .heading(let s): x += paragraph(run(s, font: "黑体", size: 32), indent: true, keepNext: true)
      case .paragraph(let s): x += paragraph(run(s, font: body, size: 32), indent: true)
      case .signature(let lines):
        x += paragraph("")
        // GB/T 9704: the issuing office and the date stand four characters in from the right.
        for l in lines { x += paragraph(run(l, font: body, size: 32), align: "right", rightIndent: 4 * 320) }
      case .table(let headers, let rows):
        x += table(headers, rows)
      }
    }
    // A4, GB/T 9704 margins (twips: 1 mm ≈ 56.7), footer with the page number.
    x += "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId1\"/>"
    x += "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
    x +=
      "<w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1588\" w:header=\"851\" w:footer=\"1134\" w:gutter=\"0\"/>"
    x += "<w:docGrid w:type=\"linesAndChars\" w:linePitch=\"579\" w:charSpace=\"0\"/></w:sectPr>"
    return x + "</w:body></w:document>"
  }

  static func table(_ headers: [String], _ rows: [[String]]) -> String {
    let border = "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\""
    // Fixed widths from the model (WordDocument.columnWidths): the type area's width, the
    // long text column widest; Word and WPS keep them as they are.
    let widths = WordDocument.columnWidths(headers: headers, rows: rows)
    let centred = WordDocument.shortColumns(headers: headers, rows: rows)
    var x =
      "<w:tbl><w:tblPr><w:tblW w:w=\"\(WordDocument.textWidth)\" w:type=\"dxa\"/><w:jc w:val=\"center\"/><w:tblBorders>"
    for side in ["top", "left", "bottom", "right", "insideH", "insideV"] { x += "<w:\(side) \(border)/>" }
    // The cell margins the widths assume (108 twips a side, Word's), said so LibreOffice
    // and WPS use them too.
    x += "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"108\" w:type=\"dxa\"/>"
    x += "<w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>"
    for w in widths { x += "<w:gridCol w:w=\"\(w)\"/>" }
    x += "</w:tblGrid>"
    func row(_ cells: [String], header: Bool) -> String {
      var r = "<w:tr>" + (header ? "<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>" : "")
      for (i, w) in widths.enumerated() {
        let c = i < cells.count ? cells[i] : ""
        r += "<w:tc><w:tcPr><w:tcW w:w=\"\(w)\" w:type=\"dxa\"/><w:vAlign w:val=\"center\"/></w:tcPr>"
        let text = run(c, font: body, size: WordDocument.tableSize, bold: header)
        r += paragraph(text, align: header || centred.contains(i) ? "center" : nil, exactLine: nil, grid: false)
        r += "</w:tc>"
      }
      return r + "</w:tr>"
    }
    x += row(headers, header: true)
    for r in rows { x += row(r, header: false) }
    // A paragraph after a table keeps the next one from joining it.
    return x + "</w:tbl>" + paragraph("", exactLine: nil)
  }

  static let footer: String = {
    let f = "宋体"
    let rPr = "<w:rPr><w:rFonts w:ascii=\"\(f)\" w:hAnsi=\"\(f)\" w:eastAsia=\"\(f)\"/><w:sz w:val=\"28\"/></w:rPr>"
    return XML.header + "<w:ftr xmlns:w=\"\(wNS)\" xmlns:r=\"\(rNS)\"><w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>"
      + "<w:r>\(rPr)<w:t xml:space=\"preserve\">— </w:t></w:r>"
      + "<w:r>\(rPr)<w:fldChar w:fldCharType=\"begin\"/></w:r>"
      + "<w:r>\(rPr)<w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
      + "<w:r>\(rPr)<w:fldChar w:fldCharType=\"separate\"/></w:r>"
      + "<w:r>\(rPr)<w:t>1</w:t></w:r>"
      + "<w:r>\(rPr)<w:fldChar w:fldCharType=\"end\"/></w:r>"
      + "<w:r>\(rPr)<w:t xml:space=\"preserve\"> —</w:t></w:r></w:p></w:ftr>"
  }()

  /// The fonts GB/T 9704 names, each with the font Windows ships as its stand-in (仿宋_GB2312
  /// and 楷体_GB2312 are not on Windows 10; 方正小标宋简体 comes with the office's font pack).
  static let fontTable: String = {
    let fonts = [("方正小标宋简体", "宋体"), ("仿宋_GB2312", "仿宋"), ("黑体", "SimHei"), ("宋体", "SimSun")]
    var x = XML.header + "<w:fonts xmlns:w=\"\(wNS)\">"
    for (name, alt) in fonts {
      x +=
        "<w:font w:name=\"\(XML.attr(name))\"><w:altName w:val=\"\(XML.attr(alt))\"/><w:charset w:val=\"86\"/></w:font>"
    }
    return x + "</w:fonts>"
  }()

  static let contentTypes =
    XML.header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
    + "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
    + "<Override PartName=\"/word/fontTable.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml\"/>"
    + "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
    + "</Types>"

  static let rootRels =
    XML.header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    + "<Relationship Id=\"rId1\" Type=\"\(rNS)/officeDocument\" Target=\"word/document.xml\"/>"
    + "<Relationship Id=\"rId2\" Type=\"\(rNS)/extended-properties\" Target=\"docProps/app.xml\"/>"
    + "</Relationships>"

  static let documentRels =
    XML.header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    + "<Relationship Id=\"rId1\" Type=\"\(rNS)/footer\" Target=\"footer1.xml\"/>"
    + "<Relationship Id=\"rId2\" Type=\"\(rNS)/fontTable\" Target=\"fontTable.xml\"/>"
    + "</Relationships>"
}
