//! Builtin functions and attribute tables of builtin types.
//!
//! A builtin type lists its methods and properties in a static table of
//! [`AttrEntry`]s made with the [`method!`](crate::method),
//! [`classmethod!`](crate::classmethod), [`staticmethod!`](crate::staticmethod)
//! and [`getset!`](crate::getset) macros. The objects in the table are
//! immortal statics, so a builtin type costs no RAM.
#![allow(unsafe_code)]

use super::{Args, Layout, Obj, ObjHead, PyPayload, Slots, TypeObj};
use crate::vm::{PyResult, Vm};
use alloc::string::String;

/// Native function: `args.pos[0]` is `self` for methods.
pub type NativeFn = fn(&Vm, &Args) -> PyResult<Obj>;

#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum FnKind {
    /// A plain function (module level).
    Function,
    /// An instance method: bound when read from an instance.
    Method,
    /// Bound to the type when read.
    ClassMethod,
    /// Never bound.
    StaticMethod,
}

/// A builtin function or method (static).
#[repr(C)]
pub struct BuiltinFunc {
    pub head: ObjHead,
    pub name: &'static str,
    pub f: NativeFn,
    pub kind: FnKind,
    pub doc: &'static str,
}
// SAFETY: repr(C), header first.
unsafe impl PyPayload for BuiltinFunc {
    const LAYOUT: Layout = Layout::Builtin;
}

impl BuiltinFunc {
    pub const fn new(name: &'static str, f: NativeFn, kind: FnKind) -> BuiltinFunc {
        BuiltinFunc {
            head: ObjHead::immortal(&BUILTIN_FUNCTION_TYPE),
            name,
            f,
            kind,
            doc: "",
        }
    }
}

/// A property of a builtin type, implemented natively.
#[repr(C)]
pub struct GetSet {
    pub head: ObjHead,
    pub name: &'static str,
    pub get: fn(&Vm, Obj) -> PyResult<Obj>,
    pub set: Option<fn(&Vm, Obj, Option<Obj>) -> PyResult<()>>,
}
// SAFETY: repr(C), header first.
unsafe impl PyPayload for GetSet {
    const LAYOUT: Layout = Layout::GetSet;
}

impl GetSet {
    pub const fn new(
        name: &'static str,
        get: fn(&Vm, Obj) -> PyResult<Obj>,
        set: Option<fn(&Vm, Obj, Option<Obj>) -> PyResult<()>>,
    ) -> GetSet {
        GetSet {
            head: ObjHead::immortal(&GETSET_TYPE),
            name,
            get,
            set,
        }
    }
}

/// A pointer to an immortal static object (usable in static tables).
#[derive(Copy, Clone)]
pub struct StaticObj(pub *const ObjHead);
// SAFETY: points at an immortal, never-written static.
unsafe impl Sync for StaticObj {}

impl StaticObj {
    #[inline]
    pub fn get(self) -> Obj {
        // SAFETY: the pointer is a static object's header.
        unsafe { Obj::from_ptr(self.0) }
    }
}

/// One attribute of a builtin type.
#[derive(Copy, Clone)]
pub struct AttrEntry {
    pub name: &'static str,
    pub obj: StaticObj,
}

/// `method!("name", function)`: an instance method entry.
#[macro_export]
macro_rules! method {
    ($name:expr, $f:expr) => {{
        static F: $crate::obj::attr::BuiltinFunc =
            $crate::obj::attr::BuiltinFunc::new($name, $f, $crate::obj::attr::FnKind::Method);
        $crate::obj::attr::AttrEntry {
            name: $name,
            obj: $crate::obj::attr::StaticObj(&F.head),
        }
    }};
}

/// `classmethod!("name", function)`: `args.pos[0]` is the class.
#[macro_export]
macro_rules! classmethod {
    ($name:expr, $f:expr) => {{
        static F: $crate::obj::attr::BuiltinFunc =
            $crate::obj::attr::BuiltinFunc::new($name, $f, $crate::obj::attr::FnKind::ClassMethod);
        $crate::obj::attr::AttrEntry {
            name: $name,
            obj: $crate::obj::attr::StaticObj(&F.head),
        }
    }};
}

