"""TestSuite."""

import sys
from unittest import SkipTest, strclass
from unittest.case import TestCase

__unittest = True

class _ErrorHolder:
    failureException = None

    def __init__(self, description):
        self.description = description

    def id(self):
        return self.description

    def shortDescription(self):
        return None

    def __str__(self):
        return self.description

    def countTestCases(self):
        return 0


class BaseTestSuite:
    _cleanup = True

    def __init__(self, tests=()):
        self._tests = []
        self._removed_tests = 0
        self.addTests(tests)

    def __repr__(self):
        return '<%s tests=%s>' % (strclass(self.__class__), list(self))

    def __eq__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return list(self) == list(other)

    def __iter__(self):
        return iter(self._tests)

    def countTestCases(self):
        return self._removed_tests + sum(t.countTestCases() for t in self._tests
                                         if t is not None)

    def _removeTestAtIndex(self, index):
        if self._cleanup:
            t = self._tests[index]
            if t is not None:
                self._removed_tests += t.countTestCases()
            self._tests[index] = None

    def addTest(self, test):
        if not callable(test):
            raise TypeError('{} is not callable'.format(repr(test)))
        if isinstance(test, type) and issubclass(test, (TestCase, TestSuite)):
            raise TypeError('TestCases and TestSuites must be instantiated before passing '
                            'them to addTest()')
        self._tests.append(test)

    def addTests(self, tests):
        if isinstance(tests, str):
            raise TypeError('tests must be an iterable of tests, not a string')
        for test in tests:
            self.addTest(test)

    def run(self, result):
        for i, test in enumerate(self):
            if result.shouldStop:
                break
            test(result)
            self._removeTestAtIndex(i)
        return result

    def __call__(self, *args, **kwds):
        return self.run(*args, **kwds)

    def debug(self):
        for test in self:
            test.debug()


def _call_fixture(result, fn, desc):
    try:
        fn()
        return True
    except Exception as e:
        if isinstance(e, SkipTest):
            result.addSkip(_ErrorHolder(desc), str(e))
        else:
            result.addError(_ErrorHolder(desc), sys.exc_info())
        return False


class TestSuite(BaseTestSuite):
    def run(self, result, debug=False):
        top = not result._testRunEntered
        if top:
            result._testRunEntered = True
        for i, test in enumerate(self):
            if result.shouldStop:
                break
            if isinstance(test, TestSuite):
                test.run(result)
            else:
                self._fixtures(test, result)
                if not (result._moduleSetUpFailed or
                        getattr(test.__class__, '_classSetupFailed', False)):
                    test(result)
            self._removeTestAtIndex(i)
        if top:
            self._fixtures(None, result)
            result._testRunEntered = False
        return result

    def _fixtures(self, test, result):
        prev = result._previousTestClass
        cls = test.__class__ if test is not None else None
        if cls is prev:
            return
        pm = prev.__module__ if prev is not None else None
        cm = cls.__module__ if cls is not None else None
        if prev is not None and not getattr(prev, '_classSetupFailed', False) and \
                not result._moduleSetUpFailed and not getattr(prev, '__unittest_skip__',
                                                              False):
            _call_fixture(result, prev.tearDownClass, 'tearDownClass (%s)' % strclass(prev))
            if hasattr(prev, 'doClassCleanups'):
                prev.doClassCleanups()
                for e in prev.tearDown_exceptions:
                    result.addError(_ErrorHolder('tearDownClass (%s)' % strclass(prev)), e)
        if pm != cm and pm is not None:
            if not result._moduleSetUpFailed:
                m = sys.modules.get(pm)
                f = getattr(m, 'tearDownModule', None)
                if f is not None:
                    _call_fixture(result, f, 'tearDownModule (%s)' % pm)
            import unittest
            _call_fixture(result, unittest.doModuleCleanups, 'tearDownModule (%s)' % pm)
            result._moduleSetUpFailed = False
        if pm != cm and cm is not None:
            m = sys.modules.get(cm)
            f = getattr(m, 'setUpModule', None)
            if f is not None and not _call_fixture(result, f, 'setUpModule (%s)' % cm):
                result._moduleSetUpFailed = True
                import unittest
                _call_fixture(result, unittest.doModuleCleanups, 'setUpModule (%s)' % cm)
        result._previousTestClass = cls
        if cls is None or result._moduleSetUpFailed:
            return
        cls._classSetupFailed = False
        if getattr(cls, '__unittest_skip__', False) or not hasattr(cls, 'setUpClass'):
            return
        if not _call_fixture(result, cls.setUpClass, 'setUpClass (%s)' % strclass(cls)):
            cls._classSetupFailed = True
            if hasattr(cls, 'doClassCleanups'):
                cls.doClassCleanups()
