// «Найти в справочнике» on the editors' guide (templates/guide.html): the reference below the
// five steps is long (field tables, registries, every message of the check), so a word typed
// here leaves only the rows and messages that contain it. Without JavaScript the form stays
// hidden and the browser's own search (Ctrl+F) does the same.
(function () {
  "use strict";

  function normalize(text) {
    return (text || "").toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ").trim();
  }

  function init() {
    var form = document.querySelector("[data-kb-guide-find]");
    if (!form) return;
    var input = form.querySelector("input");
    // The live region is made here, before anything is typed, so screen readers announce it.
    var status = document.createElement("p");
    status.className = "kb-guide-find__status";
    status.setAttribute("aria-live", "polite");
    status.setAttribute("data-kb-guide-status", "");
    form.appendChild(status);
    var units = Array.prototype.slice.call(document.querySelectorAll(
      "table.kb-guide-fields tbody tr, section.kb-guide-error, ul.kb-guide-codes > li"));
    var texts = units.map(function (unit) { return normalize(unit.textContent); });
    var timer = null;

    function apply() {
      var words = normalize(input.value).split(" ").filter(Boolean);
      var found = 0;
      units.forEach(function (unit, index) {
        var match = words.every(function (word) { return texts[index].indexOf(word) !== -1; });
        unit.hidden = !match;
        if (match && unit.tagName !== "LI") found += 1;
      });
      status.textContent = words.length
        ? (found ? "Найдено строк и сообщений: " + found + "." : "Ничего не найдено.")
        : "";
    }

    form.hidden = false;
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(apply, 150);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
