# Imported and reloaded by cyt_test.py: counts its executions.
try:
    counter += 1
except NameError:
    counter = 1
