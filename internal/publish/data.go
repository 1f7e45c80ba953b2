package publish

import (
	"bytes"
	"encoding/csv"
	"sort"
	"strconv"

	"github.com/planpress/planpress/internal/compute"
	"github.com/planpress/planpress/internal/model"
	"github.com/planpress/planpress/internal/view"
)

// The shape of editions/ID/data.json: the edition's open data. Field order
// is fixed by these types, so the file is byte-identical build to build.
type dataFile struct {
	Edition    dataEdition    `json:"edition"`
	Summary    dataSummary    `json:"summary"`
	Priorities []dataPriority `json:"priorities"`
	KPIs       []dataKPI      `json:"kpis"`
}

type dataEdition struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Published string `json:"published"`
	AsAt      string `json:"as_at"`
	From      string `json:"from,omitempty"`
	To        string `json:"to,omitempty"`
}

type dataSummary struct {
	Milestones     int            `json:"milestones"`
	ByStatus       map[string]int `json:"by_status"`
	OnTrack        int            `json:"on_track"`
	OnTrackPercent float64        `json:"on_track_percent"`
}

type dataPriority struct {
	Number     int             `json:"number"`
	Title      string          `json:"title"`
	Milestones []dataMilestone `json:"milestones"`
	KPIs       []string        `json:"kpis"`
}

type dataMilestone struct {
	Ref    string  `json:"ref"`
	Title  string  `json:"title"`
	Status string  `json:"status"`
	RAG    *string `json:"rag"`
}

type dataKPI struct {
	ID          string      `json:"id"`
	Title       string      `json:"title"`
	Unit        string      `json:"unit"`
	Per         int         `json:"per,omitempty"`
	Polarity    string      `json:"polarity"`
	Decimals    int         `json:"decimals"`
	Target      *float64    `json:"target"`
	TargetYear  string      `json:"target_year"`
	MonitorOnly bool        `json:"monitor_only"`
	Proxy       bool        `json:"proxy"`
	Baseline    *dataBase   `json:"baseline"`
	Values      []dataValue `json:"values"`
}

type dataBase struct {
	Value       float64 `json:"value"`
	Numerator   *int    `json:"numerator,omitempty"`
	Denominator *int    `json:"denominator,omitempty"`
	Period      string  `json:"period"`
	Source      string  `json:"source,omitempty"`
}

type dataValue struct {
	Period      string   `json:"period"`
	Value       *float64 `json:"value"`
	Numerator   *int     `json:"numerator"`
	Denominator *int     `json:"denominator"`
	RAG         *string  `json:"rag"`
	Direction   *string  `json:"direction"`
	Travel      *string  `json:"travel"`
	Target      *float64 `json:"target"`
}

