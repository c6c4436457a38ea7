"""Asynchronous I/O: ferropy's own small event loop with CPython's asyncio
API (futures, tasks, timers, synchronisation primitives, queues; streams
over sockets in asyncio.streams where the port has ``select``/``socket``)."""

import sys
from time import monotonic as _monotonic, sleep as _sleep

try:
    import contextvars as _cv
except ImportError:
    _cv = None

try:
    import select as _select
except ImportError:
    _select = None


class CancelledError(BaseException):
    """The Future or Task was cancelled."""


class InvalidStateError(Exception):
    """The operation is not allowed in this state."""


class SendfileNotAvailableError(RuntimeError):
    pass


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


class QueueEmpty(Exception):
    """Raised by get_nowait() on an empty Queue."""


class QueueFull(Exception):
    """Raised by put_nowait() on a full Queue."""


TimeoutError = TimeoutError

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'

_PENDING = 'PENDING'
_CANCELLED = 'CANCELLED'
_FINISHED = 'FINISHED'

_running_loop = None
_event_loop = None
_loop_set = False


def _cb_name(cb):
    return getattr(cb, '__qualname__', None) or getattr(cb, '__name__', None) or repr(cb)


# ---------------------------------------------------------------- handles

class Handle:
    """A callback registered with call_soon()."""

    def __init__(self, callback, args, loop, context=None):
        self._callback = callback
        self._args = args
        self._loop = loop
        self._context = context
        self._cancelled = False

    def __repr__(self):
        s = 'cancelled' if self._cancelled else _cb_name(self._callback) + '()'
        return f'<{type(self).__name__} {s}>'

    def get_context(self):
        return self._context

    def cancel(self):
        if not self._cancelled:
            self._cancelled = True
            self._callback = None
            self._args = None

    def cancelled(self):
        return self._cancelled

    def _run(self):
        try:
            if self._context is None:
                self._callback(*self._args)
            else:
                self._context.run(self._callback, *self._args)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._loop.call_exception_handler({
                'message': f'Exception in callback {_cb_name(self._callback)}()',
                'exception': exc,
                'handle': self,
            })


class TimerHandle(Handle):
    """A callback registered with call_later() or call_at()."""

    def __init__(self, when, callback, args, loop, context=None):
        super().__init__(callback, args, loop, context)
        self._when = when
        self._scheduled = False

    def when(self):
        return self._when

    def cancel(self):
        if not self._cancelled:
            self._loop._timer_cancelled = True
        super().cancel()

    def __lt__(self, other):
        return self._when < other._when

    def __le__(self, other):
        return self._when <= other._when

    def __gt__(self, other):
        return self._when > other._when

    def __ge__(self, other):
        return self._when >= other._when


# ---------------------------------------------------------------- the loop

class AbstractEventLoop:
    pass


def _run_until_complete_cb(fut):
    if not fut.cancelled():
        exc = fut.exception()
        if isinstance(exc, (SystemExit, KeyboardInterrupt)):
            return
    fut.get_loop().stop()


