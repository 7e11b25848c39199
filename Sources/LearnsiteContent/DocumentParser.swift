/// Reads one Markdown file (front matter and body) into a `Document`.
enum DocumentParser {
    static let commonFields: Set<String> = [
        "title", "date", "summary", "themes", "revised", "review_by", "author", "audience",
        "draft", "handout", "discussion", "figures", "references", "kind",
    ]
    static let kindFields: [DocumentKind: Set<String>] = [
        .handout: ["include", "course"],
        .course: ["level", "duration", "outcomes", "refresh_years", "required_for"],
    ]
    /// Every field each kind may have, made once (made for every document, it was hashed again each time).
    static let knownFields = Dictionary(uniqueKeysWithValues: DocumentKind.allCases.map { kind in
        (kind, commonFields.union(kindFields[kind] ?? []))
    })

    /// A theme slug: lowercase words joined by hyphens, as it appears in `themes/<slug>/`.
    /// One pass over the bytes (`contains("--")` went through Foundation's string search).
    static func isSlug(_ text: String) -> Bool {
        let hyphen = UInt8(ascii: "-")
        var previous = hyphen  // so that a leading hyphen, or no text at all, fails
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): break
            case hyphen where previous != hyphen: break
            default: return false
            }
            previous = byte
        }
        return previous != hyphen
    }

    /// Splits and parses the front matter; nil (with the reason in `reader`) when it is unusable.
    private static func frontMatter(_ text: String, reader: YAMLReader) -> (root: YAMLNode, fields: YAMLMapping, split: SourceText.Split)? {
        let split: SourceText.Split
        switch SourceText.splitFrontMatter(text, file: reader.file) {
        case .success(let value): split = value
        case .failure(let diagnostic):
            reader.log.append(diagnostic)
            return nil
        }
        guard let root = reader.parse(split.yaml) else {
            if !reader.log.hasErrors {
                reader.log.error(reader.file, line: 1, "the front matter is empty; add at least `title:` and `date:` lines")
            }
            return nil
        }
        guard case .mapping(let fields) = root.value else {
            reader.error(root, "the front matter should be `field: value` lines, like `title: My bulletin`")
            return nil
        }
        return (root, fields, split)
    }

    /// Parses the file's text; returns the document (nil on errors) and everything noticed on the way.
    static func parse(text: String, kind: DocumentKind, slug: String, file: String) -> (Document?, DiagnosticLog) {
        let reader = YAMLReader(file: file, lineOffset: 1)
        guard let (root, fields, split) = frontMatter(text, reader: reader) else { return (nil, reader.log) }
        reader.warnUnknownKeys(in: fields, known: knownFields[kind]!)

        if let declared = reader.string("kind", in: fields), declared != kind.rawValue {
            reader.error(fields["kind"], "`kind: \(declared)` contradicts the folder `\(kind.folder)/`, which holds \(kind.rawValue) documents; move the file or remove the `kind:` line")
        }
        let title = reader.string("title", in: fields, required: true, context: root)
        let date = reader.day("date", in: fields, required: true, context: root)

        let themes = reader.strings("themes", in: fields).compactMap { theme -> String? in
            guard isSlug(theme.value) else {
                reader.log.error(file, line: theme.line, "the theme `\(theme.value)` should be a short name in lowercase letters, digits and hyphens, like `cse` or `county-lines`")
                return nil
            }
            return theme.value
        }
        let figures = reader.mappings("figures", in: fields).compactMap { node, figure -> Figure? in
            let label = reader.string("label", in: figure, required: true, context: node)
            let value = reader.string("value", in: figure, required: true, context: node)
            guard let label, let value else { return nil }
            return Figure(label: label, value: value, note: reader.string("note", in: figure))
        }
        var frontMatter = Fingerprint(split.yaml.utf8)
        frontMatter.add(file)
        var courseDetails: CourseDetails?
        if kind == .course {
            courseDetails = CourseDetails(
                level: reader.int("level", in: fields, range: 1...3),
                duration: reader.string("duration", in: fields),
                outcomes: reader.strings("outcomes", in: fields).map(\.value),
                refreshYears: reader.int("refresh_years", in: fields, range: 1...50),
                requiredFor: reader.strings("required_for", in: fields).map(\.value))
        }
        let document = Document(
            kind: kind, slug: slug, sourcePath: file,
            title: title ?? "", date: date ?? Day(year: 1970, month: 1, day: 1)!,
            summary: reader.string("summary", in: fields),
            themes: themes,
            revised: reader.day("revised", in: fields),
            reviewBy: reader.day("review_by", in: fields),
            author: reader.string("author", in: fields),
            audience: reader.string("audience", in: fields),
            draft: reader.bool("draft", in: fields) ?? false,
            handout: reader.bool("handout", in: fields) ?? true,
            discussion: reader.strings("discussion", in: fields).map(\.value),
            figures: figures,
            references: reader.strings("references", in: fields),
            include: kind == .handout ? reader.strings("include", in: fields) : [],
            course: kind == .handout ? reader.string("course", in: fields) : nil,
            courseDetails: courseDetails,
            body: split.body,
            bodyStartLine: split.bodyStartLine,
            sourceFingerprint: Fingerprint(text.utf8),
            frontMatterFingerprint: frontMatter)
        return (reader.log.hasErrors ? nil : document, reader.log)
    }

    /// The home page introduction: like a document, but front matter, title and date are optional.
    static func parseHome(text: String, file: String) -> (HomeIntro?, DiagnosticLog) {
        let firstLine = text.prefix { $0 != "\n" }.trimmingCharacters(in: .whitespaces)
        guard firstLine == "---" else {
            return (HomeIntro(title: nil, body: text, sourcePath: file, bodyStartLine: 1), DiagnosticLog())
        }
        let reader = YAMLReader(file: file, lineOffset: 1)
        guard let (_, fields, split) = frontMatter(text, reader: reader) else { return (nil, reader.log) }
        let title = reader.string("title", in: fields)
        _ = reader.day("date", in: fields)
        reader.warnUnknownKeys(in: fields, known: ["title", "date"])
        let home = HomeIntro(title: title, body: split.body, sourcePath: file, bodyStartLine: split.bodyStartLine)
        return (reader.log.hasErrors ? nil : home, reader.log)
    }
}
