import LearnsiteContent
import LearnsiteMarkdown

/// The frame of every HTML report: one self-contained, printable A4 file with its privacy notice first.
/// No scripts and nothing fetched: reports are private files, sent by email or printed, never published.
enum HTMLPage {
    static func render(title: String, notice: PrivacyNotice, suppression: Suppression, body: String) -> String {
        let personal = suppression.isOn ? "" : " (personal data)"
        return "<!-- \(notice.line(suppression)) -->\n<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"robots\" content=\"noindex, nofollow\">\n"
            + "<title>\(htmlEscaped(title))\(personal)</title>\n<style>\n\(style)</style>\n</head>\n<body>\n"
            + notice.banner(suppression) + "<main>\n<h1>\(htmlEscaped(title))</h1>\n\(body)</main>\n</body>\n</html>\n"
    }

    /// - Parameter className: `invoice` puts the section on a page of its own when printed.
    static func section(_ id: String, _ heading: String, _ content: String, className: String? = nil) -> String {
        let attribute = className.map { " class=\"\($0)\"" } ?? ""
        return "<section\(attribute) aria-labelledby=\"\(id)-heading\">\n<h2 id=\"\(id)-heading\">\(htmlEscaped(heading))</h2>\n\(content)\n</section>\n"
    }

    /// Warnings and rejected values as a list, each with its file and line.
    static func problems(_ diagnostics: [Diagnostic]) -> String {
        "<ul>" + diagnostics.map { diagnostic in
            let place = diagnostic.line.map { "\(diagnostic.file), line \($0)" } ?? diagnostic.file
            return "<li><span class=\"place\">\(htmlEscaped(place))</span>: \(htmlEscaped(diagnostic.message))</li>"
        }.joined() + "</ul>"
    }

    private static let style = """
    @page { size: A4; margin: 14mm 12mm; }
    html { font-family: system-ui, -apple-system, "Segoe UI", Arial, sans-serif; font-size: 11pt; color: #0b0c0c; background: #fff; }
    body { margin: 0 auto; max-width: 186mm; padding: 0 4mm; line-height: 1.4; }
    .banner { border: 3px solid #d4351c; padding: 8px 12px; margin: 12px 0; }
    h1 { font-size: 20pt; margin: 10px 0 4px; }
    h2 { font-size: 14pt; margin: 20px 0 6px; break-after: avoid; }
    .lede { margin-top: 0; }
    .cards { list-style: none; padding: 0; margin: 0 -3px; display: flex; flex-wrap: wrap; }
    .cards li { flex: 1 1 38mm; margin: 3px; border: 1px solid #b1b4b6; border-left: 5px solid #1d70b8; padding: 6px 8px; break-inside: avoid; }
    .cards .value { display: block; font-size: 18pt; font-weight: 700; }
    .chart { display: block; max-width: 100%; height: auto; margin: 6px 0; font-size: 11px; break-inside: avoid; }
    table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; font-size: 9.5pt; }
    caption { text-align: left; font-weight: 700; padding: 4px 0; }
    th, td { border-bottom: 1px solid #b1b4b6; padding: 3px 6px; text-align: left; vertical-align: top; }
    th[scope=row] { font-weight: 400; }
    .n { text-align: right; font-variant-numeric: tabular-nums; }
    thead { display: table-header-group; }
    tr { break-inside: avoid; }
    tfoot th, tfoot td { font-weight: 700; border-top: 2px solid #0b0c0c; }
    .place { font-weight: 700; }
    .invoice { break-inside: avoid; }
    .invoice + .invoice { break-before: page; }
    @media print { body { max-width: none; padding: 0; } .banner { margin-top: 0; } }

    """
}
