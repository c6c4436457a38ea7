//! The import system: `sys.modules`, built-in (native) modules, frozen
//! modules, and `.py` modules and packages found on `sys.path` through the
//! port's file hooks. Absolute and relative imports, `from x import y`,
//! `import *`.

use super::{abs, PyResult, Vm};
use crate::obj::{dict, exc, list, module, none, str as pystr, tuple, Obj};
use alloc::format;
use alloc::string::String;

/// IMPORT_NAME / `__import__`.
pub fn import_name(vm: &Vm, name: Obj, globals: Obj, fromlist: Obj, level: Obj) -> PyResult<Obj> {
    let n = pystr::as_str(name).ok_or_else(|| vm.type_error("module name must be str"))?;
    let level = level.as_small().unwrap_or(0);
    if level < 0 {
        return Err(vm.value_error("level must be >= 0"));
    }
    let full: String = if level > 0 {
        let base = resolve_package(vm, globals, level as usize)?;
        if n.is_empty() {
            base
        } else {
            format!("{}.{}", base, n)
        }
    } else {
        if n.is_empty() {
            return Err(vm.value_error("Empty module name"));
        }
        n.into()
    };
    // Import every prefix: a, a.b, a.b.c.
    let mut module = none();
    let mut top = none();
    let mut end = 0;
    loop {
        let next_dot = full[end..].find('.').map(|i| end + i);
        let prefix = match next_dot {
            Some(d) => &full[..d],
            None => &full[..],
        };
        module = import_one(vm, prefix, if end == 0 { None } else { Some(module) })?;
        if end == 0 {
            top = module;
        }
        match next_dot {
            Some(d) => end = d + 1,
            None => break,
        }
    }
    let has_fromlist = !fromlist.is_none() && abs::truthy(vm, fromlist)?;
    if has_fromlist {
        // Import submodules named in the fromlist of a package.
        if dict::get_str(vm, module::dict_of(module), "__path__")?.is_some() {
            for item in abs::to_vec(vm, fromlist)? {
                if let Some(s) = pystr::as_str(item) {
                    if s == "*" {
                        continue;
                    }
                    if abs::getattr_opt(vm, module, item)?.is_none() {
                        let sub = format!("{}.{}", full, s);
                        match import_one(vm, &sub, Some(module)) {
                            Ok(_) => {}
                            Err(e) => {
                                if vm.exc_matches(&exc::MODULE_NOT_FOUND_ERROR) {
                                    vm.take_exc();
                                } else {
                                    return Err(e);
                                }
                            }
                        }
                    }
                }
            }
        }
        return Ok(module);
    }
    if level > 0 && n.is_empty() {
        return Ok(module);
    }
    if level > 0 {
        // `from . import x` handled above; `import .a` is not valid syntax.
        // For relative `import` without fromlist CPython returns the top of
        // the relative name.
        let base = resolve_package(vm, globals, level as usize)?;
        let first = n.split('.').next().unwrap_or(n);
        let topname = format!("{}.{}", base, first);
        return match dict::get_str(vm, vm.modules.get().unwrap_or(none()), &topname)? {
            Some(m) => Ok(m),
            None => Ok(top),
        };
    }
    Ok(top)
}

/// `__package__` (or derived) of the importing module, up `level` levels.
fn resolve_package(vm: &Vm, globals: Obj, level: usize) -> PyResult<String> {
    let pkg = dict::get_str(vm, globals, "__package__")?.filter(|p| !p.is_none());
    let base: String = match pkg.and_then(pystr::as_str) {
        Some(p) => p.into(),
        None => {
            let name = dict::get_str(vm, globals, "__name__")?
                .and_then(pystr::as_str)
                .unwrap_or("");
            if dict::get_str(vm, globals, "__path__")?.is_some() {
                name.into()
            } else {
                match name.rfind('.') {
                    Some(i) => name[..i].into(),
                    None => String::new(),
                }
            }
        }
    };
    if base.is_empty() {
        return Err(vm.new_error(
            &exc::IMPORT_ERROR,
            "attempted relative import with no known parent package",
        ));
    }
    let mut b: &str = &base;
    for _ in 1..level {
        match b.rfind('.') {
            Some(i) => b = &b[..i],
            None => {
                return Err(vm.new_error(
                    &exc::IMPORT_ERROR,
                    "attempted relative import beyond top-level package",
                ));
            }
        }
    }
    Ok(b.into())
}

