# sys.displayhook drives the output of interactive ("single") code.
import sys
exec(compile('5', 's', 'single'))
exec(compile('None', 's', 'single'))
def hook(v):
    print('hook got', repr(v))
sys.displayhook = hook
exec(compile('"x"', 's', 'single'))
sys.displayhook = sys.__displayhook__
exec(compile('7', 's', 'single'))
import builtins
print(builtins._)