/// `staticmethod!("name", function)`.
#[macro_export]
macro_rules! staticmethod {
    ($name:expr, $f:expr) => {{
        static F: $crate::obj::attr::BuiltinFunc =
            $crate::obj::attr::BuiltinFunc::new($name, $f, $crate::obj::attr::FnKind::StaticMethod);
        $crate::obj::attr::AttrEntry {
            name: $name,
            obj: $crate::obj::attr::StaticObj(&F.head),
        }
    }};
}

/// `getset!("name", getter)` or `getset!("name", getter, setter)`.
#[macro_export]
macro_rules! getset {
    ($name:expr, $g:expr) => {{
        static G: $crate::obj::attr::GetSet = $crate::obj::attr::GetSet::new($name, $g, None);
        $crate::obj::attr::AttrEntry {
            name: $name,
            obj: $crate::obj::attr::StaticObj(&G.head),
        }
    }};
    ($name:expr, $g:expr, $s:expr) => {{
        static G: $crate::obj::attr::GetSet = $crate::obj::attr::GetSet::new($name, $g, Some($s));
        $crate::obj::attr::AttrEntry {
            name: $name,
            obj: $crate::obj::attr::StaticObj(&G.head),
        }
    }};
}

/// `function!("name", f)`: a module-level builtin function object.
#[macro_export]
macro_rules! function {
    ($name:expr, $f:expr) => {{
        static F: $crate::obj::attr::BuiltinFunc =
            $crate::obj::attr::BuiltinFunc::new($name, $f, $crate::obj::attr::FnKind::Function);
        $crate::obj::attr::AttrEntry {
            name: $name,
            obj: $crate::obj::attr::StaticObj(&F.head),
        }
    }};
}

/// `constant!("name", STATIC_OBJECT)`: a static object (e.g. a type).
#[macro_export]
macro_rules! constant {
    ($name:expr, $o:expr) => {{
        $crate::obj::attr::AttrEntry {
            name: $name,
            obj: $crate::obj::attr::StaticObj(&($o).head),
        }
    }};
}

fn builtin_call(vm: &Vm, f: Obj, args: &Args) -> PyResult<Obj> {
    // SAFETY: this slot is only installed on types with the Builtin layout.
    let b = unsafe { f.cast::<BuiltinFunc>() };
    (b.f)(vm, args)
}

fn builtin_repr(vm: &Vm, f: Obj) -> PyResult<Obj> {
    // SAFETY: only installed on Builtin-layout types.
    let b = unsafe { f.cast::<BuiltinFunc>() };
    vm.new_string(alloc::format!("<built-in function {}>", b.name))
}

fn builtin_descr_get(vm: &Vm, f: Obj, inst: Option<Obj>, owner: Obj) -> PyResult<Obj> {
    // SAFETY: only installed on Builtin-layout types.
    let b = unsafe { f.cast::<BuiltinFunc>() };
    match b.kind {
        FnKind::Method => match inst {
            Some(i) => super::func::new_bound_method(vm, f, i),
            None => method_descr(vm, f, owner),
        },
        FnKind::ClassMethod => super::func::new_bound_method(vm, f, owner),
        FnKind::StaticMethod | FnKind::Function => Ok(f),
    }
}

/// The one `method_descriptor` of builtin method `f` read from class
/// `owner` (the cache is looked up before the defining type is searched
/// for; `f` itself when no builtin type on the MRO lists it).
pub fn method_descr(vm: &Vm, f: Obj, owner: Obj) -> PyResult<Obj> {
    let cache = match vm.method_descrs.get() {
        Some(c) => c,
        None => {
            let c = super::dict::new(vm)?;
            vm.method_descrs.set(Some(c));
            c
        }
    };
    if let Some(d) = super::dict::get(vm, cache, f)? {
        return Ok(d);
    }
    let Some(t) = owner.as_type().and_then(|t| defining_type(t, f)) else {
        return Ok(f);
    };
    // SAFETY: `f` came from a builtin type's table (Builtin layout).
    let name = unsafe { f.cast::<BuiltinFunc>() }.name;
    let d = vm.alloc_obj(MethodDescr {
        head: ObjHead {
            refcnt: super::RefCnt::new(0),
            ty: if is_slot_of(t.layout, name) {
                &WRAPPER_DESCR_TYPE
            } else {
                &METHOD_DESCR_TYPE
            },
        },
        func: f,
        owner: t,
    })?;
    super::dict::set(vm, cache, f, d)?;
    Ok(d)
}

