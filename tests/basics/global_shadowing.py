# Global and builtin name lookups see every change to the module's
# namespace and to builtins, however often the same code runs.
import builtins

def use_len():
    return len("abc")

def use_x():
    return x

results = []
for round in range(3):
    results.append(use_len())
    len = lambda s: 100 + round
    results.append(use_len())
    del len
    results.append(use_len())
print(results)

x = 1
a = [use_x()]
x = 2
a.append(use_x())
globals()["x"] = 3
a.append(use_x())
del x
try:
    use_x()
except NameError as e:
    a.append(str(e))
x = 5
a.append(use_x())
print(a)

# builtins changing under a cached lookup
builtins.my_helper = lambda: "first"
def call_helper():
    return my_helper()
print(call_helper(), call_helper())
builtins.my_helper = lambda: "second"
print(call_helper())
my_helper = lambda: "module"
print(call_helper())
del my_helper
print(call_helper())
del builtins.my_helper
try:
    call_helper()
except NameError as e:
    print("NameError:", e)

# the same code object run against different globals
src = "def g():\n    return value * 2\n"
ns1 = {"value": 10}
ns2 = {"value": 20}
exec(src, ns1)
exec(src, ns2)
print(ns1["g"](), ns2["g"](), ns1["g"](), ns2["g"]())
ns1["value"] = 11
print(ns1["g"](), ns2["g"]())
del ns2["value"]
try:
    ns2["g"]()
except NameError as e:
    print("NameError:", e)
ns2["value"] = 1
print(ns2["g"]())

# many globals, many lookups (cache collisions)
for i in range(100):
    globals()["v%d" % i] = i
total = 0
def sum_some():
    return v0 + v1 + v2 + v3 + v31 + v32 + v33 + v63 + v64 + v99
for i in range(5):
    total += sum_some()
    globals()["v%d" % (i * 7)] = -1
print(total, sum_some())

# a namespace that grows and is rebuilt while a function keeps reading it
def reader():
    return target
target = "t0"
seen = [reader()]
for i in range(50):
    globals()["filler%d" % i] = i
seen.append(reader())
for i in range(50):
    del globals()["filler%d" % i]
target = "t1"
seen.append(reader())
print(seen)