func strPtr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// editionKPIOrder lists the edition's KPI ids: priorities' order first, then
// any others alphabetically.
func editionKPIOrder(e *model.Edition) []string {
	seen := map[string]bool{}
	var out []string
	for _, p := range e.Priorities {
		for _, id := range p.KPIs {
			if _, ok := e.Series[id]; ok && !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	var rest []string
	for id := range e.Series {
		if !seen[id] {
			rest = append(rest, id)
		}
	}
	sort.Strings(rest)
	return append(out, rest...)
}

// EditionData writes an edition's open data: data.json, with the edition,
// its milestones and every KPI's figures as the edition rated them, and
// data.csv, every KPI's figures in one table, a row per KPI and month.
func (s *Site) EditionData(site *model.Site, res *compute.EditionResult) {
	e := res.Edition
	sum := res.Milestones
	d := dataFile{
		Edition: dataEdition{ID: e.ID, Title: e.Title, AsAt: e.AsAt.String(), From: e.From.String(), To: e.To.String()},
		Summary: dataSummary{Milestones: sum.Total, ByStatus: map[string]int{}, OnTrack: sum.OnTrack, OnTrackPercent: sum.OnTrackPercent},
	}
	if e.PublishedPrecision == "month" {
		d.Edition.Published = e.Published.Format("2006-01")
	} else {
		d.Edition.Published = e.Published.Format("2006-01-02")
	}
	for _, c := range sum.ByStatus {
		d.Summary.ByStatus[c.Status.Name] = c.Count
	}
	for _, p := range e.Priorities {
		dp := dataPriority{Number: p.Number, Title: p.Title, KPIs: append([]string{}, p.KPIs...), Milestones: []dataMilestone{}}
		for _, m := range p.Milestones {
			dm := dataMilestone{Ref: m.Ref, Title: m.Text, Status: m.Status}
			if st := site.Status(m.Status); st != nil {
				dm.RAG = strPtr(st.RAG.String())
			}
			dp.Milestones = append(dp.Milestones, dm)
		}
		d.Priorities = append(d.Priorities, dp)
	}
	for _, id := range editionKPIOrder(e) {
		x := res.KPIs[id]
		k := x.KPI
		dk := dataKPI{ID: k.ID, Title: k.Title, Unit: k.Unit.String(), Per: k.Per, Polarity: k.Polarity.String(), Decimals: k.Decimals,
			Target: x.Target, TargetYear: x.TargetYear.String(), MonitorOnly: x.MonitorOnly, Proxy: k.Proxy, Values: []dataValue{}}
		if b := k.Baseline; b != nil {
			db := &dataBase{Value: b.Value, Period: b.Period, Source: b.Source}
			if b.HasRatio {
				n, dd := b.Numerator, b.Denominator
				db.Numerator, db.Denominator = &n, &dd
			}
			dk.Baseline = db
		}
		for _, p := range x.Points {
			dk.Values = append(dk.Values, dataValueOf(p))
		}
		d.KPIs = append(d.KPIs, dk)
	}
	s.File(view.EditionPath(e)+"data.csv", editionCSV(res, editionKPIOrder(e)))
	// Not indented: an archive has an edition's file for every quarter, and
	// indenting made them half as large again.
	s.jsonFile(view.EditionPath(e)+"data.json", d)
}

func dataValueOf(p compute.Point) dataValue {
	v := dataValue{Period: p.Month.String(), RAG: strPtr(p.RAG.String()), Direction: strPtr(p.Travel.Direction.String()), Travel: strPtr(travelTerm(p.Travel)), Target: p.Target}
	if p.HasValue {
		x := p.Value
		v.Value = &x
	}
	if p.HasRatio {
		n, d := int(p.Numerator), int(p.Denominator)
		v.Numerator, v.Denominator = &n, &d
	}
	return v
}

// csvHeader is the header row of an edition's data.csv.
var csvHeader = []string{"kpi", "period", "value", "numerator", "denominator", "target", "rag", "direction", "travel"}

// editionCSV writes the figures of the KPIs ids, in that order, as RFC 4180
// CSV (CRLF line ends): one row per KPI and month, as the edition published
// and rated them.
func editionCSV(res *compute.EditionResult, ids []string) []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	_ = w.Write(csvHeader)
	for _, id := range ids {
		x := res.KPIs[id]
		for _, p := range x.Points {
			_ = w.Write(csvRow(x.KPI, p))
		}
	}
	w.Flush()
	return buf.Bytes()
}

func csvRow(k *model.KPI, p compute.Point) []string {
	row := []string{k.ID, p.Month.String(), "", "", "", "", p.RAG.String(), p.Travel.Direction.String(), travelTerm(p.Travel)}
	if p.HasValue {
		row[2] = strconv.FormatFloat(compute.Round(p.Value, k.Decimals), 'f', k.Decimals, 64)
	}
	if p.HasRatio {
		row[3], row[4] = strconv.Itoa(int(p.Numerator)), strconv.Itoa(int(p.Denominator))
	}
	if p.Target != nil {
		row[5] = strconv.FormatFloat(*p.Target, 'f', -1, 64)
	}
	return row
}
