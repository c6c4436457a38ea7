//! Frozen modules: Python modules compiled at build time (`core/build.rs`
//! freezes every module under `core/frozen/`) and embedded in the binary as
//! `static` serialised bytecode. Importing one allocates its objects only:
//! the code objects point at their instructions in the static image.

use crate::obj::Obj;
use crate::vm::{import, PyResult, Vm};
use alloc::format;

/// One frozen module.
pub struct FrozenModule {
    /// Fully qualified module name.
    pub name: &'static str,
    /// A package (`__init__.py`): its submodules are frozen modules too.
    pub package: bool,
    /// Serialised bytecode (`crate::marshal`).
    pub data: &'static [u8],
}

include!(concat!(env!("OUT_DIR"), "/frozen.rs"));

/// Names of the frozen modules.
pub fn names() -> impl Iterator<Item = &'static str> {
    FROZEN.iter().map(|m| m.name)
}

/// Import frozen module `name` (not yet in `sys.modules`), or `None`.
pub fn load(vm: &Vm, name: &str) -> PyResult<Option<Obj>> {
    let Some(fm) = FROZEN.iter().find(|m| m.name == name) else {
        return Ok(None);
    };
    let file = format!("<frozen {}>", name);
    let m = import::exec_module_with(
        vm,
        name,
        "",
        if fm.package { Some("") } else { None },
        None,
        |vm| import::load_bytecode(vm, fm.data, Some(fm.data), &file),
    )?;
    Ok(Some(m))
}

/// The code object of frozen module `name` (for `reload`), or `None`.
pub fn code_of(vm: &Vm, name: &str) -> PyResult<Option<Obj>> {
    let Some(fm) = FROZEN.iter().find(|m| m.name == name) else {
        return Ok(None);
    };
    let file = format!("<frozen {}>", name);
    import::load_bytecode(vm, fm.data, Some(fm.data), &file).map(Some)
}
