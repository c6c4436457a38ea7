# requires: module:unittest
# unittest: the assert* methods, their failure messages, assertRaises and
# assertRaisesRegex as context managers and callables, msg and longMessage.
import unittest


class A(unittest.TestCase):
    def runTest(self):
        pass


t = A()
checks = [
    lambda: t.assertEqual(1, 2), lambda: t.assertEqual('a', 'a'), lambda: t.assertNotEqual(1, 1),
    lambda: t.assertTrue(0), lambda: t.assertFalse([1]), lambda: t.assertIs(1, None),
    lambda: t.assertIsNot(None, None), lambda: t.assertIsNone(3), lambda: t.assertIsNotNone(None),
    lambda: t.assertIn(3, [1, 2]), lambda: t.assertNotIn(1, [1, 2]),
    lambda: t.assertIsInstance(1, str), lambda: t.assertNotIsInstance(1, int),
    lambda: t.assertLess(2, 1), lambda: t.assertLessEqual(2, 1), lambda: t.assertGreater(1, 2),
    lambda: t.assertGreaterEqual(1, 2), lambda: t.assertAlmostEqual(1.0, 1.1),
    lambda: t.assertAlmostEqual(1.0, 1.00000001), lambda: t.assertAlmostEqual(1, 1.5, delta=0.1),
    lambda: t.assertNotAlmostEqual(1.0, 1.0), lambda: t.assertCountEqual([1, 2, 2], [2, 1, 1]),
    lambda: t.assertCountEqual('abc', 'cba'), lambda: t.assertEqual((1, 2), (1, 2, 3)),
    lambda: t.assertEqual([1, 2, 3], [1]), lambda: t.assertSetEqual({1, 2}, {2, 3}),
    lambda: t.assertEqual(1, 2, 'custom'), lambda: t.fail('boom'), lambda: t.assertListEqual((1,), [1]),
    lambda: t.assertEqual('x' * 100, 'x' * 99 + 'y'), lambda: t.assertSequenceEqual([1], (1,)),
    lambda: t.assertDictEqual({'a': 1}, {'a': 1}),
]
for i, c in enumerate(checks):
    try:
        c()
        print(i, 'ok')
    except AssertionError as e:
        print(i, 'AssertionError:', str(e).split('\n')[0])

with t.assertRaises(ZeroDivisionError) as cm:
    1 / 0
print(type(cm.exception).__name__, cm.exception.args)
with t.assertRaises((KeyError, IndexError)):
    [][1]
t.assertRaises(ValueError, int, 'x')
for block in [lambda: t.assertRaises(ValueError, int, '1'), lambda: t.assertRaises(ValueError).__exit__(None, None, None)]:
    try:
        block()
    except AssertionError as e:
        print('AssertionError:', e)
with t.assertRaisesRegex(ValueError, 'invalid'):
    int('x')
try:
    with t.assertRaisesRegex(ValueError, 'nomatch'):
        raise ValueError('text here')
except AssertionError as e:
    print(e)
try:
    with t.assertRaises(KeyError):
        raise TypeError('other')
except TypeError as e:
    print('propagated', e)
try:
    with t.assertRaises(ValueError, msg='mine'):
        pass
except AssertionError as e:
    print(e)
t.longMessage = False
try:
    t.assertEqual(1, 2, 'only mine')
except AssertionError as e:
    print(e)
print(t.shortDescription(), t.id(), t.countTestCases())
