"""asyncio.wait, shield and as_completed."""

from . import (CancelledError, get_running_loop, ensure_future, isfuture, iscoroutine,
               _release_waiter, FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED)


def shield(arg):
    """Protect an awaitable from being cancelled by its awaiter."""
    inner = ensure_future(arg)
    if inner.done():
        return inner
    outer = inner._loop.create_future()

    def inner_done(inner):
        if outer.cancelled():
            if not inner.cancelled():
                inner.exception()
            return
        if inner.cancelled():
            outer.cancel()
        else:
            exc = inner.exception()
            if exc is not None:
                outer.set_exception(exc)
            else:
                outer.set_result(inner.result())

    def outer_done(outer):
        if not inner.done():
            inner.remove_done_callback(inner_done)

    inner.add_done_callback(inner_done)
    outer.add_done_callback(outer_done)
    return outer


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    """Wait for futures; returns the sets (done, pending)."""
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError(f'expect a list of futures, not {type(fs).__name__}')
    if not fs:
        raise ValueError('Set of Tasks/Futures is empty.')
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError(f'Invalid return_when value: {return_when}')
    loop = get_running_loop()
    fs = set(fs)
    if any(iscoroutine(f) for f in fs):
        raise TypeError('Passing coroutines is forbidden, use tasks explicitly.')
    waiter = loop.create_future()
    th = None
    if timeout is not None:
        th = loop.call_later(timeout, _release_waiter, waiter)
    counter = len(fs)

    def on_done(f):
        nonlocal counter
        counter -= 1
        if (counter <= 0 or return_when == FIRST_COMPLETED or
                return_when == FIRST_EXCEPTION and not f.cancelled() and f.exception() is not None):
            if th is not None:
                th.cancel()
            if not waiter.done():
                waiter.set_result(None)

    for f in fs:
        f.add_done_callback(on_done)
    try:
        await waiter
    finally:
        if th is not None:
            th.cancel()
        for f in fs:
            f.remove_done_callback(on_done)
    done, pending = set(), set()
    for f in fs:
        (done if f.done() else pending).add(f)
    return done, pending


def as_completed(fs, *, timeout=None):
    """Iterator of awaitables giving the results in completion order."""
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError(f'expect an iterable of futures, not {type(fs).__name__}')
    todo = [ensure_future(f) for f in set(fs)]
    done = []
    waiters = []
    if not todo:
        return iter(())
    loop = todo[0]._loop
    th = None

    def on_done(f):
        if f in todo:
            todo.remove(f)
            done.append(f)
            if waiters:
                w = waiters.pop(0)
                if not w.done():
                    w.set_result(None)
        if not todo and th is not None:
            th.cancel()

    def on_timeout():
        for f in todo:
            f.remove_done_callback(on_done)
        done.append(None)
        todo.clear()
        for w in waiters:
            if not w.done():
                w.set_result(None)

    async def wait_one():
        if not done:
            w = loop.create_future()
            waiters.append(w)
            await w
        f = done.pop(0)
        if f is None:
            raise TimeoutError
        return f.result()

    for f in todo:
        f.add_done_callback(on_done)
    if timeout is not None:
        th = loop.call_later(timeout, on_timeout)
    return (wait_one() for _ in range(len(todo)))


