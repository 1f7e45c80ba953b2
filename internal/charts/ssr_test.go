package charts

import (
	"encoding/json"
	"errors"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/dop251/goja"

	"github.com/planpress/planpress/internal/assets"
)

// These tests run the embedded ECharts bundle in goja, a JavaScript engine in
// pure Go, and render options to SVG as ECharts' server-side rendering does.
// They check that ECharts accepts every kind of option this package writes
// and draws what the options say (labels, key, decal patterns). ECharts sets
// no aria attributes in this mode (the options' aria description is set on
// the DOM container in a browser), so build-time SVG would have to add its
// own <title>. The
// benchmarks measure build-time SVG for docs/charts.md. Both need the bundle:
// without it (no `make build` yet) they are skipped.

// ssrHelper renders one chart's options to an SVG string.
const ssrHelper = `function planpressRenderSVG(json, width, height) {
  var chart = echarts.init(null, null, {renderer: 'svg', ssr: true, width: width, height: height});
  try {
    chart.setOption(JSON.parse(json));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}`

var (
	bundleOnce    sync.Once
	bundleProgram *goja.Program
	bundleErr     error
)

// compiledBundle compiles the bundle once; a goja Program may be shared by
// any number of runtimes.
func compiledBundle(t testing.TB) *goja.Program {
	t.Helper()
	bundleOnce.Do(func() {
		f, err := assets.ECharts()
		if err != nil {
			bundleErr = err
			return
		}
		bundleProgram, bundleErr = goja.Compile("echarts.min.js", string(f.Data)+"\n"+ssrHelper, false)
	})
	if errors.Is(bundleErr, assets.ErrNoBundle) {
		t.Skip("no ECharts bundle in this build: run `make bundle`")
	}
	if bundleErr != nil {
		t.Fatal(bundleErr)
	}
	return bundleProgram
}

// ssrRenderer is one goja runtime with ECharts loaded. A runtime serves one
// goroutine at a time.
type ssrRenderer struct {
	vm     *goja.Runtime
	render goja.Callable
}

func newSSRRenderer(t testing.TB) *ssrRenderer {
	t.Helper()
	prog := compiledBundle(t)
	vm := goja.New()
	// zrender schedules nothing in SSR mode, but looks these up.
	noop := func(goja.FunctionCall) goja.Value { return goja.Undefined() }
	for _, name := range []string{"setTimeout", "clearTimeout"} {
		if err := vm.Set(name, noop); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := vm.RunProgram(prog); err != nil {
		t.Fatalf("loading ECharts: %v", err)
	}
	fn, ok := goja.AssertFunction(vm.Get("planpressRenderSVG"))
	if !ok {
		t.Fatal("planpressRenderSVG is not a function")
	}
	return &ssrRenderer{vm: vm, render: fn}
}

func (r *ssrRenderer) svg(options json.RawMessage, width, height int) (string, error) {
	v, err := r.render(goja.Undefined(), r.vm.ToValue(string(options)), r.vm.ToValue(width), r.vm.ToValue(height))
	if err != nil {
		return "", err
	}
	return v.String(), nil
}

func TestEChartsDrawsEveryKind(t *testing.T) {
	r := newSSRRenderer(t)
	for _, tc := range []struct {
		name  string
		build func() (json.RawMessage, error)
		want  []string
	}{
		{
			name:  "KPI line",
			build: func() (json.RawMessage, error) { return KPILine(reReferrals()) },
			want: []string{
				"Target 2018/19: 25%", "Baseline 2017/18: 26.8%", "Statistical neighbours: 23.9%",
				"England: 22.6%", "Ofsted inspection", "Green", "Amber", "Red", "Apr-18", "Feb-19", "30%",
				`stroke-dasharray`, // the dashed target and dotted references
			},
		},
		{
			name:  "monitor-only KPI",
			build: func() (json.RawMessage, error) { return KPILine(monitorOnly()) },
			want:  []string{"Oct-18", "Mar-19", "120"},
		},
		{
			name:  "status bars",
			build: func() (json.RawMessage, error) { return Bars(statusBars()) },
			want:  []string{"ON TRACK", ">NOT YET", ">DUE<", ">12<", "milestones", "<pattern"},
		},
		{
			name:  "stacked bars by priority",
			build: func() (json.RawMessage, error) { return Bars(priorityBars()) },
			want:  []string{"Priority 1", "COMPLETE", "OFF TRACK", "<pattern"},
		},
		{
			name:  "horizontal author chart",
			build: func() (json.RawMessage, error) { return Bars(auditBars()) },
			want:  []string{"548", "143", "plans", "<pattern"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opts, err := tc.build()
			if err != nil {
				t.Fatal(err)
			}
			svg, err := r.svg(opts, 700, 360)
			if err != nil {
				t.Fatalf("ECharts rejected the options: %v", err)
			}
			if !strings.HasPrefix(svg, "<svg") || !strings.Contains(svg, `viewBox="0 0 700 360"`) {
				t.Fatalf("not an SVG of 700x360: %.200s", svg)
			}
			for _, w := range tc.want {
				if !strings.Contains(svg, w) {
					t.Errorf("the SVG lacks %q", w)
				}
			}
		})
	}
}

// BenchmarkSSRCompile measures compiling the bundle, once a build.
func BenchmarkSSRCompile(b *testing.B) {
	f, err := assets.ECharts()
	if errors.Is(err, assets.ErrNoBundle) {
		b.Skip("no ECharts bundle in this build: run `make bundle`")
	}
	cpu := cpuTime()
	for b.Loop() {
		if _, err := goja.Compile("echarts.min.js", string(f.Data), false); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N)/1e6, "cpu-ms/op")
}

