# Not imported by the package's __init__: only on request.
print("import_pkg.lazy: loaded")
LAZY = True
