# asyncio.Queue, LifoQueue, PriorityQueue: blocking get/put, limits, task_done/join
# requires: bigheap
import asyncio


async def producer(q, items, log):
    for it in items:
        await q.put(it)
        log.append(f"put {it}")


async def consumer(q, n, log):
    out = []
    for _ in range(n):
        it = await q.get()
        log.append(f"got {it}")
        out.append(it)
        q.task_done()
    return out


async def main():
    q = asyncio.Queue(maxsize=2)
    print(q.maxsize, q.qsize(), q.empty(), q.full())
    log = []
    r = await asyncio.gather(producer(q, range(5), log), consumer(q, 5, log))
    print(r[1])
    print(log)
    await q.join()
    print("joined", q.empty())
    q.put_nowait(1)
    q.put_nowait(2)
    try:
        q.put_nowait(3)
    except asyncio.QueueFull:
        print("QueueFull", q.full(), q.qsize())
    print(q.get_nowait(), q.get_nowait())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    q.task_done()
    q.task_done()
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)
    try:
        await asyncio.wait_for(q.get(), 0.01)
    except asyncio.TimeoutError:
        print("get timed out; getters left:", len(q._getters))
    q.put_nowait("after timeout")
    print(await q.get())

    lq = asyncio.LifoQueue()
    for i in range(3):
        lq.put_nowait(i)
    print([lq.get_nowait() for _ in range(3)])
    pq = asyncio.PriorityQueue()
    for it in [(3, "c"), (1, "a"), (2, "b"), (1, "a0")]:
        await pq.put(it)
    print([pq.get_nowait() for _ in range(4)])

    # join() waits for task_done() of every item.
    jq = asyncio.Queue()
    for i in range(3):
        jq.put_nowait(i)
    done = []

    async def worker():
        while True:
            i = await jq.get()
            await asyncio.sleep(0)
            done.append(i)
            jq.task_done()
    w = asyncio.create_task(worker())
    await jq.join()
    print("join saw", done)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print("worker cancelled")
    unbounded = asyncio.Queue()
    print(unbounded.full(), issubclass(asyncio.QueueFull, Exception))


asyncio.run(main())
