package publish

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strconv"

	"github.com/planpress/planpress/internal/compute"
	"github.com/planpress/planpress/internal/diag"
	"github.com/planpress/planpress/internal/model"
	"github.com/planpress/planpress/internal/view"
)

// kpiHistoryCSVHeader is the header row of kpis/ID/data.csv.
var kpiHistoryCSVHeader = []string{"kpi", "period", "value", "numerator", "denominator", "direction", "target", "rag", "travel", "year_on_year", "edition", "revised", "first_published", "first_edition", "revised_in"}

// kpiHistoryCSV writes a KPI's whole series as RFC 4180 CSV: one row a month,
// the newest published figure, with where it was first published.
func kpiHistoryCSV(h *compute.KPIHistory) []byte {
	k := h.KPI
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	_ = w.Write(kpiHistoryCSVHeader)
	for _, p := range h.Points {
		pt := p.Latest.Point
		row := make([]string, len(kpiHistoryCSVHeader))
		row[0], row[1] = k.ID, p.Month.String()
		if pt.HasValue {
			row[2] = strconv.FormatFloat(compute.Round(pt.Value, k.Decimals), 'f', k.Decimals, 64)
		}
		if pt.HasRatio {
			row[3], row[4] = strconv.Itoa(int(pt.Numerator)), strconv.Itoa(int(pt.Denominator))
		}
		row[5] = p.Travel.Direction.String()
		if pt.Target != nil {
			row[6] = strconv.FormatFloat(*pt.Target, 'f', -1, 64)
		}
		row[7], row[8], row[9] = pt.RAG.String(), travelTerm(p.Travel), travelTerm(p.YearOnYear)
		row[10] = p.Latest.Edition.ID
		row[11] = strconv.FormatBool(p.Revised())
		row[12] = csvFigure(k, p.First.Point.Figure)
		row[13] = p.First.Edition.ID
		if rev := p.LastRevision(); rev != nil {
			row[14] = rev.Edition.ID
		}
		_ = w.Write(row)
	}
	w.Flush()
	return buf.Bytes()
}

// csvFigure writes a figure in one CSV field: "32.4", "64/282" when only
// counts were published, or a direction word.
func csvFigure(k *model.KPI, f model.Figure) string {
	switch {
	case f.HasValue:
		return strconv.FormatFloat(compute.Round(f.Value, k.Decimals), 'f', k.Decimals, 64)
	case f.Direction != model.DirNone:
		return f.Direction.String()
	}
	return ""
}

// The shape of kpis/ID/data.json. Field order is fixed by these types, so the
// file is byte-identical build to build.
type kpiHistoryFile struct {
	KPI     kpiDefinition   `json:"kpi"`
	Targets []kpiTargetYear `json:"targets"`
	Values  json.RawMessage `json:"values"` // []kpiHistoryItem
}

type kpiDefinition struct {
	ID          string          `json:"id"`
	Title       string          `json:"title"`
	ShortTitle  string          `json:"short_title"`
	Description string          `json:"description"`
	Unit        string          `json:"unit"`
	Per         int             `json:"per,omitempty"`
	Decimals    int             `json:"decimals"`
	Polarity    string          `json:"polarity"`
	Proxy       bool            `json:"proxy"`
	ProxyNote   string          `json:"proxy_note,omitempty"`
	MonitorOnly bool            `json:"monitor_only"`
	Baseline    *dataBase       `json:"baseline"`
	Comparators []kpiComparator `json:"comparators"`
	Editions    []string        `json:"editions"`
}

type kpiComparator struct {
	Key    string  `json:"key"`
	Name   string  `json:"name"`
	Value  float64 `json:"value"`
	Period string  `json:"period,omitempty"`
	Source string  `json:"source,omitempty"`
}

type kpiTargetYear struct {
	Year        string            `json:"year"`
	Target      *float64          `json:"target"`
	MonitorOnly bool              `json:"monitor_only"`
	Defined     *float64          `json:"defined"`
	Edition     string            `json:"edition,omitempty"`
	Changes     []kpiTargetChange `json:"changes"`
}

type kpiTargetChange struct {
	Edition string   `json:"edition"`
	From    *float64 `json:"from"`
	To      *float64 `json:"to"`
}

type kpiHistoryItem struct {
	dataValue
	YearOnYear *string       `json:"year_on_year"`
	Edition    string        `json:"edition"`
	Revised    bool          `json:"revised"`
	First      kpiPublished  `json:"first_published"`
	Revisions  []kpiRevision `json:"revisions"`
}

type kpiPublished struct {
	Edition     string   `json:"edition"`
	Value       *float64 `json:"value"`
	Numerator   *int     `json:"numerator"`
	Denominator *int     `json:"denominator"`
	Direction   *string  `json:"direction"`
}

// kpiRevision is a figure an edition published differently from the
// edition before it: from says who published what before, to what it became.
type kpiRevision struct {
	Edition string       `json:"edition"`
	From    kpiPublished `json:"from"`
	To      kpiPublished `json:"to"`
}