/// The builtin type on `t`'s MRO whose attribute table holds `f`.
pub fn defining_type(t: &'static TypeObj, f: Obj) -> Option<&'static TypeObj> {
    super::typeobj::mro_of(t).find(|t| !t.is_heap() && t.attrs.iter().any(|e| e.obj.get().is(f)))
}

/// An instance method of a builtin type read from the type (`dict.keys`),
/// CPython's `method_descriptor`: calling it checks that the first argument
/// is an instance of the defining type, so `dict.keys([])` raises TypeError.
#[repr(C)]
pub struct MethodDescr {
    pub head: ObjHead,
    /// The `BuiltinFunc`.
    pub func: Obj,
    pub owner: &'static TypeObj,
}
// SAFETY: repr(C), header first.
unsafe impl PyPayload for MethodDescr {
    const LAYOUT: Layout = Layout::MethodDescr;
}

fn descr_parts(d: Obj) -> (&'static BuiltinFunc, &'static TypeObj) {
    // SAFETY: only installed on MethodDescr-layout types, whose `func` is a
    // BuiltinFunc.
    let m = unsafe { d.cast::<MethodDescr>() };
    // SAFETY: as above.
    (unsafe { m.func.cast::<BuiltinFunc>() }, m.owner)
}

fn descr_call(vm: &Vm, d: Obj, args: &Args) -> PyResult<Obj> {
    let (b, owner) = descr_parts(d);
    match args.pos.first() {
        None => Err(vm.type_error(&alloc::format!(
            "unbound method {}.{}() needs an argument",
            owner.name(),
            b.name
        ))),
        // (Dunders are CPython's slot wrappers, with their own wording.)
        Some(s) if !s.ty().is_subtype(owner) => {
            Err(vm.type_error(&if d.ty().is(&WRAPPER_DESCR_TYPE) {
                alloc::format!(
                    "descriptor '{}' requires a '{}' object but received a '{}'",
                    b.name,
                    owner.name(),
                    s.ty().name()
                )
            } else {
                alloc::format!(
                    "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                    b.name,
                    owner.name(),
                    s.ty().name()
                )
            }))
        }
        Some(_) => (b.f)(vm, args),
    }
}

/// Is builtin method `name` of instances with `layout` a CPython slot
/// wrapper? (list and dict define `__getitem__`, dict and set
/// `__contains__`, as ordinary methods besides the slot.)
pub fn is_slot_of(layout: Layout, name: &str) -> bool {
    is_slot_name(name)
        && !matches!(
            (layout, name),
            (Layout::List | Layout::Dict, "__getitem__")
                | (Layout::Dict | Layout::Set, "__contains__")
        )
}

/// Is `name` one of CPython's type slots (a `wrapper_descriptor` when read
/// from a builtin type, a `method-wrapper` when bound)? Other dunders, such
/// as `__format__` or `__reduce__`, are plain methods there.
pub fn is_slot_name(name: &str) -> bool {
    let Some(core) = name.strip_prefix("__").and_then(|n| n.strip_suffix("__")) else {
        return false;
    };
    let core = core
        .strip_prefix('i')
        .filter(|c| INPLACE.contains(c))
        .unwrap_or(core);
    let core = core
        .strip_prefix('r')
        .filter(|c| NUMERIC.contains(c))
        .unwrap_or(core);
    NUMERIC.contains(&core) || OTHER_SLOTS.contains(&core)
}
/// Binary operators (with reflected `__r*__` forms).
const NUMERIC: &[&str] = &[
    "add", "sub", "mul", "matmul", "truediv", "floordiv", "mod", "divmod", "pow", "lshift",
    "rshift", "and", "or", "xor",
];
/// Operators with in-place `__i*__` forms.
const INPLACE: &[&str] = &[
    "add", "sub", "mul", "matmul", "truediv", "floordiv", "mod", "pow", "lshift", "rshift", "and",
    "or", "xor",
];
const OTHER_SLOTS: &[&str] = &[
    "repr",
    "str",
    "hash",
    "call",
    "getattribute",
    "getattr",
    "setattr",
    "delattr",
    "lt",
    "le",
    "eq",
    "ne",
    "gt",
    "ge",
    "iter",
    "next",
    "get",
    "set",
    "delete",
    "init",
    "del",
    "await",
    "aiter",
    "anext",
    "neg",
    "pos",
    "abs",
    "invert",
    "bool",
    "int",
    "float",
    "index",
    "len",
    "getitem",
    "setitem",
    "delitem",
    "contains",
];

fn descr_repr(vm: &Vm, d: Obj) -> PyResult<Obj> {
    let (b, owner) = descr_parts(d);
    let what = if d.ty().is(&WRAPPER_DESCR_TYPE) {
        "slot wrapper"
    } else {
        "method"
    };
    vm.new_string(alloc::format!(
        "<{} '{}' of '{}' objects>",
        what,
        b.name,
        owner.name()
    ))
}

fn descr_get(vm: &Vm, d: Obj, inst: Option<Obj>, _owner: Obj) -> PyResult<Obj> {
    // SAFETY: only installed on MethodDescr-layout types.
    let m = unsafe { d.cast::<MethodDescr>() };
    match inst {
        // CPython's descr_check: binding to an instance of another type
        // raises (so `A().values()` with `values = dict.values` in class A).
        Some(i) if !i.ty().is_subtype(m.owner) => {
            let (b, owner) = descr_parts(d);
            Err(vm.type_error(&alloc::format!(
                "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                b.name,
                owner.name(),
                i.ty().name()
            )))
        }
        Some(i) => super::func::new_bound_method(vm, m.func, i),
        None => Ok(d),
    }
}

fn descr_name(vm: &Vm, d: Obj) -> PyResult<Obj> {
    vm.new_str(descr_parts(d).0.name)
}
fn descr_qualname(vm: &Vm, d: Obj) -> PyResult<Obj> {
    let (b, owner) = descr_parts(d);
    vm.new_string(alloc::format!("{}.{}", owner.name(), b.name))
}
fn descr_doc(vm: &Vm, d: Obj) -> PyResult<Obj> {
    // SAFETY: only installed on MethodDescr-layout types.
    get_doc(vm, unsafe { d.cast::<MethodDescr>() }.func)
}
fn descr_objclass(_vm: &Vm, d: Obj) -> PyResult<Obj> {
    Ok(descr_parts(d).1.as_obj())
}

/// `descr.__get__(instance, owner=None)`.
fn descr_m_get(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "__get__", 2, 3)?;
    let (d, inst) = (args.pos[0], args.pos[1]);
    let owner = args.pos.get(2).copied().filter(|o| !o.is_none());
    let (b, t) = descr_parts(d);
    if inst.is_none() {
        if owner.is_none() {
            return Err(vm.type_error("__get__(None, None) is invalid"));
        }
        return Ok(d);
    }
    if !inst.ty().is_subtype(t) {
        return Err(vm.type_error(&alloc::format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            b.name,
            t.name(),
            inst.ty().name()
        )));
    }
    descr_get(vm, d, Some(inst), owner.unwrap_or(super::none()))
}

