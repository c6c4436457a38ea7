//! C functions (`PyMethodDef` → a callable object), modules from a
//! `PyModuleDef` (single-phase `PyModule_Create2`, multi-phase
//! `PyModuleDef_Init` + `Py_mod_exec`), and the loading hooks the core's
//! import system calls ([`CEXT`]).
#![allow(unsafe_code)]

use crate::boundary::{api, cstr, obj, opt, steal, CPtr, PyObject, P};
use core::ffi::{c_char, c_int, c_long, c_void};
use core::sync::atomic::{AtomicUsize, Ordering};
use ferropy_core::obj::{
    dict, exc, int, module, none, str as pystr, tuple, Args, Layout, Obj, ObjHead, PyPayload,
    Slots, TypeObj, IMMORTAL,
};
use ferropy_core::vm::{CExtensions, PyResult, Vm};

// --------------------------------------------------------- C structures

/// Mirror of `struct PyMethodDef` (include/methodobject.h).
#[repr(C)]
pub struct PyMethodDef {
    pub ml_name: *const c_char,
    pub ml_meth: Option<unsafe extern "C" fn()>,
    pub ml_flags: c_int,
    pub ml_doc: *const c_char,
}

/// Mirror of `PyModuleDef_Base`.
#[repr(C)]
pub struct PyModuleDefBase {
    pub ob_base: PyObject,
    pub m_init: Option<unsafe extern "C" fn() -> P>,
    pub m_index: isize,
    pub m_copy: P,
}

/// Mirror of `PyModuleDef_Slot`.
#[repr(C)]
pub struct PyModuleDefSlot {
    pub slot: c_int,
    pub value: *mut c_void,
}

/// Mirror of `PyModuleDef`.
#[repr(C)]
pub struct PyModuleDef {
    pub m_base: PyModuleDefBase,
    pub m_name: *const c_char,
    pub m_doc: *const c_char,
    pub m_size: isize,
    pub m_methods: *mut PyMethodDef,
    pub m_slots: *mut PyModuleDefSlot,
    pub m_traverse: Option<unsafe extern "C" fn()>,
    pub m_clear: Option<unsafe extern "C" fn()>,
    pub m_free: Option<unsafe extern "C" fn()>,
}

pub const METH_VARARGS: c_int = 0x0001;
pub const METH_KEYWORDS: c_int = 0x0002;
pub const METH_NOARGS: c_int = 0x0004;
pub const METH_O: c_int = 0x0008;
pub const METH_CLASS: c_int = 0x0010;
pub const METH_STATIC: c_int = 0x0020;
pub const METH_COEXIST: c_int = 0x0040;
pub const METH_FASTCALL: c_int = 0x0080;
pub const PY_MOD_CREATE: c_int = 1;
pub const PY_MOD_EXEC: c_int = 2;

type NoArgsFn = unsafe extern "C" fn(P, P) -> P;
type KwFn = unsafe extern "C" fn(P, P, P) -> P;
type FastFn = unsafe extern "C" fn(P, *const P, isize) -> P;
type FastKwFn = unsafe extern "C" fn(P, *const P, isize, P) -> P;
type CreateFn = unsafe extern "C" fn(P, *mut PyModuleDef) -> P;
type ExecFn = unsafe extern "C" fn(P) -> c_int;

// ------------------------------------------------------------ C functions

/// A C function object: a `PyMethodDef` bound to `self` (the module for
/// module functions).
#[repr(C)]
pub struct CFuncObj {
    pub head: ObjHead,
    pub def: *const PyMethodDef,
    pub this: Option<Obj>,
    pub module: Option<Obj>,
}
// SAFETY: repr(C), header first; Layout::CFunction is used by no other payload.
unsafe impl PyPayload for CFuncObj {
    const LAYOUT: Layout = Layout::CFunction;
}

fn def_of(f: Obj) -> Option<&'static PyMethodDef> {
    // SAFETY: a CFuncObj's `def` points at C's method table, which lives as
    // long as the extension (forever).
    f.downcast::<CFuncObj>()
        .and_then(|c| unsafe { c.def.as_ref() })
}

