# Not a test module: discovery must skip it.
VALUE = 1
