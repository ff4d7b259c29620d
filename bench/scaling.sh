#!/usr/bin/env sh
# Tokens/s and peak memory of ernie4j's fused engine and of the same model in PyTorch (bench/pytorch_reference.py) at
# sequence 128, 256 and 512 and hidden 256 and 512 (4 layers, heads hidden/64, feed-forward 4 x hidden, batch 32, masked
# LM), each configuration run once per engine in turns, every run in a fresh process (so that peak RSS is that
# configuration's), then the second reference shape, all-MiniLM-L6-v2's (vocab 30522, hidden 384, 6 layers, 12 heads,
# FFN 1536), at the same sequences. Prints a table and appends it to docs/BENCHMARKS.md.
#
#   bench/scaling.sh                      5 timed steps after 2 warm-up steps per run
#   STEPS=8 WARMUP=3 bench/scaling.sh
#   SEQUENCES="128 256" HIDDENS=256 bench/scaling.sh
#   MINILM=no bench/scaling.sh           without the MiniLM shape's rows
#   WRITE=no bench/scaling.sh            print only
#
# PyTorch is Debian's python3-torch on libopenblas0-openmp (bench/compare.sh installs both when missing).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
steps=${STEPS:-5}
warmup=${WARMUP:-2}
threads=${THREADS:-$(nproc)}
sequences=${SEQUENCES:-128 256 512}
hiddens=${HIDDENS:-256 512}
python=/usr/bin/python3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

torch=yes
if ! "$python" -c "import torch" >/dev/null 2>&1; then
  echo "scaling: PyTorch is missing (bench/compare.sh installs it); measuring ernie4j only" >&2
  torch=no
fi
if [ -z "${OPENBLAS_CORETYPE:-}" ]; then
  flags=$(grep -m1 '^flags' /proc/cpuinfo || true)
  case "$flags" in
    *avx512f*) OPENBLAS_CORETYPE=SkylakeX ;;
    *avx2*) OPENBLAS_CORETYPE=Haswell ;;
  esac
  [ -n "${OPENBLAS_CORETYPE:-}" ] && export OPENBLAS_CORETYPE
fi

field() {
  grep -F "| $2 |" "$1" | head -n 1 | awk -F'|' '{print $3}' | sed 's/^ *//; s/ *$//'
}

"$root/ernie-runner/bin/ernie" --version >/dev/null 2>&1

rows=""
# One configuration: ernie4j's fused engine, then PyTorch; appends a row. $1 the row's label, $2 the sequence, then
# ernie4j's shape options, "--", PyTorch's.
measure() {
  label=$1 sequence=$2
  shift 2
  ernie_options=""
  while [ "$1" != "--" ]; do ernie_options="$ernie_options $1"; shift; done
  shift
  out="$work/ernie-$label-$sequence.md"
  # shellcheck disable=SC2086
  ERNIE_HEAP=${ERNIE_HEAP:-4g} ERNIE_OFFHEAP=${ERNIE_OFFHEAP:-12g} ERNIE_PHYSICAL=${ERNIE_PHYSICAL:-16g} \
    "$root/ernie-runner/bin/ernie" benchmark --engine fused --threads "$threads" --steps "$steps" --warmup "$warmup" \
    $ernie_options --sequence "$sequence" --no-labels --data-steps 0 >"$out" 2>"$work/ernie.err"
  e_step=$(field "$out" "median step" | awk '{print $1}')
  e_tokens=$(field "$out" "tokens/s (at the median)")
  e_rss=$(field "$out" "peak RSS")
  t_step="-"; t_tokens="-"; t_rss="-"; ratio="-"
  if [ "$torch" = yes ]; then
    OMP_NUM_THREADS="$threads" "$python" "$root/bench/pytorch_reference.py" --steps "$steps" --warmup "$warmup" --threads "$threads" \
      --sequence "$sequence" "$@" >"$work/torch.json" 2>"$work/torch.err"
    set -- $("$python" -c 'import json,sys; r=json.load(open(sys.argv[1])); print("%.3f %.0f %.2f" % (r["median_step_s"], r["tokens_per_s"], r["peak_rss_bytes"]/2**30))' "$work/torch.json")
    t_step=$1; t_tokens=$2; t_rss="$3 GiB"
    ratio=$(awk -v a="$e_tokens" -v b="$t_tokens" 'BEGIN {printf "%.2fx", a / b}')
  fi
  row="| $label | $sequence | $e_step s | $e_tokens | $e_rss | $t_step s | $t_tokens | $t_rss | $ratio |"
  echo "$row" >&2
  rows="$rows
$row"
}

for hidden in $hiddens; do
  for sequence in $sequences; do
    measure "$hidden" "$sequence" --hidden "$hidden" -- --hidden "$hidden"
  done
done
if [ "${MINILM:-yes}" != no ]; then
  for sequence in $sequences; do
    measure "384 (MiniLM)" "$sequence" --shape minilm -- --hidden 384 --layers 6 --heads 12 --intermediate 1536 --vocab 30522 --positions 512
  done
fi

machine="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB RAM", $2/1048576}' /proc/meminfo), $(uname -sm)"
report=$(cat <<MD

### Scaling with width and input length, $(date -u +%Y-%m-%dT%H:%M:%SZ)

- command: \`bench/scaling.sh\` (STEPS=$steps WARMUP=$warmup THREADS=$threads SEQUENCES="$sequences" HIDDENS="$hiddens"${MINILM:+ MINILM=$MINILM}), each configuration: ernie4j then PyTorch, each in a fresh process
- machine: $machine; load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg)
- model: vocab 8000, 4 layers, heads hidden/64, feed-forward 4 x hidden (rows "384 (MiniLM)": all-MiniLM-L6-v2's shape, vocab 30522, 6 layers, 12 heads, FFN 1536), batch 32, masked LM 15%, AdamW, float32; ernie4j's fused engine on $threads threads, PyTorch on $threads threads; OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-unset}

| hidden | sequence | ernie4j median step | ernie4j tokens/s | ernie4j peak RSS | PyTorch median step | PyTorch tokens/s | PyTorch peak RSS | ernie4j / PyTorch |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |$rows
MD
)
echo "$report"
if [ "${WRITE:-yes}" != no ]; then
  printf '%s\n' "$report" >>"$root/docs/BENCHMARKS.md"
  echo "appended to docs/BENCHMARKS.md" >&2
fi
