# requires: bigheap
# ferropy's micropython and gc memory functions (checked against a .exp file).
import gc
import micropython
print(micropython.const(5), micropython.const('s'))
print(micropython.opt_level())
micropython.opt_level(0)
try:
    micropython.opt_level(2)
except ValueError as e:
    print('ValueError', e)
print(micropython.stack_use() > 0)
micropython.alloc_emergency_exception_buf(100)
f0 = gc.mem_free()
a0 = gc.mem_alloc()
print(f0 > 0, a0 > 0)
big = [[i] for i in range(3000)]
print(gc.mem_alloc() > a0, gc.mem_free() < f0)
del big
gc.collect()
