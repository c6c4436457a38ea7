//! `ceval.h`: compiling and evaluating code from C, the frames and
//! traceback entries Cython's Limited-API traceback helper builds
//! (`Py_CompileString("_getframe()")`, `code.replace(co_name=...)`,
//! `PyEval_EvalCode`, `PyTraceBack_Here`), the handled exception
//! (`PyErr_GetExcInfo`/`SetExcInfo`, `PyErr_Get/SetHandledException`),
//! `sys` attributes, and warnings with an explicit location.

use crate::boundary::{api, cstr, obj, opt, steal, write_out, Borrowed, P};
use core::ffi::{c_char, c_int};
use ferropy_core::compile::Mode;
use ferropy_core::obj::{
    dict, exc, frameobj::FrameObj, module, none, str as pystr, traceback, Layout, Obj,
};
use ferropy_core::vm::{abs, PyResult, Vm};

// ------------------------------------------------------------ safe layer

// Start symbols (include/ceval.h, CPython's values).
const SINGLE_INPUT: c_int = 256;
const FILE_INPUT: c_int = 257;
const EVAL_INPUT: c_int = 258;

/// `Py_CompileString`: a code object, or SyntaxError.
pub fn compile_string(vm: &Vm, src: &str, filename: &str, start: c_int) -> PyResult<Obj> {
    let mode =
        match start {
            FILE_INPUT => Mode::Exec,
            EVAL_INPUT => Mode::Eval,
            SINGLE_INPUT => Mode::Single,
            _ => return Err(vm.value_error(
                "Py_CompileString: start must be Py_file_input, Py_eval_input or Py_single_input",
            )),
        };
    if src.contains('\0') {
        return Err(vm.new_error(
            &exc::SYNTAX_ERROR,
            "source code string cannot contain null bytes",
        ));
    }
    vm.compile(src, filename, mode)
}

/// `PyEval_EvalCode`: run `code` with `globals` (a dict) and `locals` (any
/// mapping; NULL: the globals). The value of an `eval` code, else None.
pub fn eval_code(vm: &Vm, code: Obj, globals: Obj, locals: Option<Obj>) -> PyResult<Obj> {
    if code.layout() != Layout::Code {
        return Err(vm.type_error(&alloc::format!(
            "PyEval_EvalCode: expected a code object, not {}",
            code.ty().name()
        )));
    }
    if !dict::is_dict(globals) {
        return Err(vm.new_error(
            &exc::SYSTEM_ERROR,
            "PyEval_EvalCode: globals must be a dict",
        ));
    }
    let locals = locals.filter(|l| !l.is_none());
    vm.exec_code(code, globals, Some(locals.unwrap_or(globals)))
}

/// `PyTraceBack_Here`: put an entry for `frame` in front of the raised
/// exception's traceback (as the evaluator does when an exception leaves a
/// frame). Without a raised exception there is nothing to extend.
pub fn traceback_here(vm: &Vm, frame: Obj) -> PyResult<()> {
    let Some(f) = frame.downcast::<FrameObj>() else {
        return Err(crate::boundary::bad_internal_call(vm));
    };
    let Some(e) = vm.take_exc() else {
        return Ok(());
    };
    // The preallocated MemoryError/RecursionError collect no traceback (as
    // in the evaluator: they are shared and must keep nothing alive).
    let shared = [vm.memory_error.get(), vm.recursion_error.get()];
    if shared.iter().any(|s| s.is_some_and(|s| s.is(e))) {
        vm.restore_exc(Some(e));
        return Ok(());
    }
    let r = (|| {
        let x = exc::exc_of(e).ok_or_else(|| crate::boundary::bad_internal_call(vm))?;
        let tb = traceback::new(vm, x.traceback.get(), f.code, f.lineno, 0, f.globals)?;
        x.traceback.set(Some(tb));
        Ok(())
    })();
    // A new error replaces the one in flight, as in CPython.
    r?;
    vm.restore_exc(Some(e));
    Ok(())
}

/// `PyEval_GetGlobals`: the globals of the running Python frame, if any.
pub fn current_globals(vm: &Vm) -> Option<Obj> {
    let f = vm.frame.get();
    if f.is_null() {
        return None;
    }
    // SAFETY: `vm.frame` is the innermost live frame.
    Some(unsafe { (*f).globals })
}

