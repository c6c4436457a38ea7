# Exercises tests/capi/phases.c: multi-phase init with module state.
import sys
import phases

print(phases.__name__, phases.__doc__, phases.greeting, phases.START)
print(phases.bump(1), phases.bump(5), phases.bump(-2))
print(phases.history())
print(phases.kwfast(), phases.kwfast(1, 2, a=3, b="x"))
print(sys.modules["phases"] is phases)
import phases as again
print(again is phases, again.bump(0))
print(phases.bump.__doc__, phases.bump.__name__)
print(sorted(k for k in dir(phases) if not k.startswith("_")))