/// The name of a method definition (its C string, "?" if unreadable).
pub(crate) fn def_name(d: &PyMethodDef) -> &'static str {
    if d.ml_name.is_null() {
        return "?";
    }
    // SAFETY: ml_name is a NUL-terminated C string in the extension.
    let c = unsafe { core::ffi::CStr::from_ptr(d.ml_name) };
    c.to_str().unwrap_or("?")
}

/// A new C function object for `def` bound to `this`.
pub fn new_cfunction(
    vm: &Vm,
    def: *const PyMethodDef,
    this: Option<Obj>,
    module: Option<Obj>,
) -> PyResult<Obj> {
    if def.is_null() {
        return Err(crate::boundary::bad_internal_call(vm));
    }
    vm.alloc_obj(CFuncObj {
        head: ObjHead {
            refcnt: ferropy_core::obj::RefCnt::new(0),
            ty: &CFUNCTION_TYPE,
        },
        def,
        this,
        module,
    })
}

/// Turn what a C function returned (a new reference or NULL) into a core
/// result.
pub fn result_from_c(vm: &Vm, r: P, name: &str) -> PyResult<Obj> {
    match steal(r) {
        None => Err(vm.already_raised()),
        Some(o) => {
            if vm.exc().is_some() {
                vm.take_exc();
                return Err(vm.new_error(
                    &exc::SYSTEM_ERROR,
                    &alloc::format!("{}() returned a result with an exception set", name),
                ));
            }
            Ok(o)
        }
    }
}

/// The `call` slot: convert the core's arguments to the function's C
/// calling convention.
pub(crate) fn cfunc_call(vm: &Vm, f: Obj, args: &Args) -> PyResult<Obj> {
    let d = def_of(f).ok_or_else(|| crate::boundary::bad_internal_call(vm))?;
    let short = def_name(d);
    let this = f.downcast::<CFuncObj>().and_then(|c| c.this);
    // Error messages name module functions `module.name`, as CPython.
    let qualified = match this.filter(|t| t.layout() == Layout::Module) {
        Some(m) => alloc::format!("{}.{}", module::name(m), short),
        None => alloc::string::String::from(short),
    };
    let name = qualified.as_str();
    let this_p = match this {
        Some(t) => int::boxed(vm, t)?.as_ptr(),
        None => core::ptr::null_mut(),
    };
    let Some(meth) = d.ml_meth else {
        return Err(crate::boundary::bad_internal_call(vm));
    };
    let flags = d.ml_flags & !(METH_CLASS | METH_STATIC | METH_COEXIST);
    let n = args.pos.len();
    let no_kw = |vm: &Vm| -> PyResult<()> {
        if args.has_kw() {
            return Err(vm.type_error(&alloc::format!("{}() takes no keyword arguments", name)));
        }
        Ok(())
    };
    let r = match flags {
        METH_NOARGS => {
            no_kw(vm)?;
            if n != 0 {
                return Err(vm.type_error(&alloc::format!(
                    "{}() takes no arguments ({} given)",
                    name,
                    n
                )));
            }
            // SAFETY: METH_NOARGS functions have the PyCFunction signature.
            let m: NoArgsFn = unsafe { core::mem::transmute(meth) };
            // SAFETY: calling C with a live self (or NULL) and NULL.
            unsafe { m(this_p, core::ptr::null_mut()) }
        }
        METH_O => {
            no_kw(vm)?;
            if n != 1 {
                return Err(vm.type_error(&alloc::format!(
                    "{}() takes exactly one argument ({} given)",
                    name,
                    n
                )));
            }
            let a = int::boxed(vm, args.pos[0])?;
            // SAFETY: METH_O functions have the PyCFunction signature.
            let m: NoArgsFn = unsafe { core::mem::transmute(meth) };
            // SAFETY: live objects; `a` stays on this frame during the call.
            unsafe { m(this_p, a.as_ptr()) }
        }
        METH_VARARGS => {
            no_kw(vm)?;
            let t = tuple::new(vm, args.pos)?;
            // SAFETY: METH_VARARGS functions have the PyCFunction signature.
            let m: NoArgsFn = unsafe { core::mem::transmute(meth) };
            // SAFETY: live objects kept on this frame during the call.
            unsafe { m(this_p, t.as_ptr()) }
        }
        x if x == METH_VARARGS | METH_KEYWORDS => {
            let t = tuple::new(vm, args.pos)?;
            let kw = kw_dict(vm, args)?;
            // SAFETY: METH_VARARGS|METH_KEYWORDS: PyCFunctionWithKeywords.
            let m: KwFn = unsafe { core::mem::transmute(meth) };
            let kwp = kw.map(|k| k.as_ptr()).unwrap_or(core::ptr::null_mut());
            // SAFETY: live objects kept on this frame during the call.
            unsafe { m(this_p, t.as_ptr(), kwp) }
        }
        METH_FASTCALL => {
            no_kw(vm)?;
            let arr = boxed_array(vm, args.pos, &[])?;
            // SAFETY: METH_FASTCALL functions have the _PyCFunctionFast signature.
            let m: FastFn = unsafe { core::mem::transmute(meth) };
            // SAFETY: `arr` holds n live boxed objects (a GC block on this frame).
            unsafe { m(this_p, arr, n as isize) }
        }
        x if x == METH_FASTCALL | METH_KEYWORDS => {
            let arr = boxed_array(vm, args.pos, args.kw)?;
            let names = if args.has_kw() { args.kwnames } else { None };
            // SAFETY: the _PyCFunctionFastWithKeywords signature.
            let m: FastKwFn = unsafe { core::mem::transmute(meth) };
            let np = names.map(|k| k.as_ptr()).unwrap_or(core::ptr::null_mut());
            // SAFETY: as above; kwnames is a live tuple of str.
            unsafe { m(this_p, arr, n as isize, np) }
        }
        _ => {
            return Err(vm.new_error(
                &exc::SYSTEM_ERROR,
                &alloc::format!("{}() method: bad call flags", name),
            ))
        }
    };
    result_from_c(vm, r, name)
}

