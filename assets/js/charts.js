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
 *
 * Once a chart is drawn at its size, the script lays out its words where
 * ECharts would let them collide (see "Layout" below): the labels of
 * targets, baselines, comparators and shaded periods, the names of the
 * categories of a bar chart, the key. The build says what each label is and
 * where it would rather go; only here, at the size the chart is drawn, can
 * each word be measured and placed clear of every other word, every data
 * point and the edges of the plot.
 */
(function () {
  'use strict';

  // The width a chart is drawn at for printing, in CSS pixels: an A4 page in
  // portrait with 2 cm margins is 170 mm, about 640 px.
  var PRINT_WIDTH = 640;
  // The height a canvas gets when no stylesheet gives it one.
  var FALLBACK_HEIGHT = '22rem';
  var DRAWN = 'chart__canvas--drawn';

  // The page says on <html data-charts-ready> what its charts are drawn
  // for: "screen", "print" (laid out at the width they are printed), or
  // "none" when they cannot be drawn. planpress pdf waits for "print" before
  // it prints, rather than for a time.
  function ready(what) {
    document.documentElement.setAttribute('data-charts-ready', what);
  }

  var echarts = window.echarts;
  if (!echarts || typeof echarts.init !== 'function' || !document.querySelectorAll) {
    ready('none');
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
    var entry = { el: el, chart: chart, options: options };
    charts.push(entry);
    layout(entry);
  }

  // ---------------------------------------------------------------- Layout

  // Text as the options style it (internal/charts): Arial, 13 px, and 12 px
  // on target and reference lines, with 2 px above and below and 3 px
  // either side of a label on a white ground.
  var FAMILY = 'Arial, Helvetica, sans-serif';
  var FONT_SIZE = 13;
  var MARK_FONT_SIZE = 12;
  var MARK_PAD_X = 3;
  var MARK_PAD_Y = 2;
  // Space kept between a label and anything else, in px.
  var GAP = 3;
  // Space between the rows of labels above the plot, and below the last.
  var ROW_GAP = 4;
  var ABOVE_PLOT = 9;
  // The line height of a bar chart's category names.
  var CATEGORY_LINE = 16;

  var measurer = null;

  // textWidth measures words as ECharts does: with a canvas, in the font
  // they are drawn in.
  function textWidth(text, size) {
    if (!measurer) {
      measurer = document.createElement('canvas').getContext('2d');
    }
    measurer.font = size + 'px ' + FAMILY;
    return measurer.measureText(String(text)).width;
  }

  // lineHeight is the height ECharts gives a line of text: the width of a
  // wide character, which is about the font size; never less than 1.2 em
  // here, to be safe.
  function lineHeight(size) {
    return Math.max(Math.ceil(textWidth('\u56fd', size)), Math.ceil(size * 1.2));
  }

  function overlaps(a, b, gap) {
    return a.x < b.x + b.w + gap && b.x < a.x + a.w + gap &&
      a.y < b.y + b.h + gap && b.y < a.y + a.h + gap;
  }

  function inside(a, r, gap) {
    return a.x >= r.x + gap && a.y >= r.y + gap &&
      a.x + a.w <= r.x + r.w - gap && a.y + a.h <= r.y + r.h - gap;
  }

  // crossesSegment reports whether the line from p to q passes through box a.
  function crossesSegment(a, p, q) {
    var steps = 12;
    for (var i = 0; i <= steps; i++) {
      var x = p[0] + (q[0] - p[0]) * i / steps;
      var y = p[1] + (q[1] - p[1]) * i / steps;
      if (x >= a.x && x <= a.x + a.w && y >= a.y && y <= a.y + a.h) {
        return true;
      }
    }
    return false;
  }

  function plotRect(chart) {
    var grid = chart.getModel().getComponent('grid', 0);
    var r = grid && grid.coordinateSystem && grid.coordinateSystem.getRect();
    return r ? { x: r.x, y: r.y, w: r.width, h: r.height } : null;
  }

  function copy(o) {
    return JSON.parse(JSON.stringify(o));
  }

  function first(list) {
    return list && list.length ? list[0] : null;
  }

  // layout fits a drawn chart's words to its size; a chart it cannot fit is
  // left as ECharts drew it.
  function layout(c) {
    try {
      var o = c.options;
      var y = first(o.yAxis);
      if (y && y.type === 'category') {
        fitBars(c);
      } else {
        fitKey(c);
      }
      fitMarks(c);
    } catch (e) {
      // The chart stays as drawn (its summary and table have the figures),
      // but this is a fault to fix: say so where the tests look.
      if (window.console && console.error) {
        console.error('planpress: chart ' + c.el.id + ' could not be laid out', e);
      }
    }
  }

  // legendBox is where the key was drawn, or null.
  function legendBox(chart) {
    var model = chart.getModel().getComponent('legend', 0);
    if (!model || !model.get('show')) {
      return null;
    }
    var view = chart.getViewOfComponentModel(model);
    if (!view || !view.group) {
      return null;
    }
    var g = view.group;
    var r = g.getBoundingRect();
    if (!r || !r.height) {
      return null;
    }
    return { x: g.x + r.x, y: g.y + r.y, w: r.width, h: r.height };
  }

  // fitKey leaves room under a line chart's plot for the month names and
  // for its key, however many rows the key takes at this width.
  function fitKey(c) {
    // The month names take a line under the plot, 16 px below it (see
    // monthLabelMargin in internal/charts).
    var bottom = 16 + lineHeight(FONT_SIZE) + 4;
    var key = legendBox(c.chart);
    if (key) {
      bottom += Math.ceil(c.chart.getHeight() - key.y) + 4;
    }
    setGrid(c, { bottom: bottom });
  }

  function setGrid(c, grid) {
    var current = first(c.chart.getOption().grid) || {};
    var change = false;
    for (var k in grid) {
      if (Object.prototype.hasOwnProperty.call(grid, k) && String(current[k]) !== String(grid[k])) {
        change = true;
      }
    }
    if (change) {
      c.chart.setOption({ grid: [grid] });
    }
  }

  // lines counts the lines words take when wrapped at width, as ECharts
  // wraps a label with overflow 'break': at spaces, and a word longer than
  // the width within it.
  function lines(text, width, size) {
    var words = String(text).split(/\s+/);
    var n = 1;
    var line = '';
    for (var i = 0; i < words.length; i++) {
      var w = words[i];
      var next = line ? line + ' ' + w : w;
      if (textWidth(next, size) <= width) {
        line = next;
        continue;
      }
      if (line) {
        n++;
      }
      line = w;
      while (textWidth(line, size) > width && line.length > 1) {
        var k = line.length;
        while (k > 1 && textWidth(line.slice(0, k), size) > width) {
          k--;
        }
        n++;
        line = line.slice(k);
      }
    }
    return n;
  }

  // fitBars sizes a bar chart with its categories down the side: each
  // category's name wraps within a third of the chart's width, and the
  // chart is made tall enough that every band holds its name, above the
  // value axis and the key. The value axis then reaches far enough for the
  // number at the end of the longest bar.
  function fitBars(c) {
    var o = c.options;
    var cats = (first(o.yAxis) || {}).data || [];
    if (!cats.length) {
      return;
    }
    var width = c.el.clientWidth || c.chart.getWidth();
    var labelWidth = Math.round(Math.max(72, Math.min(200, width * 0.34)));
    var most = 1;
    for (var i = 0; i < cats.length; i++) {
      most = Math.max(most, lines(cats[i], labelWidth, FONT_SIZE));
    }
    var band = Math.max(32, most * CATEGORY_LINE + 12);
    c.chart.setOption({ yAxis: [{ axisLabel: { width: labelWidth, lineHeight: CATEGORY_LINE } }] });
    var key = legendBox(c.chart);
    // The value axis: its numbers, and its name 28 px below it.
    var bottom = 28 + lineHeight(FONT_SIZE) + 8;
    if (key) {
      bottom += key.h + 8;
    }
    var top = 12;
    var height = top + bottom + cats.length * band;
    setGrid(c, { top: top, bottom: bottom });
    if (Math.abs(c.el.clientHeight - height) > 1) {
      c.el.style.height = height + 'px';
      c.chart.resize();
    }
    fitValueAxis(c);
  }

  // fitValueAxis lengthens a bar chart's value axis, a tick at a time, until
  // the number at the end of each bar is inside the plot.
  function fitValueAxis(c) {
    var o = c.options;
    for (var round = 0; round < 4; round++) {
      var plot = plotRect(c.chart);
      var over = false;
      for (var s = 0; s < o.series.length; s++) {
        var series = o.series[s];
        if (!series.label || !series.label.show) {
          continue;
        }
        for (var j = 0; j < series.data.length; j++) {
          var d = series.data[j];
          var v = d && typeof d === 'object' ? d.value : d;
          if (typeof v !== 'number') {
            continue;
          }
          var p = c.chart.convertToPixel({ xAxisIndex: 0, yAxisIndex: 0 }, [v, j]);
          if (p[0] + 5 + textWidth(v, FONT_SIZE) + GAP > plot.x + plot.w) {
            over = true;
          }
        }
      }
      if (!over) {
        return;
      }
      // One more tick: the axis keeps its round numbers.
      var ticks = c.chart.getModel().getComponent('xAxis', 0).axis.scale.getTicks();
      if (ticks.length < 2) {
        return;
      }
      var last = ticks[ticks.length - 1].value;
      c.chart.setOption({ xAxis: [{ max: last + (last - ticks[ticks.length - 2].value) }] });
    }
  }

  // The marks of a line chart: its targets, reference lines and shaded
  // periods, as the build described them.
  function marksOf(o) {
    for (var i = 0; i < o.series.length; i++) {
      var s = o.series[i];
      if (s.markLine || s.markArea) {
        return { index: i, line: s.markLine, area: s.markArea };
      }
    }
    return null;
  }

  // pointsOf lists the data points drawn with a symbol, as boxes, and the
  // segments of the figures' line.
  function pointsOf(c, marks) {
    var o = c.options;
    var boxes = [];
    var segments = [];
    for (var i = 0; i < o.series.length; i++) {
      var s = o.series[i];
      if (i === marks.index || s.type !== 'line') {
        continue;
      }
      var prev = null;
      for (var j = 0; j < s.data.length; j++) {
        var v = s.data[j];
        if (typeof v !== 'number') {
          prev = null;
          continue;
        }
        var p = c.chart.convertToPixel({ xAxisIndex: 0, yAxisIndex: 0 }, [j, v]);
        if (s.symbol && s.symbol !== 'none') {
          var size = typeof s.symbolSize === 'number' ? s.symbolSize : 10;
          boxes.push({ x: p[0] - size / 2, y: p[1] - size / 2, w: size, h: size });
        } else {
          if (prev) {
            segments.push([prev, p]);
          }
          prev = p;
        }
      }
    }
    return { boxes: boxes, segments: segments };
  }

  // fitMarks places the label of every target, reference line and shaded
  // period so that none overlaps another label, a data point or the edge of
  // the plot. A shaded period is named above the plot, over its months. A
  // line's label goes beside its line, above or below it, as near as it can
  // to where the build preferred (the start, middle or end of the line); a
  // label with no such place goes above the plot, in a row of its own. The
  // plot is then made shorter to make room for those rows, and everything
  // placed again.
  function fitMarks(c) {
    var o = c.options;
    var marks = marksOf(o);
    if (!marks) {
      return;
    }
    // Start from the build's plot, then make room above it, never less, until
    // every label that needs a row above the plot has one.
    var baseTop = Number((first(o.grid) || {}).top) || 32;
    setGrid(c, { top: baseTop });
    var result;
    for (var pass = 0; pass < 4; pass++) {
      result = placeMarks(c, marks);
      var need = Math.max(baseTop, Math.ceil(6 + result.rows * (result.rowHeight + ROW_GAP) + ABOVE_PLOT));
      var current = Number((first(c.chart.getOption().grid) || {}).top);
      if (need <= current) {
        break;
      }
      setGrid(c, { top: need });
    }
    c.chart.setOption({ series: result.series });
  }

  function placeMarks(c, marks) {
    var chart = c.chart;
    var plot = plotRect(chart);
    var width = chart.getWidth();
    var obstacles = pointsOf(c, marks);
    var placed = [];
    var rowBoxes = [];
    var markH = lineHeight(MARK_FONT_SIZE) + 2 * MARK_PAD_Y;
    var rowHeight = markH;

    // A row above the plot: k = 0 is the nearest.
    function rowY(k, h) {
      return plot.y - ABOVE_PLOT - (k + 1) * (rowHeight + ROW_GAP) + ROW_GAP + (rowHeight - h);
    }
    function intoRow(w, h, preferX) {
      for (var k = 0; k < 12; k++) {
        if (!rowBoxes[k]) {
          rowBoxes[k] = [];
        }
        var lo = plot.x;
        var hi = Math.max(lo, width - 4 - w);
        var x0 = Math.min(Math.max(preferX, lo), hi);
        for (var d = 0; d <= hi - lo + 6; d += 6) {
          var tries = d === 0 ? [x0] : [x0 + d, x0 - d];
          for (var t = 0; t < tries.length; t++) {
            var x = tries[t];
            if (x < lo || x > hi) {
              continue;
            }
            var box = { x: x, y: rowY(k, h), w: w, h: h };
            var free = true;
            for (var b = 0; b < rowBoxes[k].length; b++) {
              if (overlaps(box, rowBoxes[k][b], GAP * 2)) {
                free = false;
                break;
              }
            }
            if (free) {
              rowBoxes[k].push(box);
              return box;
            }
          }
        }
      }
      return null;
    }

    var series = { markLine: null, markArea: null };
    var rowCount = function () {
      var n = 0;
      for (var k = 0; k < rowBoxes.length; k++) {
        if (rowBoxes[k] && rowBoxes[k].length) {
          n = k + 1;
        }
      }
      return n;
    };

    // Shaded periods: named above the plot, centred over their months.
    if (marks.area && marks.area.data) {
      var area = copy(marks.area);
      var areaH = lineHeight(MARK_FONT_SIZE);
      for (var a = 0; a < area.data.length; a++) {
        var pair = area.data[a];
        var name = pair[0].name;
        if (!name) {
          continue;
        }
        var x0 = chart.convertToPixel({ xAxisIndex: 1 }, pair[0].xAxis);
        var x1 = chart.convertToPixel({ xAxisIndex: 1 }, pair[1].xAxis);
        var w = textWidth(name, MARK_FONT_SIZE);
        var box = intoRow(w, areaH, (x0 + x1) / 2 - w / 2);
        if (!box) {
          continue;
        }
        pair[0].label = {
          position: [box.x - x0, box.y + box.h - plot.y],
          align: 'left',
          verticalAlign: 'bottom',
          distance: 0
        };
      }
      series.markArea = area;
    }

    // Targets and reference lines, in the build's order: targets first,
    // then reference lines from the highest.
    if (marks.line && marks.line.data) {
      var line = copy(marks.line);
      var lines = [];
      for (var i = 0; i < line.data.length; i++) {
        var item = line.data[i];
        var m;
        if (item instanceof Array) {
          m = {
            item: item[0],
            text: item[0].label.formatter,
            position: item[0].label.position || 'insideEndTop',
            from: chart.convertToPixel({ xAxisIndex: 1 }, item[0].coord[0]),
            to: chart.convertToPixel({ xAxisIndex: 1 }, item[1].coord[0]),
            y: chart.convertToPixel({ yAxisIndex: 0 }, item[0].coord[1])
          };
        } else {
          m = {
            item: item,
            text: item.label.formatter,
            position: item.label.position || 'insideStartTop',
            from: plot.x,
            to: plot.x + plot.w,
            y: chart.convertToPixel({ yAxisIndex: 0 }, item.yAxis)
          };
        }
        lines.push(m);
      }
      for (var l = 0; l < lines.length; l++) {
        var mk = lines[l];
        var bw = textWidth(mk.text, MARK_FONT_SIZE) + 2 * MARK_PAD_X;
        var spot = bestSpot(mk, bw, markH, plot, placed, obstacles, lines);
        if (!spot) {
          spot = intoRow(bw, markH, mk.from);
        }
        if (!spot) {
          continue;
        }
        placed.push(spot);
        mk.item.label = {
          formatter: mk.text,
          position: 'insideStartTop',
          distance: [spot.x - mk.from, mk.y - (spot.y + spot.h)],
          align: 'left',
          verticalAlign: 'bottom'
        };
      }
      series.markLine = line;
    }

    var out = {};
    if (series.markLine) {
      out.markLine = series.markLine;
    }
    if (series.markArea) {
      out.markArea = series.markArea;
    }
    // Setting series by index: the ones before stay as they are.
    var list = [];
    for (var s = 0; s < marks.index; s++) {
      list.push({});
    }
    list.push(out);
    return { series: list, rows: rowCount(), rowHeight: rowHeight };
  }

  // bestSpot finds the place for a line's label, beside its line, that
  // touches no other label, no data point and no edge of the plot, and of
  // those the one nearest where the build preferred it that crosses the
  // fewest lines. null means there is none.
  function bestSpot(mk, w, h, plot, placed, obstacles, lines) {
    var pos = mk.position;
    var lo = mk.from + GAP;
    var hi = mk.to - w - GAP;
    if (hi < lo) {
      // A short line: centre the label on it, as far as the plot allows.
      lo = hi = (mk.from + mk.to) / 2 - w / 2;
    }
    lo = Math.max(lo, plot.x + GAP);
    hi = Math.min(hi, plot.x + plot.w - w - GAP);
    if (hi < lo) {
      return null;
    }
    var prefer = pos.indexOf('insideEnd') === 0 ? hi : pos.indexOf('insideMiddle') === 0 ? (lo + hi) / 2 : lo;
    var sides = /Bottom$/.test(pos) ? ['below', 'above'] : ['above', 'below'];
    var best = null;
    var bestCost = Infinity;
    for (var sd = 0; sd < sides.length; sd++) {
      var y = sides[sd] === 'above' ? mk.y - GAP - h : mk.y + GAP;
      for (var x = lo; x <= hi + 0.5; x += 4) {
        var box = { x: Math.min(x, hi), y: y, w: w, h: h };
        if (!inside(box, plot, 1)) {
          continue;
        }
        var clash = false;
        for (var p = 0; p < placed.length && !clash; p++) {
          clash = overlaps(box, placed[p], GAP);
        }
        for (var q = 0; q < obstacles.boxes.length && !clash; q++) {
          clash = overlaps(box, obstacles.boxes[q], GAP);
        }
        if (clash) {
          continue;
        }
        var cost = sd * 40 + Math.abs(box.x - prefer) / 8;
        for (var g = 0; g < obstacles.segments.length; g++) {
          if (crossesSegment(box, obstacles.segments[g][0], obstacles.segments[g][1])) {
            cost += 25;
          }
        }
        for (var n = 0; n < lines.length; n++) {
          var other = lines[n];
          if (other !== mk && other.y > box.y && other.y < box.y + box.h && other.from < box.x + box.w && other.to > box.x) {
            cost += 30;
          }
        }
        if (cost < bestCost) {
          best = box;
          bestCost = cost;
        }
      }
    }
    return best;
  }

  // ---------------------------------------------------------------- Sizes

  function resizeAll() {
    for (var i = 0; i < charts.length; i++) {
      charts[i].chart.resize();
      layout(charts[i]);
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
        if (!printing) {
          resizeAll();
        }
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

  // For printing, each chart is drawn at most PRINT_WIDTH wide, its words
  // laid out again at that width, and its SVG given a viewBox, so that it
  // scales down into whatever box the print stylesheet gives it instead of
  // being cut off. Afterwards it is drawn at its screen size again.
  var printing = false;

  function beforePrint() {
    drawForPrint(function (c) {
      return Math.min(c.el.clientWidth || PRINT_WIDTH, PRINT_WIDTH);
    });
  }

  // When the print medium comes into force with no beforeprint first (a
  // browser that lacks the event, or planpress pdf, which emulates print in a
  // window as wide as the paper's column), the page is already laid out as
  // printed: each chart is drawn at exactly the width of its printed box, so
  // that nothing is scaled and no month, label or bar is lost.
  function printMedium() {
    drawForPrint(function (c) {
      return c.el.clientWidth || PRINT_WIDTH;
    });
  }

  function drawForPrint(widthOf) {
    if (printing) {
      return;
    }
    printing = true;
    for (var i = 0; i < charts.length; i++) {
      var c = charts[i];
      var width = widthOf(c);
      var height = c.el.clientHeight || 320;
      c.chart.resize({ width: width, height: height });
      layout(c);
      var svg = c.el.querySelector('svg');
      if (svg) {
        svg.setAttribute('viewBox', '0 0 ' + width + ' ' + c.chart.getHeight());
        svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
        svg.setAttribute('width', '100%');
        svg.setAttribute('height', '100%');
      }
    }
    ready('print');
  }

  // afterPrint draws the charts at their screen size again, once the print
  // medium is no longer in force: while it is (planpress pdf emulates it,
  // and prints the page more than once, each printing firing beforeprint and
  // afterprint), the charts stay drawn for the paper.
  function afterPrint() {
    if (!printing || (window.matchMedia && window.matchMedia('print').matches)) {
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
      layout(charts[i]);
    }
    ready('screen');
  }

  function watchPrinting() {
    window.addEventListener('beforeprint', beforePrint);
    window.addEventListener('afterprint', afterPrint);
    // Browsers without the print events still report the print medium.
    if (window.matchMedia) {
      var print = window.matchMedia('print');
      var onChange = function (e) {
        if (e.matches) {
          printMedium();
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
    if (!charts.length) {
      ready('none');
      return;
    }
    watchSizes();
    watchPrinting();
    if (window.matchMedia && window.matchMedia('print').matches) {
      printMedium();
    } else {
      ready('screen');
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
