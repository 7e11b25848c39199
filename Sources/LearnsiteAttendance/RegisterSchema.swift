/// Which column of a register holds what, from its header row.
///
/// Header names are matched ignoring case, spaces, underscores and hyphens, with the aliases of the content
/// contract and the names common exports use (`Surname`, `Email address`, `Session date`). The optional role,
/// hours and confidence scores are read only by the reports that use them; other columns are allowed and not read.
struct RegisterSchema: Equatable {
    enum Column {
        case date, course, name, firstName, lastName, email, agency, status, cancelledOn
        case role, hours, preScore, postScore
    }

    private static let aliases: [String: Column] = [
        "date": .date, "sessiondate": .date, "coursedate": .date, "eventdate": .date,
        "course": .course, "coursetitle": .course, "coursename": .course, "event": .course,
        "name": .name, "attendee": .name, "fullname": .name, "attendeename": .name, "delegate": .name,
        "firstname": .firstName, "forename": .firstName, "givenname": .firstName,
        "lastname": .lastName, "surname": .lastName, "familyname": .lastName,
        "email": .email, "emailaddress": .email,
        "agency": .agency, "organisation": .agency, "organization": .agency, "employer": .agency,
        "status": .status, "attendancestatus": .status, "outcome": .status,
        "cancelledon": .cancelledOn, "cancellationdate": .cancelledOn, "dateofcancellation": .cancelledOn,
        "role": .role, "jobrole": .role,
        "hours": .hours, "cpdhours": .hours,
        "prescore": .preScore, "confidencebefore": .preScore,
        "postscore": .postScore, "confidenceafter": .postScore,
    ]

    /// The number of columns in the header; every row must have as many values.
    let width: Int
    // Column positions, looked up once per file rather than once per row.
    let date: Int
    let course: Int
    let agency: Int
    let status: Int
    let name: Int?
    let firstName: Int?
    let lastName: Int?
    let email: Int?
    let cancelledOn: Int?
    let role: Int?
    let hours: Int?
    let preScore: Int?
    let postScore: Int?

    struct Problem: Error, Equatable {
        let message: String
    }

    init(header: [String]) throws(Problem) {
        var indexes: [Column: Int] = [:]
        for (index, title) in header.enumerated() {
            let key = String(title.lowercased().filter { !" _-\t".contains($0) })
            guard let column = RegisterSchema.aliases[key] else { continue }
            if let earlier = indexes[column] {
                throw Problem(message: "the columns “\(header[earlier])” and “\(title)” both give the \(column.description); keep one of them")
            }
            indexes[column] = index
        }
        let hasName = indexes[.name] != nil || indexes[.firstName] != nil || indexes[.lastName] != nil
        let missing = [Column.date, .course, .name, .agency, .status].compactMap { column -> String? in
            if column == .name { return hasName ? nil : "name (a Name or Attendee column, or First Name and Last Name)" }
            return indexes[column] == nil ? column.description : nil
        }
        if indexes[.name] != nil && (indexes[.firstName] != nil || indexes[.lastName] != nil) {
            throw Problem(message: "the header has both a full name column and first or last name columns; keep one way of giving the name")
        }
        guard missing.isEmpty else {
            let found = header.map { "“\($0)”" }.joined(separator: ", ")
            throw Problem(message: "the header row has no column for the \(missing.joined(separator: ", ")), so the file cannot be read; "
                + "registers need date, course, name, agency and status columns (this header has \(found))")
        }
        width = header.count
        date = indexes[.date]!
        course = indexes[.course]!
        agency = indexes[.agency]!
        status = indexes[.status]!
        name = indexes[.name]
        firstName = indexes[.firstName]
        lastName = indexes[.lastName]
        email = indexes[.email]
        cancelledOn = indexes[.cancelledOn]
        role = indexes[.role]
        hours = indexes[.hours]
        preScore = indexes[.preScore]
        postScore = indexes[.postScore]
    }
}

extension RegisterSchema.Column: CustomStringConvertible {
    var description: String {
        switch self {
        case .date: "session date"
        case .course: "course"
        case .name: "name"
        case .firstName: "first name"
        case .lastName: "last name"
        case .email: "email"
        case .agency: "agency"
        case .status: "status"
        case .cancelledOn: "cancellation date"
        case .role: "role"
        case .hours: "hours"
        case .preScore: "confidence score before the course"
        case .postScore: "confidence score after the course"
        }
    }
}
