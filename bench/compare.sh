#!/usr/bin/env sh
# Runs ernie4j's reference step benchmark and the same model in PyTorch (bench/pytorch_reference.py) in turns, on the same
# threads, and prints and records median step time, tokens/s, peak RSS, the BLAS kernels each used and the ratio.
#
#   bench/compare.sh                 3 rounds of 20 timed steps after 5 warm-up steps, fused engine, all processors
#   ROUNDS=5 STEPS=30 bench/compare.sh
#   SAMEDIFF=1 bench/compare.sh      also one SameDiff-engine run per round (4 timed steps after 2 warm-up steps: about
#                                    6 s a step)
#   WRITE=no bench/compare.sh        print only; by default the results are appended to docs/BENCHMARKS.md
#   SHAPE=minilm bench/compare.sh    the second reference shape, all-MiniLM-L6-v2's (vocab 30522, hidden 384, 6 layers,
#                                    12 heads, FFN 1536; `ernie benchmark --shape minilm`), instead of the reference
#   ERNIE_BLAS=mkl bench/compare.sh ernie4j's products on Intel MKL (see ernie-runner/bin/ernie); PyTorch stays on OpenBLAS
#   QUIET=1 bench/compare.sh         before each run, wait (up to 10 minutes) until the processors were 90% idle for 5 s:
#                                    on a shared machine other jobs otherwise decide the figures (PyTorch's spinning
#                                    OpenMP threads suffer most)
#
# PyTorch is Debian's python3-torch (1.13, CPU) on OpenBLAS (libopenblas0-openmp); both are installed with apt-get when
# missing. OPENBLAS_CORETYPE is set for both from the CPU's flags, as ernie4j sets it for itself, so that both run the
# matrix kernels of this CPU rather than OpenBLAS's oldest ones.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
rounds=${ROUNDS:-3}
steps=${STEPS:-20}
warmup=${WARMUP:-5}
threads=${THREADS:-$(nproc)}
python=/usr/bin/python3
shape=${SHAPE:-reference}
case $shape in
  reference)
    shape_option=""; torch_shape=""
    model_line="the reference configuration (vocab 8000, hidden 256, 4 layers, 4 heads, FFN 1024, sequence 128, batch 32, masked LM 15%, AdamW, clipping, dropout 0.1, float32)" ;;
  minilm)
    shape_option="--shape minilm"; torch_shape="--hidden 384 --layers 6 --heads 12 --intermediate 1536 --vocab 30522 --positions 512"
    model_line="all-MiniLM-L6-v2's shape (vocab 30522, hidden 384, 6 layers, 12 heads, FFN 1536, 512 positions, GELU tanh form), sequence 128, batch 32, masked LM 15%, AdamW, clipping, dropout 0.1, float32" ;;
  *) echo "compare: SHAPE must be reference or minilm, not '$shape'" >&2; exit 2 ;;
esac
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

if ! "$python" -c "import torch" >/dev/null 2>&1 || [ ! -e /usr/lib/x86_64-linux-gnu/openblas-openmp/libblas.so.3 ]; then
  echo "compare: installing python3-torch and libopenblas0-openmp ..." >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-torch libopenblas0-openmp >&2
fi

if [ -z "${OPENBLAS_CORETYPE:-}" ]; then
  flags=$(grep -m1 '^flags' /proc/cpuinfo || true)
  case "$flags" in
    *avx512f*avx512dq*avx512bw*avx512vl*|*avx512f*avx512bw*avx512dq*avx512vl*) OPENBLAS_CORETYPE=SkylakeX ;;
    *avx2*) OPENBLAS_CORETYPE=Haswell ;;
  esac
  [ -n "${OPENBLAS_CORETYPE:-}" ] && export OPENBLAS_CORETYPE
fi

# A value from a line "| name | value |" of the ernie benchmark's report.
field() {
  grep -F "| $2 |" "$1" | head -n 1 | awk -F'|' '{print $3}' | sed 's/^ *//; s/ *$//'
}

# Waits until the processors were at least 90% idle over 5 seconds, at most 10 minutes; prints how idle they were.
wait_quiet() {
  [ "${QUIET:-0}" = 1 ] || return 0
  waited=0
  while :; do
    a=$(head -n 1 /proc/stat); sleep 5; b=$(head -n 1 /proc/stat)
    idle=$(printf '%s\n%s\n' "$a" "$b" | awk 'NR==1{for(i=2;i<=NF;i++)t1+=$i; i1=$5} NR==2{for(i=2;i<=NF;i++)t2+=$i; i2=$5} END{printf "%.0f", 100*(i2-i1)/(t2-t1)}')
    waited=$((waited + 5))
    if [ "$idle" -ge 90 ] || [ "$waited" -ge 600 ]; then
      echo "processors ${idle}% idle (waited ${waited} s)" >&2
      return 0
    fi
  done
}

