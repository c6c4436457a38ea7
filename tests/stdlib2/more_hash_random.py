# requires: module:hashlib module:random
import hashlib, random
for n in ['sha224', 'sha384']:
    for d in [b'', b'abc', b'a' * 200]:
        h = hashlib.new(n, d); print(h.name, h.digest_size, h.block_size, h.hexdigest(), getattr(hashlib, n)(d).digest() == h.digest())
random.seed(11)
print(random.randbytes(0), random.randbytes(1), random.randbytes(5), random.randbytes(9))
print([random.gauss() for _ in range(5)], random.gauss(10, 2))
print([random.normalvariate(1, 3) for _ in range(5)])
r = random.Random(4); print(r.gauss(), r.gauss(), r.getstate()[2])
