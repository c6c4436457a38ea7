"""BSD sockets (Linux): socket objects, name resolution and helpers, with
CPython's API."""

import _net

_g = globals()
for _k in dir(_net):
    if _k[:1].isupper() and not _k.startswith('POLL'):
        _g[_k] = getattr(_net, _k)


class _IntConst(int):
    # What the enum module's IntEnum gives CPython's socket constants:
    # repr <AddressFamily.AF_INET: 2>, str and arithmetic of the int.
    def __new__(cls, value):
        try:
            return cls._members[value]
        except (KeyError, TypeError):
            raise ValueError(f'{value!r} is not a valid {cls.__name__}') from None

    def __repr__(self):
        return f'<{type(self).__name__}.{self.name}: {int(self)}>'

    def __str__(self):
        return int.__repr__(self)

    def __format__(self, spec):
        return int(self).__format__(spec)

    def __reduce__(self):
        return type(self), (int(self),)


def _consts(name, prefix):
    cls = type(name, (_IntConst,), {'_members': {}, '__module__': 'socket'})
    for k in dir(_net):
        if k.startswith(prefix):
            m = int.__new__(cls, getattr(_net, k))
            m.name = m._name_ = k
            m.value = m._value_ = int(m)
            cls._members.setdefault(int(m), m)
            _g[k] = m
    return cls


AddressFamily = _consts('AddressFamily', 'AF_')
SocketKind = _consts('SocketKind', 'SOCK_')
del _g, _k


def _family(f):
    return AddressFamily._members.get(f, f)


def _kind(t):
    return SocketKind._members.get(t, t)

error = OSError
timeout = TimeoutError
has_ipv6 = True


class herror(OSError):
    pass


class gaierror(OSError):
    pass


_GLOBAL_DEFAULT_TIMEOUT = object()
_default_timeout = None


def getdefaulttimeout():
    return _default_timeout


def _check_timeout(value):
    if value is None:
        return None
    if not isinstance(value, (int, float)):
        raise TypeError(f"'{type(value).__name__}' object cannot be interpreted as an integer")
    if value < 0:
        raise ValueError('Timeout value out of range')
    return float(value)


def setdefaulttimeout(timeout):
    global _default_timeout
    _default_timeout = _check_timeout(timeout)


def _wait(fd, write, timeout):
    ev = _net.POLLOUT if write else _net.POLLIN
    ms = int(timeout * 1000)
    if ms < timeout * 1000:
        ms += 1
    if not _net.poll([(fd, ev)], ms):
        raise TimeoutError('timed out')