// BenchmarkSSRLoad measures starting a goja runtime with ECharts loaded:
// each parallel worker of a build would pay it once. It reports the heap one
// loaded runtime keeps.
func BenchmarkSSRLoad(b *testing.B) {
	compiledBundle(b)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	r := newSSRRenderer(b)
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(r)
	cpu := cpuTime()
	for b.Loop() {
		newSSRRenderer(b)
	}
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "MiB/runtime")
	b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N)/1e6, "cpu-ms/op")
}

// BenchmarkSSRRenderKPI measures rendering one KPI chart to SVG in a loaded
// runtime. cpu-ms/op is the process's CPU time, which other work on the
// machine disturbs less than ns/op.
func BenchmarkSSRRenderKPI(b *testing.B) {
	opts, err := KPILine(reReferrals())
	if err != nil {
		b.Fatal(err)
	}
	benchmarkSSR(b, opts)
}

// BenchmarkSSRRenderBar measures rendering one stacked bar chart to SVG.
func BenchmarkSSRRenderBar(b *testing.B) {
	opts, err := Bars(priorityBars())
	if err != nil {
		b.Fatal(err)
	}
	benchmarkSSR(b, opts)
}

func benchmarkSSR(b *testing.B, opts json.RawMessage) {
	r := newSSRRenderer(b)
	if _, err := r.svg(opts, 700, 360); err != nil { // warm up
		b.Fatal(err)
	}
	var size int
	cpu := cpuTime()
	for b.Loop() {
		svg, err := r.svg(opts, 700, 360)
		if err != nil {
			b.Fatal(err)
		}
		size = len(svg)
	}
	b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N)/1e6, "cpu-ms/op")
	b.ReportMetric(float64(size), "svg-bytes")
}

// BenchmarkSSREdition renders the charts of one edition of the performance
// target's archive (18 KPI charts and 3 summary charts) on as many workers as
// GOMAXPROCS, each with its own runtime, as a build would; multiply by 1000
// for the archive. It reports the peak heap the Go runtime took.
func BenchmarkSSREdition(b *testing.B) {
	kpi, err := KPILine(reReferrals())
	if err != nil {
		b.Fatal(err)
	}
	bars, err := Bars(priorityBars())
	if err != nil {
		b.Fatal(err)
	}
	var jobs []json.RawMessage
	for range 18 {
		jobs = append(jobs, kpi)
	}
	for range 3 {
		jobs = append(jobs, bars)
	}
	workers := runtime.GOMAXPROCS(0)
	renderers := make([]*ssrRenderer, workers)
	for i := range renderers {
		renderers[i] = newSSRRenderer(b)
	}
	var peak uint64
	cpu := cpuTime()
	for b.Loop() {
		next := make(chan json.RawMessage)
		errs := make(chan error, workers)
		var wg sync.WaitGroup
		for _, r := range renderers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for o := range next {
					if _, err := r.svg(o, 700, 360); err != nil {
						errs <- err
						return
					}
				}
			}()
		}
		for _, j := range jobs {
			next <- j
		}
		close(next)
		wg.Wait()
		select {
		case err := <-errs:
			b.Fatal(err)
		default:
		}
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		peak = max(peak, m.HeapSys)
	}
	b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N)/1e6, "cpu-ms/op")
	b.ReportMetric(float64(peak)/(1<<20), "MiB-heap-sys")
}
