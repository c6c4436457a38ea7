print("import_pkg.nested: running __init__")
