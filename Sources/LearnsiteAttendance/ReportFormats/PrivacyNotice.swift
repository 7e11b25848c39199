/// What every private output begins with: that it holds personal data, and who it is for. With
/// suppression on the output is meant for publication (no names, small counts hidden) and says so instead.
/// The texts are learnsite's own (never register text), so they go into HTML as they are.
struct PrivacyNotice: Sendable {
    /// What makes it personal: "the names of staff who did not attend".
    let holds: String
    /// Who may see it: "the board's training managers".
    let audience: String

    /// The first line of a terminal table or CSV, and the HTML's opening comment.
    func line(_ suppression: Suppression) -> String {
        suppression.isOn
            ? "FOR PUBLICATION: no names, and every count of 1 to \(suppression.below - 1) people is shown as \"\(suppression.phrase)\", so no one can be identified."
            : "PERSONAL DATA: \(holds), for \(audience) only. Do not publish or forward."
    }

    /// The boxed notice at the top of an HTML report.
    func banner(_ suppression: Suppression) -> String {
        guard !suppression.isOn else {
            return "<p class=\"banner\" role=\"note\"><strong>For publication.</strong> This report names no one, and every count of 1 to \(suppression.below - 1) people is shown as “\(suppression.phrase)”.</p>\n"
        }
        return "<p class=\"banner\" role=\"note\"><strong>Personal data: for \(audience) only.</strong> "
            + "It holds \(holds). Do not publish it, put it on the website or send it beyond \(audience).</p>\n"
    }
}
