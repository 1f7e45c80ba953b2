package load_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/planpress/planpress/internal/load"
	"github.com/planpress/planpress/internal/model"
)

// bilingualSite is the example site in Welsh and English.
const bilingualSite = "../../examples/bilingual"

// bilingualCopy copies the bilingual example into a new folder, then applies
// edit: each file named is written with the contents given, or removed when
// they are "".
func bilingualCopy(t *testing.T, edit map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	copyTree(t, bilingualSite, dir, func(rel string) bool { return !strings.HasPrefix(rel, "public/") })
	for name, src := range edit {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if src == "" {
			if err := os.Remove(p); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// readExample reads a file of the bilingual example.
func readExample(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(bilingualSite, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// replaceIn is a file of the example with old replaced by new, which must be
// there.
func replaceIn(t *testing.T, name, old, new string) string {
	t.Helper()
	src := readExample(t, name)
	if !strings.Contains(src, old) {
		t.Fatalf("%s does not say %q", name, old)
	}
	return strings.Replace(src, old, new, 1)
}

// TestBilingualExampleChecksClean: the example in two languages has nothing
// for check to report.
func TestBilingualExampleChecksClean(t *testing.T) {
	if got := lines(check(bilingualSite)); got != "" {
		t.Fatalf("the bilingual example should check clean, but planpress reports:\n%s", got)
	}
}

// TestTranslatedSite: the Welsh site has the Welsh words of every file, and
// the English site's figures, dates, refs and statuses as data.
func TestTranslatedSite(t *testing.T) {
	root, err := os.OpenRoot(bilingualSite)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	site, diags := load.Site(root.FS(), load.Options{Now: checkNow})
	if diags.HasErrors() {
		t.Fatal(lines(diags))
	}
	if len(site.Languages) != 2 || site.Languages[0] != (model.Language{Tag: "en-GB", Name: "English", Pos: site.Languages[0].Pos}) ||
		site.Languages[1].Code != "cy" || site.Languages[1].Name != "Cymraeg" || site.Languages[1].Tag != "cy" {
		t.Fatalf("languages %+v", site.Languages)
	}
	if len(site.Translations) != 1 {
		t.Fatalf("%d translated sites, want 1", len(site.Translations))
	}
	cy := site.Translations[0]
	if cy.Language != "cy" || cy.Code != "cy" || cy.Title != "Cynllun gwella gwasanaethau plant: adroddiad cynnydd" || cy.Organisation != "Cyngor Bwrdeistref Sirol Caerwen" {
		t.Errorf("Welsh site: %q, %q, %q, %q", cy.Language, cy.Code, cy.Title, cy.Organisation)
	}
	if cy.Contact.Name != site.Contact.Name || cy.Contact.Role != "Pennaeth Gwasanaethau Plant" || cy.Contact.Email != site.Contact.Email {
		t.Errorf("Welsh contact %+v", cy.Contact)
	}
	if len(cy.Statuses) != len(site.Statuses) || cy.Statuses[1].Name != "AR Y TRYWYDD IAWN" || cy.Statuses[1].Key != site.Statuses[1].Key || cy.Statuses[1].RAG != site.Statuses[1].RAG {
		t.Errorf("Welsh statuses %+v", cy.Statuses)
	}
	if cy.Events[0].Name != "Arolygiad AGC" || cy.Events[0].Split != site.Events[0].Split {
		t.Errorf("Welsh event %+v", cy.Events[0])
	}
	if k := cy.KPI("re-referrals"); k == nil || k.Title != "Ail-atgyfeiriadau i wasanaethau plant o fewn 12 mis" || k.Targets[model.FinancialYear(2023)] != 20 || k.Baseline.Value != 24.1 || k.Baseline.Source != "Lleol" {
		t.Errorf("Welsh KPI %+v", k)
	}
	if g := cy.Glossary[0]; g.Abbr != "AGC" || g.Meaning != "Arolygiaeth Gofal Cymru" {
		t.Errorf("Welsh term %+v", g)
	}
	if len(cy.Pages) != 1 || cy.Pages[0].Title != "Am yr adroddiad hwn" || cy.Pages[0].Slug != "about" || cy.Home == nil {
		t.Errorf("Welsh pages %+v, home %v", cy.Pages, cy.Home)
	}
	if len(cy.Editions) != len(site.Editions) {
		t.Fatalf("%d Welsh editions, %d English", len(cy.Editions), len(site.Editions))
	}
	en, e := site.Editions[1], cy.Editions[1]
	if e.ID != en.ID || e.AsAt != en.AsAt || e.Published != en.Published || e.Title != "Cynllun gwella gwasanaethau plant: adroddiad cynnydd, Awst 2024" || e.Signatory.Name != "Ffion Morgan" || e.Lang != "" {
		t.Errorf("Welsh edition %s: %q, %v, %+v, lang %q", e.ID, e.Title, e.AsAt, e.Signatory, e.Lang)
	}
	p, ep := e.Priorities[1], en.Priorities[1]
	if p.Title != "Cynllunio gofal" || p.Number != ep.Number || p.Slug != ep.Slug || strings.Join(p.KPIs, " ") != strings.Join(ep.KPIs, " ") || p.BodyPos.File != "content/editions/2024-08/priority-2.cy.md" {
		t.Errorf("Welsh priority %+v", p)
	}
	m, em := p.Milestones[1], ep.Milestones[1]
	if m.Ref != em.Ref || m.Text != "Hyfforddi pob gweithiwr cymdeithasol i ysgrifennu cynlluniau gyda phlant." || m.Status != "YCHYDIG AR EI HÔL HI" || m.Due != em.Due || m.Commenced != em.Commenced {
		t.Errorf("Welsh milestone %+v", m)
	}
	s, es := e.Series["assessments-on-time"], en.Series["assessments-on-time"]
	if s.KPI != cy.KPI("assessments-on-time") || &s.Figures[0] != &es.Figures[0] {
		t.Errorf("the Welsh series is not the English figures with the Welsh KPI")
	}
	june := model.MonthOf(2024, 6)
	if s.Notes[june] != "Dros dro: mae asesiadau mis Mehefin yn dal i gael eu gwirio." || es.Notes[june] == s.Notes[june] {
		t.Errorf("notes: %q, English %q", s.Notes[june], es.Notes[june])
	}
}

// TestMissingTranslation: what one language gives and the other lacks is an
// error at the file and line where it is missing (a warning in a draft),
// saying which file to add it to.
func TestMissingTranslation(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit map[string]string
		want []string
	}{
		{
			name: "a priority file",
			edit: map[string]string{"content/editions/2024-08/priority-1.cy.md": ""},
			want: []string{`content/editions/2024-08/priority-1.md:2: error: priority 1 of edition 2024-08 has no words in Cymraeg (cy); add content/editions/2024-08/priority-1.cy.md with title = "…", its milestones' words and its narrative in Cymraeg`},
		},
		{
			name: "a priority file of a draft",
			edit: map[string]string{
				"content/editions/2024-08/priority-1.cy.md": "",
				"content/editions/2024-08/_index.md":        replaceIn(t, "content/editions/2024-08/_index.md", "draft = false", "draft = true"),
			},
			want: []string{`content/editions/2024-08/priority-1.md:2: warning: priority 1 of edition 2024-08 has no words in Cymraeg (cy); add content/editions/2024-08/priority-1.cy.md`},
		},
		{
			name: "an edition's own words",
			edit: map[string]string{"content/editions/2024-05/_index.cy.md": ""},
			want: []string{`content/editions/2024-05/_index.md:1: error: edition 2024-05 has no words in Cymraeg (cy); add content/editions/2024-05/_index.cy.md`},
		},
		{
			name: "a milestone's words",
			edit: map[string]string{"content/editions/2024-08/priority-2.cy.md": replaceIn(t, "content/editions/2024-08/priority-2.cy.md", `[[milestones]]
ref = "2.2"
milestone = "Hyfforddi pob gweithiwr cymdeithasol i ysgrifennu cynlluniau gyda phlant."
`, "")},
			want: []string{`content/editions/2024-08/priority-2.cy.md:2: error: milestone 2.2 has no words in Cymraeg (cy); add [[milestones]] with ref = "2.2" and milestone = "…" in Cymraeg (in en-GB: "Train every social worker in writing plans with children.")`},
		},
		{
			name: "a milestone's impact",
			edit: map[string]string{"content/editions/2024-05/priority-2.cy.md": replaceIn(t, "content/editions/2024-05/priority-2.cy.md", `impact = ["Mae gan bobl ifanc rywun i droi ato cyn iddynt adael gofal."]
`, "")},
			want: []string{`content/editions/2024-05/priority-2.cy.md:16: error: [[milestones]] has no impact in Cymraeg (cy); add impact = ["…"] in Cymraeg; in en-GB its first item reads "Young people have someone to turn to before they leave care."`},
		},
		{
			name: "a milestone with no original",
			edit: map[string]string{"content/editions/2024-05/priority-1.cy.md": replaceIn(t, "content/editions/2024-05/priority-1.cy.md", `ref = "1.3"`, `ref = "1.4"`)},
			want: []string{
				`content/editions/2024-05/priority-1.cy.md:19: error: content/editions/2024-05/priority-1.md has no milestone 1.4 to translate; did you mean ref = "1.3"?`,
				`content/editions/2024-05/priority-1.cy.md:2: error: milestone 1.3 has no words in Cymraeg (cy)`,
			},
		},
		{
			name: "a priority with no original",
			edit: map[string]string{"content/editions/2024-05/priority-3.cy.md": "+++\ntitle = \"Trydedd\"\n+++\n"},
			want: []string{`content/editions/2024-05/priority-3.cy.md:1: error: a priority in Cymraeg with no priority in en-GB to translate; add content/editions/2024-05/priority-3.md, the priority in en-GB, or rename this file after one of the edition's priority files`},
		},
		{
			name: "a figure given in a translation",
			edit: map[string]string{"content/editions/2024-05/priority-1.cy.md": replaceIn(t, "content/editions/2024-05/priority-1.cy.md", `ref = "1.1"
`, `ref = "1.1"
status = "CWBLHAWYD"
`)},
			want: []string{`content/editions/2024-05/priority-1.cy.md:8: error: [[milestones]]: status is not words, so it has no Cymraeg version; remove it: status is the same in every language, and is written in content/editions/2024-05/priority-1.md alone`},
		},
		{
			name: "a misspelt key in a translation",
			edit: map[string]string{"content/editions/2024-05/priority-1.cy.md": replaceIn(t, "content/editions/2024-05/priority-1.cy.md", `commitment = `, `comitment = `)},
			want: []string{
				`content/editions/2024-05/priority-1.cy.md:4: error: unknown key "comitment" in the front matter; did you mean "commitment"?`,
			},
		},
		{
			name: "a KPI's words",
			edit: map[string]string{"data/kpis.cy.toml": replaceIn(t, "data/kpis.cy.toml", `[active-offer]`, `[active-ofer]`)},
			want: []string{
				`data/kpis.cy.toml:37: error: words in Cymraeg for a KPI "active-ofer" that data/kpis.toml does not define; did you mean [active-offer]?`,
				`data/kpis.toml:68: error: KPI "active-offer" has no words in Cymraeg (cy); add [active-offer] to data/kpis.cy.toml, with title = "…" in Cymraeg (in en-GB: "Families offered a service in Welsh at first contact")`,
			},
		},
		{
			name: "a status's words",
			edit: map[string]string{"planpress.toml": replaceIn(t, "planpress.toml", `[statuses.cy]
name = "ODDI AR Y TRYWYDD"
description = "Mae'r gwaith ymhell ar ei hôl hi ac mae'r garreg filltir mewn perygl."
`, "")},
			want: []string{`planpress.toml:75: error: the status "OFF TRACK" has no words in Cymraeg (cy); add [statuses.cy] after this entry, with name = "…" (the status "OFF TRACK" in Cymraeg) and description = "…"`},
		},
		{
			name: "an event's words",
			edit: map[string]string{"planpress.toml": replaceIn(t, "planpress.toml", `[events.cy]`, `[events.cymraeg]`)},
			want: []string{
				`planpress.toml:93: error: the event "CIW inspection" has no words in Cymraeg (cy)`,
				`error: unknown key "cymraeg" in [[events]]`,
			},
		},
		{
			name: "a glossary term",
			edit: map[string]string{"data/glossary.cy.toml": replaceIn(t, "data/glossary.cy.toml", `[EET]
abbr = "ACH"
meaning = "Addysg, cyflogaeth neu hyfforddiant"
`, "")},
			want: []string{`data/glossary.toml:10: error: the glossary's term "EET" has no words in Cymraeg (cy); add [EET] to data/glossary.cy.toml, with meaning = "…" in Cymraeg`},
		},
		{
			name: "a page",
			edit: map[string]string{"content/pages/about.cy.md": ""},
			want: []string{`content/pages/about.md:1: error: the page "about" has no words in Cymraeg (cy); add content/pages/about.cy.md with title = "…"`},
		},
		{
			name: "a figure's note",
			edit: map[string]string{"data/editions/2024-08/kpis.cy.toml": ""},
			want: []string{`data/editions/2024-08/kpis.toml:30: error: the note of KPI "assessments-on-time" for June 2024 has no words in Cymraeg (cy); add "2024-06" = { note = "…" } under [assessments-on-time] in data/editions/2024-08/kpis.cy.toml, in Cymraeg`},
		},
		{
			name: "the default language's name",
			edit: map[string]string{"planpress.toml": replaceIn(t, "planpress.toml", "language_name = \"English\"\n", "")},
			want: []string{`planpress.toml:19: error: the site publishes in more than one language, but planpress.toml gives no language_name for its default language "en-GB"; add language_name = "English"`},
		},
		{
			name: "a misspelt key of a language",
			edit: map[string]string{"planpress.toml": replaceIn(t, "planpress.toml", `name = "Cymraeg"`, `nmae = "Cymraeg"`)},
			want: []string{`planpress.toml:27: error: unknown key "nmae" in [[languages]]; did you mean "name"?`},
		},
		{
			name: "the site's words in a language",
			edit: map[string]string{"planpress.toml": replaceIn(t, "planpress.toml", "service = \"Gwasanaethau Plant\"\n", "")},
			want: []string{`planpress.toml:25: error: [[languages]] code = "cy" has no service in Cymraeg (cy); add service = "…" in Cymraeg; in en-GB it reads "Children's Services"`},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := lines(check(bilingualCopy(t, tc.edit)))
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("problems:\n%s\nwant one saying\n%s", got, w)
				}
			}
		})
	}
}

// TestTranslationFileNames: a file written for a language is NAME.CODE.md or
// NAME.CODE.toml beside NAME.md or NAME.toml.
func TestTranslationFileNames(t *testing.T) {
	for _, tc := range [][3]string{
		{"priority-1.md", "cy", "priority-1.cy.md"},
		{"content/editions/2024-05/_index.md", "cy", "content/editions/2024-05/_index.cy.md"},
		{"data/kpis.toml", "cy", "data/kpis.cy.toml"},
		{"data/glossary.toml", "gd", "data/glossary.gd.toml"},
	} {
		if got := load.TranslationFile(tc[0], tc[1]); got != tc[2] {
			t.Errorf("TranslationFile(%q, %q) = %q, want %q", tc[0], tc[1], got, tc[2])
		}
	}
}

// TestOneLanguageSiteHasNoTranslations: a site with no [[languages]] loads
// as before, in its one language; a file name with a dot is still a
// priority whose name cannot be an address.
func TestOneLanguageSiteHasNoTranslations(t *testing.T) {
	fsys := fstest.MapFS{}
	err := filepath.WalkDir(goodSite, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(goodSite, p)
		fsys[filepath.ToSlash(rel)] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	site, diags := load.Site(fsys, load.Options{Now: checkNow})
	if diags.HasErrors() {
		t.Fatal(lines(diags))
	}
	if len(site.Translations) != 0 || len(site.Languages) != 1 || site.Languages[0].Tag != site.Language || site.Code != "" {
		t.Errorf("languages %+v, %d translations", site.Languages, len(site.Translations))
	}
	for _, e := range site.Editions {
		if e.Translations != nil {
			t.Errorf("edition %s has translations", e.ID)
		}
	}
}

// TestTranslationsWithMemo: a load that keeps an unchanged edition from
// the last (planpress serve) keeps its words in every language, and reads
// again an edition whose translated file changed.
func TestTranslationsWithMemo(t *testing.T) {
	dir := bilingualCopy(t, nil)
	var memo load.Memo
	loadWelsh := func() *model.Site {
		t.Helper()
		root, err := os.OpenRoot(dir)
		if err != nil {
			t.Fatal(err)
		}
		defer root.Close()
		site, diags := load.Site(root.FS(), load.Options{Now: checkNow, Memo: &memo})
		if diags.HasErrors() {
			t.Fatal(lines(diags))
		}
		return site.Translations[0]
	}
	first := loadWelsh()
	file := filepath.Join(dir, "content/editions/2024-08/priority-2.cy.md")
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(strings.Replace(string(src), `title = "Cynllunio gofal"`, `title = "Cynllunio gofal gyda phlant"`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	second := loadWelsh()
	if got := second.Editions[1].Priorities[1].Title; got != "Cynllunio gofal gyda phlant" {
		t.Errorf("after the edit, the Welsh priority is %q", got)
	}
	if got := second.Editions[0].Priorities[1].Title; got != first.Editions[0].Priorities[1].Title || got != "Cynllunio gofal" {
		t.Errorf("the unchanged edition's Welsh priority is %q", got)
	}
	for _, e := range second.Editions {
		for id, s := range e.Series {
			if s.KPI != second.KPI(id) {
				t.Errorf("edition %s: the series of %s is not this load's Welsh KPI", e.ID, id)
			}
		}
	}
}
