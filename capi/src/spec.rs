//! Types built from a C `PyType_Spec` (`PyType_FromSpec*`), their
//! descriptors (`tp_methods`, `tp_getset`, `tp_members`), and the slot
//! adapters that let the core dispatch to the C slot functions.
//!
//! A spec type is a heap `TypeObj` whose `ext` points at a [`CTable`]: the
//! C function of every slot id (CPython's `Py_tp_*` numbering) and the
//! module of `PyType_FromModuleAndSpec`. Its core `Slots` are the base's,
//! with an adapter for each slot the spec sets; an adapter finds the table
//! along the MRO of the object's type, so Python subclasses keep the C
//! behaviour. Instances are `basicsize` zeroed bytes after the header; C
//! reads and writes its struct fields directly (the collector scans the
//! block conservatively, so object pointers stored there keep objects
//! alive).
#![allow(unsafe_code)]

use crate::boundary::{api, bad_internal_call, cstr, obj, opt, steal, CPtr, P};
use crate::module::{
    cfunc_call, def_name, kw_dict, new_cfunction, result_from_c, CFuncObj, PyMethodDef, METH_CLASS,
    METH_STATIC,
};
use core::ffi::{c_char, c_int, c_uint, c_void};
use ferropy_core::obj::{
    dict, exc, float, func, int, none, py_bool, tpflags, tuple, typeobj, Args, BinOp, CmpOp,
    Layout, Obj, ObjHead, PyPayload, Slots, TypeObj, UnOp,
};
use ferropy_core::vm::{PyResult, Vm};

// ------------------------------------------------------------ C structures

/// Mirror of `PyType_Slot` (include/typeobject.h).
#[repr(C)]
pub struct PyTypeSlot {
    pub slot: c_int,
    pub pfunc: *mut c_void,
}

/// Mirror of `PyType_Spec`.
#[repr(C)]
pub struct PyTypeSpec {
    pub name: *const c_char,
    pub basicsize: c_int,
    pub itemsize: c_int,
    pub flags: c_uint,
    pub slots: *mut PyTypeSlot,
}

type Getter = unsafe extern "C" fn(P, *mut c_void) -> P;
type Setter = unsafe extern "C" fn(P, P, *mut c_void) -> c_int;

/// Mirror of `PyGetSetDef` (include/descrobject.h).
#[repr(C)]
pub struct PyGetSetDef {
    pub name: *const c_char,
    pub get: Option<Getter>,
    pub set: Option<Setter>,
    pub doc: *const c_char,
    pub closure: *mut c_void,
}

/// Mirror of `PyMemberDef`.
#[repr(C)]
pub struct PyMemberDef {
    pub name: *const c_char,
    pub ty: c_int,
    pub offset: isize,
    pub flags: c_int,
    pub doc: *const c_char,
}

// Slot ids (CPython's values, include/typeobject.h).
pub const MP_ASS_SUBSCRIPT: usize = 3;
pub const MP_LENGTH: usize = 4;
pub const MP_SUBSCRIPT: usize = 5;
pub const NB_ABSOLUTE: usize = 6;
pub const NB_BOOL: usize = 9;
pub const NB_DIVMOD: usize = 10;
pub const NB_FLOAT: usize = 11;
pub const NB_INDEX: usize = 13;
pub const NB_INT: usize = 26;
pub const NB_INVERT: usize = 27;
pub const NB_NEGATIVE: usize = 30;
pub const NB_POSITIVE: usize = 32;
pub const NB_POWER: usize = 33;
pub const NB_INPLACE_POWER: usize = 20;
pub const SQ_ASS_ITEM: usize = 39;
pub const SQ_CONCAT: usize = 40;
pub const SQ_INPLACE_CONCAT: usize = 42;
pub const SQ_INPLACE_REPEAT: usize = 43;
pub const SQ_REPEAT: usize = 46;
pub const SQ_CONTAINS: usize = 41;
pub const SQ_ITEM: usize = 44;
pub const SQ_LENGTH: usize = 45;
pub const TP_ALLOC: usize = 47;
pub const TP_BASE: usize = 48;
pub const TP_BASES: usize = 49;
pub const TP_CALL: usize = 50;
pub const TP_DEALLOC: usize = 52;
pub const TP_DESCR_GET: usize = 54;
pub const TP_DESCR_SET: usize = 55;
pub const TP_DOC: usize = 56;
pub const TP_GETATTR: usize = 57;
pub const TP_GETATTRO: usize = 58;
pub const TP_HASH: usize = 59;
pub const TP_INIT: usize = 60;
pub const TP_ITER: usize = 62;
pub const TP_ITERNEXT: usize = 63;
pub const TP_METHODS: usize = 64;
pub const TP_NEW: usize = 65;
pub const TP_REPR: usize = 66;
pub const TP_RICHCOMPARE: usize = 67;
pub const TP_SETATTR: usize = 68;
pub const TP_SETATTRO: usize = 69;
pub const TP_STR: usize = 70;
pub const TP_MEMBERS: usize = 72;
pub const TP_GETSET: usize = 73;
pub const TP_FREE: usize = 74;
pub const SLOT_MAX: usize = 81;

/// Slot ids that describe the type rather than behave: not inherited.
const NOT_INHERITED: [usize; 6] = [TP_BASE, TP_BASES, TP_DOC, TP_METHODS, TP_MEMBERS, TP_GETSET];

/// `(BinOp, binary slot, in-place slot)`.
const NB_SLOTS: [(BinOp, usize, usize); 13] = [
    (BinOp::Add, 7, 14),
    (BinOp::And, 8, 15),
    (BinOp::FloorDiv, 12, 16),
    (BinOp::LShift, 28, 17),
    (BinOp::MatMul, 75, 76),
    (BinOp::Mul, 29, 18),
    (BinOp::Mod, 34, 21),
    (BinOp::Or, 31, 19),
    (BinOp::Pow, NB_POWER, NB_INPLACE_POWER),
    (BinOp::RShift, 35, 22),
    (BinOp::Sub, 36, 23),
    (BinOp::TrueDiv, 37, 24),
    (BinOp::Xor, 38, 25),
];

// CPython's spec flag bits (include/object.h).
const CPY_SEQUENCE: c_uint = 1 << 5;
const CPY_MAPPING: c_uint = 1 << 6;
const CPY_DISALLOW_INSTANTIATION: c_uint = 1 << 7;
const CPY_IMMUTABLETYPE: c_uint = 1 << 8;
const CPY_BASETYPE: c_uint = 1 << 10;

/// The C side of a spec type (`TypeObj::ext`): a GC block reached from
/// the type object.
#[repr(C)]
pub struct CTable {
    pub f: [*mut c_void; SLOT_MAX + 1],
    /// The module of `PyType_FromModuleAndSpec`.
    pub module: Option<Obj>,
    /// A type built in place in a C struct (not a GC object, so not
    /// scanned): the objects it references, kept alive from here (the
    /// table is then a manual block, i.e. a root).
    pub keep: [Option<Obj>; 4],
    /// The type was built in place in a classic static `PyTypeObject`.
    pub in_place: bool,
    /// A spec type allocated with room for CPython's `tp_*` fields after
    /// the core part (`typeobject::fill_spec_struct`).
    pub has_struct: bool,
}

