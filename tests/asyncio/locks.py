# asyncio.Lock, Event, Condition, Semaphore, BoundedSemaphore (incl. misuse)
# requires: bigheap
import asyncio


async def locker(lock, name, log):
    async with lock:
        log.append(name + " in")
        await asyncio.sleep(0)
        log.append(name + " out")


async def main():
    lock = asyncio.Lock()
    print(lock.locked())
    log = []
    await asyncio.gather(locker(lock, "a", log), locker(lock, "b", log), locker(lock, "c", log))
    print(log)
    print(await lock.acquire(), lock.locked())
    lock.release()
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)
    # A cancelled waiter does not take the lock.
    await lock.acquire()
    t = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.sleep(0)
    print("waiter cancelled:", t.cancelled(), lock.locked())
    lock.release()
    print("after release:", lock.locked())

    ev = asyncio.Event()
    print(ev.is_set())
    results = []

    async def waiter(i):
        results.append((i, await ev.wait()))
    ws = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    print("before set", results)
    ev.set()
    await asyncio.gather(*ws)
    print("after set", results, ev.is_set(), await ev.wait())
    ev.clear()
    print(ev.is_set())

    cond = asyncio.Condition()
    items = []
    got = []

    async def consumer(i):
        async with cond:
            await cond.wait_for(lambda: items)
            got.append((i, items.pop(0)))
    cs = [asyncio.create_task(consumer(i)) for i in range(2)]
    await asyncio.sleep(0)
    async with cond:
        items.append("x")
        cond.notify()
    await asyncio.sleep(0)
    async with cond:
        items.append("y")
        cond.notify_all()
    await asyncio.gather(*cs)
    print("condition", got)
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        await cond.wait()
    except RuntimeError as e:
        print("RuntimeError:", e)

    sem = asyncio.Semaphore(2)
    active = []
    peak = []

    async def worker(i):
        async with sem:
            active.append(i)
            peak.append(len(active))
            await asyncio.sleep(0)
            active.remove(i)
    await asyncio.gather(*(worker(i) for i in range(5)))
    print("semaphore peak", max(peak), sem.locked())
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError:", e)
    b = asyncio.BoundedSemaphore(1)
    await b.acquire()
    b.release()
    try:
        b.release()
    except ValueError as e:
        print("ValueError:", e)
    s0 = asyncio.Semaphore(0)
    print(s0.locked())
    t = asyncio.create_task(s0.acquire())
    await asyncio.sleep(0)
    s0.release()
    print(await t)


asyncio.run(main())