/// Keyword arguments as a dict (None when there are none).
pub(crate) fn kw_dict(vm: &Vm, args: &Args) -> PyResult<Option<Obj>> {
    if !args.has_kw() {
        return Ok(None);
    }
    let d = dict::new(vm)?;
    for (i, v) in args.kw.iter().enumerate() {
        dict::set(vm, d, args.kwname(i), *v)?;
    }
    Ok(Some(d))
}

/// Positional then keyword values as an array of boxed `PyObject*`, in a
/// GC block (scanned, and reachable from this native frame).
fn boxed_array(vm: &Vm, pos: &[Obj], kw: &[Obj]) -> PyResult<*const P> {
    let n = pos.len() + kw.len();
    let slots = vm.alloc_slots(n)?;
    for (i, v) in pos.iter().chain(kw.iter()).enumerate() {
        let b = int::boxed(vm, *v)?;
        // SAFETY: `slots` has room for n words.
        unsafe { slots.add(i).write(Some(b)) };
    }
    Ok(slots as *const P)
}

fn cfunc_repr(vm: &Vm, f: Obj) -> PyResult<Obj> {
    let name = def_of(f).map(def_name).unwrap_or("?");
    vm.new_string(alloc::format!("<built-in function {}>", name))
}

pub(crate) fn cfunc_name(vm: &Vm, f: Obj) -> PyResult<Obj> {
    vm.new_str(def_of(f).map(def_name).unwrap_or("?"))
}

pub(crate) fn cfunc_doc(vm: &Vm, f: Obj) -> PyResult<Obj> {
    match def_of(f).filter(|d| !d.ml_doc.is_null()) {
        // SAFETY: ml_doc is a NUL-terminated C string in the extension.
        Some(d) => match unsafe { core::ffi::CStr::from_ptr(d.ml_doc) }.to_str() {
            Ok(s) => vm.new_str(s),
            Err(_) => Ok(none()),
        },
        None => Ok(none()),
    }
}

