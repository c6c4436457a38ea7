# requires: files
# Absolute imports of a package and its submodules (tests/import_pkg).
import sys

sys.path.insert(0, "..")  # the runner's cwd is tests/modules

import import_pkg  # noqa: E402

print(import_pkg.NAME, import_pkg.VALUE, import_pkg.CONST, import_pkg.__name__)
import import_pkg  # noqa: E402,F811  (second import: no re-execution)

print(type(import_pkg).__name__, "import_pkg" in sys.modules, sys.modules["import_pkg"] is import_pkg)
import import_pkg.helper as h  # noqa: E402

print(h.twice(21), h is import_pkg.helper, h.__name__)
from import_pkg import sub_a  # noqa: E402
from import_pkg.sub_a import greet as hello  # noqa: E402

print(sub_a.greet("you"), hello is sub_a.greet)
print("import_pkg.lazy" in sys.modules, hasattr(import_pkg, "lazy"))
import import_pkg.lazy  # noqa: E402

print("import_pkg.lazy" in sys.modules, import_pkg.lazy.LAZY)
from import_pkg.helper import *  # noqa: E402,F403

print(public_func(), PUBLIC_CONST, "not_exported" in dir(), "_private" in dir())  # noqa: F405
import math as m, sys as system  # noqa: E402,E401

print(m.floor(2.5), system is sys)


def local_import():
    import import_pkg.helper
    from import_pkg import VALUE
    return import_pkg.helper.CONST, VALUE


print(local_import(), "VALUE" in dir())
print(sorted(k for k in sys.modules if k.startswith("import_pkg")))
