import Foundation

/// Notices edits in the content and template folders by polling file sizes and modification times:
/// portable, needs no system service, and a few milliseconds a round for a board's content.
struct ChangeWatcher: Sendable {
    let folders: [String]
    let interval: Duration

    /// A value that changes whenever any file under the folders is added, removed or saved.
    func fingerprint() -> [String: String] {
        var seen: [String: String] = [:]
        for folder in folders {
            guard let walker = FileManager.default.enumerator(atPath: folder) else { continue }
            while let relative = walker.nextObject() as? String {
                guard let attributes = walker.fileAttributes, attributes[.type] as? FileAttributeType == .typeRegular else { continue }
                let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                seen[folder + "/" + relative] = "\(attributes[.size] ?? 0)@\(modified)"
            }
        }
        return seen
    }

    /// Calls `changed` after each change, until the task is cancelled.
    func watch(_ changed: @Sendable () async -> Void) async {
        var last = fingerprint()
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            let now = fingerprint()
            if now != last {
                last = now
                await changed()
            }
        }
    }
}