fn cfunc_self(_vm: &Vm, f: Obj) -> PyResult<Obj> {
    Ok(f.downcast::<CFuncObj>()
        .and_then(|c| c.this)
        .unwrap_or(none()))
}

fn cfunc_module(vm: &Vm, f: Obj) -> PyResult<Obj> {
    match f.downcast::<CFuncObj>().and_then(|c| c.module) {
        Some(m) if m.layout() == Layout::Module => vm.new_str(module::name(m)),
        Some(m) => Ok(m),
        None => Ok(none()),
    }
}

static CFUNC_ATTRS: [ferropy_core::obj::attr::AttrEntry; 5] = [
    ferropy_core::getset!("__name__", cfunc_name),
    ferropy_core::getset!("__qualname__", cfunc_name),
    ferropy_core::getset!("__doc__", cfunc_doc),
    ferropy_core::getset!("__self__", cfunc_self),
    ferropy_core::getset!("__module__", cfunc_module),
];

/// `PyCFunction_Type`: prints as CPython's `builtin_function_or_method`.
#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static CFUNCTION_TYPE: TypeObj = TypeObj::builtin(
    "builtin_function_or_method",
    Layout::CFunction,
    Some(&ferropy_core::obj::typeobj::OBJECT_TYPE),
    Slots {
        call: Some(cfunc_call),
        repr: Some(cfunc_repr),
        getattr: Some(ferropy_core::obj::typeobj::generic_getattr),
        hash: Some(ferropy_core::obj::typeobj_hash_identity),
        ..Slots::EMPTY
    },
    &CFUNC_ATTRS,
    core::mem::size_of::<CFuncObj>(),
    0,
);

/// The type of a `PyModuleDef` returned by `PyModuleDef_Init` (multi-phase
/// init): C's static definition becomes an (immortal) object of this type.
#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static MODULEDEF_TYPE: TypeObj = TypeObj::builtin(
    "moduledef",
    Layout::Other,
    Some(&ferropy_core::obj::typeobj::OBJECT_TYPE),
    Slots::EMPTY,
    &[],
    core::mem::size_of::<PyModuleDef>(),
    0,
);

// ---------------------------------------------------------------- modules

fn def_ref<'a>(vm: &Vm, def: *mut PyModuleDef) -> PyResult<&'a PyModuleDef> {
    // SAFETY: C passes a module definition that lives as long as the
    // extension (the C API's contract), or NULL.
    unsafe { def.as_ref() }.ok_or_else(|| crate::boundary::bad_internal_call(vm))
}

/// Add the functions of a NULL-terminated method table to a module.
pub fn add_functions(vm: &Vm, m: Obj, methods: *mut PyMethodDef) -> PyResult<()> {
    let mut p = methods as *const PyMethodDef;
    if p.is_null() {
        return Ok(());
    }
    loop {
        // SAFETY: the table is terminated by an entry with a NULL name.
        let d = unsafe { &*p };
        if d.ml_name.is_null() {
            return Ok(());
        }
        if d.ml_flags & (METH_CLASS | METH_STATIC) != 0 {
            return Err(vm.value_error("module functions cannot set METH_CLASS or METH_STATIC"));
        }
        let f = new_cfunction(vm, p, Some(m), Some(m))?;
        module::set_attr(vm, m, def_name(d), f)?;
        // SAFETY: not past the terminator yet.
        p = unsafe { p.add(1) };
    }
}

/// A module object for `def` named `name`: docstring, state, functions.
fn module_from_def(vm: &Vm, def: *mut PyModuleDef, name: Option<&str>) -> PyResult<Obj> {
    let d = def_ref(vm, def)?;
    let name = match name {
        Some(n) => n,
        None => cstr(vm, d.m_name)?,
    };
    let m = module::new(vm, name)?;
    init_module_object(vm, m, def)?;
    Ok(m)
}

