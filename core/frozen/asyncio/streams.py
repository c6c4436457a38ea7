# frozen: hosts only
"""asyncio streams over non-blocking sockets: open_connection(),
start_server(), StreamReader, StreamWriter and Server."""

from . import CancelledError, get_running_loop, get_event_loop, iscoroutine
from . import BaseEventLoop as _BaseEventLoop

_DEFAULT_LIMIT = 2 ** 16


class IncompleteReadError(EOFError):
    def __init__(self, partial, expected):
        r = 'undefined' if expected is None else repr(expected)
        super().__init__(f'{len(partial)} bytes read on a total of {r} expected bytes')
        self.partial = partial
        self.expected = expected

    def __reduce__(self):
        return type(self), (self.partial, self.expected)


class LimitOverrunError(Exception):
    def __init__(self, message, consumed):
        super().__init__(message)
        self.consumed = consumed

    def __reduce__(self):
        return type(self), (self.args[0], self.consumed)


class _LazySocket:
    # `socket` is imported on first use: StreamReader works without it
    # (ports without sockets).
    def __getattr__(self, name):
        import socket
        return getattr(socket, name)


_socket = _LazySocket()

# The event loop's sock_*() and getaddrinfo() methods (see
# BaseEventLoop.__getattr__).

def _wait_fd(loop, fd, write):
    # A future done when `fd` is readable (or writable).
    fut = loop.create_future()
    if write:
        add, remove = loop.add_writer, loop.remove_writer
    else:
        add, remove = loop.add_reader, loop.remove_reader

    def ready():
        remove(fd)
        if not fut.done():
            fut.set_result(None)

    def done(f):
        if f.cancelled():
            remove(fd)
    add(fd, ready)
    fut.add_done_callback(done)
    return fut


async def _loop_sock_recv(self, sock, n):
    while True:
        try:
            return sock.recv(n)
        except (BlockingIOError, InterruptedError):
            pass
        await _wait_fd(self, sock.fileno(), False)


async def _loop_sock_recv_into(self, sock, buf):
    while True:
        try:
            return sock.recv_into(buf)
        except (BlockingIOError, InterruptedError):
            pass
        await _wait_fd(self, sock.fileno(), False)


async def _loop_sock_sendall(self, sock, data):
    view = memoryview(data)
    pos = 0
    while pos < len(view):
        try:
            pos += sock.send(view[pos:])
            continue
        except (BlockingIOError, InterruptedError):
            pass
        await _wait_fd(self, sock.fileno(), True)


async def _loop_sock_accept(self, sock):
    while True:
        try:
            conn, addr = sock.accept()
            conn.setblocking(False)
            return conn, addr
        except (BlockingIOError, InterruptedError):
            pass
        await _wait_fd(self, sock.fileno(), False)


async def _loop_sock_connect(self, sock, address):
    err = sock.connect_ex(address)
    if err in (115, 114, 11):  # EINPROGRESS, EALREADY, EAGAIN
        await _wait_fd(self, sock.fileno(), True)
        err = sock.getsockopt(_socket.SOL_SOCKET, _socket.SO_ERROR)
    if err and err != 106:  # EISCONN
        raise OSError(err, f'Connect call failed {address}')


async def _loop_getaddrinfo(self, host, port, *, family=0, type=0, proto=0, flags=0):
    return _socket.getaddrinfo(host, port, family, type, proto, flags)


for _n in ('sock_recv', 'sock_recv_into', 'sock_sendall', 'sock_accept', 'sock_connect',
           'getaddrinfo'):
    setattr(_BaseEventLoop, _n, globals()['_loop_' + _n])
del _n


