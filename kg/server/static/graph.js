// The graph views: an entity's neighbourhood (/api/graph?iri=) on its page, and the whole graph
// (/api/projection) on /graph, both drawn by the explorer `kg viz` uses (/assets/explorer.js).
(function () {
  "use strict";
  var root = document.getElementById("graph");
  if (!root || !window.KgExplorer) return;
  var url = root.dataset.iri ? "/api/graph?iri=" + encodeURIComponent(root.dataset.iri) + (root.dataset.cap ? "&cap=" + root.dataset.cap : "")
                             : "/api/projection" + (root.dataset.query ? "?" + root.dataset.query : "");
  var note = root.querySelector(".kg-help");
  fetch(url).then(function (r) { return r.json().then(function (body) { return { r: r, body: body }; }); }).then(function (x) {
    var g = x.body;
    if (!x.r.ok) throw new Error(g.error || "HTTP " + x.r.status);
    if (!g.nodes || g.nodes.length < 2) {
      root.querySelector(".kg-graph").textContent = root.dataset.iri ? "No other entity shares a fact with this one."
                                                                      : "The graph has no edge in this range.";
      window.kgReady = true;
      return;
    }
    if (note && g.stats) note.textContent = g.stats + (g.shown < g.total ? " — showing the " + g.shown + " best connected nodes" : "");
    if (note && g.folded) note.textContent = g.neighbours + " neighbours: the " + g.shown + " sharing most facts drawn, " + g.folded + " in clusters";
    window.kgExplorer = window.KgExplorer(root, g, {
      onOpen: function (n) { if (n.href) location.href = n.href; },
      edgeLabelLimit: root.dataset.iri ? 12 : 40,
      onReady: function () { window.kgReady = true; }
    });
  }).catch(function (err) {
    root.querySelector(".kg-graph").textContent = err.message;
    window.kgReady = true;
  });
})();