/// Attach `def` to module `m`: state, docstring, functions.
fn init_module_object(vm: &Vm, m: Obj, def: *mut PyModuleDef) -> PyResult<()> {
    let d = def_ref(vm, def)?;
    if let Some(mo) = m.downcast::<module::ModuleObj>() {
        mo.def.set(def as *const ());
        if d.m_size > 0 && mo.state.get().is_null() {
            // Collected with the module (the module's block points at it).
            mo.state.set(vm.alloc_raw(d.m_size as usize, 0)?);
        }
    }
    if !d.m_doc.is_null() {
        module::set_attr(vm, m, "__doc__", vm.new_str(cstr(vm, d.m_doc)?)?)?;
    }
    add_functions(vm, m, d.m_methods)
}

/// `PyModule_Create2` (single-phase init).
pub fn create(vm: &Vm, def: *mut PyModuleDef) -> PyResult<Obj> {
    module_from_def(vm, def, None)
}

/// The slots of a definition, in order.
fn slots_of(def: &PyModuleDef) -> alloc::vec::Vec<(c_int, *mut c_void)> {
    let mut out = alloc::vec::Vec::new();
    let mut p = def.m_slots as *const PyModuleDefSlot;
    if p.is_null() {
        return out;
    }
    loop {
        // SAFETY: the slot array ends with a {0, NULL} entry.
        let s = unsafe { &*p };
        if s.slot == 0 {
            return out;
        }
        out.push((s.slot, s.value));
        // SAFETY: not past the terminator yet.
        p = unsafe { p.add(1) };
    }
}

/// A minimal module spec for `Py_mod_create` (`spec.name`, `.origin`).
fn make_spec(vm: &Vm, name: &str, path: Option<&str>) -> PyResult<Obj> {
    let spec = module::new(vm, "ModuleSpec")?;
    module::set_attr(vm, spec, "name", vm.new_str(name)?)?;
    let origin = match path {
        Some(p) => vm.new_str(p)?,
        None => vm.new_str("built-in")?,
    };
    module::set_attr(vm, spec, "origin", origin)?;
    module::set_attr(vm, spec, "loader", none())?;
    module::set_attr(vm, spec, "submodule_search_locations", none())?;
    let parent = name.rsplit_once('.').map(|p| p.0).unwrap_or("");
    module::set_attr(vm, spec, "parent", vm.new_str(parent)?)?;
    Ok(spec)
}

/// Multi-phase init, step 1: create the module (`Py_mod_create` or a plain
/// module).
pub fn from_def_and_spec(vm: &Vm, def: *mut PyModuleDef, spec: Obj) -> PyResult<Obj> {
    let d = def_ref(vm, def)?;
    let name_obj = ferropy_core::vm::abs::getattr_str(vm, spec, "name")?;
    let name =
        pystr::as_str(name_obj).ok_or_else(|| vm.type_error("module name must be a string"))?;
    let mut create: Option<CreateFn> = None;
    for (slot, value) in slots_of(d) {
        match slot {
            PY_MOD_CREATE => {
                if create.is_some() {
                    return Err(vm.new_error(
                        &exc::SYSTEM_ERROR,
                        &alloc::format!("module {} has multiple create slots", name),
                    ));
                }
                // SAFETY: a Py_mod_create slot holds a create function.
                create = Some(unsafe { core::mem::transmute::<*mut c_void, CreateFn>(value) });
            }
            PY_MOD_EXEC => {}
            other => {
                return Err(vm.new_error(
                    &exc::SYSTEM_ERROR,
                    &alloc::format!("module {} uses unknown slot ID {}", name, other),
                ))
            }
        }
    }
    let m = match create {
        Some(c) => {
            // SAFETY: calling the extension's create function with live objects.
            let r = unsafe { c(spec.as_ptr(), def) };
            result_from_c(vm, r, "Py_mod_create")?
        }
        None => module::new(vm, name)?,
    };
    if m.layout() == Layout::Module {
        init_module_object(vm, m, def)?;
    } else if d.m_size > 0 {
        return Err(vm.new_error(
            &exc::SYSTEM_ERROR,
            &alloc::format!(
                "module {} is not a module object but requests module state",
                name
            ),
        ));
    }
    Ok(m)
}

