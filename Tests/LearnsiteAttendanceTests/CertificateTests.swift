import Foundation
import LearnsiteHandouts
import LearnsiteTestSupport
import LearnsiteTheme
import Testing
@testable import LearnsiteAttendance

private let attendees = """
date,course,name,email,agency,status,hours
14/05/2024,CSE awareness,Pat Example,pat@example.org,TVP,attended,3
14/05/2024,CSE awareness,Pat Example,pat.two@example.org,MKUH,late,
14/05/2024,CSE awareness,Abe Absent,abe@example.org,TVP,dna,3
15/05/2024,Safeguarding children foundation,Kim Fictional,kim@example.org,CSC,partial,

"""

/// Certificates of attendance: who gets one, what it says, and that it prints on one A4 page.
@Suite struct CertificateTests {
    @Test func oneForEachAttendeeNamingTheCourseDateHoursLevelAndBoard() throws {
        let pages = Certificates.pages(try records(attendees), course: nil)
        #expect(pages.map(\.file) == ["2024-05-14-cse-awareness-pat-example.html", "2024-05-14-cse-awareness-pat-example-2.html",
                                      "2024-05-15-safeguarding-foundation-kim-fictional.html"])
        let first = try #require(pages.first)
        #expect((first.name, first.course, first.date, first.hours, first.level) == ("Pat Example", "Child sexual exploitation awareness", "14 May 2024", "3 hours", 2))
        #expect(first.layout.boardName == "Test Safeguarding Children Partnership")
        // Without hours in the register, the course's duration says how long it was.
        #expect((pages[1].hours, pages[1].duration) == (nil, "half day (3 hours)"))
    }

    @Test(arguments: ["cse-awareness", "Child sexual exploitation awareness", "CSE Awareness"])
    func onlyTheCourseAskedFor(course: String) throws {
        #expect(Certificates.pages(try records(attendees), course: course).map(\.name) == ["Pat Example", "Pat Example"])
    }

    @Test func theCertificateTemplateShowsEveryFactOnAnA4Page() throws {
        let theme = try Theme(overrides: nil)
        let page = try #require(Certificates.pages(try records(attendees), course: nil).first)
        let html = String(decoding: theme.render("handouts/certificate", page), as: UTF8.self)
        for fact in ["<p class=\"certificate-board\">Test Safeguarding Children Partnership</p>", "<h1 class=\"certificate-title\">Certificate of attendance</h1>",
                     "<p class=\"certificate-name\">Pat Example</p>", "<p class=\"certificate-course\">Child sexual exploitation awareness</p>",
                     "<td>14 May 2024</td>", "<td>3 hours</td>", "<td>Level 2</td>", "href=\"assets/print.css\""] {
            #expect(html.contains(fact), "\(fact)")
        }
        let css = String(decoding: try #require(theme.files(in: "handouts/assets").first { $0.path == "print.css" }).bytes, as: UTF8.self)
        #expect(css.contains("size: A4;") && css.contains("@page certificate") && css.contains(".certificate { page: certificate;"))
    }

    @Test(.enabled(if: PDFRenderer() != nil, "needs WeasyPrint"))
    func eachCertificateIsAOnePageA4PDFInThePrivateFolder() throws {
        let folder = TemporaryFolder()
        let outcome = Certificates.make(try records(attendees), course: "cse-awareness", theme: try Theme(overrides: nil), pdf: PDFRenderer()!,
                                        folder: folder.url("Output/reports/certificates"))
        #expect(outcome.diagnostics.isEmpty)
        #expect(outcome.files.map { URL(fileURLWithPath: $0).lastPathComponent } == ["2024-05-14-cse-awareness-pat-example-2.pdf", "2024-05-14-cse-awareness-pat-example.pdf"])
        let pdf = String(decoding: try Data(contentsOf: URL(fileURLWithPath: outcome.files[0])), as: UTF8.self)
        #expect(pdf.hasPrefix("%PDF"))
        #expect(pdf.contains("/Count 1\n"), "one page")
        #expect(pdf.range(of: #"/MediaBox \[ ?0 0 595\.\d+ 841\.\d+ ?\]"#, options: .regularExpression) != nil, "A4: 210 x 297 mm")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url("Output/reports"))
        #expect(leftovers == ["certificates"], "the staging HTML is removed")
        let permissions = try FileManager.default.attributesOfItem(atPath: outcome.files[0])[.posixPermissions] as? Int
        #expect(permissions == 0o600)
    }
}
