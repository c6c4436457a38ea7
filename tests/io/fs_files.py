# requires: files module:os
# Files on the filesystem: long names, files over many blocks, seeking and
# overwriting across block boundaries, truncate, writing past the end,
# appending, two handles on one file, many entries in one directory.
import os

d = "_tmp_fs_files"
os.mkdir(d)


def p(*names):
    return os.path.join(d, *names)


names = ["plain.txt", "with space.py", "ünïcödé 名前.txt", ".hidden", "x.tar.gz",
         "a_name_long_enough_to_need_several_long_name_entries_in_a_FAT_directory.data",
         "UPPER.TXT", "no_ext", "dots.in.the.name.here"]
for n in names:
    with open(p(n), "w", encoding="utf-8") as f:
        f.write(n)
print(sorted(os.listdir(d)) == sorted(names), len(os.listdir(d)))
for n in names:
    with open(p(n), encoding="utf-8") as f:
        print(repr(f.read()), os.path.getsize(p(n)))

# A file over many blocks, written in uneven pieces.
data = bytes((i * 7 + i // 256) % 256 for i in range(6000))
with open(p("big.bin"), "wb") as f:
    k = 0
    for size in (1, 510, 3, 1024, 777, 2000):
        while k < len(data):
            f.write(data[k:k + size])
            k += size
            if k % 3 == 0:
                break
    f.write(data[k:])
print(os.stat(p("big.bin")).st_size)
with open(p("big.bin"), "rb") as f:
    got = f.read()
    print(got == data, f.tell())
    f.seek(-10, 2)
    print(f.read() == data[-10:], f.seek(509), f.read(4) == data[509:513])
    print(f.seek(4321), f.read(3) == data[4321:4324], f.tell())

# Overwrite across a block boundary, then cut and extend.
with open(p("big.bin"), "r+b") as f:
    f.seek(508)
    f.write(b"ABCDEFGH")
    f.seek(506)
    print(f.read(12) == data[506:508] + b"ABCDEFGH" + data[516:518])
    print(f.truncate(1000), f.tell())
    f.seek(0, 2)
    print(f.tell())
    f.truncate(1500)
    f.seek(998)
    print(f.read() == data[998:1000] + bytes(500))
print(os.path.getsize(p("big.bin")))

# Writing past the end fills the gap with zeros.
with open(p("gap.bin"), "wb") as f:
    f.write(b"start")
    f.seek(3000)
    f.write(b"end")
with open(p("gap.bin"), "rb") as f:
    g = f.read()
print(len(g), g[:5], g[5:3000] == bytes(2995), g[3000:])

# Appending, and reading back in a+ mode.
with open(p("log.txt"), "a") as f:
    f.write("one\n")
with open(p("log.txt"), "a+") as f:
    f.write("two\n")
    f.seek(0)
    print(repr(f.read()))
with open(p("log.txt"), "r+") as f:
    f.seek(0, 2)
    f.write("three\n")
with open(p("log.txt")) as f:
    print(f.readlines())

# Two handles on one file.
w = open(p("shared"), "w")
r = open(p("shared"))
w.write("hello")
w.flush()
print(repr(r.read()))
w.write(" world")
w.close()
print(repr(r.read()))
r.close()

# Many entries in one directory.
os.mkdir(p("many"))
for i in range(60):
    with open(p("many", "entry number %02d.txt" % i), "w") as f:
        f.write(str(i) * i)
entries = sorted(os.listdir(p("many")))
print(len(entries), entries[:2], entries[-1])
print(sum(os.path.getsize(p("many", e)) for e in entries))
with open(p("many", "entry number 42.txt")) as f:
    print(f.read()[:6])
for e in entries[::2]:
    os.remove(p("many", e))
print(len(os.listdir(p("many"))))
with open(p("many", "a new name after the removals"), "w") as f:
    f.write("new")
print(len(os.listdir(p("many"))))
for e in os.listdir(p("many")):
    os.remove(p("many", e))
os.rmdir(p("many"))

for n in names + ["big.bin", "gap.bin", "log.txt", "shared"]:
    os.remove(p(n))
print(os.listdir(d))
os.rmdir(d)
print(os.path.exists(d))
