/* pmterm: term previews on hover and keyboard focus.
   Each preview link (a.pmterm-preview) carries "Name (Category) — summary" in its
   title, written at build time; without this script the browser shows that title.
   The page also carries a JSON map (script#pmterm-previews) from each link's href
   to the term's name, category and summary: this script reads that structured data
   and shows one shared tooltip (role="tooltip", linked by aria-describedby) that
   opens on hover (mouse or pen) or keyboard focus, stays while hovered, and closes
   on Escape. It opens below the link, or above it when there is no room below, and
   keeps a margin from both edges of the window. A touch screen has no hover: a tap
   opens nothing and simply follows the link. */
(function () {
  "use strict";
  var MARGIN = 8, GAP = 6, MAX_WIDTH = 416;  // px; 416 = 26rem
  var tip = null, owner = null, hideTimer = 0, previews = null, touchedAt = -1e9;

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
    place(box, link);
  }

  // Below the link if it fits, else above it if there is more room there; never
  // closer than MARGIN to either side of the window (its width excludes scroll bars).
  function place(box, link) {
    var root = document.documentElement;
    var width = root.clientWidth, height = root.clientHeight;
    box.style.left = "0px";  // measure at full width, not squeezed by the last place
    box.style.top = "0px";
    box.style.maxWidth = Math.max(0, Math.min(MAX_WIDTH, width - 2 * MARGIN)) + "px";
    var w = box.offsetWidth, h = box.offsetHeight;
    var r = link.getBoundingClientRect();
    var below = height - r.bottom - GAP - MARGIN, above = r.top - GAP - MARGIN;
    var up = h > below && above > below;
    var top = up ? r.top - GAP - h : r.bottom + GAP;
    var left = Math.max(MARGIN, Math.min(r.left, width - w - MARGIN));
    box.style.top = window.scrollY + top + "px";
    box.style.left = window.scrollX + left + "px";
    box.dataset.placement = up ? "above" : "below";
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

  // Hover means a mouse or a pen. A tap is a touch pointer: it opens nothing (its
  // focus and the mouse events browsers emulate after it included), so the tap
  // follows the link at once instead of stopping on a tooltip.
  function hovering(e) { return e.pointerType === "mouse" || e.pointerType === "pen"; }
  function justTouched() { return Date.now() - touchedAt < 1000; }

  document.addEventListener("pointerdown", function (e) {
    if (e.pointerType === "touch") { touchedAt = Date.now(); hide(); }
  }, true);
  document.addEventListener("pointerover", function (e) {
    var a = target(e);
    if (a && hovering(e)) show(a);
  });
  document.addEventListener("pointerout", function (e) {
    if (target(e) && hovering(e)) scheduleHide();
  });
  document.addEventListener("focusin", function (e) {
    var a = target(e);
    if (a && !justTouched()) show(a);
  });
  document.addEventListener("focusout", function (e) { if (target(e)) hide(); });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") hide(); });
})();
