# requires: module:_thread module:locale
# _thread locks for single-threaded code, and the "C"-only locale module.
import _thread
import locale

lock = _thread.allocate_lock()
print(type(lock) is _thread.LockType, lock.locked(), lock.acquire(), lock.locked())
print(lock.acquire(False), lock.acquire(blocking=False))
lock.release()
print(lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print(type(e).__name__, e)
with lock:
    print('inside', lock.locked())
print('after', lock.locked())
r = _thread.RLock()
print(r.acquire(), r.acquire(), r.locked() if hasattr(r, 'locked') else True)
r.release()
r.release()
try:
    r.release()
except RuntimeError as e:
    print(type(e).__name__, e)
print(isinstance(_thread.get_ident(), int), _thread.error is RuntimeError)
print(locale.setlocale(locale.LC_ALL, 'C'), locale.setlocale(locale.LC_NUMERIC))
try:
    locale.setlocale(locale.LC_ALL, 'xx_YY.bogus')
except locale.Error as e:
    print('locale.Error', type(e).__name__)
print(locale.localeconv()['decimal_point'], locale.atoi('42'), locale.atof('1.5'))
print(locale.strcoll('a', 'b'), locale.strxfrm('abc'), locale.getlocale()[1] in (None, 'UTF-8'))
