# requires: files
# ImportError / ModuleNotFoundError, and modules that fail while importing.
import sys

sys.path.insert(0, "..")
try:
    import no_such_module_xyz  # noqa: F401
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    import import_pkg.missing  # noqa: F401
except ImportError as e:
    print(type(e).__name__, e)
try:
    from import_pkg import missing_name  # noqa: F401
except ImportError as e:
    print(type(e).__name__, str(e).startswith("cannot import name 'missing_name' from 'import_pkg'"))
for attempt in range(2):
    try:
        import import_pkg.broken  # noqa: F401
    except ValueError as e:
        print("attempt", attempt, "ValueError", e)
    print("import_pkg.broken" in sys.modules)
try:
    from import_pkg.helper import nope  # noqa: F401
except ImportError as e:
    print(type(e).__name__, "nope" in str(e))
print(issubclass(ModuleNotFoundError, ImportError))
try:
    __import__("also_missing")
except ModuleNotFoundError as e:
    print("__import__:", e)
mod = __import__("import_pkg.helper")
print(mod.__name__, mod.helper.CONST)
