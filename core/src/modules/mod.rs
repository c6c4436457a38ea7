//! Native modules built into the interpreter, and the frozen-module table.

pub mod frozen;
pub mod gc;
pub mod io;
pub mod math;
pub mod micropython;
pub mod os;
pub mod sys;
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
    ("os", os::make),
    ("posixpath", os::make_posixpath),
    ("time", time::make),
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
