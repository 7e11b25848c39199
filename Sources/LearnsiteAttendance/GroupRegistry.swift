import Foundation

/// The agency and course groups, shared by the scanning threads under a lock. Each thread resolves a
/// spelling here once and then finds it in its own `ValueTable`, so the lock is taken per distinct
/// spelling, not per row.
///
/// Group numbers depend on which thread gets there first, so nothing shown is ordered by them. A group
/// not in agencies.yml or the catalogue is named by its earliest spelling in file order, as a scan of one
/// file after another would name it.
final class GroupRegistry: @unchecked Sendable {
    struct Group: Sendable {
        fileprivate(set) var name: String
        /// In agencies.yml (agencies) or the course catalogue (courses).
        let known: Bool
        let level: Int?
        /// Where `name` was spelled: (file number, line).
        fileprivate(set) var spelledAt: Place
    }

    typealias Place = (file: Int, line: Int)

    /// Rows with an empty agency are reported under this name.
    static let noAgency = "Agency not recorded"

    private let settings: ReportSettings
    private let lock = NSLock()
    private var agencyGroups: [Group] = []
    private var courseGroups: [Group] = []
    private var agencyByKey: [String: Int] = [:]
    private var courseByKey: [String: Int] = [:]

    init(settings: ReportSettings) {
        self.settings = settings
    }

    var agencies: [Group] { lock.withLock { agencyGroups } }
    var courses: [Group] { lock.withLock { courseGroups } }

    /// The agency group for a register's spelling: its agencies.yml name, or the spelling itself.
    func agency(_ spelling: String, at place: Place) -> (group: Int, known: Bool) {
        let written = spelling.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard !written.isEmpty else {
            return (lock.withLock { group(GroupRegistry.noAgency, key: "\u{0}", known: false, level: nil, at: place, &agencyGroups, &agencyByKey) }, false)
        }
        let canonical = settings.agencies.canonical(written)
        let name = canonical ?? written
        let index = lock.withLock { group(name, key: AgencyDirectory.key(name), known: canonical != nil, level: nil, at: place, &agencyGroups, &agencyByKey) }
        return (index, canonical != nil)
    }

    /// The course group for a register's spelling: the catalogue's title (matched by title or slug), or the spelling.
    func course(_ spelling: String, at place: Place) -> Int {
        let written = spelling.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if let course = settings.courses.course(named: written) {
            return lock.withLock { group(course.title, key: "\u{0}" + course.slug, known: true, level: course.level, at: place, &courseGroups, &courseByKey) }
        }
        let key = CourseCatalogue.key(written)
        return lock.withLock { group(written, key: key.isEmpty ? written : key, known: false, level: nil, at: place, &courseGroups, &courseByKey) }
    }

    private func group(_ name: String, key: String, known: Bool, level: Int?, at place: Place,
                       _ groups: inout [Group], _ byKey: inout [String: Int]) -> Int {
        guard let existing = byKey[key] else {
            groups.append(Group(name: name, known: known, level: level, spelledAt: place))
            byKey[key] = groups.count - 1
            return groups.count - 1
        }
        if !known && (place.file, place.line) < (groups[existing].spelledAt.file, groups[existing].spelledAt.line) {
            groups[existing].name = name
            groups[existing].spelledAt = place
        }
        return existing
    }
}
