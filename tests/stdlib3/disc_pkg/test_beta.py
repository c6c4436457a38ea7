import unittest


def setUpModule():
    print('setUpModule beta')
    unittest.addModuleCleanup(print, 'module cleanup beta')


def tearDownModule():
    print('tearDownModule beta')


class Beta(unittest.TestCase):
    def test_fails(self):
        self.assertFalse(True)
