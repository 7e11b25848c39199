import LearnsiteContent
import Testing
@testable import LearnsiteAttendance

/// The fixture registers (Tests/Fixtures/attendance/attendance), whose every row's fate was worked out by
/// hand: the figures below are those sums, not whatever the code happens to print.
@Suite struct FixtureRegisterTests {
    @Test func everyRowIsAccountedFor() throws {
        let report = try report()
        // 01: 12 rows, 02: 6, 03: 7, 04: 12 (blank lines are not rows), 05: 3, 06: none.
        #expect(report.rowsRead == 40)
        #expect(report.rowsUsed == 23)
        #expect(report.duplicates == 3)
        #expect(report.rowsRejected == 12)
        #expect(report.rowsOutsidePeriod == 2)
        #expect(rowsAddUp(report))
    }

    @Test func totalsFollowTheContract() throws {
        let totals = try report().totals
        #expect(totals.booked == 21)
        #expect(totals.attended == 14)
        #expect(totals.dna == 3)
        #expect(totals.cancelled == 4)
        #expect(totals.sessionsCancelled == 2)
        #expect(totals.walkIns == 2)
        #expect(totals.lateCancellations == 1)
        #expect(totals.attendanceRate == 14.0 / 17.0)
    }

    @Test func agenciesAreNormalisedThroughAliases() throws {
        let report = try report()
        #expect(report.groups.map(\.key) == ["Acme Nursery", "Agency not recorded", "Children's Social Care",
                                             "Milton Keynes University Hospital", "Schools and Colleges", "Thames Valley Police"])
        // TVP, Thames Valley Police and Police, in three files: 6 attended, 1 late, 1 session cancelled.
        let police = try #require(group("Thames Valley Police", in: report))
        #expect((police.booked, police.attended, police.dna, police.cancelled, police.sessionsCancelled) == (7, 7, 0, 0, 1))
        // Curly apostrophe and a double space (Moodle file) still find Children's Social Care.
        let socialCare = try #require(group("Children's Social Care", in: report))
        #expect((socialCare.booked, socialCare.attended, socialCare.cancelled, socialCare.lateCancellations) == (4, 1, 3, 1))
        #expect(socialCare.attendanceRate == 1)
        let hospital = try #require(group("Milton Keynes University Hospital", in: report))
        #expect((hospital.booked, hospital.attended, hospital.dna, hospital.attendanceRate) == (5, 3, 2, 0.6))
    }

    @Test func unknownAgencyIsKeptAndWarnedAboutOnce() throws {
        let report = try report()
        let acme = try #require(group("Acme Nursery", in: report))
        #expect((acme.booked, acme.attended, acme.cancelled, acme.walkIns) == (2, 1, 1, 1))
        let warnings = report.warnings.filter { $0.message.contains("Acme Nursery") }
        #expect(warnings.count == 1)
        #expect(warnings.first?.file.hasSuffix("03-face-to-face.csv") == true)
        #expect(warnings.first?.line == 7)
        #expect(warnings.first?.message.contains("not in agencies.yml") == true)
        #expect(report.warnings.contains { $0.message.contains("no agency") && $0.line == 10 })
    }

    @Test func duplicatesByEmailAndByNameAndAgency() throws {
        let duplicates = try report().duplicateRows.map { "\($0.file.split(separator: "/").last!):\($0.line) \($0.reason)" }
        #expect(duplicates == [
            // Same email in capitals, course by slug, same date as line 2: counted once, as attended.
            "01-comma-lf.csv:12 same email, course and date as an earlier row; counted once",
            // No email: same name and agency (schools / Schools), course by slug.
            "02-moodle-semicolon-bom-crlf.csv:6 same name, agency, course and date as an earlier row; counted once",
            "04-problems.csv:14 same email, course and date as an earlier row; counted once",
        ])
    }

    @Test func eachRejectedReasonWithFileAndLine() throws {
        let rejected = try report().rejected.map { ($0.file.split(separator: "/").last.map(String.init)!, $0.line, $0.reason, $0.rows) }
        let expected: [(String, Int, String, Int)] = [
            ("04-problems.csv", 2, "the session date is empty", 1),
            ("04-problems.csv", 3, "“31/02/2025” is not a date", 1),
            ("04-problems.csv", 4, "the course is empty", 1),
            ("04-problems.csv", 5, "the attendee's name is empty", 1),
            ("04-problems.csv", 6, "the status is empty", 1),
            ("04-problems.csv", 7, "“maybe” is not a status", 1),
            ("04-problems.csv", 8, "this row has 5 values but the header has 6 columns", 1),
            ("04-problems.csv", 9, "this row has 7 values but the header has 6 columns", 1),
            ("04-problems.csv", 15, "a double quote opened in this row is never closed, so lines 15-17", 1),
            ("05-missing-status.csv", 1, "the header row has no column for the status", 3),
            ("06-empty.csv", 1, "the file is empty", 0),
        ]
        #expect(rejected.count == expected.count)
        for (row, want) in zip(rejected, expected) {
            #expect(row.0 == want.0 && row.1 == want.1 && row.3 == want.3, "\(row)")
            #expect(row.2.hasPrefix(want.2), "\(row.2)")
        }
    }

    @Test func quartersAreFinancialAndChronological() throws {
        let report = try report(by: .quarter)
        #expect(report.groups.map(\.key) == ["2024-25 Q1", "2024-25 Q2", "2024-25 Q3", "2024-25 Q4"])
        #expect(report.groups.map(\.counts.booked) == [8, 4, 6, 3])
        #expect(report.groups.map(\.counts.attended) == [8, 2, 1, 3])
        #expect(report.byQuarter == report.groups)
    }

    @Test func monthsIncludeEmptyOnes() throws {
        let report = try report(by: .month)
        #expect(report.groups.count == 12)
        #expect(report.groups.first?.key == "April 2024")
        #expect(report.groups.last?.key == "March 2025")
        // 31 March 2025 holds only a session the board cancelled.
        #expect(report.groups.last?.counts.booked == 0)
        #expect(report.groups.last?.counts.sessionsCancelled == 1)
    }

    @Test func coursesByTitleOrSlug() throws {
        let report = try report(by: .course)
        #expect(report.groups.map(\.key) == ["Child sexual exploitation awareness", "Safeguarding children foundation"])
        #expect(report.groups.map(\.counts.booked) == [8, 13])
    }

    @Test func levelsFromTheCourseCatalogue() throws {
        let report = try report(by: .level)
        #expect(report.groups.map(\.key) == ["Level 1", "Level 2"])
        #expect(report.groups.map(\.counts.booked) == [13, 8])
    }

    @Test func aDifferentPeriodMovesRowsOutside() throws {
        let report = try report(period: .financialYear(startingIn: 2023))
        // Only "2024-03-31" (Ida) is in 2023-24; the other 22 usable first-seen rows are outside it.
        #expect(report.rowsUsed == 1)
        #expect(report.rowsOutsidePeriod == 24)
        #expect(report.duplicates == 3)
        #expect(rowsAddUp(report))
    }

    @Test(arguments: [1, 2, 3, 7, 64, 4096])
    func sameReportForEveryBufferSize(bufferSize: Int) throws {
        let small = try report(bufferSize: bufferSize)
        #expect(ReportFormat.json.render(small) == ReportFormat.json.render(try report()))
    }

    @Test(arguments: [1, 3, 8])
    func sameReportForEveryNumberOfThreads(threads: Int) throws {
        for grouping in Grouping.allCases {
            #expect(ReportFormat.json.render(try report(by: grouping, threads: threads)) == ReportFormat.json.render(try report(by: grouping, threads: 2)))
        }
    }
}

