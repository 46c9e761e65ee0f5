extension ExportFile.Refused {
  /// For writers outside DubanCore (office files) that refuse by the same rule.
  public init(refusing path: String) { self.init(path: path) }
}