class BaseEventLoop(AbstractEventLoop):
    """The event loop: ready callbacks, timers, and file descriptors
    watched with ``select.poll`` (where the port has it)."""

    def __init__(self):
        self._ready = []
        self._timers = []
        self._timer_seq = 0
        self._timer_cancelled = False
        self._stopping = False
        self._closed = False
        self._running = False
        self._readers = {}
        self._writers = {}
        self._poller = None
        self._tasks = []
        self._current_task = None
        self._exception_handler = None
        self._debug = False
        self._task_factory = None
        self._clock_resolution = 1e-06

    def __repr__(self):
        return (f'<{type(self).__name__} running={self._running} '
                f'closed={self._closed} debug={self._debug}>')

    # -- state
    def time(self):
        return _monotonic()

    def is_running(self):
        return self._running

    def is_closed(self):
        return self._closed

    def get_debug(self):
        return self._debug

    def set_debug(self, enabled):
        self._debug = enabled

    def _check_closed(self):
        if self._closed:
            raise RuntimeError('Event loop is closed')

    def stop(self):
        self._stopping = True

    def close(self):
        if self._running:
            raise RuntimeError('Cannot close a running event loop')
        if self._closed:
            return
        self._closed = True
        self._ready.clear()
        self._timers.clear()
        self._readers.clear()
        self._writers.clear()
        self._poller = None

    # -- scheduling
    def call_soon(self, callback, *args, context=None):
        self._check_closed()
        if not callable(callback):
            raise TypeError('a callable object was expected by call_soon(), got ' + repr(callback))
        h = Handle(callback, args, self, context)
        self._ready.append(h)
        return h

    call_soon_threadsafe = call_soon

    def call_later(self, delay, callback, *args, context=None):
        if delay is None:
            raise TypeError('delay must not be None')
        return self.call_at(self.time() + delay, callback, *args, context=context)

    def call_at(self, when, callback, *args, context=None):
        if when is None:
            raise TypeError('when cannot be None')
        self._check_closed()
        if not callable(callback):
            raise TypeError('a callable object was expected by call_at(), got ' + repr(callback))
        h = TimerHandle(when, callback, args, self, context)
        self._timer_seq += 1
        item = (when, self._timer_seq, h)
        t = self._timers
        lo, hi = 0, len(t)
        while lo < hi:
            mid = (lo + hi) // 2
            if item < t[mid]:
                hi = mid
            else:
                lo = mid + 1
        t.insert(lo, item)
        h._scheduled = True
        return h

    def create_future(self):
        return Future(loop=self)

    def create_task(self, coro, *, name=None, context=None):
        self._check_closed()
        if self._task_factory is None:
            return Task(coro, loop=self, name=name, context=context)
        t = self._task_factory(self, coro)
        if name is not None:
            t.set_name(name)
        return t

    def set_task_factory(self, factory):
        if factory is not None and not callable(factory):
            raise TypeError('task factory must be a callable or None')
        self._task_factory = factory

    def get_task_factory(self):
        return self._task_factory

    # -- running
    def run_forever(self):
        global _running_loop
        self._check_closed()
        if self._running:
            raise RuntimeError('This event loop is already running')
        if _running_loop is not None:
            raise RuntimeError('Cannot run the event loop while another loop is running')
        self._running = True
        _running_loop = self
        try:
            while True:
                self._run_once()
                if self._stopping:
                    break
        finally:
            self._stopping = False
            self._running = False
            _running_loop = None

    def run_until_complete(self, future):
        self._check_closed()
        if self._running:
            raise RuntimeError('This event loop is already running')
        new_task = not isfuture(future)
        future = ensure_future(future, loop=self)
        future.add_done_callback(_run_until_complete_cb)
        try:
            self.run_forever()
        except BaseException:
            if new_task and future.done() and not future.cancelled():
                future.exception()
            raise
        finally:
            future.remove_done_callback(_run_until_complete_cb)
        if not future.done():
            raise RuntimeError('Event loop stopped before Future completed.')
        return future.result()

    def _run_once(self):
        timers = self._timers
        if self._timer_cancelled:
            self._timer_cancelled = False
            timers[:] = [t for t in timers if not t[2]._cancelled]
        if self._ready or self._stopping:
            timeout = 0
        elif timers:
            timeout = timers[0][0] - self.time()
            if timeout < 0:
                timeout = 0
        else:
            timeout = None
        self._wait_io(timeout)
        end = self.time() + self._clock_resolution
        ready = self._ready
        n = 0
        for t in timers:
            if t[0] >= end:
                break
            n += 1
            h = t[2]
            h._scheduled = False
            if not h._cancelled:
                ready.append(h)
        if n:
            del timers[:n]
        self._ready = []
        i = 0
        try:
            for h in ready:
                i += 1
                if not h._cancelled:
                    h._run()
        except BaseException:
            self._ready[:0] = ready[i:]
            raise

    def _wait_io(self, timeout):
        if self._readers or self._writers:
            ms = -1 if timeout is None else int(timeout * 1000 + 0.999)
            events = self._poller.poll(ms)
            rd = self._readers
            wr = self._writers
            for fd, ev in events:
                if ev & ~_POLLOUT and fd in rd:
                    h = rd[fd]
                    if not h._cancelled:
                        self._ready.append(h)
                if ev & ~_POLLIN and fd in wr:
                    h = wr[fd]
                    if not h._cancelled:
                        self._ready.append(h)
        elif timeout is None:
            # Nothing can ever happen: CPython would block for ever too.
            _sleep(1)
        elif timeout > 0:
            _sleep(timeout)

    # -- file descriptors
    def _update_fd(self, fd):
        if self._poller is None:
            if _select is None or not hasattr(_select, 'poll'):
                raise NotImplementedError('this port cannot watch file descriptors')
            self._poller = _select.poll()
        mask = (_POLLIN if fd in self._readers else 0) | (_POLLOUT if fd in self._writers else 0)
        try:
            if mask:
                self._poller.modify(fd, mask)
            else:
                self._poller.unregister(fd)
        except (KeyError, FileNotFoundError):
            if mask:
                self._poller.register(fd, mask)

    def add_reader(self, fd, callback, *args):
        self._check_closed()
        fd = _fileno(fd)
        self._readers[fd] = Handle(callback, args, self)
        self._update_fd(fd)

    def remove_reader(self, fd):
        fd = _fileno(fd)
        h = self._readers.pop(fd, None)
        if h is None:
            return False
        h.cancel()
        if not self._closed:
            self._update_fd(fd)
        return True

    def add_writer(self, fd, callback, *args):
        self._check_closed()
        fd = _fileno(fd)
        self._writers[fd] = Handle(callback, args, self)
        self._update_fd(fd)

    def remove_writer(self, fd):
        fd = _fileno(fd)
        h = self._writers.pop(fd, None)
        if h is None:
            return False
        h.cancel()
        if not self._closed:
            self._update_fd(fd)
        return True

    def _wait_fd(self, fd, write):
        # A future done when `fd` is readable (or writable).
        fut = self.create_future()
        add, remove = (self.add_writer, self.remove_writer) if write else (self.add_reader, self.remove_reader)

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

    async def sock_recv(self, sock, n):
        while True:
            try:
                return sock.recv(n)
            except (BlockingIOError, InterruptedError):
                pass
            await self._wait_fd(sock.fileno(), False)

    async def sock_recv_into(self, sock, buf):
        while True:
            try:
                return sock.recv_into(buf)
            except (BlockingIOError, InterruptedError):
                pass
            await self._wait_fd(sock.fileno(), False)

    async def sock_sendall(self, sock, data):
        view = memoryview(data).cast('B') if not isinstance(data, bytes) else data
        pos = 0
        while pos < len(view):
            try:
                pos += sock.send(view[pos:])
                continue
            except (BlockingIOError, InterruptedError):
                pass
            await self._wait_fd(sock.fileno(), True)

    async def sock_accept(self, sock):
        while True:
            try:
                conn, addr = sock.accept()
                conn.setblocking(False)
                return conn, addr
            except (BlockingIOError, InterruptedError):
                pass
            await self._wait_fd(sock.fileno(), False)

    async def sock_connect(self, sock, address):
        import errno
        err = sock.connect_ex(address)
        if err in (errno.EINPROGRESS, errno.EAGAIN, errno.EWOULDBLOCK):
            await self._wait_fd(sock.fileno(), True)
            import socket
            err = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
        if err and err != errno.EISCONN:
            import os
            raise OSError(err, f'Connect call failed {address}')

    async def getaddrinfo(self, host, port, *, family=0, type=0, proto=0, flags=0):
        import socket
        return socket.getaddrinfo(host, port, family, type, proto, flags)

    # -- errors
    def get_exception_handler(self):
        return self._exception_handler

    def set_exception_handler(self, handler):
        if handler is not None and not callable(handler):
            raise TypeError(f'A callable object or None is expected, got {handler!r}')
        self._exception_handler = handler

    def default_exception_handler(self, context):
        msg = context.get('message') or 'Unhandled exception in event loop'
        exc = context.get('exception')
        err = sys.stderr
        err.write(msg + '\n')
        if exc is not None:
            pe = getattr(sys, 'print_exception', None)
            if pe is not None:
                pe(exc)
            else:
                err.write(f'{type(exc).__name__}: {exc}\n')

    def call_exception_handler(self, context):
        h = self._exception_handler
        if h is None:
            self.default_exception_handler(context)
            return
        try:
            h(self, context)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self.default_exception_handler({
                'message': 'Unhandled error in exception handler',
                'exception': exc,
                'context': context,
            })

    async def shutdown_asyncgens(self):
        pass

    async def shutdown_default_executor(self):
        pass