/// `PyEval_GetBuiltins`: the builtins of the running frame, else the
/// interpreter's.
pub fn current_builtins(vm: &Vm) -> PyResult<Obj> {
    // The builtins dict fills in its native functions on first full use.
    ferropy_core::builtins::materialize(vm)?;
    let f = vm.frame.get();
    if !f.is_null() {
        // SAFETY: as above.
        let b = unsafe { (*f).builtins };
        if dict::is_dict(b) {
            return Ok(b);
        }
    }
    Ok(vm.builtins_dict.get().unwrap_or(none()))
}

/// `PySys_SetObject`: set (`Some`) or delete (`None`) an attribute of
/// `sys`; deleting a missing one is not an error.
pub fn sys_set(vm: &Vm, name: &str, v: Option<Obj>) -> PyResult<()> {
    let Some(sys) = vm.sys.get() else {
        return Err(vm.new_error(&exc::RUNTIME_ERROR, "lost sys module"));
    };
    let d = module::dict_of(sys);
    match v {
        Some(v) => dict::set_str(vm, d, name, v),
        None => {
            dict::del(vm, d, vm.new_str(name)?)?;
            Ok(())
        }
    }
}

/// `PyErr_GetExcInfo`: the exception being handled as (type, value,
/// traceback), new references; three Nones when none is (as CPython 3.11
/// and `sys.exc_info()`).
pub fn get_exc_info(vm: &Vm) -> (Option<Obj>, Option<Obj>, Option<Obj>) {
    match vm.handled.get() {
        Some(e) => {
            let tb = exc::exc_of(e)
                .and_then(|x| x.traceback.get())
                .unwrap_or(none());
            (Some(e.type_obj()), Some(e), Some(tb))
        }
        None => (Some(none()), Some(none()), Some(none())),
    }
}

/// `PyErr_SetHandledException` / `PyErr_SetExcInfo`: NULL or None clears.
pub fn set_handled(vm: &Vm, e: Option<Obj>) -> PyResult<()> {
    match e {
        Some(e) if !e.is_none() => {
            if !exc::is_exception(e) {
                return Err(vm.type_error("exceptions must derive from BaseException"));
            }
            vm.handled.set(Some(e));
        }
        _ => vm.handled.set(None),
    }
    Ok(())
}

/// `PyErr_WarnExplicit`: print `file:line: Category: message` to stderr
/// (ferropy has no warning filters yet).
pub fn warn_explicit(
    vm: &Vm,
    category: Option<Obj>,
    msg: &str,
    filename: &str,
    lineno: c_int,
) -> PyResult<()> {
    let cat = category.unwrap_or(exc::USER_WARNING.as_obj());
    let name = cat.as_type().map(|t| t.name()).unwrap_or("Warning");
    ferropy_core::modules::sys::write_stderr(
        vm,
        &alloc::format!("{}:{}: {}: {}\n", filename, lineno, name, msg),
    )
}

/// `PyErr_WriteUnraisable`: report the raised exception on stderr (with
/// `Exception ignored in: repr(obj)`) and clear it.
pub fn write_unraisable(vm: &Vm, o: Option<Obj>) {
    let Some(e) = vm.take_exc() else { return };
    let mut head = alloc::string::String::from("Exception ignored in: ");
    match o {
        Some(o) => match abs::repr(vm, o) {
            Ok(r) => head.push_str(pystr::as_str(r).unwrap_or("?")),
            Err(_) => {
                vm.take_exc();
                head.push_str("<object repr() failed>");
            }
        },
        None => head.truncate("Exception ignored".len()),
    }
    head.push('\n');
    let _ = ferropy_core::modules::sys::write_stderr(vm, &head);
    let _ = ferropy_core::builtins::print_exception(vm, e);
    vm.take_exc();
}

/// `PyEval_GetFrame`: a snapshot of the running Python frame (`None`
/// outside any frame), as `sys._getframe()` makes.
pub fn current_frame(vm: &Vm) -> PyResult<Option<Obj>> {
    if vm.frame.get().is_null() {
        return Ok(None);
    }
    let getframe = ferropy_core::modules::sys::sys_attr(vm, "_getframe")?
        .ok_or_else(|| vm.new_error(&exc::RUNTIME_ERROR, "lost sys._getframe"))?;
    ferropy_core::vm::call::call(vm, getframe, &[]).map(Some)
}

