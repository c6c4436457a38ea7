//! Importing and running code from C: `PyImport_*`, `PyRun_SimpleString`,
//! and the out-of-line reference-count functions.

use crate::boundary::{api, cstr, obj, opt, Borrowed, P};
use core::ffi::{c_char, c_int};
use ferropy_core::obj::{dict, module, none, str as pystr, Obj};
use ferropy_core::vm::{import, PyResult, Vm};

/// `sys.modules`.
fn modules(vm: &Vm) -> Obj {
    vm.modules.get().unwrap_or(none())
}

/// `import name` returning the named (leaf) module, as
/// `PyImport_ImportModule`.
pub fn import_module(vm: &Vm, name: &str) -> PyResult<Obj> {
    let globals = dict::new(vm)?;
    let top = import::import_name(vm, vm.new_str(name)?, globals, none(), Obj::small(0))?;
    Ok(dict::get_str(vm, modules(vm), name)?.unwrap_or(top))
}

/// `PyImport_AddModule`: the module in `sys.modules`, created when missing.
pub fn add_module(vm: &Vm, name: &str) -> PyResult<Obj> {
    if let Some(m) = dict::get_str(vm, modules(vm), name)? {
        return Ok(m);
    }
    let m = module::new(vm, name)?;
    dict::set_str(vm, modules(vm), name, m)?;
    Ok(m)
}

/// Run `src` in `__main__`'s namespace; print an exception and return -1.
pub fn run_simple_string(vm: &Vm, src: &str) -> c_int {
    let r = add_module(vm, "__main__").and_then(|m| {
        let g = module::dict_of(m);
        vm.run_source(src, "<string>", g)
    });
    let _ = ferropy_core::modules::sys::flush_stdout(vm);
    match r {
        Ok(_) => 0,
        Err(_) => {
            crate::errors::print(vm);
            -1
        }
    }
}

#[no_mangle]
pub unsafe extern "C" fn PyImport_ImportModule(name: *const c_char) -> P {
    api(|vm| import_module(vm, cstr(vm, name)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyImport_Import(name: P) -> P {
    api(|vm| {
        import_module(
            vm,
            pystr::as_str(obj(vm, name)?)
                .ok_or_else(|| vm.type_error("module name must be str"))?,
        )
    })
}
/// `PyImport_ReloadModule(m)`: `importlib.reload(m)`.
#[no_mangle]
pub unsafe extern "C" fn PyImport_ReloadModule(m: P) -> P {
    api(|vm| ferropy_core::vm::import::reload(vm, obj(vm, m)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyImport_AddModule(name: *const c_char) -> P {
    api(|vm| Ok(Borrowed(Some(add_module(vm, cstr(vm, name)?)?))))
}
#[no_mangle]
pub unsafe extern "C" fn PyImport_GetModuleDict() -> P {
    api(|vm| Ok(Borrowed(Some(modules(vm)))))
}
#[no_mangle]
pub unsafe extern "C" fn PyRun_SimpleString(src: *const c_char) -> c_int {
    api(|vm| Ok(run_simple_string(vm, cstr(vm, src)?))).max(-1)
}
#[no_mangle]
pub unsafe extern "C" fn Py_IncRef(o: P) {
    if let Some(o) = opt(o) {
        // Pin the pointer C holds (not the unboxed value).
        crate::boundary::pin_raw(o, o.as_ptr());
    }
}
#[no_mangle]
pub unsafe extern "C" fn Py_DecRef(o: P) {
    crate::boundary::steal(o);
}
#[no_mangle]
pub unsafe extern "C" fn _Py_Dealloc(_o: P) {
    // Nothing is freed at zero: the collector reclaims unreachable objects.
}

/// `PyDictProxy_New`: a read-only view of a mapping (`types.MappingProxyType`).
#[no_mangle]
pub unsafe extern "C" fn PyDictProxy_New(mapping: P) -> P {
    api(|vm| {
        let m = obj(vm, mapping)?;
        let types = import_module(vm, "types")?;
        let cls = ferropy_core::vm::abs::getattr_str(vm, types, "MappingProxyType")?;
        ferropy_core::vm::call::call(vm, cls, &[m])
    })
}
