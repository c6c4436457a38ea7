# requires: module:struct
import struct
print(struct.pack('<i', 1), struct.pack('>hHb', -2, 65535, 5), struct.pack('@bi', 1, 2), struct.pack('=bi', 1, 2))
print(struct.calcsize('@b0i'), struct.calcsize('@bi'), struct.calcsize('@ihq'), struct.calcsize(' 2i '), struct.calcsize('<qQnN' if False else '<qQ'))
print(struct.pack('<5s', b'ab'), struct.pack('<2s', b'abcd'), struct.pack('<5p', b'abc'), struct.unpack('<5p', b'\x03abcx'))
print(struct.pack('<?x3c', 7, b'a', b'b', b'c'), struct.unpack('<?x3c', b'\x01\x00abc'))
for f in 'efd':
    for v in [1.5, -0.1, 65504.0, 1e-7, 6e-8, float('inf'), 0.0, -0.0]:
        b = struct.pack('<'+f, v); print(f, v, b, struct.unpack('<'+f, b))
print(struct.pack('>qQ', -1, 2**64-1), struct.unpack('>qQ', struct.pack('>qQ', -1, 2**64-1)))
print(struct.unpack('<bBhHiIlLqQ', struct.pack('<bBhHiIlLqQ', -1, 255, -300, 65000, -70000, 4000000000, -5, 7, -2**63, 2**64-1)))
print(struct.unpack('@nNP', struct.pack('@nNP', -3, 3, 12345)))
print(struct.unpack_from('<h', b'\x00\x01\x02\x03', 1), struct.unpack_from('<h', b'\x00\x01\x02\x03', offset=2), struct.unpack_from('<h', b'\x00\x01\x02\x03', -2))
ba = bytearray(8); struct.pack_into('<hi', ba, 1, 258, -1); print(ba)
print(list(struct.iter_unpack('<h', b'\x01\x00\x02\x00\x03\x00')))
s = struct.Struct('<ih'); print(s.format, s.size, s.pack(1, 2), s.unpack(b'\x01\x00\x00\x00\x02\x00'), s.unpack_from(b'xx\x01\x00\x00\x00\x02\x00', 2))
print(struct.Struct(b'>h').format)
ba = bytearray(6); s.pack_into(ba, 0, 5, 6); print(ba, list(s.iter_unpack(bytes(12))))
print(struct.error.__mro__, issubclass(struct.error, Exception))
def t(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
for fmt, v in [('b', 300), ('B', -1), ('h', 70000), ('H', -1), ('i', 2**40), ('I', -1), ('I', 2**40), ('<l', 2**40), ('q', 2**70), ('i', 1.0), ('f', 'a'), ('c', b'ab'), ('s', 1), ('e', 1e300), ('f', 1e300), ('?', [])]:
    t(lambda: struct.pack(fmt, v))
t(lambda: struct.pack('ii', 1))
t(lambda: struct.calcsize('z')); t(lambda: struct.calcsize('3')); t(lambda: struct.calcsize('<n'))
t(lambda: struct.unpack('i', b'abc')); t(lambda: struct.unpack_from('i', b'abc', 1)); t(lambda: struct.unpack_from('i', b'abc', -1)); t(lambda: struct.unpack_from('i', b'abc', -10))
t(lambda: struct.pack_into('i', bytearray(5), 2, 1)); t(lambda: struct.pack_into('i', bytearray(5), -10, 1))
t(lambda: struct.iter_unpack('i', b'abcde')); t(lambda: struct.iter_unpack('', b'abcde'))
t(lambda: struct.unpack('i', 'abcd'))
try: struct.pack('b', 1000)
except struct.error as e: print('caught', e)
