import LearnsiteContent

/// What a report needs besides the registers themselves.
public struct ReportSettings: Sendable {
    public var period: ReportPeriod
    public var grouping: Grouping
    public var agencies: AgencyDirectory
    public var courses: CourseCatalogue
    /// `training.notice_days` from site.yml; nil leaves late cancellations uncounted.
    public var noticeDays: Int?
    /// `training.charges` from site.yml, for the charges report.
    public var tariff: Tariff?
    /// The board's name from site.yml, for certificates.
    public var boardName: String?
    public var suppression: Suppression
    /// Keep every counted booking with its names, role and scores, for the manager reports; the plain
    /// report leaves this off and keeps no row.
    public var keepsRecords: Bool

    public init(period: ReportPeriod, grouping: Grouping = .agency, agencies: AgencyDirectory = AgencyDirectory(),
                courses: CourseCatalogue = CourseCatalogue(), noticeDays: Int? = nil, tariff: Tariff? = nil,
                boardName: String? = nil, suppression: Suppression = .none, keepsRecords: Bool = false) {
        self.period = period
        self.grouping = grouping
        self.agencies = agencies
        self.courses = courses
        self.noticeDays = noticeDays
        self.tariff = tariff
        self.boardName = boardName
        self.suppression = suppression
        self.keepsRecords = keepsRecords
    }
}