fn modules(vm: &Vm) -> Obj {
    vm.modules.get().unwrap_or(none())
}

/// Import one fully qualified module whose parent (if any) is imported.
pub fn import_one(vm: &Vm, full: &str, parent: Option<Obj>) -> PyResult<Obj> {
    if let Some(m) = dict::get_str(vm, modules(vm), full)? {
        if m.is_none() {
            return Err(not_found(vm, full));
        }
        return Ok(m);
    }
    vm.check_stack()?;
    // Built-in native modules, then C modules linked into the program.
    if parent.is_none() {
        if let Some(m) = crate::modules::make_builtin(vm, full)? {
            dict::set_str(vm, modules(vm), full, m)?;
            return Ok(m);
        }
        if let Some(m) = vm.port.make_module(vm, full)? {
            dict::set_str(vm, modules(vm), full, m)?;
            return Ok(m);
        }
    }
    if let Some(c) = vm.cext.get() {
        if let Some(m) = c.builtin(vm, full)? {
            dict::set_str(vm, modules(vm), full, m)?;
            bind_in_parent(vm, full, parent, m)?;
            return Ok(m);
        }
    }
    // Frozen modules.
    if let Some(m) = crate::modules::load_frozen(vm, full)? {
        bind_in_parent(vm, full, parent, m)?;
        return Ok(m);
    }
    // Search the path: sys.path, or the parent package's __path__.
    let search = match parent {
        Some(p) => match dict::get_str(vm, module::dict_of(p), "__path__")? {
            Some(pp) => pp,
            None => {
                let pn = module::name(p);
                return Err(vm.new_error(
                    &exc::MODULE_NOT_FOUND_ERROR,
                    &format!("No module named '{}'; '{}' is not a package", full, pn),
                ));
            }
        },
        None => match vm.sys.get() {
            Some(s) => dict::get_str(vm, module::dict_of(s), "path")?.unwrap_or(none()),
            None => none(),
        },
    };
    let short = full.rsplit('.').next().unwrap_or(full);
    if list::is_list(search) || tuple::is_tuple(search) {
        for dir in abs::to_vec(vm, search)? {
            let Some(d) = pystr::as_str(dir) else {
                continue;
            };
            let base = if d.is_empty() {
                String::from(short)
            } else {
                format!("{}/{}", d.trim_end_matches('/'), short)
            };
            let pkg_init = format!("{}/__init__.py", base);
            if vm.port.is_dir(&base) {
                if let Some(src) = vm.port.read_file(&pkg_init) {
                    let m = exec_source_module(vm, full, &pkg_init, &src, Some(&base), parent)?;
                    return Ok(m);
                }
                let pkg_init = format!("{}/__init__.fpc", base);
                if let Some(data) = vm.port.read_file(&pkg_init) {
                    return exec_module_with(vm, full, &pkg_init, Some(&base), parent, |vm| {
                        load_bytecode(vm, &data, None, &pkg_init)
                    });
                }
                // Namespace package.
                let m = module::new(vm, full)?;
                let pl = list::new(vm, &[vm.new_str(&base)?])?;
                module::set_attr(vm, m, "__path__", pl)?;
                module::set_attr(vm, m, "__package__", vm.new_str(full)?)?;
                dict::set_str(vm, modules(vm), full, m)?;
                bind_in_parent(vm, full, parent, m)?;
                return Ok(m);
            }
            if let Some(m) = load_extension(vm, full, &base, parent)? {
                return Ok(m);
            }
            let file = format!("{}.py", base);
            if let Some(src) = vm.port.read_file(&file) {
                return exec_source_module(vm, full, &file, &src, None, parent);
            }
            // Ahead-of-time compiled module (`ferropy --compile`): after the
            // source of the same name.
            let file = format!("{}.fpc", base);
            if let Some(data) = vm.port.read_file(&file) {
                return exec_module_with(vm, full, &file, None, parent, |vm| {
                    load_bytecode(vm, &data, None, &file)
                });
            }
        }
    }
    Err(not_found(vm, full))
}

