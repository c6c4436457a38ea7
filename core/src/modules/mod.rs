//! Native modules built into the interpreter, and the frozen-module table.

#[cfg(feature = "array")]
pub mod array;
#[cfg(feature = "binascii")]
pub mod binascii;
#[cfg(feature = "cmath")]
pub mod cmath;
pub mod errno;
pub mod frozen;
pub mod gc;
#[cfg(feature = "hashlib")]
pub mod hashlib;
pub mod io;
#[cfg(feature = "json")]
pub mod json;
pub mod math;
pub mod micropython;
#[cfg(feature = "os")]
pub mod os;
#[cfg(feature = "struct")]
pub mod pystruct;
#[cfg(feature = "random")]
pub mod random;
#[cfg(feature = "re")]
pub mod re;
pub mod sys;
#[cfg(feature = "thread")]
pub mod thread;
pub mod time;

use crate::obj::Obj;
use crate::vm::{PyResult, Vm};

/// Create the modules every VM has from the start (`sys`).
pub fn init(vm: &Vm) -> PyResult<()> {
    let s = sys::make(vm)?;
    vm.sys.set(Some(s));
    crate::obj::dict::set_str(vm, vm.modules.get().unwrap_or(crate::obj::none()), "sys", s)?;
    Ok(())
}

/// A native module by name (created on first import), or `None`.
pub fn make_builtin(vm: &Vm, name: &str) -> PyResult<Option<Obj>> {
    for (n, f) in BUILTIN_MODULES {
        if *n == name {
            return f(vm).map(Some);
        }
    }
    Ok(None)
}

type MakeFn = fn(&Vm) -> PyResult<Obj>;

/// Native modules: name and constructor.
pub static BUILTIN_MODULES: &[(&str, MakeFn)] = &[
    ("sys", sys::make),
    ("gc", gc::make),
    ("io", io::make),
    ("math", math::make),
    ("micropython", micropython::make),
    #[cfg(feature = "os")]
    ("os", os::make),
    #[cfg(feature = "os")]
    ("posixpath", os::make_posixpath),
    ("time", time::make),
    #[cfg(feature = "struct")]
    ("struct", pystruct::make),
    #[cfg(feature = "json")]
    ("json", json::make),
    #[cfg(feature = "random")]
    ("random", random::make),
    #[cfg(feature = "binascii")]
    ("binascii", binascii::make),
    #[cfg(feature = "binascii")]
    ("base64", binascii::make_base64),
    ("errno", errno::make),
    #[cfg(feature = "hashlib")]
    ("hashlib", hashlib::make),
    #[cfg(feature = "cmath")]
    ("cmath", cmath::make),
    #[cfg(feature = "array")]
    ("array", array::make),
    #[cfg(feature = "thread")]
    ("_thread", thread::make),
    #[cfg(feature = "re")]
    ("re", re::make),
    ("_weakref", crate::obj::weakref::make_module),
];

/// Names of the native modules (`sys.builtin_module_names`).
pub fn builtin_names() -> impl Iterator<Item = &'static str> {
    BUILTIN_MODULES
        .iter()
        .map(|(n, _)| *n)
        .chain(core::iter::once("builtins"))
}

/// Import a frozen module by name (see `frozen.rs`), or `None`.
pub fn load_frozen(vm: &Vm, name: &str) -> PyResult<Option<Obj>> {
    frozen::load(vm, name)
}

/// A class created at import time: `type(name, bases, ns)` with `ns` holding
/// `__module__` and the given builtin methods (instances keep their state in
/// their `__dict__`).
// Used by optional modules only.
#[cfg_attr(not(feature = "all-modules"), allow(dead_code))]
pub(crate) fn new_class(
    vm: &Vm,
    name: &str,
    module: &str,
    bases: &[Obj],
    methods: &[crate::obj::attr::AttrEntry],
) -> PyResult<Obj> {
    use crate::obj::{dict, tuple};
    let ns = dict::new(vm)?;
    dict::set_str(vm, ns, "__module__", vm.new_str(module)?)?;
    for e in methods {
        dict::set_str(vm, ns, e.name, e.obj.get())?;
    }
    let b = tuple::new(vm, bases)?;
    let n = vm.new_str(name)?;
    crate::vm::call::call(vm, crate::obj::typeobj::TYPE_TYPE.as_obj(), &[n, b, ns])
}

/// Attribute `attr` of the already-imported module `module` (a module's
/// own exception class, say), or `None`.
// Used by optional modules only.
#[cfg_attr(not(feature = "all-modules"), allow(dead_code))]
pub(crate) fn module_attr(vm: &Vm, module: &str, attr: &str) -> Option<Obj> {
    let mods = vm.modules.get()?;
    let m = crate::obj::dict::get_str(vm, mods, module).ok()??;
    crate::vm::abs::getattr_opt_str(vm, m, attr).ok()?
}

/// Raise `module.attr(msg)` (falling back to `fallback(msg)`).
// Used by optional modules only.
#[cfg_attr(not(feature = "all-modules"), allow(dead_code))]
pub(crate) fn raise_mod_error(
    vm: &Vm,
    module: &str,
    attr: &str,
    fallback: &'static crate::obj::TypeObj,
    msg: &str,
) -> crate::vm::Raised {
    match module_attr(vm, module, attr) {
        Some(t) => match vm
            .new_str(msg)
            .and_then(|m| crate::vm::call::call(vm, t, &[m]))
        {
            Ok(e) => vm.raise(e),
            Err(e) => e,
        },
        None => vm.new_error(fallback, msg),
    }
}

/// An empty vector with room for `n` items, or MemoryError (never aborts).
// Used by optional modules only.
#[cfg_attr(not(feature = "all-modules"), allow(dead_code))]
pub(crate) fn vec_with<T>(vm: &Vm, n: usize) -> PyResult<alloc::vec::Vec<T>> {
    let mut v = alloc::vec::Vec::new();
    v.try_reserve_exact(n).map_err(|_| vm.memory_error())?;
    Ok(v)
}
