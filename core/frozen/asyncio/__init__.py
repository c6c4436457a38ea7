"""Asynchronous I/O: ferropy's own small event loop with CPython's asyncio
API (futures, tasks, timers, synchronisation primitives, queues; streams
over sockets in asyncio.streams where the port has ``select``/``socket``)."""

import sys
from time import monotonic as _monotonic, sleep as _sleep

try:
    import contextvars as _cv
except ImportError:
    _cv = None



class CancelledError(BaseException):
    """The Future or Task was cancelled."""


class InvalidStateError(Exception):
    """The operation is not allowed in this state."""


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


def _more(self, name):
    # A missing attribute of a loop, handle, future or task: the less used
    # methods live in asyncio._extra (the loop's sock_*() and getaddrinfo()
    # in asyncio.streams) and are added to the classes on first use.
    if name[:5] == 'sock_' or name == 'getaddrinfo':
        from . import streams
    else:
        from . import _extra
    if hasattr(type(self), name):
        return getattr(self, name)
    raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")


# ---------------------------------------------------------------- handles

class Handle:
    """A callback registered with call_soon()."""

    def __getattr__(self, name):
        return _more(self, name)

    def __init__(self, callback, args, loop, context=None):
        self._callback = callback
        self._args = args
        self._loop = loop
        self._context = context
        self._cancelled = False

    def cancel(self):
        if not self._cancelled:
            self._cancelled = True
            self._callback = None
            self._args = None

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

    def cancel(self):
        if not self._cancelled:
            self._loop._timer_cancelled = True
        super().cancel()


# ---------------------------------------------------------------- the loop

class AbstractEventLoop:
    pass


def _run_until_complete_cb(fut):
    if not fut.cancelled():
        exc = fut.exception()
        if isinstance(exc, (SystemExit, KeyboardInterrupt)):
            return
    fut._loop.stop()


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

    # -- state
    def time(self):
        return _monotonic()

    def is_running(self):
        return self._running

    def is_closed(self):
        return self._closed

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
        if self._debug and not callable(callback):
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
        if self._debug and not callable(callback):
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
    def __getattr__(self, name):
        return _more(self, name)

    # -- errors
    def default_exception_handler(self, context):
        msg = context.get('message') or 'Unhandled exception in event loop'
        exc = context.get('exception')
        err = sys.stderr
        err.write(msg + '\n')
        if exc is not None:
            pe = getattr(sys, 'print_exception', None)
            if pe is not None:
                pe(exc, err)
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


SelectorEventLoop = BaseEventLoop
_POLLIN = 1   # select.POLLIN, POLLOUT (the same on every POSIX system)
_POLLOUT = 4


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

    def __getattr__(self, name):
        return _more(self, name)

    def __repr__(self):
        return f'<{type(self).__name__} {self._repr_info()}>'

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


# ---------------------------------------------------------------- tasks

def iscoroutine(obj):
    return type(obj) is _coroutine_type or hasattr(obj, 'send') and hasattr(obj, 'throw') \
        and hasattr(obj, 'close') and hasattr(obj, '__await__')


_is_coroutine = object()


async def _probe():
    pass


_c = _probe()
_coroutine_type = type(_c)
_c.close()
del _c

_task_counter = 0


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

    def get_name(self):
        return self._name

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


# ---------------------------------------------------------------- the rest
# Imported on first use (each part costs heap): asyncio.tasks (wait, shield,
# as_completed), asyncio.runners, asyncio.locks, asyncio.queues,
# asyncio.streams.

_LAZY = {
    'wait': 'tasks', 'shield': 'tasks', 'as_completed': 'tasks',
    'Runner': 'runners',
    'Lock': 'locks', 'Event': 'locks', 'Condition': 'locks', 'Semaphore': 'locks',
    'BoundedSemaphore': 'locks',
    'Queue': 'queues', 'LifoQueue': 'queues', 'PriorityQueue': 'queues',
    'QueueEmpty': 'queues', 'QueueFull': 'queues',
    'open_connection': 'streams', 'start_server': 'streams', 'StreamReader': 'streams',
    'StreamWriter': 'streams', 'Server': 'streams', 'open_unix_connection': 'streams',
    'start_unix_server': 'streams', 'IncompleteReadError': 'streams',
    'LimitOverrunError': 'streams',
    'wrap_future': '_extra', '_set_running_loop': '_extra', 'iscoroutinefunction': '_extra',
    '_coro_repr': '_extra', 'SendfileNotAvailableError': '_extra',
}


def __getattr__(name):
    sub = _LAZY.get(name)
    if sub is None:
        raise AttributeError(f"module 'asyncio' has no attribute '{name}'")
    m = __import__('asyncio.' + sub, None, None, [name])
    v = getattr(m, name)
    globals()[name] = v
    return v
