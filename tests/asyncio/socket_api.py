# requires: host bigheap
# socket: constants, argument errors, conversions, context manager
import socket

s = socket.socket()
print(s.family, repr(s.family), s.type, repr(s.type), s.family == 2, f"{s.family}")
print(socket.AF_INET6, repr(socket.SOCK_DGRAM), repr(socket.AddressFamily(1)))
for bad in ("x", ("127.0.0.1",), ("127.0.0.1", 70000)):
    try:
        s.connect(bad)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
print(s.gettimeout(), s.getblocking())
s.settimeout(2.5)
print(s.gettimeout(), s.getblocking())
s.setblocking(False)
print(s.gettimeout(), s.getblocking())
try:
    s.settimeout(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    s.recv(-1)
except ValueError as e:
    print("ValueError:", e)
s.close()
s.close()
print(socket.error is OSError, socket.timeout is TimeoutError, issubclass(socket.gaierror, OSError))
print(socket.inet_aton('1.2.3.4'), socket.inet_ntoa(b'\x7f\x00\x00\x01'))
print(socket.htons(1), socket.htonl(1), socket.ntohs(256))
print(socket.inet_pton(socket.AF_INET6, '::1'), socket.inet_ntop(socket.AF_INET6, bytes(15) + b'\x01'))
try:
    socket.inet_aton('1.2.3.999')
except OSError as e:
    print("OSError:", e)
print(socket.getdefaulttimeout())
with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as d:
    print(d.type == socket.SOCK_DGRAM, d.fileno() >= 0)
print(d.fileno())
u = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
print(u.family == socket.AF_UNIX)
u.close()
print(socket.SOL_SOCKET, socket.SO_REUSEADDR, socket.SHUT_RDWR, socket.IPPROTO_TCP, socket.TCP_NODELAY)
