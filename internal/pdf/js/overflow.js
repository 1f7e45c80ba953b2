// Lists what is wider than its page, once the page is laid out for print in
// a window as wide as a portrait page's column (see internal/pdf, Make): a
// browser prints every page of a document smaller to fit the widest thing
// in it. An element on a named page (the KPI tables' landscape pages) may
// be as wide as a landscape page's column. Evaluated by DevTools.
(function (portrait, landscape) {
  'use strict';
  var out = [];
  var seen = [];
  var all = document.body.querySelectorAll('*');
  function named(el) {
    for (var a = el; a && a !== document.body; a = a.parentElement) {
      var page = window.getComputedStyle(a).page;
      if (page && page !== 'auto') {
        return true;
      }
    }
    return false;
  }
  for (var i = 0; i < all.length && out.length < 5; i++) {
    var el = all[i];
    var r = el.getBoundingClientRect();
    if (!r.width || !r.height || r.right <= portrait + 1) {
      continue;
    }
    if (r.right <= landscape + 1 && named(el)) {
      continue;
    }
    var inside = false;
    for (var s = 0; s < seen.length; s++) {
      if (seen[s].contains(el)) {
        inside = true;
        break;
      }
    }
    if (inside) {
      continue;
    }
    seen.push(el);
    var what = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '');
    var text = (el.textContent || '').replace(/\s+/g, ' ').trim();
    if (text.length > 60) {
      text = text.slice(0, 57) + '...';
    }
    out.push(what + ' (' + Math.round(r.right) + ' px wide' + (text ? ': "' + text + '"' : '') + ')');
  }
  return out;
})(PORTRAIT, LANDSCAPE)