/// `f.__call__(*args, **kwargs)` of callable builtin objects (functions,
/// methods, descriptors): calls `f` through its call slot.
pub fn w_call(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let rest = Args {
        pos: &args.pos[1..],
        kw: args.kw,
        kwnames: args.kwnames,
    };
    crate::vm::call::call_args(vm, args.pos[0], &rest)
}

static METHOD_DESCR_ATTRS: [AttrEntry; 6] = [
    getset!("__name__", descr_name),
    getset!("__qualname__", descr_qualname),
    getset!("__doc__", descr_doc),
    getset!("__objclass__", descr_objclass),
    method!("__get__", descr_m_get),
    method!("__call__", w_call),
];

const DESCR_SLOTS: Slots = Slots {
    call: Some(descr_call),
    repr: Some(descr_repr),
    descr_get: Some(descr_get),
    getattr: Some(super::typeobj::generic_getattr),
    ..Slots::EMPTY
};

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static METHOD_DESCR_TYPE: TypeObj = TypeObj::builtin(
    "method_descriptor",
    Layout::MethodDescr,
    Some(&super::typeobj::OBJECT_TYPE),
    DESCR_SLOTS,
    &METHOD_DESCR_ATTRS,
    core::mem::size_of::<MethodDescr>(),
    0,
);

