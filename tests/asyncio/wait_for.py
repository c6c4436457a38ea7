# asyncio.wait_for: results, timeouts (TimeoutError), cancellation of the inner task
# requires: bigheap
import asyncio


async def slow(log, delay):
    try:
        await asyncio.sleep(delay)
        return "slow result"
    except asyncio.CancelledError:
        log.append("inner cancelled")
        raise
    finally:
        log.append("inner finally")


async def quick():
    await asyncio.sleep(0)
    return "quick"


async def boom():
    await asyncio.sleep(0)
    raise OSError(5, "io")


async def main():
    print(await asyncio.wait_for(quick(), 1))
    print(await asyncio.wait_for(quick(), None))
    log = []
    try:
        await asyncio.wait_for(slow(log, 10), 0.01)
    except asyncio.TimeoutError as e:
        print("timeout:", type(e).__name__, repr(str(e)), type(e.__cause__).__name__, log)
    print(asyncio.TimeoutError is TimeoutError)
    log = []
    try:
        await asyncio.wait_for(slow(log, 10), 0)
    except TimeoutError:
        print("zero timeout", log)
    try:
        await asyncio.wait_for(boom(), 1)
    except OSError as e:
        print("inner error", e.errno, e)
    t = asyncio.create_task(quick())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("done task, zero timeout:", await asyncio.wait_for(t, 0))
    # Cancelling the waiter cancels the awaited task too.
    log = []

    async def waiter():
        return await asyncio.wait_for(slow(log, 10), 5)
    w = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print("waiter cancelled", log)
    # A task that ignores cancellation still finishes with its result.

    async def ignores():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            pass
        return "ignored the timeout"
    print(await asyncio.wait_for(ignores(), 0.01))


asyncio.run(main())
