# neopixel: WS2812 ("NeoPixel") strips, MicroPython's API.
#
#   import machine, neopixel
#   np = neopixel.NeoPixel(machine.Pin("NEOPIXEL"), 1)
#   np[0] = (0, 16, 0)
#   np.write()
#
# Pixels are kept in a bytearray in the order the LEDs expect (GRB, or
# GRBW with bpp=4) and sent by machine.bitstream with the WS2812 timings.

from machine import bitstream

# High/low times in ns for a 0 bit and a 1 bit: 800 kHz, and 400 kHz
# (timing=0) for the first-generation WS2811.
_TIMING_800K = (400, 850, 800, 450)
_TIMING_400K = (500, 2000, 1200, 1300)


class NeoPixel:
    ORDER = (1, 0, 2, 3)

    def __init__(self, pin, n, bpp=3, timing=1):
        self.pin = pin
        self.n = n
        self.bpp = bpp
        self.buf = bytearray(n * bpp)
        pin.init(pin.OUT)
        if timing == 1:
            self.timing = _TIMING_800K
        elif timing == 0:
            self.timing = _TIMING_400K
        else:
            self.timing = timing

    def __len__(self):
        return self.n

    def __setitem__(self, i, v):
        if i < 0:
            i += self.n
        base = i * self.bpp
        for k in range(self.bpp):
            self.buf[base + self.ORDER[k]] = v[k]

    def __getitem__(self, i):
        if i < 0:
            i += self.n
        base = i * self.bpp
        return tuple(self.buf[base + self.ORDER[k]] for k in range(self.bpp))

    def fill(self, v):
        for i in range(self.n):
            self[i] = v

    def write(self):
        bitstream(self.pin, 0, self.timing, self.buf)
