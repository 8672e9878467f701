/* pmterm: term previews on hover and keyboard focus.
   Each preview link (a.pmterm-preview) carries "Name (Category) — summary" in its
   title, written at build time; without this script the browser shows that title.
   The page also carries a JSON map (script#pmterm-previews) from each link's href
   to the term's name, category and summary: this script reads that structured data
   and shows one shared tooltip (role="tooltip", linked by aria-describedby) that
   opens on hover or focus, stays while hovered, and closes on Escape. */
(function () {
  "use strict";
  var tip = null, owner = null, hideTimer = 0, previews = null;

  function lookup(link) {
    if (previews === null) {
      var block = document.getElementById("pmterm-previews");
      try { previews = block ? JSON.parse(block.textContent) : {}; } catch (e) { previews = {}; }
    }
    var entry = previews[link.getAttribute("href")];
    return entry && typeof entry.name === "string" ? entry : null;
  }

  function ensureTip() {
    if (tip) return tip;
    tip = document.createElement("div");
    tip.id = "pmterm-tooltip";
    tip.className = "pmterm-tooltip";
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    tip.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
    tip.addEventListener("mouseleave", scheduleHide);
    document.body.appendChild(tip);
    return tip;
  }

  function add(parent, tag, cls, text) {
    var el = document.createElement(tag);
    el.className = cls;
    el.textContent = text;  // text only: term data is never parsed as markup
    parent.appendChild(el);
  }

  function show(link) {
    clearTimeout(hideTimer);
    if (owner === link) return;
    hide();
    var title = link.getAttribute("title");
    var data = lookup(link);
    if (!title || !data) return;  // no data: the native title stays
    var box = ensureTip();
    box.textContent = "";
    add(box, "strong", "pmterm-tooltip-name", data.name);
    if (data.category) add(box, "span", "pmterm-tooltip-category", data.category);
    if (data.summary) add(box, "span", "pmterm-tooltip-text", data.summary);
    owner = link;
    link.dataset.pmtermTitle = title;
    link.removeAttribute("title");  // no second, native tooltip
    link.setAttribute("aria-describedby", box.id);
    box.hidden = false;
    var r = link.getBoundingClientRect();
    var top = window.scrollY + r.bottom + 6;
    var left = Math.max(8, Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - box.offsetWidth - 8));
    box.style.top = top + "px";
    box.style.left = left + "px";
  }

  function hide() {
    clearTimeout(hideTimer);
    if (!owner) return;
    owner.setAttribute("title", owner.dataset.pmtermTitle);
    owner.removeAttribute("aria-describedby");
    delete owner.dataset.pmtermTitle;
    owner = null;
    if (tip) tip.hidden = true;
  }

  function scheduleHide() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 150);
  }

  function target(event) {
    return event.target.closest ? event.target.closest("a.pmterm-preview") : null;
  }

  document.addEventListener("mouseover", function (e) { var a = target(e); if (a) show(a); });
  document.addEventListener("mouseout", function (e) { if (target(e)) scheduleHide(); });
  document.addEventListener("focusin", function (e) { var a = target(e); if (a) show(a); });
  document.addEventListener("focusout", function (e) { if (target(e)) hide(); });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") hide(); });
})();
