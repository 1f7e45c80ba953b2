// Measures what a reader sees of a page at the current viewport: the words
// wholly inside the first screen, the cells of each KPI table inside the
// visible part of its table, and, for every chart, the boxes of its words
// against each other, its data points and bars, its edges and its plot's.
// PRINT is replaced by true to measure the charts as drawn for printing.
(() => {
  const print = PRINT;
  const vw = window.innerWidth;
  const vh = window.innerHeight;

  const hidden = (el) => {
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.display === 'none' || s.visibility === 'hidden' || s.clipPath === 'inset(50%)' || (s.position === 'absolute' && s.clip !== 'auto' && s.clip.indexOf('rect(0') === 0)) {
        return true;
      }
    }
    return false;
  };

  // The words wholly inside the first screen, in document order.
  const words = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n.data.replace(/\s+/g, ' ');
    if (!text.trim() || hidden(n.parentElement)) {
      continue;
    }
    const range = document.createRange();
    range.selectNodeContents(n);
    const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0 && r.height > 0);
    if (rects.length && rects.every((r) => r.top >= 0 && r.bottom <= vh + 0.5 && r.left >= -0.5 && r.right <= vw + 0.5)) {
      words.push(text);
    }
  }

  // Each KPI table: for each row headed by a KPI, the text of the cells
  // wholly inside the visible part of the table's scrolling box.
  const tables = Array.from(document.querySelectorAll('table.kpis')).map((table) => {
    const box = (table.closest('.table-scroll') || table).getBoundingClientRect();
    const left = Math.max(box.left, 0) - 0.5;
    const right = Math.min(box.right, vw) + 0.5;
    const rows = Array.from(table.tBodies[0] ? table.tBodies[0].rows : []).map((tr) => {
      const head = tr.querySelector('th');
      const visible = Array.from(tr.cells).filter((td) => {
        const r = td.getBoundingClientRect();
        return r.width > 0 && r.left >= left && r.right <= right;
      }).map((td) => td.textContent.replace(/\s+/g, ' ').trim());
      return { head: head ? head.textContent.replace(/\s+/g, ' ').trim() : '', visible };
    });
    return { id: table.id, rows };
  });

  // Charts.
  const within = (a, b, tol) => a.x >= b.x - tol && a.y >= b.y - tol && a.x + a.w <= b.x + b.w + tol && a.y + a.h <= b.y + b.h + tol;
  const meets = (a, b, tol) => a.x < b.x + b.w - tol && b.x < a.x + a.w - tol && a.y < b.y + b.h - tol && b.y < a.y + a.h - tol;
  const name = (t) => JSON.stringify(t.text);
  const charts = [];
  if (print) {
    window.dispatchEvent(new Event('beforeprint'));
  }
  for (const el of document.querySelectorAll('[data-chart]')) {
    const svg = el.querySelector('svg');
    const chart = window.echarts && window.echarts.getInstanceByDom(el);
    if (!svg || !chart) {
      continue;
    }
    // Everything is compared in the page's coordinates: the chart's own
    // (its SVG's user space, which a printed chart scales) are mapped there.
    const m = svg.getScreenCTM();
    const page = (b) => ({ x: m.a * b.x + m.e, y: m.d * b.y + m.f, w: m.a * b.w, h: m.d * b.h });
    const frame = page({ x: 0, y: 0, w: chart.getWidth(), h: chart.getHeight() });
    const grid = chart.getModel().getComponent('grid', 0).coordinateSystem.getRect();
    const plot = page({ x: grid.x, y: grid.y, w: grid.width, h: grid.height });
    const texts = [];
    for (const t of svg.querySelectorAll('text')) {
      const text = t.textContent.trim();
      const r = t.getBoundingClientRect();
      if (!text || r.width === 0 || r.height === 0 || t.closest('[opacity="0"]')) {
        continue;
      }
      texts.push({ text, x: r.left, y: r.top, w: r.width, h: r.height });
    }
    // The points and bars, from the chart's own layout.
    const marks = [];
    const option = chart.getOption();
    option.series.forEach((s, i) => {
      const data = chart.getModel().getSeriesByIndex(i).getData();
      for (let j = 0; j < data.count(); j++) {
        const l = data.getItemLayout(j);
        if (!l) {
          continue;
        }
        if (s.type === 'bar' && typeof l.width === 'number') {
          const x = Math.min(l.x, l.x + l.width);
          const y = Math.min(l.y, l.y + l.height);
          if (Math.abs(l.width) > 0 && Math.abs(l.height) > 0) {
            marks.push(Object.assign({ what: 'bar ' + j + ' of ' + (s.name || i) }, page({ x, y, w: Math.abs(l.width), h: Math.abs(l.height) })));
          }
        } else if (s.type === 'line' && s.symbol && s.symbol !== 'none' && Array.isArray(l) && !isNaN(l[0]) && !isNaN(l[1])) {
          const size = typeof s.symbolSize === 'number' ? s.symbolSize : 4;
          marks.push(Object.assign({ what: 'point ' + j + ' of ' + (s.name || i) }, page({ x: l[0] - size / 2, y: l[1] - size / 2, w: size, h: size })));
        }
      }
    });
    const problems = [];
    const tol = 0.5;
    texts.forEach((a, i) => {
      if (!within(a, frame, tol)) {
        problems.push(name(a) + ' is cut off by the edge of the chart');
      }
      if (meets(a, plot, tol) && !within(a, plot, tol)) {
        problems.push(name(a) + ' lies across the edge of the plot');
      }
      for (let j = i + 1; j < texts.length; j++) {
        if (meets(a, texts[j], tol)) {
          problems.push(name(a) + ' overlaps ' + name(texts[j]));
        }
      }
      for (const m of marks) {
        if (meets(a, m, tol)) {
          problems.push(name(a) + ' covers ' + m.what);
        }
      }
    });
    charts.push({ id: el.id, width: Math.round(chart.getWidth()), texts: texts.length, marks: marks.length, problems });
  }
  if (print) {
    window.dispatchEvent(new Event('afterprint'));
  }
  return { width: vw, height: vh, firstScreen: words.join(' ').replace(/\s+/g, ' '), tables, charts };
})()
