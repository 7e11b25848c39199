import Foundation
import LearnsiteTestSupport
import Testing
@testable import LearnsiteCSV

/// Thousands of random records with quotes, delimiters, CR, LF and non-ASCII text, written as Python's
/// csv module writes them, come back exactly, with the right line numbers, whatever the chunk size.
@Suite struct CSVFuzzTests {
    static let alphabet: [String] = ["a", "b", "Z", "7", " ", ",", ";", "\"", "\r", "\n", "\r\n", "é", "’", "😀", "\t"]

    static func randomRecords(count: Int, seed: UInt64) -> [[String]] {
        var random = SplitMix64(state: seed)
        return (0..<count).map { _ in
            (0..<Int.random(in: 1...6, using: &random)).map { _ in
                (0..<Int.random(in: 0...12, using: &random)).map { _ in alphabet.randomElement(using: &random)! }.joined()
            }
        }
    }

    /// The line each record starts on: CR, LF and CRLF each end one line.
    static func startLines(of text: String, records: [[String]], delimiter: Character, lineEnd: String) -> [Int] {
        var line = 1
        return records.map { fields in
            let start = line
            let written = pythonCSV([fields], delimiter: delimiter, lineEnd: lineEnd)
            // Counted one Character at a time: `filter` would make a String, where a lone CR and the LF
            // after it would merge into one CRLF Character.
            line += written.reduce(0) { $0 + ($1 == "\n" || $1 == "\r" || $1 == "\r\n" ? 1 : 0) }
            return start
        }
    }

    @Test(arguments: [(",", "\r\n", UInt64(1)), (";", "\r\n", UInt64(2)), (",", "\n", UInt64(3)), (";", "\n", UInt64(4))])
    func roundTrip(delimiter: String, lineEnd: String, seed: UInt64) throws {
        let separator = Character(delimiter)
        // A fixed header makes the delimiter detectable, as in a real register.
        let records = [["date", "course", "name"]] + Self.randomRecords(count: 3000, seed: seed)
        let text = pythonCSV(records, delimiter: separator, lineEnd: lineEnd)
        let folder = TemporaryFolder()
        let path = folder.write("fuzz.csv", text)
        let lines = Self.startLines(of: text, records: records, delimiter: separator, lineEnd: lineEnd)
        for bufferSize in [1 << 20, 4096, 97, 7] {
            let read = try readAll(path, bufferSize: bufferSize)
            #expect(read.delimiter == UInt8(ascii: delimiter.unicodeScalars.first!))
            #expect(read.records.count == records.count)
            #expect(read.problems.allSatisfy { $0 == nil })
            for (index, record) in read.records.enumerated() where index < records.count {
                #expect(record.fields == records[index], "record \(index), buffer \(bufferSize)")
                #expect(record.line == lines[index], "record \(index), buffer \(bufferSize)")
            }
        }
    }
}
