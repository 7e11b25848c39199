import LearnsiteContent
import LearnsiteOutput
import LearnsiteTheme

/// Blank A4 sign-in sheets, one per upcoming session of the public calendar (`training/sessions.csv`),
/// at `sign-in/<date>-<course>.html`: course, date, venue, trainer, and a ruled row to print a name and
/// agency and sign for each place (`places`, or 20). They are printed before the day, so hold no personal data.
struct SignInSheets {
    static let defaultPlaces = 20
    static let groupTitle = "Sign-in sheets"

    struct View {
        let layout: HandoutLayoutView
        let course: String
        let date: String
        /// `09:30 to 16:30`.
        let times: String?
        let venue: String?
        let trainer: String?
        /// The row numbers, 1 to places.
        let rows: [Int]
    }

    let content: SiteContent
    let theme: Theme
    let today: Day

    /// Sessions on or after `today`, in date order: their files and their links for the index.
    func render(withPDF: Bool, layout: (_ path: String, _ title: String) -> HandoutLayoutView) -> (files: [OutputFile], links: [HandoutLink]) {
        let upcoming = content.sessions.filter { $0.date >= today }
        let titles = Dictionary(content.documents(of: .course).map { ($0.slug, $0.title) }, uniquingKeysWith: { first, _ in first })
        var files: [OutputFile] = []
        var links: [HandoutLink] = []
        for session in upcoming {
            let course = titles[session.course] ?? session.course
            let path = SignInSheets.path(session, among: upcoming)
            let times = [session.start, session.end].compactMap { $0 }.joined(separator: " to ")
            let view = View(layout: layout(path, "Sign-in sheet: \(course), \(session.date.longForm)"), course: course,
                            date: session.date.longForm, times: times.isEmpty ? nil : times, venue: session.venue, trainer: session.trainer,
                            rows: Array(1...max(1, session.places ?? SignInSheets.defaultPlaces)))
            files.append(OutputFile(path: path, contents: theme.render("handouts/sign-in", view)))
            links.append(HandoutLink(title: "\(course), \(session.date.longForm)", html: path, pdf: withPDF ? HandoutPaths.pdf(for: path) : nil))
        }
        return (files, links)
    }

    /// `sign-in/2027-01-21-safeguarding-foundation.html`; two sessions of a course on one day add the start time.
    static func path(_ session: TrainingSession, among sessions: [TrainingSession]) -> String {
        let twin = sessions.filter { $0.date == session.date && $0.course == session.course }.count > 1
        let time = twin ? "-" + (session.start ?? "").filter(\.isNumber) : ""
        return "sign-in/\(session.date)-\(session.course)\(time).html"
    }
}
