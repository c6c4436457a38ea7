import time
print(time.ticks_add(2**30 - 1, 1), time.ticks_add(0, -1), time.ticks_add(100, 50))
print(time.ticks_diff(1, 2**30 - 1), time.ticks_diff(5, 3), time.ticks_diff(3, 5), time.ticks_diff(0, 2**29))
try:
    time.ticks_add(0, 2**29)
except OverflowError as e:
    print('OverflowError', e)
a = time.ticks_ms()
time.sleep_ms(20)
d = time.ticks_diff(time.ticks_ms(), a)
print(15 <= d < 1000)
a = time.ticks_us()
time.sleep_us(1500)
d = time.ticks_diff(time.ticks_us(), a)
print(1400 <= d < 1000000)
print(0 <= time.ticks_ms() < 2**30, 0 <= time.ticks_us() < 2**30, 0 <= time.ticks_cpu() < 2**30)
time.sleep_ms(0)
time.sleep_us(-5)
print('ok')
