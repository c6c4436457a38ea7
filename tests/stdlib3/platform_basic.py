# requires: module:platform
# platform: the answers have the right types and agree with each other and
# with sys (the values differ between interpreters and machines).
import platform
import sys

print(platform.python_version_tuple() == tuple(str(x) for x in sys.version_info[:3]))
print(platform.python_version() == ".".join(platform.python_version_tuple()))
impl = platform.python_implementation()
print(isinstance(impl, str) and impl != "" and impl not in ("PyPy", "GraalVM"))
for f in ("system", "node", "release", "version", "machine", "processor",
          "python_compiler", "python_branch", "python_revision", "platform"):
    print(f, isinstance(getattr(platform, f)(), str))
print(platform.system() == {"linux": "Linux"}.get(sys.platform, platform.system()))
bits, linkage = platform.architecture()
print(bits == ("64bit" if sys.maxsize > 2**32 else "32bit"), isinstance(linkage, str))
u = platform.uname()
print(u.system == platform.system(), u.release == platform.release(), len(u) >= 5)
print(isinstance(platform.python_build(), tuple))
print(repr(u).startswith("uname_result(system="), u.processor == platform.processor())
print(tuple(u) == (u.system, u.node, u.release, u.version, u.machine, u.processor))
