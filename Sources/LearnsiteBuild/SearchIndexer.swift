import Foundation
import LearnsiteContent
import LearnsiteOutput

/// Builds the site's search index with Pagefind, in the staged site before it replaces the old one,
/// so a failed index never replaces a good site. Without Pagefind the site is built without search.
struct SearchIndexer {
    let executable: String

    static let installHint = "Pagefind is not installed, so the site was built without its search index; install it with `pip install pagefind-bin`"

    /// Pagefind on the PATH, else the binary the PyPI package `pagefind-bin` carries; nil when neither is there.
    init?() {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        if let found = paths.flatMap({ ["\($0)/pagefind", "\($0)/pagefind_extended"] })
            .first(where: { FileManager.default.isExecutableFile(atPath: $0) }) {
            executable = found
            return
        }
        let fromPip = Self.run("/usr/bin/env", ["python3", "-c", "import pagefind_bin; print(pagefind_bin.get_executable())"])
        guard fromPip.status == 0 else { return nil }
        let path = fromPip.output.trimmingCharacters(in: .whitespacesAndNewlines)
        guard FileManager.default.isExecutableFile(atPath: path) else { return nil }
        executable = path
    }

    /// Indexes the pages under `site` into `site/pagefind/`.
    func index(_ site: URL) throws(OutputError) {
        let result = Self.run(executable, ["--site", site.path, "--output-subdir", "pagefind", "--silent"])
        guard result.status == 0 else {
            throw OutputError(path: "pagefind", reason: "the search index could not be built, so the previous site was kept: \(result.output.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
    }

    private static func run(_ executable: String, _ arguments: [String]) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return (-1, error.localizedDescription) }
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}
