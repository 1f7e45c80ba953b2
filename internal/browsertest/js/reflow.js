// Measures whether the page scrolls sideways, and names the outermost
// elements that reach past the right edge of the viewport. An element inside
// a box that clips or scrolls its overflow (a .table-scroll, say) is allowed
// to: it scrolls inside that box, not the page.
(() => {
  const root = document.documentElement;
  const width = root.clientWidth;
  const describe = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += '#' + el.id;
    for (const c of el.classList) s += '.' + c;
    return s;
  };
  const clipped = (el) => {
    for (let p = el.parentElement; p && p !== document.body && p !== root; p = p.parentElement) {
      if (getComputedStyle(p).overflowX !== 'visible') return true;
    }
    return false;
  };
  const over = new Set();
  const offenders = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.right <= width + 1) continue;
    if (getComputedStyle(el).visibility === 'hidden' || clipped(el)) continue;
    over.add(el);
    if (el.parentElement && over.has(el.parentElement)) continue;
    offenders.push(describe(el) + ' reaches ' + Math.round(r.right) + 'px');
  }
  return {
    clientWidth: width,
    scrollWidth: root.scrollWidth,
    offenders: offenders.slice(0, 10),
    more: Math.max(0, offenders.length - 10),
  };
})()
