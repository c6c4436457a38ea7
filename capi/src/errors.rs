//! `PyErr_*`: the error indicator is the VM's raised exception
//! (`Vm::exc`), always a normalised exception instance.

use crate::boundary::{api, bad_internal_call, cstr, obj, opt, steal, write_out, Borrowed, P};
use core::ffi::{c_char, c_int};
use ferropy_core::obj::{dict, exc, none, tuple, typeobj, Obj};
use ferropy_core::vm::{abs, call, PyResult, Raised, Vm};

// ------------------------------------------------------------ safe layer

/// Raise `ty(value)` as `PyErr_SetObject` does: an instance of `ty` is
/// raised as is, a tuple gives the arguments, NULL/None none.
pub fn set_object(vm: &Vm, ty: Obj, value: Option<Obj>) -> Raised {
    match make_instance(vm, ty, value) {
        Ok(e) => {
            chain_handled(vm, e);
            vm.raise(e)
        }
        Err(r) => r,
    }
}

/// CPython's `_PyErr_SetObject`: an exception raised while another is
/// being handled gets it as `__context__` (a context chain leading back to
/// the new exception is cut first, so no cycle forms).
fn chain_handled(vm: &Vm, e: Obj) {
    let Some(h) = vm.handled.get().filter(|h| !h.is_none() && !h.is(e)) else {
        return;
    };
    let (Some(x), Some(_)) = (exc::exc_of(e), exc::exc_of(h)) else {
        return;
    };
    let mut cur = h;
    for _ in 0..10_000 {
        let Some(cx) = exc::exc_of(cur) else { break };
        match cx.context.get() {
            Some(next) if next.is(e) => {
                cx.context.set(None);
                break;
            }
            Some(next) => cur = next,
            None => break,
        }
    }
    x.context.set(Some(h));
}

fn make_instance(vm: &Vm, ty: Obj, value: Option<Obj>) -> PyResult<Obj> {
    let Some(t) = ty.as_type().filter(|t| exc::is_exception_type(t)) else {
        let r = abs::repr_string(vm, ty)?;
        return Err(vm.new_error(
            &exc::SYSTEM_ERROR,
            &alloc::format!("exception {} is not a BaseException subclass", r),
        ));
    };
    let e = match value {
        Some(v) if exc::is_exception(v) && v.ty().is_subtype(t) => v,
        Some(v) if tuple::is_tuple(v) => call::call(vm, ty, tuple::tuple_items(v))?,
        Some(v) if !v.is_none() => call::call(vm, ty, &[v])?,
        _ => call::call(vm, ty, &[])?,
    };
    if !exc::is_exception(e) {
        return Err(vm.type_error("calling exception type did not return an exception"));
    }
    Ok(e)
}

/// `PyErr_SetString`.
pub fn set_string(vm: &Vm, ty: Obj, msg: &str) -> Raised {
    match vm.new_str(msg) {
        Ok(s) => set_object(vm, ty, Some(s)),
        Err(r) => r,
    }
}

/// Does the exception (type or instance) `given` match `target` (a type or
/// a tuple of them)?
pub fn given_matches(given: Option<Obj>, target: Option<Obj>) -> bool {
    let (Some(given), Some(target)) = (given, target) else {
        return false;
    };
    if tuple::is_tuple(target) {
        return tuple::tuple_items(target)
            .iter()
            .any(|t| given_matches(Some(given), Some(*t)));
    }
    let g = if exc::is_exception(given) {
        given.type_obj()
    } else {
        given
    };
    match (g.as_type(), target.as_type()) {
        (Some(gt), Some(tt)) => gt.is_subtype(tt),
        _ => g.is(target),
    }
}

/// `PyErr_Fetch`: take the raised exception as (type, value, traceback).
pub fn fetch(vm: &Vm) -> Option<(Obj, Obj, Option<Obj>)> {
    let e = vm.take_exc()?;
    let tb = exc::exc_of(e).and_then(|x| x.traceback.get());
    Some((e.type_obj(), e, tb))
}

