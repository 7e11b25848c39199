import LearnsiteContent

/// Turns a finished scan's cells into the report's groups, totals and warnings.
extension RegisterScan {
    func report() -> AttendanceReport {
        var totals = AttendanceCounts()
        var byAgency: [Int: AttendanceCounts] = [:]
        var byCourse: [Int: AttendanceCounts] = [:]
        var byMonth: [Int: AttendanceCounts] = [:]
        for (index, cell) in tally.cells.enumerated() {
            let counts = tally.counts(of: index)
            // A cell whose only bookings were duplicates (of rows in another cell) is empty: no group.
            guard counts.booked + counts.sessionsCancelled > 0 else { continue }
            totals.add(counts)
            byAgency[cell.agency, default: AttendanceCounts()].add(counts)
            byCourse[cell.course, default: AttendanceCounts()].add(counts)
            byMonth[cell.month.ordinal, default: AttendanceCounts()].add(counts)
        }
        let agencyGroups = registry.agencies, courseGroups = registry.courses
        let agencies = named(byAgency, agencyGroups)
        let period = settings.period
        let quarters = chronological(period.months.map { MonthKey(ordinal: $0).quarter }, byMonth) { MonthKey(ordinal: $0).quarter }
            .map { AttendanceGroup(key: MonthKey.quarterLabel($0.period), counts: $0.counts) }
        let groups: [AttendanceGroup]
        switch settings.grouping {
        case .agency:
            groups = agencies
        case .course:
            groups = named(byCourse, courseGroups)
        case .quarter:
            groups = quarters
        case .month:
            groups = chronological(Array(period.months), byMonth) { $0 }
                .map { AttendanceGroup(key: MonthKey(ordinal: $0.period).label, counts: $0.counts) }
        case .level:
            var byLevel: [Int: AttendanceCounts] = [:]
            for (course, counts) in byCourse { byLevel[courseGroups[course].level ?? Int.max, default: AttendanceCounts()].add(counts) }
            groups = byLevel.keys.sorted().map { AttendanceGroup(key: $0 == Int.max ? "unknown" : "Level \($0)", counts: byLevel[$0]!) }
        }
        return AttendanceReport(
            period: period, grouping: settings.grouping, registers: files, rowsRead: rowsRead, rowsRejected: rowsRejected,
            duplicates: ledger.duplicates, rowsOutsidePeriod: rowsOutsidePeriod, rowsUsed: rowsUsed, totals: totals,
            groups: groups, byAgency: agencies, byQuarter: quarters, rejected: rejected, duplicateRows: ledger.duplicateRows,
            warnings: warnings + agencyWarnings(byAgency, agencyGroups), noticeDays: settings.noticeDays,
            sessionDates: sessionDates, suppression: settings.suppression, courses: settings.courses,
            tariff: settings.tariff, boardName: settings.boardName, records: records(agencyGroups, courseGroups))
    }

    /// The ledger's bookings with their agency and course named.
    private func records(_ agencies: [GroupRegistry.Group], _ courses: [GroupRegistry.Group]) -> [BookingRecord] {
        ledger.records.compactMap { booking, details in
            guard let date = BookingLedger.day(booking.dayCode) else { return nil }
            let course = courses[booking.course].name
            return BookingRecord(file: files[booking.file], line: booking.line, date: date, course: course,
                                 catalogue: courses[booking.course].known ? settings.courses.course(named: course) : nil,
                                 agency: agencies[booking.agency].name, person: details.person, status: booking.status,
                                 lateCancellation: booking.lateCancellation, details: details)
        }
    }

    /// Groups sorted by name, ignoring case (ties broken by exact spelling, so the order never varies).
    private func named(_ counts: [Int: AttendanceCounts], _ names: [GroupRegistry.Group]) -> [AttendanceGroup] {
        counts.map { AttendanceGroup(key: names[$0.key].name, counts: $0.value) }
            .sorted { ($0.key.lowercased(), $0.key) < ($1.key.lowercased(), $1.key) }
    }

    /// Every quarter or month of the period in date order, empty ones included so trends show gaps.
    private func chronological(_ periods: [Int], _ byMonth: [Int: AttendanceCounts], _ periodOf: (Int) -> Int) -> [(period: Int, counts: AttendanceCounts)] {
        var sums: [Int: AttendanceCounts] = [:]
        for (month, counts) in byMonth { sums[periodOf(month), default: AttendanceCounts()].add(counts) }
        var seen = Set<Int>()
        return periods.filter { seen.insert($0).inserted }.map { ($0, sums[$0] ?? AttendanceCounts()) }
    }

    /// One warning per agency that is not in agencies.yml, at its first row in the period.
    private func agencyWarnings(_ byAgency: [Int: AttendanceCounts], _ agencyGroups: [GroupRegistry.Group]) -> [Diagnostic] {
        ledger.firstUse.map { ($0.key, $0.value) }
            .sorted { ($0.1.file, $0.1.line) < ($1.1.file, $1.1.line) }
            .map { index, place in
                let name = agencyGroups[index].name
                let rows = byAgency[index].map { $0.booked + $0.sessionsCancelled } ?? 0
                let rowsText = "\(rows) row\(rows == 1 ? "" : "s")"
                let message = name == GroupRegistry.noAgency
                    ? "this row has no agency; it and the others without one (\(rowsText) in all) are reported under “\(name)”; fill in the agency"
                    : "the agency “\(name)” is not in agencies.yml, so its \(rowsText) are reported under that name; add it to agencies.yml, or add “\(name)” as an alias of the agency it belongs to"
                return Diagnostic(.warning, file: files[place.file], line: place.line, message)
            }
    }
}