class StreamReader:
    """Buffered bytes received from a connection."""

    def __init__(self, limit=_DEFAULT_LIMIT, loop=None):
        if limit <= 0:
            raise ValueError('Limit cannot be <= 0')
        self._limit = limit
        self._loop = get_event_loop() if loop is None else loop
        self._buffer = bytearray()
        self._eof = False
        self._waiter = None
        self._exception = None
        self._transport = None

    def __repr__(self):
        info = ['StreamReader']
        if self._buffer:
            info.append(f'{len(self._buffer)} bytes')
        if self._eof:
            info.append('eof')
        return '<{}>'.format(' '.join(info))

    def exception(self):
        return self._exception

    def set_exception(self, exc):
        self._exception = exc
        self._wakeup(exc)

    def set_transport(self, transport):
        self._transport = transport

    def _wakeup(self, exc=None):
        w = self._waiter
        if w is not None:
            self._waiter = None
            if not w.done():
                if exc is None:
                    w.set_result(None)
                else:
                    w.set_exception(exc)

    def feed_eof(self):
        self._eof = True
        self._wakeup()

    def at_eof(self):
        return self._eof and not self._buffer

    def feed_data(self, data):
        if not data:
            return
        self._buffer.extend(data)
        self._wakeup()
        t = self._transport
        if t is not None and len(self._buffer) > 2 * self._limit:
            t._pause_reading()

    async def _wait_for_data(self, func_name):
        if self._waiter is not None:
            raise RuntimeError(f'{func_name}() called while another coroutine is '
                               f'already waiting for incoming data')
        if self._eof:
            return
        t = self._transport
        if t is not None:
            t._resume_reading()
        self._waiter = self._loop.create_future()
        try:
            await self._waiter
        finally:
            self._waiter = None

    def _consumed(self, n):
        data = bytes(self._buffer[:n])
        del self._buffer[:n]
        t = self._transport
        if t is not None and len(self._buffer) <= self._limit:
            t._resume_reading()
        return data

    async def read(self, n=-1):
        if self._exception is not None:
            raise self._exception
        if n == 0:
            return b''
        if n < 0:
            blocks = []
            while True:
                block = await self.read(self._limit)
                if not block:
                    break
                blocks.append(block)
            return b''.join(blocks)
        if not self._buffer and not self._eof:
            await self._wait_for_data('read')
        return self._consumed(min(n, len(self._buffer)))

    async def readline(self):
        try:
            return await self.readuntil(b'\n')
        except IncompleteReadError as e:
            return e.partial
        except LimitOverrunError as e:
            if self._buffer.startswith(b'\n', e.consumed):
                del self._buffer[:e.consumed + 1]
            else:
                self._buffer.clear()
            raise ValueError(e.args[0])

    async def readuntil(self, separator=b'\n'):
        seplen = len(separator)
        if seplen == 0:
            raise ValueError('Separator should be at least one-byte string')
        if self._exception is not None:
            raise self._exception
        offset = 0
        while True:
            buflen = len(self._buffer)
            if buflen - offset >= seplen:
                i = self._buffer.find(separator, offset)
                if i != -1:
                    break
                offset = buflen + 1 - seplen
                if offset > self._limit:
                    raise LimitOverrunError('Separator is not found, and chunk exceed the limit', offset)
            if self._eof:
                chunk = bytes(self._buffer)
                self._buffer.clear()
                raise IncompleteReadError(chunk, None)
            await self._wait_for_data('readuntil')
        if i > self._limit:
            raise LimitOverrunError('Separator is found, but chunk is longer than limit', i)
        return self._consumed(i + seplen)

    async def readexactly(self, n):
        if n < 0:
            raise ValueError('readexactly size can not be less than zero')
        if self._exception is not None:
            raise self._exception
        if n == 0:
            return b''
        while len(self._buffer) < n:
            if self._eof:
                incomplete = bytes(self._buffer)
                self._buffer.clear()
                raise IncompleteReadError(incomplete, n)
            await self._wait_for_data('readexactly')
        return self._consumed(n)

    def __aiter__(self):
        return self

    async def __anext__(self):
        val = await self.readline()
        if val == b'':
            raise StopAsyncIteration
        return val