/// The table of the first C type along `t`'s MRO.
pub fn ctable(t: &'static TypeObj) -> Option<&'static CTable> {
    typeobj::mro_of(t)
        .find(|c| !c.ext.is_null())
        // SAFETY: `ext` is only ever set by `from_spec`, to a CTable block
        // that the type object keeps alive.
        .map(|c| unsafe { &*(c.ext as *const CTable) })
}

/// The C function of slot `id` for `t` (NULL-free).
fn cfn(t: &'static TypeObj, id: usize) -> Option<*mut c_void> {
    ctable(t).map(|c| c.f[id]).filter(|f| !f.is_null())
}

fn missing(vm: &Vm) -> ferropy_core::vm::Raised {
    vm.new_error(&exc::SYSTEM_ERROR, "C slot function missing")
}

/// A core value as a `PyObject*` for a C call (boxed if a small int).
fn p(vm: &Vm, o: Obj) -> PyResult<P> {
    Ok(int::boxed(vm, o)?.as_ptr())
}

fn popt(vm: &Vm, o: Option<Obj>) -> PyResult<P> {
    match o {
        Some(o) => p(vm, o),
        None => Ok(core::ptr::null_mut()),
    }
}

/// A C status (0 / -1) as a result.
fn status(vm: &Vm, r: c_int) -> PyResult<()> {
    if r < 0 {
        Err(vm.already_raised())
    } else {
        Ok(())
    }
}

/// Positional arguments as a tuple and keywords as a dict (or NULL).
fn tuple_and_kw(vm: &Vm, args: &Args) -> PyResult<(Obj, Option<Obj>)> {
    Ok((tuple::new(vm, args.pos)?, kw_dict(vm, args)?))
}

// Each adapter below casts a slot's stored `void*` to the function type
// CPython's documentation gives that slot id; the C extension promised
// that type when it put the function in its spec.

macro_rules! cast {
    ($f:expr, $t:ty) => {{
        // SAFETY: see above: the slot id fixes the C function's type.
        unsafe { core::mem::transmute::<*mut c_void, $t>($f) }
    }};
}

type Unary = unsafe extern "C" fn(P) -> P;
type Binary = unsafe extern "C" fn(P, P) -> P;
type Ternary = unsafe extern "C" fn(P, P, P) -> P;
type ObjObjArg = unsafe extern "C" fn(P, P, P) -> c_int;
type ObjObj = unsafe extern "C" fn(P, P) -> c_int;
type Inquiry = unsafe extern "C" fn(P) -> c_int;
type Len = unsafe extern "C" fn(P) -> isize;
type SsizeArg = unsafe extern "C" fn(P, isize) -> P;
type SsizeObjArg = unsafe extern "C" fn(P, isize, P) -> c_int;
type Hash = unsafe extern "C" fn(P) -> isize;
type RichCmp = unsafe extern "C" fn(P, P, c_int) -> P;
type NewF = unsafe extern "C" fn(P, P, P) -> P;

fn unary(vm: &Vm, o: Obj, id: usize, name: &str) -> PyResult<Obj> {
    let f = cast!(cfn(o.ty(), id).ok_or_else(|| missing(vm))?, Unary);
    let a = p(vm, o)?;
    // SAFETY: a live object for the C slot.
    result_from_c(vm, unsafe { f(a) }, name)
}

fn a_repr(vm: &Vm, o: Obj) -> PyResult<Obj> {
    unary(vm, o, TP_REPR, "__repr__")
}
fn a_str(vm: &Vm, o: Obj) -> PyResult<Obj> {
    unary(vm, o, TP_STR, "__str__")
}
fn a_iter(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let it = unary(vm, o, TP_ITER, "__iter__")?;
    // `iter()` checks what `tp_iter` gave (`__iter__` called directly does
    // not: `wrap_iter`).
    if it.ty().slots.iternext.is_none() {
        return Err(vm.type_error(&alloc::format!(
            "iter() returned non-iterator of type '{}'",
            it.ty().name()
        )));
    }
    Ok(it)
}
fn a_index(vm: &Vm, o: Obj) -> PyResult<Obj> {
    unary(vm, o, NB_INDEX, "__index__")
}
fn a_int(vm: &Vm, o: Obj) -> PyResult<Obj> {
    unary(vm, o, NB_INT, "__int__")
}
fn a_float(vm: &Vm, o: Obj) -> PyResult<Obj> {
    unary(vm, o, NB_FLOAT, "__float__")
}
fn a_unary(vm: &Vm, op: UnOp, o: Obj) -> PyResult<Obj> {
    let id = match op {
        UnOp::Neg => NB_NEGATIVE,
        UnOp::Pos => NB_POSITIVE,
        UnOp::Invert => NB_INVERT,
    };
    if cfn(o.ty(), id).is_none() {
        return Err(vm.type_error(&alloc::format!(
            "bad operand type for unary {}: '{}'",
            op.symbol(),
            o.ty().name()
        )));
    }
    unary(vm, o, id, op.dunder())
}
fn a_hash(vm: &Vm, o: Obj) -> PyResult<isize> {
    let f = cast!(cfn(o.ty(), TP_HASH).ok_or_else(|| missing(vm))?, Hash);
    let a = p(vm, o)?;
    // SAFETY: a live object for the C slot.
    let h = unsafe { f(a) };
    if h == -1 && vm.exc().is_some() {
        return Err(vm.already_raised());
    }
    Ok(h)
}
fn a_richcmp(vm: &Vm, a: Obj, b: Obj, op: CmpOp) -> PyResult<Obj> {
    let f = cast!(
        cfn(a.ty(), TP_RICHCOMPARE).ok_or_else(|| missing(vm))?,
        RichCmp
    );
    let (x, y) = (p(vm, a)?, p(vm, b)?);
    // SAFETY: live objects; CmpOp numbers are CPython's Py_LT..Py_GE.
    result_from_c(vm, unsafe { f(x, y, op as c_int) }, "__richcmp__")
}
fn a_getattr(vm: &Vm, o: Obj, name: Obj) -> PyResult<Option<Obj>> {
    let f = cast!(cfn(o.ty(), TP_GETATTRO).ok_or_else(|| missing(vm))?, Binary);
    let (a, n) = (p(vm, o)?, p(vm, name)?);
    // SAFETY: live objects for the C slot.
    result_from_c(vm, unsafe { f(a, n) }, "__getattribute__").map(Some)
}
/// The `char *` forms (`tp_getattr`/`tp_setattr`, kept by old
/// extensions): str data is NUL-terminated, so the name is passed as is.
fn cname_of(vm: &Vm, name: Obj) -> PyResult<*mut c_char> {
    ferropy_core::obj::str::as_str(name)
        .map(|s| s.as_ptr() as *mut c_char)
        .ok_or_else(|| vm.type_error("attribute name must be string"))
}
fn a_getattr_c(vm: &Vm, o: Obj, name: Obj) -> PyResult<Option<Obj>> {
    let f = cfn(o.ty(), TP_GETATTR).ok_or_else(|| missing(vm))?;
    let f = cast!(f, unsafe extern "C" fn(P, *mut c_char) -> P);
    let (a, n) = (p(vm, o)?, cname_of(vm, name)?);
    // SAFETY: a live object and a NUL-terminated name kept alive by `name`.
    result_from_c(vm, unsafe { f(a, n) }, "__getattr__").map(Some)
}
fn a_setattr_c(vm: &Vm, o: Obj, name: Obj, v: Option<Obj>) -> PyResult<()> {
    let f = cfn(o.ty(), TP_SETATTR).ok_or_else(|| missing(vm))?;
    let f = cast!(f, unsafe extern "C" fn(P, *mut c_char, P) -> c_int);
    let (a, n, x) = (p(vm, o)?, cname_of(vm, name)?, popt(vm, v)?);
    // SAFETY: as above (NULL value: delete).
    status(vm, unsafe { f(a, n, x) })
}
fn a_setattr(vm: &Vm, o: Obj, name: Obj, v: Option<Obj>) -> PyResult<()> {
    let f = cast!(
        cfn(o.ty(), TP_SETATTRO).ok_or_else(|| missing(vm))?,
        ObjObjArg
    );
    let (a, n, x) = (p(vm, o)?, p(vm, name)?, popt(vm, v)?);
    // SAFETY: live objects (NULL value: delete).
    status(vm, unsafe { f(a, n, x) })
}
fn a_call(vm: &Vm, o: Obj, args: &Args) -> PyResult<Obj> {
    let f = cast!(cfn(o.ty(), TP_CALL).ok_or_else(|| missing(vm))?, Ternary);
    let (t, kw) = tuple_and_kw(vm, args)?;
    let (a, kwp) = (p(vm, o)?, popt(vm, kw)?);
    // SAFETY: live objects kept on this frame during the call.
    result_from_c(vm, unsafe { f(a, t.as_ptr(), kwp) }, "__call__")
}
fn a_iternext(vm: &Vm, o: Obj) -> PyResult<Option<Obj>> {
    let f = cast!(cfn(o.ty(), TP_ITERNEXT).ok_or_else(|| missing(vm))?, Unary);
    let a = p(vm, o)?;
    // SAFETY: a live object for the C slot.
    let r = unsafe { f(a) };
    if r.is_null() {
        if vm.exc().is_none() {
            return Ok(None);
        }
        if vm.exc_matches(&exc::STOP_ITERATION) && !exc::stop_has_value(vm) {
            vm.take_exc();
            return Ok(None);
        }
        return Err(vm.already_raised());
    }
    result_from_c(vm, r, "__next__").map(Some)
}
fn a_len(vm: &Vm, o: Obj) -> PyResult<usize> {
    // CPython's `len()` order: the sequence slot first.
    let f = cfn(o.ty(), SQ_LENGTH)
        .or_else(|| cfn(o.ty(), MP_LENGTH))
        .ok_or_else(|| missing(vm))?;
    let f = cast!(f, Len);
    let a = p(vm, o)?;
    // SAFETY: a live object for the C slot.
    let n = unsafe { f(a) };
    if n < 0 {
        return Err(vm.already_raised());
    }
    Ok(n as usize)
}
/// A sequence index for `sq_item`/`sq_ass_item` (negative: plus the length).
fn seq_index(vm: &Vm, o: Obj, k: Obj) -> PyResult<isize> {
    let i: isize = crate::types::as_signed(vm, k, true, "ssize_t")?;
    if i < 0 && (cfn(o.ty(), SQ_LENGTH).is_some() || cfn(o.ty(), MP_LENGTH).is_some()) {
        return Ok(i + a_len(vm, o)? as isize);
    }
    Ok(i)
}
fn a_getitem(vm: &Vm, o: Obj, k: Obj) -> PyResult<Obj> {
    if let Some(f) = cfn(o.ty(), MP_SUBSCRIPT) {
        let f = cast!(f, Binary);
        let (a, b) = (p(vm, o)?, p(vm, k)?);
        // SAFETY: live objects for the C slot.
        return result_from_c(vm, unsafe { f(a, b) }, "__getitem__");
    }
    let f = cast!(cfn(o.ty(), SQ_ITEM).ok_or_else(|| missing(vm))?, SsizeArg);
    let i = seq_index(vm, o, k)?;
    let a = p(vm, o)?;
    // SAFETY: a live object for the C slot.
    result_from_c(vm, unsafe { f(a, i) }, "__getitem__")
}
fn a_setitem(vm: &Vm, o: Obj, k: Obj, v: Option<Obj>) -> PyResult<()> {
    if let Some(f) = cfn(o.ty(), MP_ASS_SUBSCRIPT) {
        let f = cast!(f, ObjObjArg);
        let (a, b, c) = (p(vm, o)?, p(vm, k)?, popt(vm, v)?);
        // SAFETY: live objects (NULL value: delete).
        return status(vm, unsafe { f(a, b, c) });
    }
    let f = cast!(
        cfn(o.ty(), SQ_ASS_ITEM).ok_or_else(|| missing(vm))?,
        SsizeObjArg
    );
    let i = seq_index(vm, o, k)?;
    let (a, c) = (p(vm, o)?, popt(vm, v)?);
    // SAFETY: live objects (NULL value: delete).
    status(vm, unsafe { f(a, i, c) })
}
fn a_contains(vm: &Vm, o: Obj, k: Obj) -> PyResult<bool> {
    let f = cast!(cfn(o.ty(), SQ_CONTAINS).ok_or_else(|| missing(vm))?, ObjObj);
    let (a, b) = (p(vm, o)?, p(vm, k)?);
    // SAFETY: live objects for the C slot.
    let r = unsafe { f(a, b) };
    status(vm, r)?;
    Ok(r > 0)
}
fn a_bool(vm: &Vm, o: Obj) -> PyResult<bool> {
    let f = cast!(cfn(o.ty(), NB_BOOL).ok_or_else(|| missing(vm))?, Inquiry);
    let a = p(vm, o)?;
    // SAFETY: a live object for the C slot.
    let r = unsafe { f(a) };
    status(vm, r)?;
    Ok(r > 0)
}
fn a_num(vm: &Vm, op: BinOp, a: Obj, b: Obj, inplace: bool) -> PyResult<Obj> {
    let (_, bin, inp) = NB_SLOTS[op as usize];
    // The C function of the left operand's type if it has one, else the
    // right's (CPython's nb_* slots take either operand order).
    let find = |id: usize| cfn(a.ty(), id).or_else(|| cfn(b.ty(), id));
    let f = if inplace {
        find(inp).or_else(|| find(bin))
    } else {
        find(bin)
    };
    let Some(f) = f else {
        return seq_num(vm, op, a, b, inplace);
    };
    let (x, y) = (p(vm, a)?, p(vm, b)?);
    let r = if op == BinOp::Pow {
        let f = cast!(f, Ternary);
        let n = none().as_ptr();
        // SAFETY: live objects; the third pow() argument is None.
        unsafe { f(x, y, n) }
    } else {
        let f = cast!(f, Binary);
        // SAFETY: live objects for the C slot.
        unsafe { f(x, y) }
    };
    result_from_c(vm, r, op.dunder())
}
/// `+` and `*` of a C sequence without number slots: `sq_concat` (left
/// operand) and `sq_repeat` (either operand, the other an index), and their
/// in-place forms, as CPython falls back to them.
fn seq_num(vm: &Vm, op: BinOp, a: Obj, b: Obj, inplace: bool) -> PyResult<Obj> {
    let pick = |o: Obj, id: usize, inp: usize| {
        inplace
            .then(|| cfn(o.ty(), inp))
            .flatten()
            .or_else(|| cfn(o.ty(), id))
    };
    match op {
        BinOp::Add => {
            if let Some(f) = pick(a, SQ_CONCAT, SQ_INPLACE_CONCAT) {
                let f = cast!(f, Binary);
                let (x, y) = (p(vm, a)?, p(vm, b)?);
                // SAFETY: live objects for the C slot.
                return result_from_c(vm, unsafe { f(x, y) }, "__add__");
            }
        }
        BinOp::Mul => {
            for (s, n) in [(a, b), (b, a)] {
                if let Some(f) = pick(s, SQ_REPEAT, SQ_INPLACE_REPEAT) {
                    if n.ty().slots.index.is_none() && !int::is_int(n) {
                        continue;
                    }
                    let k = ferropy_core::vm::abs::index_isize(vm, n)?;
                    let f = cast!(f, SsizeArg);
                    let x = p(vm, s)?;
                    // SAFETY: a live object for the C slot.
                    return result_from_c(vm, unsafe { f(x, k) }, "__mul__");
                }
            }
        }
        _ => {}
    }
    Ok(ferropy_core::obj::not_implemented())
}
fn a_descr_get(vm: &Vm, d: Obj, inst: Option<Obj>, owner: Obj) -> PyResult<Obj> {
    let f = cast!(
        cfn(d.ty(), TP_DESCR_GET).ok_or_else(|| missing(vm))?,
        Ternary
    );
    let (a, b, c) = (p(vm, d)?, popt(vm, inst)?, p(vm, owner)?);
    // SAFETY: live objects (NULL instance: access through the class).
    result_from_c(vm, unsafe { f(a, b, c) }, "__get__")
}
fn a_descr_set(vm: &Vm, d: Obj, inst: Obj, v: Option<Obj>) -> PyResult<()> {
    let f = cast!(
        cfn(d.ty(), TP_DESCR_SET).ok_or_else(|| missing(vm))?,
        ObjObjArg
    );
    let (a, b, c) = (p(vm, d)?, p(vm, inst)?, popt(vm, v)?);
    // SAFETY: live objects (NULL value: delete).
    status(vm, unsafe { f(a, b, c) })
}
fn a_new(vm: &Vm, t: &'static TypeObj, args: &Args) -> PyResult<Obj> {
    let f = cast!(cfn(t, TP_NEW).ok_or_else(|| missing(vm))?, NewF);
    let (tup, kw) = tuple_and_kw(vm, args)?;
    let kwp = popt(vm, kw)?;
    // SAFETY: a live type, tuple and dict (or NULL).
    let r = unsafe { f(t.as_obj().as_ptr(), tup.as_ptr(), kwp) };
    result_from_c(vm, r, "__new__")
}
fn a_init(vm: &Vm, o: Obj, args: &Args) -> PyResult<()> {
    let f = cast!(cfn(o.ty(), TP_INIT).ok_or_else(|| missing(vm))?, ObjObjArg);
    let (tup, kw) = tuple_and_kw(vm, args)?;
    let (a, kwp) = (p(vm, o)?, popt(vm, kw)?);
    // SAFETY: live objects kept on this frame during the call.
    status(vm, unsafe { f(a, tup.as_ptr(), kwp) })
}

/// The core slots of a spec type: the base's, with an adapter for each C
/// slot in `tab`.
fn adapters(base: &Slots, tab: &CTable, disallow_new: bool) -> Slots {
    let has = |id: usize| !tab.f[id].is_null();
    let mut s = *base;
    if s.getattr.is_none() {
        s.getattr = Some(typeobj::generic_getattr);
    }
    if s.setattr.is_none() {
        s.setattr = Some(typeobj::generic_setattr);
    }
    macro_rules! set {
        ($field:ident, $f:expr, $($id:expr),+) => {
            if $(has($id))||+ {
                s.$field = Some($f);
            }
        };
    }
    set!(repr, a_repr, TP_REPR);
    set!(str, a_str, TP_STR);
    set!(hash, a_hash, TP_HASH);
    set!(richcmp, a_richcmp, TP_RICHCOMPARE);
    set!(getattr, a_getattr_c, TP_GETATTR);
    set!(setattr, a_setattr_c, TP_SETATTR);
    set!(getattr, a_getattr, TP_GETATTRO);
    set!(setattr, a_setattr, TP_SETATTRO);
    set!(call, a_call, TP_CALL);
    set!(iter, a_iter, TP_ITER);
    set!(iternext, a_iternext, TP_ITERNEXT);
    set!(len, a_len, MP_LENGTH, SQ_LENGTH);
    set!(getitem, a_getitem, MP_SUBSCRIPT, SQ_ITEM);
    set!(setitem, a_setitem, MP_ASS_SUBSCRIPT, SQ_ASS_ITEM);
    set!(contains, a_contains, SQ_CONTAINS);
    if NB_SLOTS.iter().any(|&(_, b, i)| has(b) || has(i))
        || [SQ_CONCAT, SQ_REPEAT, SQ_INPLACE_CONCAT, SQ_INPLACE_REPEAT]
            .iter()
            .any(|&id| has(id))
    {
        s.num = Some(a_num);
    }
    set!(unary, a_unary, NB_NEGATIVE, NB_POSITIVE, NB_INVERT);
    set!(bool, a_bool, NB_BOOL);
    set!(index, a_index, NB_INDEX);
    set!(int, a_int, NB_INT);
    set!(float, a_float, NB_FLOAT);
    set!(descr_get, a_descr_get, TP_DESCR_GET);
    set!(descr_set, a_descr_set, TP_DESCR_SET);
    set!(new, a_new, TP_NEW);
    set!(init, a_init, TP_INIT);
    if disallow_new {
        s.new = None;
    }
    s
}

// ------------------------------------------------------------ descriptors

/// A getset or member descriptor of a spec type.
#[repr(C)]
pub struct CDescrObj {
    pub head: ObjHead,
    /// A `PyGetSetDef` or `PyMemberDef` in the extension (static data).
    pub def: *const c_void,
    pub owner: &'static TypeObj,
}
// SAFETY: repr(C), header first; Layout::CDescr is used by no other payload.
unsafe impl PyPayload for CDescrObj {
    const LAYOUT: Layout = Layout::CDescr;
}

fn cname(p: *const c_char) -> &'static str {
    if p.is_null() {
        return "?";
    }
    // SAFETY: names in C definition tables are static NUL-terminated strings.
    unsafe { core::ffi::CStr::from_ptr(p) }
        .to_str()
        .unwrap_or("?")
}

