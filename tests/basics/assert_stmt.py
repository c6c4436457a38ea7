# assert statement.
assert True
assert 1 == 1, "not shown"
try:
    assert False
except AssertionError as e:
    print("AssertionError", repr(e), e.args)
try:
    assert 1 > 2, "one is not greater than two"
except AssertionError as e:
    print("AssertionError", e, e.args)
try:
    assert [], ["message", "list"]
except AssertionError as e:
    print("AssertionError", e.args[0])
calls = []


def msg():
    calls.append("msg")
    return "computed"


assert 1, msg()
print(calls)
try:
    assert 0, msg()
except AssertionError as e:
    print(e, calls)


def checked_sqrt(x):
    assert x >= 0, "negative input: %r" % x
    return x ** 0.5


print(checked_sqrt(16))
try:
    checked_sqrt(-4)
except AssertionError as e:
    print("AssertionError", e)
print(issubclass(AssertionError, Exception), AssertionError.__name__)
