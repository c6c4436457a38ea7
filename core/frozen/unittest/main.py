"""main()."""

import sys
from unittest.loader import defaultTestLoader

__unittest = True

class TestProgram:
    def __init__(self, module='__main__', defaultTest=None, argv=None, testRunner=None,
                 testLoader=defaultTestLoader, exit=True, verbosity=1, failfast=None,
                 catchbreak=None, buffer=None, warnings=None, *, tb_locals=False):
        if isinstance(module, str):
            module = __import__(module)
            for part in module.__name__.split('.')[1:]:
                module = getattr(module, part)
        self.module = module
        if argv is None:
            argv = sys.argv
        self.exit = exit
        self.failfast = failfast
        self.buffer = buffer
        self.verbosity = verbosity
        self.tb_locals = tb_locals
        self.defaultTest = defaultTest
        self.testRunner = testRunner
        self.testLoader = testLoader
        self.progName = argv[0] if argv else 'python'
        self.parseArgs(argv)
        self.runTests()

    def parseArgs(self, argv):
        names = []
        pats = []
        args = list(argv[1:])
        while args:
            a = args.pop(0)
            if a in ('-v', '--verbose'):
                self.verbosity = 2
            elif a in ('-q', '--quiet'):
                self.verbosity = 0
            elif a in ('-f', '--failfast'):
                self.failfast = True
            elif a in ('-b', '--buffer'):
                self.buffer = True
            elif a == '--locals':
                self.tb_locals = True
            elif a == '-k' and args:
                p = args.pop(0)
                pats.append(p if '*' in p else '*%s*' % p)
            elif a in ('-h', '--help'):
                print('usage: %s [-h] [-v] [-q] [-f] [-b] [-k TESTNAMEPATTERNS] '
                      '[tests ...]' % self.progName)
                sys.exit(0)
            else:
                names.append(a)
        if pats:
            self.testLoader.testNamePatterns = pats
        if names:
            self.testNames = names
        elif self.defaultTest is None:
            self.testNames = None
        elif isinstance(self.defaultTest, str):
            self.testNames = (self.defaultTest,)
        else:
            self.testNames = list(self.defaultTest)
        self.createTests()

    def createTests(self):
        if self.testNames is None:
            self.test = self.testLoader.loadTestsFromModule(self.module)
        else:
            self.test = self.testLoader.loadTestsFromNames(self.testNames, self.module)

    def runTests(self):
        r = self.testRunner
        if r is None:
            from unittest.runner import TextTestRunner as r
        if isinstance(r, type):
            r = r(verbosity=self.verbosity, failfast=bool(self.failfast),
                  buffer=bool(self.buffer), tb_locals=self.tb_locals)
        self.result = r.run(self.test)
        if self.exit:
            sys.exit(not self.result.wasSuccessful())


main = TestProgram
