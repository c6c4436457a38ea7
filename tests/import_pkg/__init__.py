# Support package for tests/modules/import_*.py (a package: not run as a test).
print("import_pkg: running __init__")
NAME = "import_pkg"
VALUE = 42
from .helper import CONST  # noqa: E402
from . import sub_a  # noqa: E402
