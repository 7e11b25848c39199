import Testing
@testable import LearnsiteAttendance

/// Header names and aliases, matched ignoring case, spaces and underscores.
@Suite struct RegisterSchemaTests {
    @Test func contractNames() throws {
        let schema = try RegisterSchema(header: ["date", "course", "name", "email", "agency", "status", "cancelled_on"])
        #expect((schema.date, schema.course, schema.name, schema.email, schema.agency, schema.status) == (0, 1, 2, 3, 4, 5))
        #expect(schema.cancelledOn == 6)
        #expect(schema.width == 7)
    }

    @Test func aliasesAndSpelling() throws {
        let schema = try RegisterSchema(header: ["Session Date", "Course", "First Name", "last_name", "E-mail", "Organisation", "STATUS", "Cancelled On"])
        #expect(schema.date == 0)
        #expect(schema.firstName == 2 && schema.lastName == 3 && schema.name == nil)
        #expect(schema.email == 4 && schema.agency == 5 && schema.status == 6 && schema.cancelledOn == 7)
    }

    @Test(arguments: ["Attendee", "Full name", "Name"])
    func nameAliases(title: String) throws {
        #expect(try RegisterSchema(header: ["date", "course", title, "agency", "status"]).name == 2)
    }

    @Test(arguments: ["Organisation", "Organization", "Employer", "Agency"])
    func agencyAliases(title: String) throws {
        #expect(try RegisterSchema(header: ["date", "course", "name", title, "status"]).agency == 3)
    }

    @Test func surnameAndFirstNameFromMoodle() throws {
        let schema = try RegisterSchema(header: ["First name", "Surname", "Email address", "Organisation", "Session date", "Course", "Status"])
        #expect(schema.firstName == 0 && schema.lastName == 1 && schema.email == 2)
    }

    @Test func missingColumnsAreNamed() {
        #expect { try RegisterSchema(header: ["date", "course", "name", "agency"]) } throws: { error in
            let message = (error as? RegisterSchema.Problem)?.message ?? ""
            return message.contains("no column for the status") && message.contains("“agency”")
        }
        #expect { try RegisterSchema(header: ["date", "course", "agency", "status"]) } throws: { error in
            ((error as? RegisterSchema.Problem)?.message ?? "").contains("name (a Name or Attendee column, or First Name and Last Name)")
        }
    }

    @Test func theManagerReportsOptionalColumns() throws {
        let schema = try RegisterSchema(header: ["date", "course", "name", "agency", "status", "Job role", "Hours", "Pre score", "confidence_after"])
        #expect((schema.role, schema.hours, schema.preScore, schema.postScore) == (5, 6, 7, 8))
        #expect(try RegisterSchema(header: ["date", "course", "name", "agency", "status"]).preScore == nil)
    }

    @Test func aColumnGivenTwiceIsRefused() {
        #expect { try RegisterSchema(header: ["date", "course", "Name", "Attendee", "agency", "status"]) } throws: { error in
            ((error as? RegisterSchema.Problem)?.message ?? "").contains("“Name” and “Attendee” both give the name")
        }
    }
}