class _SocketTransport:
    """A connected non-blocking socket driven by the event loop: received
    data goes to a StreamReader, written data is buffered until sent."""

    def __init__(self, loop, sock, reader):
        self._loop = loop
        self._sock = sock
        self._fd = sock.fileno()
        self._reader = reader
        self._wbuf = bytearray()
        self._closing = False
        self._closed = loop.create_future()
        self._reading = False
        self._eof_pending = False
        self._drain_waiters = []
        self._extra = {'socket': sock}
        try:
            self._extra['sockname'] = sock.getsockname()
        except OSError:
            self._extra['sockname'] = None
        try:
            self._extra['peername'] = sock.getpeername()
        except OSError:
            self._extra['peername'] = None
        reader.set_transport(self)
        self._resume_reading()

    def get_extra_info(self, name, default=None):
        return self._extra.get(name, default)

    def _resume_reading(self):
        if not self._reading and not self._closing and not self._reader._eof:
            self._reading = True
            self._loop.add_reader(self._fd, self._read_ready)

    def _pause_reading(self):
        if self._reading:
            self._reading = False
            self._loop.remove_reader(self._fd)

    def _read_ready(self):
        try:
            data = self._sock.recv(65536)
        except (BlockingIOError, InterruptedError):
            return
        except OSError as exc:
            self._pause_reading()
            self._reader.set_exception(exc)
            return
        if data:
            self._reader.feed_data(data)
        else:
            self._pause_reading()
            self._reader.feed_eof()

    def write(self, data):
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(f'data argument must be a bytes-like object, not {type(data).__name__!r}')
        if self._closing:
            return
        if not data:
            return
        if not self._wbuf:
            try:
                n = self._sock.send(data)
            except (BlockingIOError, InterruptedError):
                n = 0
            except OSError as exc:
                self._fail(exc)
                return
            data = data[n:]
            if not data:
                return
            self._loop.add_writer(self._fd, self._write_ready)
        self._wbuf.extend(data)

    def _write_ready(self):
        try:
            n = self._sock.send(self._wbuf)
        except (BlockingIOError, InterruptedError):
            return
        except OSError as exc:
            self._loop.remove_writer(self._fd)
            self._wbuf.clear()
            self._fail(exc)
            return
        del self._wbuf[:n]
        if not self._wbuf:
            self._loop.remove_writer(self._fd)
            self._wake_drainers(None)
            if self._closing:
                self._finish_close()
            elif self._eof_pending:
                self._sock.shutdown(_socket.SHUT_WR)

    def _fail(self, exc):
        self._wake_drainers(exc)
        self._closing = True
        self._finish_close()

    def _wake_drainers(self, exc):
        ws = self._drain_waiters
        self._drain_waiters = []
        for w in ws:
            if not w.done():
                if exc is None:
                    w.set_result(None)
                else:
                    w.set_exception(exc)

    def get_write_buffer_size(self):
        return len(self._wbuf)

    def can_write_eof(self):
        return True

    def write_eof(self):
        if not self._closing and not self._eof_pending:
            self._eof_pending = True
            if not self._wbuf:
                self._sock.shutdown(_socket.SHUT_WR)

    def is_closing(self):
        return self._closing

    def close(self):
        if self._closing:
            return
        self._closing = True
        self._pause_reading()
        if not self._wbuf:
            self._finish_close()

    def abort(self):
        self._wbuf.clear()
        self._closing = True
        self._finish_close()

    def _finish_close(self):
        if self._closed.done():
            return
        self._pause_reading()
        self._loop.remove_writer(self._fd)
        self._sock.close()
        self._closed.set_result(None)
        if not self._reader._eof:
            self._reader.feed_eof()


class StreamWriter:
    """Writes to a connection; drain() waits until the data is sent."""

    def __init__(self, transport, protocol, reader, loop):
        self._transport = transport
        self._protocol = protocol
        self._reader = reader
        self._loop = loop

    def __repr__(self):
        return f'<StreamWriter transport={self._transport!r} reader={self._reader!r}>'

    @property
    def transport(self):
        return self._transport

    def write(self, data):
        self._transport.write(data)

    def writelines(self, data):
        for d in data:
            self._transport.write(d)

    def write_eof(self):
        return self._transport.write_eof()

    def can_write_eof(self):
        return self._transport.can_write_eof()

    def close(self):
        return self._transport.close()

    def is_closing(self):
        return self._transport.is_closing()

    async def wait_closed(self):
        await self._transport._closed

    def get_extra_info(self, name, default=None):
        return self._transport.get_extra_info(name, default)

    async def drain(self):
        if self._reader is not None:
            exc = self._reader.exception()
            if exc is not None:
                raise exc
        t = self._transport
        if t.is_closing():
            await _yield0()
            if t._closed.done() and t._wbuf:
                raise ConnectionResetError('Connection lost')
        if t._wbuf:
            w = self._loop.create_future()
            t._drain_waiters.append(w)
            await w


