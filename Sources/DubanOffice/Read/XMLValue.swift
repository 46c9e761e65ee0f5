import CLibXML2

/// A parsed XML part, as a small tree of Swift values (libxml2 parses; nothing of it escapes).
struct XMLValue {
  var name: String
  var attributes: [String: String]
  var children: [XMLValue]
  var text: String

  /// Parses `bytes`; nil when it is not well-formed XML. Network access and entity
  /// expansion are off: an office file is untrusted input.
  static func parse(_ bytes: [UInt8]) -> XMLValue? {
    let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
    let doc = bytes.withUnsafeBufferPointer { buf in
      buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
        xmlReadMemory($0, Int32(buf.count), nil, nil, options)
      }
    }
    guard let doc else { return nil }
    defer { xmlFreeDoc(doc) }
    guard let root = xmlDocGetRootElement(doc) else { return nil }
    return convert(root)
  }

  private static func convert(_ node: xmlNodePtr) -> XMLValue {
    var out = XMLValue(name: String(cString: node.pointee.name), attributes: [:], children: [], text: "")
    var attr = node.pointee.properties
    while let a = attr {
      // An attribute's value is its text children (no xmlFree: it is global C state).
      var value = ""
      var part = a.pointee.children
      while let p = part {
        if let content = p.pointee.content { value += String(cString: content) }
        part = p.pointee.next
      }
      out.attributes[String(cString: a.pointee.name)] = value
      attr = a.pointee.next
    }
    var child = node.pointee.children
    while let c = child {
      switch c.pointee.type {
      case XML_ELEMENT_NODE: out.children.append(convert(c))
      case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
        if let content = c.pointee.content { out.text += String(cString: content) }
      default: break
      }
      child = c.pointee.next
    }
    return out
  }

  /// Children with this local name.
  func all(_ name: String) -> [XMLValue] { children.filter { $0.name == name } }
  func first(_ name: String) -> XMLValue? { children.first { $0.name == name } }

  /// The text of this element and everything beneath it, in order.
  var allText: String { text + children.map(\.allText).joined() }
}
