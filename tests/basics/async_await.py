# async/await driven by a tiny hand-written event loop (no asyncio).
class Sleep:
    """Awaitable that suspends the coroutine for `ticks` scheduler rounds."""

    def __init__(self, ticks):
        self.ticks = ticks

    def __await__(self):
        for _ in range(self.ticks):
            yield "tick"
        return self.ticks


def run(coros):
    ready = list(enumerate(coros))
    results = {}
    while ready:
        idx, coro = ready.pop(0)
        try:
            coro.send(None)
        except StopIteration as e:
            results[idx] = e.value
            print("task", idx, "finished")
        else:
            ready.append((idx, coro))
    return [results[i] for i in range(len(coros))]


async def worker(name, steps):
    total = 0
    for i in range(steps):
        print(name, "step", i)
        total += await Sleep(1)
    return name + ":" + str(total)


async def nested():
    a = await add(1, 2)
    b = await add(a, 10)
    return b


async def add(x, y):
    await Sleep(0)
    return x + y


print(run([worker("A", 2), worker("B", 3), nested()]))


async def failing():
    await Sleep(1)
    raise ValueError("inside coroutine")


c = failing()
print(type(c).__name__, c.send(None))
try:
    c.send(None)
except ValueError as e:
    print("ValueError", e)


async def catcher():
    try:
        await failing()
    except ValueError as e:
        return "caught " + str(e)


print(run([catcher()]))
co = worker("never", 1)
co.close()
print("closed unstarted coroutine")


class AsyncCM:
    async def __aenter__(self):
        print("aenter")
        return "resource"

    async def __aexit__(self, *exc):
        print("aexit", exc[0])


async def use_cm():
    async with AsyncCM() as r:
        print("using", r)
        await Sleep(1)
    return "done"


print(run([use_cm()]))


class ATicker:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        await Sleep(1)
        return self.n


async def consume():
    return [v async for v in ATicker(3)]


print(run([consume()]))