/// Single rules, on small registers written for the test.
@Suite struct RegisterRuleTests {
    @Test func statusesOfEachSystemCount() throws {
        let report = try report(registers: ["r.csv": """
        date,course,name,agency,status
        2024-05-14,CSE awareness,A,TVP,P
        2024-05-14,CSE awareness,B,TVP,L
        2024-05-14,CSE awareness,C,TVP,E
        2024-05-14,CSE awareness,D,TVP,A
        2024-05-14,CSE awareness,F,TVP,Fully Attended
        2024-05-14,CSE awareness,G,TVP,partially attended
        2024-05-14,CSE awareness,H,TVP,No Show
        2024-05-14,CSE awareness,I,TVP,user cancelled
        2024-05-14,CSE awareness,J,TVP,walkin
        2024-05-14,CSE awareness,K,TVP,Session Cancelled

        """])
        let totals = report.totals
        #expect((totals.booked, totals.attended, totals.dna, totals.cancelled, totals.sessionsCancelled, totals.walkIns) == (9, 5, 2, 2, 1, 1))
        #expect(totals.attendanceRate == 5.0 / 7.0)
    }

    @Test func sameNameInDifferentAgenciesIsTwoPeople() throws {
        let report = try report(registers: ["r.csv": "date,course,name,agency,status\n2024-05-14,x,Sam Smith,TVP,attended\n2024-05-14,x,sam  smith,MKUH,attended\n2024-05-14,x,SAM SMITH,Police,dna\n"])
        #expect(report.totals.booked == 2)
        #expect(report.duplicates == 1)
    }

    @Test func sameEmailOnAnotherDayOrCourseIsNotADuplicate() throws {
        let report = try report(registers: ["r.csv": "date,course,name,email,agency,status\n2024-05-14,x,A,a@example.org,TVP,attended\n2024-05-15,x,A,a@example.org,TVP,attended\n2024-05-14,y,A,a@example.org,TVP,attended\n"])
        #expect(report.duplicates == 0)
        #expect(report.totals.booked == 3)
    }

