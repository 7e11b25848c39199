import Foundation
import LearnsiteContent

/// Makes a report from a folder of registers and the content folder's agencies, courses and site.yml.
public enum AttendanceRun {
    public struct Request: Sendable {
        /// The folder of registers, as the user named it (messages show paths under it).
        public var registers: String
        public var agenciesFile: String
        public var coursesFolder: String
        /// site.yml, for `training.notice_days`; a missing file leaves late cancellations uncounted.
        public var siteFile: String
        public var period: ReportPeriod
        public var grouping: Grouping
        public var suppression = Suppression.none
        /// Keep the period's bookings with names, roles and scores, for the manager reports.
        public var keepsRecords = false
        /// Bytes read at a time, per reading thread (256 KB reads no slower than 1 MB, in less memory);
        /// tests make it small to cross chunk boundaries.
        public var bufferSize = 1 << 18
        /// Registers read at once (at most one per file); the report is the same for any number.
        public var threads = ProcessInfo.processInfo.activeProcessorCount

        public init(registers: String, agenciesFile: String, coursesFolder: String, siteFile: String,
                    period: ReportPeriod, grouping: Grouping) {
            self.registers = registers
            self.agenciesFile = agenciesFile
            self.coursesFolder = coursesFolder
            self.siteFile = siteFile
            self.period = period
            self.grouping = grouping
        }
    }

    /// Reads every `*.csv` in the folder, in name order. Fails only when no report can be made at all
    /// (no registers, or an agencies.yml that cannot be trusted); bad rows are part of the report.
    public static func report(_ request: Request) throws(ContentError) -> AttendanceReport {
        let (agencies, agencyDiagnostics) = AgencyDirectory.load(file: request.agenciesFile)
        if agencyDiagnostics.contains(where: { $0.severity == .error }) { throw ContentError(agencyDiagnostics) }
        let files = try registerFiles(request.registers)
        let (training, siteDiagnostics) = TrainingSettings.load(siteFile: request.siteFile)
        let settings = ReportSettings(period: request.period, grouping: request.grouping, agencies: agencies,
                                      courses: CourseCatalogue.load(folder: request.coursesFolder), noticeDays: training.noticeDays,
                                      tariff: training.tariff, boardName: training.boardName, suppression: request.suppression,
                                      keepsRecords: request.keepsRecords)
        let folder = request.registers.hasSuffix("/") ? String(request.registers.dropLast()) : request.registers
        let scan = RegisterScan(settings: settings, files: files.map { folder + "/" + $0 }, warnings: agencyDiagnostics + siteDiagnostics)
        scan.run(threads: request.threads, bufferSize: request.bufferSize)
        return scan.report()
    }

    static func registerFiles(_ folder: String) throws(ContentError) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            throw ContentError([Diagnostic(.error, file: folder, "the registers folder was not found; name it with --registers, or put the CSV registers in \(folder)")])
        }
        let registers = names.filter { !$0.hasPrefix(".") && $0.lowercased().hasSuffix(".csv") }.sorted()
        guard !registers.isEmpty else {
            throw ContentError([Diagnostic(.error, file: folder, "there are no registers here: save each register as a .csv file in this folder")])
        }
        return registers
    }
}
