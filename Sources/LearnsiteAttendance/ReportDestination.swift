import Foundation

/// Where report files go: `Output/reports/`, private to the board, and never the public site.
public enum ReportDestination {
    public struct WriteError: Error, Sendable {
        public let message: String
    }

    /// `Output/reports/attendance-2024-25.html`.
    public static func defaultPath(for period: ReportPeriod, output: String = "Output") -> String {
        defaultPath(report: "attendance", label: period.label, output: output)
    }

    /// `Output/reports/charges-2024-25.html`, `Output/reports/due-2026-11-21.html`.
    public static func defaultPath(report: String, label: String, output: String = "Output") -> String {
        "\(output)/reports/\(report)-\(label.replacingOccurrences(of: " ", with: "-")).html"
    }

    /// True for a path inside an `Output/site` folder, the public website.
    public static func isInPublicSite(_ path: String) -> Bool {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL
        let folder = absolute.deletingLastPathComponent().resolvingSymlinksInPath()
        let components = folder.pathComponents + [absolute.lastPathComponent]
        return zip(components, components.dropFirst()).contains { $0 == "Output" && $1 == "site" }
    }

    /// Writes atomically, readable by its owner only (it holds personal data), creating folders as needed.
    public static func write(_ text: String, to path: String) throws(WriteError) {
        guard !isInPublicSite(path) else {
            throw WriteError(message: "attendance reports hold personal data and are never written into the public site (Output/site); write them to Output/reports instead")
        }
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .atomic)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        } catch {
            throw WriteError(message: "the report could not be written (\(error.localizedDescription))")
        }
    }
}
