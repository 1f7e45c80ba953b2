#!/usr/bin/env bash
# Times planpress against Hugo on same-shaped SYNTHETIC archives, and measures
# the page budget. See bench/README.md.
#
#   bench/run.sh                     # 40, 1000 and 3000 editions, 5 runs each
#   RUNS=3 SIZES="40" bench/run.sh   # quicker
#   HUGO=/path/to/hugo bench/run.sh  # else `hugo` on PATH, else $(go env GOPATH)/bin/hugo
#
# For each size it writes a planpress site (go run ./bench/gen) and a Hugo
# corpus (shared/bench/hugo-corpus.py), builds each once to warm the file
# cache, then RUNS times each, alternating planpress and Hugo, under
# /usr/bin/time -f '%e %U %S %M'. planpress is timed twice a round: into an
# empty folder, as Hugo is, and again into that folder (every build renders
# the whole site; this one also compares each file with the previous build's
# to keep the times of unchanged files). It prints the median wall time, CPU
# time (user + system) and peak resident memory of each, and planpress/Hugo
# ratios measured in this same run.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
RUNS=${RUNS:-5}
SIZES=${SIZES:-40 1000 3000}
CORPUS=${HUGO_CORPUS:-}
for c in "$CORPUS" "$ROOT/../shared/bench/hugo-corpus.py" /work/shared/bench/hugo-corpus.py; do
	if [ -n "$c" ] && [ -f "$c" ]; then CORPUS=$c; break; fi
done
HUGO=${HUGO:-$(command -v hugo || true)}
if [ -z "$HUGO" ] && [ -x "$(go env GOPATH)/bin/hugo" ]; then HUGO=$(go env GOPATH)/bin/hugo; fi

if [ ! -x /usr/bin/time ]; then
	echo "bench/run.sh needs GNU time: apt-get install time" >&2
	exit 1
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/planpress-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

echo "# planpress benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo
echo "- machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
echo "- load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- $(go version)"
echo "- planpress $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$ROOT" diff --quiet 2>/dev/null || echo ' + uncommitted changes')"
if [ -n "$HUGO" ]; then
	echo "- $("$HUGO" version | cut -d' ' -f1-2)"
else
	echo "- hugo: not found (go install github.com/gohugoio/hugo@v0.160.0); planpress only"
fi
if [ -n "$HUGO" ] && [ -z "$CORPUS" ]; then
	echo "- hugo-corpus.py not found (set HUGO_CORPUS); planpress only"
	HUGO=""
fi
echo "- $RUNS runs of each, alternating; medians"
echo

go build -o "$WORK/planpress" ./cmd/planpress

# run LABEL CMD... appends "wall user sys maxrss_kb" to $WORK/LABEL.times
run() {
	local label=$1
	shift
	if ! /usr/bin/time -f '%e %U %S %M' -o "$WORK/t" "$@" >"$WORK/out" 2>&1; then
		echo "    FAILED: $*"
		head -5 "$WORK/out" | sed 's/^/      /'
		return 1
	fi
	cat "$WORK/t" >>"$WORK/$label.times"
}

# median COLUMN-EXPRESSION FILE: the median of an awk expression over lines.
median() {
	awk "{print $1}" "$2" | sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'
}

declare -A WALL CPU MEM
for n in $SIZES; do
	site=$WORK/site$n
	hc=$WORK/hugo$n
	if [ -n "$HUGO" ]; then
		python3 "$CORPUS" "$n" "$hc"
		go run ./bench/gen -editions "$n" -out "$site" -hugo "$hc" | sed 's/^/    /'
	else
		go run ./bench/gen -editions "$n" -out "$site" | sed 's/^/    /'
	fi
	# Warm-up (file cache), not counted. A size planpress cannot build is
	# reported and skipped, so the other sizes and the page budget still run.
	if ! run warm "$WORK/planpress" build -quiet -source "$site" -dest "$WORK/pub$n"; then
		echo "    planpress cannot build $n editions: skipped"
		rm -rf "$site" "$hc"
		continue
	fi
	if [ -n "$HUGO" ]; then run warm "$HUGO" --quiet -s "$hc" -d "$hc/public"; fi
	for _ in $(seq "$RUNS"); do
		# planpress and Hugo each start from an empty output folder, so that
		# neither is timed deleting the last build.
		rm -rf "$WORK/pub$n"
		run "pp$n" "$WORK/planpress" build -quiet -source "$site" -dest "$WORK/pub$n"
		if [ -n "$HUGO" ]; then
			rm -rf "$hc/public"
			run "hugo$n" "$HUGO" --quiet -s "$hc" -d "$hc/public"
		fi
		# planpress again into its own output: the build a council makes.
		run "ppre$n" "$WORK/planpress" build -quiet -source "$site" -dest "$WORK/pub$n"
	done
	for tool in pp ppre hugo; do
		f=$WORK/$tool$n.times
		[ -f "$f" ] || continue
		WALL[$tool$n]=$(median '$1' "$f")
		CPU[$tool$n]=$(median '$2+$3' "$f")
		MEM[$tool$n]=$(median '$4/1024' "$f")
	done
	pages=$(find "$WORK/pub$n" -name '*.html' | wc -l)
	echo "    planpress: $pages HTML pages, $(find "$WORK/pub$n" -type f | wc -l) files, $(du -sh "$WORK/pub$n" | cut -f1)"
	if [ -n "$HUGO" ]; then
		echo "    hugo: $(find "$hc/public" -name '*.html' | wc -l) HTML pages, $(find "$hc/public" -type f | wc -l) files, $(du -sh "$hc/public" | cut -f1)"
	fi
	rm -rf "$hc/public" "$site" "$hc"