/// Multi-phase init, step 2: run the `Py_mod_exec` slots in order.
pub fn exec_def(vm: &Vm, m: Obj, def: *mut PyModuleDef) -> PyResult<()> {
    let d = def_ref(vm, def)?;
    for (slot, value) in slots_of(d) {
        if slot == PY_MOD_EXEC {
            // SAFETY: a Py_mod_exec slot holds an exec function.
            let f = unsafe { core::mem::transmute::<*mut c_void, ExecFn>(value) };
            let m_p = int::boxed(vm, m)?.as_ptr();
            // SAFETY: calling the extension with a live module.
            let r = unsafe { f(m_p) };
            if r != 0 {
                return Err(vm.already_raised());
            }
            if vm.exc().is_some() {
                vm.take_exc();
                return Err(vm.new_error(
                    &exc::SYSTEM_ERROR,
                    "execution of module raised unreported exception",
                ));
            }
        }
    }
    Ok(())
}

/// Run a `PyInit_<name>` function and return the initialised module.
pub fn run_init(
    vm: &Vm,
    init: unsafe extern "C" fn() -> P,
    name: &str,
    path: Option<&str>,
) -> PyResult<Obj> {
    // SAFETY: calling the extension's init function.
    let r = unsafe { init() };
    let Some(raw) = opt(r) else {
        return Err(vm.already_raised());
    };
    if raw.ty().is(&MODULEDEF_TYPE) {
        let def = r as *mut PyModuleDef;
        let spec = make_spec(vm, name, path)?;
        let m = from_def_and_spec(vm, def, spec)?;
        // Registered before exec, as CPython does (exec may import itself).
        dict::set_str(vm, vm.modules.get().unwrap_or(none()), name, m)?;
        if let Some(p) = path {
            if m.layout() == Layout::Module {
                module::set_attr(vm, m, "__file__", vm.new_str(p)?)?;
            }
        }
        exec_def(vm, m, def)?;
        return Ok(m);
    }
    let m = result_from_c(vm, r, "PyInit")?;
    Ok(m)
}

// ------------------------------------------------ modules linked in (inittab)

const INITTAB_SIZE: usize = 32;
/// `PyImport_AppendInittab` registrations: (name, init) as raw addresses.
static INITTAB: [(AtomicUsize, AtomicUsize); INITTAB_SIZE] =
    [const { (AtomicUsize::new(0), AtomicUsize::new(0)) }; INITTAB_SIZE];

pub fn append_inittab(name: *const c_char, init: Option<unsafe extern "C" fn() -> P>) -> c_int {
    let Some(init) = init else { return -1 };
    if name.is_null() {
        return -1;
    }
    for (n, f) in INITTAB.iter() {
        if n.compare_exchange(0, name as usize, Ordering::AcqRel, Ordering::Acquire)
            .is_ok()
        {
            f.store(init as usize, Ordering::Release);
            return 0;
        }
    }
    -1
}

fn find_inittab(name: &str) -> Option<unsafe extern "C" fn() -> P> {
    for (n, f) in INITTAB.iter() {
        let np = n.load(Ordering::Acquire);
        if np == 0 {
            return None;
        }
        // SAFETY: registered names are NUL-terminated C strings that the
        // caller keeps alive (CPython's contract for the inittab).
        let s = unsafe { core::ffi::CStr::from_ptr(np as *const c_char) };
        if s.to_bytes() == name.as_bytes() {
            let fp = f.load(Ordering::Acquire);
            if fp == 0 {
                return None;
            }
            // SAFETY: stored from a function pointer of this type.
            return Some(unsafe { core::mem::transmute::<usize, unsafe extern "C" fn() -> P>(fp) });
        }
    }
    None
}

/// The C API's hooks for the core's import system.
pub struct CExt;
pub static CEXT: CExt = CExt;

