import Testing
@testable import LearnsiteAttendance

/// The contract's status vocabulary, Moodle's codes and face-to-face outcomes, in any case.
@Suite struct StatusCodeTests {
    @Test(arguments: [
        ("attended", StatusCode.attended), ("present", .attended), ("yes", .attended), ("y", .attended), ("P", .attended),
        ("fully attended", .attended), ("late", .late), ("L", .late), ("partial", .partial), ("partially attended", .partial),
        ("left early", .partial), ("dna", .dna), ("DNA", .dna), ("did not attend", .dna), ("no show", .dna), ("No-Show", .dna),
        ("absent", .dna), ("A", .dna), ("N", .dna), ("no", .dna), ("cancelled", .cancelled), ("cancelled with notice", .cancelled),
        ("apologies", .cancelled), ("excused", .cancelled), ("E", .cancelled), ("user cancelled", .cancelled),
        ("walk-in", .walkIn), ("walk in", .walkIn), ("walkin", .walkIn), ("Walk-In", .walkIn), ("WALK_IN", .walkIn),
        ("substitute", .walkIn), ("Substituted", .walkIn), ("attended as substitute", .walkIn),
        ("session cancelled", .sessionCancelled), ("Session Cancelled", .sessionCancelled), ("session  cancelled", .sessionCancelled),
    ])
    func knownWords(text: String, code: StatusCode) {
        #expect(StatusCode(text: text) == code, "\(text)")
    }

    @Test(arguments: ["maybe", "attend", "X", "cancelled?", "session", ""])
    func unknownWords(text: String) {
        #expect(StatusCode(text: text) == nil)
    }

    @Test func countsFollowTheContract() {
        var counts = AttendanceCounts()
        for (status, times) in [(StatusCode.attended, 5), (.late, 1), (.partial, 1), (.walkIn, 1), (.dna, 2), (.cancelled, 2), (.sessionCancelled, 3)] {
            counts.statuses[status.rawValue] = times
        }
        #expect(counts.booked == 12)
        #expect(counts.attended == 8)
        #expect(counts.dna == 2)
        #expect(counts.cancelled == 2)
        #expect(counts.sessionsCancelled == 3)
        #expect(counts.attendanceRate == 0.8)
        #expect(AttendanceCounts().attendanceRate == 0)
    }
}
