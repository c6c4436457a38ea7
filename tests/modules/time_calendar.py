import time
print(time.gmtime(0))
print(time.gmtime(-1.5))
print(time.gmtime(1700000000))
print(time.gmtime(951782400))
print(time.gmtime(4102444800.9))
print(time.localtime(0).tm_year, time.gmtime(None).tm_year > 2000, time.gmtime().tm_year > 2000)
t = time.gmtime(86400 * 365.25 * 30)
print(time.strftime('%Y-%m-%d %H:%M:%S %a %A %b %B %j %p %I %y %w %U %W %u', t))
print(time.strftime('%c|%x|%X|%%|%e|%D|%T|%R|%h|%C|%Q|%', t))
print(time.strftime('%I %p', time.gmtime(13 * 3600)), time.strftime('%I %p', time.gmtime(0)))
print(time.asctime(time.gmtime(0)), '|', time.ctime(0), '|', time.ctime(1e9))
print(time.mktime(time.gmtime(0)), time.mktime(time.gmtime(1234567890)))
print(time.mktime((2024, 13, 1, 0, 0, 0, 0, 1, 0)), time.mktime((2024, 2, 30, 25, 61, 0, 0, 1, -1)))
print(time.strftime("%d %m %j", (2024, 0, 0, 0, 0, 0, 0, 0, 0)))
g = time.gmtime(1234567890)
print(g.tm_year, g.tm_mon, g.tm_mday, g.tm_hour, g.tm_min, g.tm_sec, g.tm_wday, g.tm_yday, g.tm_isdst)
print(g[0], g[-1], len(g), isinstance(g, tuple), type(g).__name__, g == time.gmtime(1234567890))
for bad in ('time.sleep(-1)', 'time.gmtime("a")', 'time.sleep("a")', 'time.mktime((1, 2))', 'time.mktime(5)',
            'time.strftime("%Y", (1, 2))', 'time.strftime(5)', 'time.gmtime(1e20)',
            'time.asctime((2024, 13, 1, 0, 0, 0, 0, 1, 0))', 'time.sleep(float("nan"))',
            'time.strftime("%H", (2024, 1, 1, 25, 0, 0, 0, 1, 0))', 'time.strftime("%H", (2024, 1, 32, 0, 0, 0, 0, 1, 0))',
            'time.strftime("%H", (2024, 1, 1, 0, 0, 0, -1, 1, 0))'):
    try:
        print(eval(bad))
    except Exception as e:
        print(type(e).__name__, e)
t0 = time.time()
time.sleep(0.01)
print(0.009 < time.time() - t0 < 1.0)
m0 = time.monotonic()
p0 = time.perf_counter_ns()
time.sleep(0)
time.sleep(0.002)
print(time.monotonic() > m0, time.perf_counter_ns() > p0, time.perf_counter() > 0)
print(type(time.time_ns()).__name__, type(time.monotonic_ns()).__name__, time.time_ns() > 1.6e18)
