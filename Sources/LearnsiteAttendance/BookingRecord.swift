import LearnsiteContent

/// What the manager reports (charges, refreshers due, impact, no-shows, certificates) need of a booking
/// beyond its counts. Read only when a report asks for records: the plain report keeps no row.
final class BookingDetails: Sendable {
    /// The person's identity as de-duplication knows it: email, else name within agency (hashed).
    let person: UInt64
    let name: String
    let email: String?
    let role: String?
    /// As written in the register's `hours` column, for certificates.
    let hours: String?
    let preScore: Score
    let postScore: Score

    init(person: UInt64, name: String, email: String?, role: String?, hours: String?, preScore: Score, postScore: Score) {
        self.person = person
        self.name = name
        self.email = email
        self.role = role
        self.hours = hours
        self.preScore = preScore
        self.postScore = postScore
    }
}

/// A confidence score (1 = not confident to 5 = very confident) from a `pre_score` or `post_score` cell.
enum Score: Sendable, Equatable {
    case missing
    case value(Int)
    /// Not a whole number from 1 to 5: the text as written, reported with its file and line.
    case invalid(String)

    static let range = 1...5

    init(_ text: String) {
        if text.isEmpty {
            self = .missing
        } else if let number = Int(text), Score.range.contains(number) {
            self = .value(number)
        } else {
            self = .invalid(text)
        }
    }

    var value: Int? {
        if case .value(let number) = self { return number }
        return nil
    }
}

/// One booking in the period, with its groups named and its details: the manager reports' raw material.
struct BookingRecord: Sendable {
    let file: String
    let line: Int
    let date: Day
    /// The catalogue's title, or the register's spelling for a course not in the catalogue.
    let course: String
    /// The catalogue entry (duration, refresher period, required roles), when the course is in it.
    let catalogue: CourseCatalogue.Course?
    let agency: String
    /// The person's identity as de-duplication knows it: email, else name within agency (hashed).
    let person: UInt64
    let status: StatusCode
    let lateCancellation: Bool
    let details: BookingDetails

    /// Attended, late, partial or walk-in (which includes substitutes).
    var attended: Bool { status.attended }
}
