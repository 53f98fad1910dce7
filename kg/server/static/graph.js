// A small force-directed view of an entity's neighbourhood (/api/graph?iri=), drawn as SVG.
(function () {
  "use strict";
  var svg = document.getElementById("graph");
  if (!svg) return;
  var NS = "http://www.w3.org/2000/svg", W = 800, H = 420;

  function el(name, attrs, parent) {
    var e = document.createElementNS(NS, name);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (parent) parent.appendChild(e);
    return e;
  }

  function layout(nodes, links) {
    // Start on a circle around the centre, then relax: springs on links, repulsion between nodes.
    nodes.forEach(function (n, i) {
      var a = 2 * Math.PI * i / Math.max(nodes.length - 1, 1);
      n.x = n.center ? W / 2 : W / 2 + 170 * Math.cos(a); n.y = n.center ? H / 2 : H / 2 + 150 * Math.sin(a);
    });
    var index = {}; nodes.forEach(function (n) { index[n.id] = n; });
    for (var step = 0; step < 250; step++) {
      var t = 1 - step / 250;
      nodes.forEach(function (a) {
        a.dx = 0; a.dy = 0;
        nodes.forEach(function (b) {
          if (a === b) return;
          var dx = a.x - b.x, dy = a.y - b.y, d2 = Math.max(dx * dx + dy * dy, 25);
          a.dx += 4000 * dx / d2; a.dy += 4000 * dy / d2;
        });
      });
      links.forEach(function (l) {
        var s = index[l.source], o = index[l.target], dx = o.x - s.x, dy = o.y - s.y;
        var d = Math.sqrt(dx * dx + dy * dy) || 1, f = (d - 150) * 0.05;
        s.dx += f * dx / d; s.dy += f * dy / d; o.dx -= f * dx / d; o.dy -= f * dy / d;
      });
      nodes.forEach(function (n) {
        if (n.center) { n.x = W / 2; n.y = H / 2; return; }
        n.x = Math.min(W - 60, Math.max(60, n.x + Math.max(-20, Math.min(20, n.dx)) * t));
        n.y = Math.min(H - 20, Math.max(20, n.y + Math.max(-20, Math.min(20, n.dy)) * t));
      });
    }
    return index;
  }

  function localPath(iri) { var i = iri.indexOf("/id/"); return i >= 0 ? iri.slice(i) : iri; }

  fetch("/api/graph?iri=" + encodeURIComponent(svg.dataset.iri)).then(function (r) { return r.json(); }).then(function (g) {
    if (!g.nodes || g.nodes.length < 2) {
      el("text", { x: 20, y: 30 }, svg).textContent = "No other entity shares a fact with this one.";
      return;
    }
    var index = layout(g.nodes, g.links);
    g.links.forEach(function (l) {
      var s = index[l.source], o = index[l.target];
      el("line", { x1: s.x, y1: s.y, x2: o.x, y2: o.y, "stroke-width": Math.min(1 + l.count, 6) }, svg);
      el("text", { x: (s.x + o.x) / 2, y: (s.y + o.y) / 2 - 3, "class": "edge-label" }, svg).textContent = l.type + (l.count > 1 ? " ×" + l.count : "");
    });
    g.nodes.forEach(function (n) {
      var a = el("a", { href: localPath(n.id) }, svg), grp = el("g", { "class": "node" + (n.center ? " center" : "") }, a);
      el("circle", { cx: n.x, cy: n.y, r: n.center ? 11 : 7 }, grp);
      el("text", { x: n.x + 10, y: n.y + 4 }, grp).textContent = n.label;
    });
  });
})();
