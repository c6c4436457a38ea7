# requires: bigheap files module:unittest
# unittest: TestLoader.discover() of test*.py files in a directory, module
# fixtures, and running the discovered suite.
import io
import unittest

loader = unittest.TestLoader()
suite = loader.discover('disc_pkg')
print(suite.countTestCases())
names = []


def walk(s):
    for t in s:
        if isinstance(t, unittest.TestSuite):
            walk(t)
        else:
            names.append(t.id())


walk(suite)
print(names)
out = io.StringIO()
r = unittest.TextTestRunner(stream=out, verbosity=2).run(suite)
print([line for line in out.getvalue().split('\n') if line.endswith(('ok', 'FAIL'))])
print(r.testsRun, len(r.failures), r.wasSuccessful())
print(loader.discover('disc_pkg', pattern='test_a*.py').countTestCases())
print(sorted(k for k in __import__('sys').modules if k.startswith('test_')))
