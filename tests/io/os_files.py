# requires: files module:os
# os: directories, listdir, rename, remove, stat, makedirs, walk, errors.
import os

d = "_tmp_os_files"
os.mkdir(d)
print(os.path.isdir(d), os.path.isfile(d), os.path.exists(d), os.listdir(d))
for n in ("b.txt", "a.txt"):
    with open(os.path.join(d, n), "w") as f:
        f.write(n * 3)
print(sorted(os.listdir(d)), sorted(os.listdir(d + "/")))
st = os.stat(os.path.join(d, "a.txt"))
print(type(st).__name__, st.st_size, st[6], len(st), type(st.st_mtime).__name__)
print(st.st_mode & 0o170000 == 0o100000, os.stat(d).st_mode & 0o170000 == 0o040000)
os.rename(os.path.join(d, "a.txt"), os.path.join(d, "c.txt"))
print(sorted(os.listdir(d)))
os.makedirs(os.path.join(d, "x", "y", "z"))
os.makedirs(os.path.join(d, "x", "y"), exist_ok=True)
with open(os.path.join(d, "x", "y", "f"), "w") as f:
    pass
for top, dirs, files in os.walk(d):
    dirs.sort()
    print(top, dirs, sorted(files))
print([t for t, _, _ in os.walk(d, topdown=False)])


def attempt(f, *a, **k):
    try:
        f(*a, **k)
        print("ok")
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror, e.filename == a[0])


attempt(os.mkdir, d)
attempt(os.makedirs, os.path.join(d, "x"))
attempt(os.rmdir, os.path.join(d, "x"))
attempt(os.rmdir, os.path.join(d, "nope"))
attempt(os.remove, os.path.join(d, "nope"))
attempt(os.remove, os.path.join(d, "x"))
attempt(os.listdir, os.path.join(d, "nope"))
attempt(os.listdir, os.path.join(d, "c.txt"))
attempt(os.stat, os.path.join(d, "nope"))
attempt(os.chdir, os.path.join(d, "nope"))
try:
    os.rename(os.path.join(d, "nope"), os.path.join(d, "n2"))
except FileNotFoundError as e:
    print(str(e).replace(d, "D"))

cwd = os.getcwd()
os.chdir(d)
print(os.getcwd() == os.path.join(cwd, d), sorted(os.listdir()))
os.chdir("..")
print(os.getcwd() == cwd)


class P:
    def __init__(self, p):
        self.p = p

    def __fspath__(self):
        return self.p


with open(P(os.path.join(d, "c.txt"))) as f:
    print(f.read())
print(os.fspath(P("abc")), os.fspath("s"), os.fspath(b"b"))
try:
    os.fspath(1)
except TypeError as e:
    print("TypeError", e)

os.remove(os.path.join(d, "x", "y", "f"))
os.rmdir(os.path.join(d, "x", "y", "z"))
os.rmdir(os.path.join(d, "x", "y"))
os.rmdir(os.path.join(d, "x"))
os.unlink(os.path.join(d, "b.txt"))
os.remove(os.path.join(d, "c.txt"))
os.rmdir(d)
print(os.path.exists(d))
print(os.sep, repr(os.linesep), os.name, os.curdir, os.pardir, os.extsep)
print(isinstance(os.environ, dict) or hasattr(os.environ, "keys"), os.getenv("FERROPY_SURELY_UNSET"), os.getenv("FERROPY_SURELY_UNSET", 5))
print(os.error is OSError)
