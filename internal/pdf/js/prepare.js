// Makes the print edition a committee pack, in the page, before it is
// printed (see internal/pdf, Make): evaluated by DevTools, which the page's
// Content-Security-Policy does not bind. It returns what the printing needs
// as JSON.
(function () {
  'use strict';
  var html = document.documentElement;
  html.classList.add('pack');

  // The PDF's title is the report's (the page's <title> also names the
  // print edition and the site).
  var title = document.querySelector('.print-running__title');
  if (title && title.textContent.trim()) {
    document.title = title.textContent.trim();
  }

  // Links. The pack is read away from this computer, where its server is
  // gone: a link to another part of the pack stays a link within it (a
  // glossary term goes to the glossary at its end), a link to another page
  // of the site goes to the published site when the page says where that is
  // (its canonical address), and is otherwise no longer a link.
  var here = new URL(window.location.href);
  var canonical = document.querySelector('link[rel="canonical"]');
  var published = canonical ? new URL(canonical.href) : null;
  var links = document.querySelectorAll('a[href]');
  for (var i = 0; i < links.length; i++) {
    var a = links[i];
    var url;
    try {
      url = new URL(a.getAttribute('href'), here);
    } catch (e) {
      continue;
    }
    if (url.origin !== here.origin) {
      continue;
    }
    var target = url.hash ? document.getElementById(decodeURIComponent(url.hash.slice(1))) : null;
    if (target && (url.pathname === here.pathname || target.closest('.print-glossary'))) {
      a.setAttribute('href', url.hash);
      continue;
    }
    if (published) {
      a.setAttribute('href', new URL(url.pathname + url.search + url.hash, published).href);
    } else {
      a.removeAttribute('href');
    }
  }

  // KPI tables. Twelve months, after the name, latest figure, target,
  // rating and baseline, do not fit a landscape A4 page at 9pt, and a
  // browser that meets something wider than its page prints every page
  // smaller. So a table of more than six months is printed as two: the
  // first half of the months, after the latest figure, target, rating and
  // baseline; then the second half. Both keep each row's heading.
  var tables = document.querySelectorAll('table.kpis');
  for (var t = 0; t < tables.length; t++) {
    splitTable(tables[t]);
  }

  function columns(row) {
    var n = 0;
    for (var i = 0; i < row.cells.length; i++) {
      n += row.cells[i].colSpan;
    }
    return n;
  }

  // keep removes the columns of a table that keepColumn refuses, narrowing
  // the cells and column groups that span them.
  function keep(table, keepColumn) {
    function kept(from, span) {
      var n = 0;
      for (var c = from; c < from + span; c++) {
        if (keepColumn(c)) {
          n++;
        }
      }
      return n;
    }
    var groups = table.querySelectorAll('colgroup');
    var col = 0;
    for (var g = 0; g < groups.length; g++) {
      var span = groups[g].span;
      var k = kept(col, span);
      col += span;
      if (k === 0) {
        groups[g].parentNode.removeChild(groups[g]);
      } else {
        groups[g].span = k;
      }
    }
    for (var r = 0; r < table.rows.length; r++) {
      var cells = Array.prototype.slice.call(table.rows[r].cells);
      var at = 0;
      for (var i = 0; i < cells.length; i++) {
        var s = cells[i].colSpan;
        var n = kept(at, s);
        at += s;
        if (n === 0) {
          cells[i].parentNode.removeChild(cells[i]);
        } else {
          cells[i].colSpan = n;
        }
      }
    }
  }

  function splitTable(table) {
    var head = table.tHead;
    if (!head || !head.rows.length) {
      return;
    }
    // The name, the latest figure, target, rating and baseline, then the
    // months (layouts/partials/kpi-table.html).
    var lead = 5;
    var months = columns(head.rows[head.rows.length - 1]) - lead;
    if (months <= 6) {
      return;
    }
    var split = lead + Math.ceil(months / 2);
    var wrap = table.parentNode.classList.contains('table-scroll') ? table.parentNode : table;
    var second = wrap.cloneNode(true);
    var copy = second.tagName === 'TABLE' ? second : second.querySelector('table');
    copy.id = table.id + '-continued';
    keep(table, function (c) { return c < split; });
    keep(copy, function (c) { return c === 0 || c >= split; });
    wrap.parentNode.insertBefore(second, wrap.nextSibling);
    wrap.classList.add('pack-first-half');
  }

  var ids = [];
  var pages = document.querySelectorAll('[data-contents-page]');
  for (var j = 0; j < pages.length; j++) {
    ids.push(pages[j].getAttribute('data-contents-page'));
  }
  function inner(selector) {
    var el = document.querySelector(selector);
    return el ? el.innerHTML : '';
  }
  return {
    contents: ids,
    header: inner('.print-running__header'),
    footer: inner('.print-running__footer')
  };
})()
