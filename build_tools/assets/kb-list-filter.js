// Filters of a generated list (the courses page): a form with data-kb-list-filter="LIST_ID"
// holds <select name="KEY"> fields; each item of the list with data-kb-filter-item carries
// data-kb-KEY="value value …". An item is shown when, for every chosen select, its values
// include the chosen one. The choice is kept in the address (?format=ochno), so a copied link
// shows the same list. Without JavaScript the form stays hidden and the whole list is shown.
(function () {
  "use strict";

  function setUp(form) {
    var list = document.getElementById(form.getAttribute("data-kb-list-filter"));
    if (!list) {
      return;
    }
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var items = Array.prototype.slice.call(list.querySelectorAll("[data-kb-filter-item]"));
    var count = form.querySelector("[data-kb-filter-count]");
    var empty = list.parentNode.querySelector("[data-kb-filter-empty]");
    var params = new URLSearchParams(window.location.search);
    selects.forEach(function (select) {
      var wanted = params.get(select.name);
      if (wanted && select.querySelector("option[value='" + CSS.escape(wanted) + "']")) {
        select.value = wanted;
      }
    });

    function apply() {
      var chosen = selects.filter(function (s) { return s.value; });
      var shown = 0;
      items.forEach(function (item) {
        var fits = chosen.every(function (s) {
          var values = (item.getAttribute("data-kb-" + s.name) || "").split(" ");
          return values.indexOf(s.value) >= 0;
        });
        item.hidden = !fits;
        shown += fits ? 1 : 0;
      });
      if (count) {
        count.textContent = chosen.length ? "Показано: " + shown + " из " + items.length : "";
      }
      if (empty) {
        empty.hidden = shown > 0;
      }
      var query = new URLSearchParams();
      chosen.forEach(function (s) { query.set(s.name, s.value); });
      var search = query.toString();
      window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : ""));
    }

    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      apply();
    });
    form.hidden = false;
    apply();
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-kb-list-filter]"), setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
