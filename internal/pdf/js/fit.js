// Lets the words under the figures of a KPI table break between words, but
// only in a table that is wider than its landscape page without it (see
// internal/pdf, Make): a language whose words are longer ("▼ Yn
// gwaethygu") would otherwise make the browser print every page smaller,
// and a table that fits keeps each word on one line. Evaluated by DevTools
// once the page is laid out for print; returns how many tables it changed.
(function (landscape) {
  'use strict';
  var tables = document.querySelectorAll('.page-print table.kpis');
  var n = 0;
  for (var i = 0; i < tables.length; i++) {
    if (tables[i].getBoundingClientRect().right > landscape + 1) {
      tables[i].classList.add('kpis--wrap');
      n++;
    }
  }
  return n;
})(LANDSCAPE)
