/// The board's identity and site-wide settings, from `site.yml`.
public struct SiteConfig: Sendable, Equatable {
    public let name: String
    public let shortName: String
    /// Absolute URL the site is published at, always ending in `/`; nil when not set.
    public let baseURL: String?
    public let language: String
    public let description: String?
    /// Pass raw HTML in Markdown through (off by default: cmark's safe mode strips it).
    public let unsafeHTML: Bool
    /// The "Worried about a child?" contacts.
    public let contacts: [Contact]
    /// Where the "Exit this page" button goes; nil turns the button off.
    public let exitURL: String?
    /// Titles for theme slugs (`cse: Child sexual exploitation`); others are derived from the glossary.
    public let themeTitles: [String: String]
    /// For the accessibility statement.
    public let accessibilityEmail: String?
    public let accessibilityReviewed: Day?
    /// The board's logo, a path inside the content folder (e.g. `assets/logo.png`), printed on handouts.
    public let logo: String?

    /// The neutral site GOV.UK's own examples send people to.
    public static let defaultExitURL = "https://www.bbc.co.uk/weather"

    public init(name: String, shortName: String? = nil, baseURL: String? = nil, language: String = "en-GB",
                description: String? = nil, unsafeHTML: Bool = false, contacts: [Contact] = [],
                exitURL: String? = SiteConfig.defaultExitURL, themeTitles: [String: String] = [:],
                accessibilityEmail: String? = nil, accessibilityReviewed: Day? = nil, logo: String? = nil) {
        self.name = name
        self.shortName = shortName ?? name
        self.baseURL = baseURL
        self.language = language
        self.description = description
        self.unsafeHTML = unsafeHTML
        self.contacts = contacts
        self.exitURL = exitURL
        self.themeTitles = themeTitles
        self.accessibilityEmail = accessibilityEmail
        self.accessibilityReviewed = accessibilityReviewed
        self.logo = logo
    }
}

/// A way to reach someone about a child: the MASH, the board office, the police.
public struct Contact: Sendable, Equatable {
    public let name: String
    public let phone: String?
    public let email: String?
    public let url: String?
    public let address: String?
    public let note: String?

    public init(name: String, phone: String? = nil, email: String? = nil, url: String? = nil,
                address: String? = nil, note: String? = nil) {
        self.name = name
        self.phone = phone
        self.email = email
        self.url = url
        self.address = address
        self.note = note
    }
}
