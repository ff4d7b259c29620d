#!/usr/bin/env sh
# Issue 20's experiment, resumable: builds the datasets, pre-trains every arm keeping its checkpoints at a quarter, a half
# and all of its budget, fine-tunes each kept checkpoint on each dataset with every seed, and prints the table from the
# finished fine-tunings only. docs/experiments/issue-20/PLAN.md fixes the arms, budgets and metrics; ESTIMATE.md says
# how long it takes. Run it again after any interruption: every step whose result exists is skipped.
#
#   docs/experiments/issue-20/run.sh                  everything (days of machine time: see ESTIMATE.md)
#   STAGE=data docs/experiments/issue-20/run.sh       only the datasets; also STAGE=pretrain, finetune, baseline, probe, table
#   ARMS="b-masked-lm c-ernie-continual" SEEDS="1 2" DATASETS=same-address docs/experiments/issue-20/run.sh
#   JOBS=2 docs/experiments/issue-20/run.sh           two fine-tunings side by side, each JVM on half the processors
#
# Settings (environment): WORK (default /var/tmp/ernie-issue20: outside the checkout), SOTU, SPAM_ASSASSIN (the shared
# corpora), ERNIE (the launcher: it must pass ERNIE_JAVA_OPTS to java), JOBS (default 1: fine-tunings at once), ARMS, REFERENCE (default b-masked-lm), SEEDS (default 1 2 3 4 5), DATASETS,
# EPOCHS (default 20), PATIENCE (default 2), WARMUP (default 0.1: PLAN.md's protocol), LEARNING_RATE (default 1.0e-4), KEEP_MODELS (default 0:
# a fine-tuned model's best/ is deleted once its metrics are written; 1 keeps it), IMPORTED (an `ernie import` directory,
# for arms f-* and configurations that say `initialize-from: IMPORTED_MODEL`). For a smoke test of the script itself:
# CONFIGS (a folder of small arm configurations instead of this one) and CORPUS (another pre-training corpus).
#
# Arms: an arm with a configuration ARM.yaml in this folder is pre-trained from it in WORK/pretrain/ARM. a-none is
# fine-tuned from random weights of the same shape and vocabulary (initialize: random); f-* fine-tunes IMPORTED as it is.
# Those two kinds have no checkpoint fractions: their runs are filed under "none" and the table shows them at every
# fraction.
#
# Layout: WORK/data/DATASET (ernie data), WORK/data/pretraining-corpus (the State of the Union without sotu-party's
# test addresses), WORK/prepared (the one prepared corpus and vocabulary of every arm), WORK/pretrain/ARM (run
# directory; kept/quarter, kept/half, kept/all are copies of the checkpoints at those steps, which later checkpoints can
# no longer delete), WORK/finetune/DATASET/FRACTION/ARM/seed-N (finetune.yaml, finetune.log, metrics.json), WORK/table.md.
# A fine-tuning runs in .seed-N.partial and is renamed to seed-N only when `ernie finetune` succeeded, so an
# interrupted one is never counted and is redone from the start. With JOBS above 1, each fine-tuning is claimed by a lock
# (flock on .seed-N.lock, released by the kernel when its holder dies), so the workers never take the same one.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
ernie=${ERNIE:-$root/ernie-runner/bin/ernie}
work=${WORK:-/var/tmp/ernie-issue20}
sotu=${SOTU:-$root/../shared/data/sotu}
spam_assassin=${SPAM_ASSASSIN:-$root/../shared/data/spam-assassin}
arms=${ARMS:-a-none b-masked-lm c-ernie-continual d-ernie-continual-mlm e-multi-task}
reference=${REFERENCE:-b-masked-lm}
seeds=${SEEDS:-1 2 3 4 5}
datasets=${DATASETS:-sotu-party spam same-address recase}
stage=${STAGE:-all}
jobs=${JOBS:-1}
configs=${CONFIGS:-$here}
finished=${FINISHED:-$here/finished}
baseline_records=${BASELINE_RECORDS:-$here/baseline}
probe_records=${PROBE_RECORDS:-$here/probe}
corpus=${CORPUS:-$work/data/pretraining-corpus}
fractions="quarter half all"

say() { echo "issue-20: $*" >&2; }
fail() { say "$*"; exit 1; }
wants() { [ "$stage" = all ] || [ "$stage" = "$1" ]; }

