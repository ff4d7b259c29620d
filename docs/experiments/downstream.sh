#!/usr/bin/env sh
# The downstream table of docs/RESULTS.md: fine-tunes (a) a randomly initialised encoder, (b) the masked-LM-only
# encoder and (c) the ERNIE 2.0 encoder (seven tasks, continual) on the sotu-party and spam datasets with several seeds,
# and prints test accuracy and macro-F1 as mean and standard deviation over the seeds. Every encoder has the same shape,
# vocabulary and pre-training step budget; see docs/RESULTS.md for the commands that make the pre-trained runs and data.
#
#   docs/experiments/downstream.sh                       seeds 1 2 3, both datasets
#   SEEDS="1 2" DATASETS=spam docs/experiments/downstream.sh
#   ERNIE=path/to/launcher docs/experiments/downstream.sh
#
# To fit a two-core machine, fine-tuning reads every 4th passage of sotu-party's train and dev files and every 2nd mail
# of spam's train file (fixed subsets, the same for every encoder and seed; KEEP_EVERY=1 uses everything); test sets are
# whole. A fine-tuning whose metrics.json exists is not repeated, so an interrupted table resumes.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
ernie=${ERNIE:-ernie-runner/bin/ernie}
seeds=${SEEDS:-1 2 3}
datasets=${DATASETS:-sotu-party spam}
experiments=runs/experiments
ernie_run=$experiments/compare/continual
masked_run=$experiments/masked-lm-only
for required in "$ernie_run" "$masked_run"; do
  [ -d "$required/checkpoints" ] || { echo "downstream: $required has no checkpoints; pre-train it first (docs/RESULTS.md)" >&2; exit 2; }
done

for dataset in $datasets; do
  [ -f "$experiments/$dataset/train.tsv" ] || { echo "downstream: $experiments/$dataset/train.tsv is missing; build it with ernie data (docs/RESULTS.md)" >&2; exit 2; }
  case $dataset in
    sotu-party) every=${KEEP_EVERY:-4}; dev_every=$every ;;
    *) every=${KEEP_EVERY:-2}; dev_every=1 ;;
  esac
  subset=$experiments/finetune/data-$dataset
  mkdir -p "$subset"
  awk -v k="$every" '(NR - 1) % k == 0' "$experiments/$dataset/train.tsv" >"$subset/train.tsv"
  awk -v k="$dev_every" '(NR - 1) % k == 0' "$experiments/$dataset/dev.tsv" >"$subset/dev.tsv"
  cp "$experiments/$dataset/test.tsv" "$subset/test.tsv"
  for model in random masked-lm ernie; do
    case $model in
      random) source=$ernie_run; initialize=random ;;
      masked-lm) source=$masked_run; initialize=pretrained ;;
      ernie) source=$ernie_run; initialize=pretrained ;;
    esac
    for seed in $seeds; do
      out=$experiments/finetune/$dataset-$model-$seed
      [ -f "$out/metrics.json" ] && continue
      mkdir -p "$out"
      cat >"$out/finetune.yaml" <<YAML
model: $source
initialize: $initialize
data:
  kind: sequence
  train: $subset/train.tsv
  dev: $subset/dev.tsv
  test: $subset/test.tsv
training:
  seed: $seed
  epochs: 3
  batch-size: 16
  max-length: 128
  learning-rate: 1.0e-4
  patience: 1
  metric: macro-f1
output: $out
YAML
      echo "downstream: $dataset $model seed $seed" >&2
      "$ernie" finetune --config "$out/finetune.yaml" >"$out/finetune.log" 2>&1 || { echo "downstream: failed, see $out/finetune.log" >&2; exit 1; }
    done
  done
done

python3 - "$experiments/finetune" "$datasets" "$seeds" <<'PY'
import json, os, statistics, sys
base, datasets, seeds = sys.argv[1], sys.argv[2].split(), sys.argv[3].split()
names = {"random": "(a) no pre-training (random init)", "masked-lm": "(b) masked-LM only", "ernie": "(c) ERNIE 2.0, 7 tasks, continual"}
print("| dataset | encoder | seeds | test accuracy | test macro-F1 | best epochs |")
print("| --- | --- | --- | --- | --- | --- |")
for dataset in datasets:
    for model in ("random", "masked-lm", "ernie"):
        runs = [json.load(open(os.path.join(base, f"{dataset}-{model}-{seed}", "metrics.json"))) for seed in seeds]
        accuracy = [r["test"]["accuracy"] for r in runs]
        f1 = [r["test"]["macro_f1"] for r in runs]
        spread = lambda values: statistics.stdev(values) if len(values) > 1 else 0.0
        print(f"| {dataset} | {names[model]} | {len(runs)} | {statistics.mean(accuracy):.4f} ± {spread(accuracy):.4f} "
              f"| {statistics.mean(f1):.4f} ± {spread(f1):.4f} | {', '.join(str(r['best_epoch']) for r in runs)} |")
PY
