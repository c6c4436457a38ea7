# Fixed-point and float filters over a step and a noisy signal.
import dsp

lp = dsp.LowPassQ15(0.25)
step = [0] * 2 + [10000] * 10 + [-32768] * 6
print("q15:", lp.run(step))
print("q15 saturates:", dsp.LowPassQ15(0.99).run([32767] * 20)[-1])
try:
    dsp.LowPassQ15(1.5)
except ValueError as e:
    print("ValueError:", e)
try:
    lp.step(40000)
except OverflowError as e:
    print("OverflowError:", e)

ema = dsp.EMA(0.5)
print("ema before:", ema.value)
print("ema:", [round(ema.update(x), 4) for x in [1.0, 2.0, 4.0, 8.0, 0.0]])
print("ema value:", ema.value)

ma = dsp.MovingAverage()
print("ma:", [round(ma.push(x), 3) for x in range(12)])
noisy = [10, 11, 10, 90, 10, 12, 11, -50, 11, 10]
clean = dsp.despike(noisy)
print("despike:", clean)
print("rms: %.4f %.4f" % (dsp.rms(noisy), dsp.rms(clean)))
print("rms empty:", dsp.rms([]))
print("max err:", dsp.max_abs_error(noisy, clean))