build_data() {
  mkdir -p "$work/data"
  for dataset in sotu-party $datasets; do
    out=$work/data/$dataset
    [ -f "$out/dataset.json" ] && continue
    say "building $dataset"
    case $dataset in
      sotu-party) "$ernie" data sotu-party --sotu "$sotu" --out "$out.partial" --pretraining-corpus "$work/data/pretraining-corpus.partial" ;;
      same-address) "$ernie" data same-address --sotu "$sotu" --out "$out.partial" ;;
      recase) "$ernie" data recase --sotu "$sotu" --out "$out.partial" ;;
      spam) "$ernie" data spam --spam-assassin "$spam_assassin" --out "$out.partial" ;;
      *) fail "no dataset '$dataset' (sotu-party, spam, same-address, recase)" ;;
    esac
    if [ "$dataset" = sotu-party ]; then
      rm -rf "$work/data/pretraining-corpus"
      mv "$work/data/pretraining-corpus.partial" "$work/data/pretraining-corpus"
    fi
    rm -rf "$out"
    mv "$out.partial" "$out"
  done
}

# The configuration an arm trains with: IMPORTED_MODEL replaced by $IMPORTED.
arm_config() {
  config=$configs/$1.yaml
  if grep -q IMPORTED_MODEL "$config"; then
    [ -n "${IMPORTED:-}" ] || fail "$1.yaml starts from IMPORTED_MODEL: set IMPORTED to an ernie import directory"
    mkdir -p "$work/configs"
    sed "s#IMPORTED_MODEL#$IMPORTED#g" "$config" >"$work/configs/$1.yaml"
    config=$work/configs/$1.yaml
  fi
  echo "$config"
}

# An imported model brings its own vocabulary, so its arms share a prepared corpus of their own.
prepared_for() {
  if grep -q "initialize-from" "$1"; then echo "$work/prepared-imported"; else echo "$work/prepared"; fi
}

# Total steps of a configuration, from the last line of its stage table ("... FIRST-LAST").
budget() {
  table=$("$ernie" schedule --config "$1" 2>&1) || fail "ernie schedule --config $1 failed: $table"
  echo "$table" | awk 'END { split($NF, range, "-"); print range[2] + 1 }'
}

newest_step() {
  ls "$1/checkpoints" 2>/dev/null | sed -n 's/^step-0*\([0-9][0-9]*\)$/\1/p' | sort -n | tail -n 1
}

pretrain_arm() {
  arm=$1
  config=$(arm_config "$arm")
  run=$work/pretrain/$arm
  total=$(budget "$config")
  [ "$total" -gt 0 ] || fail "$arm: \`ernie schedule\` gave no budget"
  mkdir -p "$run/kept"
  for fraction in $fractions; do
    # PLAN.md: the first step at or after the fraction (22,001 steps: 5,501, 11,001 and 22,001); --max-steps ends the
    # segment there with a checkpoint.
    case $fraction in
      quarter) step=$(((total + 3) / 4)) ;;
      half) step=$(((total + 1) / 2)) ;;
      all) step=$total ;;
    esac
    [ -f "$run/kept/$fraction/manifest.json" ] && continue
    current=$(newest_step "$run")
    current=${current:-0}
    if [ "$current" -lt "$step" ]; then
      say "$arm: pre-training from step $current to $step of $total"
      "$ernie" pretrain --config "$config" --run-dir "$run" --corpus "$corpus" --prepared "$(prepared_for "$config")" \
        --max-steps $((step - current)) >>"$run/pretrain.log" 2>&1 || fail "$arm: pre-training failed, see $run/pretrain.log"
      current=$(newest_step "$run")
      # Stopped by a signal before the step: the next run of this script goes on from that checkpoint.
      [ "$current" -ge "$step" ] || fail "$arm: pre-training stopped at step $current before $step; run again to continue"
    fi
    checkpoint=$run/checkpoints/$(printf 'step-%08d' "$step")
    [ -f "$checkpoint/manifest.json" ] || fail "$arm: no checkpoint at step $step (was the run trained past it outside this script?)"
    rm -rf "$run/kept/.$fraction.partial"
    cp -R "$checkpoint" "$run/kept/.$fraction.partial"
    mv "$run/kept/.$fraction.partial" "$run/kept/$fraction"
    say "$arm: kept the checkpoint of step $step as $fraction"
  done
}

# What a fine-tuning starts from, as one SHA-256: the weights and vocabulary of a checkpoint (its optimizer state and
# manifest play no part in fine-tuning), or every file of another model directory.
fingerprint() {
  if [ -f "$1/parameters.bin" ] && [ -f "$1/vocab.txt" ]; then
    cat "$1/parameters.bin" "$1/vocab.txt" | sha256sum | cut -c1-64
  else
    find "$1" -type f | LC_ALL=C sort | xargs cat | sha256sum | cut -c1-64
  fi
}