class socket:
    """A socket: socket(family=AF_INET, type=SOCK_STREAM, proto=0, fileno=None)."""

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is None:
            if family == -1:
                family = AF_INET
            if type == -1:
                type = SOCK_STREAM
            if proto == -1:
                proto = 0
            fd = _net.socket(family, type, proto)
        else:
            fd = fileno if isinstance(fileno, int) else fileno.fileno()
            if fd < 0:
                raise ValueError('negative file descriptor')
            f, t, p = _net.sockinfo(fd)
            if family == -1:
                family = f
            if type == -1:
                type = t
            if proto == -1:
                proto = p
        self._fd = fd
        self.family = _family(family)
        self.type = _kind(type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC))
        self.proto = proto
        self._timeout = None
        if type & SOCK_NONBLOCK:
            self._timeout = 0.0
        elif _default_timeout is not None:
            self.settimeout(_default_timeout)

    def __repr__(self):
        s = (f'<socket.socket fd={self._fd}, family={self.family}, '
             f'type={self.type}, proto={self.proto}')
        if self._fd >= 0:
            try:
                s += f', laddr={self.getsockname()!r}'
                s += f', raddr={self.getpeername()!r}'
            except OSError:
                pass
        else:
            s = s.replace('<socket.socket', '<socket.socket [closed]', 1)
        return s + '>'

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def __getstate__(self):
        raise TypeError(f"cannot pickle '{type(self).__name__}' object")

    def _fdc(self):
        if self._fd < 0:
            raise OSError(9, 'Bad file descriptor')
        return self._fd

    def fileno(self):
        return self._fd

    _io_refs = 0
    _closed = False

    def close(self):
        # Files from makefile() keep the descriptor open until closed.
        self._closed = True
        if self._io_refs <= 0:
            self._real_close()

    def _real_close(self):
        fd = self._fd
        if fd >= 0:
            self._fd = -1
            _net.close(fd)

    def _decref_socketios(self):
        if self._io_refs > 0:
            self._io_refs -= 1
        if self._closed:
            self.close()

    def detach(self):
        fd = self._fd
        self._fd = -1
        self._closed = True
        return fd

    def dup(self):
        s = socket(self.family, self.type, self.proto, fileno=_net.dup(self._fdc()))
        s.settimeout(self._timeout)
        return s

    def _resolve(self, address):
        if self.family in (AF_INET, AF_INET6) and isinstance(address, tuple) \
                and len(address) >= 2 and isinstance(address[0], str) \
                and not _net.is_numeric(self.family, address[0]):
            host = address[0]
            if host == '<broadcast>':
                return address
            info = getaddrinfo(host, address[1], self.family)
            return (info[0][4][0],) + tuple(address[1:])
        return address

    def bind(self, address):
        _net.bind(self._fdc(), self.family, self._resolve(address))

    def listen(self, backlog=None):
        if backlog is None:
            backlog = min(SOMAXCONN, 128)
        _net.listen(self._fdc(), max(backlog, 0))

    def _io(self, write, op, *args):
        t = self._timeout
        if not t:
            return op(self._fdc(), *args)
        while True:
            _wait(self._fdc(), write, t)
            try:
                return op(self._fd, *args)
            except BlockingIOError:
                pass

    def accept(self):
        fd, addr = self._io(False, _net.accept)
        s = socket(self.family, self.type, self.proto, fileno=fd)
        if _default_timeout is None and self._timeout is not None:
            s.setblocking(True)
        return s, addr

    def _connect(self, address, ex):
        fd = self._fdc()
        address = self._resolve(address)
        t = self._timeout
        if not t:
            return _net.connect(fd, self.family, address, ex)
        err = _net.connect(fd, self.family, address, 1)
        if err in (115, 114):
            try:
                _wait(fd, True, t)
            except TimeoutError:
                if ex:
                    return 11
                raise
            err = _net.getsockopt(fd, SOL_SOCKET, SO_ERROR, 0)
        if ex:
            return err
        if err:
            raise OSError(err, _net.strerror(err))

    def connect(self, address):
        self._connect(address, False)

    def connect_ex(self, address):
        return self._connect(address, True)

    def send(self, data, flags=0):
        return self._io(True, _net.send, data, flags)

    def sendall(self, data, flags=0):
        view = memoryview(data)
        if view.ndim != 1 or view.itemsize != 1:
            view = view.cast('B')
        n = len(view)
        pos = 0
        while pos < n:
            pos += self._io(True, _net.send, view[pos:], flags)

    def sendto(self, data, flags_or_addr, addr=None):
        if addr is None:
            flags, addr = 0, flags_or_addr
        else:
            flags = flags_or_addr
        return self._io(True, _net.sendto, data, flags, self.family, self._resolve(addr))

    def recv(self, bufsize, flags=0):
        return self._io(False, _net.recv, bufsize, flags)

    def recvfrom(self, bufsize, flags=0):
        return self._io(False, _net.recvfrom, bufsize, flags)

    def recv_into(self, buffer, nbytes=0, flags=0):
        view = memoryview(buffer)
        if nbytes < 0:
            raise ValueError('negative buffersize in recv_into')
        if nbytes == 0:
            nbytes = len(view)
        elif nbytes > len(view):
            raise ValueError('buffer too small for requested bytes')
        data = self.recv(nbytes, flags)
        view[:len(data)] = data
        return len(data)

    def recvfrom_into(self, buffer, nbytes=0, flags=0):
        view = memoryview(buffer)
        if nbytes == 0:
            nbytes = len(view)
        data, addr = self.recvfrom(nbytes, flags)
        view[:len(data)] = data
        return len(data), addr

    def setblocking(self, flag):
        _net.setblocking(self._fdc(), flag)
        self._timeout = None if flag else 0.0

    def getblocking(self):
        return self._timeout != 0.0

    def settimeout(self, value):
        value = _check_timeout(value)
        _net.setblocking(self._fdc(), value is None)
        self._timeout = value

    def gettimeout(self):
        return self._timeout

    @property
    def timeout(self):
        return self._timeout

    def setsockopt(self, level, optname, value, optlen=None):
        if value is None:
            value = bytes(optlen)
        _net.setsockopt(self._fdc(), level, optname, value)

    def getsockopt(self, level, optname, buflen=0):
        return _net.getsockopt(self._fdc(), level, optname, buflen)

    def getsockname(self):
        return _net.getsockname(self._fdc())

    def getpeername(self):
        return _net.getpeername(self._fdc())

    def shutdown(self, how):
        _net.shutdown(self._fdc(), how)

    def makefile(self, mode='r', buffering=None, *, encoding=None, errors=None, newline=None):
        if not set(mode) <= {'r', 'w', 'b'}:
            raise ValueError(f'invalid mode {mode!r} (only r, w, b allowed)')
        self._io_refs += 1
        return SocketFile(self, mode, encoding or 'utf-8', errors or 'strict')


