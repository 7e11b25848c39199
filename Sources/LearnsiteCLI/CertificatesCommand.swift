import ArgumentParser
import LearnsiteAttendance
import LearnsiteContent
import LearnsiteHandouts
import LearnsiteTheme

/// `learnsite attendance certificates`: a PDF certificate of attendance for each attendee.
struct CertificatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "certificates",
        abstract: "One A4 PDF certificate of attendance per attendee (name, course, date, hours, level, board).",
        discussion: "Needs WeasyPrint. Certificates name people: they are written to a private folder (default Output/reports/certificates), never the public site.")

    @OptionGroup var source: RegisterOptions
    @OptionGroup var dates: PeriodOptions

    @Option(help: "Only this course (its title, or its file name in training/courses/).")
    var course: String?

    @Option(help: "A folder of templates overriding the built-in ones (handouts/certificate.mustache, handouts/assets/print.css).")
    var templates: String?

    @Option(help: "The folder the certificates are written to.")
    var output = "Output/reports/certificates"

    func run() throws {
        guard !ReportDestination.isInPublicSite(output + "/certificate.pdf") else {
            Terminal.error("\(output): error: certificates name people, so they are never written into the public site (Output/site); write them to Output/reports/certificates instead")
            throw ExitCode.failure
        }
        guard let pdf = PDFRenderer() else {
            Terminal.error("weasyprint: error: WeasyPrint is not installed, so no certificates were made. \(PDFRenderer.install), then run this command again")
            throw ExitCode.failure
        }
        let theme: Theme
        do {
            theme = try Theme(overrides: templates)
        } catch {
            for diagnostic in error.diagnostics { Terminal.error(diagnostic.description) }
            throw ExitCode.failure
        }
        let report = try source.report(try dates.period(), keepsRecords: true)
        print(Certificates.notice)
        let outcome = Certificates.make(report, course: course, theme: theme, pdf: pdf, folder: output)
        for diagnostic in outcome.diagnostics { Terminal.error(diagnostic.description) }
        if outcome.files.isEmpty && outcome.diagnostics.isEmpty {
            Terminal.error("No one attended \(course.map { "“\($0)”" } ?? "any course") in \(report.period.label), so no certificates were made; check the course's title and choose the period with --year or --from and --to.")
            throw ExitCode.failure
        }
        print("Wrote \(Terminal.count(outcome.files.count, "certificate")) to \(output)")
        if outcome.diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode.failure }
    }
}
