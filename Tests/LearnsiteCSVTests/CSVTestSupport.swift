import Foundation
import LearnsiteTestSupport
@testable import LearnsiteCSV

/// Records as the reader returns them: fields as text, with the line each record starts on.
struct ReadRecord: Equatable, CustomStringConvertible {
    let line: Int
    let fields: [String]
    var description: String { "\(line): \(fields)" }
}

func readAll(_ path: String, bufferSize: Int = 1 << 20, maxRecordBytes: Int = 1 << 20) throws -> (records: [ReadRecord], delimiter: UInt8, problems: [CSVReader.Problem?]) {
    let reader = try CSVReader(path: path, bufferSize: bufferSize, maxRecordBytes: maxRecordBytes)
    var records: [ReadRecord] = []
    var problems: [CSVReader.Problem?] = []
    while reader.next() {
        records.append(ReadRecord(line: reader.line, fields: (0..<reader.fieldCount).map(reader.string)))
        problems.append(reader.problem)
    }
    return (records, reader.delimiter, problems)
}

func readAll(bytes: [UInt8], bufferSize: Int = 1 << 20) throws -> [ReadRecord] {
    let folder = TemporaryFolder()
    return try readAll(folder.write("r.csv", bytes: bytes), bufferSize: bufferSize).records
}

func readAll(text: String, bufferSize: Int = 1 << 20) throws -> [ReadRecord] {
    try readAll(bytes: Array(text.utf8), bufferSize: bufferSize)
}

/// Writes records as Python's `csv.writer` does with QUOTE_MINIMAL and its default `\r\n` line ends: a field
/// is quoted when it holds the delimiter, a quote, CR or LF, quotes are doubled, and a record of one empty
/// field is written `""`. (With `lineterminator="\n"` Python 3.11 leaves a lone CR unquoted, which no
/// reader, Python's included, can read back; this helper quotes it whatever the line end.)
func pythonCSV(_ records: [[String]], delimiter: Character = ",", lineEnd: String = "\r\n") -> String {
    records.map { fields in
        if fields == [""] { return "\"\"" }
        return fields.map { field in
            guard field.contains(where: { $0 == delimiter || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else { return field }
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }.joined(separator: String(delimiter))
    }.joined(separator: lineEnd) + lineEnd
}