fn frame_arg(vm: &Vm, f: P) -> PyResult<&'static FrameObj> {
    obj(vm, f)?
        .downcast::<FrameObj>()
        .ok_or_else(|| crate::boundary::bad_internal_call(vm))
}

// ------------------------------------------------------------ exports

/// Borrowed (the snapshot lives while C's stack holds it; the collector
/// scans the native stack); NULL without an exception outside Python.
#[no_mangle]
pub unsafe extern "C" fn PyEval_GetFrame() -> P {
    api(|vm| Ok(Borrowed(current_frame(vm)?)))
}
#[no_mangle]
pub unsafe extern "C" fn PyFrame_GetLineNumber(f: P) -> c_int {
    api(|vm| Ok(frame_arg(vm, f)?.lineno as i32))
}
#[no_mangle]
pub unsafe extern "C" fn PyFrame_GetCode(f: P) -> P {
    api(|vm| Ok(frame_arg(vm, f)?.code))
}
/// New reference, or NULL without an exception for the outermost frame.
#[no_mangle]
pub unsafe extern "C" fn PyFrame_GetBack(f: P) -> P {
    api(|vm| Ok(frame_arg(vm, f)?.back.get()))
}

#[no_mangle]
pub unsafe extern "C" fn Py_CompileString(
    s: *const c_char,
    file: *const c_char,
    start: c_int,
) -> P {
    api(|vm| compile_string(vm, cstr(vm, s)?, cstr(vm, file)?, start))
}
#[no_mangle]
pub unsafe extern "C" fn PyEval_EvalCode(code: P, globals: P, locals: P) -> P {
    api(|vm| eval_code(vm, obj(vm, code)?, obj(vm, globals)?, opt(locals)))
}
#[no_mangle]
pub unsafe extern "C" fn PyTraceBack_Here(frame: P) -> c_int {
    api(|vm| traceback_here(vm, obj(vm, frame)?))
}
/// Borrowed; NULL (no exception) outside any Python frame.
#[no_mangle]
pub unsafe extern "C" fn PyEval_GetGlobals() -> P {
    api(|vm| Ok(Borrowed(current_globals(vm))))
}
/// Borrowed.
#[no_mangle]
pub unsafe extern "C" fn PyEval_GetBuiltins() -> P {
    api(|vm| Ok(Borrowed(Some(current_builtins(vm)?))))
}
#[no_mangle]
pub unsafe extern "C" fn PySys_SetObject(name: *const c_char, v: P) -> c_int {
    api(|vm| sys_set(vm, cstr(vm, name)?, opt(v)))
}
/// New references (or NULLs) in the three out-pointers.
#[no_mangle]
pub unsafe extern "C" fn PyErr_GetExcInfo(t: *mut P, v: *mut P, tb: *mut P) {
    let (a, b, c) = crate::boundary::vm().map_or((None, None, None), get_exc_info);
    for (dst, o) in [(t, a), (v, b), (tb, c)] {
        write_out(dst, api(|_| Ok(o)));
    }
}
/// Steals all three references; only the value matters (as in 3.11).
#[no_mangle]
pub unsafe extern "C" fn PyErr_SetExcInfo(t: P, v: P, tb: P) {
    steal(t);
    steal(tb);
    let v = steal(v);
    api(|vm| set_handled(vm, v));
}
/// New reference, or NULL without an exception.
#[no_mangle]
pub unsafe extern "C" fn PyErr_GetHandledException() -> P {
    api(|vm| Ok(vm.handled.get()))
}
/// Does not steal `e`; NULL clears.
#[no_mangle]
pub unsafe extern "C" fn PyErr_SetHandledException(e: P) {
    api(|vm| set_handled(vm, opt(e)));
}
#[no_mangle]
pub unsafe extern "C" fn PyErr_WarnExplicit(
    category: P,
    msg: *const c_char,
    filename: *const c_char,
    lineno: c_int,
    _module: *const c_char,
    _registry: P,
) -> c_int {
    api(|vm| {
        let file = if filename.is_null() {
            "sys"
        } else {
            cstr(vm, filename)?
        };
        warn_explicit(vm, opt(category), cstr(vm, msg)?, file, lineno)
    })
}
#[no_mangle]
pub unsafe extern "C" fn PyErr_WriteUnraisable(o: P) {
    api(|vm| {
        write_unraisable(vm, opt(o));
        Ok(())
    });
}
