"""TestLoader.discover() (imported on first use)."""

import sys
from unittest import SkipTest, skip
from unittest.case import TestCase
from unittest.loader import _match
from unittest.suite import TestSuite

__unittest = True


def discover(self, start_dir, pattern='test*.py', top_level_dir=None):
    import os
    start_dir = os.path.abspath(start_dir)
    top = os.path.abspath(top_level_dir) if top_level_dir else start_dir
    if top not in sys.path:
        sys.path.insert(0, top)
    pkg = os.path.relpath(start_dir, top) if hasattr(os.path, 'relpath') and \
        start_dir != top else ''
    prefix = pkg.replace(os.sep, '.') + '.' if pkg not in ('', '.') else ''
    return self.suiteClass(_find(self, start_dir, pattern, prefix))


def _find(self, d, pattern, prefix):
    import os
    tests = []
    for name in sorted(os.listdir(d)):
        full = os.path.join(d, name)
        if os.path.isfile(full):
            if not name.endswith('.py') or not _match(name, pattern):
                continue
            mod = prefix + name[:-3]
            try:
                __import__(mod)
                m = sys.modules[mod]
            except SkipTest as e:
                tests.append(_skipped_module(mod, str(e)))
                continue
            except Exception:
                self.errors.append(mod)
                tests.append(_failed_import(mod, sys.exc_info()))
                continue
            tests.append(self.loadTestsFromModule(m, pattern=pattern))
        elif os.path.isdir(full) and os.path.isfile(os.path.join(full, '__init__.py')):
            try:
                __import__(prefix + name)
            except Exception:
                continue
            tests.extend(_find(self, full, pattern, prefix + name + '.'))
    return tests


def _failed_import(name, exc):
    def testFailure(self):
        raise exc[1]
    cls = type(name.rpartition('.')[2], (TestCase,), {'testFailure': testFailure})
    cls.__module__ = 'unittest.loader._FailedTest'
    cls.__qualname__ = name
    return TestSuite([cls('testFailure')])


def _skipped_module(name, reason):
    @skip(reason)
    def testSkipped(self):
        pass
    cls = type('ModuleSkipped', (TestCase,), {'testSkipped': testSkipped})
    return TestSuite([cls('testSkipped')])
