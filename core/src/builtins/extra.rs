//! The rest of the builtin functions.

use crate::obj::Obj;
use crate::vm::{PyResult, Vm};

/// Register the remaining builtins into the builtins dict `d`.
pub fn init(_vm: &Vm, _d: Obj) -> PyResult<()> {
    Ok(())
}

/// Builtin functions defined here.
pub static BUILTINS: [crate::obj::attr::AttrEntry; 0] = [];