impl CExtensions for CExt {
    fn has_buffer(&self, o: Obj) -> bool {
        crate::buffer::c_has_buffer(o)
    }
    fn get_buffer(
        &self,
        vm: &Vm,
        o: Obj,
        flags: u32,
    ) -> PyResult<Option<ferropy_core::obj::memoryview::ExtBuffer>> {
        crate::buffer::c_export(vm, o, flags)
    }
    fn release_buffer(&self, vm: &Vm, handle: usize) {
        crate::buffer::c_release(vm, handle)
    }
    fn subclass_type_size(&self, base: &'static TypeObj) -> usize {
        crate::typeobject::subclass_type_size(base)
    }
    fn init_subclass_type(&self, vm: &Vm, base: &'static TypeObj, new: Obj) {
        crate::typeobject::init_subclass_type(vm, base, new)
    }
    fn builtin(&self, vm: &Vm, name: &str) -> PyResult<Option<Obj>> {
        match find_inittab(name) {
            Some(init) => run_init(vm, init, name, None).map(Some),
            None => Ok(None),
        }
    }
    fn init(&self, vm: &Vm, init_addr: usize, name: &str, path: &str) -> PyResult<Obj> {
        if init_addr == 0 {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        // SAFETY: the port resolved `PyInit_<name>`, a function of this type.
        let init = unsafe { core::mem::transmute::<usize, unsafe extern "C" fn() -> P>(init_addr) };
        run_init(vm, init, name, Some(path))
    }
}

// ------------------------------------------------------------- exports

fn module_arg(vm: &Vm, m: P) -> PyResult<&'static module::ModuleObj> {
    obj(vm, m)?
        .downcast::<module::ModuleObj>()
        .ok_or_else(|| crate::boundary::bad_internal_call(vm))
}

