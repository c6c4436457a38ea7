# requires: bigheap module:unittest
# unittest.main(): loads the tests of __main__, runs them (report on
# stderr), exits with status 1 when a test fails; exit=False returns.
import sys
import unittest


class Good(unittest.TestCase):
    def test_a(self):
        self.assertEqual(sum([1, 2]), 3)

    def test_b(self):
        with self.subTest(n=1):
            self.assertTrue(True)


class Bad(unittest.TestCase):
    def test_c(self):
        self.assertIn('x', 'abc')

    def helper(self):
        pass


prog = unittest.main(exit=False, argv=['prog', 'Good'])
print(prog.result.testsRun, prog.result.wasSuccessful())
prog = unittest.main(exit=False, argv=['prog', '-k', 'test_c'])
print(prog.result.testsRun, len(prog.result.failures))
loader = unittest.TestLoader()
print(loader.getTestCaseNames(Good), loader.loadTestsFromName('Bad.test_c', sys.modules[__name__]).countTestCases())
print('running all')
sys.stdout.flush()
unittest.main()
