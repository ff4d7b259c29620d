#!/usr/bin/env sh
# Imports a BERT-large-shaped checkpoint (24 layers, hidden 1024, 16 heads, FFN 4096, vocabulary 30,522: 335 M
# parameters, a 1.34 GB model.safetensors; random weights, made by bench/make_bert_large.py) with `ernie import` under
# the launcher's heap and smaller ones, each in a fresh JVM, and reports wall time, peak heap (the most used before any
# collection, or at exit) and peak RSS. Prints a table and appends it to docs/BENCHMARKS.md.
#
#   bench/bert-large-import.sh                    the launcher's default heap (ERNIE_HEAP unset), then 512m and 256m
#   HEAPS="default 1g" bench/bert-large-import.sh
#   WORK=/var/tmp/elsewhere WRITE=no bench/bert-large-import.sh
#
# The checkpoint is written once into $WORK (default /var/tmp/ernie-bert-large) and reused; it needs Python 3 with numpy.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
work=${WORK:-/var/tmp/ernie-bert-large}
heaps=${HEAPS:-default 512m 256m}
ernie="$root/ernie-runner/bin/ernie"
mkdir -p "$work"
if [ ! -f "$work/bert-large/model.safetensors" ]; then
  python3 "$root/bench/make_bert_large.py" "$work/bert-large"
fi
# Builds the jar first when the sources changed, so that the times below are the import's.
"$ernie" --help >/dev/null
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
table="$work/table.md"
printf '| ERNIE_HEAP | exit | wall time | peak heap used | peak RSS |\n| --- | --- | --- | --- | --- |\n' > "$table"
for heap in $heaps; do
  out="$work/imported-$heap"
  rm -rf "$out"
  log="$work/gc-$heap.log"
  rm -f "$log"
  opts="-Xlog:gc,gc+heap+exit:file=$log ${ERNIE_JAVA_OPTS:-}"
  set +e
  if [ "$heap" = default ]; then
    ERNIE_JAVA_OPTS="$opts" /usr/bin/time -v "$ernie" import --from "$work/bert-large" --out "$out" >"$work/import-$heap.out" 2>"$work/import-$heap.err"
  else
    ERNIE_HEAP="$heap" ERNIE_JAVA_OPTS="$opts" /usr/bin/time -v "$ernie" import --from "$work/bert-large" --out "$out" \
      >"$work/import-$heap.out" 2>"$work/import-$heap.err"
  fi
  code=$?
  set -e
  wall=$(grep 'Elapsed (wall clock)' "$work/import-$heap.err" | awk '{print $NF}')
  rss_kb=$(grep 'Maximum resident set size' "$work/import-$heap.err" | awk '{print $NF}')
  # "Pause Young ... 120M->30M(2048M)": the left number is the heap used when the collection began; "used 12345K" at exit.
  peak_mb=$(sed -n 's/.* \([0-9]*\)M->[0-9]*M([0-9]*M).*/\1/p' "$log" | sort -n | tail -n 1)
  exit_kb=$(grep -o 'used [0-9]*K' "$log" | head -n 1 | tr -dc '0-9')
  peak=$(awk -v gc="${peak_mb:-0}" -v exit_kb="${exit_kb:-0}" 'BEGIN { e = exit_kb / 1024; printf "%.0f MiB", (gc > e ? gc : e) }')
  rss=$(awk -v kb="$rss_kb" 'BEGIN { printf "%.2f GiB", kb / 1048576 }')
  label=$heap
  [ "$heap" = default ] && label="default ($(sed -n 's/^: "${ERNIE_HEAP:=\(.*\)}"$/\1/p' "$ernie"))"
  printf '| %s | %s | %s | %s | %s |\n' "$label" "$code" "$wall" "$peak" "$rss" >> "$table"
  if [ "$code" -ne 0 ]; then
    tail -n 5 "$work/import-$heap.err" >&2
  fi
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
section=$(cat <<MD

### BERT-large import with the launcher's heap, $(date -u +%Y-%m-%dT%H:%M:%SZ)

- command: \`bench/bert-large-import.sh\` (HEAPS="$heaps"), each import in a fresh JVM started by \`ernie-runner/bin/ernie import\`
- machine: $cpu, $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM, $(uname -s) $(uname -m); load average before: $load_before, after: $load_after
- model: BERT-large's shapes (24 layers, hidden 1024, 16 heads, FFN 4096, vocabulary 30,522, 512 positions, pooler), random weights (bench/make_bert_large.py): $(du -h "$work/bert-large/model.safetensors" | cut -f1) model.safetensors; the import writes a $(du -sh "$work/imported-$(echo "$heaps" | cut -d' ' -f1)" 2>/dev/null | cut -f1) checkpoint

$(cat "$table")
MD
)
echo "$section"
if [ "${WRITE:-yes}" != no ]; then
  echo "$section" >> "$root/docs/BENCHMARKS.md"
fi
