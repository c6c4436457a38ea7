# requires: host bigheap
# select.select and select.poll on socket pairs
import select
import socket

a, b = socket.socketpair()
print(select.select([a, b], [], [], 0))
r, w, x = select.select([a], [a, b], [], 0)
print(r, len(w), x)
b.send(b'x')
r, w, x = select.select([a.fileno(), b], [], [], 1.0)
print(r == [a.fileno()], w, x)
p = select.poll()
p.register(a, select.POLLIN)
p.register(b.fileno(), select.POLLOUT)
ev = sorted(p.poll(0))
print(ev == sorted([(a.fileno(), select.POLLIN), (b.fileno(), select.POLLOUT)]))
print(a.recv(1))
p.modify(b, select.POLLIN)
print(p.poll(0))
p.unregister(b)
try:
    p.unregister(b)
except KeyError:
    print("KeyError")
try:
    p.modify(b, select.POLLIN)
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno)
b.close()
print(p.poll(10) == [(a.fileno(), select.POLLIN | select.POLLHUP)])
print(a.recv(1))
a.close()
try:
    select.select([object()], [], [])
except TypeError as e:
    print("TypeError:", e)
try:
    select.select([], [], [], -1)
except ValueError as e:
    print("ValueError:", e)
print(select.error is OSError, select.POLLIN, select.POLLOUT, select.POLLHUP)
