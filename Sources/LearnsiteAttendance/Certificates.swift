import Foundation
import LearnsiteContent
import LearnsiteHandouts
import LearnsiteTheme

/// Certificates of attendance (`learnsite attendance certificates`): one A4 PDF per attendee, from the
/// `handouts/certificate` template through the handouts' PDF step, into a private folder such as
/// `Output/reports/certificates/`. The HTML is made in a staging folder beside it and removed once the
/// PDFs are made, so only the certificates remain.
public enum Certificates {
    public static let notice = PrivacyNotice(holds: "attendees' names", audience: "the attendees and the board's training team")
        .line(.none)

    /// What one certificate shows (the template's view).
    struct Page {
        struct Layout {
            let boardName: String
            let root = ""
            let pageTitle: String
        }

        let layout: Layout
        let name: String
        let course: String
        let date: String
        /// `3 hours` from the register's hours column; otherwise the course's duration (`half day`).
        let hours: String?
        let duration: String?
        let level: Int?
        /// `2024-05-14-cse-awareness-sam-smith.pdf`.
        let file: String
    }

    public struct Outcome: Sendable {
        /// The PDFs written, in name order.
        public let files: [String]
        public let diagnostics: [Diagnostic]
    }

    /// Everyone who attended, in the report's period, of the course named (by title or slug) if one is.
    static func pages(_ report: AttendanceReport, course: String?) -> [Page] {
        let wanted = course.map(CourseCatalogue.key)
        var taken = Set<String>()
        let board = report.boardName ?? "Safeguarding children partnership"
        return report.records.filter { record in
            record.attended && (wanted == nil || [record.course, record.catalogue?.slug ?? ""].map(CourseCatalogue.key).contains(wanted!))
        }.map { record in
            let slug = record.catalogue?.slug ?? NewDocument.slug(for: record.course)
            let stem = "\(record.date)-\(slug)-\(NewDocument.slug(for: record.details.name))"
            var file = stem + ".html", number = 1
            while !taken.insert(file).inserted {
                number += 1
                file = "\(stem)-\(number).html"
            }
            let hours = record.details.hours.map { Double($0) == nil ? $0 : "\($0) hours" }
            return Page(layout: Page.Layout(boardName: board, pageTitle: "Certificate of attendance: \(record.details.name)"),
                        name: record.details.name, course: record.course, date: record.date.longForm, hours: hours,
                        duration: hours == nil ? record.catalogue?.duration : nil, level: record.catalogue?.level, file: file)
        }
    }

    /// Renders and writes the certificates into `folder` (replacing any of the same name), readable by
    /// their owner only. A certificate WeasyPrint cannot make is an error; the others are still written.
    public static func make(_ report: AttendanceReport, course: String?, theme: Theme, pdf: PDFRenderer, folder: String) -> Outcome {
        let pages = pages(report, course: course)
        let fileManager = FileManager.default
        let destination = URL(fileURLWithPath: folder)
        let staging = destination.deletingLastPathComponent().appendingPathComponent(".certificates-\(UUID().uuidString)")
        defer { try? fileManager.removeItem(at: staging) }
        do {
            try fileManager.createDirectory(at: staging.appendingPathComponent("assets"), withIntermediateDirectories: true,
                                            attributes: [.posixPermissions: 0o700])
            try fileManager.createDirectory(at: destination, withIntermediateDirectories: true)
            for asset in theme.files(in: "handouts/assets") {
                try Data(asset.bytes).write(to: staging.appendingPathComponent("assets/" + asset.path))
            }
            for page in pages {
                try Data(theme.render("handouts/certificate", page)).write(to: staging.appendingPathComponent(page.file))
            }
        } catch {
            return Outcome(files: [], diagnostics: [Diagnostic(.error, file: folder, "the certificates could not be written (\(error.localizedDescription))")])
        }
        let rendered = pdf.render(handouts: pages.map(\.file), in: staging, previous: staging.appendingPathComponent("none"))
        var diagnostics = rendered.diagnostics
        var files: [String] = []
        for page in pages {
            let name = String(page.file.dropLast(".html".count)) + ".pdf"
            let made = staging.appendingPathComponent(name), target = destination.appendingPathComponent(name)
            guard fileManager.fileExists(atPath: made.path) else { continue }
            do {
                _ = try? fileManager.removeItem(at: target)
                try fileManager.moveItem(at: made, to: target)
                try fileManager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: target.path)
                files.append(target.path)
            } catch {
                diagnostics.append(Diagnostic(.error, file: target.path, "the certificate could not be saved (\(error.localizedDescription))"))
            }
        }
        return Outcome(files: files.sorted(), diagnostics: diagnostics)
    }
}

extension Certificates.Page: MustacheView {
    nonisolated(unsafe) static let keys: TemplateKeys<Self> = [
        "layout": .init { $0.layout }, "name": .init { $0.name }, "course": .init { $0.course }, "date": .init { $0.date },
        "hours": .init { $0.hours }, "duration": .init { $0.duration }, "level": .init { $0.level }, "file": .init { $0.file },
    ]
}

extension Certificates.Page.Layout: MustacheView {
    nonisolated(unsafe) static let keys: TemplateKeys<Self> = [
        "boardName": .init { $0.boardName }, "root": .init { $0.root }, "pageTitle": .init { $0.pageTitle },
    ]
}
