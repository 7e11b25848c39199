import Dispatch
import Foundation
import LearnsiteContent
import LearnsiteRendering

/// Turns HTML handouts into PDFs with WeasyPrint, one process per handout, as many at once as there
/// are cores (each waits on its process). A PDF whose inputs (its HTML and the handout assets) are unchanged since the last build
/// is reused instead of rendered again.
public struct PDFRenderer: Sendable {
    public let weasyprint: String

    /// Finds `weasyprint` on the PATH; nil when it is not installed.
    public init?() {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        guard let found = paths.map({ "\($0)/weasyprint" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            return nil
        }
        weasyprint = found
    }

    /// How to install WeasyPrint, for every message that needs it.
    public static let install = "Install it with `apt-get install weasyprint` on Debian or Ubuntu, or `pip install weasyprint`"

    public static let installHint = "WeasyPrint is not installed, so no PDFs were made (the HTML handouts were). \(install), then build again with --pdf"

    /// The file, beside the handouts, that remembers which inputs each PDF was made from.
    static let manifestName = ".pdf-inputs"

    /// Renders a PDF beside each handout in `staging`, reusing those in `previous` whose inputs match.
    /// - Returns: problems (a handout WeasyPrint could not render is an error; the others still render).
    public func render(handouts: [String], in staging: URL, previous: URL) -> (rendered: Int, reused: Int, diagnostics: [Diagnostic]) {
        let assetsKey = Self.fingerprint(of: staging.appendingPathComponent("assets"))
        let old = Self.readManifest(previous.appendingPathComponent(Self.manifestName))
        let keys = handouts.map { path in
            var key = assetsKey
            key.add(FileManager.default.contents(atPath: staging.appendingPathComponent(path).path) ?? Data())
            return key.value
        }
        let outcomes: [(reused: Bool, problem: Diagnostic?)] = concurrentMap(Array(handouts.indices)) { index in
            let html = staging.appendingPathComponent(handouts[index])
            let pdfPath = HandoutPaths.pdf(for: handouts[index])
            let pdf = staging.appendingPathComponent(pdfPath)
            let earlier = previous.appendingPathComponent(pdfPath)
            if old[handouts[index]] == keys[index], (try? FileManager.default.copyItem(at: earlier, to: pdf)) != nil {
                return (true, nil)
            }
            return (false, run(html: html, pdf: pdf))
        }
        let manifest = zip(handouts, keys).map { "\(String($1, radix: 16)) \($0)" }.joined(separator: "\n") + "\n"
        try? Data(manifest.utf8).write(to: staging.appendingPathComponent(Self.manifestName))
        let reused = outcomes.filter(\.reused).count
        let problems = outcomes.compactMap(\.problem)
        return (handouts.count - reused - problems.count, reused, problems)
    }

    private func run(html: URL, pdf: URL) -> Diagnostic? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: weasyprint)
        process.arguments = ["--quiet", html.path, pdf.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return Diagnostic(.error, file: html.lastPathComponent, "WeasyPrint could not be started: \(error.localizedDescription)")
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let reason = message.split(separator: "\n").last.map(String.init) ?? "exit status \(process.terminationStatus)"
            return Diagnostic(.error, file: html.lastPathComponent, "WeasyPrint could not make the PDF: \(reason)")
        }
        return nil
    }

    /// One fingerprint of every file in a folder, in path order.
    static func fingerprint(of folder: URL) -> Fingerprint {
        var fingerprint = Fingerprint()
        for file in (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).sorted() {
            fingerprint.add(file)
            fingerprint.add(FileManager.default.contents(atPath: folder.appendingPathComponent(file).path) ?? Data())
        }
        return fingerprint
    }

    static func readManifest(_ url: URL) -> [String: UInt64] {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [:] }
        var manifest: [String: UInt64] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            if parts.count == 2, let key = UInt64(parts[0], radix: 16) { manifest[String(parts[1])] = key }
        }
        return manifest
    }
}
