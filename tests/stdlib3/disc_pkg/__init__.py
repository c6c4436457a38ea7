# Test modules found by tests/stdlib3/unittest_discover.py (a package, so
# the test runner does not run these files itself).
