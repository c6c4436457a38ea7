//! Context variables (`PyContextVar_*`, `PyContext_*`): thin calls into the
//! frozen `contextvars` module, which holds the interpreter's current
//! context.

use crate::boundary::{api, cstr, obj, opt, write_out, CRet, P};
use core::ffi::{c_char, c_int};
use ferropy_core::obj::Obj;
use ferropy_core::vm::{abs, call, PyResult, Vm};

fn module(vm: &Vm) -> PyResult<Obj> {
    ferropy_core::vm::import::import_one(vm, "contextvars", None)
}

fn attr(vm: &Vm, name: &str) -> PyResult<Obj> {
    abs::getattr_str(vm, module(vm)?, name)
}

/// Is `o` an instance of `contextvars.<class>` (exactly: the classes
/// cannot be subclassed)?
fn is_a(vm: &Vm, o: Obj, class: &str) -> PyResult<bool> {
    let t = attr(vm, class)?;
    Ok(o.ty().as_obj().is(t))
}

fn check(vm: &Vm, o: Obj, class: &str, what: &str) -> PyResult<Obj> {
    if is_a(vm, o, class)? {
        Ok(o)
    } else {
        Err(vm.type_error(&alloc::format!("an instance of {} was expected", what)))
    }
}

/// `PyContextVar_New(name, def)`: a new variable, with a default when `def`
/// is not NULL.
pub fn var_new(vm: &Vm, name: &str, def: Option<Obj>) -> PyResult<Obj> {
    let cls = attr(vm, "ContextVar")?;
    let n = vm.new_str(name)?;
    match def {
        None => call::call(vm, cls, &[n]),
        Some(d) => {
            let kw = ferropy_core::obj::dict::new(vm)?;
            ferropy_core::obj::dict::set_str(vm, kw, "default", d)?;
            let pos = ferropy_core::obj::tuple::new(vm, &[n])?;
            call::call_ex(vm, cls, pos, Some(kw))
        }
    }
}

/// `PyContextVar_Get(var, default, &value)`: the value in the current
/// context, else `default`, else the variable's default, else NULL (no
/// exception).
pub fn var_get(vm: &Vm, var: Obj, default: Option<Obj>) -> PyResult<Option<Obj>> {
    let var = check(vm, var, "ContextVar", "ContextVar")?;
    let ctx = call::call(vm, attr(vm, "_current_context")?, &[])?;
    let data = abs::getattr_str(vm, ctx, "_data")?;
    if let Some(v) = ferropy_core::obj::dict::get(vm, data, var)? {
        return Ok(Some(v));
    }
    if default.is_some() {
        return Ok(default);
    }
    let d = abs::getattr_str(vm, var, "_default")?;
    if d.is(attr(vm, "_MISSING")?) {
        Ok(None)
    } else {
        Ok(Some(d))
    }
}

fn method(vm: &Vm, o: Obj, name: &str, args: &[Obj]) -> PyResult<Obj> {
    call::call(vm, abs::getattr_str(vm, o, name)?, args)
}

#[no_mangle]
pub unsafe extern "C" fn PyContextVar_New(name: *const c_char, def: P) -> P {
    api(|vm| var_new(vm, cstr(vm, name)?, opt(def)))
}
/// Writes a new reference (or NULL) to `*value`; 0, or -1 on error.
#[no_mangle]
pub unsafe extern "C" fn PyContextVar_Get(var: P, default: P, value: *mut P) -> c_int {
    write_out(value, core::ptr::null_mut());
    api(|vm| {
        let v = var_get(vm, obj(vm, var)?, opt(default))?;
        write_out(value, v.into_c(vm)?);
        Ok(())
    })
}
#[no_mangle]
pub unsafe extern "C" fn PyContextVar_Set(var: P, value: P) -> P {
    api(|vm| {
        let var = check(vm, obj(vm, var)?, "ContextVar", "ContextVar")?;
        method(vm, var, "set", &[obj(vm, value)?])
    })
}
#[no_mangle]
pub unsafe extern "C" fn PyContextVar_Reset(var: P, token: P) -> c_int {
    api(|vm| {
        let var = check(vm, obj(vm, var)?, "ContextVar", "ContextVar")?;
        method(vm, var, "reset", &[obj(vm, token)?]).map(|_| ())
    })
}
#[no_mangle]
pub unsafe extern "C" fn PyContext_New() -> P {
    api(|vm| call::call(vm, attr(vm, "Context")?, &[]))
}
#[no_mangle]
pub unsafe extern "C" fn PyContext_Copy(ctx: P) -> P {
    api(|vm| {
        let ctx = check(vm, obj(vm, ctx)?, "Context", "Context")?;
        method(vm, ctx, "copy", &[])
    })
}
#[no_mangle]
pub unsafe extern "C" fn PyContext_CopyCurrent() -> P {
    api(|vm| call::call(vm, attr(vm, "copy_context")?, &[]))
}
#[no_mangle]
pub unsafe extern "C" fn PyContext_Enter(ctx: P) -> c_int {
    api(|vm| {
        let ctx = check(vm, obj(vm, ctx)?, "Context", "Context")?;
        call::call(vm, attr(vm, "_enter")?, &[ctx]).map(|_| ())
    })
}
#[no_mangle]
pub unsafe extern "C" fn PyContext_Exit(ctx: P) -> c_int {
    api(|vm| {
        let ctx = check(vm, obj(vm, ctx)?, "Context", "Context")?;
        call::call(vm, attr(vm, "_exit")?, &[ctx]).map(|_| ())
    })
}
/// The `Py*_CheckExact` macros of include/context.h.
#[no_mangle]
pub unsafe extern "C" fn _FerropyContext_CheckExact(o: P) -> c_int {
    api(|vm| is_a(vm, obj(vm, o)?, "Context"))
}
#[no_mangle]
pub unsafe extern "C" fn _FerropyContextVar_CheckExact(o: P) -> c_int {
    api(|vm| is_a(vm, obj(vm, o)?, "ContextVar"))
}
#[no_mangle]
pub unsafe extern "C" fn _FerropyContextToken_CheckExact(o: P) -> c_int {
    api(|vm| is_a(vm, obj(vm, o)?, "Token"))
}
