/* pmterm: term previews on hover and keyboard focus.
   Each preview link (a.pmterm-preview) carries "Name (Category) — summary" in its
   title, written at build time; without this script the browser shows that title.
   Here it becomes one shared tooltip (role="tooltip", linked by aria-describedby)
   that opens on hover or focus, stays while hovered, and closes on Escape. */
(function () {
  "use strict";
  var tip = null, owner = null, hideTimer = 0;

  function parse(title) {
    var cut = title.indexOf(" — ");
    var head = cut < 0 ? title : title.slice(0, cut);
    var text = cut < 0 ? "" : title.slice(cut + 3);
    var open = head.lastIndexOf(" (");
    var name = open > 0 && head.slice(-1) === ")" ? head.slice(0, open) : head;
    var category = name === head ? "" : head.slice(open + 2, -1);
    return { name: name, category: category, text: text };
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
    if (!title) return;
    var data = parse(title), box = ensureTip();
    box.textContent = "";
    add(box, "strong", "pmterm-tooltip-name", data.name);
    if (data.category) add(box, "span", "pmterm-tooltip-category", data.category);
    if (data.text) add(box, "span", "pmterm-tooltip-text", data.text);
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
