"""asyncio.Runner."""

from . import (new_event_loop, set_event_loop, iscoroutine, _cancel_all_tasks)
from . import _get_running_loop


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
        if _get_running_loop() is not None:
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