/// A type slot read from a builtin type (`object.__init__`, `int.__add__`).
#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static WRAPPER_DESCR_TYPE: TypeObj = TypeObj::builtin(
    "wrapper_descriptor",
    Layout::MethodDescr,
    Some(&super::typeobj::OBJECT_TYPE),
    DESCR_SLOTS,
    &METHOD_DESCR_ATTRS,
    core::mem::size_of::<MethodDescr>(),
    0,
);

/// `exit` and `quit` of the builtins (CPython's `site.Quitter`): calling
/// one raises `SystemExit`; its repr says how to leave the REPL.
#[repr(C)]
pub struct Quitter {
    pub head: ObjHead,
    pub name: &'static str,
}
// SAFETY: repr(C), header first.
unsafe impl PyPayload for Quitter {
    const LAYOUT: Layout = Layout::Other;
}

fn quitter_name(o: Obj) -> &'static str {
    // SAFETY: this type's only instances are the two `Quitter` statics.
    unsafe { o.cast::<Quitter>() }.name
}

fn quitter_repr(vm: &Vm, o: Obj) -> PyResult<Obj> {
    vm.new_string(alloc::format!(
        "Use {}() or Ctrl-D (i.e. EOF) to exit",
        quitter_name(o)
    ))
}

fn quitter_call(vm: &Vm, o: Obj, args: &Args) -> PyResult<Obj> {
    args.check(vm, quitter_name(o), 0, 1)?;
    // `exit()` is `SystemExit(None)`, as CPython's Quitter.
    let code = [args.pos.first().copied().unwrap_or(super::none())];
    let e = super::exc::new_exception_raw(vm, &super::exc::SYSTEM_EXIT, &code)?;
    Err(vm.raise(e))
}

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static QUITTER_TYPE: TypeObj = TypeObj::builtin(
    "Quitter",
    Layout::Other,
    Some(&super::typeobj::OBJECT_TYPE),
    Slots {
        call: Some(quitter_call),
        repr: Some(quitter_repr),
        getattr: Some(super::typeobj::generic_getattr),
        ..Slots::EMPTY
    },
    &[],
    core::mem::size_of::<Quitter>(),
    0,
);

pub static EXIT: Quitter = Quitter {
    head: ObjHead::immortal(&QUITTER_TYPE),
    name: "exit",
};
pub static QUIT: Quitter = Quitter {
    head: ObjHead::immortal(&QUITTER_TYPE),
    name: "quit",
};

fn get_name(vm: &Vm, f: Obj) -> PyResult<Obj> {
    // SAFETY: getset installed on Builtin layout only.
    let b = unsafe { f.cast::<BuiltinFunc>() };
    vm.new_str(b.name)
}
fn get_doc(vm: &Vm, f: Obj) -> PyResult<Obj> {
    // SAFETY: getset installed on Builtin layout only.
    let b = unsafe { f.cast::<BuiltinFunc>() };
    if b.doc.is_empty() {
        Ok(super::none())
    } else {
        vm.new_str(b.doc)
    }
}

