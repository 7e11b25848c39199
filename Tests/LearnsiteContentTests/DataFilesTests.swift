import Foundation
import Testing
@testable import LearnsiteContent
import LearnsiteTestSupport

@Suite struct DataFilesTests {
    // MARK: site.yml

    @Test func readsSiteConfig() throws {
        let folder = TemporaryFolder.content(siteYAML: """
            name: Milton Keynes Safeguarding Children Board
            short_name: MKSCB
            base_url: https://www.mkscb.org
            description: Learning for everyone who works with children.
            unsafe_html: true
            contacts:
              - name: MASH
                phone: "01908 253169"
                note: Worried about a child?
              - name: Board office
                email: MKSCB@milton-keynes.gov.uk
                url: https://www.mkscb.org/
                address: Galley Hill
            """)
        let result = try loadContent(folder)
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        let config = result.content.config
        #expect(config.name == "Milton Keynes Safeguarding Children Board")
        #expect(config.shortName == "MKSCB")
        #expect(config.baseURL == "https://www.mkscb.org/", "a missing trailing slash is added")
        #expect(config.language == "en-GB")
        #expect(config.description == "Learning for everyone who works with children.")
        #expect(config.unsafeHTML == true)
        #expect(config.contacts == [
            Contact(name: "MASH", phone: "01908 253169", note: "Worried about a child?"),
            Contact(name: "Board office", email: "MKSCB@milton-keynes.gov.uk", url: "https://www.mkscb.org/", address: "Galley Hill"),
        ])
        #expect(result.content.documents.isEmpty)
        #expect(result.content.glossary.isEmpty)
        #expect(result.content.references.isEmpty)
        #expect(result.content.home == nil)
        #expect(result.content.assets.isEmpty)
    }

    @Test func siteConfigDefaults() throws {
        let folder = TemporaryFolder.content(siteYAML: "name: Test Board\n")
        let config = try loadContent(folder).content.config
        #expect(config.shortName == "Test Board")
        #expect(config.baseURL == nil)
        #expect(config.unsafeHTML == false)
        #expect(config.contacts.isEmpty)
    }

    @Test func httpBaseURLIsAccepted() throws {
        let folder = TemporaryFolder.content(siteYAML: "name: Test Board\nbase_url: http://localhost:8000/\n")
        #expect(try loadContent(folder).content.config.baseURL == "http://localhost:8000/")
    }

    @Test func siteYAMLMissing() {
        let folder = TemporaryFolder()
        folder.write("Content/bulletins/b.md", markdownFile(minimalFrontMatter))
        let diagnostics = loadFailure(folder)
        expectSingle(diagnostics, .error, fileEndsWith: "Content/site.yml", line: nil,
                     mentions: ["site.yml is missing", "create it with at least `name:`", "`base_url:`"])
    }

    @Test func siteYAMLWithoutName() {
        let folder = TemporaryFolder.content(siteYAML: "short_name: TSCP\nbase_url: https://example.org/\n")
        let diagnostics = loadFailure(folder)
        expectSingle(diagnostics, .error, fileEndsWith: "Content/site.yml", line: 1,
                     mentions: ["`name` is missing or empty", "add a line `name: ...`"])
    }

    @Test func siteYAMLEmpty() {
        let folder = TemporaryFolder.content(siteYAML: "")
        let diagnostics = loadFailure(folder)
        expectSingle(diagnostics, .error, fileEndsWith: "Content/site.yml", line: 1,
                     mentions: ["site.yml is empty", "`name:`"])
    }

    @Test(arguments: ["www.example.org", "ftp://example.org/", "/board/"])
    func baseURLNotHTTP(_ url: String) {
        let folder = TemporaryFolder.content(siteYAML: "name: Test Board\nbase_url: \(url)\n")
        let diagnostics = loadFailure(folder)
        expectSingle(diagnostics, .error, fileEndsWith: "Content/site.yml", line: 2,
                     mentions: ["`base_url: \(url)`", "full web address", "starting with https://"])
    }

    @Test func siteYAMLSyntaxError() {
        let folder = TemporaryFolder.content(siteYAML: "name: Test Board\nshort_name: TSCP\ndescription: Risk: high\n")
        let diagnostics = loadFailure(folder)
        expectSingle(diagnostics, .error, fileEndsWith: "Content/site.yml", line: 3, mentions: ["YAML is not valid"])
    }

    @Test func contactWithoutName() {
        let folder = TemporaryFolder.content(siteYAML: "name: Test Board\ncontacts:\n  - phone: \"999\"\n")
        let diagnostics = loadFailure(folder)
        expectSingle(diagnostics, .error, fileEndsWith: "Content/site.yml", line: 3, mentions: ["`name` is missing"])
    }

    // MARK: glossary.yml

    @Test func readsGlossary() throws {
        let folder = TemporaryFolder.content()
        folder.write("Content/glossary.yml", """
            - term: MASH
              expansion: Multi Agency Safeguarding Hub
              definition: The front door for concerns about children.
            - term: CSE
              expansion: Child Sexual Exploitation
            """)
        let result = try loadContent(folder)
        #expect(result.warnings.isEmpty)
        #expect(result.content.glossary == [
            GlossaryTerm(term: "MASH", expansion: "Multi Agency Safeguarding Hub", definition: "The front door for concerns about children."),
            GlossaryTerm(term: "CSE", expansion: "Child Sexual Exploitation"),
        ])
    }

    @Test func duplicateGlossaryTermIgnoringCase() {
        let folder = TemporaryFolder.content()
        folder.write("Content/glossary.yml", """
            - term: MASH
              expansion: Multi Agency Safeguarding Hub
            - term: CSE
              expansion: Child Sexual Exploitation
            - term: Mash
              expansion: Multi Agency Safeguarding Hub
            """)
        let diagnostics = loadFailure(folder)
        expectSingle(diagnostics, .error, fileEndsWith: "Content/glossary.yml", line: 5,
                     mentions: ["the term `Mash` is already defined on line 1", "keep one entry per term"])
    }

    @Test func glossaryTermWithoutExpansion() {
        let folder = TemporaryFolder.content()
        folder.write("Content/glossary.yml", "- term: MASH\n- term: CSE\n  expansion: Child Sexual Exploitation\n")
        let diagnostics = loadFailure(folder)
        expectSingle(diagnostics, .error, fileEndsWith: "Content/glossary.yml", line: 1,
                     mentions: ["`expansion` is missing", "add a line `expansion: ...`"])
    }

    @Test func glossaryThatIsNotAList() {
        let folder = TemporaryFolder.content()
        folder.write("Content/glossary.yml", "MASH: Multi Agency Safeguarding Hub\n")
        let diagnostics = loadFailure(folder)
        expectSingle(diagnostics, .error, fileEndsWith: "Content/glossary.yml", line: 1,
                     mentions: ["glossary.yml should be a list"])
    }

    @Test func unknownGlossaryFieldIsAWarning() throws {
        let folder = TemporaryFolder.content()
        folder.write("Content/glossary.yml", "- term: MASH\n  expansion: Multi Agency Safeguarding Hub\n  meaning: typo\n")
        let result = try loadContent(folder)
        #expect(result.content.glossary.count == 1)
        expectSingle(result.warnings, .warning, fileEndsWith: "Content/glossary.yml", line: 3,
                     mentions: ["`meaning` is not a field learnsite knows", "expansion"])
    }

    // MARK: references.yml

    @Test func readsReferences() throws {
        let folder = TemporaryFolder.content()
        folder.write("Content/references.yml", """
            # Key references
            - id: jay-2014
              title: Independent Inquiry into Child Sexual Exploitation in Rotherham 1997-2013
              author: Alexis Jay
              publisher: Rotherham Metropolitan Borough Council
              date: 2014-08
              url: https://www.rotherham.gov.uk/
            - id: coffey-2014
              title: "Real Voices: an independent report"
            """)
        let result = try loadContent(folder)
        #expect(result.warnings.isEmpty)
        #expect(result.content.references == [
            Reference(id: "jay-2014", title: "Independent Inquiry into Child Sexual Exploitation in Rotherham 1997-2013",
                      author: "Alexis Jay", publisher: "Rotherham Metropolitan Borough Council", date: "2014-08",
                      url: "https://www.rotherham.gov.uk/"),
            Reference(id: "coffey-2014", title: "Real Voices: an independent report"),
        ])
    }

    @Test func referenceWithoutTitle() {
        let folder = TemporaryFolder.content()
        folder.write("Content/references.yml", """
            - id: jay-2014
              title: Rotherham inquiry
            - id: coffey-2014
              author: Ann Coffey MP
            """)
        let diagnostics = loadFailure(folder)
        expectSingle(diagnostics, .error, fileEndsWith: "Content/references.yml", line: 3,
                     mentions: ["`title` is missing", "add a line `title: ...`"])
    }

    @Test func referenceWithoutID() {
        let folder = TemporaryFolder.content()
        folder.write("Content/references.yml", "- title: Rotherham inquiry\n")
        let diagnostics = loadFailure(folder)
        expectSingle(diagnostics, .error, fileEndsWith: "Content/references.yml", line: 1,
                     mentions: ["`id` is missing", "add a line `id: ...`"])
    }

    @Test func duplicateReferenceID() {
        let folder = TemporaryFolder.content()
        folder.write("Content/references.yml", """
            - id: jay-2014
              title: Rotherham inquiry
            - id: jay-2014
              title: Something else
            """)
        let diagnostics = loadFailure(folder)
        expectSingle(diagnostics, .error, fileEndsWith: "Content/references.yml", line: 3,
                     mentions: ["the reference id `jay-2014` is already used on line 1", "give each reference its own id"])
    }

    // MARK: agencies.yml

    @Test func agenciesFileIsNotReadForTheSite() throws {
        let folder = TemporaryFolder.content()
        // Not valid for the site model, but it belongs to attendance reports and must not be read or warned about.
        folder.write("Content/agencies.yml", "- name: [broken\n")
        let result = try loadContent(folder)
        #expect(result.warnings.isEmpty, "\(result.warnings)")
    }
}

