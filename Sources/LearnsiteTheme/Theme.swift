import Foundation
import LearnsiteContent

/// The templates and static files pages are rendered with: the default theme built into the binary,
/// overridden file by file by a user's `Templates/` folder (as a Hugo theme's layouts are).
/// Site templates sit at the top (`bulletin.mustache`), handout templates under `handouts/`.
public struct Theme: Sendable {
    let library: TemplateLibrary
    /// Every file that is not a template (stylesheets, scripts, icons), by path.
    let files: [String: [UInt8]]
    /// Of every template and file, so an incremental build knows when pages must be made again.
    public let fingerprint: Fingerprint

    /// - Parameter overrides: a folder whose files replace the defaults of the same relative path; nil for none.
    public init(overrides: String?) throws(ContentError) {
        var files: [String: (bytes: [UInt8], source: String)] = [:]
        for (path, base64) in DefaultTheme.files {
            files[path] = (Array(Data(base64Encoded: base64)!), "built-in template \(path)")
        }
        var log = DiagnosticLog()
        if let overrides {
            for (path, bytes) in Self.readOverrides(in: overrides, log: &log) {
                files[path] = (bytes, Self.join(overrides, path))
            }
        }
        var fingerprint = Fingerprint()
        for path in files.keys.sorted() {
            fingerprint.add(path)
            fingerprint.add(files[path]!.bytes)
        }
        self.fingerprint = fingerprint
        var staticFiles: [String: [UInt8]] = [:]
        var sources: [String: (nodes: [TemplateNode], file: String)] = [:]
        for path in files.keys.sorted() {
            let (bytes, source) = files[path]!
            guard path.hasSuffix(".mustache") else {
                staticFiles[path] = bytes
                continue
            }
            let name = String(path.dropLast(".mustache".count))
            guard let text = String(bytes: bytes, encoding: .utf8) else {
                log.error(source, "this template is not UTF-8 text; save it again with UTF-8 encoding")
                continue
            }
            do {
                sources[name] = (try TemplateParser.parse(text), source)
            } catch {
                log.error(source, line: error.line, "template syntax error: \(error.message) (at `\(error.lineText)`)")
            }
        }
        for (name, entry) in sources.sorted(by: { $0.key < $1.key }) {
            for partial in TemplateLibrary.references(in: entry.nodes) where sources[partial] == nil {
                log.error(entry.file, "the template `\(name)` uses `\(partial)`, but there is no template `\(partial).mustache`")
            }
        }
        guard !log.hasErrors else { throw ContentError(log.diagnostics) }
        do {
            library = try TemplateLibrary(sources.mapValues(\.nodes))
        } catch {
            let (name, names) = (error.chain[0], error.chain.map { "`\($0)`" })
            log.error(sources[name]!.file, line: error.line, "the template `\(name)` includes itself (\(names.joined(separator: " uses "))), so it would never end")
            throw ContentError(log.diagnostics)
        }
        self.files = staticFiles
    }

    /// Renders a view model with the named template (e.g. `bulletin`, `handouts/pack`), as UTF-8.
    public func render(_ template: String, _ view: any MustacheView) -> [UInt8] {
        library.render(template, view) ?? []
    }

    public func hasTemplate(_ name: String) -> Bool {
        library.contains(name)
    }

    /// The static files under `folder` (e.g. `assets`), keyed by their path inside it, in path order.
    public func files(in folder: String) -> [(path: String, bytes: [UInt8])] {
        files.keys.filter { $0.hasPrefix(folder + "/") }.sorted()
            .map { (String($0.dropFirst(folder.count + 1)), files[$0]!) }
    }

    private static func readOverrides(in folder: String, log: inout DiagnosticLog) -> [(String, [UInt8])] {
        let root = URL(fileURLWithPath: folder).standardizedFileURL
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return []
        }
        var result: [(String, [UInt8])] = []
        while let url = walker.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true,
                  !url.lastPathComponent.hasPrefix(".") else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
            guard relative.hasSuffix(".mustache") || relative.split(separator: "/").contains("assets") else { continue }
            guard let data = FileManager.default.contents(atPath: url.path) else {
                log.error(join(folder, relative), "this template could not be read; check its permissions")
                continue
            }
            result.append((relative, Array(data)))
        }
        return result
    }

    private static func join(_ folder: String, _ relative: String) -> String {
        folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
    }
}
