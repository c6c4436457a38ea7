# requires: host bigheap
# asyncio streams over TCP on 127.0.0.1 with an OS-chosen port
import asyncio

events = []


async def handle(reader, writer):
    peer = writer.get_extra_info('peername')
    line = await reader.readline()
    writer.write(b'echo:' + line)
    await writer.drain()
    data = await reader.readexactly(3)
    writer.write(data.upper())
    chunk = await reader.readuntil(b'|')
    writer.write(chunk[::-1])
    rest = await reader.read()
    writer.writelines([b'rest=', rest])
    await writer.drain()
    print("server: eof", reader.at_eof(), "peer host", peer[0])
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle, '127.0.0.1', 0)
    print(server.is_serving(), len(server.sockets))
    port = server.sockets[0].getsockname()[1]
    async with server:
        r, w = await asyncio.open_connection('127.0.0.1', port)
        print(w.get_extra_info('peername') == ('127.0.0.1', port))
        w.write(b'hello\n')
        print(await r.readline())
        w.write(b'abc')
        print(await r.readexactly(3))
        w.write(b'xyz|')
        print(await r.readexactly(4))
        w.write(b'tail data')
        w.write_eof()
        print(await r.read())
        print("client eof", r.at_eof())
        w.close()
        await w.wait_closed()
        print("closing", w.is_closing())
    print("served", server.is_serving())
    try:
        await asyncio.open_connection('127.0.0.1', port)
    except ConnectionRefusedError as e:
        print("ConnectionRefusedError", e.errno)

    # Many clients at once, each with a line-based exchange.
    async def upper(reader, writer):
        async for line in reader:
            writer.write(line.upper())
            await writer.drain()
        writer.close()

    server = await asyncio.start_server(upper, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]

    async def client(i):
        r, w = await asyncio.open_connection('localhost', port)
        out = []
        for j in range(3):
            w.write(f'c{i} line {j}\n'.encode())
            out.append((await r.readline()).decode().strip())
        w.close()
        await w.wait_closed()
        return out
    for res in await asyncio.gather(*(client(i) for i in range(4))):
        print(res)
    server.close()
    await server.wait_closed()

    # A big write is flushed by drain().
    async def count(reader, writer):
        data = await reader.readexactly(300000)
        writer.write(b'%d %d\n' % (len(data), data.count(b'x')))
        await writer.drain()
        writer.close()
    server = await asyncio.start_server(count, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    r, w = await asyncio.open_connection('127.0.0.1', port)
    w.write(b'x' * 300000)
    await w.drain()
    print(await r.readline())
    print(await r.read(), r.at_eof())
    w.close()
    await w.wait_closed()
    server.close()
    await server.wait_closed()

    # A handler that fails: the loop's exception handler reports it and
    # the connection is closed.
    async def fails(reader, writer):
        raise ValueError("handler failed")
    asyncio.get_running_loop().set_exception_handler(
        lambda loop, ctx: print("handler:", ctx['message'], repr(ctx['exception'])))
    server = await asyncio.start_server(fails, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    r, w = await asyncio.open_connection('127.0.0.1', port)
    print("after failure:", await r.read())
    w.close()
    server.close()

    # serve_forever is cancelled like any task; the server closes.
    server = await asyncio.start_server(upper, '127.0.0.1', 0)
    t = asyncio.create_task(server.serve_forever())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("serve_forever cancelled; serving:", server.is_serving())


asyncio.run(main())
