#!/usr/bin/env python3
"""Merges the weight functions of a benchmark run of some extrinsics (`new`) into a pallet's
weight file (`target`) written by an earlier run of all of them: each function measured anew
replaces its namesake, with its storage comments, in the trait and in both implementations, or
is added at their end. The target's header gains a line saying what was re-measured and how.

    merge.py <target weights.rs> <new weights.rs>
"""
import re
import sys

FN = re.compile(r"^\tfn (\w+)\(")


def blocks(lines):
    """The [start, end) line ranges of the trait and the impl blocks (`pub trait`, `impl`)."""
    ranges, start = [], None
    for i, line in enumerate(lines):
        if line.startswith("pub trait ") or line.startswith("impl"):
            start = i
        elif line == "}" and start is not None:
            ranges.append((start, i))
            start = None
    return ranges


def functions(lines, start, end):
    """Name -> [first, last] lines of each function in a block, its `///` comments included."""
    found, i = {}, start + 1
    while i < end:
        first = i
        while i < end and lines[i].startswith("\t///"):
            i += 1
        match = FN.match(lines[i]) if i < end else None
        if not match:
            i += 1
            continue
        last = i
        if not lines[i].endswith(";"):
            while lines[last] != "\t}":
                last += 1
        found[match.group(1)] = (first, last)
        i = last + 1
    return found


def main(target_path, new_path):
    target = open(target_path).read().split("\n")
    new = open(new_path).read().split("\n")
    new_blocks = blocks(new)
    if len(new_blocks) != 3 or len(blocks(target)) != 3:
        sys.exit("merge.py: expected a trait and two implementations in each file")
    measured = []
    # From the last block up, so the line numbers of the blocks above stay valid.
    for block in (2, 1, 0):
        start, end = new_blocks[block]
        new_functions = functions(new, start, end)
        if block == 0:
            measured = list(new_functions)
        t_start, t_end = blocks(target)[block]
        t_functions = functions(target, t_start, t_end)
        appended = []
        for name, (first, last) in new_functions.items():
            text = new[first : last + 1]
            if name in t_functions:
                t_first, t_last = t_functions[name]
                target[t_first : t_last + 1] = text
                t_functions = functions(target, *blocks(target)[block])
            else:
                appended += text
        t_end = blocks(target)[block][1]
        target[t_end:t_end] = appended
    # What the new run's header says of its own run, after the target's.
    settings = next(line for line in new if line.startswith("//! Steps:"))
    date = re.search(r"on (\S+);", "\n".join(new)).group(1)
    line = next(i for i, l in enumerate(target) if l.startswith("//! Steps:"))
    target.insert(
        line + 1,
        f"//! Re-measured on {date} with `--extrinsic {','.join(measured)}`: "
        + settings[len("//! ") :],
    )
    open(target_path, "w").write("\n".join(target))


if __name__ == "__main__":
    main(*sys.argv[1:])