@Suite struct SiteOptionsTests {
    @Test func readsExitThisPageThemesAndAccessibility() throws {
        let yaml = """
        name: Board
        exit_this_page:
          enabled: true
          url: https://www.example.org/weather
        themes:
          county-lines: County lines
        accessibility:
          contact_email: web@example.org
          last_reviewed: 2026-11-01
        """
        let (config, log) = DataFiles.siteConfig(yaml: yaml, file: "Content/site.yml")
        #expect(log.diagnostics.isEmpty)
        #expect(config?.exitURL == "https://www.example.org/weather")
        #expect(config?.themeTitles == ["county-lines": "County lines"])
        #expect(config?.accessibilityEmail == "web@example.org")
        #expect(config?.accessibilityReviewed == Day(year: 2026, month: 11, day: 1))
    }

    @Test func exitThisPageIsOnByDefaultAndCanBeTurnedOff() {
        #expect(DataFiles.siteConfig(yaml: "name: Board", file: "s").0?.exitURL == SiteConfig.defaultExitURL)
        #expect(DataFiles.siteConfig(yaml: "name: Board\nexit_this_page:\n  enabled: false\n", file: "s").0?.exitURL == nil)
    }

    @Test func aBadExitAddressOrThemeSlugIsAnErrorWithItsLine() {
        let (_, log) = DataFiles.siteConfig(yaml: "name: Board\nexit_this_page:\n  url: bbc.co.uk\nthemes:\n  County Lines: x\n", file: "s")
        #expect(log.diagnostics.map(\.line) == [3, 5])
        #expect(log.diagnostics.allSatisfy { $0.severity == .error })
    }
}
