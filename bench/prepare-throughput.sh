#!/usr/bin/env sh
# Preparation throughput (issue 23): `ernie prepare` of the State of the Union addresses on this machine with
# corpus.threads 1 and 2, and with `--spark local[2]` (two Spark worker threads in the same JVM), each in a fresh JVM
# started by the launcher. Reports wall time and tokens per second (the manifest's tokens over the whole command's wall
# time: JVM start, reading and fingerprinting the input, counting words, training the vocabulary, annotating, writing;
# for Spark also starting the context), checks that the Spark run wrote the same files as the local ones, prints a table
# and appends it to docs/BENCHMARKS.md.
#
#   bench/prepare-throughput.sh
#   CORPUS=/path/to/texts RUNS="local-1 spark-2" WORK=/var/tmp/elsewhere WRITE=no bench/prepare-throughput.sh
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=${CORPUS:-/work/shared/data/sotu}
work=${WORK:-/var/tmp/ernie-prepare-throughput}
runs=${RUNS:-local-1 local-2 spark-2}
ernie="$root/ernie-runner/bin/ernie"
mkdir -p "$work"
# Builds the jar first when the sources changed, so that the times below are the preparation's.
"$ernie" --help >/dev/null
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
table="$work/table.md"
printf '| preparation | wall time | documents | tokens | tokens/s | files as local, 1 thread |\n| --- | --- | --- | --- | --- | --- |\n' > "$table"
for run in $runs; do
  kind=${run%-*}
  threads=${run#*-}
  config="$work/$run.yaml"
  printf 'corpus:\n  path: %s\n  threads: %s\nvocabulary:\n  size: 8000\n' "$corpus" "$threads" > "$config"
  prepared="$work/prepared-$run"
  rm -rf "$prepared" "$work/run-$run"
  if [ "$kind" = spark ]; then
    label="\`--spark local[$threads]\` ($((2 * threads)) partitions)"
    set -- prepare --spark "local[$threads]"
  else
    label="local, corpus.threads $threads"
    set -- prepare
  fi
  start=$(date +%s.%N)
  "$ernie" "$@" --config "$config" --prepared "$prepared" --run-dir "$work/run-$run" >"$work/$run.out" 2>"$work/$run.err" || {
    tail -n 5 "$work/$run.err" >&2
    exit 1
  }
  end=$(date +%s.%N)
  stats=$(python3 -c "import json,sys; s=json.load(open(sys.argv[1]))['stats']; print(s['documents'], s['tokens'])" "$prepared/manifest.json")
  documents=${stats% *}
  tokens=${stats#* }
  same="-"
  if [ "$run" != local-1 ] && [ -d "$work/prepared-local-1" ]; then
    same=yes
    for file in "$work/prepared-local-1"/*; do
      cmp -s "$file" "$prepared/$(basename "$file")" || same=no
    done
  fi
  awk -v s="$start" -v e="$end" -v label="$label" -v d="$documents" -v t="$tokens" -v same="$same" 'BEGIN {
    w = e - s; printf "| %s | %.1f s | %d | %d | %.0f | %s |\n", label, w, d, t, t / w, same }' >> "$table"
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
memory=$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)
section=$(cat <<MD

### Preparation throughput, $(date -u +%Y-%m-%dT%H:%M:%SZ)

- command: \`bench/prepare-throughput.sh\` (RUNS="$runs", CORPUS=$corpus), each preparation a fresh JVM started by \`ernie-runner/bin/ernie prepare\` with a vocabulary of 8,000 pieces
- machine: $cpu, $(nproc) cores, $memory RAM, $(uname -sm); load average before: $load_before, after: $load_after
- tokens/s: the manifest's tokens over the whole command's wall time (JVM start, input fingerprint, word counts, vocabulary, annotation, shards; for Spark also the context)

$(cat "$table")
MD
)
printf '%s\n' "$section"
if [ "${WRITE:-yes}" = yes ]; then
  printf '%s\n' "$section" >> "$root/docs/BENCHMARKS.md"
  echo "appended to $root/docs/BENCHMARKS.md" >&2
fi
