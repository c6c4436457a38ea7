//! placeholder
use crate::obj::Obj; use crate::vm::{PyResult, Vm}; pub fn make(vm: &Vm) -> PyResult<Obj> { crate::obj::module::new(vm, "json") }