async def _yield0():
    from . import sleep
    await sleep(0)


def _connected(loop, sock, limit):
    reader = StreamReader(limit=limit, loop=loop)
    transport = _SocketTransport(loop, sock, reader)
    writer = StreamWriter(transport, None, reader, loop)
    return reader, writer


async def _connect_sock(loop, family, type_, proto, addr):
    sock = _socket.socket(family, type_, proto)
    try:
        sock.setblocking(False)
        await loop.sock_connect(sock, addr)
        return sock
    except BaseException:
        sock.close()
        raise


async def open_connection(host=None, port=None, *, limit=_DEFAULT_LIMIT, sock=None,
                          family=0, proto=0, flags=0, local_addr=None, **kwds):
    """Connect to (host, port); returns (StreamReader, StreamWriter)."""
    loop = get_running_loop()
    if sock is None:
        if host is None and port is None:
            raise ValueError('host and port was not specified and no sock specified')
        infos = await loop.getaddrinfo(host, port, family=family,
                                       type=_socket.SOCK_STREAM, proto=proto, flags=flags)
        if not infos:
            raise OSError('getaddrinfo() returned empty list')
        errors = []
        for fam, typ, pro, _, addr in infos:
            try:
                sock = await _connect_sock(loop, fam, typ, pro, addr)
                break
            except OSError as exc:
                errors.append(exc)
        else:
            if len(errors) == 1:
                raise errors[0]
            model = str(errors[0])
            if all(str(e) == model for e in errors):
                raise errors[0]
            raise OSError('Multiple exceptions: {}'.format(', '.join(str(e) for e in errors)))
    else:
        sock.setblocking(False)
    return _connected(loop, sock, limit)


async def open_unix_connection(path=None, *, limit=_DEFAULT_LIMIT, sock=None, **kwds):
    loop = get_running_loop()
    if sock is None:
        sock = await _connect_sock(loop, _socket.AF_UNIX, _socket.SOCK_STREAM, 0, path)
    else:
        sock.setblocking(False)
    return _connected(loop, sock, limit)


