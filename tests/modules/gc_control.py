import gc
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
junk = [[i] for i in range(1000)]
gc.enable()
print(gc.isenabled())
del junk
print(type(gc.collect()).__name__, type(gc.collect(0)).__name__, type(gc.collect(generation=2)).__name__)
try:
    gc.collect(3)
except ValueError as e:
    print('ValueError', e)
try:
    gc.enable(1)
except TypeError as e:
    print('TypeError', e)