done

echo
echo "| archive | build | wall (s) | CPU (s) | peak memory (MiB) | wall vs Hugo | CPU vs Hugo | memory vs Hugo |"
echo "|---|---|---|---|---|---|---|---|"
declare -A NAME=([pp]="planpress into an empty folder" [ppre]="planpress into its previous output" [hugo]="Hugo")
for n in $SIZES; do
	for tool in pp ppre hugo; do
		[ -n "${WALL[$tool$n]:-}" ] || continue
		if [ $tool != hugo ] && [ -n "${WALL[hugo$n]:-}" ]; then
			ratio=$(awk -v a="${WALL[$tool$n]}" -v b="${WALL[hugo$n]}" -v c="${CPU[$tool$n]}" -v d="${CPU[hugo$n]}" -v e="${MEM[$tool$n]}" -v f="${MEM[hugo$n]}" \
				'BEGIN {printf "%.2f | %.2f | %.2f |", a/b, c/d, e/f}')
		else
			ratio=" | | |"
		fi
		printf "| %s editions | %s | %.2f | %.2f | %.0f | %s\n" "$n" "${NAME[$tool]}" "${WALL[$tool$n]}" "${CPU[$tool$n]}" "${MEM[$tool$n]}" "$ratio"
	done
done

echo
echo "Targets: at most Hugo's wall time at every size; peak memory under 250 MiB at 1000 and 3000 editions; CPU per edition flat."
for n in $SIZES; do
	for tool in pp ppre; do
		[ -n "${WALL[$tool$n]:-}" ] || continue
		awk -v w="${WALL[$tool$n]}" -v h="${WALL[hugo$n]:-0}" -v c="${CPU[$tool$n]}" -v m="${MEM[$tool$n]}" -v n="$n" -v what="${NAME[$tool]}" 'BEGIN {
			if (h > 0) printf "- %d editions, %s: %.2fx Hugo wall time (target <= 1): %s\n", n, what, w/h, (w/h <= 1 ? "met" : "NOT met");
			printf "- %d editions, %s: %.0f MiB peak%s; %.1f ms CPU per edition\n", n, what, m, (n >= 1000 ? (m < 250 ? " (target < 250 MiB: met)" : " (target < 250 MiB: NOT met)") : ""), 1000*c/n }'
	done
done

echo
echo "## Page budget (example site at the repository root)"
echo
"$WORK/planpress" build -quiet -source "$ROOT" -dest "$WORK/example" 2>/dev/null
go run ./bench/pagebudget -dir "$WORK/example" | sed 's/^/    /'
bundle=internal/assets/echarts/echarts.min.js
if [ -f "$bundle" ] && ! grep -qr "echarts" "$WORK/example/assets" 2>/dev/null; then
	echo
	echo "    The ECharts bundle is not in the built site yet. Its size as built by make bundle:"
	echo "    $bundle: $(gzip -6 -c "$bundle" | wc -c | awk '{printf "%.1f KB", $1/1000}') gzipped ($(wc -c <"$bundle" | awk '{printf "%.1f KB", $1/1000}') raw)"
	echo "    assets/js/charts.js: $(gzip -6 -c assets/js/charts.js | wc -c | awk '{printf "%.1f KB", $1/1000}') gzipped"
fi
for n in $SIZES; do
	if [ "$n" = 40 ] && [ -d "$WORK/pub40" ]; then
		echo
		echo "## Page budget (synthetic 40-edition site)"
		echo
		go run ./bench/pagebudget -dir "$WORK/pub40" | sed 's/^/    /'
	fi
done