fn getset_def(d: Obj) -> Option<(&'static PyGetSetDef, &'static TypeObj)> {
    let c = d.downcast::<CDescrObj>()?;
    // SAFETY: GETSET_DESCR_TYPE objects point at a PyGetSetDef (static).
    Some((unsafe { &*(c.def as *const PyGetSetDef) }, c.owner))
}
fn member_def(d: Obj) -> Option<(&'static PyMemberDef, &'static TypeObj)> {
    let c = d.downcast::<CDescrObj>()?;
    // SAFETY: MEMBER_DESCR_TYPE objects point at a PyMemberDef (static).
    Some((unsafe { &*(c.def as *const PyMemberDef) }, c.owner))
}

/// The instance check every descriptor makes.
fn check_inst(vm: &Vm, inst: Obj, owner: &'static TypeObj, name: &str) -> PyResult<()> {
    if inst.ty().is_subtype(owner) {
        return Ok(());
    }
    Err(vm.type_error(&alloc::format!(
        "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
        name,
        owner.name(),
        inst.ty().name()
    )))
}

fn getset_get(vm: &Vm, d: Obj, inst: Option<Obj>, _owner: Obj) -> PyResult<Obj> {
    let (def, owner) = getset_def(d).ok_or_else(|| bad_internal_call(vm))?;
    let Some(inst) = inst else { return Ok(d) };
    let name = cname(def.name);
    check_inst(vm, inst, owner, name)?;
    let Some(g) = def.get else {
        return Err(vm.new_error(
            &exc::ATTRIBUTE_ERROR,
            &alloc::format!(
                "attribute '{}' of '{}' objects is not readable",
                name,
                owner.name()
            ),
        ));
    };
    let a = p(vm, inst)?;
    // SAFETY: the C getter of this definition, with its closure.
    result_from_c(vm, unsafe { g(a, def.closure) }, name)
}
fn getset_set(vm: &Vm, d: Obj, inst: Obj, v: Option<Obj>) -> PyResult<()> {
    let (def, owner) = getset_def(d).ok_or_else(|| bad_internal_call(vm))?;
    let name = cname(def.name);
    check_inst(vm, inst, owner, name)?;
    let Some(s) = def.set else {
        return Err(vm.new_error(
            &exc::ATTRIBUTE_ERROR,
            &alloc::format!(
                "attribute '{}' of '{}' objects is not writable",
                name,
                owner.name()
            ),
        ));
    };
    let (a, x) = (p(vm, inst)?, popt(vm, v)?);
    // SAFETY: the C setter of this definition (NULL value: delete).
    status(vm, unsafe { s(a, x, def.closure) })
}
fn getset_repr(vm: &Vm, d: Obj) -> PyResult<Obj> {
    let (def, owner) = getset_def(d).ok_or_else(|| bad_internal_call(vm))?;
    vm.new_string(alloc::format!(
        "<attribute '{}' of '{}' objects>",
        cname(def.name),
        owner.name()
    ))
}

fn member_get(vm: &Vm, d: Obj, inst: Option<Obj>, _owner: Obj) -> PyResult<Obj> {
    let (def, owner) = member_def(d).ok_or_else(|| bad_internal_call(vm))?;
    let Some(inst) = inst else { return Ok(d) };
    check_inst(vm, inst, owner, cname(def.name))?;
    member_read(vm, inst.as_ptr() as *const u8, def)
}
fn member_set(vm: &Vm, d: Obj, inst: Obj, v: Option<Obj>) -> PyResult<()> {
    let (def, owner) = member_def(d).ok_or_else(|| bad_internal_call(vm))?;
    check_inst(vm, inst, owner, cname(def.name))?;
    // The offset was checked against the owner's basicsize at creation.
    member_write(vm, inst.as_ptr() as *mut u8, def, v)
}
fn member_repr(vm: &Vm, d: Obj) -> PyResult<Obj> {
    let (def, owner) = member_def(d).ok_or_else(|| bad_internal_call(vm))?;
    vm.new_string(alloc::format!(
        "<member '{}' of '{}' objects>",
        cname(def.name),
        owner.name()
    ))
}

// Member type codes (include/descrobject.h).
const T_SHORT: c_int = 0;
const T_INT: c_int = 1;
const T_LONG: c_int = 2;
const T_FLOAT: c_int = 3;
const T_DOUBLE: c_int = 4;
const T_STRING: c_int = 5;
const T_OBJECT: c_int = 6;
const T_CHAR: c_int = 7;
const T_BYTE: c_int = 8;
const T_UBYTE: c_int = 9;
const T_UINT: c_int = 11;
const T_USHORT: c_int = 12;
const T_ULONG: c_int = 13;
const T_STRING_INPLACE: c_int = 14;
const T_BOOL: c_int = 15;
const T_OBJECT_EX: c_int = 16;
const T_LONGLONG: c_int = 17;
const T_ULONGLONG: c_int = 18;
const T_PYSSIZET: c_int = 19;
const T_NONE: c_int = 20;
const READONLY: c_int = 1;

