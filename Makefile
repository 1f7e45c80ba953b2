# planpress: the two commands a newcomer needs are `make site` and `make test`.
GO      ?= go
BIN     := bin/planpress
BUNDLE  := internal/assets/echarts/echarts.min.js

.PHONY: site test build bundle deps-test clean fuzz vet

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

## test: every test, installing what the tests need first
test: deps-test $(BUNDLE) vet
	$(GO) test -count=1 ./...
	# The packages that render, load and write in parallel, under the race detector.
	$(GO) test -race -count=1 ./internal/load ./internal/render ./internal/build ./internal/serve
	$(MAKE) fuzz

## fuzz: a short run of each fuzz target (longer runs: FUZZTIME=5m make fuzz)
FUZZTIME ?= 5s
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

clean:
	rm -rf bin public
