# requires: machine
# The board's `machine` module (MicroPython's API). On QEMU the pins are
# simulated; everything checked here also holds for unconnected pins of a
# real board (outputs read back their level, pulls set an input's level).
import machine
from machine import Pin

print(Pin.IN, Pin.OUT, Pin.PULL_UP, Pin.PULL_DOWN)

led = Pin("LED", Pin.OUT)
print(led, type(led).__name__, isinstance(led, Pin))
led.off()
print(led.value(), led())
led.on()
print(led.value(), led())
led.toggle()
print(led.value())
led(1)
print(led.value())
led.value(0)
print(led.value())

p = Pin(2, Pin.OUT, value=1)
print(p, p.value())
p.init(Pin.IN, Pin.PULL_DOWN)
print(p.value())
p.init(pull=Pin.PULL_UP)
print(p.value())
p.init(Pin.OUT, value=0)
print(p.value())

print(Pin("d7"), Pin(13))

for bad in ("D99", "X1", 99):
    try:
        Pin(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    Pin("D3", 5)
except ValueError as e:
    print("ValueError:", e)
try:
    Pin("D3", Pin.IN, 7)
except ValueError as e:
    print("ValueError:", e)
try:
    Pin()
except TypeError:
    print("TypeError")

print(machine.freq() > 1000000, machine.freq(machine.freq()))
print(len(machine.unique_id()), type(machine.unique_id()).__name__)
machine.bitstream(led, 0, (400, 850, 800, 450), bytearray(3))
try:
    machine.bitstream(led, 1, (400, 850, 800, 450), b"x")
except ValueError as e:
    print("ValueError:", e)
try:
    machine.bitstream(led, 0, (1, 2), b"x")
except TypeError as e:
    print("TypeError:", e)

# mem8/mem16/mem32: the CPUID register of the System Control Block (ARM,
# Cortex-M4), and the vector table (through VTOR): its first word is the
# initial stack pointer, the top of the 16 KB stack region.
print(machine.mem32, machine.mem16, machine.mem8)
cpuid = machine.mem32[0xE000ED00]
print(hex(cpuid >> 24), hex(cpuid >> 4 & 0xFFF))
vtor = machine.mem32[0xE000ED08]
print(hex(machine.mem32[vtor]), hex(machine.mem16[vtor + 2]), hex(machine.mem8[vtor + 3]))
for bad in (0xE000ED01, 0xE000ED02):
    try:
        machine.mem32[bad]
    except ValueError as e:
        print("ValueError:", e)
try:
    machine.mem32[-5]
except ValueError as e:
    print("ValueError:", e)