fn u64_obj(vm: &Vm, v: u64) -> PyResult<Obj> {
    match i64::try_from(v) {
        Ok(v) => int::new_i64(vm, v),
        Err(_) => int::from_bigint(vm, &ferropy_core::bigint::BigInt::from_u64(v)),
    }
}

/// `PyMember_GetOne`: the field `def` describes in the struct at `base`.
pub fn member_read(vm: &Vm, base: *const u8, def: &PyMemberDef) -> PyResult<Obj> {
    if base.is_null() || def.offset < 0 {
        return Err(bad_internal_call(vm));
    }
    // SAFETY: C's contract: `base` is an object whose struct has this field
    // at `offset` (checked against basicsize when the type was made).
    let at = unsafe { base.offset(def.offset) };
    macro_rules! rd {
        ($t:ty) => {
            // SAFETY: see `at`; the type code fixes the field's C type.
            unsafe { core::ptr::read_unaligned(at as *const $t) }
        };
    }
    match def.ty {
        T_SHORT => int::new_i64(vm, rd!(i16) as i64),
        T_INT => int::new_i64(vm, rd!(i32) as i64),
        T_LONG => int::new_i64(vm, rd!(core::ffi::c_long) as i64),
        T_LONGLONG => int::new_i64(vm, rd!(i64)),
        T_PYSSIZET => int::new_i64(vm, rd!(isize) as i64),
        T_BYTE => int::new_i64(vm, rd!(i8) as i64),
        T_UBYTE => int::new_i64(vm, rd!(u8) as i64),
        T_USHORT => int::new_i64(vm, rd!(u16) as i64),
        T_UINT => int::new_i64(vm, rd!(u32) as i64),
        T_ULONG => u64_obj(vm, rd!(core::ffi::c_ulong) as u64),
        T_ULONGLONG => u64_obj(vm, rd!(u64)),
        T_BOOL => Ok(py_bool(rd!(u8) != 0)),
        T_FLOAT => float::new(vm, rd!(f32) as f64),
        T_DOUBLE => float::new(vm, rd!(f64)),
        T_CHAR => {
            let c = rd!(u8);
            crate::types::unicode_from_bytes(vm, &[c])
        }
        T_STRING => {
            let s = rd!(*const c_char);
            if s.is_null() {
                Ok(none())
            } else {
                vm.new_str(cstr(vm, s)?)
            }
        }
        T_STRING_INPLACE => vm.new_str(cstr(vm, at as *const c_char)?),
        T_OBJECT | T_OBJECT_EX => match opt(rd!(P)) {
            Some(o) => Ok(o),
            None if def.ty == T_OBJECT => Ok(none()),
            None => {
                // SAFETY: `base` is the object itself (its header first).
                let owner =
                    unsafe { Obj::from_raw(base as usize) }.map(|o| c_type_name(vm, o.ty()));
                Err(vm.new_error(
                    &exc::ATTRIBUTE_ERROR,
                    &match owner {
                        Some(t) => {
                            alloc::format!("'{}' object has no attribute '{}'", t, cname(def.name))
                        }
                        None => alloc::format!("'{}'", cname(def.name)),
                    },
                ))
            }
        },
        T_NONE => Ok(none()),
        _ => Err(vm.new_error(&exc::SYSTEM_ERROR, "bad memberdescr type")),
    }
}

/// CPython's `tp_name` of `t`: "module.Name" for a C type (its spec's
/// name), the plain name otherwise.
pub fn c_type_name(vm: &Vm, t: &'static TypeObj) -> alloc::string::String {
    let short = t.name();
    if t.ext.is_null() || !t.is_heap() {
        return short.into();
    }
    let module = t
        .dict
        .and_then(|d| dict::get_str(vm, d, "__module__").ok().flatten())
        .and_then(ferropy_core::obj::str::as_str);
    match module {
        Some(m) if m != "builtins" => alloc::format!("{m}.{short}"),
        _ => short.into(),
    }
}

/// `PyMember_SetOne`: store `v` (None: delete) into the field.
pub fn member_write(vm: &Vm, base: *mut u8, def: &PyMemberDef, v: Option<Obj>) -> PyResult<()> {
    if base.is_null() || def.offset < 0 {
        return Err(bad_internal_call(vm));
    }
    if def.flags & READONLY != 0 {
        return Err(vm.new_error(&exc::ATTRIBUTE_ERROR, "readonly attribute"));
    }
    // SAFETY: as in `member_read`.
    let at = unsafe { base.offset(def.offset) };
    macro_rules! wr {
        ($t:ty, $v:expr) => {
            // SAFETY: see `at`; the type code fixes the field's C type.
            unsafe { core::ptr::write_unaligned(at as *mut $t, $v) }
        };
    }
    if def.ty == T_OBJECT || def.ty == T_OBJECT_EX {
        // SAFETY: the field holds a PyObject* or NULL.
        let old = unsafe { core::ptr::read_unaligned(at as *const P) };
        if v.is_none() && def.ty == T_OBJECT_EX && old.is_null() {
            return Err(vm.new_error(
                &exc::ATTRIBUTE_ERROR,
                &alloc::format!("'{}'", cname(def.name)),
            ));
        }
        let new = match v {
            Some(o) => {
                let b = int::boxed(vm, o)?;
                b.pin();
                b.as_ptr()
            }
            None => core::ptr::null_mut(),
        };
        wr!(P, new);
        steal(old);
        return Ok(());
    }
    let Some(v) = v else {
        return Err(vm.type_error("can't delete numeric/char attribute"));
    };
    match def.ty {
        T_SHORT => wr!(i16, crate::types::as_signed(vm, v, true, "short")?),
        T_INT => wr!(i32, crate::types::as_signed(vm, v, true, "int")?),
        T_LONG => wr!(
            core::ffi::c_long,
            crate::types::as_signed(vm, v, true, "long")?
        ),
        T_LONGLONG => wr!(i64, crate::types::as_signed(vm, v, true, "long long")?),
        T_PYSSIZET => wr!(isize, crate::types::as_signed(vm, v, true, "ssize_t")?),
        T_BYTE => wr!(i8, crate::types::as_signed(vm, v, true, "char")?),
        T_UBYTE => wr!(u8, crate::types::as_unsigned(vm, v, "unsigned char")?),
        T_USHORT => wr!(u16, crate::types::as_unsigned(vm, v, "unsigned short")?),
        T_UINT => wr!(u32, crate::types::as_unsigned(vm, v, "unsigned int")?),
        T_ULONG => wr!(
            core::ffi::c_ulong,
            crate::types::as_unsigned(vm, v, "unsigned long")?
        ),
        T_ULONGLONG => wr!(u64, crate::types::as_unsigned(vm, v, "unsigned long long")?),
        T_BOOL => {
            if !v.ty().is(&ferropy_core::obj::int::BOOL_TYPE) {
                return Err(vm.type_error("attribute value type must be bool"));
            }
            wr!(u8, v.is(py_bool(true)) as u8)
        }
        T_FLOAT => wr!(f32, crate::types::float_as_double(vm, v)? as f32),
        T_DOUBLE => wr!(f64, crate::types::float_as_double(vm, v)?),
        _ => return Err(vm.type_error("can't set this attribute")),
    }
    Ok(())
}

/// A method of a spec type: unbound C function object, bound on access.
fn method_get(vm: &Vm, d: Obj, inst: Option<Obj>, owner: Obj) -> PyResult<Obj> {
    let c = d
        .downcast::<CFuncObj>()
        .ok_or_else(|| bad_internal_call(vm))?;
    // SAFETY: method descriptors point at a static PyMethodDef.
    let flags = unsafe { (*c.def).ml_flags };
    if flags & METH_CLASS != 0 {
        let cls = match inst {
            Some(i) => i.type_obj(),
            None => owner,
        };
        return new_cfunction(vm, c.def, Some(cls), c.module);
    }
    match inst {
        Some(i) => new_cfunction(vm, c.def, Some(i), c.module),
        None => Ok(d),
    }
}
/// `T.method(self, ...)`: bind the first argument and call.
fn method_call(vm: &Vm, d: Obj, args: &Args) -> PyResult<Obj> {
    let c = d
        .downcast::<CFuncObj>()
        .ok_or_else(|| bad_internal_call(vm))?;
    // SAFETY: method descriptors point at a static PyMethodDef.
    let name = def_name(unsafe { &*c.def });
    let Some((&first, rest)) = args.pos.split_first() else {
        return Err(vm.type_error(&alloc::format!(
            "unbound method {}() needs an argument",
            name
        )));
    };
    let bound = new_cfunction(vm, c.def, Some(first), c.module)?;
    let a = Args {
        pos: rest,
        kw: args.kw,
        kwnames: args.kwnames,
    };
    cfunc_call(vm, bound, &a)
}
fn method_repr(vm: &Vm, d: Obj) -> PyResult<Obj> {
    let c = d
        .downcast::<CFuncObj>()
        .ok_or_else(|| bad_internal_call(vm))?;
    // SAFETY: method descriptors point at a static PyMethodDef.
    let name = def_name(unsafe { &*c.def });
    let owner = c.this.and_then(|t| t.as_type()).map_or("?", |t| t.name());
    vm.new_string(alloc::format!("<method '{}' of '{}' objects>", name, owner))
}

/// `__objclass__`: the type the method belongs to.
fn method_objclass(vm: &Vm, d: Obj) -> PyResult<Obj> {
    let c = d
        .downcast::<CFuncObj>()
        .ok_or_else(|| bad_internal_call(vm))?;
    Ok(c.this.unwrap_or(ferropy_core::obj::none()))
}
/// `__qualname__`: `Type.method`.
fn method_qualname(vm: &Vm, d: Obj) -> PyResult<Obj> {
    let c = d
        .downcast::<CFuncObj>()
        .ok_or_else(|| bad_internal_call(vm))?;
    // SAFETY: method descriptors point at a static PyMethodDef.
    let name = def_name(unsafe { &*c.def });
    match c.this.and_then(|t| t.as_type()) {
        Some(t) => {
            let q = ferropy_core::vm::abs::getattr_str(vm, t.as_obj(), "__qualname__")?;
            let q = ferropy_core::obj::str::as_str(q).unwrap_or("?");
            vm.new_string(alloc::format!("{q}.{name}"))
        }
        None => vm.new_str(name),
    }
}

static METHOD_ATTRS: [ferropy_core::obj::attr::AttrEntry; 4] = [
    ferropy_core::getset!("__name__", crate::module::cfunc_name),
    ferropy_core::getset!("__qualname__", method_qualname),
    ferropy_core::getset!("__doc__", crate::module::cfunc_doc),
    ferropy_core::getset!("__objclass__", method_objclass),
];

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static METHOD_DESCR_TYPE: TypeObj = TypeObj::builtin(
    "method_descriptor",
    Layout::CFunction,
    Some(&typeobj::OBJECT_TYPE),
    Slots {
        call: Some(method_call),
        repr: Some(method_repr),
        descr_get: Some(method_get),
        getattr: Some(typeobj::generic_getattr),
        hash: Some(ferropy_core::obj::typeobj_hash_identity),
        ..Slots::EMPTY
    },
    &METHOD_ATTRS,
    core::mem::size_of::<CFuncObj>(),
    0,
);