# A finished fine-tuning's record in FINISHED (by default finished/ beside this script, so in the checkout, where it can
# be committed): its metrics.json and finetune.yaml, and checkpoint.sha256, the fingerprint of the model it started
# from. Run directories live on one machine; records travel with the repository.
record_result() {
  out=$1 record=$2 model=$3
  sum=$(fingerprint "$model")
  [ -f "$record/metrics.json" ] && [ "$(cat "$record/checkpoint.sha256")" = "$sum" ] && return 0
  mkdir -p "$(dirname "$record")"
  # Two workers may record the same run at once: each writes its own copy, and the first rename wins.
  copy=$(mktemp -d "$record.XXXXXX")
  cp "$out/metrics.json" "$out/finetune.yaml" "$copy/"
  echo "$sum" >"$copy/checkpoint.sha256"
  chmod 755 "$copy"
  rm -rf "$record"
  mv -T "$copy" "$record" 2>/dev/null || rm -rf "$copy"
}

# A recorded result is taken instead of a run only when it started from a model with the same fingerprint: a checkpoint
# pre-trained again on another machine that differs in a single bit gets every fine-tuning run again, so a cell never
# mixes seeds fine-tuned from different checkpoints.
restore_result() {
  record=$1 model=$2 partial=$3 out=$4
  [ -f "$record/metrics.json" ] || return 1
  if [ "$(cat "$record/checkpoint.sha256")" != "$(fingerprint "$model")" ]; then
    say "$record was fine-tuned from another checkpoint than $model: fine-tuning again"
    return 1
  fi
  rm -rf "$partial"
  mkdir -p "$partial"
  cp "$record/metrics.json" "$record/checkpoint.sha256" "$record/finetune.yaml" "$partial/"
  echo "restored from $record" >"$partial/finetune.log"
  mv "$partial" "$out"
  say "restored $out from its record"
}

# A fine-tuning configuration under PLAN.md's protocol: write_finetune_config FILE MODEL INITIALIZE DATASET SEED OUTPUT.
write_finetune_config() {
  case $4 in
    recase) kind=token ;;
    *) kind=sequence ;;
  esac
  cat >"$1" <<YAML
model: $2
initialize: $3
data:
  kind: $kind
  train: $work/data/$4/train.tsv
  dev: $work/data/$4/dev.tsv
  test: $work/data/$4/test.tsv
  outside-label: lower
training:
  seed: $5
  epochs: ${EPOCHS:-20}
  batch-size: 16
  max-length: 128
  learning-rate: ${LEARNING_RATE:-1.0e-4}
  warmup-fraction: ${WARMUP:-0.1}
  patience: ${PATIENCE:-2}
  metric: macro-f1
output: $6
YAML
}

finetune_one() {
  dataset=$1 fraction=$2 arm=$3 seed=$4 model=$5 initialize=$6
  directory=$work/finetune/$dataset/$fraction/$arm
  out=$directory/seed-$seed
  record=$finished/$dataset/$fraction/$arm/seed-$seed
  if [ -d "$out" ]; then
    record_result "$out" "$record" "$model"
    return 0
  fi
  mkdir -p "$directory"
  if [ "$jobs" -gt 1 ]; then
    # Another worker holds it, or has just finished it (so look again once the lock is ours).
    exec 9>"$directory/.seed-$seed.lock"
    flock -n 9 || { exec 9>&-; return 0; }
    [ -d "$out" ] && { exec 9>&-; return 0; }
  fi
  partial=$directory/.seed-$seed.partial
  if restore_result "$record" "$model" "$partial" "$out"; then
    [ "$jobs" -gt 1 ] && exec 9>&-
    return 0
  fi
  rm -rf "$partial"
  mkdir -p "$partial"
  write_finetune_config "$partial/finetune.yaml" "$model" "$initialize" "$dataset" "$seed" "$partial"
  say "fine-tuning $dataset / $fraction / $arm / seed $seed"
  "$ernie" finetune --config "$partial/finetune.yaml" >"$partial/finetune.log" 2>&1 || fail "fine-tuning failed, see $partial/finetune.log"
  [ -f "$partial/metrics.json" ] || fail "fine-tuning wrote no metrics, see $partial/finetune.log"
  [ "${KEEP_MODELS:-0}" = 1 ] || rm -rf "$partial/best"
  sed -i "s#$partial#$out#g" "$partial/finetune.yaml"
  mv "$partial" "$out"
  record_result "$out" "$record" "$model"
  [ "$jobs" -gt 1 ] && exec 9>&-
  return 0
}

