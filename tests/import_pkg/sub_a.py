from .helper import twice
from . import helper

print("import_pkg.sub_a: loaded as", __name__)


def greet(name):
    return "hello " + name + " x" + str(twice(1)) + " " + helper.CONST
