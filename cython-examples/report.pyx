# cython: language_level=3
"""Text and containers: f-strings with format specs, dict/list/set
comprehensions, sorting with keys, grouping and counting, as a firmware
status report would do."""

from libc.stdint cimport uint32_t


cdef str fmt_uptime(uint32_t seconds):
    cdef uint32_t d = seconds // 86400, h = seconds // 3600 % 24
    cdef uint32_t m = seconds // 60 % 60, s = seconds % 60
    return f"{d}d {h:02d}:{m:02d}:{s:02d}"


def uptime(seconds):
    return fmt_uptime(seconds)


def sensor_table(dict readings):
    """One aligned line per sensor, sorted by name."""
    lines = [f"{'sensor':<10}|{'value':>9}|{'hex':>6}"]
    for name, value in sorted(readings.items()):
        if isinstance(value, float):
            lines.append(f"{name:<10}|{value:>9.3f}|{'-':>6}")
        else:
            lines.append(f"{name:<10}|{value:>9,d}|{value & 0xFFFF:>#6x}")
    return "\n".join(lines)


def group_by_unit(list channels):
    """channels: (name, unit) pairs -> {unit: sorted names}."""
    groups = {}
    for name, unit in channels:
        groups.setdefault(unit, []).append(name)
    return {unit: sorted(names) for unit, names in sorted(groups.items())}


def stats(values):
    cdef double total = 0.0
    cdef Py_ssize_t n = 0
    seen = set()
    dups = set()
    for v in values:
        total += v
        n += 1
        if v in seen:
            dups.add(v)
        seen.add(v)
    return {
        "n": n,
        "mean": f"{total / n:.2f}" if n else "n/a",
        "distinct": len(seen),
        "dups": sorted(dups),
        "evens": [v for v in sorted(seen) if v % 2 == 0],
        "squares": {v: v * v for v in sorted(seen)[:3]},
    }


def word_counts(str text, int top=3):
    counts = {}
    for w in text.lower().split():
        w = w.strip(".,;:!?")
        if w:
            counts[w] = counts.get(w, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return ranked[:top]


def describe(obj):
    return f"{obj!r:>12} {type(obj).__name__:<6} {len(str(obj)):03}"


def percent(int part, int whole):
    return f"{part / whole:.1%}" if whole else "-"


def set_ops(a, b):
    a, b = set(a), set(b)
    return sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b), frozenset(a) <= frozenset(a | b)
