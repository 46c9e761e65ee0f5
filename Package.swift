// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "duban",
  products: [
    .executable(name: "duban", targets: ["duban"]),
    .executable(name: "duban-office", targets: ["duban-office"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    // Office containers (.docx, .xlsx) are zip files.
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
  ],
  targets: [
    // The only C: ncursesw with the wide-character API switched on.
    .systemLibrary(
      name: "CNCursesW",
      path: "Sources/CNCursesW",
      providers: [.apt(["libncurses-dev"])]
    ),
    // The one signal flag (C state lives in a .c file, never in a header) and hang-up checks.
    .target(name: "CDubanSignals"),
    // Model, importer, store: pure Swift, no terminal.
    // memmem, which Swift's Glibc module leaves out.
    .target(name: "CDubanText"),
    .target(name: "DubanCore", dependencies: ["CDubanText"]),
    // App state, actions, reducer and rendering into an in-memory screen.
    .target(name: "DubanTUI", dependencies: ["DubanCore"]),
    // The one layer that talks to ncurses.
    .target(name: "DubanTerm", dependencies: ["DubanTUI", "CNCursesW", "CDubanSignals"]),
    // libxml2 for the XML inside office files and for saved web pages.
    .systemLibrary(
      name: "CLibXML2",
      path: "Sources/CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"])]
    ),
    // Office files and web pages: reading (Read/) into paragraphs and tables of text, and
    // writing (Write/) from the document models in DubanCore. Only duban-office links it.
    .target(
      name: "DubanOffice",
      dependencies: ["DubanCore", "CLibXML2", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
    ),
    // Reads and writes office files for duban and prints or takes JSON: a program of its own,
    // so that duban never loads Foundation, ICU or libxml2 (see the README's import section).
    .executableTarget(name: "duban-office", dependencies: ["DubanOffice"]),
    .executableTarget(
      name: "duban",
      dependencies: [
        // Not DubanOffice: office files go through duban-office (OfficeHelper).
        "DubanCore", "DubanTUI", "DubanTerm",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // make bench: plans of 1,000 to 100,000 items, timed beside taskwarrior.
    // Pseudo-terminals for timing the first frame (GNU extensions Swift's Glibc leaves out).
    .target(name: "CDubanBench"),
    .executableTarget(
      name: "duban-bench",
      dependencies: [
        "DubanCore", "DubanTUI", "CDubanBench", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .testTarget(name: "DubanCoreTests", dependencies: ["DubanCore"], exclude: ["Golden", "Corpus"]),
    .testTarget(name: "DubanOfficeTests", dependencies: ["DubanOffice", "DubanCore"], exclude: ["Fixtures"]),
    .testTarget(name: "DubanTUITests", dependencies: ["DubanTUI", "DubanCore"], exclude: ["Golden"]),
    // Drives the real binary (and tmux) end to end; measures its screens with DubanCore's widths.
    .testTarget(name: "EndToEndTests", dependencies: ["duban", "duban-office", "DubanCore"], exclude: ["Golden"]),
  ],
  swiftLanguageModes: [.v6]
)
