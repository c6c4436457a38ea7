"""TestLoader."""

import sys
from unittest.case import TestCase
from unittest.suite import TestSuite, BaseTestSuite

__unittest = True


def _match(name, pat):
    if '*' not in pat:
        return name == pat
    head, _, tail = pat.partition('*')
    if not name.startswith(head):
        return False
    rest = name[len(head):]
    if '*' not in tail:
        return rest.endswith(tail)
    t1, _, t2 = tail.partition('*')
    i = rest.find(t1)
    return i >= 0 and _match(rest[i + len(t1):], '*' + t2)


class TestLoader:
    testMethodPrefix = 'test'
    sortTestMethodsUsing = None
    testNamePatterns = None
    suiteClass = TestSuite

    def __init__(self):
        self.errors = []

    def loadTestsFromTestCase(self, testCaseClass):
        if issubclass(testCaseClass, TestSuite):
            raise TypeError('Test cases should not be derived from TestSuite. Maybe you '
                            'meant to derive from TestCase?')
        names = self.getTestCaseNames(testCaseClass)
        if not names and hasattr(testCaseClass, 'runTest'):
            names = ['runTest']
        return self.suiteClass([testCaseClass(n) for n in names])

    def loadTestsFromModule(self, module, *args, pattern=None, **kws):
        tests = []
        for name in dir(module):
            obj = getattr(module, name)
            if isinstance(obj, type) and issubclass(obj, TestCase):
                tests.append(self.loadTestsFromTestCase(obj))
        tests = self.suiteClass(tests)
        load_tests = getattr(module, 'load_tests', None)
        if load_tests is not None:
            return load_tests(self, tests, pattern)
        return tests

    def loadTestsFromName(self, name, module=None):
        parts = name.split('.')
        if module is None:
            i = len(parts)
            while True:
                try:
                    module = __import__('.'.join(parts[:i]))
                    for p in parts[1:i]:
                        module = getattr(module, p)
                    break
                except ImportError:
                    i -= 1
                    if i == 0:
                        raise
            parts = parts[i:]
        obj = module
        parent = None
        for p in parts:
            parent, obj = obj, getattr(obj, p)
        if type(obj).__name__ == 'module':
            return self.loadTestsFromModule(obj)
        if isinstance(obj, type) and issubclass(obj, TestCase):
            return self.loadTestsFromTestCase(obj)
        if isinstance(parent, type) and issubclass(parent, TestCase):
            return self.suiteClass([parent(parts[-1])])
        if isinstance(obj, BaseTestSuite):
            return obj
        if callable(obj):
            test = obj()
            if isinstance(test, TestSuite):
                return test
            if isinstance(test, TestCase):
                return self.suiteClass([test])
            raise TypeError('calling %s returned %s, not a test' % (obj, test))
        raise TypeError("don't know how to make test from: %s" % obj)

    def loadTestsFromNames(self, names, module=None):
        return self.suiteClass([self.loadTestsFromName(n, module) for n in names])

    def getTestCaseNames(self, testCaseClass):
        pre = self.testMethodPrefix
        pats = self.testNamePatterns
        names = []
        for n in dir(testCaseClass):
            if n.startswith(pre) and callable(getattr(testCaseClass, n)):
                full = '%s.%s.%s' % (testCaseClass.__module__, testCaseClass.__qualname__, n)
                if pats is None or any(_match(full, p) for p in pats):
                    names.append(n)
        if self.sortTestMethodsUsing is not None:
            import functools
            names.sort(key=functools.cmp_to_key(self.sortTestMethodsUsing))
        else:
            names.sort()
        return names

    def discover(self, start_dir, pattern='test*.py', top_level_dir=None):
        from unittest import discovery
        return discovery.discover(self, start_dir, pattern, top_level_dir)

defaultTestLoader = TestLoader()


def getTestCaseNames(testCaseClass, prefix, sortUsing=None, testNamePatterns=None):
    loader = TestLoader()
    loader.testMethodPrefix = prefix
    loader.sortTestMethodsUsing = sortUsing
    loader.testNamePatterns = testNamePatterns
    return loader.getTestCaseNames(testCaseClass)


def makeSuite(testCaseClass, prefix='test', sortUsing=None, suiteClass=TestSuite):
    loader = TestLoader()
    loader.testMethodPrefix = prefix
    loader.sortTestMethodsUsing = sortUsing
    loader.suiteClass = suiteClass
    return loader.loadTestsFromTestCase(testCaseClass)


def findTestCases(module, prefix='test', sortUsing=None, suiteClass=TestSuite):
    loader = TestLoader()
    loader.testMethodPrefix = prefix
    loader.sortTestMethodsUsing = sortUsing
    loader.suiteClass = suiteClass
    return loader.loadTestsFromModule(module)