    @Test(arguments: [1, 2, 4])
    func duplicatesAcrossFilesKeepTheFirstFile(threads: Int) throws {
        // The second file is long, so its thread may well finish first: the first file still wins.
        let rows = (0..<20_000).map { "2024-06-01,x,P\($0),p\($0)@example.org,TVP,attended" }.joined(separator: "\n")
        let report = try report(registers: [
            "a.csv": "date,course,name,email,agency,status\n2024-05-14,x,A,a@example.org,TVP,attended\n",
            "b.csv": "date,course,name,email,agency,status\n\(rows)\n2024-05-14,x,A,a@example.org,TVP,dna\n",
        ], threads: threads)
        #expect(report.totals.attended == 20_001)
        #expect(report.totals.dna == 0)
        #expect(report.duplicateRows.map(\.line) == [20_002])
        #expect(report.duplicateRows.first?.file.hasSuffix("b.csv") == true)
    }

    @Test(arguments: [1, 2, 4])
    func aDuplicateInAnotherAgencyLeavesNoGroupBehind(threads: Int) throws {
        // The reading threads count every row and the duplicate is taken away afterwards: the duplicate's
        // agency (MKUH) and status (dna) must not show, not even as an empty group or a late warning.
        let rows = (0..<10_000).map { "2024-06-01,x,P\($0),p\($0)@example.org,TVP,attended" }.joined(separator: "\n")
        let report = try report(registers: [
            "a.csv": "date,course,name,email,agency,status\n\(rows)\n2024-05-14,x,A,a@example.org,TVP,attended\n",
            "b.csv": "date,course,name,email,agency,status\n2024-05-14,x,A,A@example.org,Acme Nursery,dna\n2023-05-14,x,B,b@example.org,TVP,attended\n2023-05-14,x,B,b@example.org,TVP,dna\n",
        ], threads: threads)
        #expect(report.groups.map(\.key) == ["Thames Valley Police"])
        #expect((report.totals.attended, report.totals.dna) == (10_001, 0))
        #expect((report.duplicates, report.rowsUsed, report.rowsOutsidePeriod) == (2, 10_001, 1))
        #expect(report.warnings.isEmpty)
        #expect(report.sessionDates == Day(year: 2023, month: 5, day: 14)!...Day(year: 2024, month: 6, day: 1)!)
        #expect(rowsAddUp(report))
    }

    @Test(arguments: [1, 2, 4])
    func anUnknownAgencyIsNamedAsFirstSpelt(threads: Int) throws {
        let rows = (0..<20_000).map { "2024-06-01,x,P\($0),p\($0)@example.org,ACME  nursery,attended" }.joined(separator: "\n")
        let report = try report(registers: [
            "a.csv": "date,course,name,email,agency,status\n2024-05-14,x,A,a@example.org,Acme Nursery,attended\n",
            "b.csv": "date,course,name,email,agency,status\n\(rows)\n",
        ], threads: threads)
        #expect(report.groups.map(\.key) == ["Acme Nursery"])
        #expect(report.warnings.count == 1)
        #expect(report.warnings.first?.file.hasSuffix("a.csv") == true)
    }

    @Test func lateCancellationNeedsLessNoticeThanSiteYmlSays() throws {
        // notice_days is 3 in the fixtures' site.yml: 2 days is late, 3 is not; after the session is late too.
        let report = try report(registers: ["r.csv": """
        date,course,name,agency,status,cancelled_on
        10/05/2024,x,A,TVP,cancelled,08/05/2024
        10/05/2024,x,B,TVP,cancelled,07/05/2024
        10/05/2024,x,C,TVP,cancelled,11/05/2024
        10/05/2024,x,D,TVP,cancelled,
        10/05/2024,x,E,TVP,cancelled,soon

        """])
        #expect(report.totals.cancelled == 5)
        #expect(report.totals.lateCancellations == 2)
        #expect(report.warnings.contains { $0.line == 6 && $0.message.contains("“soon” is not a date") })
    }

    @Test func unknownCourseHasUnknownLevel() throws {
        let report = try report(registers: ["r.csv": "date,course,name,agency,status\n2024-05-14,Neglect toolkit,A,TVP,attended\n2024-05-14,cse-awareness,B,TVP,attended\n"], by: .level)
        #expect(report.groups.map(\.key) == ["Level 2", "unknown"])
    }

    @Test func headerAfterBlankLinesAndTrailingEmptyColumns() throws {
        let report = try report(registers: ["r.csv": "\n\ndate,course,name,agency,status,,\n2024-05-14,x,A,TVP,attended,,\n"])
        #expect(report.rowsRead == 1)
        #expect(report.totals.attended == 1)
        #expect(report.rejected.isEmpty)
    }

    @Test func noRegistersIsAnError() {
        #expect(throws: ContentError.self) { try report(registers: ["notes.txt": "not a register"]) }
        #expect(throws: ContentError.self) { try report(content: "/nonexistent") }
    }
}