static BUILTIN_ATTRS: [AttrEntry; 4] = [
    getset!("__name__", get_name),
    getset!("__qualname__", get_name),
    getset!("__doc__", get_doc),
    method!("__call__", w_call),
];

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static BUILTIN_FUNCTION_TYPE: TypeObj = TypeObj::builtin(
    "builtin_function_or_method",
    Layout::Builtin,
    Some(&super::typeobj::OBJECT_TYPE),
    Slots {
        call: Some(builtin_call),
        repr: Some(builtin_repr),
        descr_get: Some(builtin_descr_get),
        getattr: Some(super::typeobj::generic_getattr),
        ..Slots::EMPTY
    },
    &BUILTIN_ATTRS,
    core::mem::size_of::<BuiltinFunc>(),
    0,
);

fn getset_descr_get(vm: &Vm, d: Obj, inst: Option<Obj>, _owner: Obj) -> PyResult<Obj> {
    // SAFETY: only installed on GetSet-layout types.
    let g = unsafe { d.cast::<GetSet>() };
    match inst {
        Some(i) => (g.get)(vm, i),
        None => Ok(d),
    }
}

fn getset_descr_set(vm: &Vm, d: Obj, inst: Obj, v: Option<Obj>) -> PyResult<()> {
    // SAFETY: only installed on GetSet-layout types.
    let g = unsafe { d.cast::<GetSet>() };
    match g.set {
        Some(s) => s(vm, inst, v),
        None => Err(vm.new_error(
            &super::exc::ATTRIBUTE_ERROR,
            &alloc::format!(
                "attribute '{}' of '{}' objects is not writable",
                g.name,
                inst.ty().name()
            ),
        )),
    }
}

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static GETSET_TYPE: TypeObj = TypeObj::builtin(
    "getset_descriptor",
    Layout::GetSet,
    Some(&super::typeobj::OBJECT_TYPE),
    Slots {
        descr_get: Some(getset_descr_get),
        descr_set: Some(getset_descr_set),
        getattr: Some(super::typeobj::generic_getattr),
        ..Slots::EMPTY
    },
    &[],
    core::mem::size_of::<GetSet>(),
    0,
);

/// Find a builtin type's attribute by name.
pub fn find(attrs: &'static [AttrEntry], name: &str) -> Option<Obj> {
    attrs.iter().find(|e| e.name == name).map(|e| e.obj.get())
}

/// The TypeError message of a builtin method given `n` arguments (besides
/// `self`) where it takes `min..=max` (see [`Args::check_method`]).
pub fn positional_count_message(
    tyname: &str,
    name: &str,
    min: usize,
    max: usize,
    n: usize,
) -> String {
    let s = |k: usize| if k == 1 { "" } else { "s" };
    // The search methods of str/bytes parse their arguments the old way.
    let old_style = matches!(
        name,
        "count" | "find" | "rfind" | "index" | "rindex" | "startswith" | "endswith"
    );
    match (min, max) {
        _ if old_style && min != max => alloc::format!(
            "{}() takes at {} {} argument{} ({} given)",
            name,
            if n < min { "least" } else { "most" },
            if n < min { min } else { max },
            s(if n < min { min } else { max }),
            n
        ),
        (0, 0) => alloc::format!("{}.{}() takes no arguments ({} given)", tyname, name, n),
        (1, 1) => alloc::format!(
            "{}.{}() takes exactly one argument ({} given)",
            tyname,
            name,
            n
        ),
        _ if min == max => {
            alloc::format!("{} expected {} argument{}, got {}", name, min, s(min), n)
        }
        _ if n < min => {
            alloc::format!(
                "{} expected at least {} argument{}, got {}",
                name,
                min,
                s(min),
                n
            )
        }
        _ => alloc::format!(
            "{} expected at most {} argument{}, got {}",
            name,
            max,
            s(max),
            n
        ),
    }
}