# The whole budget's checkpoints first, on every dataset (the comparison the table is for), then the quarter and half
# ones (the trend): should the experiment stop early, what is finished answers the main question first.
finetune_all() {
  finetune_pass first all
  finetune_pass later "quarter half"
}

finetune_pass() {
  pass=$1 pass_fractions=$2
  for dataset in $datasets; do
    [ -f "$work/data/$dataset/dataset.json" ] || fail "$work/data/$dataset is missing: run STAGE=data first"
    for arm in $arms; do
      for seed in $seeds; do
        case $arm in
          a-none)
            [ "$pass" = first ] || continue
            # Random weights need only a shape and a vocabulary: the reference arm's first kept checkpoint has both.
            source=$work/pretrain/$reference/kept/quarter
            [ -f "$source/manifest.json" ] || { say "a-none waits for $reference's quarter checkpoint"; continue; }
            finetune_one "$dataset" none "$arm" "$seed" "$source" random ;;
          f-*)
            [ "$pass" = first ] || continue
            [ -n "${IMPORTED:-}" ] || fail "$arm fine-tunes IMPORTED as it is: set IMPORTED"
            finetune_one "$dataset" none "$arm" "$seed" "$IMPORTED" pretrained ;;
          *)
            for wanted in $pass_fractions; do
              source=$work/pretrain/$arm/kept/$wanted
              # A fraction not yet pre-trained is left for a later run; the table shows it as missing.
              [ -f "$source/manifest.json" ] || continue
              finetune_one "$dataset" "$wanted" "$arm" "$seed" "$source" pretrained
            done ;;
        esac
      done
    done
  done
}

if wants data; then
  build_data
fi
if wants pretrain; then
  for arm in $arms; do
    case $arm in
      a-none|f-*) ;;
      *) [ -f "$configs/$arm.yaml" ] || fail "no configuration $configs/$arm.yaml for arm $arm"; pretrain_arm "$arm" ;;
    esac
  done
fi
# JOBS workers walk the same list; each JVM gets an equal share of the processors (fine-tuning on the fused engine gives
# the same figures on any number of threads: its reductions do not depend on the split).
finetune_in_parallel() {
  command -v flock >/dev/null || fail "JOBS=$jobs needs flock(1) (util-linux) to share out the fine-tunings"
  share=$(($(nproc) / jobs))
  [ "$share" -ge 1 ] || share=1
  export ERNIE_JAVA_OPTS="${ERNIE_JAVA_OPTS:-} -XX:ActiveProcessorCount=$share"
  pids=
  worker=1
  while [ "$worker" -le "$jobs" ]; do
    finetune_all &
    pids="$pids $!"
    worker=$((worker + 1))
  done
  failed=0
  for pid in $pids; do
    wait "$pid" || failed=1
  done
  [ "$failed" = 0 ] || fail "a fine-tuning worker failed (see the lines above)"
}

if wants finetune; then
  if [ "$jobs" -gt 1 ]; then finetune_in_parallel; else finetune_all; fi
fi
# The lexical baseline (added after the runs, PLAN.md's "Changes" of 2026-12-05): `ernie baseline` under the same
# protocol, data and seeds, no encoder, filed under "none" in WORK/baseline: arm "lexical" reads the words the arms'
# encoders read (the vocabulary every arm shares, 128 pieces), "lexical-whole" every word. Seconds to a minute each.
# Its records (metrics.json, baseline.yaml) go to baseline/ beside this script, so that its table too can be rebuilt from
# the repository alone.
baseline_all() {
  vocabulary_model=$work/pretrain/$reference/kept/all
  [ -d "$vocabulary_model" ] || fail "the lexical baseline reads as $vocabulary_model reads: pre-train $reference first"
  for dataset in $datasets; do
    for variant in lexical lexical-whole; do
      for seed in $seeds; do
        baseline_one "$dataset" "$variant" "$seed"
      done
    done
  done
}

