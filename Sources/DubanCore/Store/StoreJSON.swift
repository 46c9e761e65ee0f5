/// The store read straight from JSON bytes (the fast path of Store.load) and written by
/// JSONWriter. The readers, writers and Codable conformances of the stored types are
/// generated from Scripts/store-schema.json (StoreJSON+Generated.swift); the Codable
/// conformances stay the reference: StoreJSONTests checks both read every store alike and
/// write the same bytes, and whatever the fast path refuses is decoded again by JSONDecoder
/// for its message.
enum StoreJSON {
  static func decode(_ r: inout JSONReader) throws -> StoreDocument {
    let doc = try StoreDocument(json: &r)
    try r.expectEnd()
    return doc
  }

  static func encode(_ doc: StoreDocument, into w: inout JSONWriter) throws {
    try doc.write(&w)
  }
}
