# requires: bigheap module:unittest module:os
# unittest: TextTestRunner output at verbosity 1 and 2 (failures, errors,
# skips, expected failures, subtests, class fixtures), results counts.
import io
import os
import unittest


class T(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        print('setUpClass')

    @classmethod
    def tearDownClass(cls):
        print('tearDownClass')

    def setUp(self):
        self.x = 1

    def tearDown(self):
        self.x = None

    def test_ok(self):
        """Checks the basics."""
        self.assertEqual(self.x, 1)

    def test_fail(self):
        self.assertEqual(1, 2)

    def test_err(self):
        raise KeyError('k')

    @unittest.skip('not today')
    def test_skip(self):
        pass

    @unittest.expectedFailure
    def test_xfail(self):
        self.assertTrue(False)

    @unittest.expectedFailure
    def test_xpass(self):
        pass

    def test_sub(self):
        for i in range(4):
            with self.subTest(i=i):
                self.assertLess(i, 2, 'too big')

    def test_skip_inside(self):
        self.skipTest('inside')


def norm(text):
    out = []
    for line in text.split('\n'):
        if line.startswith('Ran '):
            line = line.split(' in ')[0]
        if line.startswith('  File "'):
            path = line.split('"')[1]
            line = line.replace(path, os.path.basename(path))
        out.append(line)
    return '\n'.join(out)


suite = unittest.defaultTestLoader.loadTestsFromTestCase(T)
print(suite.countTestCases(), [t.id() for t in suite][:2], str(list(suite)[0]))
for v in (1, 2):
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(T)
    s = io.StringIO()
    r = unittest.TextTestRunner(stream=s, verbosity=v).run(suite)
    print(norm(s.getvalue()))
    print(r.testsRun, len(r.failures), len(r.errors), len(r.skipped), len(r.expectedFailures),
          len(r.unexpectedSuccesses), r.wasSuccessful())
    print(r.skipped[0][1], str(r.failures[0][0]), repr(list(suite)[0]))
