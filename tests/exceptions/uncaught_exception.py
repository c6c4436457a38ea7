# An exception nobody catches: the traceback goes to stderr and the exit status is 1.
# Only stdout and the exit status are compared.
def inner():
    raise ValueError("uncaught at top level")


print("output before the exception")
try:
    inner()
except TypeError:
    print("not this handler")
finally:
    print("finally runs before the interpreter exits")
print("never printed")
