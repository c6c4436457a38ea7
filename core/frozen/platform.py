# platform: what is known about the interpreter and the system it runs on.
# ferropy has no os.uname(); on Linux the kernel facts come from
# /proc/sys/kernel, elsewhere they are '' (as CPython answers when it
# cannot tell).
import sys

_SYSTEMS = {"linux": "Linux", "darwin": "Darwin", "win32": "Windows", "cygwin": "CYGWIN_NT"}


def _kernel(name):
    try:
        with open("/proc/sys/kernel/" + name) as f:
            return f.read().strip()
    except Exception:
        return ""


def python_implementation():
    return "ferropy"


def python_version_tuple():
    v = sys.version_info
    return (str(v[0]), str(v[1]), str(v[2]))


def python_version():
    return ".".join(python_version_tuple())


def python_build():
    return ("default", "")


def python_compiler():
    return "rustc"


def python_branch():
    return ""


def python_revision():
    return ""


def system():
    p = sys.platform
    return _SYSTEMS.get(p, p if p else "")


def node():
    return _kernel("hostname")


def release():
    return _kernel("osrelease")


def version():
    return _kernel("version")


def machine():
    return ""


def processor():
    return ""


def architecture(executable=None, bits="", linkage=""):
    if not bits:
        bits = "64bit" if sys.maxsize > 2**32 else "32bit"
    return (bits, linkage)


_UNAME_FIELDS = ("system", "node", "release", "version", "machine")


class uname_result(tuple):
    # The five named fields and the processor, as CPython's (whose repr
    # shows the five); collections.namedtuple would cost more heap.
    def __new__(cls, system, node, release, version, machine):
        return tuple.__new__(cls, (system, node, release, version, machine, processor()))

    system = property(lambda self: self[0])
    node = property(lambda self: self[1])
    release = property(lambda self: self[2])
    version = property(lambda self: self[3])
    machine = property(lambda self: self[4])

    processor = property(lambda self: self[5])

    def __repr__(self):
        return "uname_result(%s)" % ", ".join(
            "%s=%r" % (n, v) for n, v in zip(_UNAME_FIELDS, self)
        )


def uname():
    return uname_result(system(), node(), release(), version(), machine())


def platform(aliased=False, terse=False):
    parts = [system(), release()]
    if not terse:
        parts.append(machine())
    return "-".join(p for p in parts if p) or sys.platform
