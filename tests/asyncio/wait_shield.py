# asyncio.wait (return_when, timeout), shield and as_completed
# requires: bigheap
import asyncio


async def val(x, n):
    for _ in range(n):
        await asyncio.sleep(0)
    return x


async def bad(n):
    for _ in range(n):
        await asyncio.sleep(0)
    raise RuntimeError("bad")


def names(tasks):
    return sorted(t.get_name() for t in tasks)


async def main():
    ts = [asyncio.create_task(val(i, i), name=f"t{i}") for i in range(3)]
    done, pending = await asyncio.wait(ts)
    print(names(done), names(pending))
    ts = [asyncio.create_task(val(i, i * 2), name=f"u{i}") for i in range(3)]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    print(names(done), names(pending))
    await asyncio.wait(pending)
    ts = [asyncio.create_task(val(1, 5), name="v1"), asyncio.create_task(bad(1), name="v2")]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print(names(done), names(pending))
    await asyncio.wait(pending)
    ts = [asyncio.create_task(asyncio.sleep(10), name="w1"), asyncio.create_task(val(1, 0), name="w2")]
    done, pending = await asyncio.wait(ts, timeout=0.01)
    print(names(done), names(pending))
    for t in pending:
        t.cancel()
    try:
        await asyncio.wait([])
    except ValueError as e:
        print("ValueError:", e)
    try:
        await asyncio.wait(ts, return_when="bogus")
    except ValueError as e:
        print("ValueError:", e)

    # shield: cancelling the outer future leaves the inner task running.
    inner = asyncio.create_task(val("shielded", 3))
    outer = asyncio.shield(inner)
    await asyncio.sleep(0)
    print("cancel outer:", outer.cancel())
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled; inner cancelled?", inner.cancelled())
    print(await inner)
    print(await asyncio.shield(val("plain", 1)))

    results = []
    for fut in asyncio.as_completed([val("c", 3), val("a", 1), val("b", 2)]):
        results.append(await fut)
    print(results)


asyncio.run(main())
