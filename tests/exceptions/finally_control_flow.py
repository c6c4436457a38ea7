# return/break/continue interacting with finally.
def ret_override():
    try:
        return "try"
    finally:
        return "finally"


def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"


def ret_value_computed_first():
    x = 1
    try:
        return x
    finally:
        x = 2


print(ret_override(), swallow(), ret_value_computed_first())


def loop_break():
    out = []
    for i in range(5):
        try:
            if i == 2:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out


def loop_continue():
    out = []
    for i in range(3):
        try:
            if i == 1:
                continue
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out


def break_in_finally():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            break
    return "broke, exception dropped at i=%d" % i


def continue_in_finally():
    n = 0
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            n += 1
            continue
    return n


print(loop_break(), loop_continue(), break_in_finally(), continue_in_finally())


def nested_finally_returns():
    try:
        try:
            return "inner"
        finally:
            print("inner finally")
    finally:
        print("outer finally")


print(nested_finally_returns())


def while_finally():
    i = 0
    trace = []
    while True:
        try:
            i += 1
            if i > 3:
                return trace
            if i % 2:
                continue
            trace.append(i)
        finally:
            trace.append("fin")


print(while_finally())


def gen_finally():
    try:
        yield 1
        return
    finally:
        print("gen finally")


print(list(gen_finally()))
