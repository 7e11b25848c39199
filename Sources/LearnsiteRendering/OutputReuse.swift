import Foundation

/// Which documents' pages are unchanged since the last build, so renderers carry their previous
/// files over instead of rendering them again (an incremental build).
public struct OutputReuse: Sendable {
    /// Document ids (`bulletins/x`) whose inputs are unchanged.
    public let documents: Set<String>
    /// The output folder of the last build (`Output/site` or `Output/handouts`).
    public let previous: URL

    public init(documents: Set<String>, previous: URL) {
        self.documents = documents
        self.previous = previous
    }
}
