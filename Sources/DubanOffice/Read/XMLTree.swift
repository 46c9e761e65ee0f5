import CLibXML2
import Foundation

/// The one XML tree of DubanOffice: a document parsed by libxml2 (an office part or a saved web
/// page), walked as nodes. The document is freed when the last node of it goes away.
final class XMLTree {
  let doc: xmlDocPtr

  /// XML without network access or entity expansion (no external entities, no billion laughs).
  init(xml data: Data, part: String) throws {
    let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
    let parsed = data.withUnsafeBytes { raw -> xmlDocPtr? in
      let base = raw.bindMemory(to: CChar.self).baseAddress
      return xmlReadMemory(base, Int32(raw.count), part, nil, options)
    }
    guard let parsed else {
      throw OfficeError("\(part) is not well-formed XML", zh: "\(part) 不是格式正确的 XML", code: .badPart(part))
    }
    doc = parsed
  }

  /// HTML as browsers forgive it; the encoding comes from the page's own meta tag (GB2312 and
  /// GBK pages included), else UTF-8.
  init(html data: Data, name: String) throws {
    let options = Int32(
      HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
        | HTML_PARSE_NONET.rawValue)
    let parsed = data.withUnsafeBytes { raw -> htmlDocPtr? in
      let base = raw.bindMemory(to: CChar.self).baseAddress
      return htmlReadMemory(base, Int32(raw.count), name, nil, options)
    }
    guard let parsed else { throw OfficeError("not a readable web page", zh: "不是可读取的网页") }
    doc = parsed
  }

  deinit { xmlFreeDoc(doc) }

  var root: XMLNode? { xmlDocGetRootElement(doc).map { XMLNode(tree: self, ptr: $0) } }
}

/// An element (or text) node of an `XMLTree`. It holds its tree, so it never outlives the
/// document it points into.
struct XMLNode {
  let tree: XMLTree
  let ptr: xmlNodePtr

  /// The local name, without namespace prefix (w:p → p).
  var name: String { ptr.pointee.name.map { String(cString: $0) } ?? "" }
  var isElement: Bool { ptr.pointee.type == XML_ELEMENT_NODE }
  var isText: Bool { ptr.pointee.type == XML_TEXT_NODE || ptr.pointee.type == XML_CDATA_SECTION_NODE }

  var children: [XMLNode] {
    var out: [XMLNode] = []
    var c = ptr.pointee.children
    while let node = c {
      out.append(XMLNode(tree: tree, ptr: node))
      c = node.pointee.next
    }
    return out
  }

  var elements: [XMLNode] { children.filter(\.isElement) }

  /// The child elements with this local name.
  func all(_ name: String) -> [XMLNode] { elements.filter { $0.name == name } }

  func first(_ name: String) -> XMLNode? { elements.first { $0.name == name } }

  /// An attribute by local name, whatever its namespace (w:val, r:id).
  func attr(_ name: String) -> String? {
    guard let v = xmlGetProp(ptr, name) else { return nil }
    defer { free(v) }
    return String(cString: v)
  }

  /// All text below the node.
  var text: String {
    guard let v = xmlNodeGetContent(ptr) else { return "" }
    defer { free(v) }
    return String(cString: v)
  }

  /// Every descendant element with this name, in document order.
  func descendants(_ name: String) -> [XMLNode] {
    var out: [XMLNode] = []
    for c in elements {
      if c.name == name { out.append(c) }
      out += c.descendants(name)
    }
    return out
  }
}
