# The time module: only properties of the values are printed, never the values.
import time

t1 = time.time()
time.sleep(0.01)
t2 = time.time()
print(type(t1).__name__, t2 >= t1, t1 > 1_600_000_000)
m1 = time.monotonic()
time.sleep(0.02)
m2 = time.monotonic()
print(m2 - m1 >= 0.015, m2 - m1 < 5)
if hasattr(time, "ticks_ms"):
    a = time.ticks_ms()
    time.sleep_ms(5)
    print(time.ticks_diff(time.ticks_ms(), a) >= 4)
else:
    print(True)
ns = time.time_ns() if hasattr(time, "time_ns") else int(time.time() * 1e9)
print(type(ns).__name__, ns > 10 ** 18)
g = time.gmtime(0)
print(tuple(g)[:6])
g2 = time.gmtime(86400 * 365 + 3661)
print(tuple(g2)[:6])
print(time.gmtime(1_000_000_000)[:6])
start = time.perf_counter() if hasattr(time, "perf_counter") else time.time()
sum(range(10000))
elapsed = (time.perf_counter() if hasattr(time, "perf_counter") else time.time()) - start
print(elapsed >= 0)
time.sleep(0)
print("slept zero")
