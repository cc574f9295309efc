(function () {
  const data = JSON.parse(document.getElementById("kg-data").textContent);
  const el = (tag, s, cls) => {
    const e = document.createElement(tag);
    if (s !== undefined) e.textContent = s;  // article strings enter the page as text, never as HTML
    if (cls) e.className = cls;
    return e;
  };
  document.getElementById("heading").textContent = data.title;
  const byId = new Map(data.nodes.map(n => [n.id, n]));
  const S = data.statements;
  const nameOf = id => (byId.get(id) || { label: "" }).label;
  const select = document.getElementById("abuse");
  const since = document.getElementById("since"), until = document.getElementById("until");
  const checked = cls => new Set([...document.querySelectorAll("input." + cls + ":checked")].map(b => b.value));
  let kinds = checked("kind"), stances = checked("stance"), types = new Set(data.nodes.map(n => n.type));
  let focus = null, focusName = "";
  const inRange = d => (!since.value || (d && d >= since.value)) && (!until.value || (d && d.slice(0, 10) <= until.value));
  const kindOk = k => (k !== "direct" && k !== "indirect") || kinds.has(k);
  const stmtPasses = i => { const s = S[i]; return kindOk(s.kind) && inRange(s.date) && (!select.value || select.value in s.abuses); };
  const edgePasses = e => data.accusations
    ? stances.has(e.stance) && (!select.value || e.abuse === select.value) && (!(since.value || until.value) || e.sources.some(s => inRange(s.date)))
    : (e.items.length ? e.items.some(stmtPasses) : !(select.value || since.value || until.value));
  // filters
  const typeBox = document.getElementById("types");
  for (const t of [...new Set(data.nodes.map(n => n.type))].sort()) {
    const label = el("label"), box = el("input");
    box.type = "checkbox"; box.className = "type"; box.value = t; box.checked = true;
    label.appendChild(box); label.appendChild(document.createTextNode(" " + t));
    typeBox.appendChild(label);
  }
  document.getElementById(data.accusations ? "kinds" : "stances").hidden = true;
  const codes = new Set(data.accusations ? data.edges.map(e => e.abuse) : S.flatMap(s => Object.keys(s.abuses)));
  for (const code of [...codes].sort()) { const opt = el("option", code); opt.value = code; select.appendChild(opt); }
  const dates = (data.accusations ? data.edges.flatMap(e => e.sources.map(s => s.date)) : S.map(s => s.date)).filter(Boolean).sort();
  if (dates.length) { since.min = until.min = dates[0].slice(0, 10); since.max = until.max = dates[dates.length - 1].slice(0, 10); }
  const legend = document.getElementById("legend");
  for (const [t, style] of Object.entries(data.legend)) {
    const row = el("div"), sw = el("span", undefined, "swatch");
    sw.style.background = style.color;
    row.appendChild(sw); row.appendChild(document.createTextNode(t + " (" + style.shape + ")"));
    legend.appendChild(row);
  }
  const refresh = () => { recompute(); nodeView.refresh(); edgeView.refresh(); network.redraw(); };
  for (const box of document.querySelectorAll("input.type, input.kind, input.stance")) box.addEventListener("change", refresh);
  for (const input of [select, since, until]) input.addEventListener("change", refresh);
  for (const input of [since, until]) input.addEventListener("input", refresh);

  let edgeOn = new Set(), nodeOn = new Set();
  function recompute() {
    kinds = checked("kind"); stances = checked("stance"); types = checked("type");
    const narrowing = !!(select.value || since.value || until.value);
    edgeOn = new Set(); nodeOn = new Set();
    for (const e of data.edges) {
      if (!types.has(byId.get(e.from).type) || !types.has(byId.get(e.to).type)) continue;
      if (focus && !(focus.has(e.from) && focus.has(e.to))) continue;
      if (!edgePasses(e)) continue;
      edgeOn.add(e.id); nodeOn.add(e.from); nodeOn.add(e.to);
    }
    if (!narrowing) for (const n of data.nodes) if (types.has(n.type) && (!focus || focus.has(n.id))) nodeOn.add(n.id);
  }
  recompute();

  const nodes = new vis.DataSet(data.nodes.map(n => ({
    id: n.id, x: n.x, y: n.y, shape: n.shape, color: n.color, value: n.weight,
    title: el("div", n.label + " (" + n.type + ") — " + n.weight + (data.accusations ? " claim(s)" : " statement(s)")),
  })));
  const pairIndex = new Map(), bigGraph = data.edges.length > 5000;  // beyond: no edge tooltips (the panel has it all)
  const edges = new vis.DataSet(data.edges.map(e => {
    const item = { id: e.id, from: e.from, to: e.to, arrows: "to" };
    if (data.accusations) {
      const pair = e.from + ">" + e.to, k = pairIndex.get(pair) || 0;
      pairIndex.set(pair, k + 1);
      const denies = e.stance === "denies";  // denials drawn apart: dashed, grey-blue, bent the other way
      Object.assign(item, { value: e.claims, dashes: denies, color: { color: denies ? "#4e79a7" : "#e15759", opacity: 0.8 },
        smooth: { enabled: true, type: denies ? "curvedCCW" : "curvedCW", roundness: 0.12 + 0.1 * k },
        title: el("div", nameOf(e.from) + (denies ? " denies " : " accuses ") + nameOf(e.to) + ": " + e.abuse + " (" + e.claims + " claim(s))") });
    } else {
      const first = e.items.length ? S[e.items[0]] : null;
      Object.assign(item, { value: e.items.length || 1, dashes: e.items.length > 0 && e.items.every(i => S[i].kind === "indirect"),
        title: bigGraph ? undefined : el("div", first ? first.text.slice(0, 200) + (e.items.length > 1 ? " (+" + (e.items.length - 1) + " more)" : "") : "") });
    }
    return item;
  }));
  const nodeView = new vis.DataView(nodes, { filter: n => nodeOn.has(n.id) });
  const edgeView = new vis.DataView(edges, { filter: e => edgeOn.has(e.id) });
  const options = {
    physics: false,
    nodes: { scaling: { min: 5, max: 30, label: { enabled: false } }, font: { size: 0 }, borderWidth: 1 },
    edges: { smooth: false, color: { opacity: 0.45 }, scaling: { min: 1, max: 6 }, arrows: { to: { scaleFactor: 0.5 } } },
    interaction: { hideEdgesOnDrag: data.nodes.length > 1000, tooltipDelay: 150 },
    layout: { improvedLayout: false },
  };
  const network = new vis.Network(document.getElementById("graph"), { nodes: nodeView, edges: edgeView }, options);
  window.kgNetwork = network;

  // labels: drawn by the page, biggest nodes first, each only where it overlaps no label already drawn;
  // zooming in spreads the nodes apart, so more and then all of them find room
  const order = data.nodes.slice().sort((a, b) => b.weight - a.weight || (a.label < b.label ? -1 : 1)).map(n => n.id);
  const widths = new Map();
  const FONT = 12, LINE = 15, MAX_LABELS = 400, CELL = 64;
  let priority = [];
  function drawLabels(ctx) {
    const s = network.body.view.scale, t = network.body.view.translation;
    const ratio = network.canvas.pixelRatio || 1;
    const W = ctx.canvas.width / ratio, H = ctx.canvas.height / ratio;
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.font = FONT + "px system-ui, sans-serif"; ctx.textAlign = "left"; ctx.textBaseline = "top";
    ctx.lineWidth = 3; ctx.strokeStyle = "rgba(255,255,255,0.9)"; ctx.fillStyle = "#222";
    const grid = new Map(), drawn = [], tried = new Set();
    const free = box => {
      if (box.x < 0 || box.x + box.w > W || box.y < 0 || box.y + box.h > H) return false;
      for (let gx = Math.floor(box.x / CELL); gx <= Math.floor((box.x + box.w) / CELL); gx++) {
        for (let gy = Math.floor(box.y / CELL); gy <= Math.floor((box.y + box.h) / CELL); gy++) {
          for (const o of grid.get(gx + "," + gy) || []) {
            if (o.x < box.x + box.w && box.x < o.x + o.w && o.y < box.y + box.h && box.y < o.y + o.h) return false;
          }
        }
      }
      return true;
    };
    const take = box => {
      for (let gx = Math.floor(box.x / CELL); gx <= Math.floor((box.x + box.w) / CELL); gx++) {
        for (let gy = Math.floor(box.y / CELL); gy <= Math.floor((box.y + box.h) / CELL); gy++) {
          const key = gx + "," + gy;
          if (!grid.has(key)) grid.set(key, []);
          grid.get(key).push(box);
        }
      }
    };
    const tryLabel = id => {
      if (tried.has(id) || !nodeOn.has(id)) return;
      tried.add(id);
      const bn = network.body.nodes[id];
      if (!bn) return;
      const cx = bn.x * s + t.x, cy = bn.y * s + t.y, r = (bn.options.size || 5) * s + 1;
      if (cx < -300 || cx > W + 300 || cy < -300 || cy > H + 300) return;
      const label = byId.get(id).label;
      let w = widths.get(id);
      if (w === undefined) { w = ctx.measureText(label).width + 2; widths.set(id, w); }
      // below the node, else above, right or left of it, then a line further out each way: the first place
      // where it overlaps no label and covers no sizeable node
      const places = [];
      for (let k = 0; k < 3; k++) {
        const d = k * LINE;
        places.push([cx - w / 2, cy + r + d], [cx - w / 2, cy - r - LINE - d],
                    [cx + r + 2, cy - LINE / 2 + d], [cx - r - 2 - w, cy - LINE / 2 + d],
                    [cx + r + 2, cy - LINE / 2 - d], [cx - r - 2 - w, cy - LINE / 2 - d]);
      }
      for (const [x, y] of places) {
        const box = { x: x, y: y, w: w, h: LINE };
        if (!free(box)) continue;
        take(box);
        ctx.strokeText(label, x + 1, y + 1); ctx.fillText(label, x + 1, y + 1);
        drawn.push({ id: id, label: label, x: x, y: y, w: w, h: LINE });
        return;
      }
    };
    // no label covers a sizeable node (one could take it for that node's name)
    let reserved = 0;
    for (const id of order) {
      if (reserved >= 2000) break;
      const bn = network.body.nodes[id];
      if (!bn || !nodeOn.has(id)) continue;
      const r = (bn.options.size || 5) * s;
      if (r < 3) break;  // the order is by size: the rest are smaller
      const cx = bn.x * s + t.x, cy = bn.y * s + t.y;
      if (cx + r < 0 || cx - r > W || cy + r < 0 || cy - r > H) continue;
      take({ x: cx - r, y: cy - r, w: 2 * r, h: 2 * r });
      reserved++;
    }
    for (const id of priority) tryLabel(id);
    for (const id of order) { if (drawn.length >= MAX_LABELS) break; tryLabel(id); }
    ctx.restore();
    window.kgLabels = drawn;
  }
  network.on("afterDrawing", drawLabels);
  const markDrawn = () => { window.kgDrawn = true; };
  network.once("afterDrawing", markDrawn);
  if (data.nodes.length === 0) markDrawn();

  // focus: an actor and its neighbours; a country brings its government, bodies, officials and nationals
  const focusInfo = document.getElementById("focusinfo");
  const familyOf = id => {
    const fam = new Set([id]);
    if (byId.get(id).type === "Country") for (const m of data.nodes) if (m.countries.includes(id)) fam.add(m.id);
    return fam;
  };
  function setFocus(id) {
    focusInfo.textContent = "";
    if (id === null) { focus = null; refresh(); network.fit(); return; }
    const fam = familyOf(id);
    focus = new Set(fam);
    for (const e of data.edges) { if (fam.has(e.from)) focus.add(e.to); if (fam.has(e.to)) focus.add(e.from); }
    focusName = nameOf(id);
    focusInfo.appendChild(el("div", "Around " + focusName + (fam.size > 1 ? " (with " + (fam.size - 1) + " of its own actors)" : "")
      + ": " + focus.size + " actors"));
    const all = el("button", "Show all"); all.type = "button"; all.id = "showall";
    all.addEventListener("click", () => setFocus(null));
    focusInfo.appendChild(all);
    refresh();
    network.fit({ nodes: [...focus].filter(n => nodeOn.has(n)) });
  }
  window.kgFocus = name => {
    const n = data.nodes.find(x => x.label.toLowerCase() === name.toLowerCase());
    setFocus(n ? n.id : null);
    return n ? [...nodeOn].map(nameOf).sort() : [];
  };
  window.kgVisible = () => [...nodeOn].map(nameOf).sort();

  // the side panel: what an actor said and what was said about it; the statements behind an edge
  const panel = document.getElementById("panel"), details = document.getElementById("details");
  document.getElementById("close").addEventListener("click", () => { panel.hidden = true; });
  const link = (title, url) => {
    if (url && /^https?:\/\//i.test(url)) {
      const a = el("a", title || url); a.href = url; a.target = "_blank"; a.rel = "noopener noreferrer"; return a;
    }
    return el("span", title || "");
  };
  const evidence = s => {
    const div = el("div", undefined, "evidence"), m = /^([\s\S]*?)\[\[([\s\S]*)\]\]([\s\S]*)$/.exec(s);
    if (!m) { div.textContent = s; return div; }
    div.append(document.createTextNode(m[1]), el("mark", m[2]), document.createTextNode(m[3]));
    return div;
  };
  const statementItem = s => {
    const div = el("div", undefined, "stmt");
    div.appendChild(el("q", s.text));
    div.appendChild(el("div", [s.kind === "direct" ? "quote" : s.kind === "indirect" ? "reported" : s.kind,
      s.speaker !== null ? "by " + nameOf(s.speaker) : "", s.about.length ? "about " + s.about.map(nameOf).join("; ") : "",
      s.date].filter(Boolean).join(" · "), "meta"));
    const claims = Object.entries(s.abuses).map(([c, st]) => st === "asserts" ? c : c + " (" + st + ")");
    if (claims.length) div.appendChild(el("div", "abuse claims: " + claims.join(", "), "meta"));
    const src = el("div", undefined, "meta"); src.appendChild(link(s.title, s.url)); div.appendChild(src);
    if (s.evidence) div.appendChild(evidence(s.evidence));
    return div;
  };
  const sourceItem = (s, e) => {
    const div = el("div", undefined, "stmt" + (e.stance === "denies" ? " denies" : ""));
    if (s.text) div.appendChild(el("q", s.text));
    div.appendChild(el("div", s.date, "meta"));
    const src = el("div", undefined, "meta"); src.appendChild(link(s.title, s.url)); div.appendChild(src);
    if (s.evidence) div.appendChild(evidence(s.evidence));
    return div;
  };
  const LIMIT = 200;
  const section = (heading, items, render) => {
    details.appendChild(el("h4", heading + " (" + items.length + ")"));
    for (const it of items.slice(0, LIMIT)) details.appendChild(render(it));
    if (items.length > LIMIT) details.appendChild(el("div", "… and " + (items.length - LIMIT) + " more", "meta"));
  };
  const accusationHeading = e => nameOf(e.from) + (e.stance === "denies" ? " denies " : " accuses ") + nameOf(e.to)
    + " of " + e.abuse + " — " + e.claims + " claim(s), " + e.articles + " article(s)";
  function showNode(id) {
    const n = byId.get(id);
    details.textContent = "";
    details.appendChild(el("h3", n.label));
    details.appendChild(el("div", n.type + (n.countries.length ? " · " + n.countries.map(nameOf).join(", ") : ""), "meta"));
    const btn = el("button", "Focus here"); btn.type = "button"; btn.id = "focus";
    btn.addEventListener("click", () => setFocus(id));
    details.appendChild(btn);
    if (data.accusations) {
      for (const [heading, side] of [["Accusations it makes", "from"], ["Accusations against it", "to"]]) {
        const found = data.edges.filter(e => e[side] === id && edgePasses(e));
        section(heading, found, e => { const d = el("div", undefined, "stmt"); d.appendChild(el("div", accusationHeading(e))); return d; });
      }
    } else {
      const said = [], about = [], own = [], family = familyOf(id);
      family.delete(id);
      S.forEach((s, i) => {
        if (!stmtPasses(i)) return;
        if (s.speaker === id) said.push(s);
        if (s.about.includes(id)) about.push(s);
        else if (s.about.some(a => family.has(a))) own.push(s);
      });
      section("What " + n.label + " said", said, statementItem);
      section("What was said about " + n.label, about, statementItem);
      if (family.size) section("What was said about its government, bodies and people", own, statementItem);
    }
    panel.hidden = false;
  }
  function showEdge(id) {
    const e = data.edges[id];
    details.textContent = "";
    if (data.accusations) {
      details.appendChild(el("h3", accusationHeading(e), e.stance === "denies" ? "denies" : undefined));
      section("Sources", e.sources, s => sourceItem(s, e));
    } else {
      details.appendChild(el("h3", nameOf(e.from) + " → " + nameOf(e.to)));
      section("Statements", e.items.filter(stmtPasses).map(i => S[i]), statementItem);
    }
    panel.hidden = false;
  }
  network.on("click", params => {
    if (params.nodes.length) {
      const id = params.nodes[0];
      priority = [id, ...network.getConnectedNodes(id)];
      showNode(id);
    } else if (params.edges.length) {
      priority = []; showEdge(params.edges[0]);
    } else { priority = []; }
    network.redraw();
  });
  window.kgShowNode = name => { const n = data.nodes.find(x => x.label === name); if (n) showNode(n.id); return !!n; };
  window.kgShowEdge = (a, b) => {
    const e = data.edges.find(x => nameOf(x.from) === a && nameOf(x.to) === b);
    if (e) showEdge(e.id);
    return !!e;
  };

  const search = document.getElementById("search"), matches = document.getElementById("matches");
  search.addEventListener("input", () => {
    matches.textContent = "";
    const q = search.value.trim().toLowerCase();
    if (!q) return;
    const found = data.nodes.filter(n => n.label.toLowerCase().includes(q)).slice(0, 20);
    for (const n of found) {
      const b = el("button", n.label, "match"); b.type = "button";
      b.addEventListener("click", () => { network.selectNodes([n.id]); network.focus(n.id, { scale: 1.5 }); showNode(n.id); });
      matches.appendChild(b);
    }
    if (found.length) { network.selectNodes([found[0].id]); priority = [found[0].id]; network.redraw(); }
    window.kgFound = found.map(n => n.label);
  });
})();
