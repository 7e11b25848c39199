import Foundation
import LearnsiteContent

/// The live-reload script and error overlay, added to pages only while previewing.
enum PreviewAssets {
    static let scriptTag = Data("<script src=\"/__learnsite/reload.js\" defer></script>\n".utf8)

    /// Adds the reload script before `</head>`; the published files never contain it.
    static func injectReload(into html: Data) -> Data {
        guard let head = html.range(of: Data("</head>".utf8)) else { return html + scriptTag }
        var result = html
        result.insert(contentsOf: scriptTag, at: head.lowerBound)
        return result
    }

    static func serverSentEvent(_ event: PreviewState.Event) -> String {
        switch event {
        case .reload:
            return "event: reload\ndata: {}\n\n"
        case .failed(let problems):
            let list = problems.map { ["file": $0.file, "line": $0.line.map(String.init) ?? "", "message": $0.message] }
            let json = (try? JSONSerialization.data(withJSONObject: list, options: [.sortedKeys])) ?? Data("[]".utf8)
            return "event: failed\ndata: \(String(decoding: json, as: UTF8.self))\n\n"
        }
    }

    static let reloadScript = """
    // learnsite preview: reload when the site is rebuilt; show build errors over the page.
    (function () {
      "use strict";
      var source = new EventSource("/__learnsite/events");
      source.addEventListener("reload", function () { location.reload(); });
      source.addEventListener("failed", function (event) {
        var problems = JSON.parse(event.data);
        var style = document.createElement("link");
        style.rel = "stylesheet"; style.href = "/__learnsite/preview.css";
        document.head.appendChild(style);
        var overlay = document.getElementById("learnsite-preview-errors") || document.createElement("section");
        overlay.id = "learnsite-preview-errors";
        overlay.setAttribute("role", "alert");
        overlay.textContent = "";
        var title = document.createElement("h2");
        title.textContent = "The last change could not be built. This is the last good version of the page.";
        overlay.appendChild(title);
        var list = document.createElement("ul");
        problems.forEach(function (p) {
          var item = document.createElement("li");
          var place = document.createElement("code");
          place.textContent = p.file + (p.line ? ":" + p.line : "");
          item.appendChild(place);
          item.appendChild(document.createTextNode(" " + p.message));
          list.appendChild(item);
        });
        overlay.appendChild(list);
        document.body.insertBefore(overlay, document.body.firstChild);
      });
    })();
    """

    static let overlayStyle = """
    #learnsite-preview-errors { position: fixed; inset: 0 0 auto 0; z-index: 1000; max-height: 60vh; overflow: auto;
      background: #fff; color: #0b0c0c; border-bottom: 8px solid #d4351c; padding: 1rem 1.5rem; font: 1rem/1.4 system-ui, sans-serif; }
    #learnsite-preview-errors h2 { margin: 0 0 .5rem; font-size: 1.2rem; }
    #learnsite-preview-errors code { font-weight: 700; }
    """
}
