# SystemExit: catching it, and exiting with a status (the runner compares it).
import sys

try:
    sys.exit(5)
except SystemExit as e:
    print("caught SystemExit", e.code, type(e.code).__name__)
try:
    sys.exit()
except SystemExit as e:
    print("no argument:", e.code)
try:
    sys.exit("message")
except SystemExit as e:
    print("string code:", e.code)
try:
    raise SystemExit(7)
except BaseException as e:
    print("raise SystemExit:", e.code, isinstance(e, Exception))
try:
    try:
        sys.exit(1)
    finally:
        print("finally runs on sys.exit")
except SystemExit:
    pass
print("exiting with status 3")
sys.exit(3)
print("never printed")