/// A C extension module `base + suffix` for one of the port's extension
/// suffixes, loaded by the port and initialised by the C API layer.
fn load_extension(vm: &Vm, full: &str, base: &str, parent: Option<Obj>) -> PyResult<Option<Obj>> {
    let Some(cext) = vm.cext.get() else {
        return Ok(None);
    };
    let short = full.rsplit('.').next().unwrap_or(full);
    for suffix in vm.port.extension_suffixes() {
        let file = format!("{}{}", base, suffix);
        let symbol = format!("PyInit_{}", short);
        let addr = match vm.port.load_extension(&file, &symbol) {
            None => continue,
            Some(Ok(a)) => a,
            Some(Err(why)) => return Err(vm.new_error(&exc::IMPORT_ERROR, &why)),
        };
        let m = cext.init(vm, addr, full, &file)?;
        if m.layout() == crate::obj::Layout::Module {
            let d = module::dict_of(m);
            if dict::get_str(vm, d, "__file__")?.is_none() {
                dict::set_str(vm, d, "__file__", vm.new_str(&file)?)?;
            }
        }
        dict::set_str(vm, modules(vm), full, m)?;
        bind_in_parent(vm, full, parent, m)?;
        return Ok(Some(m));
    }
    Ok(None)
}

fn not_found(vm: &Vm, full: &str) -> super::Raised {
    let r = vm.new_error(
        &exc::MODULE_NOT_FOUND_ERROR,
        &format!("No module named '{}'", full),
    );
    if let Some(e) = vm.exc() {
        if let Some(x) = exc::exc_of(e) {
            if let (Some(d), Ok(n)) = (x.dict.get(), vm.new_str(full)) {
                let _ = dict::set_str(vm, d, "name", n);
            }
        }
    }
    r
}

fn bind_in_parent(vm: &Vm, full: &str, parent: Option<Obj>, m: Obj) -> PyResult<()> {
    if let Some(p) = parent {
        let short = full.rsplit('.').next().unwrap_or(full);
        module::set_attr(vm, p, short, m)?;
    }
    Ok(())
}

/// Compile and run a module's source as module `full`.
pub fn exec_source_module(
    vm: &Vm,
    full: &str,
    file: &str,
    src: &[u8],
    pkg_path: Option<&str>,
    parent: Option<Obj>,
) -> PyResult<Obj> {
    let text = core::str::from_utf8(src).map_err(|_| {
        vm.new_error(
            &exc::SYNTAX_ERROR,
            &format!("Non-UTF-8 code in file {}", file),
        )
    })?;
    exec_module_with(vm, full, file, pkg_path, parent, |vm| {
        vm.compile(text, file, crate::compile::Mode::Exec)
    })
}

/// Load serialised bytecode (`crate::marshal`) into a code object; a
/// malformed file raises ImportError("bad bytecode in FILE: ...").
/// `image` is the same data when it is `'static` (then the instructions are
/// not copied).
pub fn load_bytecode(
    vm: &Vm,
    data: &[u8],
    image: Option<&'static [u8]>,
    file: &str,
) -> PyResult<Obj> {
    // Only images built into the binary may name the static string pool.
    match crate::obj::func::load_streaming(vm, data, image) {
        Ok(code) => Ok(code),
        Err(Err(e)) => Err(e),
        Err(Ok(msg)) => Err(vm.new_error(
            &exc::IMPORT_ERROR,
            &format!("bad bytecode in {}: {}", file, msg),
        )),
    }
}

