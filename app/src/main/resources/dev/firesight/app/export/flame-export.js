(function () {
  'use strict';
  // Firesight HTML export. Data comes only from the JSON block; names reach the page only through
  // textContent and canvas fillText, never as markup.
  var D = JSON.parse(document.getElementById('flame-data').textContent);
  var N = D.p.length, ROW = 18, PAD = 4, MATCH = '#d94fc9';
  var kids = new Array(N), depth = new Int32Array(N);
  for (var i = 0; i < N; i++) kids[i] = [];
  for (i = 1; i < N; i++) { kids[D.p[i]].push(i); depth[i] = depth[D.p[i]] + 1; }
  var canvas = document.getElementById('flame'), ctx = canvas.getContext('2d');
  var tip = document.getElementById('tip'), status = document.getElementById('status');
  var crumbs = document.getElementById('crumbs'), input = document.getElementById('search');
  var zoom = D.zoom, frames = [], rows = 0, hovered = -1;
  var matched = new Uint8Array(N);
  (D.m || []).forEach(function (n) { matched[n] = 1; });
  var searchText = D.searchResult;

  function name(n) { return n === 0 ? 'all' : D.names[D.n[n]]; }
  function unitText(v) {
    if (D.unit === 'share') return (100 * v).toFixed(2) + '%';
    if (D.unit === 'bytes') {
      var u = ['B', 'KB', 'MB', 'GB', 'TB'], k = 0;
      while (Math.abs(v) >= 1024 && k < u.length - 1) { v /= 1024; k++; }
      return (k === 0 ? v.toFixed(0) : v >= 100 ? v.toFixed(0) : v.toFixed(1)) + ' ' + u[k];
    }
    if (D.unit === 'ns') {
      if (v < 1e3) return v.toFixed(0) + ' ns';
      if (v < 1e6) return (v / 1e3).toFixed(1) + ' \u00b5s';
      if (v < 1e9) return (v / 1e6).toFixed(1) + ' ms';
      return (v / 1e9).toFixed(2) + ' s';
    }
    return v.toLocaleString('en-US') + (v === 1 ? ' sample' : ' samples');
  }
  function pct(a, b) {
    if (!b) return '0%';
    var p = 100 * a / b;
    return (p >= 10 || p === 0 ? p.toFixed(1) : p.toFixed(2)) + '%';
  }
  function describe(n) {
    if (D.tips) return D.tips[n];
    var s = name(n) + '\n' + (n === 0 ? 'All stacks' : D.kinds[D.k[n]]);
    if (D.l[n] > 0) s += ' \u00b7 line ' + D.l[n];
    if (D.d[n] >= 0) s += ' \u00b7 ' + D.names[D.d[n]];
    s += '\nTotal: ' + unitText(D.t[n]) + ' (' + pct(D.t[n], D.t[0]) + ' of all';
    if (n !== 0) s += ', ' + pct(D.t[n], D.t[D.p[n]]) + ' of parent';
    return s + ')\nSelf: ' + unitText(D.s[n]) + ' (' + pct(D.s[n], D.t[0]) + ' of all)';
  }

  function layout() {
    var width = canvas.clientWidth || 800, min = 0.5 / width, out = [], chain = [];
    for (var a = zoom; a !== 0; a = D.p[a]) chain.push(a);
    out.push([0, 0, 1, 0]);
    for (var c = chain.length - 1; c >= 1; c--) out.push([chain[c], 0, 1, depth[chain[c]]]);
    var scale = D.t[zoom] > 0 ? 1 / D.t[zoom] : 0, stack = [[zoom, 0]];
    if (zoom === 0) out.pop();
    while (stack.length) {
      var top = stack.pop(), node = top[0], x = top[1];
      out.push([node, x, node === zoom ? 1 : D.t[node] * scale, depth[node]]);
      var ks = kids[node], cx = x, push = [];
      for (var j = 0; j < ks.length; j++) {
        var w = D.t[ks[j]] * scale;
        if (w >= min && w > 0) push.push([ks[j], cx]);
        cx += w;
      }
      for (j = push.length - 1; j >= 0; j--) stack.push(push[j]);
    }
    rows = 0;
    out.forEach(function (f) { rows = Math.max(rows, f[3] + 1); });
    frames = out;
  }

  function fit(text, px) {
    if (ctx.measureText(text).width <= px) return text;
    var lo = 0, hi = text.length;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (ctx.measureText(text.substring(0, mid) + '\u2026').width <= px) lo = mid; else hi = mid - 1;
    }
    return lo === 0 ? '' : text.substring(0, lo) + '\u2026';
  }
  function rowTop(d, h) { return D.icicle ? d * ROW : h - (d + 1) * ROW; }

  function draw() {
    var dpr = window.devicePixelRatio || 1, w = canvas.clientWidth, h = Math.max(rows * ROW, ROW);
    canvas.style.height = h + 'px';
    canvas.width = Math.round(w * dpr);
    canvas.height = Math.round(h * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, w, h);
    ctx.font = '12px sans-serif';
    ctx.textBaseline = 'middle';
    frames.forEach(function (f) {
      var n = f[0], x = f[1] * w, fw = f[2] * w, y = rowTop(f[3], h);
      var fill = matched[n] ? MATCH : D.palette[D.c[n]];
      ctx.fillStyle = fill;
      ctx.fillRect(x, y, fw > 3 ? fw - 1 : fw, ROW - 1);
      if (D.mk && D.mk[n] && !matched[n]) mark(D.mk[n], x, y, fw > 3 ? fw - 1 : fw);
      if (fw > 2 * PAD + 14) {
        var t = fit(name(n), fw - 2 * PAD);
        if (t) {
          ctx.fillStyle = D.textPalette[matched[n] ? D.matchText : D.c[n]];
          ctx.fillText(t, x + PAD, y + (ROW - 1) / 2);
        }
      }
      if (n === hovered) {
        ctx.strokeStyle = '#1a1a1a';
        ctx.lineWidth = 1;
        ctx.strokeRect(x + 0.5, y + 0.5, Math.max(fw - 2, 1), ROW - 2);
      }
    });
  }

  // Frames in only one capture: 1 = new (hatched), 2 = vanished (dashed outline).
  function mark(kind, x, y, fw) {
    ctx.save();
    ctx.strokeStyle = 'rgba(0,0,0,0.45)';
    ctx.lineWidth = 1.5;
    if (kind === 1) {
      ctx.beginPath();
      ctx.rect(x, y, fw, ROW - 1);
      ctx.clip();
      for (var sx = x - ROW; sx < x + fw; sx += 6) {
        ctx.beginPath();
        ctx.moveTo(sx, y + ROW - 1);
        ctx.lineTo(sx + ROW - 1, y);
        ctx.stroke();
      }
    } else if (fw > 3) {
      ctx.setLineDash([4, 3]);
      ctx.strokeRect(x + 0.75, y + 0.75, fw - 1.5, ROW - 2.5);
    }
    ctx.restore();
  }

  function frameAt(px, py) {
    var w = canvas.clientWidth, h = Math.max(rows * ROW, ROW);
    var d = D.icicle ? Math.floor(py / ROW) : Math.floor((h - py) / ROW), fx = px / w;
    for (var i = 0; i < frames.length; i++) {
      var f = frames[i];
      if (f[3] === d && fx >= f[1] && fx < f[1] + f[2]) return f[0];
    }
    return -1;
  }

  function setZoom(n) {
    zoom = n;
    crumbs.textContent = '';
    var chain = [];
    for (var a = n; a !== 0; a = D.p[a]) chain.unshift(a);
    chain.unshift(0);
    chain.forEach(function (c, i) {
      if (i > 0) crumbs.appendChild(document.createTextNode(' \u203a '));
      var b = document.createElement(i === chain.length - 1 ? 'strong' : 'a');
      var label = name(c);
      b.textContent = label.length > 60 ? label.substring(0, 59) + '\u2026' : label;
      if (i < chain.length - 1) {
        b.href = '#';
        b.addEventListener('click', function (e) { e.preventDefault(); setZoom(c); });
      }
      crumbs.appendChild(b);
    });
    layout();
    draw();
  }

  function runSearch() {
    var text = input.value;
    matched = new Uint8Array(N);
    if (!text) { status.textContent = ''; draw(); return; }
    var re;
    // the window's rule: a regular expression ignoring case unless the export says plain text or match case
    var source = D.searchPlain ? text.replace(/[.*+?^${}()|[\]\\\/]/g, '\\$&') : text;
    try { re = new RegExp(source, D.searchCase ? '' : 'i'); } catch (e) { status.textContent = 'Not a valid regular expression'; draw(); return; }
    var covered = new Uint8Array(N), total = 0, count = 0;
    for (var i = 1; i < N; i++) {
      var p = D.p[i];
      covered[i] = covered[p] || matched[p];
      if (re.test(name(i))) {
        matched[i] = 1;
        count++;
        if (!covered[i]) total += D.t[i];
      }
    }
    status.textContent = 'Matched ' + pct(total, D.t[0]) + ' (' + unitText(total) + ') in ' + count + ' frames';
    draw();
  }

  canvas.addEventListener('mousemove', function (e) {
    var r = canvas.getBoundingClientRect(), n = frameAt(e.clientX - r.left, e.clientY - r.top);
    if (n !== hovered) { hovered = n; draw(); }
    if (n < 0) { tip.style.display = 'none'; return; }
    tip.textContent = describe(n);
    tip.style.display = 'block';
    var tx = e.pageX + 14, ty = e.pageY + 18;
    if (tx + tip.offsetWidth > window.scrollX + document.documentElement.clientWidth) tx = e.pageX - tip.offsetWidth - 8;
    tip.style.left = tx + 'px';
    tip.style.top = ty + 'px';
  });
  canvas.addEventListener('mouseleave', function () { hovered = -1; tip.style.display = 'none'; draw(); });
  canvas.addEventListener('click', function (e) {
    var r = canvas.getBoundingClientRect(), n = frameAt(e.clientX - r.left, e.clientY - r.top);
    if (n >= 0) setZoom(n);
  });
  document.getElementById('reset').addEventListener('click', function () { setZoom(0); });
  input.addEventListener('input', runSearch);
  window.addEventListener('resize', function () { layout(); draw(); });

  if (D.search !== null) {
    input.value = D.search;
    status.textContent = searchText;
  }
  setZoom(zoom);
})();
