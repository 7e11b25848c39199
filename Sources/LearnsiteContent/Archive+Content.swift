// How loaded documents go into the build cache, so a rebuild need not read unchanged files again.
// Every field is written, in declaration order; `ArchiveTests` checks that a document read back archives
// to the same bytes and keeps its body, figures, messages and stamp.

/// A document's body is not archived: it is read again from its file if a build needs it (see `BodyText`).
extension Document: Archivable {
    public func archive(into writer: inout ArchiveWriter) {
        writer.write(kind)
        writer.write(slug)
        writer.write(sourcePath)
        writer.write(title)
        writer.write(date)
        writer.write(summary)
        writer.write(themes)
        writer.write(revised)
        writer.write(reviewBy)
        writer.write(author)
        writer.write(audience)
        writer.write(draft)
        writer.write(handout)
        writer.write(discussion)
        writer.write(figures)
        writer.write(references)
        writer.write(include)
        writer.write(course)
        writer.write(courseDetails)
        writer.write(bodyStartLine)
        writer.write(sourceFingerprint)
        writer.write(frontMatterFingerprint)
    }

    public convenience init(from reader: inout ArchiveReader) throws(ArchiveError) {
        let kind: DocumentKind = try reader.read(), slug: String = try reader.read(), sourcePath: String = try reader.read()
        self.init(kind: kind, slug: slug, sourcePath: sourcePath,
                  title: try reader.read(), date: try reader.read(), summary: try reader.read(), themes: try reader.read(),
                  revised: try reader.read(), reviewBy: try reader.read(), author: try reader.read(), audience: try reader.read(),
                  draft: try reader.read(), handout: try reader.read(), discussion: try reader.read(), figures: try reader.read(),
                  references: try reader.read(), include: try reader.read(), course: try reader.read(),
                  courseDetails: try reader.read(), bodyText: BodyText(file: sourcePath), bodyStartLine: try reader.read(),
                  sourceFingerprint: try reader.read(), frontMatterFingerprint: try reader.read())
    }
}

extension DocumentKind: Archivable {
    public func archive(into writer: inout ArchiveWriter) { writer.write(rawValue) }
    public init(from reader: inout ArchiveReader) throws(ArchiveError) {
        guard let kind = DocumentKind(rawValue: try reader.read()) else { throw ArchiveError() }
        self = kind
    }
}

extension Day: Archivable {
    public func archive(into writer: inout ArchiveWriter) {
        writer.write(year)
        writer.write(month)
        writer.write(day)
    }

    public init(from reader: inout ArchiveReader) throws(ArchiveError) {
        guard let day = Day(year: try reader.read(), month: try reader.read(), day: try reader.read()) else { throw ArchiveError() }
        self = day
    }
}

extension SourceValue: Archivable where Value: Archivable {
    public func archive(into writer: inout ArchiveWriter) {
        writer.write(value)
        writer.write(line)
    }

    public init(from reader: inout ArchiveReader) throws(ArchiveError) {
        self.init(try reader.read(), line: try reader.read())
    }
}

extension Figure: Archivable {
    public func archive(into writer: inout ArchiveWriter) {
        writer.write(label)
        writer.write(value)
        writer.write(note)
    }

    public init(from reader: inout ArchiveReader) throws(ArchiveError) {
        self.init(label: try reader.read(), value: try reader.read(), note: try reader.read())
    }
}

extension CourseDetails: Archivable {
    public func archive(into writer: inout ArchiveWriter) {
        writer.write(level)
        writer.write(duration)
        writer.write(outcomes)
        writer.write(refreshYears)
        writer.write(requiredFor)
    }

    public init(from reader: inout ArchiveReader) throws(ArchiveError) {
        self.init(level: try reader.read(), duration: try reader.read(), outcomes: try reader.read(),
                  refreshYears: try reader.read(), requiredFor: try reader.read())
    }
}

extension Diagnostic: Archivable {
    public func archive(into writer: inout ArchiveWriter) {
        writer.write(severity.rawValue)
        writer.write(file)
        writer.write(line)
        writer.write(message)
        writer.write(code)
    }

    public init(from reader: inout ArchiveReader) throws(ArchiveError) {
        guard let severity = Severity(rawValue: try reader.read()) else { throw ArchiveError() }
        self.init(severity, file: try reader.read(), line: try reader.read(), try reader.read(), code: try reader.read())
    }
}

extension Fingerprint: Archivable {
    public func archive(into writer: inout ArchiveWriter) { writer.write(value) }
    public init(from reader: inout ArchiveReader) throws(ArchiveError) {
        self.init()
        value = try reader.read()
    }
}