/// Argument helpers for native functions.
impl<'a> Args<'a> {
    /// Check the positional count and that no keywords were passed.
    pub fn check(&self, vm: &Vm, fname: &str, min: usize, max: usize) -> PyResult<()> {
        if self.has_kw() {
            return Err(vm.type_error(&alloc::format!("{}() takes no keyword arguments", fname)));
        }
        let n = self.pos.len();
        if n < min || n > max {
            let msg = if min == max {
                alloc::format!(
                    "{}() takes exactly {} argument{} ({} given)",
                    fname,
                    min,
                    if min == 1 { "" } else { "s" },
                    n
                )
            } else if n < min {
                alloc::format!(
                    "{}() takes at least {} argument{} ({} given)",
                    fname,
                    min,
                    if min == 1 { "" } else { "s" },
                    n
                )
            } else {
                alloc::format!(
                    "{}() takes at most {} argument{} ({} given)",
                    fname,
                    max,
                    if max == 1 { "" } else { "s" },
                    n
                )
            };
            return Err(vm.type_error(&msg));
        }
        Ok(())
    }
    /// `PyArg_UnpackTuple`'s check: no keywords, `min..=max` positional
    /// arguments (`slice expected at least 1 argument, got 0`).
    pub fn check_unpack(&self, vm: &Vm, name: &str, min: usize, max: usize) -> PyResult<()> {
        if self.has_kw() {
            return Err(vm.type_error(&alloc::format!("{}() takes no keyword arguments", name)));
        }
        let n = self.pos.len();
        if n >= min && n <= max {
            return Ok(());
        }
        let (how, k) = if min == max {
            ("", min)
        } else if n < min {
            ("at least ", min)
        } else {
            ("at most ", max)
        };
        Err(vm.type_error(&alloc::format!(
            "{} expected {}{} argument{}, got {}",
            name,
            how,
            k,
            if k == 1 { "" } else { "s" },
            n
        )))
    }
    /// Check the arguments of a builtin method (`self` not counted) with
    /// CPython 3.11's messages: a method of no argument or of one (METH_NOARGS,
    /// METH_O) is named with its type (`str.upper() takes no arguments (1
    /// given)`), the others as Argument Clinic does (`replace expected at
    /// least 2 arguments, got 1`).
    pub fn check_method(
        &self,
        vm: &Vm,
        tyname: &str,
        name: &str,
        min: usize,
        max: usize,
    ) -> PyResult<()> {
        if self.has_kw() {
            return Err(vm.type_error(&alloc::format!(
                "{}.{}() takes no keyword arguments",
                tyname,
                name
            )));
        }
        let n = self.pos.len();
        if n >= min && n <= max {
            return Ok(());
        }
        Err(vm.type_error(&positional_count_message(tyname, name, min, max, n)))
    }
    /// Bind positional and keyword arguments to `names` (in order); the
    /// first `required` are mandatory. Unknown keywords are an error.
    pub fn bind<const N: usize>(
        &self,
        vm: &Vm,
        fname: &str,
        names: [&str; N],
        required: usize,
    ) -> PyResult<[Option<Obj>; N]> {
        let mut out = [None; N];
        if self.pos.len() > N {
            return Err(vm.type_error(&alloc::format!(
                "{}() takes at most {} argument{} ({} given)",
                fname,
                N,
                if N == 1 { "" } else { "s" },
                self.pos.len()
            )));
        }
        for (i, v) in self.pos.iter().enumerate() {
            out[i] = Some(*v);
        }
        for (i, v) in self.kw.iter().enumerate() {
            let k = self.kwname(i);
            let ks = super::str::as_str(k).unwrap_or("");
            match names.iter().position(|n| *n == ks) {
                Some(j) => {
                    if out[j].is_some() {
                        return Err(vm.type_error(&alloc::format!(
                            "argument for {}() given by name ('{}') and position ({})",
                            fname,
                            ks,
                            j + 1
                        )));
                    }
                    out[j] = Some(*v);
                }
                None => {
                    return Err(vm.type_error(&alloc::format!(
                        "'{}' is an invalid keyword argument for {}()",
                        ks,
                        fname
                    )))
                }
            }
        }
        for (j, o) in out.iter().enumerate().take(required) {
            if o.is_none() {
                return Err(vm.type_error(&alloc::format!(
                    "{}() missing required argument '{}' (pos {})",
                    fname,
                    names[j],
                    j + 1
                )));
            }
        }
        Ok(out)
    }
}
