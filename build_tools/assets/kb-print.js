// «Версия для печати / PDF» (pages/print_version.py): shows the control, opens the browser's
// print dialog (where «Сохранить как PDF» is one of the printers), opens folded parts for
// printing and gives every link of the text its full address for the printed page.
(function () {
  "use strict";
  var opened = [];

  function addresses() {
    // The text's links and the lists below it; not the card's many links to topics and
    // levels, whose names say enough on paper.
    var links = document.querySelectorAll("article a[href]:not(.kb-card a):not(nav a)");
    for (var i = 0; i < links.length; i++) {
      var link = links[i];
      var raw = link.getAttribute("href") || "";
      if (raw.charAt(0) === "#" || link.classList.contains("headerlink")) continue;
      if (/^(mailto|tel):/i.test(raw)) continue;
      if (link.textContent.trim() === link.href) continue;
      link.setAttribute("data-kb-href", link.href);
    }
  }

  function openDetails() {
    var closed = document.querySelectorAll("details:not([open])");
    for (var i = 0; i < closed.length; i++) {
      closed[i].setAttribute("open", "");
      opened.push(closed[i]);
    }
  }

  function restoreDetails() {
    while (opened.length) opened.pop().removeAttribute("open");
  }

  function init() {
    addresses();
    var controls = document.querySelectorAll("[data-kb-print-control]");
    for (var i = 0; i < controls.length; i++) {
      controls[i].hidden = false;
      var button = controls[i].querySelector("button");
      if (button) button.addEventListener("click", function () { window.print(); });
    }
    window.addEventListener("beforeprint", openDetails);
    window.addEventListener("afterprint", restoreDetails);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
