# input() with stdin closed / replaced; exit() raising SystemExit.
import sys
try:
    input('prompt> ')
except EOFError as e:
    print()
    print('EOFError', e)
class FakeIn:
    def __init__(self, lines):
        self.lines = lines
    def readline(self):
        return self.lines.pop(0) if self.lines else ''
old = sys.stdin
sys.stdin = FakeIn(['first line\n', 'no newline'])
print(repr(input()), repr(input('> ')))
try:
    input()
except EOFError as e:
    print('EOFError', e)
sys.stdin = old
for f in (exit, quit):
    try:
        f(5)
    except SystemExit as e:
        print('SystemExit', e.code)
try:
    exit()
except SystemExit as e:
    print('SystemExit', e.code)
print(callable(help), callable(breakpoint))
print('bye')
exit(3)
print('not reached')
