# requires: host
# (C `long` is 32 bits on the board: Cython converts 64-bit values through
# `long long` there, and CPython's error messages name the C type.)
# OverflowError on conversion, wrapping, overflowcheck, saturation.
import overflow as o

def attempt(f, *args):
    try:
        return f(*args)
    except OverflowError as e:
        return "OverflowError: " + str(e)
    except TypeError as e:
        return "TypeError: " + str(e)

print(o.to_u8(255), attempt(o.to_u8, 256), attempt(o.to_u8, -1))
print(o.to_i16(-32768), attempt(o.to_i16, 32768), attempt(o.to_i16, -32769))
print(o.to_u64(2**64 - 1), attempt(o.to_u64, 2**64), attempt(o.to_u64, -5))
print(attempt(o.to_u8, 3.0), attempt(o.to_u8, "7"))
print(o.wrap_add_u16(65535, 2), o.wrap_mul_u32(65536, 65537))
print(o.counter_delta(5, 4294967290), o.counter_delta(100, 40))
print(o.checked_mul_i32(46340, 46340), attempt(o.checked_mul_i32, 46341, 46341))
print(attempt(o.checked_mul_i32, -65536, 32768), attempt(o.checked_mul_i32, -65536, 32769))
print(o.checked_sum_i64([2**62, 2**62 - 1, 0]), attempt(o.checked_sum_i64, [2**62, 2**62]))
print(attempt(o.checked_sum_i64, [2**63]))
print(o.saturating_sum16([30000, 10000, -5]), o.saturating_sum16([-30000, -30000]))
print([o.truncate_i8(x) for x in (127, 128, 255, 256, -129)])
print(o.python_ints(100))
