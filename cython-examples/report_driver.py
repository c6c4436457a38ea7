# requires: host
# (C `long` is 32 bits on the board: Cython computes `uint32_t // 86400` in
# `long`, as it would on any 32-bit CPython, so uptime(2**32 - 1) differs.)
# f-strings, dict/list/set work in Cython.
import report

print(report.uptime(0), report.uptime(93784), report.uptime(4294967295))
print(report.sensor_table({"temp": 21.5, "count": 123456, "vbat": 3.3017, "ticks": 70000}))
print(report.group_by_unit([("t1", "C"), ("v1", "V"), ("t0", "C"), ("i", "A")]))
print(report.stats([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]))
print(report.stats([]))
print(report.word_counts("The cat and the hat. The end, and THE bat!"))
for o in [42, "hi", 3.5, None, [1, 2]]:
    print(report.describe(o))
print(report.percent(1, 3), report.percent(5, 0), report.percent(2, 2))
print(report.set_ops([1, 2, 3, 4], (3, 4, 5)))
try:
    report.uptime(-1)
except OverflowError as e:
    print("OverflowError:", e)