/// A class method descriptor (`PyDescr_NewClassMethod`): bound to the
/// class on access, whatever the definition's flags.
fn classmethod_get(vm: &Vm, d: Obj, inst: Option<Obj>, owner: Obj) -> PyResult<Obj> {
    let c = d
        .downcast::<CFuncObj>()
        .ok_or_else(|| bad_internal_call(vm))?;
    let cls = match inst {
        Some(i) if owner.is_none() => i.type_obj(),
        _ => owner,
    };
    new_cfunction(vm, c.def, Some(cls), c.module)
}

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static CLASSMETHOD_DESCR_TYPE: TypeObj = TypeObj::builtin(
    "classmethod_descriptor",
    Layout::CFunction,
    Some(&typeobj::OBJECT_TYPE),
    Slots {
        call: Some(method_call),
        repr: Some(method_repr),
        descr_get: Some(classmethod_get),
        getattr: Some(typeobj::generic_getattr),
        hash: Some(ferropy_core::obj::typeobj_hash_identity),
        ..Slots::EMPTY
    },
    &[],
    core::mem::size_of::<CFuncObj>(),
    0,
);

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static GETSET_DESCR_TYPE: TypeObj = TypeObj::builtin(
    "getset_descriptor",
    Layout::CDescr,
    Some(&typeobj::OBJECT_TYPE),
    Slots {
        repr: Some(getset_repr),
        descr_get: Some(getset_get),
        descr_set: Some(getset_set),
        getattr: Some(typeobj::generic_getattr),
        hash: Some(ferropy_core::obj::typeobj_hash_identity),
        ..Slots::EMPTY
    },
    &[],
    core::mem::size_of::<CDescrObj>(),
    0,
);

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static MEMBER_DESCR_TYPE: TypeObj = TypeObj::builtin(
    "member_descriptor",
    Layout::CDescr,
    Some(&typeobj::OBJECT_TYPE),
    Slots {
        repr: Some(member_repr),
        descr_get: Some(member_get),
        descr_set: Some(member_set),
        getattr: Some(typeobj::generic_getattr),
        hash: Some(ferropy_core::obj::typeobj_hash_identity),
        ..Slots::EMPTY
    },
    &[],
    core::mem::size_of::<CDescrObj>(),
    0,
);

fn new_descr(
    vm: &Vm,
    ty: &'static TypeObj,
    def: *const c_void,
    owner: &'static TypeObj,
) -> PyResult<Obj> {
    vm.alloc_obj(CDescrObj {
        head: ObjHead {
            refcnt: ferropy_core::obj::RefCnt::new(0),
            ty,
        },
        def,
        owner,
    })
}

/// A method descriptor (an unbound C function object whose `this` is the
/// owner type, used only for its repr).
fn new_method_descr(
    vm: &Vm,
    def: *const PyMethodDef,
    owner: Obj,
    module: Option<Obj>,
) -> PyResult<Obj> {
    vm.alloc_obj(CFuncObj {
        head: ObjHead {
            refcnt: ferropy_core::obj::RefCnt::new(0),
            ty: &METHOD_DESCR_TYPE,
        },
        def,
        this: Some(owner),
        module,
    })
}

// ------------------------------------------------------------ slot wrappers

/// A static method table entry (the wrappers below are shared by every C
/// type).
struct StaticDef(PyMethodDef);
// SAFETY: immutable after compilation; the pointers are to static data.
unsafe impl Sync for StaticDef {}

unsafe extern "C" fn wrap_init(slf: P, args: P, kw: P) -> P {
    api(|vm| {
        let o = obj(vm, slf)?;
        with_args(vm, args, kw, |a| a_init(vm, o, a))?;
        Ok(none())
    })
}
unsafe extern "C" fn wrap_repr(slf: P, _unused: P) -> P {
    api(|vm| a_repr(vm, obj(vm, slf)?))
}
unsafe extern "C" fn wrap_str(slf: P, _unused: P) -> P {
    api(|vm| a_str(vm, obj(vm, slf)?))
}

macro_rules! wrapper_def {
    ($name:literal, $f:expr, $flags:expr) => {
        StaticDef(PyMethodDef {
            ml_name: $name.as_ptr(),
            // SAFETY: the calling convention of `$flags` is `$f`'s type;
            // PyMethodDef stores every function as `PyCFunction`.
            ml_meth: Some(unsafe {
                core::mem::transmute::<*const (), unsafe extern "C" fn()>($f as *const ())
            }),
            ml_flags: $flags,
            ml_doc: core::ptr::null(),
        })
    };
}

unsafe extern "C" fn wrap_len(slf: P, _unused: P) -> P {
    api(|vm| int::new_i64(vm, a_len(vm, obj(vm, slf)?)? as i64))
}
unsafe extern "C" fn wrap_getitem(slf: P, k: P) -> P {
    api(|vm| a_getitem(vm, obj(vm, slf)?, obj(vm, k)?))
}
unsafe extern "C" fn wrap_setitem(slf: P, args: P) -> P {
    api(|vm| {
        let a = obj(vm, args)?;
        let [k, v] = tuple::tuple_items(a) else {
            return Err(vm.type_error("expected 2 arguments"));
        };
        a_setitem(vm, obj(vm, slf)?, *k, Some(*v))?;
        Ok(none())
    })
}
unsafe extern "C" fn wrap_delitem(slf: P, k: P) -> P {
    api(|vm| {
        a_setitem(vm, obj(vm, slf)?, obj(vm, k)?, None)?;
        Ok(none())
    })
}
unsafe extern "C" fn wrap_contains(slf: P, k: P) -> P {
    api(|vm| Ok(py_bool(a_contains(vm, obj(vm, slf)?, obj(vm, k)?)?)))
}
unsafe extern "C" fn wrap_iter(slf: P, _unused: P) -> P {
    api(|vm| unary(vm, obj(vm, slf)?, TP_ITER, "__iter__"))
}
unsafe extern "C" fn wrap_next(slf: P, _unused: P) -> P {
    api(|vm| match a_iternext(vm, obj(vm, slf)?)? {
        Some(v) => Ok(v),
        None => Err(crate::errors::set_object(
            vm,
            exc::STOP_ITERATION.as_obj(),
            None,
        )),
    })
}
unsafe extern "C" fn wrap_call(slf: P, args: P, kw: P) -> P {
    api(|vm| {
        let o = obj(vm, slf)?;
        with_args(vm, args, kw, |a| a_call(vm, o, a))
    })
}
unsafe extern "C" fn wrap_hash(slf: P, _unused: P) -> P {
    api(|vm| int::new_i64(vm, a_hash(vm, obj(vm, slf)?)? as i64))
}
macro_rules! wrap_cmp {
    ($($name:ident = $op:ident),*) => {$(
        unsafe extern "C" fn $name(slf: P, other: P) -> P {
            api(|vm| a_richcmp(vm, obj(vm, slf)?, obj(vm, other)?, CmpOp::$op))
        }
    )*};
}
wrap_cmp!(
    wrap_lt = Lt,
    wrap_le = Le,
    wrap_eq = Eq,
    wrap_ne = Ne,
    wrap_gt = Gt,
    wrap_ge = Ge
);

use crate::module::{METH_KEYWORDS, METH_NOARGS, METH_O, METH_VARARGS};
static WRAPPERS: [(usize, usize, StaticDef); 18] = [
    (
        TP_INIT,
        0,
        wrapper_def!(c"__init__", wrap_init, METH_VARARGS | METH_KEYWORDS),
    ),
    (
        TP_REPR,
        0,
        wrapper_def!(c"__repr__", wrap_repr, METH_NOARGS),
    ),
    (TP_STR, 0, wrapper_def!(c"__str__", wrap_str, METH_NOARGS)),
    (
        MP_LENGTH,
        SQ_LENGTH,
        wrapper_def!(c"__len__", wrap_len, METH_NOARGS),
    ),
    (
        MP_SUBSCRIPT,
        SQ_ITEM,
        wrapper_def!(c"__getitem__", wrap_getitem, METH_O),
    ),
    (
        MP_ASS_SUBSCRIPT,
        SQ_ASS_ITEM,
        wrapper_def!(c"__setitem__", wrap_setitem, METH_VARARGS),
    ),
    (
        MP_ASS_SUBSCRIPT,
        SQ_ASS_ITEM,
        wrapper_def!(c"__delitem__", wrap_delitem, METH_O),
    ),
    (
        SQ_CONTAINS,
        0,
        wrapper_def!(c"__contains__", wrap_contains, METH_O),
    ),
    (
        TP_ITER,
        0,
        wrapper_def!(c"__iter__", wrap_iter, METH_NOARGS),
    ),
    (
        TP_ITERNEXT,
        0,
        wrapper_def!(c"__next__", wrap_next, METH_NOARGS),
    ),
    (
        TP_CALL,
        0,
        wrapper_def!(c"__call__", wrap_call, METH_VARARGS | METH_KEYWORDS),
    ),
    (
        TP_HASH,
        0,
        wrapper_def!(c"__hash__", wrap_hash, METH_NOARGS),
    ),
    (TP_RICHCOMPARE, 0, wrapper_def!(c"__lt__", wrap_lt, METH_O)),
    (TP_RICHCOMPARE, 0, wrapper_def!(c"__le__", wrap_le, METH_O)),
    (TP_RICHCOMPARE, 0, wrapper_def!(c"__eq__", wrap_eq, METH_O)),
    (TP_RICHCOMPARE, 0, wrapper_def!(c"__ne__", wrap_ne, METH_O)),
    (TP_RICHCOMPARE, 0, wrapper_def!(c"__gt__", wrap_gt, METH_O)),
    (TP_RICHCOMPARE, 0, wrapper_def!(c"__ge__", wrap_ge, METH_O)),
];

