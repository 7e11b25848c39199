import Testing
@testable import LearnsiteAttendance

private let scores = """
date,course,name,agency,status,pre_score,post_score
14/05/2024,CSE awareness,Ann Both,TVP,attended,2,4
14/05/2024,CSE awareness,Ben Both,TVP,attended,3,5
14/05/2024,CSE awareness,Cat Before,TVP,late,1,
14/05/2024,CSE awareness,Dan After,TVP,partial,,5
14/05/2024,CSE awareness,Eve None,TVP,attended,,
14/05/2024,CSE awareness,Fin Seven,TVP,walk-in,7,4
14/05/2024,CSE awareness,Gil Absent,TVP,dna,1,1
15/05/2024,Safeguarding children foundation,Hal Word,TVP,attended,high,

"""

/// Confidence before and after, per course: means over the scores given, attendees without scores counted.
@Suite struct ImpactReportTests {
    @Test func meansCountAttendeesWithoutScores() throws {
        let impact = ImpactReport(try records(scores))
        let cse = try #require(impact.courses.first)
        #expect(cse.name == "Child sexual exploitation awareness")
        #expect((cse.attended, cse.before.count, cse.after.count, cse.paired, cse.withoutScores) == (6, 3, 4, 2, 1))
        #expect(cse.before.mean == 2.0 && cse.after.mean == 4.5 && cse.meanChange == 2.0)
        #expect(cse.before.distribution == [1, 1, 1, 0, 0] && cse.after.distribution == [0, 0, 0, 2, 2])
        let foundation = try #require(impact.courses.last)
        #expect((foundation.attended, foundation.before.count, foundation.withoutScores) == (1, 0, 1))
        #expect(foundation.before.mean == nil && foundation.meanChange == nil)
        #expect((impact.total.attended, impact.total.withoutScores) == (7, 2), "the no-show's scores are not counted")
    }

    @Test func scoresOutsideOneToFiveAreRejectedWithFileAndLine() throws {
        let rejected = ImpactReport(try records(scores)).rejected
        #expect(rejected.map(\.line) == [7, 9])
        #expect(rejected.allSatisfy { $0.file.hasSuffix("r.csv") && $0.severity == .error })
        #expect(rejected[0].message.contains("before the course, “7”, is not a whole number from 1 (not confident) to 5"))
        #expect(rejected[1].message.contains("“high”"))
    }

    @Test func theTableAndCSVShowMeansAndCounts() throws {
        let impact = ImpactReport(try records(scores))
        let text = impact.render(.table)
        #expect(text.hasPrefix("PERSONAL DATA: confidence scores from registers that name staff"))
        let row = try #require(text.split(separator: "\n").first { $0.hasPrefix("Child sexual exploitation awareness") })
        #expect(row.split(separator: " ").suffix(8) == ["6", "3", "2.0", "4", "4.5", "2", "+2.0", "1"])
        #expect(text.contains("r.csv:7: error: the confidence score before the course"))
        let csv = impact.render(.csv).components(separatedBy: "\r\n")
        #expect(csv[2] == "Child sexual exploitation awareness,6,3,2.00,4,4.50,2,+2.00,1,1,1,1,0,0,0,0,0,2,2")
        #expect(csv[3] == "Safeguarding children foundation,1,0,–,0,–,0,–,1,0,0,0,0,0,0,0,0,0,0")
    }

    @Test func eachCourseHasASmallChartWithItsFigures() throws {
        let html = ImpactReport(try records(scores)).render(.html)
        #expect(html.components(separatedBy: "<svg ").count - 1 == 2)
        #expect(html.contains("<title id=\"impact-1-chart-title\">Confidence before and after: Child sexual exploitation awareness</title>"))
        #expect(html.contains("aria-details=\"impact-1-figures\"") && html.contains("<table id=\"impact-1-figures\""))
        #expect(html.contains("<title>Score 5 after: 2</title>"))
    }

    @Test func suppressedSmallCountsAndTheirMeansAreHidden() throws {
        let impact = ImpactReport(try records(scores, suppression: Suppression(below: 5)))
        let text = impact.render(.table)
        #expect(text.hasPrefix("FOR PUBLICATION"))
        let row = try #require(text.split(separator: "\n").first { $0.hasPrefix("Child sexual exploitation awareness") })
        // Four small counts; their means; and the 6 who attended, as 7 in all minus 6 would reveal the foundation course's 1.
        #expect(row.components(separatedBy: "fewer than 5").count - 1 == 4)
        #expect(row.components(separatedBy: "not shown").count - 1 == 4)
        let total = try #require(text.split(separator: "\n").first { $0.hasPrefix("All courses") })
        #expect(total.split(separator: " ").dropFirst(2).first == "7")
        #expect(!impact.render(.html).contains("<svg "))
    }
}