baseline_one() {
  dataset=$1 variant=$2 seed=$3
  directory=$work/baseline/$dataset/none/$variant
  out=$directory/seed-$seed
  if [ ! -d "$out" ]; then
    partial=$directory/.seed-$seed.partial
    rm -rf "$partial"
    mkdir -p "$partial"
    write_finetune_config "$partial/baseline.yaml" "$vocabulary_model" random "$dataset" "$seed" "$out"
    case $variant in
      lexical) reading=--as-the-model-reads ;;
      *) reading= ;;
    esac
    say "$variant baseline $dataset / seed $seed"
    "$ernie" baseline --config "$partial/baseline.yaml" $reading --output "$partial" >"$partial/baseline.log" 2>&1 \
      || fail "the lexical baseline failed, see $partial/baseline.log"
    mv "$partial" "$out"
  fi
  record=$baseline_records/$dataset/none/$variant/seed-$seed
  mkdir -p "$record"
  cp "$out/metrics.json" "$out/baseline.yaml" "$record/"
}

# The frozen-encoder probe (added with the baseline, PLAN.md's "Changes" of 2026-12-05): `ernie baseline --features
# frozen-encoder`, the same linear classifier on each arm's encoder as pre-training left it (the whole budget's
# checkpoint; a-none: fresh weights drawn from the seed, as its fine-tuning starts), on the sequence datasets. Filed in
# WORK/probe/DATASET/FRACTION/ARM/seed-N, records in probe/ beside this script.
probe_all() {
  for dataset in $datasets; do
    [ "$dataset" = recase ] && continue
    for arm in $arms; do
      case $arm in
        a-none) probe_arm "$dataset" "$arm" none "$work/pretrain/$reference/kept/all" random ;;
        f-*) ;;
        *) probe_arm "$dataset" "$arm" all "$work/pretrain/$arm/kept/all" pretrained ;;
      esac
    done
  done
}

# One JVM per dataset and arm for the seeds not yet probed (a pre-trained encoder then encodes each text once).
probe_arm() {
  dataset=$1 arm=$2 fraction=$3 model=$4 initialize=$5
  [ -d "$model" ] || fail "no checkpoint $model to probe: pre-train $arm first"
  directory=$work/probe/$dataset/$fraction/$arm
  missing=
  for seed in $seeds; do
    [ -d "$directory/seed-$seed" ] || missing="$missing $seed"
  done
  if [ -n "$missing" ]; then
    partial=$directory/.partial
    rm -rf "$partial"
    mkdir -p "$partial"
    say "frozen-encoder probe $dataset / $arm / seeds$missing"
    write_finetune_config "$partial/probe.yaml" "$model" "$initialize" "$dataset" 0 "$partial"
    "$ernie" baseline --config "$partial/probe.yaml" --features frozen-encoder --seeds "$(echo $missing | tr ' ' ',')" --output "$partial" \
      >"$partial/probe.log" 2>&1 || fail "the frozen-encoder probe failed, see $partial/probe.log"
    for seed in $missing; do
      sed "s#^  seed: 0\$#  seed: $seed#; s#^output: .*#output: $directory/seed-$seed#" "$partial/probe.yaml" >"$partial/seed-$seed/probe.yaml"
      cp "$partial/probe.log" "$partial/seed-$seed/probe.log"
      mv "$partial/seed-$seed" "$directory/seed-$seed"
    done
    rm -rf "$partial"
  fi
  for seed in $seeds; do
    record=$probe_records/$dataset/$fraction/$arm/seed-$seed
    mkdir -p "$record"
    cp "$directory/seed-$seed/metrics.json" "$directory/seed-$seed/probe.yaml" "$record/"
  done
}

if wants probe; then
  probe_all
fi
if wants baseline; then
  baseline_all
fi
if wants table; then
  "$ernie" downstream-table --results "$work/finetune" --datasets "$(echo $datasets | tr ' ' ',')" --arms "$(echo $arms | tr ' ' ',')" \
    --reference "$reference" --seeds "$(echo $seeds | tr ' ' ',')" --pretraining "$work/pretrain" --out "$work/table.md"
  if [ -d "$work/probe" ]; then
    "$ernie" downstream-table --results "$work/probe" --datasets "$(echo $datasets | tr ' ' ',' | sed 's/,recase//; s/recase,//')" \
      --arms "$(echo $arms | tr ' ' ',')" --checkpoints all --reference "$reference" --seeds "$(echo $seeds | tr ' ' ',')" \
      --out "$work/probe-table.md"
  fi
  if [ -d "$work/baseline" ]; then
    "$ernie" downstream-table --results "$work/finetune" --results "$work/baseline" --datasets "$(echo $datasets | tr ' ' ',')" \
      --arms "lexical,lexical-whole,$(echo $arms | tr ' ' ',')" --checkpoints all --reference "$reference" --seeds "$(echo $seeds | tr ' ' ',')" \
      --out "$work/baseline-table.md"
  fi
fi
