# tests/capi/objects.c: the object layer's functions (capsules, dicts,
# lists, tuples, sets, ints, numbers, the object, sequence and mapping
# protocols, str, exceptions, slices, floats) with their error returns and
# whether each returns a new or a borrowed reference.
import objects


def show(title, results):
    print("--", title)
    for what, *rest in results:
        print(" ", what, *rest)


show("capsules", objects.capsules())
objects.api = objects.make_api_capsule()
objects.notcap = 5
show("capsule import", objects.capsule_import())
show("dicts", objects.dicts())
show("lists", objects.lists())
show("sets", objects.sets())
show("ints", objects.ints(2**70 + 3, -(2**70)))
show("numbers", objects.numbers())


class Thing:
    def __bool__(self):
        raise ValueError("no truth")


show("objects", objects.objects(Thing(), Thing))
show("protocols", objects.protocols(x * x for x in range(4)))
show("strings", objects.strings())
show("exceptions", objects.exceptions())
show("slices", objects.slices())
show("floats", objects.floats())
