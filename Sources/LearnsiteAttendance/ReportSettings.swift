import LearnsiteContent

/// What a report needs besides the registers themselves.
public struct ReportSettings: Sendable {
    public var period: ReportPeriod
    public var grouping: Grouping
    public var agencies: AgencyDirectory
    public var courses: CourseCatalogue
    /// `training.notice_days` from site.yml; nil leaves late cancellations uncounted.
    public var noticeDays: Int?

    public init(period: ReportPeriod, grouping: Grouping = .agency, agencies: AgencyDirectory = AgencyDirectory(),
                courses: CourseCatalogue = CourseCatalogue(), noticeDays: Int? = nil) {
        self.period = period
        self.grouping = grouping
        self.agencies = agencies
        self.courses = courses
        self.noticeDays = noticeDays
    }
}
