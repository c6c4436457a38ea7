"""TestResult."""

from unittest import strclass

__unittest = True


def _nop(self, *args):
    pass


class TestResult:
    _previousTestClass = None
    _testRunEntered = False
    _moduleSetUpFailed = False

    def __init__(self, stream=None, descriptions=None, verbosity=None):
        self.failfast = False
        self.failures = []
        self.errors = []
        self.testsRun = 0
        self.skipped = []
        self.expectedFailures = []
        self.unexpectedSuccesses = []
        self.shouldStop = False
        self.buffer = False
        self.tb_locals = False

    def startTest(self, test):
        self.testsRun += 1

    startTestRun = stopTest = stopTestRun = addSuccess = _nop

    def addError(self, test, err):
        self.errors.append((test, self._exc_info_to_string(err, test)))
        if self.failfast:
            self.stop()

    def addFailure(self, test, err):
        self.failures.append((test, self._exc_info_to_string(err, test)))
        if self.failfast:
            self.stop()

    def addSubTest(self, test, subtest, err):
        if err is not None:
            if self.failfast:
                self.stop()
            lst = self.failures if issubclass(err[0], test.failureException) else self.errors
            lst.append((subtest, self._exc_info_to_string(err, test)))


    def addSkip(self, test, reason):
        self.skipped.append((test, reason))

    def addExpectedFailure(self, test, err):
        self.expectedFailures.append((test, self._exc_info_to_string(err, test)))

    def addUnexpectedSuccess(self, test):
        self.unexpectedSuccesses.append(test)

    def wasSuccessful(self):
        return (len(self.failures) == len(self.errors) == 0 and
                not self.unexpectedSuccesses)

    def stop(self):
        self.shouldStop = True

    def _exc_info_to_string(self, err, test):
        import traceback
        exctype, value, tb = err
        while tb and '__unittest' in tb.tb_frame.f_globals:
            tb = tb.tb_next
        if exctype is test.failureException:
            prev = None
            t = tb
            while t and '__unittest' not in t.tb_frame.f_globals:
                prev = t
                t = t.tb_next
            if prev is not None and t is not None:
                prev.tb_next = None
        te = traceback.TracebackException(exctype, value, tb, capture_locals=self.tb_locals,
                                          compact=True)
        return ''.join(te.format())

    def __repr__(self):
        return '<%s run=%i errors=%i failures=%i>' % (
            strclass(self.__class__), self.testsRun, len(self.errors), len(self.failures))