/// `PyErr_Restore`: set the error indicator from (type, value, traceback).
pub fn restore(vm: &Vm, ty: Option<Obj>, value: Option<Obj>, tb: Option<Obj>) {
    let Some(ty) = ty else {
        vm.take_exc();
        return;
    };
    let e = match make_instance(vm, ty, value) {
        Ok(e) => e,
        Err(_) => return,
    };
    if let (Some(x), Some(tb)) = (exc::exc_of(e), tb) {
        if !tb.is_none() {
            x.traceback.set(Some(tb));
        }
    }
    vm.raise(e);
}

/// `PyErr_NewException("module.Name", base, dict)`.
pub fn new_exception(
    vm: &Vm,
    name: &str,
    doc: Option<&str>,
    base: Option<Obj>,
    d: Option<Obj>,
) -> PyResult<Obj> {
    let Some(dot) = name.rfind('.') else {
        return Err(vm.new_error(
            &exc::SYSTEM_ERROR,
            "PyErr_NewException: name must be module.class",
        ));
    };
    let d = match d {
        Some(d) => d,
        None => dict::new(vm)?,
    };
    if dict::get_str(vm, d, "__module__")?.is_none() {
        dict::set_str(vm, d, "__module__", vm.new_str(&name[..dot])?)?;
    }
    if let Some(doc) = doc {
        dict::set_str(vm, d, "__doc__", vm.new_str(doc)?)?;
    }
    let base = base.unwrap_or(exc::EXCEPTION.as_obj());
    let bases = if tuple::is_tuple(base) {
        base
    } else {
        tuple::new(vm, &[base])?
    };
    let cls = vm.new_str(&name[dot + 1..])?;
    call::call(vm, typeobj::TYPE_TYPE.as_obj(), &[cls, bases, d])
}

/// `PyErr_Print`: print and clear the raised exception (SystemExit exits).
pub fn print(vm: &Vm) {
    let Some(e) = vm.take_exc() else { return };
    if e.ty().is_subtype(&exc::SYSTEM_EXIT) {
        let code = exc::exc_of(e)
            .and_then(|x| x.dict.get())
            .and_then(|d| dict::get_str(vm, d, "code").ok().flatten())
            .unwrap_or(none());
        let _ = ferropy_core::modules::sys::flush_stdout(vm);
        vm.port.exit(
            code.as_small()
                .unwrap_or(if code.is_none() { 0 } else { 1 }) as i32,
        );
        return;
    }
    let _ = ferropy_core::modules::sys::flush_stdout(vm);
    let _ = ferropy_core::builtins::print_exception(vm, e);
}

/// `PyErr_WarnEx`: warnings are printed to stderr (no filters yet).
pub fn warn(vm: &Vm, category: Option<Obj>, msg: &str) -> PyResult<()> {
    let cat = category.unwrap_or(exc::RUNTIME_WARNING.as_obj());
    let name = cat.as_type().map(|t| t.name()).unwrap_or("Warning");
    ferropy_core::modules::sys::write_stderr(vm, &alloc::format!("{}: {}\n", name, msg))
}

fn traceback_of(vm: &Vm, e: Obj) -> PyResult<Option<Obj>> {
    let x = exc::exc_of(e).ok_or_else(|| vm.type_error("expected an exception instance"))?;
    Ok(x.traceback.get().filter(|t| !t.is_none()))
}

// ------------------------------------------------------------- exports

