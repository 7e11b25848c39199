import Foundation
import Testing
@testable import LearnsiteAttendance

/// agencies.yml: canonical names and aliases, matched ignoring case, spaces and the kind of apostrophe.
@Suite struct AgenciesTests {
    @Test func aliasesAreMatchedLoosely() {
        let (directory, diagnostics) = AgencyDirectory.parse(yaml: """
        - name: Thames Valley Police
          aliases: [TVP, Thames Valley Police (TVP)]
        - name: Children's Social Care
          aliases: CSC
        """, file: "agencies.yml")
        #expect(diagnostics.isEmpty)
        #expect(directory.canonical("tvp") == "Thames Valley Police")
        #expect(directory.canonical("  Thames  Valley police ") == "Thames Valley Police")
        #expect(directory.canonical("thames valley police (tvp)") == "Thames Valley Police")
        #expect(directory.canonical("Children’s Social Care") == "Children's Social Care")
        #expect(directory.canonical("csc") == "Children's Social Care")
        #expect(directory.canonical("Acme Nursery") == nil)
    }

    @Test func anAliasOfTwoAgenciesIsAnError() {
        let (_, diagnostics) = AgencyDirectory.parse(yaml: "- name: A\n  aliases: [Shared]\n- name: B\n  aliases: [shared]\n", file: "agencies.yml")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.severity == .error)
        #expect(diagnostics.first?.message.contains("“shared” is given for both A and B") == true)
    }

    @Test func badShapesAreErrors() {
        #expect(AgencyDirectory.parse(yaml: "name: A\n", file: "a.yml").1.first?.severity == .error)
        #expect(AgencyDirectory.parse(yaml: "- aliases: [X]\n", file: "a.yml").1.first?.message.contains("needs a `name:`") == true)
        #expect(AgencyDirectory.parse(yaml: "- name: [unclosed\n", file: "a.yml").1.first?.severity == .error)
    }

    @Test func missingFileIsAWarning() {
        let (directory, diagnostics) = AgencyDirectory.load(file: "/nonexistent/agencies.yml")
        #expect(directory.names.isEmpty)
        #expect(diagnostics.first?.severity == .warning)
    }

    @Test func theSampleContentAgenciesLoadCleanly() {
        let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Content/agencies.yml").path
        let (directory, diagnostics) = AgencyDirectory.load(file: content)
        #expect(diagnostics.isEmpty)
        #expect(directory.canonical("MKUH") == "Milton Keynes University Hospital")
    }
}
