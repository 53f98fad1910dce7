// The graph explorer shared by `kg viz` (inlined in its page) and `kg serve` (the entity neighbourhood
// and the whole-graph view): vis-network with nodes coloured by type and sized by degree, a legend,
// labels cut to fit, a date-range slider that hides edges outside the range, search, and a side panel
// with a node's or an edge's details and evidence. Plain DOM code; needs the vis-network bundle.
(function () {
  "use strict";
  var LABEL_MAX = 28;

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function list(items) { return (items || []).filter(function (x) { return x !== "" && x !== null && x !== undefined; }); }
  function fit(label) { label = String(label || ""); return label.length > LABEL_MAX ? label.slice(0, LABEL_MAX - 1) + "…" : label; }
  function span(a) { return !a.first_date ? "" : a.first_date === a.last_date ? a.first_date : a.first_date + " – " + a.last_date; }

  // root: an element holding .kg-graph, and optionally .kg-panel, .kg-legend, .kg-count, .kg-search,
  // .kg-range (with two range inputs .kg-from / .kg-to and a .kg-range-label). data: {nodes, edges,
  // colors, details}, as kg.export.viz.vis_data gives it. opts.onOpen(node): called on a double click
  // (or a click when opts.openOnClick), e.g. to go to the node's page.
  function KgExplorer(root, data, opts) {
    opts = opts || {};
    var q = function (sel) { return root.querySelector(sel); };
    var byId = {}, edgeById = {};
    data.nodes.forEach(function (n) { byId[n.id] = n; });
    data.edges.forEach(function (e) { edgeById[e.id] = e; });
    var manyEdges = data.edges.length > (opts.edgeLabelLimit || 40);
    var hiddenNow = {};
    var nodes = new vis.DataSet(data.nodes.map(function (n) {
      var node = { id: n.id, label: fit(n.label), title: n.title || n.label, value: n.value, group: n.group,
                   shape: n.cluster ? "box" : "dot", borderWidth: n.center ? 3 : 1,
                   color: { background: n.color, border: n.center ? "#000" : "#444",
                            highlight: { background: n.color, border: "#000" } } };
      if (n.center) node.font = { size: 16, face: "system-ui, sans-serif", strokeWidth: 3, strokeColor: "#fff" };
      if (n.cluster) node.font = { size: 13, face: "system-ui, sans-serif", color: "#fff", strokeWidth: 0 };
      return node;
    }));
    var edges = new vis.DataSet(data.edges.map(function (e) {
      var c = e.color || "#aaa";
      return { id: e.id, from: e.from, to: e.to, label: manyEdges ? "" : e.label, value: e.value,
               color: { color: c, highlight: "#333", hover: "#333", opacity: 0.85 },
               arrows: e.arrows, title: e.label + (e.attrs && e.attrs.weight ? " · " + e.attrs.weight + " reports" : "") +
                 (e.attrs && span(e.attrs) ? " · " + span(e.attrs) : "") };
    }));
    var network = new vis.Network(q(".kg-graph"), { nodes: nodes, edges: edges }, {
      nodes: { shape: "dot", scaling: { min: 8, max: 30, label: { enabled: true, min: 12, max: 20 } },
               font: { size: 13, face: "system-ui, sans-serif", strokeWidth: 3, strokeColor: "#fff" },
               widthConstraint: { maximum: 170 } },
      edges: { font: { size: 10, align: "horizontal", color: "#555", strokeWidth: 3, strokeColor: "#fff" },
               color: { color: "#aaa", highlight: "#333" },
               scaling: { min: 1, max: 6, label: { enabled: false } }, smooth: { type: "continuous" } },
      physics: { solver: "forceAtlas2Based", forceAtlas2Based: { gravitationalConstant: -60, springLength: 110 },
                 stabilization: { iterations: 400, fit: true } },
      interaction: { hover: true, tooltipDelay: 150 }
    });
    var api = { network: network, nodes: nodes, edges: edges, ready: false };
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: false });
      network.fit();
      api.ready = true;
      if (opts.onReady) opts.onReady(api);
    });

    var legend = q(".kg-legend");
    if (legend) {
      var present = {};
      data.nodes.forEach(function (n) { present[n.group] = (present[n.group] || 0) + (n.count || 1); });
      Object.keys(data.colors).forEach(function (t) {
        if (!present[t]) return;
        var s = el("span", t + " (" + present[t] + ")");
        s.style.setProperty("--c", data.colors[t]);
        legend.appendChild(s);
      });
      var kinds = {};
      data.edges.forEach(function (e) { var t = (e.attrs || {}).type; if (t) kinds[t] = (kinds[t] || 0) + 1; });
      Object.keys(data.edge_colors || {}).forEach(function (t) {
        if (!kinds[t] || t === "cluster") return;
        var s = el("span", t.replace("_", " ") + " (" + kinds[t] + ")", "edge");
        s.style.setProperty("--c", data.edge_colors[t]);
        legend.appendChild(s);
      });
    }
    var count = q(".kg-count");
    function showCount(visible) {
      if (count) count.textContent = (visible === undefined ? data.edges.length : visible) + " of " + data.edges.length +
        " edges, " + data.nodes.length + " nodes";
    }
    showCount();

    var panel = q(".kg-panel");
    function showNode(id) {
      var n = byId[id];
      if (!n || !panel) return;
      panel.textContent = "";
      var h = el("h2");
      if (n.href) { var a = el("a", n.label); a.href = n.href; h.appendChild(a); } else h.textContent = n.label;
      panel.appendChild(h);
      var a2 = n.attrs || {}, meta = [a2.type || n.group];
      if (list(a2.aliases).length) meta.push("also: " + list(a2.aliases).join(", "));
      if (span(a2)) meta.push(span(a2));
      if (a2.degree !== undefined) meta.push("degree " + a2.degree);
      panel.appendChild(el("div", meta.join(" · "), "meta"));
      if (a2.claim || a2.topic) panel.appendChild(el("p", a2.quote || a2.claim || a2.topic));
      if (n.members) {
        var ul0 = el("ul");
        n.members.forEach(function (m) {
          var li = el("li"), link = el("a", m.label);
          link.href = m.href; li.appendChild(link);
          if (m.edges) li.appendChild(el("span", " · " + m.edges, "meta"));
          ul0.appendChild(li);
        });
        panel.appendChild(ul0);
      }
      var sections = (data.details || {})[id] || {};
      ["roles", "members", "meetings", "statements", "spoken about", "agreements"].forEach(function (name) {
        var items = sections[name];
        if (!items || !items.length) return;
        panel.appendChild(el("h3", name + " (" + items.length + ")"));
        var ul = el("ul");
        items.forEach(function (it) {
          var li = el("li", it.text);
          var m = list([it.dates].concat(it.documents)).join(" · ");
          if (m) li.appendChild(el("div", m, "meta"));
          list(it.evidence).forEach(function (ev) { li.appendChild(el("blockquote", ev)); });
          ul.appendChild(li);
        });
        panel.appendChild(ul);
      });
      if (list(a2.evidence).length) {
        panel.appendChild(el("h3", "evidence"));
        list(a2.evidence).forEach(function (ev) { panel.appendChild(el("blockquote", ev)); });
      }
      if (list(a2.documents).length) {
        panel.appendChild(el("h3", "documents"));
        panel.appendChild(el("div", list(a2.documents).join(", "), "meta"));
      }
    }

    function showEdge(id) {
      var e = edgeById[id];
      if (!e || !panel) return;
      panel.textContent = "";
      panel.appendChild(el("h2", byId[e.from].label + " — " + e.label + " — " + byId[e.to].label));
      var a = e.attrs || {}, meta = [a.type, a.weight + " report" + (a.weight === 1 ? "" : "s")];
      if (a.meetings) meta.push(a.meetings + " meeting" + (a.meetings === 1 ? "" : "s"));
      if (span(a)) meta.push(span(a));
      if (list(a.places).length) meta.push("in " + list(a.places).join(", "));
      if (list(a.subjects).length) meta.push("about " + list(a.subjects).join(", "));
      panel.appendChild(el("div", meta.join(" · "), "meta"));
      if (list(a.evidence).length) panel.appendChild(el("h3", "evidence"));
      list(a.evidence).forEach(function (ev) { panel.appendChild(el("blockquote", ev)); });
      if (list(a.documents).length) panel.appendChild(el("div", list(a.documents).join(", "), "meta"));
    }

    network.on("click", function (p) {
      if (p.nodes.length) {
        showNode(p.nodes[0]);
        if (opts.openOnClick && opts.onOpen && byId[p.nodes[0]].href) opts.onOpen(byId[p.nodes[0]]);
      } else if (p.edges.length) showEdge(p.edges[0]);
    });
    network.on("doubleClick", function (p) {
      if (p.nodes.length && opts.onOpen && byId[p.nodes[0]].href) opts.onOpen(byId[p.nodes[0]]);
    });

    // The date range: edges whose facts fall outside it are hidden (undated edges always show), and so
    // are nodes left with none of their edges.
    var dates = [];
    data.edges.forEach(function (e) {
      var a = e.attrs || {};
      if (a.first_date) dates.push(a.first_date);
      if (a.last_date) dates.push(a.last_date);
    });
    dates = dates.filter(function (d, i, all) { return all.indexOf(d) === i; }).sort();
    var range = q(".kg-range");
    function setRange(from, to) {
      var shown = 0, edgeUpdates = [], seen = {};
      data.edges.forEach(function (e) {
        var a = e.attrs || {};
        var visible = !a.first_date || ((a.last_date || a.first_date) >= from && a.first_date <= to);
        if (visible) { shown++; seen[e.from] = true; seen[e.to] = true; }
        edgeUpdates.push({ id: e.id, hidden: !visible });
      });
      edges.update(edgeUpdates);
      var hasEdges = {};
      data.edges.forEach(function (e) { hasEdges[e.from] = true; hasEdges[e.to] = true; });
      // Only nodes whose state changes are updated, with their colour: vis-network re-applies a group's
      // default colour to a node updated without one.
      var nodeUpdates = [];
      data.nodes.forEach(function (n) {
        var hide = !!hasEdges[n.id] && !seen[n.id] && !n.center;
        if (hide !== !!hiddenNow[n.id]) {
          hiddenNow[n.id] = hide;
          nodeUpdates.push({ id: n.id, hidden: hide, color: nodes.get(n.id).color });
        }
      });
      if (nodeUpdates.length) nodes.update(nodeUpdates);
      showCount(shown);
      var label = range && range.querySelector(".kg-range-label");
      if (label) label.textContent = from + " – " + to;
      if (range && dates.indexOf(from) >= 0 && dates.indexOf(to) >= 0) {  // keep the sliders where the range is
        var lo = range.querySelector(".kg-from"), hi = range.querySelector(".kg-to");
        if (Math.min(+lo.value, +hi.value) !== dates.indexOf(from)) lo.value = dates.indexOf(from);
        if (Math.max(+lo.value, +hi.value) !== dates.indexOf(to)) hi.value = dates.indexOf(to);
      }
      return shown;
    }
    if (range) {
      if (dates.length < 2) {
        range.hidden = true;
      } else {
        var from = range.querySelector(".kg-from"), to = range.querySelector(".kg-to");
        [from, to].forEach(function (input) { input.min = 0; input.max = dates.length - 1; input.step = 1; });
        from.value = 0; to.value = dates.length - 1;
        var onInput = function () {
          var a = Math.min(+from.value, +to.value), b = Math.max(+from.value, +to.value);
          setRange(dates[a], dates[b]);
        };
        from.addEventListener("input", onInput);
        to.addEventListener("input", onInput);
        onInput();
      }
    }

    function search(text) {
      text = (text || "").trim().toLowerCase();
      if (!text) { network.unselectAll(); return []; }
      var hits = data.nodes.filter(function (n) {
        return String(n.label).toLowerCase().indexOf(text) >= 0 ||
          list((n.attrs || {}).aliases).some(function (x) { return x.toLowerCase().indexOf(text) >= 0; });
      }).map(function (n) { return n.id; });
      network.selectNodes(hits);
      if (hits.length) {
        network.fit({ nodes: hits, animation: false });
        if (hits.length === 1) showNode(hits[0]);
      }
      return hits;
    }
    var box = q(".kg-search");
    if (box) {
      var names = q("datalist");
      if (names) data.nodes.forEach(function (n) { var o = el("option"); o.value = n.label; names.appendChild(o); });
      box.addEventListener("change", function () { search(box.value); });
      box.addEventListener("keydown", function (ev) { if (ev.key === "Enter") search(box.value); });
    }

    api.showNode = showNode;
    api.showEdge = showEdge;
    api.search = search;
    api.setRange = setRange;
    api.dates = dates;
    return api;
  }
  window.KgExplorer = KgExplorer;
})();
