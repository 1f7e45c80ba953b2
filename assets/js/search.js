/*
 * planpress search: searches the site's own index in the browser.
 *
 * The build writes search/index.json (every indicator, milestone, page and
 * glossary term, each with a short text, and the names of the shards that
 * hold the reports' sections, a file per year, newest first) and the search
 * page, which holds:
 *
 *   <form data-msg-empty="…" ...>   what to say, in the page's language
 *   <input id="search-q" data-search-index="/search/index.json">
 *   <div id="search-nojs">        what to do without JavaScript
 *   <p id="search-status" role="status">   announces the number of results
 *   <ol id="search-results">      the results, as a list of links
 *
 * This script is loaded on every page (the header's search form posts to the
 * search page) but does nothing elsewhere. It fetches only from this site and
 * runs nothing inline, so it works under Content-Security-Policy:
 * default-src 'self'. Results are built with DOM methods, never innerHTML.
 *
 * Every word it shows comes from the page: the form's data-msg-* attributes
 * hold the site's interface words in the page's language, with {query},
 * {count} and {label} for the script to fill in. A count chooses among the
 * forms data-msg-results-one, -other (and, in Welsh, -zero, -two, -few,
 * -many) by the browser's plural rules for the page's language.
 */
(function () {
  'use strict';

  var MAX_RESULTS = 50;
  var SNIPPET = 90; // characters either side of the first match

  var input = document.getElementById('search-q');
  var list = document.getElementById('search-results');
  var status = document.getElementById('search-status');
  if (!input || !list || !status || !window.JSON) {
    return;
  }
  var nojs = document.getElementById('search-nojs');
  var form = input.form;
  var words = form || input;
  var index = null;
  var editions = {};

  if (nojs) {
    nojs.hidden = true;
  }

  // fold lowers case and strips accents, so "cafe" finds "café".
  function fold(s) {
    s = String(s || '').toLowerCase();
    if (s.normalize) {
      s = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    }
    return s;
  }

  // foldKeep folds text for finding where terms are in it: positions in the
  // result must match the text's, so accents stay when stripping them would
  // move them.
  function foldKeep(s) {
    var f = fold(s);
    return f.length === s.length ? f : s.toLowerCase();
  }

  function terms(q) {
    return fold(q).split(/[\s,;]+/).filter(function (t) { return t.length > 0; });
  }

  function queryFromURL() {
    var m = /[?&]q=([^&#]*)/.exec(window.location.search);
    if (!m) {
      return '';
    }
    try {
      return decodeURIComponent(m[1].replace(/\+/g, ' '));
    } catch (e) {
      return '';
    }
  }

  // msg is the page's words named name, with {placeholders} filled from
  // values.
  function msg(name, values) {
    var s = words.getAttribute('data-msg-' + name) || '';
    return s.replace(/\{([a-z_]+)\}/g, function (all, key) {
      return values && Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : all;
    });
  }

  // counted is the form of the words named name for the count n.
  function counted(name, n, values) {
    var category = 'other';
    try {
      category = new Intl.PluralRules(document.documentElement.lang || undefined).select(n);
    } catch (e) {
      category = 'other';
    }
    if (!words.hasAttribute('data-msg-' + name + '-' + category)) {
      category = 'other';
    }
    return msg(name + '-' + category, values);
  }

  function say(text) {
    // Clear first, so that the same words twice are announced twice.
    status.textContent = '';
    window.setTimeout(function () { status.textContent = text; }, 50);
  }

  function score(entry, ts) {
    var title = fold(entry.t);
    var text = fold(entry.x);
    var total = 0;
    for (var i = 0; i < ts.length; i++) {
      var inTitle = title.indexOf(ts[i]) >= 0;
      var inText = text.indexOf(ts[i]) >= 0;
      if (!inTitle && !inText) {
        return 0;
      }
      total += (inTitle ? 3 : 0) + (inText ? 1 : 0);
    }
    var ed = entry.e ? editions[entry.e] : null;
    if (!entry.e || (ed && ed.latest)) {
      total += 1; // the latest report and cross-report pages first
    }
    return total;
  }

  // highlight appends text to el with each search term in a <mark>.
  function highlight(el, text, ts) {
    var folded = foldKeep(text);
    var pos = 0;
    while (pos < text.length) {
      var next = -1;
      var len = 0;
      for (var i = 0; i < ts.length; i++) {
        var at = folded.indexOf(ts[i], pos);
        if (at >= 0 && (next < 0 || at < next)) {
          next = at;
          len = ts[i].length;
        }
      }
      if (next < 0) {
        el.appendChild(document.createTextNode(text.slice(pos)));
        return;
      }
      if (next > pos) {
        el.appendChild(document.createTextNode(text.slice(pos, next)));
      }
      var mark = document.createElement('mark');
      mark.textContent = text.slice(next, next + len);
      el.appendChild(mark);
      pos = next + len;
    }
  }

  function snippet(text, ts) {
    var folded = foldKeep(text);
    var first = -1;
    for (var i = 0; i < ts.length; i++) {
      var at = folded.indexOf(ts[i]);
      if (at >= 0 && (first < 0 || at < first)) {
        first = at;
      }
    }
    if (first < 0 || text.length <= 2 * SNIPPET) {
      return text.length > 2 * SNIPPET ? text.slice(0, 2 * SNIPPET) + '…' : text;
    }
    var start = Math.max(0, first - SNIPPET);
    var end = Math.min(text.length, first + SNIPPET);
    // Start and end on whole words.
    if (start > 0) {
      var space = text.indexOf(' ', start);
      start = space >= 0 && space < first ? space + 1 : start;
    }
    if (end < text.length) {
      var last = text.lastIndexOf(' ', end);
      end = last > first ? last : end;
    }
    return (start > 0 ? '…' : '') + text.slice(start, end) + (end < text.length ? '…' : '');
  }

  var KINDS = { indicator: 1, milestone: 1, page: 1, term: 1 };

  function where(entry) {
    if (entry.e) {
      var ed = editions[entry.e];
      if (!ed) {
        return entry.e;
      }
      var state = ed.draft ? 'draft' : ed.latest ? 'latest' : 'archived';
      return msg('edition-' + state, { label: ed.label });
    }
    return KINDS[entry.k] ? msg('kind-' + entry.k) : '';
  }

  function render(q) {
    while (list.firstChild) {
      list.removeChild(list.firstChild);
    }
    var ts = terms(q);
    if (ts.length === 0) {
      say(msg('empty'));
      return;
    }
    var found = [];
    for (var i = 0; i < index.entries.length; i++) {
      var s = score(index.entries[i], ts);
      if (s > 0) {
        found.push({ s: s, i: i, entry: index.entries[i] });
      }
    }
    found.sort(function (a, b) { return b.s - a.s || a.i - b.i; });
    var shown = found.slice(0, MAX_RESULTS);
    for (var j = 0; j < shown.length; j++) {
      var e = shown[j].entry;
      var li = document.createElement('li');
      var h = document.createElement('h2');
      var a = document.createElement('a');
      a.href = e.u;
      highlight(a, e.t, ts);
      h.appendChild(a);
      li.appendChild(h);
      var meta = where(e);
      if (meta) {
        var m = document.createElement('p');
        m.className = 'search-results__meta';
        m.textContent = meta;
        li.appendChild(m);
      }
      if (e.x) {
        var p = document.createElement('p');
        highlight(p, snippet(e.x, ts), ts);
        li.appendChild(p);
      }
      list.appendChild(li);
    }
    var n = found.length;
    var text = n === 0 ? msg('none', { query: q }) : counted('results', n, { count: n, query: q });
    if (n > MAX_RESULTS) {
      text += msg('more', { count: MAX_RESULTS });
    }
    if (n === 0) {
      text += msg('none-hint');
    }
    say(text);
  }

  function failed() {
    say(msg('failed'));
    if (nojs) {
      nojs.hidden = false;
    }
  }

  // getJSON fetches a file of this site and hands its parsed content to
  // done, or calls failed.
  function getJSON(url, done) {
    var req = new XMLHttpRequest();
    req.open('GET', url);
    req.onload = function () {
      if (req.status < 200 || req.status >= 300) {
        failed();
        return;
      }
      var data;
      try {
        data = JSON.parse(req.responseText);
      } catch (e) {
        failed();
        return;
      }
      done(data);
    };
    req.onerror = failed;
    req.send();
  }

  // load reads the index, then each shard in turn; the reports' sections,
  // newest year first, come before the rest, as results rank in this order
  // when they score the same.
  function load(then) {
    if (index) {
      then();
      return;
    }
    getJSON(input.getAttribute('data-search-index'), function (main) {
      var sections = [];
      var shards = main.shards || [];
      function next(i) {
        if (i === shards.length) {
          index = { editions: main.editions, entries: sections.concat(main.entries) };
          for (var j = 0; j < index.editions.length; j++) {
            editions[index.editions[j].id] = index.editions[j];
          }
          then();
          return;
        }
        getJSON(shards[i], function (shard) {
          sections = sections.concat(shard.entries);
          next(i + 1);
        });
      }
      next(0);
    });
  }

  if (form) {
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var q = input.value.trim();
      if (window.history && window.history.replaceState) {
        window.history.replaceState(null, '', '?q=' + encodeURIComponent(q));
      }
      load(function () { render(q); });
    });
  }

  var initial = queryFromURL().trim();
  if (initial) {
    input.value = initial;
    load(function () { render(initial); });
  }
}());
