/* renda-kg view behaviour: network, side panel, search and filters.
 *
 * Safety: every string from the graph reaches the page through textContent, option.value
 * or the canvas, never through innerHTML; vis "title" tooltips are never set, because vis
 * renders them as HTML.
 */
(function () {
  "use strict";
  var D = window.KG_DATA;
  var byNode = new Map(), byEdge = new Map();
  D.nodes.forEach(function (n) { byNode.set(n.id, n); });
  D.edges.forEach(function (e) { byEdge.set(e.id, e); });

  function el(tag, text, cls) {
    var x = document.createElement(tag);
    if (text !== undefined && text !== null) x.textContent = String(text);
    if (cls) x.className = cls;
    return x;
  }

  // Only drawing properties go to vis; the records stay in byNode / byEdge.
  var nodes = new vis.DataSet(D.nodes.map(function (n) {
    var item = { id: n.id, label: n.short, x: n.x, y: n.y, color: n.color, shape: n.shape, size: n.size };
    if (n.status === "planned") item.shapeProperties = { borderDashes: [4, 3] };
    return item;
  }));
  var edges = new vis.DataSet(D.edges.map(function (e) {
    return { id: e.id, from: e.from, to: e.to, dashes: !!e.dashes, width: e.width, color: { color: e.color } };
  }));

  // --- filters ------------------------------------------------------------------------
  var hiddenClasses = new Set();
  var yearSel = document.getElementById("kg-year"), docSel = document.getElementById("kg-doc");
  function matches(rec) {
    if (hiddenClasses.has(rec.cls)) return false;
    var y = yearSel.value, d = docSel.value;
    // Records with no years (or documents) are not narrowed by that filter.
    if (y && rec.years && rec.years.length && rec.years.indexOf(Number(y)) < 0) return false;
    if (d && rec.docs && rec.docs.length && rec.docs.indexOf(d) < 0) return false;
    return true;
  }
  var visible = new Set();
  function computeVisible() {
    visible = new Set();
    D.nodes.forEach(function (n) { if (matches(n)) visible.add(n.id); });
  }
  computeVisible();
  var nodeView = new vis.DataView(nodes, { filter: function (item) { return visible.has(item.id); } });
  var edgeView = new vis.DataView(edges, { filter: function (item) {
    var e = byEdge.get(item.id);
    if (!visible.has(e.from) || !visible.has(e.to)) return false;
    var y = yearSel.value, d = docSel.value;
    if (y && e.years && e.years.length && e.years.indexOf(Number(y)) < 0) return false;
    if (d && e.docs && e.docs.length && e.docs.indexOf(d) < 0) return false;
    return true;
  } });
  function refresh() {
    computeVisible();
    nodeView.refresh();
    edgeView.refresh();
    window.__kg.visibleCount = nodeView.length;
  }

  var container = document.getElementById("kg-network");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, D.options);

  // --- side panel ---------------------------------------------------------------------
  var body = document.getElementById("kg-panel-body");
  var hint = document.getElementById("kg-panel-hint");
  function row(dl, key, value) {
    if (value === undefined || value === null || value === "" || (Array.isArray(value) && !value.length)) return;
    dl.appendChild(el("dt", key));
    dl.appendChild(el("dd", Array.isArray(value) ? value.join(", ") : value));
  }
  function showSources(sources) {
    body.appendChild(el("h3", "来源 Sources (" + sources.length + ")"));
    if (!sources.length) body.appendChild(el("p", "无来源句子 No source sentence recorded.", "kg-muted"));
    sources.forEach(function (s) {
      var box = el("div", null, "kg-source");
      var where = "文档 " + s.doc + " · 句 " + (s.sentence === null ? "?" : s.sentence) +
        " · [" + s.start + ", " + s.end + ")" + (s.rule ? " · " + s.rule : "");
      box.appendChild(el("div", where, "kg-where"));
      var p = el("p", null, "kg-sentence");
      var text = s.text || s.quote || "", at = s.quote ? text.indexOf(s.quote) : -1;
      if (at >= 0) {
        p.appendChild(document.createTextNode(text.slice(0, at)));
        p.appendChild(el("mark", s.quote));
        p.appendChild(document.createTextNode(text.slice(at + s.quote.length)));
      } else {
        p.textContent = text;
      }
      box.appendChild(p);
      body.appendChild(box);
    });
  }
  function showNode(id) {
    var n = byNode.get(id);
    if (!n) return;
    body.replaceChildren();
    hint.hidden = true;
    body.dataset.kind = "node";
    body.appendChild(el("div", n.family + " · " + n.cls, "kg-muted kg-type"));
    body.appendChild(el("h2", n.label, "kg-label"));
    var dl = el("dl");
    row(dl, "IRI", n.iri);
    row(dl, "状态 status", n.status);
    row(dl, "年份 year", n.years);
    row(dl, "文档 documents", n.docs);
    (n.info || []).forEach(function (kv) { row(dl, kv[0], kv[1]); });
    body.appendChild(dl);
    if (n.family === "Document" && D.docPages && D.docPages[n.docId]) {
      var a = el("a", "打开文档页 Open document page");
      a.href = D.docPages[n.docId];
      body.appendChild(a);
    }
    showSources(n.sources || []);
  }
  function showEdge(id) {
    var e = byEdge.get(id);
    if (!e) return;
    body.replaceChildren();
    hint.hidden = true;
    body.dataset.kind = "edge";
    body.appendChild(el("div", "关系 " + e.predicate, "kg-muted kg-type"));
    body.appendChild(el("h2", byNode.get(e.from).label + " → " + byNode.get(e.to).label, "kg-label"));
    var dl = el("dl");
    row(dl, "权重 weight", e.weight);
    row(dl, "共享 via", e.via);
    row(dl, "状态 status", e.status);
    row(dl, "年份 year", e.years);
    row(dl, "文档 documents", e.docs);
    body.appendChild(dl);
    showSources(e.sources || []);
  }
  network.on("click", function (params) {
    if (params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges.length) showEdge(params.edges[0]);
  });

  // --- search -------------------------------------------------------------------------
  var search = document.getElementById("kg-search"), status = document.getElementById("kg-search-status");
  var list = document.getElementById("kg-labels");
  var seen = new Set();
  D.nodes.forEach(function (n) {
    if (seen.has(n.label) || seen.size > 5000) return;
    seen.add(n.label);
    var o = document.createElement("option");
    o.value = n.label;
    list.appendChild(o);
  });
  function find(text) {
    var q = text.trim().toLowerCase();
    if (!q) return [];
    var exact = [], part = [];
    D.nodes.forEach(function (n) {
      if (!visible.has(n.id)) return;
      var l = n.label.toLowerCase();
      if (l === q) exact.push(n.id); else if (l.indexOf(q) >= 0) part.push(n.id);
    });
    // Closest first: among partial matches, the shortest label.
    part.sort(function (a, b) { return byNode.get(a).label.length - byNode.get(b).label.length || a - b; });
    return exact.concat(part);
  }
  function focusNode(id) {
    network.selectNodes([id]);
    network.focus(id, { scale: 1.3, animation: false });
    showNode(id);
  }
  function runSearch() {
    var hits = find(search.value);
    status.textContent = search.value.trim() ? hits.length + " 个结果 found" : "";
    if (hits.length) focusNode(hits[0]);
  }
  search.addEventListener("change", runSearch);
  search.addEventListener("keydown", function (ev) { if (ev.key === "Enter") runSearch(); });

  // --- legend and filter controls ------------------------------------------------------
  var box = document.getElementById("kg-classes");
  D.classes.forEach(function (c) {
    var lab = el("label");
    var cb = document.createElement("input");
    cb.type = "checkbox";
    cb.checked = true;
    cb.value = c.cls;
    cb.addEventListener("change", function () {
      if (cb.checked) hiddenClasses.delete(c.cls); else hiddenClasses.add(c.cls);
      refresh();
    });
    var sw = el("span", null, "kg-swatch");
    sw.style.background = c.color;
    lab.appendChild(cb);
    lab.appendChild(sw);
    lab.appendChild(el("span", c.label));
    lab.appendChild(el("span", c.count, "kg-count"));
    box.appendChild(lab);
  });
  var keys = document.getElementById("kg-edge-legend");
  (D.edgeKeys || []).forEach(function (k) {
    var r = el("div", null, "kg-edge-key");
    var line = el("span", null, "kg-line" + (k.dashed ? " dashed" : ""));
    if (k.color) line.style.borderTopColor = k.color;
    r.appendChild(line);
    r.appendChild(el("span", k.label));
    keys.appendChild(r);
  });
  function fill(sel, field, values) {
    if (!values || !values.length) return;
    document.getElementById(field).hidden = false;
    values.forEach(function (v) {
      var o = document.createElement("option");
      o.value = String(v.value);
      o.textContent = v.label;
      sel.appendChild(o);
    });
    sel.addEventListener("change", refresh);
  }
  fill(yearSel, "kg-year-field", (D.years || []).map(function (y) { return { value: y, label: String(y) }; }));
  fill(docSel, "kg-doc-field", D.docs);
  document.getElementById("kg-note").textContent = D.note || "";

  // --- facts table (document pages) ---------------------------------------------------
  if (D.facts && D.facts.rows.length) {
    var sec = document.getElementById("kg-facts");
    sec.hidden = false;
    var head = el("tr");
    D.facts.columns.forEach(function (c) { head.appendChild(el("th", c)); });
    sec.querySelector("thead").appendChild(head);
    var tb = sec.querySelector("tbody");
    D.facts.rows.forEach(function (r) {
      var tr = el("tr");
      r.forEach(function (v) { tr.appendChild(el("td", v)); });
      tb.appendChild(tr);
    });
  }

  // --- hooks for tests and benchmarks --------------------------------------------------
  window.__kg = {
    view: D.view,
    network: network,
    nodes: nodes,
    edges: edges,
    nodeCount: nodes.length,
    edgeCount: edges.length,
    visibleCount: nodeView.length,
    drawn: false,
    find: find,
    focus: focusNode,
    // DOM position (page coordinates) of a node, for real mouse clicks.
    pagePosition: function (id) {
      var p = network.canvasToDOM(network.getPositions([id])[id]);
      var r = container.getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    },
    idOfIri: function (iri) {
      for (var i = 0; i < D.nodes.length; i++) if (D.nodes[i].iri === iri) return D.nodes[i].id;
      return null;
    }
  };
  network.once("afterDrawing", function () {
    window.__kg.drawn = true;
    window.__kg.drawnAt = performance.now();
  });
})();