SelectorEventLoop = BaseEventLoop
_POLLIN = getattr(_select, 'POLLIN', 1)
_POLLOUT = getattr(_select, 'POLLOUT', 4)


def _fileno(fd):
    if isinstance(fd, int):
        return fd
    try:
        return int(fd.fileno())
    except (AttributeError, TypeError, ValueError):
        raise ValueError(f'Invalid file object: {fd!r}') from None


# ---------------------------------------------------------------- loop access

def get_running_loop():
    if _running_loop is None:
        raise RuntimeError('no running event loop')
    return _running_loop


def _get_running_loop():
    return _running_loop


def _set_running_loop(loop):
    global _running_loop
    _running_loop = loop


def new_event_loop():
    return BaseEventLoop()


def get_event_loop():
    global _event_loop, _loop_set
    if _running_loop is not None:
        return _running_loop
    if _event_loop is None and not _loop_set:
        _event_loop = new_event_loop()
        _loop_set = True
    if _event_loop is None:
        raise RuntimeError('There is no current event loop in thread %r.' % 'MainThread')
    return _event_loop


def set_event_loop(loop):
    global _event_loop, _loop_set
    if loop is not None and not isinstance(loop, AbstractEventLoop):
        raise TypeError(f"loop must be an instance of AbstractEventLoop or None, not '{type(loop).__name__}'")
    _loop_set = True
    _event_loop = loop


# ---------------------------------------------------------------- futures

def isfuture(obj):
    return getattr(type(obj), '_asyncio_future_blocking', None) is not None and \
        getattr(obj, '_asyncio_future_blocking', None) is not None


