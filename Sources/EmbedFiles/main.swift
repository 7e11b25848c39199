// Writes a Swift source file that embeds every file of a folder, so the default theme ships inside the
// `learnsite` binary and `learnsite build` works from any directory.
// Usage: EmbedFiles <folder> <output.swift> <type name>
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 4 else {
    FileHandle.standardError.write(Data("usage: EmbedFiles <folder> <output.swift> <type name>\n".utf8))
    exit(2)
}
let folder = URL(fileURLWithPath: arguments[1]).standardizedFileURL
let output = URL(fileURLWithPath: arguments[2])
let typeName = arguments[3]

var entries: [(String, String)] = []
let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
while let url = enumerator?.nextObject() as? URL {
    guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
    let relative = String(url.standardizedFileURL.path.dropFirst(folder.path.count + 1))
    // README files explain the folder to users; they are not part of the theme.
    if relative.hasPrefix(".") || relative.uppercased().hasPrefix("README") { continue }
    entries.append((relative, try Data(contentsOf: url).base64EncodedString()))
}
entries.sort { $0.0 < $1.0 }

var source = "// Generated at build time by EmbedFiles from \(folder.lastPathComponent)/. Do not edit.\n"
source += "enum \(typeName) {\n    /// Relative path and base64 contents of each file.\n"
source += "    static let files: [(path: String, base64: String)] = [\n"
for (path, base64) in entries {
    source += "        (\"\(path)\", \"\(base64)\"),\n"
}
source += "    ]\n}\n"
try Data(source.utf8).write(to: output, options: .atomic)
