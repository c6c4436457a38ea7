# asyncio.gather: results in argument order, return_exceptions, cancellation
# requires: bigheap
import asyncio


async def val(x, n=0):
    for _ in range(n):
        await asyncio.sleep(0)
    return x


async def bad(msg, n=0):
    for _ in range(n):
        await asyncio.sleep(0)
    raise ValueError(msg)


async def forever(log, name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log.append(name)
        raise


async def main():
    print(await asyncio.gather(val(1, 3), val(2, 1), val(3)))
    print(await asyncio.gather())
    r = await asyncio.gather(val("ok"), bad("no", 1), return_exceptions=True)
    print([type(x).__name__ + ":" + str(x) for x in r])
    try:
        await asyncio.gather(val(1, 2), bad("first", 1), bad("second", 2))
    except ValueError as e:
        print("raised", e)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    # The same coroutine object twice runs once.
    c = val(7)
    print(await asyncio.gather(c, c))
    # Futures and tasks mix with coroutines.
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    loop.call_soon(f.set_result, "fut")
    t = asyncio.create_task(val("task", 2))
    print(await asyncio.gather(f, t, val("coro")))
    # Cancelling the gather cancels the children.
    log = []
    g = asyncio.gather(forever(log, "x"), forever(log, "y"))
    await asyncio.sleep(0)
    print("cancel gather:", g.cancel())
    try:
        await g
    except asyncio.CancelledError:
        print("gather cancelled", sorted(log), g.cancelled())
    # A cancelled child with return_exceptions is reported as CancelledError.
    t = asyncio.create_task(forever([], "z"))
    g = asyncio.gather(t, val(1, 3), return_exceptions=True)
    await asyncio.sleep(0)
    t.cancel()
    r = await g
    print([type(x).__name__ for x in r])
    # A cancelled child without return_exceptions cancels the outer future.
    t = asyncio.create_task(forever([], "w"))
    g = asyncio.gather(t, val(1, 3))
    await asyncio.sleep(0)
    t.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("outer raised CancelledError", g.done())
    try:
        asyncio.gather(1)
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