/// Run a module whose code object `get_code` makes, as module `full` (the
/// module is in `sys.modules` while its code runs, and removed if it fails).
/// An empty `file` sets no `__file__`; an empty `pkg_path` makes a package
/// with an empty `__path__` (frozen packages).
pub fn exec_module_with(
    vm: &Vm,
    full: &str,
    file: &str,
    pkg_path: Option<&str>,
    parent: Option<Obj>,
    get_code: impl FnOnce(&Vm) -> PyResult<Obj>,
) -> PyResult<Obj> {
    let m = module::new(vm, full)?;
    if !file.is_empty() {
        module::set_attr(vm, m, "__file__", vm.new_str(file)?)?;
    }
    let package = match pkg_path {
        Some(p) => {
            let pl = if p.is_empty() {
                list::new(vm, &[])?
            } else {
                list::new(vm, &[vm.new_str(p)?])?
            };
            module::set_attr(vm, m, "__path__", pl)?;
            full
        }
        None => match full.rfind('.') {
            Some(i) => &full[..i],
            None => "",
        },
    };
    module::set_attr(vm, m, "__package__", vm.new_str(package)?)?;
    let d = module::dict_of(m);
    dict::set_str(vm, d, "__builtins__", vm.builtins.get().unwrap_or(none()))?;
    dict::set_str(vm, modules(vm), full, m)?;
    let r = get_code(vm).and_then(|code| vm.exec_code(code, d, None));
    if let Err(e) = r {
        let k = vm.intern(full)?;
        let saved = vm.take_exc();
        let _ = dict::del(vm, modules(vm), k);
        vm.restore_exc(saved);
        return Err(e);
    }
    bind_in_parent(vm, full, parent, m)?;
    // The module may have replaced itself in sys.modules.
    Ok(dict::get_str(vm, modules(vm), full)?.unwrap_or(m))
}

/// `importlib.reload(m)` (`PyImport_ReloadModule`): run a module's code
/// again in its own namespace. The module must be the one `sys.modules`
/// holds under its `__name__`. A `.py`/`.fpc` file or a frozen module is
/// executed again; native and C extension modules are returned unchanged
/// (as CPython does for an extension module whose state exists).
pub fn reload(vm: &Vm, m: Obj) -> PyResult<Obj> {
    if m.layout() != crate::obj::Layout::Module {
        return Err(vm.type_error("reload() argument must be a module"));
    }
    let d = module::dict_of(m);
    let name = match dict::get_str(vm, d, "__name__")? {
        Some(n) => pystr::as_str(n).map(String::from),
        None => None,
    }
    .ok_or_else(|| vm.type_error("reload() argument must be a module"))?;
    match dict::get_str(vm, modules(vm), &name)? {
        Some(cur) if cur.is(m) => {}
        _ => {
            return Err(vm.new_error(
                &exc::IMPORT_ERROR,
                &format!("module {} not in sys.modules", name),
            ))
        }
    }
    let file = match dict::get_str(vm, d, "__file__")? {
        Some(f) => pystr::as_str(f).map(String::from),
        None => None,
    };
    let code = match file {
        Some(f) if f.ends_with(".py") => {
            let src = vm.port.read_file(&f).ok_or_else(|| {
                vm.new_error(
                    &exc::MODULE_NOT_FOUND_ERROR,
                    &format!("No module named '{}'", name),
                )
            })?;
            let text = core::str::from_utf8(&src).map_err(|_| {
                vm.new_error(&exc::SYNTAX_ERROR, &format!("Non-UTF-8 code in file {}", f))
            })?;
            vm.compile(text, &f, crate::compile::Mode::Exec)?
        }
        Some(f) if f.ends_with(".fpc") => match vm.port.read_file(&f) {
            Some(data) => load_bytecode(vm, &data, None, &f)?,
            None => return Err(not_found(vm, &name)),
        },
        Some(_) => return Ok(m),
        None => match crate::modules::frozen::code_of(vm, &name)? {
            Some(c) => c,
            None => return Ok(m),
        },
    };
    vm.exec_code(code, d, None)?;
    Ok(dict::get_str(vm, modules(vm), &name)?.unwrap_or(m))
}