#[no_mangle]
pub unsafe extern "C" fn PyCFunction_New(def: *mut PyMethodDef, this: P) -> P {
    api(|vm| new_cfunction(vm, def, opt(this), None))
}
#[no_mangle]
pub unsafe extern "C" fn PyCFunction_NewEx(def: *mut PyMethodDef, this: P, m: P) -> P {
    api(|vm| new_cfunction(vm, def, opt(this), opt(m)))
}
#[no_mangle]
pub unsafe extern "C" fn PyCFunction_GetFunction(f: P) -> Option<unsafe extern "C" fn()> {
    // NULL with SystemError for anything but a C function (as CPython).
    let r = api(|vm| {
        def_of(obj(vm, f)?)
            .and_then(|d| d.ml_meth)
            .map(|m| m as *mut c_void)
            .ok_or_else(|| crate::boundary::bad_internal_call(vm))
            .map(CPtr)
    });
    // SAFETY: the pointer came from a PyMethodDef's ml_meth.
    (!r.is_null())
        .then(|| unsafe { core::mem::transmute::<*mut c_void, unsafe extern "C" fn()>(r) })
}
#[no_mangle]
pub unsafe extern "C" fn PyCFunction_GetSelf(f: P) -> P {
    api(|vm| {
        Ok(crate::boundary::Borrowed(
            obj(vm, f)?.downcast::<CFuncObj>().and_then(|c| c.this),
        ))
    })
}
#[no_mangle]
pub unsafe extern "C" fn PyCFunction_GetFlags(f: P) -> c_int {
    api(|vm| {
        def_of(obj(vm, f)?)
            .map(|d| d.ml_flags)
            .ok_or_else(|| crate::boundary::bad_internal_call(vm))
    })
}
#[no_mangle]
pub unsafe extern "C" fn PyModule_Create2(def: *mut PyModuleDef, _apiver: c_int) -> P {
    api(|vm| create(vm, def))
}
#[no_mangle]
pub unsafe extern "C" fn PyModuleDef_Init(def: *mut PyModuleDef) -> P {
    // SAFETY: C passes its (writable) module definition or NULL.
    if let Some(d) = unsafe { def.as_mut() } {
        d.m_base.ob_base.ty = &MODULEDEF_TYPE;
        d.m_base.ob_base.refcnt.set_mut(IMMORTAL);
    }
    def as P
}
#[no_mangle]
pub unsafe extern "C" fn PyModule_FromDefAndSpec2(
    def: *mut PyModuleDef,
    spec: P,
    _apiver: c_int,
) -> P {
    api(|vm| from_def_and_spec(vm, def, obj(vm, spec)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyModule_ExecDef(m: P, def: *mut PyModuleDef) -> c_int {
    api(|vm| exec_def(vm, obj(vm, m)?, def))
}
#[no_mangle]
pub unsafe extern "C" fn PyModule_New(name: *const c_char) -> P {
    api(|vm| module::new(vm, cstr(vm, name)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyModule_NewObject(name: P) -> P {
    api(|vm| {
        module::new(
            vm,
            pystr::as_str(obj(vm, name)?).ok_or_else(|| crate::boundary::bad_internal_call(vm))?,
        )
    })
}
#[no_mangle]
pub unsafe extern "C" fn PyModule_GetDict(m: P) -> P {
    api(|vm| {
        let mo = module_arg(vm, m)?;
        // `builtins` fills in its native functions on first full use.
        if vm.builtins.get().is_some_and(|b| b.as_ptr() == m) {
            ferropy_core::builtins::materialize(vm)?;
        }
        Ok(crate::boundary::Borrowed(Some(mo.dict.get())))
    })
}
#[no_mangle]
pub unsafe extern "C" fn PyModule_GetNameObject(m: P) -> P {
    api(|vm| ferropy_core::vm::abs::getattr_str(vm, obj(vm, m)?, "__name__"))
}
#[no_mangle]
pub unsafe extern "C" fn PyModule_GetName(m: P) -> *const c_char {
    api(|vm| {
        let n = dict::get_str(vm, module_arg(vm, m)?.dict.get(), "__name__")?
            .filter(|n| pystr::is_str(*n));
        let n = n.ok_or_else(|| vm.new_error(&exc::SYSTEM_ERROR, "nameless module"))?;
        Ok(CPtr(crate::types::utf8_ptr(n) as *mut c_char))
    })
}
#[no_mangle]
pub unsafe extern "C" fn PyModule_GetDef(m: P) -> *mut PyModuleDef {
    api(|vm| Ok(CPtr(module_arg(vm, m)?.def.get() as *mut PyModuleDef)))
}
#[no_mangle]
pub unsafe extern "C" fn PyModule_GetState(m: P) -> *mut c_void {
    api(|vm| Ok(CPtr(module_arg(vm, m)?.state.get() as *mut c_void)))
}
#[no_mangle]
pub unsafe extern "C" fn PyModule_AddFunctions(m: P, methods: *mut PyMethodDef) -> c_int {
    api(|vm| add_functions(vm, obj(vm, m)?, methods))
}
#[no_mangle]
pub unsafe extern "C" fn PyModule_SetDocString(m: P, doc: *const c_char) -> c_int {
    api(|vm| module::set_attr(vm, obj(vm, m)?, "__doc__", vm.new_str(cstr(vm, doc)?)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyModule_AddObjectRef(m: P, name: *const c_char, v: P) -> c_int {
    api(|vm| module::set_attr(vm, obj(vm, m)?, cstr(vm, name)?, obj(vm, v)?))
}
/// Steals `v` on success only (CPython's documented quirk).
#[no_mangle]
pub unsafe extern "C" fn PyModule_AddObject(m: P, name: *const c_char, v: P) -> c_int {
    // SAFETY: same arguments, same contract.
    let r = unsafe { PyModule_AddObjectRef(m, name, v) };
    if r == 0 {
        steal(v);
    }
    r
}
#[no_mangle]
pub unsafe extern "C" fn PyModule_AddIntConstant(m: P, name: *const c_char, v: c_long) -> c_int {
    api(|vm| {
        module::set_attr(
            vm,
            obj(vm, m)?,
            cstr(vm, name)?,
            int::new_i64(vm, i64::from(v))?,
        )
    })
}
#[no_mangle]
pub unsafe extern "C" fn PyModule_AddStringConstant(
    m: P,
    name: *const c_char,
    v: *const c_char,
) -> c_int {
    api(|vm| module::set_attr(vm, obj(vm, m)?, cstr(vm, name)?, vm.new_str(cstr(vm, v)?)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyImport_AppendInittab(
    name: *const c_char,
    init: Option<unsafe extern "C" fn() -> P>,
) -> c_int {
    append_inittab(name, init)
}
