package build

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestUnpublishedTextStaysOut builds a site with a draft and an edition
// whose publication date is still to come, each holding a sentence found
// nowhere else, and expects neither sentence, nor either edition's id,
// anywhere under the output folder: not in a page, a data file, the search
// index, the feed, the sitemap or a file only a machine reads. Nothing but
// the site's own files is there either.
func TestUnpublishedTextStaysOut(t *testing.T) {
	src := copyArchive(t, "")
	secrets := map[string]string{}
	for id, when := range map[string]string{"2020-02": "", "2020-05": "2099-05-20"} {
		dir := filepath.Join(src, "content/editions", id)
		if id == "2020-05" {
			copyTreeTo(t, filepath.Join(src, "content/editions/2019-11"), dir)
			copyTreeTo(t, filepath.Join(src, "data/editions/2019-11"), filepath.Join(src, "data/editions", id))
			index := filepath.Join(dir, "_index.md")
			b, err := os.ReadFile(index)
			if err != nil {
				t.Fatal(err)
			}
			s := strings.Replace(string(b), "published = ", "published = \""+when+"\"\n# was: ", 1)
			s = strings.Replace(s, `as_at = "2019-09"`, `as_at = "2019-12"`, 1)
			if err := os.WriteFile(index, []byte(s), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		secret := "Unpublished sentence " + strings.ReplaceAll(id, "-", "") + " zqxj."
		secrets[id] = secret
		p := filepath.Join(dir, "priority-1.md")
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatalf("edition %s: %v", id, err)
		}
		if err := os.WriteFile(p, append(b, "\n"+secret+"\n"...), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Both are there to be published with -drafts and -future.
	all := renderSite(t, Options{Source: src, Drafts: true, Future: true})
	for id, secret := range secrets {
		if !bytes.Contains(all["editions/"+id+"/priority-1/index.html"], []byte(secret)) {
			t.Fatalf("with -drafts and -future, edition %s's page lacks its sentence: the test proves nothing", id)
		}
	}

	dest := filepath.Join(t.TempDir(), "public")
	mustBuild(t, Options{Source: src, Dest: dest, Now: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)})
	err := filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dest, p)
		if strings.HasPrefix(d.Name(), ".") {
			t.Errorf("%s is not a file of the site", rel)
		}
		if d.IsDir() {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for id, secret := range secrets {
			if bytes.Contains(b, []byte(secret)) || bytes.Contains(b, []byte("editions/"+id)) {
				t.Errorf("%s holds text or the address of the unpublished edition %s", rel, id)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if l := leftovers(t, dest); len(l) > 0 {
		t.Errorf("left beside the output: %v", l)
	}
}

// copyTreeTo copies a folder.
func copyTreeTo(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		out := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(out, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(out, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