/// IMPORT_FROM.
pub fn import_from(vm: &Vm, m: Obj, name: Obj) -> PyResult<Obj> {
    if let Some(v) = abs::getattr_opt(vm, m, name)? {
        return Ok(v);
    }
    // A submodule imported under a circular import.
    let mname = if m.layout() == crate::obj::Layout::Module {
        module::name(m)
    } else {
        "?"
    };
    let n = pystr::as_str(name).unwrap_or("?");
    let full = format!("{}.{}", mname, n);
    if let Some(sm) = dict::get_str(vm, modules(vm), &full)? {
        return Ok(sm);
    }
    let file = if m.layout() == crate::obj::Layout::Module {
        dict::get_str(vm, module::dict_of(m), "__file__")?.and_then(pystr::as_str)
    } else {
        None
    };
    let msg = match file {
        Some(f) => format!("cannot import name '{}' from '{}' ({})", n, mname, f),
        None => format!(
            "cannot import name '{}' from '{}' (unknown location)",
            n, mname
        ),
    };
    Err(vm.new_error(&exc::IMPORT_ERROR, &msg))
}

/// IMPORT_STAR.
pub fn import_star(vm: &Vm, m: Obj, ns: Obj) -> PyResult<()> {
    let md = if m.layout() == crate::obj::Layout::Module {
        module::dict_of(m)
    } else {
        abs::getattr_str(vm, m, "__dict__")?
    };
    let names = match dict::get_str(vm, md, "__all__")? {
        Some(all) => abs::to_vec(vm, all)?,
        None => dict::keys_vec(md)
            .into_iter()
            .filter(|k| {
                pystr::as_str(*k)
                    .map(|s| !s.starts_with('_'))
                    .unwrap_or(false)
            })
            .collect(),
    };
    for n in names {
        let v = abs::getattr(vm, m, n)?;
        if dict::is_dict(ns) {
            dict::set(vm, ns, n, v)?;
        } else {
            abs::setitem(vm, ns, n, v)?;
        }
    }
    Ok(())
}

/// `ferropy -m module`: run a module's source with `__name__ == '__main__'`
/// in `globals`.
pub fn run_module_as_main(vm: &Vm, name: &str, globals: Obj) -> PyResult<()> {
    let search = match vm.sys.get() {
        Some(s) => dict::get_str(vm, module::dict_of(s), "path")?.unwrap_or(none()),
        None => none(),
    };
    let rel = name.replace('.', "/");
    for dir in abs::to_vec(vm, search)? {
        let Some(d) = pystr::as_str(dir) else {
            continue;
        };
        let base = if d.is_empty() {
            rel.clone()
        } else {
            format!("{}/{}", d.trim_end_matches('/'), rel)
        };
        for file in [format!("{}.py", base), format!("{}/__main__.py", base)] {
            if let Some(src) = vm.port.read_file(&file) {
                let text = core::str::from_utf8(&src)
                    .map_err(|_| vm.value_error("source is not UTF-8"))?;
                let path = vm.new_str(&file)?;
                dict::set_str(vm, globals, "__file__", path)?;
                // As CPython's -m: sys.argv[0] is the module's file.
                if let Some(s) = vm.sys.get() {
                    if let Some(argv) = dict::get_str(vm, module::dict_of(s), "argv")? {
                        if crate::obj::list::is_list(argv) && crate::obj::list::len(argv) > 0 {
                            crate::obj::list::set(argv, 0, path);
                        }
                    }
                }
                vm.run_source(text, &file, globals)?;
                return Ok(());
            }
        }
    }
    Err(vm.new_error(&exc::IMPORT_ERROR, &format!("No module named {}", name)))
}
