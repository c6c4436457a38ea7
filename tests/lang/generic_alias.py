# __class_getitem__, builtin generic aliases, X | Y unions.
print(list[int])
print(dict[str, int])
print(tuple[int, ...])
print(list[int] == list[int], list[int] == list[str])
print(list[int]())
print(type(list[int]).__name__)
print(list[int].__origin__, list[int].__args__)
print(dict[str, list[int]])
print(isinstance([], list))

class G:
    def __class_getitem__(cls, item):
        return f"G[{item!r}]"

print(G[int], G["x"], G[1, 2])

class H(G):
    pass
print(H[str])

print(int | None)
print(int | str | None)
print(isinstance(3, int | str), isinstance("s", int | str), isinstance(None, int | None), isinstance(2.0, int | str))
print(issubclass(bool, int | str))
u = int | str
print(u.__args__)
print((int | str) == (str | int))
print(type[int])