// Number slot wrappers: `__add__` calls the slot with (self, other),
// `__radd__` with (other, self), `__iadd__` the in-place slot.
macro_rules! wrap_num {
    ($($op:ident: $f:ident, $rf:ident, $if:ident;)*) => {$(
        unsafe extern "C" fn $f(slf: P, other: P) -> P {
            api(|vm| a_num(vm, BinOp::$op, obj(vm, slf)?, obj(vm, other)?, false))
        }
        unsafe extern "C" fn $rf(slf: P, other: P) -> P {
            api(|vm| a_num(vm, BinOp::$op, obj(vm, other)?, obj(vm, slf)?, false))
        }
        unsafe extern "C" fn $if(slf: P, other: P) -> P {
            api(|vm| a_num(vm, BinOp::$op, obj(vm, slf)?, obj(vm, other)?, true))
        }
    )*};
}
wrap_num! {
    Add: wrap_add, wrap_radd, wrap_iadd;
    And: wrap_and, wrap_rand, wrap_iand;
    FloorDiv: wrap_floordiv, wrap_rfloordiv, wrap_ifloordiv;
    LShift: wrap_lshift, wrap_rlshift, wrap_ilshift;
    MatMul: wrap_matmul, wrap_rmatmul, wrap_imatmul;
    Mul: wrap_mul, wrap_rmul, wrap_imul;
    Mod: wrap_mod, wrap_rmod, wrap_imod;
    Or: wrap_or, wrap_ror, wrap_ior;
    Pow: wrap_pow, wrap_rpow, wrap_ipow;
    RShift: wrap_rshift, wrap_rrshift, wrap_irshift;
    Sub: wrap_sub, wrap_rsub, wrap_isub;
    TrueDiv: wrap_truediv, wrap_rtruediv, wrap_itruediv;
    Xor: wrap_xor, wrap_rxor, wrap_ixor;
}
unsafe extern "C" fn wrap_divmod(slf: P, other: P) -> P {
    api(|vm| call_binary(vm, obj(vm, slf)?, obj(vm, other)?, NB_DIVMOD, "__divmod__"))
}
unsafe extern "C" fn wrap_rdivmod(slf: P, other: P) -> P {
    api(|vm| call_binary(vm, obj(vm, other)?, obj(vm, slf)?, NB_DIVMOD, "__rdivmod__"))
}
/// The C binary function `id` of `a`'s (else `b`'s) type on (a, b).
fn call_binary(vm: &Vm, a: Obj, b: Obj, id: usize, name: &str) -> PyResult<Obj> {
    let Some(f) = cfn(a.ty(), id).or_else(|| cfn(b.ty(), id)) else {
        return Ok(ferropy_core::obj::not_implemented());
    };
    let f = cast!(f, Binary);
    let (x, y) = (p(vm, a)?, p(vm, b)?);
    // SAFETY: live objects for the C slot.
    result_from_c(vm, unsafe { f(x, y) }, name)
}
unsafe extern "C" fn wrap_neg(slf: P, _unused: P) -> P {
    api(|vm| a_unary(vm, UnOp::Neg, obj(vm, slf)?))
}
unsafe extern "C" fn wrap_pos(slf: P, _unused: P) -> P {
    api(|vm| a_unary(vm, UnOp::Pos, obj(vm, slf)?))
}
unsafe extern "C" fn wrap_invert(slf: P, _unused: P) -> P {
    api(|vm| a_unary(vm, UnOp::Invert, obj(vm, slf)?))
}
unsafe extern "C" fn wrap_abs(slf: P, _unused: P) -> P {
    api(|vm| unary(vm, obj(vm, slf)?, NB_ABSOLUTE, "__abs__"))
}
unsafe extern "C" fn wrap_bool(slf: P, _unused: P) -> P {
    api(|vm| Ok(py_bool(a_bool(vm, obj(vm, slf)?)?)))
}
unsafe extern "C" fn wrap_int(slf: P, _unused: P) -> P {
    api(|vm| a_int(vm, obj(vm, slf)?))
}
unsafe extern "C" fn wrap_float(slf: P, _unused: P) -> P {
    api(|vm| a_float(vm, obj(vm, slf)?))
}
unsafe extern "C" fn wrap_index(slf: P, _unused: P) -> P {
    api(|vm| a_index(vm, obj(vm, slf)?))
}

/// (slot id that must be set, wrapper) for the number protocol.
static NUM_WRAPPERS: [(usize, StaticDef); 49] = [
    (7, wrapper_def!(c"__add__", wrap_add, METH_O)),
    (7, wrapper_def!(c"__radd__", wrap_radd, METH_O)),
    (14, wrapper_def!(c"__iadd__", wrap_iadd, METH_O)),
    (8, wrapper_def!(c"__and__", wrap_and, METH_O)),
    (8, wrapper_def!(c"__rand__", wrap_rand, METH_O)),
    (15, wrapper_def!(c"__iand__", wrap_iand, METH_O)),
    (12, wrapper_def!(c"__floordiv__", wrap_floordiv, METH_O)),
    (12, wrapper_def!(c"__rfloordiv__", wrap_rfloordiv, METH_O)),
    (16, wrapper_def!(c"__ifloordiv__", wrap_ifloordiv, METH_O)),
    (28, wrapper_def!(c"__lshift__", wrap_lshift, METH_O)),
    (28, wrapper_def!(c"__rlshift__", wrap_rlshift, METH_O)),
    (17, wrapper_def!(c"__ilshift__", wrap_ilshift, METH_O)),
    (75, wrapper_def!(c"__matmul__", wrap_matmul, METH_O)),
    (75, wrapper_def!(c"__rmatmul__", wrap_rmatmul, METH_O)),
    (76, wrapper_def!(c"__imatmul__", wrap_imatmul, METH_O)),
    (29, wrapper_def!(c"__mul__", wrap_mul, METH_O)),
    (29, wrapper_def!(c"__rmul__", wrap_rmul, METH_O)),
    (18, wrapper_def!(c"__imul__", wrap_imul, METH_O)),
    (34, wrapper_def!(c"__mod__", wrap_mod, METH_O)),
    (34, wrapper_def!(c"__rmod__", wrap_rmod, METH_O)),
    (21, wrapper_def!(c"__imod__", wrap_imod, METH_O)),
    (31, wrapper_def!(c"__or__", wrap_or, METH_O)),
    (31, wrapper_def!(c"__ror__", wrap_ror, METH_O)),
    (19, wrapper_def!(c"__ior__", wrap_ior, METH_O)),
    (NB_POWER, wrapper_def!(c"__pow__", wrap_pow, METH_O)),
    (NB_POWER, wrapper_def!(c"__rpow__", wrap_rpow, METH_O)),
    (
        NB_INPLACE_POWER,
        wrapper_def!(c"__ipow__", wrap_ipow, METH_O),
    ),
    (35, wrapper_def!(c"__rshift__", wrap_rshift, METH_O)),
    (35, wrapper_def!(c"__rrshift__", wrap_rrshift, METH_O)),
    (22, wrapper_def!(c"__irshift__", wrap_irshift, METH_O)),
    (36, wrapper_def!(c"__sub__", wrap_sub, METH_O)),
    (36, wrapper_def!(c"__rsub__", wrap_rsub, METH_O)),
    (23, wrapper_def!(c"__isub__", wrap_isub, METH_O)),
    (37, wrapper_def!(c"__truediv__", wrap_truediv, METH_O)),
    (37, wrapper_def!(c"__rtruediv__", wrap_rtruediv, METH_O)),
    (24, wrapper_def!(c"__itruediv__", wrap_itruediv, METH_O)),
    (38, wrapper_def!(c"__xor__", wrap_xor, METH_O)),
    (38, wrapper_def!(c"__rxor__", wrap_rxor, METH_O)),
    (25, wrapper_def!(c"__ixor__", wrap_ixor, METH_O)),
    (NB_DIVMOD, wrapper_def!(c"__divmod__", wrap_divmod, METH_O)),
    (
        NB_DIVMOD,
        wrapper_def!(c"__rdivmod__", wrap_rdivmod, METH_O),
    ),
    (NB_NEGATIVE, wrapper_def!(c"__neg__", wrap_neg, METH_NOARGS)),
    (NB_POSITIVE, wrapper_def!(c"__pos__", wrap_pos, METH_NOARGS)),
    (
        NB_INVERT,
        wrapper_def!(c"__invert__", wrap_invert, METH_NOARGS),
    ),
    (NB_ABSOLUTE, wrapper_def!(c"__abs__", wrap_abs, METH_NOARGS)),
    (NB_BOOL, wrapper_def!(c"__bool__", wrap_bool, METH_NOARGS)),
    (NB_INT, wrapper_def!(c"__int__", wrap_int, METH_NOARGS)),
    (
        NB_FLOAT,
        wrapper_def!(c"__float__", wrap_float, METH_NOARGS),
    ),
    (
        NB_INDEX,
        wrapper_def!(c"__index__", wrap_index, METH_NOARGS),
    ),
];

/// CPython's slot wrappers: for each slot a C type sets, a method
/// descriptor calling it (`__init__`, `__repr__`, `__len__`, `__eq__`, ...)
/// in the type's dict, so `super().__init__(...)`, `Base.__repr__(self)`
/// and `hasattr(obj, "__iter__")` work as on CPython. The core's own
/// dispatch keeps using the slot adapters.
fn add_slot_wrappers(vm: &Vm, tab: &CTable, d: Obj, owner: Obj) -> PyResult<()> {
    let set = |id: usize| id != 0 && !tab.f[id].is_null();
    let defs = WRAPPERS
        .iter()
        .filter(|(a, b, _)| set(*a) || set(*b))
        .map(|(_, _, def)| def)
        .chain(
            NUM_WRAPPERS
                .iter()
                .filter(|(a, _)| set(*a))
                .map(|(_, def)| def),
        );
    for def in defs {
        let w = new_method_descr(vm, &def.0, owner, None)?;
        dict::set_str(vm, d, def_name(&def.0), w)?;
    }
    Ok(())
}

// ------------------------------------------------------------ building types

/// Walk a C array ending with an entry whose `name` (first field) is NULL.
fn each<T>(
    first: *const T,
    name: impl Fn(&T) -> *const c_char,
    mut f: impl FnMut(*const T, &T) -> PyResult<()>,
) -> PyResult<()> {
    let mut p = first;
    if p.is_null() {
        return Ok(());
    }
    loop {
        // SAFETY: C tables end with a NULL-named entry (the C API's contract).
        let e = unsafe { &*p };
        if name(e).is_null() {
            return Ok(());
        }
        f(p, e)?;
        // SAFETY: not past the terminator yet.
        p = unsafe { p.add(1) };
    }
}

/// `PyType_FromModuleAndSpec` (and the two shorter forms).
pub fn from_spec(
    vm: &Vm,
    module: Option<Obj>,
    spec: *mut PyTypeSpec,
    bases: Option<Obj>,
) -> PyResult<Obj> {
    // SAFETY: C passes a spec that outlives the call, or NULL.
    let spec = unsafe { spec.as_ref() }.ok_or_else(|| bad_internal_call(vm))?;
    if spec.basicsize < 0 || spec.itemsize != 0 {
        return Err(vm.new_error(
            &exc::SYSTEM_ERROR,
            "PyType_FromSpec: variable-size or relative-size types are not supported by ferropy",
        ));
    }
    // The C slot table.
    let tab_p = vm.alloc_raw(core::mem::size_of::<CTable>(), 0)? as *mut CTable;
    // SAFETY: a fresh zeroed block of CTable's size (all-NULL, module None).
    let tab = unsafe { &mut *tab_p };
    let mut sp = spec.slots as *const PyTypeSlot;
    if sp.is_null() {
        return Err(bad_internal_call(vm));
    }
    loop {
        // SAFETY: the slot array ends with a {0, NULL} entry.
        let s = unsafe { &*sp };
        if s.slot == 0 {
            break;
        }
        if s.slot < 0 || s.slot as usize > SLOT_MAX {
            return Err(vm.new_error(&exc::RUNTIME_ERROR, "invalid slot offset"));
        }
        tab.f[s.slot as usize] = s.pfunc;
        // SAFETY: not past the terminator yet.
        sp = unsafe { sp.add(1) };
    }
    let parts = TypeParts {
        name: cstr(vm, spec.name)?,
        basicsize: spec.basicsize as usize,
        flags: spec.flags,
        bases,
        module,
        dictoffset: 0,
        weaklist: false,
        place: None,
    };
    build_type(vm, tab_p, parts)
}