class Future:
    """A result that will be set later; awaiting it suspends until then."""

    _asyncio_future_blocking = False
    _state = _PENDING
    _result = None
    _exception = None
    _cancel_message = None
    _cancelled_exc = None

    def __init__(self, *, loop=None):
        self._loop = get_event_loop() if loop is None else loop
        self._callbacks = []

    def __repr__(self):
        return f'<{type(self).__name__} {self._repr_info()}>'

    def _repr_info(self):
        s = self._state.lower()
        if self._state == _FINISHED:
            if self._exception is not None:
                s += f' exception={self._exception!r}'
            else:
                s += f' result={self._result!r}'
        return s

    def get_loop(self):
        return self._loop

    def _make_cancelled_error(self):
        exc = self._cancelled_exc
        if exc is not None:
            self._cancelled_exc = None
            return exc
        if self._cancel_message is None:
            return CancelledError()
        return CancelledError(self._cancel_message)

    def cancel(self, msg=None):
        if self._state != _PENDING:
            return False
        self._state = _CANCELLED
        self._cancel_message = msg
        self._schedule_callbacks()
        return True

    def _schedule_callbacks(self):
        cbs = self._callbacks
        if not cbs:
            return
        self._callbacks = []
        for cb, ctx in cbs:
            self._loop.call_soon(cb, self, context=ctx)

    def cancelled(self):
        return self._state == _CANCELLED

    def done(self):
        return self._state != _PENDING

    def result(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise InvalidStateError('Result is not set.')
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise InvalidStateError('Exception is not set.')
        return self._exception

    def add_done_callback(self, fn, *, context=None):
        if self._state != _PENDING:
            self._loop.call_soon(fn, self, context=context)
        else:
            self._callbacks.append((fn, context))

    def remove_done_callback(self, fn):
        keep = [c for c in self._callbacks if c[0] != fn]
        n = len(self._callbacks) - len(keep)
        if n:
            self._callbacks[:] = keep
        return n

    def set_result(self, result):
        if self._state != _PENDING:
            raise InvalidStateError('invalid state')
        self._result = result
        self._state = _FINISHED
        self._schedule_callbacks()

    def set_exception(self, exception):
        if self._state != _PENDING:
            raise InvalidStateError('invalid state')
        if isinstance(exception, type):
            exception = exception()
        if not isinstance(exception, BaseException):
            raise TypeError('invalid exception object')
        if type(exception) is StopIteration:
            raise TypeError('StopIteration interacts badly with generators and cannot be raised into a Future')
        self._exception = exception
        self._state = _FINISHED
        self._schedule_callbacks()

    def __await__(self):
        if self._state == _PENDING:
            self._asyncio_future_blocking = True
            yield self
        if self._state == _PENDING:
            raise RuntimeError("await wasn't used with future")
        return self.result()

    __iter__ = __await__


def _set_result_unless_cancelled(fut, result):
    if not fut.cancelled():
        fut.set_result(result)


def wrap_future(future, *, loop=None):
    if isfuture(future):
        return future
    raise TypeError(f'concurrent.futures.Future is expected, got {future!r}')


# ---------------------------------------------------------------- tasks

def iscoroutine(obj):
    return type(obj) is _coroutine_type or hasattr(obj, 'send') and hasattr(obj, 'throw') \
        and hasattr(obj, 'close') and hasattr(obj, '__await__')


def iscoroutinefunction(func):
    return getattr(func, '_is_coroutine', None) is _is_coroutine or \
        bool(getattr(getattr(func, '__code__', None), 'co_flags', 0) & 0x80)


_is_coroutine = object()


async def _probe():
    pass


_c = _probe()
_coroutine_type = type(_c)
_c.close()
del _c

_task_counter = 0


def _coro_repr(coro):
    n = getattr(coro, '__qualname__', None) or getattr(coro, '__name__', None) or type(coro).__name__
    return f'{n}()'


class Task(Future):
    """A coroutine scheduled on the event loop."""

    _fut_waiter = None
    _must_cancel = False
    _num_cancels_requested = 0

    def __init__(self, coro, *, loop=None, name=None, context=None):
        global _task_counter
        super().__init__(loop=loop)
        if not iscoroutine(coro):
            raise TypeError(f'a coroutine was expected, got {coro!r}')
        if name is None:
            _task_counter += 1
            name = f'Task-{_task_counter}'
        else:
            name = str(name)
        self._name = name
        self._coro = coro
        if context is None and _cv is not None:
            context = _cv.copy_context()
        self._context = context
        self._loop.call_soon(self._step, context=context)
        self._loop._tasks.append(self)

    def _repr_info(self):
        s = super()._repr_info()
        if self._must_cancel:
            s = s.replace('pending', 'cancelling', 1)
        s = s.split(' ', 1)
        s.insert(1, f'name={self._name!r}')
        if self._state == _PENDING:
            s.append(f'coro=<{_coro_repr(self._coro)}>')
        if self._fut_waiter is not None:
            s.append(f'wait_for={self._fut_waiter!r}')
        return ' '.join(s)

    def get_coro(self):
        return self._coro

    def get_context(self):
        return self._context

    def get_name(self):
        return self._name

    def set_name(self, value):
        self._name = str(value)

    def get_stack(self, *, limit=None):
        return []

    def print_stack(self, *, limit=None, file=None):
        pass

    def set_result(self, result):
        raise RuntimeError('Task does not support set_result operation')

    def set_exception(self, exception):
        raise RuntimeError('Task does not support set_exception operation')

    def cancel(self, msg=None):
        if self.done():
            return False
        self._num_cancels_requested += 1
        if self._fut_waiter is not None:
            if self._fut_waiter.cancel(msg=msg):
                return True
        self._must_cancel = True
        self._cancel_message = msg
        return True

    def cancelling(self):
        return self._num_cancels_requested

    def uncancel(self):
        if self._num_cancels_requested > 0:
            self._num_cancels_requested -= 1
        return self._num_cancels_requested

    def _finish(self):
        try:
            self._loop._tasks.remove(self)
        except ValueError:
            pass

    def _step(self, exc=None):
        if self._state != _PENDING:
            raise InvalidStateError(f'_step(): already done: {self!r}, {exc!r}')
        if self._must_cancel:
            if not isinstance(exc, CancelledError):
                exc = self._make_cancelled_error()
            self._must_cancel = False
        self._fut_waiter = None
        loop = self._loop
        prev = loop._current_task
        loop._current_task = self
        try:
            if exc is None:
                result = self._coro.send(None)
            else:
                result = self._coro.throw(exc)
        except StopIteration as e:
            self._finish()
            if self._must_cancel:
                self._must_cancel = False
                Future.cancel(self, msg=self._cancel_message)
            else:
                Future.set_result(self, e.value)
        except CancelledError as e:
            self._finish()
            self._cancelled_exc = e
            Future.cancel(self)
        except (KeyboardInterrupt, SystemExit) as e:
            self._finish()
            Future.set_exception(self, e)
            raise
        except BaseException as e:
            self._finish()
            Future.set_exception(self, e)
        else:
            blocking = getattr(result, '_asyncio_future_blocking', None)
            if blocking is not None:
                if result._loop is not loop:
                    loop.call_soon(self._step, RuntimeError(
                        f'Task {self!r} got Future {result!r} attached to a different loop'),
                        context=self._context)
                elif blocking:
                    if result is self:
                        loop.call_soon(self._step, RuntimeError(
                            f'Task cannot await on itself: {self!r}'), context=self._context)
                    else:
                        result._asyncio_future_blocking = False
                        result.add_done_callback(self._wakeup, context=self._context)
                        self._fut_waiter = result
                        if self._must_cancel:
                            if result.cancel(msg=self._cancel_message):
                                self._must_cancel = False
                else:
                    loop.call_soon(self._step, RuntimeError(
                        f'yield was used instead of yield from in task {self!r} with {result!r}'),
                        context=self._context)
            elif result is None:
                loop.call_soon(self._step, context=self._context)
            else:
                loop.call_soon(self._step, RuntimeError(f'Task got bad yield: {result!r}'),
                               context=self._context)
        finally:
            loop._current_task = prev

    def _wakeup(self, future):
        try:
            future.result()
        except BaseException as exc:
            self._step(exc)
        else:
            self._step()


def create_task(coro, *, name=None, context=None):
    return get_running_loop().create_task(coro, name=name, context=context)


def current_task(loop=None):
    if loop is None:
        loop = get_running_loop()
    return loop._current_task


def all_tasks(loop=None):
    if loop is None:
        loop = get_running_loop()
    return {t for t in loop._tasks if not t.done()}


class _AwaitableWrapper:
    def __init__(self, aw):
        self._aw = aw

    def __await__(self):
        return self._aw.__await__()


async def _wrap_awaitable(aw):
    return await aw


def ensure_future(coro_or_future, *, loop=None):
    if isfuture(coro_or_future):
        if loop is not None and loop is not coro_or_future._loop:
            raise ValueError('The future belongs to a different loop than the one specified as the loop argument')
        return coro_or_future
    if iscoroutine(coro_or_future):
        if loop is None:
            loop = get_event_loop()
        return loop.create_task(coro_or_future)
    if hasattr(coro_or_future, '__await__'):
        if loop is None:
            loop = get_event_loop()
        return loop.create_task(_wrap_awaitable(coro_or_future))
    raise TypeError('An asyncio.Future, a coroutine or an awaitable is required')


class _Sleep0:
    def __await__(self):
        yield


_sleep0 = _Sleep0()


async def sleep(delay, result=None):
    """Suspend for `delay` seconds and return `result`."""
    if delay <= 0:
        await _sleep0
        return result
    loop = get_running_loop()
    fut = loop.create_future()
    h = loop.call_later(delay, _set_result_unless_cancelled, fut, result)
    try:
        return await fut
    finally:
        h.cancel()


class _GatheringFuture(Future):
    def __init__(self, children, *, loop):
        super().__init__(loop=loop)
        self._children = children
        self._cancel_requested = False

    def cancel(self, msg=None):
        if self.done():
            return False
        ret = False
        for child in self._children:
            if child.cancel(msg=msg):
                ret = True
        if ret:
            self._cancel_requested = True
        return ret


def gather(*coros_or_futures, return_exceptions=False):
    """Run awaitables concurrently; a future of the list of their results."""
    if not coros_or_futures:
        outer = get_event_loop().create_future()
        outer.set_result([])
        return outer
    nfinished = 0
    outer = None
    children = []
    arg_to_fut = {}
    loop = None

    def done_cb(fut):
        nonlocal nfinished
        nfinished += 1
        if outer is None or outer.done():
            if not fut.cancelled():
                fut.exception()
            return
        if not return_exceptions:
            if fut.cancelled():
                outer.set_exception(fut._make_cancelled_error())
                return
            exc = fut.exception()
            if exc is not None:
                outer.set_exception(exc)
                return
        if nfinished == len(arg_to_fut):
            results = []
            for f in children:
                if f.cancelled():
                    m = f._cancel_message
                    res = CancelledError('' if m is None else m)
                else:
                    res = f.exception()
                    if res is None:
                        res = f.result()
                results.append(res)
            if outer._cancel_requested:
                outer.set_exception(fut._make_cancelled_error())
            else:
                outer.set_result(results)

    for arg in coros_or_futures:
        fut = arg_to_fut.get(arg)
        if fut is None:
            fut = ensure_future(arg, loop=loop)
            if loop is None:
                loop = fut._loop
            arg_to_fut[arg] = fut
            fut.add_done_callback(done_cb)
        children.append(fut)
    outer = _GatheringFuture(children, loop=loop)
    return outer


def shield(arg):
    """Protect an awaitable from being cancelled by its awaiter."""
    inner = ensure_future(arg)
    if inner.done():
        return inner
    outer = inner._loop.create_future()

    def inner_done(inner):
        if outer.cancelled():
            if not inner.cancelled():
                inner.exception()
            return
        if inner.cancelled():
            outer.cancel()
        else:
            exc = inner.exception()
            if exc is not None:
                outer.set_exception(exc)
            else:
                outer.set_result(inner.result())

    def outer_done(outer):
        if not inner.done():
            inner.remove_done_callback(inner_done)

    inner.add_done_callback(inner_done)
    outer.add_done_callback(outer_done)
    return outer


def _release_waiter(waiter, *args):
    if not waiter.done():
        waiter.set_result(None)


async def _cancel_and_wait(fut):
    loop = get_running_loop()
    waiter = loop.create_future()
    cb = lambda f: _release_waiter(waiter)
    fut.add_done_callback(cb)
    try:
        fut.cancel()
        await waiter
    finally:
        fut.remove_done_callback(cb)


async def wait_for(fut, timeout):
    """Wait for an awaitable with a timeout (TimeoutError, after cancelling it)."""
    loop = get_running_loop()
    if timeout is None:
        return await fut
    if timeout <= 0:
        fut = ensure_future(fut, loop=loop)
        if fut.done():
            return fut.result()
        await _cancel_and_wait(fut)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc
    waiter = loop.create_future()
    th = loop.call_later(timeout, _release_waiter, waiter)
    cb = lambda f: _release_waiter(waiter)
    fut = ensure_future(fut, loop=loop)
    fut.add_done_callback(cb)
    try:
        try:
            await waiter
        except CancelledError:
            if fut.done():
                return fut.result()
            fut.remove_done_callback(cb)
            await _cancel_and_wait(fut)
            raise
        if fut.done():
            return fut.result()
        fut.remove_done_callback(cb)
        await _cancel_and_wait(fut)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc
    finally:
        th.cancel()


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    """Wait for futures; returns the sets (done, pending)."""
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError(f'expect a list of futures, not {type(fs).__name__}')
    if not fs:
        raise ValueError('Set of Tasks/Futures is empty.')
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError(f'Invalid return_when value: {return_when}')
    loop = get_running_loop()
    fs = set(fs)
    if any(iscoroutine(f) for f in fs):
        raise TypeError('Passing coroutines is forbidden, use tasks explicitly.')
    waiter = loop.create_future()
    th = None
    if timeout is not None:
        th = loop.call_later(timeout, _release_waiter, waiter)
    counter = len(fs)

    def on_done(f):
        nonlocal counter
        counter -= 1
        if (counter <= 0 or return_when == FIRST_COMPLETED or
                return_when == FIRST_EXCEPTION and not f.cancelled() and f.exception() is not None):
            if th is not None:
                th.cancel()
            if not waiter.done():
                waiter.set_result(None)

    for f in fs:
        f.add_done_callback(on_done)
    try:
        await waiter
    finally:
        if th is not None:
            th.cancel()
        for f in fs:
            f.remove_done_callback(on_done)
    done, pending = set(), set()
    for f in fs:
        (done if f.done() else pending).add(f)
    return done, pending


def as_completed(fs, *, timeout=None):
    """Iterator of awaitables giving the results in completion order."""
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError(f'expect an iterable of futures, not {type(fs).__name__}')
    todo = [ensure_future(f) for f in set(fs)]
    done = []
    waiters = []
    if not todo:
        return iter(())
    loop = todo[0]._loop
    th = None

    def on_done(f):
        if f in todo:
            todo.remove(f)
            done.append(f)
            if waiters:
                w = waiters.pop(0)
                if not w.done():
                    w.set_result(None)
        if not todo and th is not None:
            th.cancel()

    def on_timeout():
        for f in todo:
            f.remove_done_callback(on_done)
        done.append(None)
        todo.clear()
        for w in waiters:
            if not w.done():
                w.set_result(None)

    async def wait_one():
        if not done:
            w = loop.create_future()
            waiters.append(w)
            await w
        f = done.pop(0)
        if f is None:
            raise TimeoutError
        return f.result()

    for f in todo:
        f.add_done_callback(on_done)
    if timeout is not None:
        th = loop.call_later(timeout, on_timeout)
    return (wait_one() for _ in range(len(todo)))


async def _run_main(coro):
    return await coro


def _cancel_all_tasks(loop):
    to_cancel = all_tasks(loop)
    if not to_cancel:
        return
    for t in to_cancel:
        t.cancel()
    loop.run_until_complete(gather(*to_cancel, return_exceptions=True))
    for t in to_cancel:
        if t.cancelled():
            continue
        if t.exception() is not None:
            loop.call_exception_handler({
                'message': 'unhandled exception during asyncio.run() shutdown',
                'exception': t.exception(),
                'task': t,
            })


def run(main, *, debug=None):
    """Run the coroutine `main` in a new event loop and return its result."""
    if _running_loop is not None:
        raise RuntimeError('asyncio.run() cannot be called from a running event loop')
    if not iscoroutine(main):
        raise ValueError(f'a coroutine was expected, got {main!r}')
    loop = new_event_loop()
    if debug is not None:
        loop.set_debug(debug)
    try:
        set_event_loop(loop)
        return loop.run_until_complete(loop.create_task(main))
    finally:
        try:
            _cancel_all_tasks(loop)
            loop.run_until_complete(loop.shutdown_asyncgens())
        finally:
            set_event_loop(None)
            loop.close()


class Runner:
    """A context manager running coroutines in one event loop."""

    def __init__(self, *, debug=None, loop_factory=None):
        self._debug = debug
        self._factory = loop_factory
        self._loop = None
        self._closed = False

    def __enter__(self):
        self.get_loop()
        return self

    def __exit__(self, *exc):
        self.close()

    def get_loop(self):
        if self._closed:
            raise RuntimeError('Runner is closed')
        if self._loop is None:
            self._loop = new_event_loop() if self._factory is None else self._factory()
            if self._factory is None:
                set_event_loop(self._loop)
            if self._debug is not None:
                self._loop.set_debug(self._debug)
        return self._loop

    def run(self, coro, *, context=None):
        if not iscoroutine(coro):
            raise ValueError(f'a coroutine was expected, got {coro!r}')
        if _running_loop is not None:
            raise RuntimeError('Runner.run() cannot be called from a running event loop')
        loop = self.get_loop()
        return loop.run_until_complete(loop.create_task(coro, context=context))

    def close(self):
        if self._loop is None or self._closed:
            self._closed = True
            return
        try:
            _cancel_all_tasks(self._loop)
            self._loop.run_until_complete(self._loop.shutdown_asyncgens())
        finally:
            if self._factory is None:
                set_event_loop(None)
            self._loop.close()
            self._loop = None
            self._closed = True


# ---------------------------------------------------------------- locks

class _ContextManagerMixin:
    async def __aenter__(self):
        await self.acquire()
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


def _wake_first(waiters):
    for fut in waiters:
        if not fut.done():
            fut.set_result(True)
            return True
    return False


class Lock(_ContextManagerMixin):
    """A mutual-exclusion lock for coroutines."""

    def __init__(self):
        self._waiters = None
        self._locked = False

    def __repr__(self):
        extra = 'locked' if self._locked else 'unlocked'
        if self._waiters:
            extra += f', waiters:{len(self._waiters)}'
        return f'<asyncio.locks.Lock object [{extra}]>'

    def locked(self):
        return self._locked

    async def acquire(self):
        if not self._locked and (self._waiters is None or all(w.cancelled() for w in self._waiters)):
            self._locked = True
            return True
        if self._waiters is None:
            self._waiters = []
        fut = get_running_loop().create_future()
        self._waiters.append(fut)
        try:
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            if not self._locked:
                self._wake_up_first()
            raise
        self._locked = True
        return True

    def release(self):
        if self._locked:
            self._locked = False
            self._wake_up_first()
        else:
            raise RuntimeError('Lock is not acquired.')

    def _wake_up_first(self):
        if self._waiters:
            fut = self._waiters[0]
            if not fut.done():
                fut.set_result(True)


class Event:
    """A flag coroutines can wait for."""

    def __init__(self):
        self._waiters = []
        self._value = False

    def __repr__(self):
        extra = 'set' if self._value else 'unset'
        if self._waiters:
            extra += f', waiters:{len(self._waiters)}'
        return f'<asyncio.locks.Event object [{extra}]>'

    def is_set(self):
        return self._value

    def set(self):
        if not self._value:
            self._value = True
            for fut in self._waiters:
                if not fut.done():
                    fut.set_result(True)

    def clear(self):
        self._value = False

    async def wait(self):
        if self._value:
            return True
        fut = get_running_loop().create_future()
        self._waiters.append(fut)
        try:
            await fut
            return True
        finally:
            self._waiters.remove(fut)


class Condition(_ContextManagerMixin):
    """A condition variable for coroutines."""

    def __init__(self, lock=None):
        if lock is None:
            lock = Lock()
        self._lock = lock
        self.locked = lock.locked
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = []

    def __repr__(self):
        extra = 'locked' if self.locked() else 'unlocked'
        if self._waiters:
            extra += f', waiters:{len(self._waiters)}'
        return f'<asyncio.locks.Condition object [{extra}]>'

    async def wait(self):
        if not self.locked():
            raise RuntimeError('cannot wait on un-acquired lock')
        self.release()
        try:
            fut = get_running_loop().create_future()
            self._waiters.append(fut)
            try:
                await fut
                return True
            finally:
                self._waiters.remove(fut)
        finally:
            err = None
            while True:
                try:
                    await self.acquire()
                    break
                except CancelledError as e:
                    err = e
            if err is not None:
                try:
                    raise err
                finally:
                    err = None

    async def wait_for(self, predicate):
        result = predicate()
        while not result:
            await self.wait()
            result = predicate()
        return result

    def notify(self, n=1):
        if not self.locked():
            raise RuntimeError('cannot notify on un-acquired lock')
        idx = 0
        for fut in self._waiters:
            if idx >= n:
                break
            if not fut.done():
                idx += 1
                fut.set_result(False)

    def notify_all(self):
        self.notify(len(self._waiters))


class Semaphore(_ContextManagerMixin):
    """A counter coroutines acquire and release."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError('Semaphore initial value must be >= 0')
        self._waiters = None
        self._value = value

    def __repr__(self):
        extra = 'locked' if self.locked() else f'unlocked, value:{self._value}'
        if self._waiters:
            extra += f', waiters:{len(self._waiters)}'
        return f'<asyncio.locks.{type(self).__name__} object [{extra}]>'

    def locked(self):
        return self._value == 0 or any(not w.cancelled() for w in (self._waiters or ()))

    async def acquire(self):
        if not self.locked():
            self._value -= 1
            return True
        if self._waiters is None:
            self._waiters = []
        fut = get_running_loop().create_future()
        self._waiters.append(fut)
        try:
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            if not fut.cancelled():
                self._value += 1
                self._wake_up_next()
            raise
        if self._value > 0:
            self._wake_up_next()
        return True

    def release(self):
        self._value += 1
        self._wake_up_next()

    def _wake_up_next(self):
        if not self._waiters:
            return False
        for fut in self._waiters:
            if not fut.done():
                self._value -= 1
                fut.set_result(True)
                return True
        return False


class BoundedSemaphore(Semaphore):
    """A Semaphore that refuses to be released more than acquired."""

    def __init__(self, value=1):
        self._bound_value = value
        super().__init__(value)

    def release(self):
        if self._value >= self._bound_value:
            raise ValueError('BoundedSemaphore released too many times')
        super().release()


# ---------------------------------------------------------------- queues

class Queue:
    """A first-in first-out queue for coroutines."""

    def __init__(self, maxsize=0):
        self._maxsize = maxsize
        self._getters = []
        self._putters = []
        self._unfinished_tasks = 0
        self._finished = Event()
        self._finished.set()
        self._init(maxsize)

    def _init(self, maxsize):
        self._queue = []

    def _get(self):
        return self._queue.pop(0)

    def _put(self, item):
        self._queue.append(item)

    def _wakeup_next(self, waiters):
        while waiters:
            w = waiters.pop(0)
            if not w.done():
                w.set_result(None)
                break

    def __repr__(self):
        return f'<{type(self).__name__} {self._format()}>'

    def _format(self):
        s = f'maxsize={self._maxsize!r}'
        if getattr(self, '_queue', None):
            s += f' _queue={list(self._queue)!r}'
        if self._getters:
            s += f' _getters[{len(self._getters)}]'
        if self._putters:
            s += f' _putters[{len(self._putters)}]'
        if self._unfinished_tasks:
            s += f' tasks={self._unfinished_tasks}'
        return s

    def qsize(self):
        return len(self._queue)

    @property
    def maxsize(self):
        return self._maxsize

    def empty(self):
        return not self._queue

    def full(self):
        if self._maxsize <= 0:
            return False
        return self.qsize() >= self._maxsize

    async def put(self, item):
        while self.full():
            putter = get_running_loop().create_future()
            self._putters.append(putter)
            try:
                await putter
            except BaseException:
                putter.cancel()
                try:
                    self._putters.remove(putter)
                except ValueError:
                    pass
                if not self.full() and not putter.cancelled():
                    self._wakeup_next(self._putters)
                raise
        return self.put_nowait(item)

    def put_nowait(self, item):
        if self.full():
            raise QueueFull
        self._put(item)
        self._unfinished_tasks += 1
        self._finished.clear()
        self._wakeup_next(self._getters)

    async def get(self):
        while self.empty():
            getter = get_running_loop().create_future()
            self._getters.append(getter)
            try:
                await getter
            except BaseException:
                getter.cancel()
                try:
                    self._getters.remove(getter)
                except ValueError:
                    pass
                if not self.empty() and not getter.cancelled():
                    self._wakeup_next(self._getters)
                raise
        return self.get_nowait()

    def get_nowait(self):
        if self.empty():
            raise QueueEmpty
        item = self._get()
        self._wakeup_next(self._putters)
        return item

    def task_done(self):
        if self._unfinished_tasks <= 0:
            raise ValueError('task_done() called too many times')
        self._unfinished_tasks -= 1
        if self._unfinished_tasks == 0:
            self._finished.set()

    async def join(self):
        if self._unfinished_tasks > 0:
            await self._finished.wait()


class PriorityQueue(Queue):
    """A Queue giving the smallest item first."""

    def _put(self, item):
        from heapq import heappush
        heappush(self._queue, item)

    def _get(self):
        from heapq import heappop
        return heappop(self._queue)


class LifoQueue(Queue):
    """A Queue giving the most recently added item first."""

    def _get(self):
        return self._queue.pop()


# ---------------------------------------------------------------- streams

_STREAM_NAMES = ('open_connection', 'start_server', 'StreamReader', 'StreamWriter',
                 'Server', 'open_unix_connection', 'start_unix_server', 'StreamReaderProtocol')


def __getattr__(name):
    if name in _STREAM_NAMES:
        from . import streams
        return getattr(streams, name)
    raise AttributeError(f"module 'asyncio' has no attribute '{name}'")
