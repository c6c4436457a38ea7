"""The less used methods of asyncio's loop, handles, futures and tasks,
installed on the classes the first time one of them is looked up (see
asyncio._more), and a few rarely used functions."""

import sys
from . import (Handle, TimerHandle, BaseEventLoop, Future, Task, _POLLIN, _POLLOUT,
               _fileno, _cb_name, _PENDING, _FINISHED, _coroutine_type, _is_coroutine, isfuture)
import asyncio as _pkg

try:
    import select as _select
except ImportError:
    _select = None

class SendfileNotAvailableError(RuntimeError):
    pass


def Handle_get_context(self):
    return self._context


def Handle_cancelled(self):
    return self._cancelled


def TimerHandle_when(self):
    return self._when


def BaseEventLoop_get_debug(self):
    return self._debug


def BaseEventLoop_set_debug(self, enabled):
    self._debug = enabled


def BaseEventLoop_set_task_factory(self, factory):
    if factory is not None and not callable(factory):
        raise TypeError('task factory must be a callable or None')
    self._task_factory = factory


def BaseEventLoop_get_task_factory(self):
    return self._task_factory


def BaseEventLoop__update_fd(self, fd):
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


def BaseEventLoop_add_reader(self, fd, callback, *args):
    self._check_closed()
    fd = _fileno(fd)
    self._readers[fd] = Handle(callback, args, self)
    self._update_fd(fd)


def BaseEventLoop_remove_reader(self, fd):
    fd = _fileno(fd)
    h = self._readers.pop(fd, None)
    if h is None:
        return False
    h.cancel()
    if not self._closed:
        self._update_fd(fd)
    return True


def BaseEventLoop_add_writer(self, fd, callback, *args):
    self._check_closed()
    fd = _fileno(fd)
    self._writers[fd] = Handle(callback, args, self)
    self._update_fd(fd)


def BaseEventLoop_remove_writer(self, fd):
    fd = _fileno(fd)
    h = self._writers.pop(fd, None)
    if h is None:
        return False
    h.cancel()
    if not self._closed:
        self._update_fd(fd)
    return True


def BaseEventLoop_get_exception_handler(self):
    return self._exception_handler


def BaseEventLoop_set_exception_handler(self, handler):
    if handler is not None and not callable(handler):
        raise TypeError(f'A callable object or None is expected, got {handler!r}')
    self._exception_handler = handler


async def BaseEventLoop_shutdown_default_executor(self):
    pass


def _set_running_loop(loop):
    _pkg._running_loop = loop


def Future__repr_info(self):
    s = self._state.lower()
    if self._state == _FINISHED:
        if self._exception is not None:
            s += f' exception={self._exception!r}'
        else:
            s += f' result={self._result!r}'
    return s


def Future_get_loop(self):
    return self._loop


def wrap_future(future, *, loop=None):
    if isfuture(future):
        return future
    raise TypeError(f'concurrent.futures.Future is expected, got {future!r}')


def iscoroutinefunction(func):
    return getattr(func, '_is_coroutine', None) is _is_coroutine or \
        bool(getattr(getattr(func, '__code__', None), 'co_flags', 0) & 0x80)


def _coro_repr(coro):
    n = getattr(coro, '__qualname__', None) or getattr(coro, '__name__', None) or type(coro).__name__
    return f'{n}()'


def Task__repr_info(self):
    s = Future__repr_info(self)
    if self._must_cancel:
        s = s.replace('pending', 'cancelling', 1)
    s = s.split(' ', 1)
    s.insert(1, f'name={self._name!r}')
    if self._state == _PENDING:
        s.append(f'coro=<{_coro_repr(self._coro)}>')
    if self._fut_waiter is not None:
        s.append(f'wait_for={self._fut_waiter!r}')
    return ' '.join(s)


def Task_get_coro(self):
    return self._coro


def Task_get_context(self):
    return self._context


def Task_set_name(self, value):
    self._name = str(value)


def Task_get_stack(self, *, limit=None):
    return []


def Task_print_stack(self, *, limit=None, file=None):
    pass


def Task_cancelling(self):
    return self._num_cancels_requested


def Task_uncancel(self):
    if self._num_cancels_requested > 0:
        self._num_cancels_requested -= 1
    return self._num_cancels_requested


for _c, _n, _f in (
        (Handle, 'get_context', Handle_get_context),
        (Handle, 'cancelled', Handle_cancelled),
        (TimerHandle, 'when', TimerHandle_when),
        (BaseEventLoop, 'get_debug', BaseEventLoop_get_debug),
        (BaseEventLoop, 'set_debug', BaseEventLoop_set_debug),
        (BaseEventLoop, 'set_task_factory', BaseEventLoop_set_task_factory),
        (BaseEventLoop, 'get_task_factory', BaseEventLoop_get_task_factory),
        (BaseEventLoop, '_update_fd', BaseEventLoop__update_fd),
        (BaseEventLoop, 'add_reader', BaseEventLoop_add_reader),
        (BaseEventLoop, 'remove_reader', BaseEventLoop_remove_reader),
        (BaseEventLoop, 'add_writer', BaseEventLoop_add_writer),
        (BaseEventLoop, 'remove_writer', BaseEventLoop_remove_writer),
        (BaseEventLoop, 'get_exception_handler', BaseEventLoop_get_exception_handler),
        (BaseEventLoop, 'set_exception_handler', BaseEventLoop_set_exception_handler),
        (BaseEventLoop, 'shutdown_default_executor', BaseEventLoop_shutdown_default_executor),
        (Future, '_repr_info', Future__repr_info),
        (Future, 'get_loop', Future_get_loop),
        (Task, '_repr_info', Task__repr_info),
        (Task, 'get_coro', Task_get_coro),
        (Task, 'get_context', Task_get_context),
        (Task, 'set_name', Task_set_name),
        (Task, 'get_stack', Task_get_stack),
        (Task, 'print_stack', Task_print_stack),
        (Task, 'cancelling', Task_cancelling),
        (Task, 'uncancel', Task_uncancel),
):
    setattr(_c, _n, _f)
del _c, _n, _f
