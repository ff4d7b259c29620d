#!/usr/bin/env python3
"""Finds fused-engine methods that the JIT compiled differently in different JVMs: for every method of
org.ernie4j.core.engine.fused that C2 compiled (tier 4, not on-stack replacement), counts its vector load and store
intrinsics in each JVM's compilation log and prints the methods whose counts differ between the logs. A kernel whose
vector operations were not intrinsified in some JVM runs many times slower there (docs/BENCHMARKS.md, "Slow JVMs"). A
difference is a candidate, not a verdict: a caller that inlined a kernel in one JVM and called it in another differs
too (four training JVMs of `ernie benchmark --engine fused` differed so in LayerPass's two layer norms, with the same
step times), so compare the JVMs' figures.

It also prints, for every log, the fused-engine methods whose last C2 compilation met call sites that had seen two
vector classes (say Float256Vector and Float512Vector): the JIT shares those sites' type profiles between all species,
and a kernel compiled from such a profile may keep its vectors as objects (docs/BENCHMARKS.md, "one vector species per
JVM"). With one log, only this check runs.

    ERNIE_JAVA_OPTS="-XX:+UnlockDiagnosticVMOptions -XX:+LogCompilation -XX:LogFile=/tmp/jit/%p.log" \\
        ROUNDS=8 WRITE=no bench/inference.sh --no-reference --engines fused --batch-sizes 1 --lengths 32
    bench/jit-intrinsics.py /tmp/jit/*.log
"""
import collections
import re
import sys

KLASS = re.compile(r"<klass id='(\d+)' name='([^']+)'")
BIMORPHIC = re.compile(r"<call [^>]*receiver='(\d+)'[^>]*receiver2='(\d+)'")
TASK = re.compile(r"<task compile_id='\d+'( compile_kind='osr')? method='(org\.ernie4j\.core\.engine\.fused\.[^' ]* [^' ]*)[^']*'([^>]*)>")


def mixed_sites(body):
    """Call sites of one compilation whose profile names two different vector classes (ids are the task's own)."""
    names = dict(KLASS.findall(body))
    vector = re.compile(r"jdk[./]incubator[./]vector[./]Float\d+Vector$")
    return sum(1 for first, second in BIMORPHIC.findall(body)
               if vector.search(names.get(first, "")) and vector.search(names.get(second, "")) and names[first] != names[second])


def counts(log):
    """{method: (vector stores, vector loads, mixed sites)} of the last tier-4 compilation of each fused-engine method in one log."""
    text = open(log, errors="replace").read()
    found = {}
    for task in TASK.finditer(text):
        if task.group(1) or ("level='" in task.group(3) and "level='4'" not in task.group(3)):
            continue
        body = text[task.start():text.find("</task>", task.start())]
        found[task.group(2)] = (body.count("<intrinsic id='_VectorStoreOp'"), body.count("<intrinsic id='_VectorLoadOp'"), mixed_sites(body))
    return found


def main(logs):
    if not logs:
        sys.exit("usage: bench/jit-intrinsics.py LOG [LOG ...] (compilation logs of one or more JVMs)")
    table = collections.defaultdict(dict)
    for log in logs:
        for method, found in counts(log).items():
            table[method][log] = found
    mixed = [(log, method, found[2]) for method, by_log in table.items() for log, found in by_log.items() if found[2]]
    for log, method, sites in sorted(mixed):
        print(f"{log}: {method} compiled with {sites} call sites that saw two vector classes")
    print(f"{len(mixed)} compilations with call sites that saw two vector classes, in {len(logs)} logs")
    if len(logs) < 2:
        return
    differing = {method: by_log for method, by_log in table.items() if len({found[:2] for found in by_log.values()}) > 1}
    for method, by_log in sorted(differing.items()):
        print(method)
        for log, (stores, loads, _) in sorted(by_log.items()):
            print(f"  {log}: {stores} vector stores, {loads} vector loads intrinsified")
    print(f"{len(differing)} of {len(table)} C2-compiled fused-engine methods differ between the {len(logs)} logs")


if __name__ == "__main__":
    main(sys.argv[1:])
