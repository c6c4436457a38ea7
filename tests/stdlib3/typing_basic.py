# requires: bigheap module:typing
# typing: reprs and introspection of the special forms and aliases, cast,
# overload, TYPE_CHECKING, get_type_hints.
from typing import (Any, Optional, Union, List, Dict, Tuple, Callable, Literal, ClassVar,
                    Final, Set, Iterable, Sequence, Mapping, TypeVar, cast, overload,
                    get_args, get_origin, get_type_hints, TYPE_CHECKING, NewType, Type)
import typing

print(Any, Optional[int], Union[int, str], Union[int, None, str], Union[int, int])
print(List[int], Dict[str, int], Set[bytes], Tuple[int, ...], Tuple[()], Type[int])
print(Callable[[int], str], Callable[..., int], Literal[1, 'a'], ClassVar[int], Final[int])
print(Iterable[int], Sequence, Mapping[str, int], typing.Deque[int])
print(List[int].__origin__, get_args(Dict[str, int]), get_origin(List[int]), get_origin(int))
print(get_args(Callable[[int, str], bool]), get_args(Optional[int]), get_origin(Union[int, str]))
print(Optional[int] == Union[int, None], List[int] == List[int], List[int] == List[str])
print(Union[int, Union[str, float]], Optional[Optional[int]], int | str)
print(cast(int, 'x'), TYPE_CHECKING, typing.Deque([1]), typing.DefaultDict(int))
T = TypeVar('T')
print(T, TypeVar('U', covariant=True), TypeVar('S', int, str).__constraints__, List[T][int])


def f(a: int, b: 'str' = 'x') -> List[int]:
    pass


print(get_type_hints(f))


class C:
    a: int
    b: 'Optional[C]'
    c: ClassVar[int] = 1


print(get_type_hints(C))


@overload
def g(x: int) -> int: ...
@overload
def g(x: str) -> str: ...
def g(x):
    return x


print(g(3))
N = NewType('N', int)
print(N(3), N, N.__supertype__)
for bad in [lambda: isinstance(1, List[int]), lambda: Union[()], lambda: Any(),
            lambda: isinstance(1, Any), lambda: Dict[int],
            lambda: TypeVar('X', int), lambda: List()]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
print(isinstance([], List), issubclass(dict, Dict), isinstance({}, Mapping))
