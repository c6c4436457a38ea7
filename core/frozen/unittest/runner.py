"""TextTestRunner and TextTestResult."""

import sys
from unittest.result import TestResult

__unittest = True

class _WritelnDecorator:
    def __init__(self, stream):
        self.stream = stream

    def __getattr__(self, attr):
        if attr in ('stream', '__getstate__'):
            raise AttributeError(attr)
        return getattr(self.stream, attr)

    def writeln(self, arg=None):
        if arg:
            self.stream.write(arg)
        self.stream.write('\n')


def _reporting(base, long, short):
    # One code object for all the add* methods of TextTestResult.
    def method(self, test, *arg):
        base(self, test, *arg)
        self._status(test, long or 'skipped {0!r}'.format(arg[0]), short)
    return method


class TextTestResult(TestResult):
    separator1 = '=' * 70
    separator2 = '-' * 70

    def __init__(self, stream, descriptions, verbosity):
        TestResult.__init__(self)
        self.stream = stream
        self.showAll = verbosity > 1
        self.dots = verbosity == 1
        self.descriptions = descriptions
        self._newline = True

    def getDescription(self, test):
        doc = test.shortDescription()
        if self.descriptions and doc:
            return '\n'.join((str(test), doc))
        return str(test)

    def startTest(self, test):
        TestResult.startTest(self, test)
        if self.showAll:
            self.stream.write(self.getDescription(test))
            self.stream.write(' ... ')
            self.stream.flush()
            self._newline = False

    def _write_status(self, test, status):
        is_subtest = type(test).__name__ == '_SubTest'
        if is_subtest or self._newline:
            if not self._newline:
                self.stream.writeln()
            if is_subtest:
                self.stream.write('  ')
            self.stream.write(self.getDescription(test))
            self.stream.write(' ... ')
        self.stream.writeln(status)
        self.stream.flush()
        self._newline = True

    def _status(self, test, long, short):
        if self.showAll:
            self._write_status(test, long)
        elif self.dots:
            self.stream.write(short)
            self.stream.flush()

    def addSubTest(self, test, subtest, err):
        if err is not None:
            f = issubclass(err[0], subtest.failureException)
            self._status(subtest, 'FAIL' if f else 'ERROR', 'F' if f else 'E')
        TestResult.addSubTest(self, test, subtest, err)

    addSuccess = _reporting(TestResult.addSuccess, 'ok', '.')
    addError = _reporting(TestResult.addError, 'ERROR', 'E')
    addFailure = _reporting(TestResult.addFailure, 'FAIL', 'F')
    addSkip = _reporting(TestResult.addSkip, None, 's')
    addExpectedFailure = _reporting(TestResult.addExpectedFailure, 'expected failure', 'x')
    addUnexpectedSuccess = _reporting(TestResult.addUnexpectedSuccess, 'unexpected success',
                                      'u')

    def printErrors(self):
        if self.dots or self.showAll:
            self.stream.writeln()
            self.stream.flush()
        self.printErrorList('ERROR', self.errors)
        self.printErrorList('FAIL', self.failures)
        if self.unexpectedSuccesses:
            self.stream.writeln(self.separator1)
            for test in self.unexpectedSuccesses:
                self.stream.writeln('UNEXPECTED SUCCESS: %s' % self.getDescription(test))
            self.stream.flush()

    def printErrorList(self, flavour, errors):
        for test, err in errors:
            self.stream.writeln(self.separator1)
            self.stream.writeln('%s: %s' % (flavour, self.getDescription(test)))
            self.stream.writeln(self.separator2)
            self.stream.writeln('%s' % err)
            self.stream.flush()


class TextTestRunner:
    resultclass = TextTestResult

    def __init__(self, stream=None, descriptions=True, verbosity=1, failfast=False,
                 buffer=False, resultclass=None, warnings=None, *, tb_locals=False):
        if stream is None:
            stream = sys.stderr
        self.stream = _WritelnDecorator(stream)
        self.descriptions = descriptions
        self.verbosity = verbosity
        self.failfast = failfast
        self.buffer = buffer
        self.tb_locals = tb_locals
        self.warnings = warnings
        if resultclass is not None:
            self.resultclass = resultclass

    def _makeResult(self):
        return self.resultclass(self.stream, self.descriptions, self.verbosity)

    def run(self, test):
        import time
        result = self._makeResult()
        result.failfast = self.failfast
        result.buffer = self.buffer
        result.tb_locals = self.tb_locals
        t0 = time.perf_counter()
        result.startTestRun()
        try:
            test(result)
        finally:
            result.stopTestRun()
        taken = time.perf_counter() - t0
        result.printErrors()
        w = self.stream.writeln
        w(result.separator2)
        run = result.testsRun
        w('Ran %d test%s in %.3fs' % (run, run != 1 and 's' or '', taken))
        w()
        infos = []
        if not result.wasSuccessful():
            self.stream.write('FAILED')
            if result.failures:
                infos.append('failures=%d' % len(result.failures))
            if result.errors:
                infos.append('errors=%d' % len(result.errors))
        else:
            self.stream.write('OK')
        for n, lst in (('skipped', result.skipped),
                       ('expected failures', result.expectedFailures),
                       ('unexpected successes', result.unexpectedSuccesses)):
            if lst:
                infos.append('%s=%d' % (n, len(lst)))
        if infos:
            w(' (%s)' % ', '.join(infos))
        else:
            self.stream.write('\n')
        self.stream.flush()
        return result
