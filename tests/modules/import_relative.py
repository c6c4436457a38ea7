# requires: files
# Relative imports inside a package (from . / from .. / sibling modules).
import sys

sys.path.insert(0, "..")

import import_pkg.nested.deep as deep  # noqa: E402

print(deep.DEEP, deep.SIBLING, deep.GREETING)
print(deep.__name__, deep.PARENT_CONST is sys.modules["import_pkg.helper"].CONST)
import import_pkg.nested  # noqa: E402

print(import_pkg.nested.deep is deep, import_pkg.nested.sibling.VALUE)
from import_pkg.nested import sibling  # noqa: E402

print(sibling.VALUE)
try:
    from . import something  # noqa: F401
except ImportError as e:
    print(type(e).__name__, e)
