/// Readers for the content folder's YAML data files: `site.yml`, `glossary.yml`, `references.yml`.
enum DataFiles {
    /// `social` and `training` are read by the features that use them (links, attendance charges).
    static let knownSiteFields: Set<String> = [
        "name", "short_name", "base_url", "language", "description", "unsafe_html", "contacts", "logo",
        "exit_this_page", "themes", "accessibility", "social", "training",
    ]

    static func siteConfig(yaml: String, file: String) -> (SiteConfig?, DiagnosticLog) {
        let reader = YAMLReader(file: file)
        guard let root = reader.parse(yaml) else {
            if !reader.log.hasErrors { reader.log.error(file, line: 1, "site.yml is empty; it needs at least `name:` (the board's name)") }
            return (nil, reader.log)
        }
        guard case .mapping(let fields) = root.value else {
            reader.error(root, "site.yml should be `field: value` lines, starting with `name: ...`")
            return (nil, reader.log)
        }
        reader.warnUnknownKeys(in: fields, known: knownSiteFields)
        let name = reader.string("name", in: fields, required: true, context: root)
        var baseURL = reader.string("base_url", in: fields)
        if let url = baseURL {
            if !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
                reader.error(fields["base_url"], "`base_url: \(url)` should be the full web address the site is published at, starting with https://")
                baseURL = nil
            } else if !url.hasSuffix("/") {
                baseURL = url + "/"
            }
        }
        let contacts = reader.mappings("contacts", in: fields).compactMap { node, contact -> Contact? in
            reader.warnUnknownKeys(in: contact, known: ["name", "phone", "email", "url", "address", "note"])
            guard let contactName = reader.string("name", in: contact, required: true, context: node) else { return nil }
            return Contact(name: contactName, phone: reader.string("phone", in: contact),
                           email: reader.string("email", in: contact), url: reader.string("url", in: contact),
                           address: reader.string("address", in: contact), note: reader.string("note", in: contact))
        }
        var exitURL: String? = SiteConfig.defaultExitURL
        if let exit = reader.group("exit_this_page", in: fields, known: ["enabled", "url"]) {
            exitURL = reader.bool("enabled", in: exit) == false ? nil : reader.string("url", in: exit) ?? exitURL
            if let url = exitURL, !url.hasPrefix("https://") && !url.hasPrefix("http://") {
                reader.error(exit["url"], "`url: \(url)` should be the full address of a neutral website, starting with https://")
            }
        }
        var themeTitles: [String: String] = [:]
        if let themes = reader.group("themes", in: fields, known: nil) {
            for pair in themes {
                let keyNode = pair.key
                guard let slug = keyNode.string else { continue }
                if !DocumentParser.isSlug(slug) {
                    reader.error(keyNode, "the theme `\(slug)` should be a short name in lowercase letters, digits and hyphens, like `cse` or `county-lines`")
                }
                themeTitles[slug] = reader.string(slug, in: themes)
            }
        }
        let accessibility = reader.group("accessibility", in: fields, known: ["contact_email", "last_reviewed"])
        let config = name.map {
            SiteConfig(name: $0, shortName: reader.string("short_name", in: fields), baseURL: baseURL,
                       language: reader.string("language", in: fields) ?? "en-GB",
                       description: reader.string("description", in: fields),
                       unsafeHTML: reader.bool("unsafe_html", in: fields) ?? false, contacts: contacts,
                       exitURL: exitURL, themeTitles: themeTitles,
                       accessibilityEmail: accessibility.flatMap { reader.string("contact_email", in: $0) },
                       accessibilityReviewed: accessibility.flatMap { reader.day("last_reviewed", in: $0) },
                       logo: reader.string("logo", in: fields))
        }
        return (reader.log.hasErrors ? nil : config, reader.log)
    }

    static func glossary(yaml: String, file: String) -> ([GlossaryTerm], DiagnosticLog) {
        let reader = YAMLReader(file: file)
        guard let root = reader.parse(yaml) else { return ([], reader.log) }
        var seen: [String: Int?] = [:]
        let terms = reader.mappings(of: root, named: "glossary.yml").compactMap { node, entry -> GlossaryTerm? in
            reader.warnUnknownKeys(in: entry, known: ["term", "expansion", "definition"])
            guard let term = reader.string("term", in: entry, required: true, context: node),
                  let expansion = reader.string("expansion", in: entry, required: true, context: node) else { return nil }
            if let first = seen[term.uppercased()] {
                reader.error(entry["term"], "the term `\(term)` is already defined\(first.map { " on line \($0)" } ?? ""); keep one entry per term")
                return nil
            }
            seen[term.uppercased()] = reader.line(of: entry["term"])
            return GlossaryTerm(term: term, expansion: expansion, definition: reader.string("definition", in: entry))
        }
        return (terms, reader.log)
    }

    static func references(yaml: String, file: String) -> ([Reference], DiagnosticLog) {
        let reader = YAMLReader(file: file)
        guard let root = reader.parse(yaml) else { return ([], reader.log) }
        var seen: [String: Int?] = [:]
        let references = reader.mappings(of: root, named: "references.yml").compactMap { node, entry -> Reference? in
            reader.warnUnknownKeys(in: entry, known: ["id", "title", "author", "publisher", "date", "url"])
            guard let id = reader.string("id", in: entry, required: true, context: node) else { return nil }
            guard let title = reader.string("title", in: entry, required: true, context: node) else { return nil }
            if let first = seen[id] {
                reader.error(entry["id"], "the reference id `\(id)` is already used\(first.map { " on line \($0)" } ?? ""); give each reference its own id")
                return nil
            }
            seen[id] = reader.line(of: entry["id"])
            return Reference(id: id, title: title, author: reader.string("author", in: entry),
                             publisher: reader.string("publisher", in: entry), date: reader.string("date", in: entry),
                             url: reader.string("url", in: entry))
        }
        return (references, reader.log)
    }
}
