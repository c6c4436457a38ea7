# Raises while being imported.
print("import_pkg.broken: starting")
raise ValueError("broken module failed to import")
