/*
 * planpress charts: draws every chart on the page with ECharts.
 *
 * Each chart is a figure that the build wrote (internal/charts, Markup):
 *
 *   <div class="chart__canvas" id="chart-ID" data-chart="chart-ID-options" role="img" aria-label="...">
 *   <script type="application/json" id="chart-ID-options">{...}</script>
 *
 * This script reads the options (JSON, never executed), draws each chart as
 * SVG, redraws it when its box changes size and fits it to the paper when the
 * page is printed. It runs nothing inline, so pages work under
 * Content-Security-Policy: default-src 'self'. Without window.echarts (the
 * bundle missing or blocked) it does nothing: the page keeps its captions,
 * summaries and data tables.
 */
(function () {
  'use strict';

  // The width a chart is drawn at for printing, in CSS pixels: an A4 page in
  // portrait with 2 cm margins is 170 mm, about 640 px.
  var PRINT_WIDTH = 640;
  // The height a canvas gets when no stylesheet gives it one.
  var FALLBACK_HEIGHT = '22rem';
  var DRAWN = 'chart__canvas--drawn';

  var echarts = window.echarts;
  if (!echarts || typeof echarts.init !== 'function' || !document.querySelectorAll) {
    return;
  }

  var charts = [];

  function readOptions(el) {
    var source = document.getElementById(el.getAttribute('data-chart'));
    if (!source) {
      return null;
    }
    var options = JSON.parse(source.textContent);
    if (!options || typeof options !== 'object') {
      return null;
    }
    // These are committee papers: no motion, whatever the options say.
    options.animation = false;
    return options;
  }

  function draw(el) {
    var options;
    try {
      options = readOptions(el);
    } catch (e) {
      options = null;
    }
    if (!options) {
      return;
    }
    el.className += ' ' + DRAWN;
    if (!el.clientHeight) {
      el.style.height = FALLBACK_HEIGHT;
    }
    var chart;
    try {
      chart = (echarts.getInstanceByDom && echarts.getInstanceByDom(el)) ||
        echarts.init(el, null, { renderer: 'svg' });
      chart.setOption(options, true);
    } catch (e) {
      if (chart) {
        chart.dispose();
      }
      el.className = el.className.replace(' ' + DRAWN, '');
      if (window.console && console.error) {
        console.error('planpress: chart ' + el.id + ' could not be drawn', e);
      }
      return;
    }
    charts.push({ el: el, chart: chart });
  }

  function resizeAll() {
    for (var i = 0; i < charts.length; i++) {
      charts[i].chart.resize();
    }
  }

  // Redraw a chart when its box changes size: a narrower window, a sidebar,
  // a zoomed page. One redraw a frame at most.
  function watchSizes() {
    var pending = false;
    function schedule() {
      if (pending) {
        return;
      }
      pending = true;
      var later = window.requestAnimationFrame || function (f) { return setTimeout(f, 16); };
      later(function () {
        pending = false;
        resizeAll();
      });
    }
    if (typeof window.ResizeObserver === 'function') {
      var observer = new window.ResizeObserver(schedule);
      for (var i = 0; i < charts.length; i++) {
        observer.observe(charts[i].el);
      }
    } else {
      window.addEventListener('resize', schedule);
    }
  }

  // For printing, each chart is drawn at most PRINT_WIDTH wide and its SVG
  // is given a viewBox, so that it scales down into whatever box the print
  // stylesheet gives it instead of being cut off. Afterwards it is drawn at
  // its screen size again.
  var printing = false;

  function beforePrint() {
    if (printing) {
      return;
    }
    printing = true;
    for (var i = 0; i < charts.length; i++) {
      var c = charts[i];
      var width = Math.min(c.el.clientWidth || PRINT_WIDTH, PRINT_WIDTH);
      var height = c.el.clientHeight || 320;
      c.chart.resize({ width: width, height: height });
      var svg = c.el.querySelector('svg');
      if (svg) {
        svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
        svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
        svg.setAttribute('width', '100%');
        svg.setAttribute('height', '100%');
      }
    }
  }

  function afterPrint() {
    if (!printing) {
      return;
    }
    printing = false;
    for (var i = 0; i < charts.length; i++) {
      var svg = charts[i].el.querySelector('svg');
      if (svg) {
        svg.removeAttribute('viewBox');
        svg.removeAttribute('preserveAspectRatio');
      }
      charts[i].chart.resize({ width: 'auto', height: 'auto' });
    }
  }

  function watchPrinting() {
    window.addEventListener('beforeprint', beforePrint);
    window.addEventListener('afterprint', afterPrint);
    // Browsers without the print events still report the print medium.
    if (window.matchMedia) {
      var print = window.matchMedia('print');
      var onChange = function (e) {
        if (e.matches) {
          beforePrint();
        } else {
          afterPrint();
        }
      };
      if (print.addEventListener) {
        print.addEventListener('change', onChange);
      } else if (print.addListener) {
        print.addListener(onChange);
      }
    }
  }

  function start() {
    var els = document.querySelectorAll('[data-chart]');
    for (var i = 0; i < els.length; i++) {
      draw(els[i]);
    }
    if (charts.length) {
      watchSizes();
      watchPrinting();
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
