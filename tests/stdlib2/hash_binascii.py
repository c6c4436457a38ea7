# requires: module:base64 module:binascii module:hashlib
import hashlib, binascii, base64, errno
for name in ['md5', 'sha1', 'sha256', 'sha512']:
    for data in [b'', b'abc', b'a' * 55, b'a' * 56, b'a' * 64, b'x' * 1000, bytes(range(256)) * 3]:
        h = getattr(hashlib, name)(data)
        print(name, h.name, h.digest_size, h.block_size, h.hexdigest())
    h = hashlib.new(name.upper()); h.update(b'hello '); c = h.copy(); h.update(b'world'); print(h.hexdigest(), c.hexdigest(), h.digest()[:4])
h = hashlib.sha256(); h.update(bytearray(b'ab')); h.update(memoryview(b'cd')); print(h.hexdigest())
print(hashlib.sha256(string=b'q').hexdigest())
def t(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
t(lambda: hashlib.sha256('abc')); t(lambda: hashlib.new('sha3')); t(lambda: hashlib.md5().update(1))
print(binascii.hexlify(b'\x01\xab\xff'), binascii.b2a_hex(b'abc'), binascii.hexlify(b'abcdef', '-'), binascii.hexlify(b'abcde', b':', 2), binascii.hexlify(b'abcde', ':', -2))
print(binascii.unhexlify(b'01abFF'), binascii.a2b_hex('6162'))
t(lambda: binascii.unhexlify(b'abc')); t(lambda: binascii.unhexlify(b'zz')); t(lambda: binascii.hexlify('ab'))
for d in [b'', b'a', b'ab', b'abc', b'abcd', bytes(range(50))]:
    e = binascii.b2a_base64(d); print(e, binascii.b2a_base64(d, newline=False), binascii.a2b_base64(e))
print(binascii.a2b_base64(b'YW Jj\nZA=='), binascii.a2b_base64('YWJjZA=='), binascii.a2b_base64(b'YWJjZA==YWJj'))
t(lambda: binascii.a2b_base64(b'YWJjZ')); t(lambda: binascii.a2b_base64(b'YWJjZA'))
print(binascii.crc32(b'hello'), binascii.crc32(b''), binascii.crc32(b'world', binascii.crc32(b'hello ')), binascii.crc32(b'hello world'))
print(issubclass(binascii.Error, ValueError), binascii.Error.__module__)
print(base64.b64encode(b'hello?>'), base64.b64decode(b'aGVsbG8/Pg=='), base64.urlsafe_b64encode(b'hello?>'), base64.urlsafe_b64decode('aGVsbG8_Pg=='))
print(base64.b16encode(b'\xab\x01'), base64.b16decode(b'AB01'), base64.b16decode(b'ab01', casefold=True), base64.b64encode(b'\xfb\xff', altchars=b'*-'))
t(lambda: base64.b64decode(b'aGVsbG8/Pg=', validate=True)); t(lambda: base64.b64decode(b'a!GVs', validate=True)); t(lambda: base64.b16decode(b'ab'))

print(errno.ENOENT, errno.EAGAIN, errno.EWOULDBLOCK, errno.errorcode[2], errno.errorcode[11], errno.EDEADLOCK, len(errno.errorcode), sorted(errno.errorcode.items())[:5])
