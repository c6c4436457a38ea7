# Misusing asyncio: bad yields, awaiting itself, closed/running loops,
# exceptions escaping callbacks and tasks
# requires: bigheap
import asyncio


class BadYield:
    def __await__(self):
        yield 42


async def bad_yield():
    await BadYield()


async def await_self():
    await asyncio.current_task()


async def main():
    for coro in (bad_yield(), await_self()):
        try:
            await asyncio.create_task(coro)
        except RuntimeError as e:
            print("RuntimeError:", str(e).split(":")[0].split(" <")[0])
    fut = asyncio.get_running_loop().create_future()
    it = fut.__await__()
    print(next(it) is fut)
    try:
        next(it)
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        await asyncio.wait_for(asyncio.sleep(0, "x"), timeout=-1)
    except TimeoutError:
        print("negative timeout: TimeoutError")
    try:
        asyncio.ensure_future(42)
    except TypeError as e:
        print("TypeError:", e)
    loop = asyncio.get_running_loop()
    try:
        loop.run_forever()
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        loop.close()
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        loop.call_soon(42)
    except TypeError as e:
        print("TypeError:", e)
    # SystemExit and KeyboardInterrupt are not swallowed by tasks.
    return "ok"

print(asyncio.run(main()))


async def exits():
    await asyncio.sleep(0)
    raise SystemExit(3)

try:
    asyncio.run(exits())
except SystemExit as e:
    print("SystemExit", e.code)

loop = asyncio.new_event_loop()
loop.call_soon(loop.stop)
loop.run_forever()
loop.stop()
try:
    loop.run_until_complete(loop.create_future())
except RuntimeError as e:
    print("RuntimeError:", e)
loop.close()
try:
    loop.run_forever()
except RuntimeError as e:
    print("RuntimeError:", e)
