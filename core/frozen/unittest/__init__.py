"""Unit testing framework (ferropy's own small implementation of CPython's
``unittest``): TestCase, TestSuite, TestLoader, TextTestRunner and main()
with CPython 3.11's output. To keep heap use small on a board, the parts
are submodules imported on first use (``unittest.TestCase`` imports
``unittest.case``...)."""

import sys

__unittest = True
__all__ = ['TestResult', 'TestCase', 'TestSuite',
           'TextTestRunner', 'TestLoader', 'FunctionTestCase', 'main', 'defaultTestLoader',
           'SkipTest', 'skip', 'skipIf', 'skipUnless', 'expectedFailure', 'TextTestResult',
           'installHandler', 'registerResult', 'removeResult', 'removeHandler',
           'addModuleCleanup', 'doModuleCleanups', 'enterModuleContext',
           'getTestCaseNames', 'makeSuite', 'findTestCases']
_MAX_LENGTH = 80
_sentinel = object()


class SkipTest(Exception):
    pass


class _ShouldStop(Exception):
    pass


def safe_repr(obj, short=False):
    try:
        result = repr(obj)
    except Exception:
        result = object.__repr__(obj)
    if not short or len(result) < _MAX_LENGTH:
        return result
    return result[:_MAX_LENGTH] + ' [truncated]...'


def strclass(cls):
    return '%s.%s' % (cls.__module__, cls.__qualname__)


def _id(obj):
    return obj


def skip(reason):
    def decorator(test_item):
        test_item.__unittest_skip__ = True
        test_item.__unittest_skip_why__ = reason
        return test_item
    if isinstance(reason, type(skip)):
        test_item = reason
        reason = ''
        return decorator(test_item)
    return decorator


def skipIf(condition, reason):
    return skip(reason) if condition else _id


def skipUnless(condition, reason):
    return _id if condition else skip(reason)


def expectedFailure(test_item):
    test_item.__unittest_expecting_failure__ = True
    return test_item


def installHandler():
    pass


def removeHandler(method=None):
    return method


def registerResult(result):
    pass


def removeResult(result):
    return False


_module_cleanups = []


def addModuleCleanup(function, /, *args, **kwargs):
    _module_cleanups.append((function, args, kwargs))


def enterModuleContext(cm):
    result = type(cm).__enter__(cm)
    addModuleCleanup(type(cm).__exit__, cm, None, None, None)
    return result


def doModuleCleanups():
    exceptions = []
    while _module_cleanups:
        function, args, kwargs = _module_cleanups.pop()
        try:
            function(*args, **kwargs)
        except Exception as exc:
            exceptions.append(exc)
    if exceptions:
        raise exceptions[0]


_WHERE = {'TestCase': 'case', 'FunctionTestCase': 'extra', 'TestResult': 'result',
          'TestSuite': 'suite', 'BaseTestSuite': 'suite', 'TestLoader': 'loader',
          'defaultTestLoader': 'loader', 'getTestCaseNames': 'loader',
          'makeSuite': 'loader', 'findTestCases': 'loader', 'TextTestRunner': 'runner',
          'TextTestResult': 'runner', 'TestProgram': 'main', 'main': 'main'}


def __getattr__(name):
    m = _WHERE.get(name)
    if m is None:
        raise AttributeError("module 'unittest' has no attribute %r" % name)
    mod = __import__('unittest.' + m, None, None, [name])
    v = getattr(mod, name)
    globals()[name] = v
    return v


def __dir__():
    return sorted(set(globals()) | set(_WHERE))