#[no_mangle]
pub unsafe extern "C" fn PyErr_SetNone(ty: P) {
    api(|vm| -> PyResult<()> { Err(set_object(vm, obj(vm, ty)?, None)) });
}
#[no_mangle]
pub unsafe extern "C" fn PyErr_SetObject(ty: P, value: P) {
    api(|vm| -> PyResult<()> { Err(set_object(vm, obj(vm, ty)?, opt(value))) });
}
#[no_mangle]
pub unsafe extern "C" fn PyErr_SetString(ty: P, msg: *const c_char) {
    api(|vm| -> PyResult<()> { Err(set_string(vm, obj(vm, ty)?, cstr(vm, msg)?)) });
}
#[no_mangle]
pub unsafe extern "C" fn PyErr_Occurred() -> P {
    api(|vm| Ok(Borrowed(vm.exc().map(|e| e.type_obj()))))
}
#[no_mangle]
pub unsafe extern "C" fn PyErr_Clear() {
    api(|vm| {
        vm.take_exc();
        Ok(())
    });
}
#[no_mangle]
pub unsafe extern "C" fn PyErr_Fetch(pt: *mut P, pv: *mut P, ptb: *mut P) {
    let f = crate::boundary::vm().and_then(fetch);
    let new = |o: Option<Obj>| {
        o.map(|o| {
            o.pin();
            o.as_ptr()
        })
        .unwrap_or(core::ptr::null_mut())
    };
    write_out(pt, new(f.map(|f| f.0)));
    write_out(pv, new(f.map(|f| f.1)));
    write_out(ptb, new(f.and_then(|f| f.2)));
}
#[no_mangle]
pub unsafe extern "C" fn PyErr_Restore(ty: P, value: P, tb: P) {
    api(|vm| {
        restore(vm, steal(ty), steal(value), steal(tb));
        Ok(())
    });
}
#[no_mangle]
pub unsafe extern "C" fn PyErr_NormalizeException(_pt: *mut P, _pv: *mut P, _ptb: *mut P) {
    // Fetched values are always normalised instances already.
}
#[no_mangle]
pub unsafe extern "C" fn PyErr_GetRaisedException() -> P {
    api(|vm| Ok(vm.take_exc()))
}
#[no_mangle]
pub unsafe extern "C" fn PyErr_SetRaisedException(e: P) {
    api(|vm| {
        let e = steal(e);
        restore(vm, e.map(|e| e.type_obj()), e, None);
        Ok(())
    });
}
#[no_mangle]
pub unsafe extern "C" fn PyErr_GivenExceptionMatches(given: P, target: P) -> c_int {
    given_matches(opt(given), opt(target)) as c_int
}
#[no_mangle]
pub unsafe extern "C" fn PyErr_ExceptionMatches(target: P) -> c_int {
    given_matches(crate::boundary::vm().and_then(|vm| vm.exc()), opt(target)) as c_int
}
#[no_mangle]
pub unsafe extern "C" fn PyErr_NoMemory() -> P {
    api(|vm| -> PyResult<Obj> { Err(vm.memory_error()) })
}
#[no_mangle]
pub unsafe extern "C" fn PyErr_BadArgument() -> c_int {
    api(|vm| -> PyResult<i32> { Err(vm.type_error("bad argument type for built-in operation")) });
    0
}
#[no_mangle]
pub unsafe extern "C" fn PyErr_BadInternalCall() {
    api(|vm| -> PyResult<()> { Err(bad_internal_call(vm)) });
}
#[no_mangle]
pub unsafe extern "C" fn PyErr_NewException(name: *const c_char, base: P, d: P) -> P {
    api(|vm| new_exception(vm, cstr(vm, name)?, None, opt(base), opt(d)))
}
#[no_mangle]
pub unsafe extern "C" fn PyErr_NewExceptionWithDoc(
    name: *const c_char,
    doc: *const c_char,
    base: P,
    d: P,
) -> P {
    api(|vm| {
        let doc = if doc.is_null() {
            None
        } else {
            Some(cstr(vm, doc)?)
        };
        new_exception(vm, cstr(vm, name)?, doc, opt(base), opt(d))
    })
}
#[no_mangle]
pub unsafe extern "C" fn PyErr_Print() {
    api(|vm| {
        print(vm);
        Ok(())
    });
}
#[no_mangle]
pub unsafe extern "C" fn PyErr_PrintEx(_set_sys_last_vars: c_int) {
    api(|vm| {
        print(vm);
        Ok(())
    });
}
#[no_mangle]
pub unsafe extern "C" fn PyErr_WarnEx(category: P, msg: *const c_char, _level: isize) -> c_int {
    api(|vm| warn(vm, opt(category), cstr(vm, msg)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyException_GetTraceback(e: P) -> P {
    api(|vm| traceback_of(vm, obj(vm, e)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyException_SetTraceback(e: P, tb: P) -> c_int {
    api(|vm| {
        abs::setattr(
            vm,
            obj(vm, e)?,
            vm.intern("__traceback__")?,
            Some(obj(vm, tb)?),
        )
    })
}
#[no_mangle]
pub unsafe extern "C" fn PyException_SetCause(e: P, cause: P) {
    api(|vm| {
        abs::setattr(
            vm,
            obj(vm, e)?,
            vm.intern("__cause__")?,
            Some(steal(cause).unwrap_or(none())),
        )
    });
}
#[no_mangle]
pub unsafe extern "C" fn PyException_GetCause(e: P) -> P {
    api(|vm| {
        Ok(exc::exc_of(obj(vm, e)?)
            .and_then(|x| x.cause.get())
            .filter(|c| !c.is_none()))
    })
}
#[no_mangle]
pub unsafe extern "C" fn PyException_SetContext(e: P, ctx: P) {
    api(|vm| {
        abs::setattr(
            vm,
            obj(vm, e)?,
            vm.intern("__context__")?,
            Some(steal(ctx).unwrap_or(none())),
        )
    });
}
#[no_mangle]
pub unsafe extern "C" fn PyException_GetContext(e: P) -> P {
    api(|vm| {
        Ok(exc::exc_of(obj(vm, e)?)
            .and_then(|x| x.context.get())
            .filter(|c| !c.is_none()))
    })
}

/// `Py_FatalError`: report the message on stderr and stop the program
/// (abort on a host; a panic, i.e. the firmware's panic handler, on a
/// microcontroller).
#[no_mangle]
pub unsafe extern "C" fn Py_FatalError(message: *const c_char) -> ! {
    let msg: &[u8] = if message.is_null() {
        b""
    } else {
        // SAFETY: C passes a NUL-terminated message.
        unsafe { core::ffi::CStr::from_ptr(message) }.to_bytes()
    };
    if let Some(vm) = crate::boundary::vm() {
        vm.port.write_err(b"Fatal Python error: ");
        vm.port.write_err(msg);
        vm.port.write_err(b"\n");
    }
    fatal_stop()
}

#[cfg(not(target_os = "none"))]
fn fatal_stop() -> ! {
    std::process::abort()
}
#[cfg(target_os = "none")]
fn fatal_stop() -> ! {
    panic!("Py_FatalError")
}

/// The C library's `errno` of the calling thread (0 where it cannot be
/// read: the firmware's C library keeps its own).
fn c_errno() -> i32 {
    #[cfg(not(target_os = "none"))]
    {
        std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
    }
    #[cfg(target_os = "none")]
    {
        0
    }
}

/// `PyErr_SetFromErrno(type)`: raise `type(errno, strerror(errno)[,
/// filename])` (OSError picks the subclass for the errno); EINTR first
/// runs the signal handlers as CPython does (none here). Returns NULL.
fn set_from_errno(vm: &Vm, ty: Obj, filename: Option<Obj>) -> Raised {
    let e = c_errno();
    let msg = if e == 0 { "Error" } else { exc::strerror(e) };
    let args = match (vm.new_str(msg), filename) {
        (Ok(m), Some(f)) => [ferropy_core::obj::int::new_i64(vm, e as i64), Ok(m), Ok(f)]
            .into_iter()
            .collect::<PyResult<alloc::vec::Vec<Obj>>>(),
        (Ok(m), None) => [ferropy_core::obj::int::new_i64(vm, e as i64), Ok(m)]
            .into_iter()
            .collect::<PyResult<alloc::vec::Vec<Obj>>>(),
        (Err(x), _) => Err(x),
    };
    match args.and_then(|a| call::call(vm, ty, &a)) {
        Ok(v) => set_object(vm, ty, Some(v)),
        Err(x) => x,
    }
}
#[no_mangle]
pub unsafe extern "C" fn PyErr_SetFromErrno(ty: P) -> P {
    api(|vm| -> PyResult<Obj> { Err(set_from_errno(vm, obj(vm, ty)?, None)) })
}
#[no_mangle]
pub unsafe extern "C" fn PyErr_SetFromErrnoWithFilenameObject(ty: P, filename: P) -> P {
    api(|vm| -> PyResult<Obj> { Err(set_from_errno(vm, obj(vm, ty)?, opt(filename))) })
}
#[no_mangle]
pub unsafe extern "C" fn PyErr_SetFromErrnoWithFilename(ty: P, filename: *const c_char) -> P {
    api(|vm| -> PyResult<Obj> {
        let f = if filename.is_null() {
            None
        } else {
            Some(vm.new_str(cstr(vm, filename)?)?)
        };
        Err(set_from_errno(vm, obj(vm, ty)?, f))
    })
}