class Server:
    """Listening sockets accepting connections for a callback."""

    def __init__(self, loop, sockets, client_connected_cb, limit, backlog):
        self._loop = loop
        self._sockets = sockets
        self._cb = client_connected_cb
        self._limit = limit
        self._backlog = backlog
        self._serving = False
        self._serving_forever_fut = None
        self._waiters = []
        self._active = 0

    def __repr__(self):
        return f'<{type(self).__name__} sockets={self.sockets!r}>'

    def get_loop(self):
        return self._loop

    @property
    def sockets(self):
        if self._sockets is None:
            return ()
        return tuple(self._sockets)

    def is_serving(self):
        return self._serving

    def _start_serving(self):
        if self._serving:
            return
        self._serving = True
        for sock in self._sockets:
            sock.listen(self._backlog)
            self._loop.add_reader(sock.fileno(), self._accept, sock)

    def _accept(self, sock):
        for _ in range(self._backlog):
            try:
                conn, addr = sock.accept()
            except (BlockingIOError, InterruptedError, ConnectionAbortedError):
                return
            except OSError as exc:
                self._loop.call_exception_handler({
                    'message': 'socket.accept() out of system resource',
                    'exception': exc,
                    'socket': sock,
                })
                return
            conn.setblocking(False)
            reader, writer = _connected(self._loop, conn, self._limit)
            res = self._cb(reader, writer)
            if iscoroutine(res):
                self._loop.create_task(res).add_done_callback(
                    lambda t, tr=writer._transport: self._cb_done(t, tr))

    def _cb_done(self, task, transport):
        if task.cancelled():
            return
        exc = task.exception()
        if exc is not None:
            self._loop.call_exception_handler({
                'message': 'Unhandled exception in client_connected_cb',
                'exception': exc,
                'transport': transport,
            })
            transport.close()

    async def start_serving(self):
        self._start_serving()
        from . import sleep
        await sleep(0)

    async def serve_forever(self):
        if self._serving_forever_fut is not None:
            raise RuntimeError(f'server {self!r} is already being awaited on serve_forever()')
        if self._sockets is None:
            raise RuntimeError(f'server {self!r} is closed')
        self._start_serving()
        self._serving_forever_fut = self._loop.create_future()
        try:
            await self._serving_forever_fut
        except CancelledError:
            try:
                self.close()
                await self.wait_closed()
            finally:
                raise
        finally:
            self._serving_forever_fut = None

    def close(self):
        sockets = self._sockets
        if sockets is None:
            return
        self._sockets = None
        for sock in sockets:
            self._loop.remove_reader(sock.fileno())
            sock.close()
        self._serving = False
        f = self._serving_forever_fut
        if f is not None and not f.done():
            f.cancel()
            self._serving_forever_fut = None
        ws = self._waiters
        self._waiters = []
        for w in ws:
            if not w.done():
                w.set_result(None)

    async def wait_closed(self):
        if self._sockets is None:
            return
        w = self._loop.create_future()
        self._waiters.append(w)
        await w

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        self.close()
        await self.wait_closed()


async def start_server(client_connected_cb, host=None, port=None, *, limit=_DEFAULT_LIMIT,
                       family=0, flags=None, sock=None,
                       backlog=100, reuse_address=None, reuse_port=None, start_serving=True,
                       **kwds):
    """Listen on (host, port); client_connected_cb(reader, writer) is called
    (a coroutine function's result runs as a Task) for each connection."""
    loop = get_running_loop()
    if flags is None:
        flags = _socket.AI_PASSIVE
    if sock is not None:
        sockets = [sock]
        sock.setblocking(False)
    else:
        if reuse_address is None:
            reuse_address = True
        hosts = [None] if host == '' or host is None else ([host] if isinstance(host, str) else list(host))
        infos = []
        for h in hosts:
            for info in await loop.getaddrinfo(h, port, family=family,
                                               type=_socket.SOCK_STREAM, flags=flags):
                if info not in infos:
                    infos.append(info)
        sockets = []
        try:
            for fam, typ, pro, _, addr in infos:
                s = _socket.socket(fam, typ, pro)
                sockets.append(s)
                if reuse_address:
                    s.setsockopt(_socket.SOL_SOCKET, _socket.SO_REUSEADDR, 1)
                if reuse_port:
                    s.setsockopt(_socket.SOL_SOCKET, _socket.SO_REUSEPORT, 1)
                if fam == _socket.AF_INET6:
                    s.setsockopt(_socket.IPPROTO_IPV6, _socket.IPV6_V6ONLY, 1)
                try:
                    s.bind(addr)
                except OSError as err:
                    raise OSError(err.errno, f'error while attempting to bind on address '
                                             f'{addr!r}: {err.strerror.lower()}') from None
                s.setblocking(False)
        except BaseException:
            for s in sockets:
                s.close()
            raise
    server = Server(loop, sockets, client_connected_cb, limit, backlog)
    if start_serving:
        server._start_serving()
        from . import sleep
        await sleep(0)
    return server


async def start_unix_server(client_connected_cb, path=None, *, limit=_DEFAULT_LIMIT, sock=None,
                            backlog=100, start_serving=True, **kwds):
    loop = get_running_loop()
    if sock is None:
        sock = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
        try:
            sock.bind(path)
        except BaseException:
            sock.close()
            raise
    sock.setblocking(False)
    server = Server(loop, [sock], client_connected_cb, limit, backlog)
    if start_serving:
        server._start_serving()
        from . import sleep
        await sleep(0)
    return server