func publishedOf(e *model.Edition, f model.Figure) kpiPublished {
	p := kpiPublished{Edition: e.ID, Direction: strPtr(f.Direction.String())}
	if f.HasValue {
		v := f.Value
		p.Value = &v
	}
	if f.HasRatio {
		n, d := int(f.Numerator), int(f.Denominator)
		p.Numerator, p.Denominator = &n, &d
	}
	return p
}

// KPIData writes a KPI's whole series across editions as open data:
// kpis/ID/data.csv and kpis/ID/data.json.
func (s *Site) KPIData(h *compute.KPIHistory) {
	dir := view.KPIDir(h.KPI.ID)
	s.File(dir+"data.csv", kpiHistoryCSV(h))
	s.kpiHistoryJSON(dir+"data.json", h)
}

func (s *Site) kpiHistoryJSON(p string, h *compute.KPIHistory) {
	k := h.KPI
	f := kpiHistoryFile{
		KPI: kpiDefinition{ID: k.ID, Title: k.Title, ShortTitle: k.ShortTitle, Description: k.Description, Unit: k.Unit.String(), Per: k.Per,
			Decimals: k.Decimals, Polarity: k.Polarity.String(), Proxy: k.Proxy, ProxyNote: k.ProxyNote, MonitorOnly: k.MonitorOnly,
			Comparators: []kpiComparator{}, Editions: []string{}},
		Targets: []kpiTargetYear{},
	}
	if b := k.Baseline; b != nil {
		db := &dataBase{Value: b.Value, Period: b.Period, Source: b.Source}
		if b.HasRatio {
			n, d := b.Numerator, b.Denominator
			db.Numerator, db.Denominator = &n, &d
		}
		f.KPI.Baseline = db
	}
	for _, c := range k.Comparators {
		f.KPI.Comparators = append(f.KPI.Comparators, kpiComparator{Key: c.Key, Name: c.Name, Value: c.Value, Period: c.Period, Source: c.Source})
	}
	for _, e := range h.Editions {
		f.KPI.Editions = append(f.KPI.Editions, e.ID)
	}
	for _, t := range h.Targets {
		target, monitor := t.Current()
		ty := kpiTargetYear{Year: t.Year.String(), Target: target, MonitorOnly: monitor, Defined: t.Defined, Changes: []kpiTargetChange{}}
		if n := len(t.Published); n > 0 {
			ty.Edition = t.Published[n-1].Edition.ID
		}
		for _, c := range t.Changes {
			ty.Changes = append(ty.Changes, kpiTargetChange{Edition: c.Edition.ID, From: c.From.Target, To: c.To.Target})
		}
		f.Targets = append(f.Targets, ty)
	}
	// The months are marshalled one by one into the file's bytes, rather than
	// held as a list and marshalled whole: at 3000 editions a KPI has 9000.
	var values bytes.Buffer
	values.WriteByte('[')
	for i, hp := range h.Points {
		dv := dataValueOf(hp.Latest.Point)
		dv.Direction, dv.Travel = strPtr(hp.Travel.Direction.String()), strPtr(travelTerm(hp.Travel))
		item := kpiHistoryItem{dataValue: dv, YearOnYear: strPtr(travelTerm(hp.YearOnYear)), Edition: hp.Latest.Edition.ID, Revised: hp.Revised(),
			First: publishedOf(hp.First.Edition, hp.First.Point.Figure), Revisions: []kpiRevision{}}
		for _, rev := range hp.Revisions {
			item.Revisions = append(item.Revisions, kpiRevision{Edition: rev.Edition.ID, From: publishedOf(rev.Previous, rev.From), To: publishedOf(rev.Edition, rev.To)})
		}
		b, err := json.Marshal(item)
		if err != nil {
			s.problem(func(l *diag.List) { l.Errorf(k.Pos.File, k.Pos.Line, "", "cannot write %s: %v", p, err) })
			return
		}
		if i > 0 {
			values.WriteByte(',')
		}
		values.Write(b)
	}
	values.WriteByte(']')
	// Not indented: at 1000 editions each KPI's file is over a megabyte,
	// and indenting added half again. The rest of the file is marshalled
	// with an empty list of values and the months put in its place, in a
	// file of its exact size: marshalled whole, the months were copied
	// three times over, several megabytes at once at 3000 editions.
	f.Values = json.RawMessage("[]")
	head, err := json.Marshal(f)
	if err != nil {
		s.problem(func(l *diag.List) { l.Errorf(k.Pos.File, k.Pos.Line, "", "cannot write %s: %v", p, err) })
		return
	}
	head, ok := bytes.CutSuffix(head, []byte("[]}"))
	if !ok {
		s.problem(func(l *diag.List) {
			l.Errorf(k.Pos.File, k.Pos.Line, "", "cannot write %s: its values are not the last member", p)
		})
		return
	}
	out := make([]byte, 0, len(head)+values.Len()+len("}\n"))
	out = append(out, head...)
	out = append(out, values.Bytes()...)
	s.File(p, append(out, "}\n"...))
}
