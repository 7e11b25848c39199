/// A problem found in the content, told the way a web editor can act on it: which file, which line, what to do.
public struct Diagnostic: Error, Sendable, Equatable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable, CaseIterable, Codable {
        /// Something to look at, not a problem (e.g. external links to re-check now and then).
        case note, warning, error
        public static func < (a: Severity, b: Severity) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }
    }

    public let severity: Severity
    /// Path as the user would type it, e.g. `Content/bulletins/cse.md`.
    public let file: String
    /// 1-based line in the file, when the problem has one.
    public let line: Int?
    public let message: String
    /// Names the rule for tools that treat some problems differently (`check` makes `unknown-reference` an error).
    public let code: String?

    public init(_ severity: Severity, file: String, line: Int? = nil, _ message: String, code: String? = nil) {
        self.severity = severity
        self.file = file
        self.line = line
        self.message = message
        self.code = code
    }

    /// The same problem at another level.
    public func with(_ severity: Severity) -> Diagnostic {
        Diagnostic(severity, file: file, line: line, message, code: code)
    }

    /// `file:line: level: message`, the format compilers use, so editors can jump to it.
    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        return "\(place): \(severity.rawValue): \(message)"
    }
}

/// The content could not be loaded: every error found, so the editor can fix them in one pass.
public struct ContentError: Error, Sendable, CustomStringConvertible {
    public let diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

/// Collects diagnostics while loading; errors stop the build only after everything has been checked.
public struct DiagnosticLog: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }

    public mutating func error(_ file: String, line: Int? = nil, _ message: String) {
        diagnostics.append(Diagnostic(.error, file: file, line: line, message))
    }

    public mutating func warning(_ file: String, line: Int? = nil, _ message: String) {
        diagnostics.append(Diagnostic(.warning, file: file, line: line, message))
    }

    public mutating func append(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    public mutating func append(contentsOf other: DiagnosticLog) {
        diagnostics += other.diagnostics
    }
}
