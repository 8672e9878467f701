/* pmterm: Sphinx's search scorer (html_search_scorer), for a glossary.
   Sphinx's default weights, plus two things:
   - pages the project marks as maintainer pages (pmterm_maintainer_pages, listed by
     the search page in window.pmtermSearch.demoted) rank below every other result;
   - result snippets: a term page's snippet is its summary (the page's meta
     description), and code (blocks and inline) is left out of snippets, so raw
     source never shows. Sphinx builds snippets with Search.makeSearchSummary; it is wrapped
     once, when the first result is scored (this file may load before or after
     searchtools.js, depending on the theme). */
var Scorer = {
  objNameMatch: 11,
  objPartialMatch: 6,
  objPrio: { 0: 15, 1: 5, 2: -5 },
  objPrioDefault: 0,
  title: 15,
  partialTitle: 7,
  term: 5,
  partialTerm: 2,

  score: function (result) {
    pmtermWrapSummary();
    var data = window.pmtermSearch || {};
    var demoted = data.demoted || [];
    return demoted.indexOf(result[0]) === -1 ? result[4] : result[4] - 1000;
  },
};

function pmtermWrapSummary() {
  if (typeof Search === "undefined" || Search.makeSearchSummary.pmterm) return;
  var original = Search.makeSearchSummary;
  var wrapped = function (htmlText, keywords, anchor) {
    var doc = new DOMParser().parseFromString(htmlText, "text/html");
    var meta = doc.querySelector('meta[name="description"]');
    if (meta && doc.querySelector("section.pmterm") && !anchor) {
      var summary = document.createElement("p");
      summary.classList.add("context");
      summary.textContent = meta.getAttribute("content");  // text only, never markup
      return summary;
    }
    doc.querySelectorAll("pre, div.highlight, .literal-block-wrapper").forEach(function (el) {
      el.remove();
    });
    doc.querySelectorAll("code").forEach(function (el) { el.replaceWith("…"); });
    return original(doc.documentElement.outerHTML, keywords, anchor);
  };
  wrapped.pmterm = true;
  Search.makeSearchSummary = wrapped;
}
