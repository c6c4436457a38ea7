"""Waiting for I/O on file descriptors: select() and poll() (Linux)."""

import _net

error = OSError

POLLIN = _net.POLLIN
POLLPRI = _net.POLLPRI
POLLOUT = _net.POLLOUT
POLLERR = _net.POLLERR
POLLHUP = _net.POLLHUP
POLLNVAL = _net.POLLNVAL
POLLRDNORM = _net.POLLRDNORM
POLLRDBAND = _net.POLLRDBAND
POLLWRNORM = _net.POLLWRNORM
POLLWRBAND = _net.POLLWRBAND
POLLRDHUP = _net.POLLRDHUP


def _fd(obj):
    if isinstance(obj, int):
        fd = obj
    else:
        try:
            meth = obj.fileno
        except AttributeError:
            raise TypeError('argument must be an int, or have a fileno() method.') from None
        fd = meth()
        if not isinstance(fd, int):
            raise TypeError('fileno() returned a non-integer')
    if fd < 0:
        raise ValueError(f'file descriptor cannot be a negative integer ({fd})')
    return fd


def select(rlist, wlist, xlist, timeout=None):
    """Wait until some of the objects are ready for reading, writing or
    have an exceptional condition; returns the three lists of ready ones."""
    if timeout is None:
        ms = -1
    else:
        if not isinstance(timeout, (int, float)):
            raise TypeError('timeout must be a float or None')
        if timeout < 0:
            raise ValueError('timeout must be non-negative')
        ms = int(timeout * 1000)
        if ms < timeout * 1000:
            ms += 1
    lists = (list(rlist), list(wlist), list(xlist))
    masks = {}
    bits = (_net.POLLIN, _net.POLLOUT, _net.POLLPRI)
    for objs, bit in zip(lists, bits):
        for o in objs:
            fd = _fd(o)
            masks[fd] = masks.get(fd, 0) | bit
    got = dict(_net.poll(list(masks.items()), ms))
    for fd, ev in got.items():
        if ev & _net.POLLNVAL:
            raise OSError(9, 'Bad file descriptor')
    rin = _net.POLLIN | _net.POLLHUP | _net.POLLERR
    win = _net.POLLOUT | _net.POLLERR
    out = ([], [], [])
    for objs, res, want in zip(lists, out, (rin, win, _net.POLLPRI)):
        for o in objs:
            if got.get(_fd(o), 0) & want:
                res.append(o)
    return out


class _Poll:
    def __init__(self):
        self._fds = {}

    def register(self, fd, eventmask=POLLIN | POLLPRI | POLLOUT):
        self._fds[_fd(fd)] = eventmask

    def modify(self, fd, eventmask):
        fd = _fd(fd)
        if fd not in self._fds:
            raise FileNotFoundError(2, 'No such file or directory')
        self._fds[fd] = eventmask

    def unregister(self, fd):
        del self._fds[_fd(fd)]

    def poll(self, timeout=None):
        if timeout is None:
            ms = -1
        else:
            ms = int(timeout)
            if ms < timeout:
                ms += 1
            if ms < 0:
                ms = -1
        return _net.poll(list(self._fds.items()), ms)


_Poll.__name__ = _Poll.__qualname__ = 'poll'


def poll():
    """A polling object: register(), modify(), unregister(), poll(ms)."""
    return _Poll()
