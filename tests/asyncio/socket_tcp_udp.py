# requires: host bigheap
# socket: TCP and UDP on 127.0.0.1 with OS-chosen ports, socketpair, timeouts, errors
import socket

srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
print(srv.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
srv.bind(('127.0.0.1', 0))
srv.listen()
port = srv.getsockname()[1]
print(srv.family, repr(srv.family), repr(srv.type), srv.proto)
c = socket.create_connection(('localhost', port))
s, addr = srv.accept()
print(addr[0], s.getsockname() == c.getpeername(), c.getsockname() == addr)
c.sendall(b'hello')
print(s.recv(10))
buf = bytearray(8)
c.send(b'into')
print(s.recv_into(buf), buf)
f = c.makefile('rwb')
s.sendall(b'line 1\nline 2\n')
print(f.readline(), f.readline())
s.shutdown(socket.SHUT_WR)
print(c.recv(10))
s.close()
c.close()
print(c.fileno())
try:
    c.recv(1)
except OSError as e:
    print("closed:", e.errno)
srv.close()
try:
    socket.create_connection(('127.0.0.1', port))
except ConnectionRefusedError as e:
    print("ConnectionRefusedError", e.errno, e.strerror)
t = socket.socket()
print(t.connect_ex(('127.0.0.1', port)))
t.close()

a, b = socket.socketpair()
with a, b:
    a.sendall(b'pair')
    print(b.recv(4))
    b.settimeout(0.01)
    print(b.gettimeout(), b.getblocking())
    try:
        b.recv(1)
    except socket.timeout as e:
        print("timeout:", type(e).__name__, e)
    b.setblocking(False)
    try:
        b.recv(1)
    except BlockingIOError as e:
        print("BlockingIOError", e.errno)
print(a.fileno(), b.fileno())

u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u.bind(('127.0.0.1', 0))
v = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
v.sendto(b'dgram', u.getsockname())
d, frm = u.recvfrom(100)
print(d, frm == v.getsockname())
u.close()
v.close()

s6 = socket.socket(socket.AF_INET6)
s6.bind(('::1', 0))
s6.listen(1)
c6 = socket.socket(socket.AF_INET6)
c6.connect(s6.getsockname()[:2])
conn, a6 = s6.accept()
print(a6[0], len(a6))
for x in (s6, c6, conn):
    x.close()

print(socket.getaddrinfo('127.0.0.1', 80, type=socket.SOCK_STREAM))
print(socket.getaddrinfo('::1', '443', socket.AF_INET6, socket.SOCK_STREAM))
try:
    socket.getaddrinfo('not-a-number', 80, flags=socket.AI_NUMERICHOST)
except socket.gaierror as e:
    print("gaierror", e.errno, isinstance(e, OSError))
print(socket.gethostbyname('127.0.0.1'), type(socket.gethostname()).__name__)
