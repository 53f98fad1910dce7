// Entity search box in the header: /api/search?q= -> links to entity pages.
(function () {
  "use strict";
  var input = document.getElementById("entity-search"), list = document.getElementById("entity-hits");
  if (!input) return;
  var timer = null;
  function localPath(iri) {
    var i = iri.indexOf("/id/");
    return i >= 0 ? iri.slice(i) : iri;
  }
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var q = input.value.trim();
      list.textContent = "";
      if (q.length < 2) return;
      fetch("/api/search?q=" + encodeURIComponent(q)).then(function (r) { return r.json(); }).then(function (data) {
        list.textContent = "";
        (data.entities || []).forEach(function (e) {
          var li = document.createElement("li"), a = document.createElement("a");
          a.href = localPath(e.e);
          a.textContent = e.label + (e.type ? " (" + e.type + ")" : "");
          li.appendChild(a);
          list.appendChild(li);
        });
      });
    }, 200);
  });
})();
