# The event loop: call_soon/call_later/call_at ordering, run_until_complete,
# requires: bigheap
# run_forever/stop, close, Future API and its errors
import asyncio

loop = asyncio.new_event_loop()
log = []
loop.call_soon(log.append, "soon1")
h = loop.call_soon(log.append, "cancelled")
loop.call_later(0.02, log.append, "later 0.02")
loop.call_later(0.01, log.append, "later 0.01")
loop.call_at(loop.time() + 0.005, log.append, "at +0.005")
loop.call_soon(log.append, "soon2")
h.cancel()
print(h.cancelled())
loop.call_later(0.05, loop.stop)
loop.run_forever()
print(log)
print(loop.is_running(), loop.is_closed())


async def coro(x):
    await asyncio.sleep(0)
    return x * 2

print(loop.run_until_complete(coro(21)))
fut = loop.create_future()
loop.call_soon(fut.set_result, "future value")
print(loop.run_until_complete(fut))
t = loop.create_task(coro(5))
print(loop.run_until_complete(t), t.done())

f = loop.create_future()
print(f.done(), f.cancelled())
try:
    f.result()
except asyncio.InvalidStateError as e:
    print("InvalidStateError:", e)
try:
    f.exception()
except asyncio.InvalidStateError as e:
    print("InvalidStateError:", e)
f.set_exception(ValueError("bad"))
print(type(f.exception()).__name__, f.done())
try:
    f.result()
except ValueError as e:
    print("result raised", e)
try:
    f.set_result(1)
except asyncio.InvalidStateError as e:
    print("InvalidStateError:", e)
f2 = loop.create_future()
try:
    f2.set_exception(StopIteration())
except TypeError as e:
    print("TypeError:", e)
f2.set_exception(KeyError)
print(repr(f2.exception()))
f3 = loop.create_future()
calls = []
cb = lambda fut: calls.append("cb")
f3.add_done_callback(cb)
f3.add_done_callback(cb)
f3.add_done_callback(lambda fut: calls.append("other"))
print(f3.remove_done_callback(cb))
print(f3.cancel(), f3.cancel(), f3.cancelled())
loop.run_until_complete(asyncio.sleep(0))
print(calls)
task = loop.create_task(coro(1))
try:
    task.set_result(3)
except RuntimeError as e:
    print("RuntimeError:", e)
loop.run_until_complete(task)


async def nested():
    loop.run_until_complete(coro(1))

try:
    loop.run_until_complete(nested())
except RuntimeError as e:
    print("RuntimeError:", e)
loop.close()
loop.close()
print(loop.is_closed())
try:
    loop.call_soon(print, "x")
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    loop.run_until_complete(coro(1))
except RuntimeError as e:
    print("RuntimeError:", e)

# Exceptions in callbacks go to the exception handler, the loop goes on.
loop = asyncio.new_event_loop()
loop.set_exception_handler(lambda lp, ctx: print("handler:", type(ctx["exception"]).__name__))
loop.call_soon(lambda: 1 / 0)
loop.call_soon(print, "next callback runs")
loop.run_until_complete(asyncio.sleep(0.001))
loop.close()

asyncio.set_event_loop(None)
with asyncio.Runner() as runner:
    print(runner.run(coro(4)), runner.run(coro(8)))