SocketType = socket


class SocketFile:
    """What socket.makefile() returns: a small buffered reader/writer."""

    def __init__(self, sock, mode, encoding, errors):
        self._sock = sock
        self._text = 'b' not in mode
        self.mode = mode
        self._enc = encoding
        self._err = errors
        self._buf = b''
        self.closed = False

    def _out(self, b):
        return b.decode(self._enc, self._err) if self._text else b

    def read(self, size=-1):
        while size < 0 or len(self._buf) < size:
            chunk = self._sock.recv(8192)
            if not chunk:
                break
            self._buf += chunk
        if size < 0:
            data, self._buf = self._buf, b''
        else:
            data, self._buf = self._buf[:size], self._buf[size:]
        return self._out(data)

    def readline(self, size=-1):
        while b'\n' not in self._buf and (size < 0 or len(self._buf) < size):
            chunk = self._sock.recv(8192)
            if not chunk:
                break
            self._buf += chunk
        i = self._buf.find(b'\n') + 1 or len(self._buf)
        if 0 <= size < i:
            i = size
        data, self._buf = self._buf[:i], self._buf[i:]
        return self._out(data)

    def __iter__(self):
        while True:
            line = self.readline()
            if not line:
                return
            yield line

    def write(self, data):
        if self._text:
            data = data.encode(self._enc, self._err)
        self._sock.sendall(data)
        return len(data)

    def flush(self):
        pass

    def close(self):
        if not self.closed:
            self.closed = True
            self._sock._decref_socketios()

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    """Resolve (host, port) into a list of (family, type, proto, canonname,
    sockaddr) for socket() and connect()."""
    if isinstance(host, str):
        host = host.encode('idna') if not host.isascii() else host
    r = _net.getaddrinfo(host, port, family, type, proto, flags)
    if isinstance(r, int):
        raise gaierror(r, _net.gai_strerror(r))
    return [(_family(a), _kind(b), c, d, e) for a, b, c, d, e in r]


def gethostname():
    return _net.gethostname()


def gethostbyname(hostname):
    return getaddrinfo(hostname, None, AF_INET)[0][4][0]


def socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0):
    a, b = _net.socketpair(family, type, proto)
    return socket(family, type, proto, a), socket(family, type, proto, b)


def fromfd(fd, family, type, proto=0):
    return socket(family, type, proto, _net.dup(fd))


def create_connection(address, timeout=_GLOBAL_DEFAULT_TIMEOUT, source_address=None, *,
                      all_errors=False):
    host, port = address
    errors = []
    for family, type_, proto, _, sa in getaddrinfo(host, port, 0, SOCK_STREAM):
        sock = None
        try:
            sock = socket(family, type_, proto)
            if timeout is not _GLOBAL_DEFAULT_TIMEOUT:
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(sa)
            return sock
        except OSError as e:
            errors.append(e)
            if sock is not None:
                sock.close()
    if not errors:
        raise OSError('getaddrinfo returns an empty list')
    if all_errors:
        raise ExceptionGroup('create_connection failed', errors)
    raise errors[0]


def create_server(address, *, family=AF_INET, backlog=None, reuse_port=False,
                  dualstack_ipv6=False):
    sock = socket(family, SOCK_STREAM)
    try:
        sock.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
        if reuse_port:
            sock.setsockopt(SOL_SOCKET, SO_REUSEPORT, 1)
        if family == AF_INET6:
            sock.setsockopt(IPPROTO_IPV6, IPV6_V6ONLY, 0 if dualstack_ipv6 else 1)
        sock.bind(address)
        sock.listen(backlog)
        return sock
    except BaseException:
        sock.close()
        raise


def has_dualstack_ipv6():
    return True


def inet_pton(family, ip_string):
    return _net.inet_pton(family, ip_string)


def inet_ntop(family, packed_ip):
    return _net.inet_ntop(family, packed_ip)


def inet_aton(ip_string):
    try:
        return _net.inet_pton(AF_INET, ip_string)
    except OSError:
        raise OSError('illegal IP address string passed to inet_aton') from None


def inet_ntoa(packed_ip):
    if len(packed_ip) != 4:
        raise OSError('packed IP wrong length for inet_ntoa')
    return _net.inet_ntop(AF_INET, packed_ip)


def htons(x):
    if not 0 <= x <= 0xFFFF:
        raise OverflowError('htons: Python int too large to convert to C 16-bit unsigned integer')
    return ((x & 0xFF) << 8) | (x >> 8)


ntohs = htons


def htonl(x):
    if not 0 <= x <= 0xFFFFFFFF:
        raise OverflowError('int larger than 32 bits')
    return int.from_bytes(x.to_bytes(4, 'little'), 'big')


ntohl = htonl