/// What a new C type is made of besides its slot table.
pub struct TypeParts<'a> {
    /// `"module.Name"`.
    pub name: &'a str,
    /// 0: the base's.
    pub basicsize: usize,
    /// CPython's `Py_TPFLAGS_*` bits.
    pub flags: c_uint,
    /// A type or a tuple of types; None: `Py_tp_bases`/`Py_tp_base` of the
    /// table, else `object`.
    pub bases: Option<Obj>,
    pub module: Option<Obj>,
    /// Offset of the instance dict pointer (`tp_dictoffset`), 0: from a
    /// `__dictoffset__` member or the base.
    pub dictoffset: usize,
    /// `tp_weaklistoffset` set: instances may be weakly referenced (a
    /// `__weaklistoffset__` member says so too).
    pub weaklist: bool,
    /// Where to build the type object (a classic static type's own struct,
    /// see `typeobject`), or None for a new heap object.
    pub place: Option<*mut TypeObj>,
}

/// Build a C type from its filled slot table `tab_p` (which must stay
/// alive as long as the type: a GC block the type object references, or a
/// manual block for a type built in place).
pub fn build_type(vm: &Vm, tab_p: *mut CTable, parts: TypeParts) -> PyResult<Obj> {
    // SAFETY: the caller passes a live table nothing else is using.
    let tab = unsafe { &mut *tab_p };
    let TypeParts {
        name: full,
        basicsize: spec_basicsize,
        flags: spec_flags,
        bases,
        module,
        dictoffset: c_dictoffset,
        weaklist,
        place,
    } = parts;
    let mut weaklist = weaklist;
    tab.module = module;
    // Bases: the argument, else Py_tp_bases, else Py_tp_base, else object.
    let bases = match bases
        .or_else(|| opt(tab.f[TP_BASES] as P))
        .or_else(|| opt(tab.f[TP_BASE] as P))
    {
        Some(b) if b.as_type().is_some() => tuple::new(vm, &[b])?,
        Some(b) if b.downcast::<tuple::TupleObj>().is_some() => b,
        Some(_) => return Err(vm.type_error("bases must be types")),
        None => tuple::new(vm, &[typeobj::OBJECT_TYPE.as_obj()])?,
    };
    let base_list: alloc::vec::Vec<Obj> = tuple::tuple_items(bases).to_vec();
    if base_list.is_empty() {
        return Err(bad_internal_call(vm));
    }
    let mut best: &'static TypeObj = &typeobj::OBJECT_TYPE;
    for b in &base_list {
        let t = b
            .as_type()
            .ok_or_else(|| vm.type_error("bases must be types"))?;
        if t.flags & tpflags::BASETYPE == 0 {
            return Err(vm.type_error(&alloc::format!(
                "type '{}' is not an acceptable base type",
                t.name()
            )));
        }
        let (sb, cur) = (typeobj::solid_base(t), typeobj::solid_base(best));
        if sb.is_subtype(cur) {
            best = t;
        } else if !cur.is_subtype(sb) {
            return Err(vm.type_error("multiple bases have instance lay-out conflict"));
        }
    }
    let base = best;
    // Inherit the C functions of a C base.
    if let Some(bt) = ctable(base) {
        for i in 1..=SLOT_MAX {
            if tab.f[i].is_null() && !NOT_INHERITED.contains(&i) {
                tab.f[i] = bt.f[i];
            }
        }
    }
    let mut mro = alloc::vec![Obj::small(0)];
    mro.extend(typeobj::c3_mro(vm, &base_list)?);
    let basicsize = if spec_basicsize == 0 {
        base.basicsize
    } else {
        spec_basicsize
    };
    // Special members set the instance layout instead of becoming
    // descriptors (CPython's `__dictoffset__` & co.).
    let mut dictoffset = if c_dictoffset != 0 {
        if c_dictoffset + core::mem::size_of::<usize>() > basicsize {
            return Err(vm.new_error(&exc::SYSTEM_ERROR, "bad tp_dictoffset"));
        }
        c_dictoffset
    } else {
        base.dictoffset
    };
    each(
        tab.f[TP_MEMBERS] as *const PyMemberDef,
        |m| m.name,
        |_, m| {
            if cname(m.name) == "__dictoffset__" {
                if m.offset <= 0 || m.offset as usize + core::mem::size_of::<usize>() > basicsize {
                    return Err(vm.new_error(&exc::SYSTEM_ERROR, "bad __dictoffset__"));
                }
                dictoffset = m.offset as usize;
            }
            if cname(m.name) == "__weaklistoffset__" && m.offset > 0 {
                weaklist = true;
            }
            Ok(())
        },
    )?;
    let (module_name, short) = match full.rfind('.') {
        Some(i) => (Some(&full[..i]), &full[i + 1..]),
        None => (None, full),
    };
    let d = dict::new(vm)?;
    if let Some(m) = module_name {
        dict::set_str(vm, d, "__module__", vm.new_str(m)?)?;
    }
    let doc = tab.f[TP_DOC] as *const c_char;
    let doc_obj = if doc.is_null() {
        none()
    } else {
        vm.new_str(cstr(vm, doc)?)?
    };
    dict::set_str(vm, d, "__doc__", doc_obj)?;
    // Py_TPFLAGS_SEQUENCE / MAPPING (pattern matching): kept as the core
    // keeps collections.abc's, in `__abc_tpflags__`.
    let collection = spec_flags & (CPY_SEQUENCE | CPY_MAPPING);
    if collection != 0 {
        dict::set_str(
            vm,
            d,
            "__abc_tpflags__",
            int::new_i64(vm, collection as i64)?,
        )?;
    }
    let mut flags = tpflags::HEAPTYPE | (base.flags & tpflags::EXCEPTION);
    if spec_flags & CPY_BASETYPE != 0 {
        flags |= tpflags::BASETYPE;
    }
    if spec_flags & CPY_IMMUTABLETYPE != 0 {
        flags |= tpflags::IMMUTABLE;
    }
    if dictoffset != 0 {
        flags |= tpflags::HAS_DICT;
    }
    if weaklist || ferropy_core::obj::weakref::type_weakrefable(base) {
        flags |= tpflags::WEAKREF;
    }
    if !tab.f[TP_INIT].is_null() {
        flags |= tpflags::PY_INIT;
    }
    if !tab.f[TP_NEW].is_null() {
        flags |= tpflags::PY_NEW;
    }
    let slots = adapters(
        &base.slots,
        tab,
        spec_flags & CPY_DISALLOW_INSTANTIATION != 0,
    );
    let name_obj = vm.intern(short)?;
    let t = TypeObj {
        head: ObjHead {
            refcnt: ferropy_core::obj::RefCnt::new(0),
            ty: &typeobj::TYPE_TYPE,
        },
        name: "",
        layout: typeobj::solid_base(base).layout,
        flags,
        base: Some(base),
        slots,
        attrs: &[],
        basicsize,
        dictoffset,
        doc: "",
        dict: Some(d),
        name_obj: Some(name_obj),
        qualname: Some(name_obj),
        bases: None,
        mro: None,
        ext: tab_p as *const (),
        mutable: core::cell::UnsafeCell::new(()),
    };
    let tobj = match place {
        None => vm.alloc_obj_sized(t, crate::typeobject::SPEC_TYPE_SIZE)?,
        Some(at) => {
            // SAFETY: the caller gives room for a TypeObj at `at` that lives
            // as long as the program (a static struct) and that nothing reads
            // as a type yet.
            unsafe {
                at.write(t);
                Obj::from_raw(at as usize).ok_or_else(|| bad_internal_call(vm))?
            }
        }
    };
    mro[0] = tobj;
    let mro_t = tuple::new(vm, &mro)?;
    // SAFETY: a fresh heap type that nothing else sees yet.
    let tt = unsafe {
        let tp = tobj.as_ptr() as *mut TypeObj;
        (*tp).mro = Some(mro_t);
        (*tp).bases = Some(bases);
        &*tp
    };
    if place.is_some() {
        tab.keep = [Some(d), Some(name_obj), Some(mro_t), Some(bases)];
        tab.in_place = true;
    }
    add_slot_wrappers(vm, tab, d, tobj)?;
    // Methods, getsets and members as descriptors in the type dict.
    each(
        tab.f[TP_METHODS] as *const PyMethodDef,
        |m| m.ml_name,
        |mp, m| {
            let v = if m.ml_flags & METH_STATIC != 0 {
                func::new_staticmethod(vm, new_cfunction(vm, mp, None, module)?)?
            } else {
                new_method_descr(vm, mp, tobj, module)?
            };
            dict::set_str(vm, d, def_name(m), v)
        },
    )?;
    each(
        tab.f[TP_GETSET] as *const PyGetSetDef,
        |g| g.name,
        |gp, g| {
            let v = new_descr(vm, &GETSET_DESCR_TYPE, gp as *const c_void, tt)?;
            dict::set_str(vm, d, cname(g.name), v)
        },
    )?;
    each(
        tab.f[TP_MEMBERS] as *const PyMemberDef,
        |m| m.name,
        |mp, m| {
            let n = cname(m.name);
            if matches!(
                n,
                "__dictoffset__" | "__weaklistoffset__" | "__vectorcalloffset__"
            ) {
                return Ok(());
            }
            if m.offset < 0 || m.offset as usize >= basicsize.max(1) {
                return Err(vm.new_error(&exc::SYSTEM_ERROR, "member offset out of range"));
            }
            let v = new_descr(vm, &MEMBER_DESCR_TYPE, mp as *const c_void, tt)?;
            dict::set_str(vm, d, n, v)
        },
    )?;
    if place.is_none() {
        tab.has_struct = true;
        // `full` is the spec's NUL-terminated C name.
        crate::typeobject::fill_spec_struct(tt, full.as_ptr() as *const c_char);
    }
    typeobj::invalidate_cache(vm);
    Ok(tobj)
}

// ------------------------------------------------------------ PyType_GetSlot

