# Task.cancel(): CancelledError thrown at the await, finally blocks, return values
# requires: bigheap
import asyncio


async def sleeper(log):
    try:
        log.append("start")
        await asyncio.sleep(10)
        log.append("not reached")
    except asyncio.CancelledError as e:
        log.append(f"cancelled args={e.args}")
        raise
    finally:
        log.append("finally")


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        return "refused"


async def main():
    log = []
    t = asyncio.create_task(sleeper(log))
    await asyncio.sleep(0)
    print(t.cancel(), t.cancelled(), t.done(), t.cancelling())
    print(t.cancel(), t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        print("await raised CancelledError", e.args)
    print(log, t.cancelled(), t.done(), t.cancel())
    try:
        t.result()
    except asyncio.CancelledError:
        print("result() raises CancelledError")
    try:
        t.exception()
    except asyncio.CancelledError:
        print("exception() raises CancelledError")

    log = []
    t = asyncio.create_task(sleeper(log))
    t.cancel("early")   # before it ever ran: the coroutine never starts
    try:
        await t
    except asyncio.CancelledError as e:
        print("early", e.args, log)

    log = []
    t = asyncio.create_task(sleeper(log))
    await asyncio.sleep(0)
    t.cancel("with message")
    try:
        await t
    except asyncio.CancelledError as e:
        print("message", e.args, log)

    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    print(t.cancel())
    print(await t, t.cancelled())

    t = asyncio.create_task(asyncio.sleep(0))
    await t
    print("cancel finished task:", t.cancel())

    print(issubclass(asyncio.CancelledError, BaseException),
          issubclass(asyncio.CancelledError, Exception))

    # A task cancelling itself is cancelled at its next await.
    async def selfcancel():
        asyncio.current_task().cancel()
        print("still running")
        try:
            await asyncio.sleep(0)
        except asyncio.CancelledError:
            print("got it at the await")
            raise
    t = asyncio.create_task(selfcancel())
    try:
        await t
    except asyncio.CancelledError:
        print("selfcancel cancelled:", t.cancelled())

    # Cancelling the awaiting task cancels the awaited one too.
    inner_log = []
    inner = asyncio.create_task(sleeper(inner_log))

    async def outer():
        await inner
    o = asyncio.create_task(outer())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    o.cancel()
    try:
        await o
    except asyncio.CancelledError:
        print("outer cancelled", inner.cancelled(), inner_log)


asyncio.run(main())


async def cancelled_main():
    asyncio.current_task().cancel()
    await asyncio.sleep(0)

try:
    asyncio.run(cancelled_main())
except asyncio.CancelledError:
    print("run() raised CancelledError")
