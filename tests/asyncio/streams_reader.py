# asyncio.StreamReader fed by hand: read, readline, readexactly, readuntil, limits
# requires: bigheap
import asyncio


async def main():
    r = asyncio.StreamReader()
    r.feed_data(b'line one\nline two\nab|cd')
    print(await r.readline(), await r.readline())
    print(await r.readuntil(b'|'))
    print(r.at_eof())
    r.feed_eof()
    try:
        await r.readexactly(5)
    except asyncio.IncompleteReadError as e:
        print("IncompleteReadError:", e, e.partial, e.expected)
    print(r.at_eof(), await r.read(), await r.readline())

    r = asyncio.StreamReader()
    r.feed_data(b'no separator')
    r.feed_eof()
    try:
        await r.readuntil(b'\n')
    except asyncio.IncompleteReadError as e:
        print("IncompleteReadError:", e, e.partial)
    try:
        await r.readuntil(b'')
    except ValueError as e:
        print("ValueError:", e)
    try:
        await r.readexactly(-1)
    except ValueError as e:
        print("ValueError:", e)

    # Data arriving later wakes the reader.
    r = asyncio.StreamReader()

    async def feeder():
        for part in (b'hel', b'lo wor', b'ld\n', b'rest'):
            await asyncio.sleep(0)
            r.feed_data(part)
        r.feed_eof()
    t = asyncio.create_task(feeder())
    print(await r.readline(), await r.readexactly(2), await r.read(100), await r.read())
    await t

    r = asyncio.StreamReader(limit=4)
    r.feed_data(b'toolongline\nok\n')
    try:
        await r.readline()
    except ValueError as e:
        print("ValueError:", e)
    print(await r.readline())
    r = asyncio.StreamReader(limit=4)
    r.feed_data(b'abcdefgh')
    try:
        await r.readuntil(b'!')
    except asyncio.LimitOverrunError as e:
        print("LimitOverrunError:", e, e.consumed)
    try:
        asyncio.StreamReader(limit=0)
    except ValueError as e:
        print("ValueError:", e)
    r = asyncio.StreamReader()
    r.set_exception(ConnectionResetError("gone"))
    try:
        await r.read(1)
    except ConnectionResetError as e:
        print("ConnectionResetError:", e)
    r = asyncio.StreamReader()
    r.feed_data(b'a\nb\nc')
    r.feed_eof()
    print([line async for line in r])


asyncio.run(main())
