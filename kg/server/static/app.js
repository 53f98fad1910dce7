// The query page: saved queries one click away, their parameters as form fields, a results table,
// and download links. Plain DOM code, no dependencies.
(function () {
  "use strict";
  var QUERIES = JSON.parse(document.getElementById("queries-data").textContent);
  var BASE = JSON.parse(document.getElementById("base-iri").textContent);
  var editor = document.getElementById("sparql"), form = document.getElementById("param-form");
  var statusEl = document.getElementById("status"), table = document.getElementById("results");
  var downloads = document.getElementById("downloads");
  var current = null;
  var INPUT_TYPES = { date: "date", integer: "number", decimal: "number", iri: "url", string: "text", entity: "text" };

  function byName(name) { return QUERIES.filter(function (q) { return q.name === name; })[0]; }

  function selectQuery(name) {
    current = byName(name);
    if (!current) return;
    document.querySelectorAll(".saved-query").forEach(function (b) { b.classList.toggle("active", b.dataset.name === name); });
    document.getElementById("query-title").textContent = current.name;
    document.getElementById("query-summary").textContent = current.summary;
    editor.value = current.sparql;
    form.textContent = "";
    current.parameters.forEach(function (p) {
      var label = document.createElement("label"), input;
      label.textContent = p.name + " (" + p.type + (p.required ? ", required" : "") + ")";
      if (p.type === "boolean") {
        input = document.createElement("select");
        ["", "true", "false"].forEach(function (v) { var o = document.createElement("option"); o.value = v; o.textContent = v || "(default)"; input.appendChild(o); });
      } else {
        input = document.createElement("input");
        input.type = INPUT_TYPES[p.type] || "text";
        if (p.type === "decimal") input.step = "any";
        input.placeholder = p.default ? "default " + p.default : p.description;
      }
      input.name = p.name;
      input.title = p.description;
      if (p.required) input.required = true;
      input.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { ev.preventDefault(); run(); } });
      label.appendChild(input);
      form.appendChild(label);
    });
    history.replaceState(null, "", "#" + name);
    if (window.matchMedia("(max-width: 900px)").matches) document.getElementById("saved-box").open = false;
  }

  function paramString() {
    var qs = new URLSearchParams();
    form.querySelectorAll("input,select").forEach(function (i) { if (i.value !== "") qs.set(i.name, i.value); });
    return qs;
  }

  function isSaved() { return current && editor.value === current.sparql; }

  function urlFor(format) {
    if (isSaved()) {
      var qs = paramString();
      if (format) qs.set("format", format);
      return "/api/queries/" + encodeURIComponent(current.name) + "?" + qs.toString();
    }
    var q = new URLSearchParams({ query: withPrefixes(editor.value) });
    if (format) q.set("format", format);
    return "/sparql?" + q.toString();
  }

  var PREFIXES = { dip: "https://w3id.org/kg-diplomacy/ontology#", rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    rdfs: "http://www.w3.org/2000/01/rdf-schema#", owl: "http://www.w3.org/2002/07/owl#", xsd: "http://www.w3.org/2001/XMLSchema#",
    skos: "http://www.w3.org/2004/02/skos/core#", dcterms: "http://purl.org/dc/terms/", prov: "http://www.w3.org/ns/prov#",
    nif: "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#", org: "http://www.w3.org/ns/org#",
    foaf: "http://xmlns.com/foaf/0.1/", schema: "http://schema.org/", wd: "http://www.wikidata.org/entity/" };

  function withPrefixes(text) {
    var head = [];
    Object.keys(PREFIXES).forEach(function (p) {
      var declared = new RegExp("PREFIX\\s+" + p + ":", "i").test(text);
      if (!declared && text.indexOf(p + ":") >= 0) head.push("PREFIX " + p + ": <" + PREFIXES[p] + ">");
    });
    return head.length ? head.join("\n") + "\n" + text : text;
  }

  // A fact's id as a saved query shows it ("meeting/796041d7535c5866"): linked, and labelled in words.
  var FACT_ID = /^(meeting|statement|membership|agreement)\/[0-9a-f]{16}$/;
  var pending = [];

  function cell(term) {
    var td = document.createElement("td");
    if (!term) return td;
    var v = term.value, iri = null;
    if (typeof v === "string" && v.indexOf(BASE + "id/") === 0) iri = v;
    else if (term.type === "literal" && FACT_ID.test(v)) iri = BASE + "id/" + v;
    if (iri) {
      var a = document.createElement("a");
      a.href = "/" + iri.slice(BASE.length).split("#")[0];
      a.textContent = iri.slice(BASE.length + 3);
      a.title = iri;
      a.dataset.iri = iri;
      pending.push(a);
      td.appendChild(a);
    } else {
      if (/^\d{4}-\d{2}-\d{2}(\/\d{4}-\d{2}-\d{2})?$/.test(v)) {  // a day, or an interval start/end
        td.className = "date";
        v.split("/").forEach(function (d, i) {
          if (i) { td.appendChild(document.createTextNode("/")); td.appendChild(document.createElement("wbr")); }
          td.appendChild(document.createTextNode(d));
        });
      } else {
        td.textContent = v;
      }
    }
    return td;
  }

  // Replace the ids in linked cells by readable labels (names; facts in words), 300 at a time.
  function label(links) {
    var batch = links.slice(0, 300), rest = links.slice(300);
    if (!batch.length) return;
    var qs = new URLSearchParams();
    batch.map(function (a) { return a.dataset.iri; }).filter(function (x, i, all) { return all.indexOf(x) === i; })
      .forEach(function (iri) { qs.append("iri", iri); });
    fetch("/api/labels?" + qs.toString()).then(function (r) { return r.json(); }).then(function (body) {
      batch.forEach(function (a) { if (body.labels && body.labels[a.dataset.iri]) a.textContent = body.labels[a.dataset.iri]; });
      label(rest);
    });
  }

  // A saved query projects its parameters (so they stay bound); the table leaves them out.
  function shownVars(vars) {
    if (!isSaved()) return vars;
    var params = current.parameters.map(function (p) { return p.name; });
    return vars.filter(function (v) { return params.indexOf(v) < 0; });
  }

  function render(vars, rows) {
    table.textContent = "";
    pending = [];
    vars = shownVars(vars);
    var head = document.createElement("tr");
    vars.forEach(function (v) { var th = document.createElement("th"); th.textContent = v; head.appendChild(th); });
    var thead = document.createElement("thead"); thead.appendChild(head); table.appendChild(thead);
    var tbody = document.createElement("tbody");
    rows.forEach(function (r) {
      var tr = document.createElement("tr");
      vars.forEach(function (v) { tr.appendChild(cell(r[v])); });
      tbody.appendChild(tr);
    });
    table.appendChild(tbody);
    label(pending);
  }

  function jsonLdRows(doc) {
    var rows = [];
    (Array.isArray(doc) ? doc : doc["@graph"] || [doc]).forEach(function (node) {
      Object.keys(node).forEach(function (p) {
        if (p === "@id") return;
        [].concat(node[p]).forEach(function (o) {
          rows.push({ subject: { value: node["@id"] }, predicate: { value: p === "@type" ? "rdf:type" : p },
                      object: { value: typeof o === "object" ? (o["@id"] || o["@value"]) : o } });
        });
      });
    });
    return rows;
  }

  function setDownloads(kind) {
    downloads.textContent = "Download: ";
    var formats = kind === "graph" ? [["Turtle", "turtle"], ["N-Triples", "nt"], ["JSON-LD", "jsonld"]]
                                   : [["CSV", "csv"], ["JSON", "json"], ["TSV", "tsv"], ["Turtle", null]];
    formats.forEach(function (f) {
      var a = document.createElement("a");
      a.textContent = f[0];
      if (f[1]) { a.href = urlFor(f[1]); a.setAttribute("download", ""); }
      else { a.className = "muted"; a.title = "Turtle is available for CONSTRUCT/DESCRIBE queries"; }
      downloads.appendChild(a);
    });
  }

  function run() {
    if (!form.reportValidity()) return;
    statusEl.textContent = "running…"; statusEl.className = "muted";
    var started = performance.now(), req;
    var accept = "application/sparql-results+json, application/ld+json;q=0.9";
    if (isSaved()) {
      req = fetch(urlFor(null), { headers: { Accept: accept } });
    } else {
      req = fetch("/sparql", { method: "POST", headers: { Accept: accept, "Content-Type": "application/x-www-form-urlencoded" },
                              body: new URLSearchParams({ query: withPrefixes(editor.value) }) });
    }
    req.then(function (r) {
      return r.json().then(function (body) { return { r: r, body: body }; });
    }).then(function (x) {
      var ms = Math.round(performance.now() - started);
      if (!x.r.ok) { throw new Error(x.body.error || ("HTTP " + x.r.status)); }
      var ct = x.r.headers.get("content-type") || "";
      if (ct.indexOf("ld+json") >= 0) {
        var rows = jsonLdRows(x.body);
        render(["subject", "predicate", "object"], rows); setDownloads("graph");
        statusEl.textContent = rows.length + " triples · " + ms + " ms";
      } else if ("boolean" in x.body) {
        render(["boolean"], [{ boolean: { value: String(x.body.boolean) } }]); setDownloads("select");
        statusEl.textContent = "ASK · " + ms + " ms";
      } else {
        render(x.body.head.vars, x.body.results.bindings); setDownloads("select");
        statusEl.textContent = x.body.results.bindings.length + " rows · " + ms + " ms";
      }
    }).catch(function (err) {
      statusEl.textContent = err.message; statusEl.className = "error"; table.textContent = ""; downloads.textContent = "";
    });
  }

  document.querySelectorAll(".saved-query").forEach(function (b) {
    b.addEventListener("click", function () { selectQuery(b.dataset.name); });
  });
  document.getElementById("run").addEventListener("click", run);
  editor.addEventListener("keydown", function (ev) { if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) run(); });
  if (location.hash.length > 1) selectQuery(decodeURIComponent(location.hash.slice(1)));
})();
