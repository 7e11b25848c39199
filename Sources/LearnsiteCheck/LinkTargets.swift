import LearnsiteOutput

/// Every page and handout a build writes, with the ids its anchors can point to, read from the
/// rendered HTML itself so a link is judged against exactly what readers get.
struct LinkTargets {
    /// Output paths (`site/bulletins/x/index.html`, `handouts/packs/p.html`) and their element ids.
    private let ids: [String: Set<String>]

    init(site: [OutputFile], handouts: [OutputFile]) {
        var ids: [String: Set<String>] = [:]
        for (folder, files) in [("site", site), ("handouts", handouts)] {
            for file in files {
                let path = "\(folder)/\(file.path)"
                ids[path] = path.hasSuffix(".html") ? Self.elementIDs(in: file.contents) : []
                if path.hasSuffix(".html") && folder == "handouts" {
                    ids[String(path.dropLast(5)) + ".pdf"] = []  // made beside each handout with --pdf
                }
            }
        }
        self.ids = ids
    }

    /// The page a path names, trying `dir/` and `dir` as `dir/index.html`.
    func page(_ path: String) -> String? {
        for candidate in [path, path + "index.html", path + "/index.html"] where ids[candidate] != nil {
            return candidate
        }
        return nil
    }

    func has(anchor: String, on page: String) -> Bool {
        ids[page]?.contains(anchor) ?? false
    }

    private static func elementIDs(in bytes: [UInt8]) -> Set<String> {
        var found: Set<String> = []
        let html = String(decoding: bytes, as: UTF8.self)
        var rest = html[...]
        while let start = rest.range(of: " id=\"") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            found.insert(String(rest[..<end]))
            rest = rest[end...]
        }
        return found
    }
}
