#!/usr/bin/env sh
# What averaging parameters every K steps costs and buys on real text: a pre-training run (by default
# docs/experiments/spark-averaging.yaml: the demo's model and corpus of State of the Union addresses, three tasks, 900
# steps, held-out evaluation at every stage end) trained on one machine, then on a local Spark with gradients averaged
# every step (K = 1) and with parameters averaged every K steps, one after the other on the same prepared corpus. Prints
# the final held-out accuracy and loss of every task and the wall time of each run, and appends them to
# docs/BENCHMARKS.md.
#
#   bench/spark-averaging.sh                 K = 1, 4, 16 on local[2]
#   KS="1 8" MASTER='local[2]' bench/spark-averaging.sh
#   CONFIG=run.yaml bench/spark-averaging.sh another run configuration
#   WRITE=no bench/spark-averaging.sh        print only
#   ERNIE=/path/to/launcher bench/spark-averaging.sh   another launcher (a frozen jar, say)
#
# The runs go to runs/spark-averaging (kept, so that `ernie report` can show their curves).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
ernie=${ERNIE:-$root/ernie-runner/bin/ernie}
master=${MASTER:-local[2]}
ks=${KS:-1 4 16}
config=${CONFIG:-$root/docs/experiments/spark-averaging.yaml}
out=$root/runs/spark-averaging
python=/usr/bin/python3
mkdir -p "$out"

seconds() {
  # Wall time of one pretrain run, in seconds.
  started=$(date +%s.%N)
  "$@" > "$out/last.log" 2>&1 || { cat "$out/last.log" >&2; exit 1; }
  awk "BEGIN { print $(date +%s.%N) - $started }"
}

"$ernie" prepare --config "$config" --run-dir "$out/single" --prepared "$out/prepared" > /dev/null 2>&1
runs="single"
echo "single machine ..." >&2
echo "single $(seconds "$ernie" pretrain --config "$config" --fresh --run-dir "$out/single" --prepared "$out/prepared")" > "$out/times"
for k in $ks; do
  echo "Spark $master, K = $k ..." >&2
  echo "k$k $(seconds "$ernie" pretrain --config "$config" --fresh --spark "$master" --spark-average-every "$k" --run-dir "$out/k$k" --prepared "$out/prepared")" >> "$out/times"
  runs="$runs k$k"
done

report=$("$python" - "$out" "$master" "$config" $runs <<'EOF'
import json, sys, datetime, platform, os
out, master, config, runs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
times = dict(line.split() for line in open(os.path.join(out, "times")))
def final(run):
    rows = [json.loads(line) for line in open(os.path.join(out, run, "evaluations.jsonl"))]
    last = max(row["step"] for row in rows)
    return {row["task"]: row for row in rows if row["step"] == last}, last
def label(run):
    return "single machine" if run == "single" else f"Spark {master}, K = {run[1:]}"
results = {run: final(run) for run in runs}
tasks = list(results[runs[0]][0])
lines = [f"\n### Parameter averaging on the demo run, {datetime.datetime.now(datetime.timezone.utc).isoformat(timespec='seconds')}\n",
         f"- command: `bench/spark-averaging.sh` (MASTER={master}, KS=\"{' '.join(r[1:] for r in runs[1:])}\")",
         f"- machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, Linux; load average before: {open('/proc/loadavg').read().split()[0]}",
         f"- run: `{os.path.relpath(config, os.path.dirname(os.path.dirname(out)))}` on the continual schedule, one prepared corpus for all runs; the final held-out"
         f" evaluation (step {results[runs[0]][1]}); wall time of the whole `pretrain` command (JVM and Spark start included)\n",
         "| run | wall time | " + " | ".join(f"{task} accuracy / loss" for task in tasks) + " | mean accuracy |",
         "| --- | --- | " + " | ".join("---" for _ in tasks) + " | --- |"]
for run in runs:
    rows = results[run][0]
    mean = sum(rows[task]["accuracy"] for task in tasks) / len(tasks)
    cells = " | ".join(f"{rows[task]['accuracy']:.3f} / {rows[task]['loss']:.3f}" for task in tasks)
    lines.append(f"| {label(run)} | {float(times[run]):.0f} s | {cells} | {mean:.3f} |")
print("\n".join(lines))
EOF
)
echo "$report"
if [ "${WRITE:-yes}" != no ]; then
  echo "$report" >> "$root/docs/BENCHMARKS.md"
  echo "appended to docs/BENCHMARKS.md" >&2
fi
