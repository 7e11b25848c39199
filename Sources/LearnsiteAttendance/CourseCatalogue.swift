import Foundation
import Yams

/// The public course catalogue (`training/courses/*.md`), read for what the reports need: titles, levels,
/// durations (charges), refresher periods and the roles a course is required for (refreshers due).
public struct CourseCatalogue: Sendable {
    public struct Course: Sendable, Equatable {
        public let slug: String
        public let title: String
        public let level: Int?
        public var duration: String?
        public var refreshYears: Int?
        /// `required_for`, as written.
        public var requiredFor: [String] = []
    }

    public let courses: [Course]
    private let byKey: [String: Int]

    public init(_ courses: [Course] = []) {
        var byKey: [String: Int] = [:]
        for (index, course) in courses.enumerated() {
            byKey[CourseCatalogue.key(course.slug)] = byKey[CourseCatalogue.key(course.slug)] ?? index
            byKey[CourseCatalogue.key(course.title)] = byKey[CourseCatalogue.key(course.title)] ?? index
        }
        self.courses = courses
        self.byKey = byKey
    }

    /// The catalogue course a register names by title or slug (`CSE awareness`, `cse-awareness`).
    public func course(named text: String) -> Course? {
        byKey[CourseCatalogue.key(text)].map { courses[$0] }
    }

    /// Lowercase letters and digits only, so a title and its slug agree.
    static func key(_ text: String) -> String {
        // ASCII byte by byte, as `AgencyDirectory.key`.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: text.utf8.compactMap { byte -> UInt8? in
                if (65...90).contains(byte) { return byte + 32 }
                return (97...122).contains(byte) || (48...57).contains(byte) ? byte : nil
            }, as: UTF8.self)
        }
        return String(text.lowercased().filter { $0.isLetter || $0.isNumber })
    }

    /// Reads every course's front matter; a folder that is missing is an empty catalogue.
    public static func load(folder: String) -> CourseCatalogue {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let courses = files.filter { $0.hasSuffix(".md") }.sorted().compactMap { name -> Course? in
            guard let data = FileManager.default.contents(atPath: folder + "/" + name) else { return nil }
            return course(slug: String(name.dropLast(3)), markdown: String(decoding: data, as: UTF8.self))
        }
        return CourseCatalogue(courses)
    }

    static func course(slug: String, markdown: String) -> Course {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        var fields: [String: Any] = [:]
        if lines.first?.trimmingCharacters(in: .whitespaces) == "---",
           let close = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" }) {
            let yaml = lines[1..<close].joined(separator: "\n")
            fields = ((try? Yams.load(yaml: yaml)) as? [String: Any]) ?? [:]
        }
        let duration = fields["duration"].map { "\($0)" }
        return Course(slug: slug, title: (fields["title"] as? String) ?? slug, level: fields["level"] as? Int, duration: duration,
                      refreshYears: fields["refresh_years"] as? Int, requiredFor: (fields["required_for"] as? [Any] ?? fields["required_for"].map { [$0] } ?? []).map { "\($0)" })
    }
}
