# exit and quit of the builtins (site.Quitter): repr, SystemExit codes.
print(exit)
print(repr(quit), type(exit).__name__, callable(exit))
try:
    exit(3)
except SystemExit as e:
    print("SystemExit", e.code, e.args)
try:
    quit()
except SystemExit as e:
    print("SystemExit", e.code, e.args)
try:
    exit(1, 2)
except TypeError as e:
    print("TypeError")
exit("bye")