run_ernie() { # engine round steps warmup
  # shellcheck disable=SC2086
  OPENBLAS_VERBOSE=2 "$root/ernie-runner/bin/ernie" benchmark $shape_option --engine "$1" --threads "$threads" --steps "$3" --warmup "$4" --no-labels \
    >"$work/$1-$2.md" 2>"$work/$1-$2.err"
  median=$(field "$work/$1-$2.md" "median step" | awk '{print $1}')
  tokens=$(field "$work/$1-$2.md" "tokens/s (at the median)")
  rss=$(field "$work/$1-$2.md" "peak RSS")
  core=$(grep -m1 '^Core:' "$work/$1-$2.err" | awk '{print $2}')
  # With ERNIE_BLAS=mkl, ND4J's OpenBLAS still loads and names its core, but MKL computes the products.
  if [ "${ERNIE_BLAS:-openblas}" = mkl ]; then core="Intel-MKL"; fi
  echo "$1 $2 $median $tokens $rss ${core:-unknown}" >>"$work/results"
  echo "round $2: ernie4j $1: median $median s, $tokens tokens/s, peak RSS $rss, BLAS kernels ${core:-unknown}" >&2
}

run_pytorch() { # round
  OMP_NUM_THREADS="$threads" OPENBLAS_VERBOSE=2 "$python" "$root/bench/pytorch_reference.py" --steps "$steps" --warmup "$warmup" \
    --threads "$threads" $torch_shape >"$work/pytorch-$1.json" 2>"$work/pytorch-$1.err"
  line=$("$python" -c 'import json,sys; r=json.load(open(sys.argv[1])); print("%.3f %.0f %.2f" % (r["median_step_s"], r["tokens_per_s"], r["peak_rss_bytes"]/2**30))' "$work/pytorch-$1.json")
  core=$(grep -m1 '^Core:' "$work/pytorch-$1.err" | awk '{print $2}')
  set -- "$1" $line
  echo "pytorch $1 $2 $3 $4 GiB ${core:-unknown}" >>"$work/results"
  echo "round $1: PyTorch: median $2 s, $3 tokens/s, peak RSS $4 GiB, OpenBLAS core ${core:-unknown}" >&2
}

# Build the jar before the first timed run, so that the build does not compete with PyTorch.
"$root/ernie-runner/bin/ernie" --version >/dev/null 2>&1

for round in $(seq 1 "$rounds"); do
  wait_quiet
  run_ernie fused "$round" "$steps" "$warmup"
  wait_quiet
  run_pytorch "$round"
  if [ "${SAMEDIFF:-0}" = 1 ]; then
    wait_quiet
    run_ernie samediff "$round" 4 2
  fi
done

summary=$("$python" - "$work/results" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
def summary(engine):
    mine = [r for r in rows if r[0] == engine]
    if not mine:
        return None
    return (statistics.median(float(r[2]) for r in mine), statistics.median(float(r[3]) for r in mine),
            max(float(r[4]) for r in mine), mine[0][6] if len(mine[0]) > 6 else mine[0][-1], len(mine))
fused, torch, samediff = summary("fused"), summary("pytorch"), summary("samediff")
print("| engine | runs | median step | tokens/s | peak RSS | BLAS kernels |")
print("| --- | --- | --- | --- | --- | --- |")
for name, s in (("ernie4j fused", fused), ("PyTorch", torch), ("ernie4j SameDiff", samediff)):
    if s:
        print("| %s | %d | %.3f s | %.0f | %.2f GiB | %s |" % (name, s[4], s[0], s[1], s[2], s[3]))
if fused and torch:
    print()
    print("ernie4j fused / PyTorch tokens/s: **%.2fx**" % (fused[1] / torch[1]))
PY
)

# The fused engine's own report (per-op breakdown, GFLOP/s against the sgemm peak) from its median round.
median_round=$(awk '$1 == "fused" {print $3, $2}' "$work/results" | sort -n | awk '{a[NR]=$2} END {print a[int((NR+1)/2)]}')
details=$(sed -n '/^| measure /,$p' "$work/fused-$median_round.md")

machine="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB RAM", $2/1048576}' /proc/meminfo), $(uname -sm)"
torch_version=$("$python" -c 'import torch; print(torch.__version__)')
if [ "${ERNIE_BLAS:-openblas}" = mkl ]; then
  blas_name="Intel MKL"
  blas_line="Intel MKL $(sed -n 's:.*<mkl.version>\(.*\)</mkl.version>.*:\1:p' "$root/pom.xml") (ERNIE_BLAS=mkl, preloaded by the launcher; OPENBLAS_CORETYPE then concerns PyTorch only)"
else
  blas_name="OpenBLAS"
  blas_line="the OpenBLAS 0.3.19 bundled with ND4J"
fi
report=$(cat <<MD

### ernie4j against PyTorch, $(date -u +%Y-%m-%dT%H:%M:%SZ)

- command: \`bench/compare.sh\` (${ERNIE_BLAS:+ERNIE_BLAS=$ERNIE_BLAS }SHAPE=$shape ROUNDS=$rounds STEPS=$steps WARMUP=$warmup THREADS=$threads${SAMEDIFF:+ SAMEDIFF=$SAMEDIFF}${QUIET:+ QUIET=$QUIET}), runs alternating
- machine: $machine; load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg)
- threads: $threads for both (ernie4j: $threads fused-engine workers, each with single-threaded ${blas_name}; PyTorch: torch.set_num_threads($threads), OMP_NUM_THREADS=$threads)
- OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-unset} for both; PyTorch $torch_version (Debian python3-torch) on Debian's libopenblas0-openmp; ernie4j on $blas_line
- model: $model_line

$summary

The fused engine's figures from its median round (round $median_round):

$details
MD
)
echo "$report"
if [ "${WRITE:-yes}" != no ]; then
  printf '%s\n' "$report" >>"$root/docs/BENCHMARKS.md"
  echo "appended to docs/BENCHMARKS.md" >&2
fi
