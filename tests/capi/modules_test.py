# tests/capi/modules.c: modules made and filled from C, imports, types,
# members and descriptors, C function objects, recursion guards, the GIL
# state and PyErr_Print.
# requires: module:json module:os
import sys
import modules


def show(title, results):
    print("--", title)
    for what, *rest in results:
        print(" ", what, *rest)


class Spec:
    name = "made"
    origin = None


show("modules", modules.modules(Spec()))
show("imports", modules.imports(globals()))


class Outer:
    class Inner:
        pass


show("types", modules.types(Outer.Inner))


def again(m):
    return m.recurse(again)


try:
    modules.recurse(again)
except RecursionError:
    print("RecursionError")
print(modules.recurse(lambda m: "returned"))
show("misc", modules.misc())
sys.stderr = sys.stdout
print(modules.print_errors())
