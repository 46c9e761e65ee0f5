import DubanCore

/// A row of the 板块 pane: everything, a part, a section or a group.
public struct TreeNode: Equatable, Sendable {
  public enum Kind: Equatable, Sendable {
    case all
    case part(Int)
    case section(part: Int, title: String)
    case group(part: Int, section: String?, title: String)
  }

  public var kind: Kind
  public var label: String
  public var depth: Int

  public func contains(_ item: Item) -> Bool {
    switch kind {
    case .all: return true
    case .part(let p): return item.part == p
    case .section(let p, let title): return item.part == p && item.section == title
    case .group(let p, let section, let title): return item.part == p && item.section == section && item.group == title
    }
  }

  /// The outline of a plan, flattened in reading order.
  public static func outline(of plan: Plan, lang: Lang) -> [TreeNode] {
    var nodes = [TreeNode(kind: .all, label: lang.pick("全部事项", "All items"), depth: 0)]
    for part in plan.parts {
      nodes.append(TreeNode(kind: .part(part.ordinal), label: "\(part.number)、\(part.shortTitle)", depth: 0))
      for section in part.sections {
        let sectionTitle: String? = section.title.isEmpty ? nil : section.title
        if let sectionTitle {
          nodes.append(
            TreeNode(
              kind: .section(part: part.ordinal, title: sectionTitle), label: "(\(section.number))\(sectionTitle)",
              depth: 1))
        }
        for g in section.groups {
          nodes.append(
            TreeNode(
              kind: .group(part: part.ordinal, section: sectionTitle, title: g), label: "—\(g)",
              depth: sectionTitle == nil ? 1 : 2))
        }
      }
    }
    return nodes
  }
}
