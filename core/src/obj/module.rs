//! `module`: a namespace dict with a name.

use super::{dict, exc, str as pystr, Args, Layout, Obj, ObjHead, PyPayload, Slots, TypeObj};
use crate::getset;
use crate::vm::{PyResult, Vm};
use core::cell::Cell;

#[repr(C)]
pub struct ModuleObj {
    pub head: ObjHead,
    pub dict: Cell<Obj>,
    /// Module state of C extension modules (PyModule_GetState), or null.
    pub state: Cell<*mut u8>,
    /// The C `PyModuleDef`, if created from one.
    pub def: Cell<*const ()>,
}
// SAFETY: repr(C), header first.
unsafe impl PyPayload for ModuleObj {
    const LAYOUT: Layout = Layout::Module;
}

/// A new module named `name` with `__name__`, `__doc__`, `__package__`,
/// `__loader__` and `__spec__` set.
pub fn new(vm: &Vm, name: &str) -> PyResult<Obj> {
    let d = dict::new(vm)?;
    let m = vm.alloc_obj(ModuleObj {
        head: ObjHead {
            refcnt: crate::obj::RefCnt::new(0),
            ty: &MODULE_TYPE,
        },
        dict: Cell::new(d),
        state: Cell::new(core::ptr::null_mut()),
        def: Cell::new(core::ptr::null()),
    })?;
    let n = vm.intern(name)?;
    dict::set_str(vm, d, "__name__", n)?;
    dict::set_str(vm, d, "__doc__", super::none())?;
    dict::set_str(vm, d, "__package__", super::none())?;
    dict::set_str(vm, d, "__loader__", super::none())?;
    dict::set_str(vm, d, "__spec__", super::none())?;
    Ok(m)
}

/// The module's namespace dict.
pub fn dict_of(m: Obj) -> Obj {
    m.downcast::<ModuleObj>()
        .map(|m| m.dict.get())
        .unwrap_or(super::none())
}

/// The module's `__name__` (or "?").
pub fn name(m: Obj) -> &'static str {
    match m.downcast::<ModuleObj>() {
        Some(mo) => {
            let d = mo.dict.get();
            for i in 0..dict::used(d) {
                if let Some((k, v)) = dict::entry_at(d, i) {
                    if pystr::as_str(k) == Some("__name__") {
                        return pystr::as_str(v).unwrap_or("?");
                    }
                }
            }
            "?"
        }
        None => "?",
    }
}

/// Set an attribute of a module from Rust.
pub fn set_attr(vm: &Vm, m: Obj, name: &str, v: Obj) -> PyResult<()> {
    dict::set_str(vm, dict_of(m), name, v)
}

fn module_getattr(vm: &Vm, m: Obj, name: Obj) -> PyResult<Option<Obj>> {
    // The module's namespace comes before the type's plain attributes (its
    // `__doc__`, ...); only the type's data descriptors come first.
    let d = dict_of(m);
    let data_descr = matches!(pystr::as_str(name), Some("__class__" | "__dict__"));
    if !data_descr {
        if let Some(v) = dict::get(vm, d, name)? {
            return Ok(Some(v));
        }
    }
    if let Some(v) = super::typeobj::generic_getattr(vm, m, name)? {
        return Ok(Some(v));
    }
    if vm.builtins.get().map(|b| b.is(m)).unwrap_or(false) {
        if let Some(v) = crate::builtins::lookup_static_live(vm, name) {
            return Ok(Some(v));
        }
    }
    // PEP 562 module __getattr__.
    if let Some(f) = dict::get_str(vm, d, "__getattr__")? {
        return crate::vm::call::call(vm, f, &[name]).map(Some);
    }
    Ok(None)
}

fn module_setattr(vm: &Vm, m: Obj, name: Obj, v: Option<Obj>) -> PyResult<()> {
    let d = dict_of(m);
    match v {
        Some(v) => dict::set(vm, d, name, v),
        None => {
            if vm.builtins.get().is_some_and(|b| b.is(m)) {
                // The static builtins become dict entries, so that the
                // deleted one is really gone.
                crate::builtins::materialize(vm)?;
            }
            if dict::del(vm, d, name)? {
                Ok(())
            } else {
                // CPython's generic delete names the type, not the module.
                Err(vm.new_error(
                    &exc::ATTRIBUTE_ERROR,
                    &alloc::format!(
                        "'module' object has no attribute '{}'",
                        pystr::as_str(name).unwrap_or("?")
                    ),
                ))
            }
        }
    }
}

fn module_repr(vm: &Vm, m: Obj) -> PyResult<Obj> {
    let d = dict_of(m);
    let file = dict::get_str(vm, d, "__file__")?.and_then(pystr::as_str);
    match file {
        Some(f) => vm.new_string(alloc::format!("<module '{}' from '{}'>", name(m), f)),
        None if crate::modules::frozen::names().any(|n| n == name(m)) => {
            vm.new_string(alloc::format!("<module '{}' (frozen)>", name(m)))
        }
        None => vm.new_string(alloc::format!("<module '{}' (built-in)>", name(m))),
    }
}

fn module_new(vm: &Vm, _t: &'static TypeObj, args: &Args) -> PyResult<Obj> {
    let [n, doc] = args.bind(vm, "module", ["name", "doc"], 1)?;
    let n = n.unwrap_or(super::none());
    let s = pystr::as_str(n)
        .ok_or_else(|| vm.type_error("module.__init__() argument 'name' must be str"))?;
    let m = new(vm, s)?;
    if let Some(doc) = doc {
        set_attr(vm, m, "__doc__", doc)?;
    }
    Ok(m)
}

fn module_get_dict(vm: &Vm, m: Obj) -> PyResult<Obj> {
    if vm.builtins.get().map(|b| b.is(m)).unwrap_or(false) {
        crate::builtins::materialize(vm)?;
    }
    Ok(dict_of(m))
}

fn module_dir(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "__dir__", 1, 1)?;
    if vm
        .builtins
        .get()
        .map(|b| b.is(args.pos[0]))
        .unwrap_or(false)
    {
        crate::builtins::materialize(vm)?;
    }
    let keys = dict::keys_vec(dict_of(args.pos[0]));
    super::list::new(vm, &keys)
}

static MODULE_ATTRS: [super::attr::AttrEntry; 2] = [
    getset!("__dict__", module_get_dict),
    crate::method!("__dir__", module_dir),
];

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static MODULE_TYPE: TypeObj = TypeObj::builtin(
    "module",
    Layout::Module,
    Some(&super::typeobj::OBJECT_TYPE),
    Slots {
        getattr: Some(module_getattr),
        setattr: Some(module_setattr),
        repr: Some(module_repr),
        new: Some(module_new),
        ..Slots::EMPTY
    },
    &MODULE_ATTRS,
    core::mem::size_of::<ModuleObj>(),
    super::tpflags::BASETYPE,
);

#[allow(dead_code)]
fn unused(_: &exc::ExcObj) {}
