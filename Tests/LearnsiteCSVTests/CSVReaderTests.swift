import Foundation
import LearnsiteTestSupport
import Testing
@testable import LearnsiteCSV

/// The byte-level reader against each format rule of the content contract.
@Suite struct CSVReaderTests {
    @Test func plainCommaSeparatedWithLF() throws {
        let records = try readAll(text: "a,b,c\n1,2,3\n")
        #expect(records == [ReadRecord(line: 1, fields: ["a", "b", "c"]), ReadRecord(line: 2, fields: ["1", "2", "3"])])
    }

    @Test func lastRecordWithoutLineEnd() throws {
        #expect(try readAll(text: "a,b\n1,2") == [ReadRecord(line: 1, fields: ["a", "b"]), ReadRecord(line: 2, fields: ["1", "2"])])
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let records = try readAll(bytes: [0xEF, 0xBB, 0xBF] + Array("date,course\n2024-05-14,x\n".utf8))
        #expect(records.first?.fields == ["date", "course"])
    }

    @Test func semicolonDetectedFromTheHeader() throws {
        let folder = TemporaryFolder()
        let read = try readAll(folder.write("r.csv", "date;course;note\n2024-05-14;x;a,b\n"))
        #expect(read.delimiter == UInt8(ascii: ";"))
        #expect(read.records[1].fields == ["2024-05-14", "x", "a,b"])
    }

    @Test func commaWinsWhenTheHeaderHasMoreCommas() throws {
        let folder = TemporaryFolder()
        #expect(try readAll(folder.write("r.csv", "a,b,\"c;d\"\n")).delimiter == UInt8(ascii: ","))
    }

    @Test func crlfAndLoneCRLineEnds() throws {
        let expected = [ReadRecord(line: 1, fields: ["a", "b"]), ReadRecord(line: 2, fields: ["1", "2"]), ReadRecord(line: 3, fields: ["3", "4"])]
        #expect(try readAll(text: "a,b\r\n1,2\r\n3,4\r\n") == expected)
        #expect(try readAll(text: "a,b\r1,2\r3,4\r") == expected)
    }

    @Test func quotedFieldsWithDelimitersQuotesAndLineBreaks() throws {
        let records = try readAll(text: "name,venue\n\"Kit \"\"KJ\"\" Quoted\",\"Civic Offices,\nRoom 2\"\nnext,row\n")
        #expect(records == [
            ReadRecord(line: 1, fields: ["name", "venue"]),
            ReadRecord(line: 2, fields: ["Kit \"KJ\" Quoted", "Civic Offices,\nRoom 2"]),
            ReadRecord(line: 4, fields: ["next", "row"]),
        ])
    }

    @Test func lineNumbersCountCRLFInsideQuotesOnce() throws {
        let records = try readAll(text: "a\r\n\"x\r\ny\r\nz\"\r\nb\r\n")
        #expect(records.map(\.line) == [1, 2, 5])
        #expect(records[1].fields == ["x\r\ny\r\nz"])
    }

    @Test func emptyFieldsAndBlankLines() throws {
        let records = try readAll(text: "a,,c\n\n,\n\"\"\n")
        #expect(records == [
            ReadRecord(line: 1, fields: ["a", "", "c"]), ReadRecord(line: 2, fields: [""]),
            ReadRecord(line: 3, fields: ["", ""]), ReadRecord(line: 4, fields: [""]),
        ])
    }

    @Test func strayQuotesAreKeptAsPythonDoes() throws {
        #expect(try readAll(text: "5\" tall,\"ab\"c\n").first?.fields == ["5\" tall", "abc"])
    }

    @Test func unclosedQuoteRunsToTheEndAndIsReported() throws {
        let folder = TemporaryFolder()
        let read = try readAll(folder.write("r.csv", "a,b\n\"open,x\ny,z\n"))
        #expect(read.records.count == 2)
        #expect(read.records[1].line == 2)
        #expect(read.problems == [nil, .unclosedQuote])
    }

    @Test func tooLongRecordIsReportedNotHeld() throws {
        let folder = TemporaryFolder()
        let long = String(repeating: "x", count: 200)
        let read = try readAll(folder.write("r.csv", "a,b\n\(long),y\nc,d\n"), bufferSize: 16, maxRecordBytes: 64)
        #expect(read.problems == [nil, .tooLong, nil])
        #expect(read.records[2] == ReadRecord(line: 3, fields: ["c", "d"]))
    }

    @Test func emptyFileHasNoRecords() throws {
        #expect(try readAll(text: "").isEmpty)
    }

    @Test func missingFileIsAnOpenError() {
        #expect(throws: CSVReader.OpenError.self) { try CSVReader(path: "/nonexistent/register.csv") }
    }

    @Test func folderIsAReadError() throws {
        let folder = TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.url("x.csv"), withIntermediateDirectories: true)
        let reader = try CSVReader(path: folder.url("x.csv"))
        #expect(!reader.next())
        #expect(reader.readError != nil)
    }
}

/// Records split across the reader's chunks: the same records for every buffer size.
@Suite struct CSVChunkBoundaryTests {
    static let text = "date;course;venue\r\n2024-05-14;\"CSE\r\nawareness\";\"Room \"\"2\"\"\"\r\n\r\n15/05/2024;x;\"a;b\"\r\nlast;row;\"ends at EOF\""

    @Test(arguments: [1, 2, 3, 4, 5, 7, 8, 9, 13, 16, 64])
    func sameRecordsForEveryBufferSize(bufferSize: Int) throws {
        #expect(try readAll(text: Self.text, bufferSize: bufferSize) == readAll(text: Self.text))
    }

    @Test func quotedFieldSplitAcrossTheBoundary() throws {
        let prefix = "a,b\n"
        let text = prefix + "\"split across\nthe boundary\",2\n3,4\n"
        // The boundary falls inside the quoted field: after its opening quote and again after its line break.
        for bufferSize in [prefix.utf8.count + 1, prefix.utf8.count + 8, prefix.utf8.count + 14] {
            #expect(try readAll(text: text, bufferSize: bufferSize) == [
                ReadRecord(line: 1, fields: ["a", "b"]),
                ReadRecord(line: 2, fields: ["split across\nthe boundary", "2"]),
                ReadRecord(line: 4, fields: ["3", "4"]),
            ])
        }
    }

    @Test func crlfSplitAcrossTheBoundary() throws {
        // "a,b\r" fills the first chunk; its "\n" starts the next one and must not become a blank record.
        #expect(try readAll(text: "a,b\r\nc,d\r\n", bufferSize: 4) == [ReadRecord(line: 1, fields: ["a", "b"]), ReadRecord(line: 2, fields: ["c", "d"])])
    }

    @Test func escapedQuoteSplitAcrossTheBoundary() throws {
        // The two quotes of `""` fall in different chunks.
        #expect(try readAll(text: "\"ab\"\"cd\"\n", bufferSize: 4).first?.fields == ["ab\"cd"])
    }
}
