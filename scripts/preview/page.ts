/** The preview page: a Sheets-like window onto the in-memory workbook, the real sidebar beside it. */
export const PREVIEW_PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>ABM Tier: local preview</title>
<style>
  body { margin: 0; font: 13px Arial, sans-serif; color: #202124; display: grid; grid-template-rows: auto 1fr auto; grid-template-columns: 1fr 300px; height: 100vh; }
  header { grid-column: 1 / 3; display: flex; gap: 8px; align-items: center; padding: 6px 10px; border-bottom: 1px solid #dadce0; background: #f8f9fa; }
  header strong { margin-right: 12px; }
  header .menu { color: #5f6368; }
  #grid { overflow: auto; }
  table.cells { border-collapse: collapse; }
  table.cells td, table.cells th { border: 1px solid #e0e0e0; padding: 2px 6px; white-space: nowrap; max-width: 260px; overflow: hidden; text-overflow: ellipsis; height: 18px; }
  table.cells th { background: #f1f3f4; color: #5f6368; font-weight: normal; position: sticky; top: 0; }
  table.cells td.rowhead { background: #f1f3f4; color: #5f6368; text-align: right; position: sticky; left: 0; }
  table.cells td.num { text-align: right; }
  #sidebar { border-left: 1px solid #dadce0; width: 300px; height: 100%; }
  #tabs { grid-column: 1 / 3; border-top: 1px solid #dadce0; padding: 4px 10px; background: #f8f9fa; display: flex; gap: 4px; }
  #tabs button { border: 1px solid #dadce0; background: #fff; padding: 4px 10px; }
  #tabs button.current { font-weight: bold; border-bottom: 2px solid #1a73e8; }
  #charts { display: flex; flex-wrap: wrap; gap: 16px; padding: 12px; }
  .chart { border: 1px solid #dadce0; padding: 8px; }
  .chart h3 { margin: 0 0 6px; font-size: 13px; }
  #note { color: #5f6368; }
</style></head>
<body>
<header><strong>ABM Tier · local preview</strong><span class="menu">Extensions › ABM Tier ›</span><span id="menu"></span><span id="note"></span></header>
<div id="grid"><div id="charts"></div><div id="table"></div></div>
<iframe id="sidebar" title="ABM Tier sidebar" src="/sidebar"></iframe>
<nav id="tabs"></nav>
<script>
(function () {
  var current = null, version = -1, data = null;
  function el(tag, attrs, text) { var n = document.createElement(tag); for (var k in attrs || {}) n.setAttribute(k, attrs[k]); if (text !== undefined) n.textContent = text; return n; }
  function letter(c) { var s = ''; while (c > 0) { var r = (c - 1) % 26; s = String.fromCharCode(65 + r) + s; c = Math.floor((c - 1) / 26); } return s; }
  function svg(tag, attrs) { var n = document.createElementNS('http://www.w3.org/2000/svg', tag); for (var k in attrs) n.setAttribute(k, attrs[k]); return n; }
  var COLOURS = ['#4285f4', '#ea4335', '#34a853', '#fbbc04'];
  function drawChart(chart) {
    var box = el('div', { class: 'chart', 'data-chart': chart.type }); box.appendChild(el('h3', {}, chart.title));
    var W = 420, H = 220, L = 50, B = 30, T = 10;
    var s = svg('svg', { width: W, height: H + 40, role: 'img', 'aria-label': chart.title });
    var all = []; chart.series.forEach(function (se) { se.values.forEach(function (v) { if (v !== null) all.push(v); }); });
    var max = Math.max.apply(null, all.concat([0])), min = Math.min.apply(null, all.concat([0]));
    if (max === min) max = min + 1;
    function y(v) { return T + (H - B - T) * (max - v) / (max - min); }
    s.appendChild(svg('line', { x1: L, y1: y(0), x2: W, y2: y(0), stroke: '#999' }));
    [min, (min + max) / 2, max].forEach(function (v) { var t = svg('text', { x: L - 4, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 10 }); t.textContent = chart.percent ? Math.round(v * 100) + '%' : Math.abs(v) >= 1000 ? Math.round(v / 1000).toLocaleString('en-US') + 'k' : (Math.round(v * 100) / 100); s.appendChild(t); });
    var n = chart.labels.length, k = chart.series.length;
    if (chart.type === 'COLUMN') {
      var slot = (W - L) / Math.max(n, 1), bw = slot * 0.8 / Math.max(k, 1);
      chart.labels.forEach(function (label, i) {
        chart.series.forEach(function (se, j) {
          var v = se.values[i]; if (v === null) return;
          s.appendChild(svg('rect', { x: L + i * slot + slot * 0.1 + j * bw, y: Math.min(y(v), y(0)), width: bw - 1, height: Math.abs(y(v) - y(0)), fill: COLOURS[j % 4], 'data-series': se.name }));
        });
        var t = svg('text', { x: L + i * slot + slot / 2, y: H - B + 14, 'text-anchor': 'middle', 'font-size': 11 }); t.textContent = label; s.appendChild(t);
      });
    } else {
      chart.series.forEach(function (se, j) {
        var pts = []; se.values.forEach(function (v, i) { if (v !== null) pts.push((L + (W - L) * i / Math.max(n - 1, 1)) + ',' + y(v)); });
        s.appendChild(svg('polyline', { points: pts.join(' '), fill: 'none', stroke: COLOURS[j % 4], 'stroke-width': 2, 'data-series': se.name }));
      });
    }
    chart.series.forEach(function (se, j) { var t = svg('text', { x: L + j * 110, y: H + 20, 'font-size': 11, fill: COLOURS[j % 4] }); t.textContent = '■ ' + se.name; s.appendChild(t); });
    box.appendChild(s); return box;
  }
  function render() {
    var sheet = data.sheets.filter(function (s) { return s.name === current; })[0] || data.sheets[0];
    current = sheet.name;
    var tabs = document.getElementById('tabs'); tabs.replaceChildren();
    data.sheets.forEach(function (s) {
      if (s.hidden) return;
      var b = el('button', { 'data-sheet': s.name, class: s.name === current ? 'current' : '' }, s.name);
      b.onclick = function () { current = s.name; fetch('/api/activate/' + encodeURIComponent(s.name), { method: 'POST' }); render(); };
      tabs.appendChild(b);
    });
    var charts = document.getElementById('charts'); charts.replaceChildren(); sheet.charts.forEach(function (c) { charts.appendChild(drawChart(c)); });
    var table = el('table', { class: 'cells', 'data-sheet': sheet.name });
    var head = el('tr'); head.appendChild(el('th', {}, ''));
    var width = sheet.cells.reduce(function (w, r) { return Math.max(w, r.length); }, 0);
    for (var c = 1; c <= width; c++) head.appendChild(el('th', {}, letter(c)));
    table.appendChild(head);
    sheet.cells.forEach(function (row, i) {
      var tr = el('tr', { 'data-row': i + 1 }); tr.appendChild(el('td', { class: 'rowhead' }, String(i + 1)));
      for (var c = 0; c < width; c++) {
        var td = el('td', { class: sheet.numeric[i][c] ? 'num' : '' }, row[c] || '');
        if (sheet.backgrounds[i][c]) td.style.background = sheet.backgrounds[i][c];
        if (sheet.bold[i][c]) td.style.fontWeight = 'bold';
        tr.appendChild(td);
      }
      table.appendChild(tr);
    });
    document.getElementById('table').replaceChildren(table);
  }
  // The poll and a menu item can both be loading: an answer older than the one shown is dropped, not drawn over it.
  function load() { return fetch('/api/workbook').then(function (r) { return r.json(); }).then(function (d) { if (d.version < version) return; data = d; version = d.version; if (current === null) current = d.active; renderMenu(d.menu); render(); document.body.setAttribute('data-version', String(version)); }); }
  var menuDone = false, menuRuns = 0;
  function renderMenu(items) {
    if (menuDone) return; menuDone = true;
    var menu = document.getElementById('menu');
    items.forEach(function (it) {
      if (!it.fn) return;
      var b = el('button', { 'data-menu': it.fn }, it.caption);
      b.onclick = function () {
        if (it.fn === 'showSidebar') { document.getElementById('sidebar').contentWindow.location.reload(); return; }
        fetch('/api/menu/' + it.fn, { method: 'POST' }).then(function (r) { return r.json(); }).then(function (res) {
          document.getElementById('note').textContent = (res.toasts || []).concat(res.alerts || []).join(' ');
          return load();
        }).then(function () { document.body.setAttribute('data-menu-runs', String(++menuRuns)); });
      };
      menu.appendChild(b);
    });
  }
  setInterval(function () { fetch('/api/version').then(function (r) { return r.json(); }).then(function (v) { if (v.version !== version) load(); }); }, 600);
  load();
})();
</script>
</body></html>`;
