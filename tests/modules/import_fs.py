# requires: files module:os
# Importing modules and packages written to the filesystem at run time.
import os
import sys

d = "_tmp_import_fs"
os.makedirs(os.path.join(d, "fspkg", "inner"))
files = {
    "fsmod.py": "X = 1\ndef f():\n    return X + 1\n",
    "fspkg/__init__.py": "from .part import VALUE\nNAME = __name__\n",
    "fspkg/part.py": "VALUE = 'part'\n",
    "fspkg/inner/__init__.py": "",
    "fspkg/inner/leaf.py": "from .. import part\nLEAF = part.VALUE * 2\n",
    "broken_syntax.py": "def f(:\n",
}
for name, text in files.items():
    with open(os.path.join(d, *name.split("/")), "w") as f:
        f.write(text)
sys.path.insert(0, d)
import fsmod  # noqa: E402
import fspkg  # noqa: E402
from fspkg.inner import leaf  # noqa: E402

print(fsmod.X, fsmod.f(), os.path.basename(fsmod.__file__))
print(fspkg.VALUE, fspkg.NAME, leaf.LEAF, leaf.__name__)
try:
    import broken_syntax  # noqa: F401
except SyntaxError as e:
    print("SyntaxError", e.lineno)
try:
    import fspkg.missing  # noqa: F401
except ImportError as e:
    print(type(e).__name__, e.name)
sys.path.remove(d)
for name in sorted(files, key=len, reverse=True):
    os.remove(os.path.join(d, *name.split("/")))
os.rmdir(os.path.join(d, "fspkg", "inner"))
os.rmdir(os.path.join(d, "fspkg"))
os.rmdir(d)
print(os.path.exists(d))
