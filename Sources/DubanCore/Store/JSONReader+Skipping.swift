/// What a reader checks without keeping: members this version does not know, and the parts
/// of an item a listing does not show.
extension JSONReader {
  /// Reads an array as a full read does, keeping nothing of it: every element checked,
  /// no string built (a listing shows none of it).
  mutating func checkArray(_ element: (inout JSONReader) throws -> Void) throws {
    let was = discarding
    discarding = true
    defer { discarding = was }
    try enterArray()
    if peek() == UInt8(ascii: "]") {
      pos += 1
      depth -= 1
      return
    }
    while true {
      try element(&self)
      if pos >= nextRelease { releasePages() }
      switch peek() {
      case UInt8(ascii: ","): pos += 1
      case UInt8(ascii: "]"):
        pos += 1
        depth -= 1
        return
      default: throw failure
      }
    }
  }

  /// Skips a member this version does not know (JSONDecoder ignores them too).
  mutating func skipValue() throws {
    switch peek() {
    case UInt8(ascii: "{"):
      try beginObject()
      var first = true
      while try nextKey(&first) != nil { try skipValue() }
    case UInt8(ascii: "["): _ = try readArray { try $0.skipValue() }
    case UInt8(ascii: "\""): _ = try readString(intern: false)
    case UInt8(ascii: "t"), UInt8(ascii: "f"): _ = try readBool()
    case UInt8(ascii: "n"): _ = try readNull()
    default: _ = try readDouble()
    }
  }
}
