# requires: files module:os
# os.rename and os.replace between directories, over existing entries, and
# their errors; paths with a trailing slash.
import os

d = "_tmp_fs_rename"
os.mkdir(d)


def p(*names):
    return os.path.join(d, *names)


def write(path, text):
    with open(path, "w") as f:
        f.write(text)


def read(path):
    with open(path) as f:
        return f.read()


def attempt(f, *args):
    try:
        f(*args)
        print("ok")
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror)


os.makedirs(p("a", "sub"))
os.mkdir(p("b"))
write(p("a", "f.txt"), "F")
write(p("a", "sub", "deep.txt"), "DEEP")
write(p("b", "g.txt"), "G")

os.rename(p("a", "f.txt"), p("b", "moved.txt"))
print(sorted(os.listdir(p("a"))), sorted(os.listdir(p("b"))), read(p("b", "moved.txt")))
os.rename(p("b", "moved.txt"), p("b", "g.txt"))
print(sorted(os.listdir(p("b"))), read(p("b", "g.txt")))
write(p("b", "h.txt"), "H")
os.replace(p("b", "h.txt"), p("b", "g.txt"))
print(sorted(os.listdir(p("b"))), read(p("b", "g.txt")))

# A directory moves with its contents; `..` inside it follows.
os.rename(p("a", "sub"), p("b", "sub2"))
print(sorted(os.listdir(p("a"))), sorted(os.listdir(p("b"))))
print(read(p("b", "sub2", "deep.txt")), sorted(os.listdir(p("b", "sub2", ".."))))
cwd = os.getcwd()
os.chdir(p("b", "sub2"))
print(sorted(os.listdir("..")), read("deep.txt"), os.path.basename(os.getcwd()))
os.chdir(cwd)
# Renaming onto an empty directory replaces it.
os.mkdir(p("a", "empty"))
os.rename(p("b", "sub2"), p("a", "empty"))
print(sorted(os.listdir(p("a"))), os.listdir(p("a", "empty")))

attempt(os.rename, p("a"), p("a", "empty", "inside"))
attempt(os.rename, p("nope"), p("x"))
attempt(os.rename, p("b", "g.txt"), p("nope", "x"))
attempt(os.rename, p("b", "g.txt"), p("a"))
attempt(os.rename, p("a"), p("b", "g.txt"))
os.mkdir(p("c"))
write(p("c", "x"), "")
attempt(os.rename, p("b"), p("c"))
attempt(os.rename, p("b", "g.txt") + "/", p("b", "k"))
attempt(os.stat, p("b", "g.txt") + "/")
attempt(open, p("b", "g.txt") + "/")
attempt(open, p("b", "new") + "/", "w")
attempt(os.mkdir, p("b", "g.txt", "x"))
attempt(os.listdir, p("b", "g.txt"))
print(os.path.isdir(p("b") + "/"), os.path.isfile(p("b", "g.txt")), os.path.exists(p("b", "g.txt", "..")))

for path in [p("c", "x"), p("b", "g.txt"), p("a", "empty", "deep.txt")]:
    os.remove(path)
for path in [p("c"), p("b"), p("a", "empty"), p("a"), d]:
    os.rmdir(path)
print(os.path.exists(d))
