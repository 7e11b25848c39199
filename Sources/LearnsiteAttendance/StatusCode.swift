/// What happened to one booking, from the words registers use (see the content contract).
enum StatusCode: Int, CaseIterable, Sendable {
    case attended, late, partial, walkIn, dna, cancelled, sessionCancelled

    /// Written forms, compared lowercased with `-`, `_` and runs of spaces made one space.
    /// Includes Moodle's P / L / E / A and face-to-face booking plugins' outcomes.
    private static let vocabulary: [String: StatusCode] = {
        let words: [StatusCode: [String]] = [
            .attended: ["attended", "present", "yes", "y", "p", "fully attended", "completed"],
            .late: ["late", "l", "attended late"],
            .partial: ["partial", "partially attended", "left early", "part attended"],
            // A substitute is a colleague who came in place of someone booked: a walk-in that covers
            // a no-show of the same agency on the same session (see `Substitutes`).
            .walkIn: ["walk in", "walkin", "substitute", "substituted", "attended as substitute", "replacement"],
            .dna: ["dna", "did not attend", "no show", "noshow", "absent", "a", "n", "no", "not attended"],
            .cancelled: ["cancelled", "canceled", "cancelled with notice", "apologies", "excused", "e",
                         "user cancelled", "user canceled", "booking cancelled"],
            .sessionCancelled: ["session cancelled", "session canceled", "event cancelled", "course cancelled"],
        ]
        var table: [String: StatusCode] = [:]
        for (code, forms) in words { for form in forms { table[form] = code } }
        return table
    }()

    init?(text: String) {
        let words = text.lowercased().split { $0 == " " || $0 == "-" || $0 == "_" || $0 == "\t" }
        guard let code = StatusCode.vocabulary[words.joined(separator: " ")] else { return nil }
        self = code
    }

    static let allowedWords = "attended, late, partial, dna, cancelled, walk-in, substitute or session cancelled (or Moodle's P, L, E, A)"

    /// Everyone who was there: attended, late, partial and walk-in (substitutes included).
    var attended: Bool { self == .attended || self == .late || self == .partial || self == .walkIn }
}
