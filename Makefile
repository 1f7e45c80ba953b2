# planpress: the two commands a newcomer needs are `make site` and `make test`.
GO      ?= go
BIN     := bin/planpress
BUNDLE  := internal/assets/echarts/echarts.min.js

.PHONY: site test build bundle deps-test clean fuzz vet cross dist dist-check

## site: build the example site into public/
site: build
	./$(BIN) build

## build: the planpress binary, with the ECharts bundle embedded
build: $(BUNDLE)
	$(GO) build -o $(BIN) ./cmd/planpress

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

$(BUNDLE): node_modules/.package-lock.json internal/assets/bundle/main.go
	$(GO) run ./internal/assets/bundle -out $(BUNDLE)

bundle: $(BUNDLE)

## deps-test: what the tests need beyond Go: Chromium, pdftotext, and Java (for the Nu Html Checker)
deps-test:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-liberation >/dev/null; }
	@command -v pdftotext >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null; }
	@command -v java >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; }

STATICCHECK ?= honnef.co/go/tools/cmd/staticcheck@v0.8.2

## vet: gofmt, go vet and staticcheck must all be clean
vet:
	@unformatted=$$(gofmt -l $$(find . -name '*.go' -not -path './node_modules/*')); \
		if [ -n "$$unformatted" ]; then echo "gofmt would change: $$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...

## cross: vet every package for Windows and macOS, and compile every test package for Windows
cross:
	GOOS=windows $(GO) vet ./...
	GOOS=darwin $(GO) vet ./...
	@GOOS=windows $(GO) list -f '{{if or .TestGoFiles .XTestGoFiles}}{{.ImportPath}}{{end}}' ./... | \
		GOOS=windows xargs -n 1 $(GO) test -c -o /dev/null || { echo "cross: a test package does not compile for Windows"; exit 1; }
	@echo "cross: every test package compiles for Windows"

## test: every test, installing what the tests need first
test: deps-test $(BUNDLE) vet cross
	$(GO) test -count=1 ./...
	# The packages that render, load and write in parallel, under the race detector
	# (-short leaves out the kill test, which builds a 1000-edition archive ten times).
	$(GO) test -race -short -count=1 ./internal/load ./internal/render ./internal/build ./internal/serve ./internal/write
	$(MAKE) fuzz

## fuzz: a short run of each fuzz target (longer runs: FUZZTIME=5m make fuzz)
# A count of inputs rather than a time: a run bounded by time sometimes ended in
# "context deadline exceeded" with no failing input, a flake of Go's fuzzer.
FUZZTIME ?= 3000x
fuzz:
	@for file in $$(grep -rl --include='*_test.go' '^func Fuzz' . | grep -v node_modules | sort); do \
		dir=$$(dirname $$file); \
		for fz in $$(sed -n 's/^func \(Fuzz[A-Za-z0-9_]*\)(.*/\1/p' $$file); do \
			echo "fuzz $$dir $$fz ($(FUZZTIME))"; \
			$(GO) test -run '^$$' -fuzz "^$$fz$$" -fuzztime $(FUZZTIME) $$dir > .fuzz.log 2>&1 || { \
				cat .fuzz.log; echo "fuzz: $$fz failed; running it again (a real failure is saved under testdata/fuzz and fails again)"; \
				$(GO) test -run '^$$' -fuzz "^$$fz$$" -fuzztime $(FUZZTIME) $$dir || exit 1; }; \
		done; \
	done
	@rm -f .fuzz.log

## dist: the release archives in dist/, one for each platform, and dist/SHA256SUMS
# The version is the tag on this commit (or the commit), the date of every file in the
# archives the commit's: the same commit gives the same bytes. See internal/dist.
VERSION ?= $(shell git describe --tags --match 'v[0-9]*' --always --dirty 2>/dev/null || echo devel)
COMMIT  ?= $(shell git rev-parse HEAD 2>/dev/null || echo unknown)
DATE    ?= $(shell git log -1 --format=%ct 2>/dev/null)
dist: $(BUNDLE)
	rm -rf dist
	$(GO) run ./internal/dist -out dist -version $(VERSION) -commit $(COMMIT) -date "$(DATE)"

## dist-check: the linux/amd64 program from dist/, alone in an empty folder with neither Go nor
## Node.js on the PATH, starts a site and builds it, and its pages draw their charts in Chromium
dist-check: deps-test node_modules/.package-lock.json
	@test -f dist/planpress-linux-amd64.tar.gz || { echo "dist-check: run make dist first"; exit 1; }
	PLANPRESS_RELEASE_ARCHIVE=$(CURDIR)/dist/planpress-linux-amd64.tar.gz CI=true \
		$(GO) test -count=1 -run '^TestReleaseProgram$$' -v ./internal/browsertest

clean:
	rm -rf bin public dist
