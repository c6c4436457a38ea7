# requires: files module:os
# os.path: pure path arithmetic (POSIX rules).
import os.path
import os
from os.path import join, split, splitext, basename, dirname, normpath, isabs

print(os.path is os.path, os.path.sep)
for args in [("a", "b"), ("a/", "b"), ("a", "/b"), ("", "b"), ("a", ""), ("/", "x", "y/"), ("a",)]:
    print(args, repr(join(*args)))
for p in ["a/b", "a/b/", "/a", "/", "a", "", "//a//b", "a//b", "///"]:
    print(repr(p), split(p), repr(basename(p)), repr(dirname(p)))
for p in ["a.txt", "a.b.c", ".bashrc", "..x", "a/.b", "a.d/b", "a.", "noext", "a/b.c/d.e"]:
    print(repr(p), splitext(p))
for p in ["", ".", "a/./b", "a/../b", "../a", "/../a", "a/b/../../..", "//a", "///a", "a//b/", "/a/b/.."]:
    print(repr(p), repr(normpath(p)))
print(isabs("/x"), isabs("x"), isabs(""))
print(os.path.abspath("/a/../b"), os.path.abspath("x") == join(os.getcwd(), "x"))
print(join(b"a", b"b"), split(b"a/b"), splitext(b"x.y"))
try:
    join("a", 1)
except TypeError as e:
    print("TypeError", e)
print(os.path.exists("/surely/not/here"), os.path.isfile("/"), os.path.isdir("/"))
print(os.path.expanduser("x"), os.path.basename(os.path.expanduser("~/q")))
