// Site search with Pagefind's index (pagefind/, built with the site). Without JavaScript, opened from
// disk (file://, where the index cannot load) or without an index, the page keeps its message pointing
// to the themes and glossary.
(function () {
  "use strict";
  if (location.protocol === "file:") return;
  var form = document.querySelector(".search-page-form");
  var input = document.getElementById("search-query");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var filterBox = document.getElementById("search-filters");
  var base = new URL("../", location.href);
  var filterNames = { kind: "Type of document", theme: "Theme" };

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function longDate(iso) {
    var date = new Date(iso + "T00:00:00Z");
    return isNaN(date) ? iso : date.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  }

  function selectedFilters() {
    var chosen = {};
    filterBox.querySelectorAll("input:checked").forEach(function (box) {
      (chosen[box.name] = chosen[box.name] || []).push(box.value);
    });
    return chosen;
  }

  function showFilters(pagefind) {
    return pagefind.filters().then(function (filters) {
      Object.keys(filterNames).forEach(function (name) {
        var values = Object.keys(filters[name] || {}).sort();
        if (!values.length) return;
        var set = element("fieldset", "search-filter");
        set.appendChild(element("legend", null, filterNames[name]));
        values.forEach(function (value, index) {
          var id = "filter-" + name + "-" + index;
          var box = element("input");
          box.type = "checkbox"; box.name = name; box.value = value; box.id = id;
          var label = element("label", null, value);
          label.htmlFor = id;
          var item = element("div", "search-filter-option");
          item.appendChild(box); item.appendChild(label);
          set.appendChild(item);
        });
        filterBox.appendChild(set);
      });
    });
  }

  function show(results, query) {
    list.textContent = "";
    status.textContent = results.length + (results.length === 1 ? " result" : " results") + " for \u201c" + query + "\u201d";
    results.forEach(function (data) {
      var item = element("li");
      var title = element("h2", "document-title");
      var link = element("a", null, data.meta.title || data.url);
      link.href = data.url;
      title.appendChild(link);
      item.appendChild(title);
      var kind = (data.filters.kind || [])[0];
      var meta = [kind, data.meta.date ? longDate(data.meta.date) : null].filter(Boolean).join(" \u00b7 ");
      if (meta) item.appendChild(element("p", "meta", meta));
      var excerpt = element("p", "excerpt");
      excerpt.innerHTML = data.excerpt; // Pagefind escapes the page text and adds only <mark>.
      item.appendChild(excerpt);
      list.appendChild(item);
    });
  }

  import(new URL("pagefind/pagefind.js", base).href).then(function (pagefind) {
    return pagefind.options({ baseUrl: base.pathname }).then(function () { return pagefind; });
  }).then(function (pagefind) {
    document.getElementById("search-unavailable").hidden = true;
    function run() {
      var query = input.value.trim();
      if (!query) { list.textContent = ""; status.textContent = ""; return; }
      status.textContent = "Searching\u2026";
      pagefind.search(query, { filters: selectedFilters() }).then(function (search) {
        return Promise.all(search.results.slice(0, 30).map(function (result) { return result.data(); }));
      }).then(function (results) { show(results, query); });
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      history.replaceState(null, "", "?q=" + encodeURIComponent(input.value.trim()));
      run();
    });
    filterBox.addEventListener("change", run);
    input.value = new URLSearchParams(location.search).get("q") || "";
    return showFilters(pagefind).then(run);
  }).catch(function () { /* No index here: the message stays. */ });
})();
