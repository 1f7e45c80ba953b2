// Sets up window.__planpressFocus: it records how every focusable element
// looks unfocused, and then describes the focused element and whether its
// outline or box-shadow changed to show the focus.
(() => {
  const selector = 'a[href], area[href], button, input, select, textarea, iframe, summary, audio[controls], video[controls], [tabindex], [contenteditable]';
  const look = (el) => {
    const s = getComputedStyle(el);
    return {
      outline: [s.outlineStyle, s.outlineWidth, s.outlineColor, s.outlineOffset].join(' '),
      outlineShown: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 && !transparent(s.outlineColor),
      shadow: s.boxShadow,
      shadowShown: s.boxShadow !== 'none' && s.boxShadow !== '',
    };
  };
  const transparent = (color) => color === 'transparent' || /^rgba\(.*,\s*0\)$/.test(color) || /\/\s*0\)$/.test(color);
  const describe = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += '#' + el.id;
    for (const c of el.classList) s += '.' + c;
    const text = (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().replace(/\s+/g, ' ');
    if (text) s += ' "' + text.slice(0, 40) + '"';
    return s;
  };
  const shown = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  const before = new Map();
  let tabbable = 0;
  for (const el of document.querySelectorAll(selector)) {
    before.set(el, look(el));
    if (el.tabIndex >= 0 && !el.disabled && shown(el)) tabbable++;
  }
  const seen = new Set();
  Object.defineProperty(window, '__planpressFocus', {
    value: {
      tabbable,
      inspect() {
        const el = document.activeElement;
        if (!el || el === document.body || el === document.documentElement) return { none: true };
        const now = look(el);
        const was = before.get(el);
        const r = el.getBoundingClientRect();
        const href = el.getAttribute('href') || '';
        const out = {
          none: false,
          repeat: seen.has(el),
          element: describe(el),
          tag: el.tagName.toLowerCase(),
          href,
          outlineChanged: was ? now.outline !== was.outline : true,
          shadowChanged: was ? now.shadow !== was.shadow : true,
          outlineShown: now.outlineShown,
          shadowShown: now.shadowShown,
          focusStyle: 'outline: ' + now.outline + '; box-shadow: ' + now.shadow,
          shown: r.width > 0 && r.height > 0,
          inViewport: r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
          targetExists: false,
        };
        if (href.startsWith('#') && href.length > 1) {
          let id = href.slice(1);
          try { id = decodeURIComponent(id); } catch (e) {}
          out.targetExists = document.getElementById(id) !== null;
        }
        seen.add(el);
        return out;
      },
    },
  });
  return tabbable;
})()
