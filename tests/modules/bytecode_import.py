# requires: files host
# Import of ahead-of-time compiled bytecode (.fpc), and of damaged files
# (in _fpc_bad/): each must raise ImportError, never crash.
# fpc_sample.fpc is made by:
#   ferropy --compile tests/modules/_fpc_src/fpc_sample.py -o tests/modules/fpc_sample.fpc
import sys
import fpc_sample as m
print(m.__doc__.splitlines()[0])
print(m.BIG, m.CONSTS)
print(list(m.gen(4)), m.Shape(3, scale=2).area(), m.closure(10)(5))
try:
    m.boom()
except ValueError as e:
    print('ValueError', e)
print(m.__file__, m.gen.__code__.co_filename, m.Shape.__qualname__, m.Shape.area.__qualname__)
sys.path.insert(0, '_fpc_bad')
for name in ['bc_truncated', 'bc_badmagic', 'bc_badversion', 'bc_trailing',
             'bc_empty', 'bc_hugecount', 'bc_badops']:
    try:
        __import__(name)
        print(name, 'loaded?!')
    except ImportError as e:
        print(name, type(e).__name__, 'bad bytecode' in str(e))
    print(name in sys.modules)
