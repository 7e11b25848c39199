import Foundation

/// Finds the file a request path names inside the built site, and never one outside it.
struct SiteFiles: Sendable {
    let root: URL

    enum Lookup: Equatable {
        case file(URL)
        /// A folder without its trailing slash: redirect so relative links resolve.
        case redirect(String)
        case notFound
    }

    /// - Parameter path: the request path, still percent-encoded (`/bulletins/cse/`).
    func lookup(_ path: String) -> Lookup {
        guard let decoded = path.split(separator: "?").first.map(String.init)?.removingPercentEncoding else { return .notFound }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true)
        // No `..`, hidden files or NUL: the path must stay inside the site as written.
        guard !segments.contains(where: { $0 == ".." || $0.hasPrefix(".") || $0.contains("\0") || $0.contains("\\") }) else {
            return .notFound
        }
        var url = root
        for segment in segments { url.appendPathComponent(String(segment)) }
        let resolved = url.standardizedFileURL.resolvingSymlinksInPath()
        guard resolved.path == root.path || resolved.path.hasPrefix(root.path + "/") else { return .notFound }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved.path, isDirectory: &isFolder) else { return .notFound }
        if isFolder.boolValue {
            guard decoded.hasSuffix("/") || segments.isEmpty else { return .redirect(path + "/") }
            let index = resolved.appendingPathComponent("index.html")
            return FileManager.default.fileExists(atPath: index.path) ? .file(index) : .notFound
        }
        return .file(resolved)
    }

    static func contentType(of url: URL) -> String {
        switch url.pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js", "mjs": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "xml": "application/xml; charset=utf-8"
        case "txt": "text/plain; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "ico": "image/x-icon"
        case "pdf": "application/pdf"
        case "wasm": "application/wasm"
        case "woff2": "font/woff2"
        default: "application/octet-stream"
        }
    }
}
