print("import_pkg.helper: loaded as", __name__)
__all__ = ["public_func", "PUBLIC_CONST"]
CONST = "helper-const"
PUBLIC_CONST = 7
_private = "hidden"


def twice(x):
    return 2 * x


def public_func():
    return "public"


def not_exported():
    return "not in __all__"