/// C-callable forms of the core's slots, for `PyType_GetSlot` on types
/// whose slot has no C function of its own.
///
/// The trampolines run the slot of the first type on the MRO whose slot is
/// not a C function: C code calling the slot it got for a builtin base
/// (`PyType_GetSlot(&PyList_Type, Py_tp_new)` from the `tp_new` of a
/// `cdef class L(list)`) reaches the builtin's, not its own again.
fn core_slot_owner(t: &'static TypeObj, id: usize) -> &'static TypeObj {
    typeobj::mro_of(t)
        .find(|c| ctable(c).is_none_or(|tb| tb.f[id].is_null()))
        .unwrap_or(&typeobj::OBJECT_TYPE)
}
unsafe extern "C" fn tramp_new(t: P, args: P, kw: P) -> P {
    api(|vm| {
        let t = obj(vm, t)?.as_type().ok_or_else(|| bad_internal_call(vm))?;
        let newf = core_slot_owner(t, TP_NEW).slots.new.ok_or_else(|| {
            vm.type_error(&alloc::format!("cannot create '{}' instances", t.name()))
        })?;
        with_args(vm, args, kw, |a| newf(vm, t, a))
    })
}
unsafe extern "C" fn tramp_init(o: P, args: P, kw: P) -> c_int {
    api(|vm| {
        let o = obj(vm, o)?;
        match core_slot_owner(o.ty(), TP_INIT).slots.init {
            Some(f) => with_args(vm, args, kw, |a| f(vm, o, a)),
            None => Ok(()),
        }
    })
}
unsafe extern "C" fn tramp_iternext(o: P) -> P {
    api(|vm| {
        let o = obj(vm, o)?;
        let f = core_slot_owner(o.ty(), TP_ITERNEXT)
            .slots
            .iternext
            .ok_or_else(|| bad_internal_call(vm))?;
        f(vm, o)
    })
}
unsafe extern "C" fn tramp_repr(o: P) -> P {
    api(|vm| {
        let o = obj(vm, o)?;
        match core_slot_owner(o.ty(), TP_REPR).slots.repr {
            Some(f) => f(vm, o),
            None => ferropy_core::vm::abs::repr(vm, o),
        }
    })
}
/// Objects are reclaimed by the collector: `tp_free`/`tp_dealloc` do
/// nothing.
unsafe extern "C" fn tramp_free(_o: *mut c_void) {}

/// Run `f` with a C argument tuple and keyword dict as core arguments.
fn with_args<T>(vm: &Vm, args: P, kw: P, f: impl FnOnce(&Args) -> PyResult<T>) -> PyResult<T> {
    let pos: alloc::vec::Vec<Obj> = match opt(args) {
        Some(t) => tuple::tuple_items(t).to_vec(),
        None => alloc::vec::Vec::new(),
    };
    let mut names = alloc::vec::Vec::new();
    let mut vals = alloc::vec::Vec::new();
    if let Some(k) = opt(kw) {
        for (n, v) in dict::items_vec(k) {
            names.push(n);
            vals.push(v);
        }
    }
    let kwnames = if names.is_empty() {
        None
    } else {
        Some(tuple::new(vm, &names)?)
    };
    f(&Args {
        pos: &pos,
        kw: &vals,
        kwnames,
    })
}

/// `PyType_GetSlot` for function slots: the C function of a spec type,
/// else a C-callable form of the core's slot where Cython asks for one,
/// else NULL.
pub fn get_slot(t: &'static TypeObj, id: usize) -> *mut c_void {
    if let Some(f) = cfn(t, id) {
        return f;
    }
    let s = &t.slots;
    let f: *mut c_void = match id {
        TP_NEW if s.new.is_some() => tramp_new as *mut c_void,
        TP_INIT if s.init.is_some() => tramp_init as *mut c_void,
        TP_ITERNEXT if s.iternext.is_some() => tramp_iternext as *mut c_void,
        TP_REPR if s.repr.is_some() => tramp_repr as *mut c_void,
        TP_ALLOC => PyType_GenericAlloc as *mut c_void,
        TP_FREE | TP_DEALLOC => tramp_free as *mut c_void,
        // A builtin type's own slots, which C calls directly to bypass a
        // subclass's override (`list.__mul__(self, n)` in Cython becomes
        // `PyList_Type`'s `sq_repeat`).
        TP_RICHCOMPARE if !t.is_heap() && s.richcmp.is_some() => tramp_richcmp as *mut c_void,
        SQ_REPEAT | SQ_INPLACE_REPEAT if !t.is_heap() && is_seq_num(t) => {
            tramp_repeat as *mut c_void
        }
        SQ_CONCAT | SQ_INPLACE_CONCAT if !t.is_heap() && is_seq_num(t) => {
            tramp_concat as *mut c_void
        }
        _ => core::ptr::null_mut(),
    };
    f
}

/// Does builtin type `t` implement `+` and `*` as a sequence (str, bytes,
/// list, tuple, bytearray)?
fn is_seq_num(t: &'static TypeObj) -> bool {
    use ferropy_core::obj::{bytearray, bytes, list, str as pystr};
    t.slots.num.is_some()
        && [
            &pystr::STR_TYPE,
            &bytes::BYTES_TYPE,
            &list::LIST_TYPE,
            &tuple::TUPLE_TYPE,
            &bytearray::BYTEARRAY_TYPE,
        ]
        .iter()
        .any(|b| t.is(b))
}

/// The first builtin (non-heap) type on `o`'s MRO: the one whose core slot
/// a builtin type's C slot function runs.
fn builtin_base(o: Obj) -> &'static TypeObj {
    typeobj::mro_of(o.ty())
        .find(|t| !t.is_heap())
        .unwrap_or(o.ty())
}

unsafe extern "C" fn tramp_richcmp(a: P, b: P, op: c_int) -> P {
    api(|vm| {
        let (a, b) = (obj(vm, a)?, obj(vm, b)?);
        let op = u16::try_from(op)
            .ok()
            .and_then(CmpOp::from_arg)
            .ok_or_else(|| bad_internal_call(vm))?;
        match builtin_base(a).slots.richcmp {
            Some(f) => f(vm, a, b, op),
            None => Ok(ferropy_core::obj::not_implemented()),
        }
    })
}

/// `sq_repeat`/`sq_concat` of a builtin sequence: its own `*`/`+`.
fn builtin_seq_op(vm: &Vm, op: BinOp, a: Obj, b: Obj) -> PyResult<Obj> {
    let t = builtin_base(a);
    let f = t.slots.num.ok_or_else(|| bad_internal_call(vm))?;
    let r = f(vm, op, a, b, false)?;
    if r.is(ferropy_core::obj::not_implemented()) {
        return Err(vm.type_error(&alloc::format!(
            "unsupported operand type(s) for {}: '{}' and '{}'",
            if op == BinOp::Mul { "*" } else { "+" },
            a.ty().name(),
            b.ty().name()
        )));
    }
    Ok(r)
}

unsafe extern "C" fn tramp_repeat(o: P, n: isize) -> P {
    api(|vm| {
        let n = int::new_i64(vm, n as i64)?;
        builtin_seq_op(vm, BinOp::Mul, obj(vm, o)?, n)
    })
}

unsafe extern "C" fn tramp_concat(a: P, b: P) -> P {
    api(|vm| builtin_seq_op(vm, BinOp::Add, obj(vm, a)?, obj(vm, b)?))
}

/// `PyType_GetSlot(t, Py_tp_doc)` of a spec type: its C doc string.
pub fn spec_doc(t: &'static TypeObj) -> Option<*mut c_void> {
    if t.ext.is_null() {
        return None;
    }
    ctable(t).map(|c| c.f[TP_DOC])
}

// ------------------------------------------------------------ exports

fn type_arg(vm: &Vm, t: P) -> PyResult<&'static TypeObj> {
    obj(vm, t)?
        .as_type()
        .ok_or_else(|| vm.type_error("a type object is required"))
}

#[no_mangle]
pub unsafe extern "C" fn PyType_FromSpec(spec: *mut PyTypeSpec) -> P {
    api(|vm| from_spec(vm, None, spec, None))
}
#[no_mangle]
pub unsafe extern "C" fn PyType_FromSpecWithBases(spec: *mut PyTypeSpec, bases: P) -> P {
    api(|vm| from_spec(vm, None, spec, opt(bases)))
}
#[no_mangle]
pub unsafe extern "C" fn PyType_FromModuleAndSpec(m: P, spec: *mut PyTypeSpec, bases: P) -> P {
    api(|vm| from_spec(vm, opt(m), spec, opt(bases)))
}
#[no_mangle]
pub unsafe extern "C" fn PyType_GetModule(t: P) -> P {
    api(|vm| {
        let t = type_arg(vm, t)?;
        match ctable(t)
            .and_then(|c| c.module)
            .filter(|_| !t.ext.is_null())
        {
            Some(m) => Ok(crate::boundary::Borrowed(Some(m))),
            None => Err(vm.type_error(&alloc::format!(
                "PyType_GetModule: Type '{}' has no associated module",
                t.name()
            ))),
        }
    })
}
#[no_mangle]
pub unsafe extern "C" fn PyType_GetModuleState(t: P) -> *mut c_void {
    api(|vm| {
        let t = type_arg(vm, t)?;
        let m = ctable(t)
            .and_then(|c| c.module)
            .filter(|_| !t.ext.is_null())
            .ok_or_else(|| bad_internal_call(vm))?;
        Ok(CPtr(
            m.downcast::<ferropy_core::obj::module::ModuleObj>()
                .map_or(core::ptr::null_mut(), |mo| mo.state.get() as *mut c_void),
        ))
    })
}
#[no_mangle]
pub unsafe extern "C" fn PyType_GenericAlloc(t: P, _nitems: isize) -> P {
    api(|vm| typeobj::alloc_instance(vm, type_arg(vm, t)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyType_GenericNew(t: P, _args: P, _kw: P) -> P {
    api(|vm| typeobj::alloc_instance(vm, type_arg(vm, t)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_GenericSetAttr(o: P, name: P, v: P) -> c_int {
    api(|vm| typeobj::generic_setattr(vm, obj(vm, o)?, obj(vm, name)?, opt(v)))
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_SelfIter(o: P) -> P {
    api(|vm| obj(vm, o))
}
#[no_mangle]
pub unsafe extern "C" fn PyMember_GetOne(o: *const c_char, m: *mut PyMemberDef) -> P {
    api(|vm| {
        // SAFETY: C passes a member definition or NULL.
        let m = unsafe { m.as_ref() }.ok_or_else(|| bad_internal_call(vm))?;
        member_read(vm, o as *const u8, m)
    })
}
#[no_mangle]
pub unsafe extern "C" fn PyMember_SetOne(o: *mut c_char, m: *mut PyMemberDef, v: P) -> c_int {
    api(|vm| {
        // SAFETY: C passes a member definition or NULL.
        let m = unsafe { m.as_ref() }.ok_or_else(|| bad_internal_call(vm))?;
        member_write(vm, o as *mut u8, m, opt(v))
    })
}
#[no_mangle]
pub unsafe extern "C" fn PyDescr_NewMethod(t: P, m: *mut PyMethodDef) -> P {
    api(|vm| {
        if m.is_null() {
            return Err(bad_internal_call(vm));
        }
        new_method_descr(vm, m, type_arg(vm, t)?.as_obj(), None)
    })
}
/// A class method descriptor: bound to the class on access.
#[no_mangle]
pub unsafe extern "C" fn PyDescr_NewClassMethod(t: P, m: *mut PyMethodDef) -> P {
    api(|vm| {
        if m.is_null() {
            return Err(bad_internal_call(vm));
        }
        vm.alloc_obj(CFuncObj {
            head: ObjHead {
                refcnt: ferropy_core::obj::RefCnt::new(0),
                ty: &CLASSMETHOD_DESCR_TYPE,
            },
            def: m,
            this: Some(type_arg(vm, t)?.as_obj()),
            module: None,
        })
    })
}
