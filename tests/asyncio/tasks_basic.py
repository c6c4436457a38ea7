# asyncio.run, create_task, sleep, Task attributes and the event loop access
# requires: bigheap
import asyncio


async def add(a, b, delay=0):
    await asyncio.sleep(delay)
    return a + b


async def noisy(name, n, log):
    for i in range(n):
        log.append(f"{name}{i}")
        await asyncio.sleep(0)
    return name


async def main():
    print(await add(1, 2))
    print(await asyncio.sleep(0, result="slept"))
    t = asyncio.create_task(add(3, 4), name="adder")
    print(t.get_name(), t.done(), isinstance(t, asyncio.Future), isinstance(t, asyncio.Task))
    print(await t, t.done(), t.result(), t.exception(), t.cancelled())
    t.set_name("renamed")
    print(t.get_name())
    log = []
    t1 = asyncio.create_task(noisy("a", 3, log))
    t2 = asyncio.create_task(noisy("b", 2, log))
    print(await t1, await t2, log)
    # Tasks run in creation order, interleaving at each sleep(0).
    me = asyncio.current_task()
    print(me.get_name(), me in asyncio.all_tasks(), len(asyncio.all_tasks()))
    loop = asyncio.get_running_loop()
    print(loop is asyncio.get_event_loop(), loop.is_running(), loop.is_closed())
    seen = []
    t3 = asyncio.create_task(add(1, 1))
    t3.add_done_callback(lambda f: seen.append(f.result()))
    await t3
    await asyncio.sleep(0)
    print("callback saw", seen)
    t4 = asyncio.ensure_future(add(5, 5))
    print(asyncio.isfuture(t4), asyncio.ensure_future(t4) is t4, await t4)
    print(asyncio.iscoroutinefunction(add), asyncio.iscoroutinefunction(print))
    c = add(0, 0)
    print(asyncio.iscoroutine(c), asyncio.iscoroutine(1))
    print(await c)
    try:
        asyncio.run(add(1, 1))
    except RuntimeError as e:
        print("RuntimeError:", e)
    return "main done"


print(asyncio.run(main()))
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    asyncio.run(42)
except ValueError as e:
    print("ValueError:", e)
try:
    asyncio.Task(42, loop=asyncio.new_event_loop())
except TypeError as e:
    print("TypeError:", e)


async def fails():
    await asyncio.sleep(0)
    raise KeyError("k")

try:
    asyncio.run(fails())
except KeyError as e:
    print("KeyError", e)
