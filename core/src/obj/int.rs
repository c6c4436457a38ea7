//! `int` and `bool`: small ints are immediate [`Obj`] values; larger ones
//! are `IntObj` heap objects holding a [`BigInt`](crate::bigint::BigInt)'s
//! digits inline. `True`/`False` are static `BoolObj`s.
#![allow(unsafe_code)]

use super::{Layout, Obj, ObjHead, PyPayload, TypeObj};
use crate::vm::{PyResult, Vm};

/// A big int: sign and little-endian base-2^32 digits (normalised).
#[repr(C)]
pub struct IntObj {
    pub head: ObjHead,
    pub neg: bool,
    pub ndigits: usize,
    digits: [u32; 0],
}
// SAFETY: repr(C), header first.
unsafe impl PyPayload for IntObj {
    const LAYOUT: Layout = Layout::Int;
}

impl IntObj {
    /// The magnitude digits.
    pub fn digits(&self) -> &[u32] {
        // SAFETY: the head's type is a live type object.
        let off = digits_offset(unsafe { &*self.head.ty });
        // SAFETY: `ndigits` digits follow at `off` (see `from_bigint_typed`).
        unsafe {
            core::slice::from_raw_parts(
                (self as *const IntObj as *const u8).add(off) as *const u32,
                self.ndigits,
            )
        }
    }
}

/// `True` / `False`.
#[repr(C)]
pub struct BoolObj {
    pub head: ObjHead,
    pub value: usize,
}
// SAFETY: repr(C), header first.
unsafe impl PyPayload for BoolObj {
    const LAYOUT: Layout = Layout::Bool;
}

pub static TRUE: BoolObj = BoolObj {
    head: ObjHead::immortal(&BOOL_TYPE),
    value: 1,
};
pub static FALSE: BoolObj = BoolObj {
    head: ObjHead::immortal(&BOOL_TYPE),
    value: 0,
};

/// A borrowed view of any int value.
pub enum IntRef<'a> {
    Small(isize),
    Big(bool, &'a [u32]),
}

/// View an int, bool or int subclass.
#[inline]
pub fn int_ref(o: Obj) -> Option<IntRef<'static>> {
    if o.is_small() {
        return Some(IntRef::Small(o.small_value()));
    }
    match o.layout() {
        Layout::Int => {
            // SAFETY: layout checked.
            let i = unsafe { o.cast::<IntObj>() };
            Some(IntRef::Big(i.neg, i.digits()))
        }
        Layout::Bool => {
            // SAFETY: layout checked.
            Some(IntRef::Small(unsafe { o.cast::<BoolObj>() }.value as isize))
        }
        _ => None,
    }
}

/// Is `o` an int (incl. bool and subclasses)?
#[inline]
pub fn is_int(o: Obj) -> bool {
    o.is_small() || matches!(o.layout(), Layout::Int | Layout::Bool)
}

/// `Some(b)` if `o` is `True`/`False`.
#[inline]
pub fn as_bool(o: Obj) -> Option<bool> {
    o.downcast::<BoolObj>().map(|b| b.value != 0)
}

/// The value as a `BigInt`.
pub fn to_bigint(o: Obj) -> Option<crate::bigint::BigInt> {
    match int_ref(o)? {
        IntRef::Small(v) => Some(crate::bigint::BigInt::from_i64(v as i64)),
        IntRef::Big(neg, d) => Some(crate::bigint::BigInt::from_slice(neg, d)),
    }
}

/// The value as `i64` if it fits.
pub fn to_i64(o: Obj) -> Option<i64> {
    match int_ref(o)? {
        IntRef::Small(v) => Some(v as i64),
        IntRef::Big(..) => to_bigint(o)?.to_i64(),
    }
}

/// An int object for `v`.
#[inline]
pub fn new_i64(vm: &Vm, v: i64) -> PyResult<Obj> {
    match Obj::try_small(v) {
        Some(o) => Ok(o),
        None => from_bigint(vm, &crate::bigint::BigInt::from_i64(v)),
    }
}

/// An int object for `v` (small when it fits).
pub fn from_bigint(vm: &Vm, v: &crate::bigint::BigInt) -> PyResult<Obj> {
    if let Some(i) = v.to_i64() {
        if let Some(o) = Obj::try_small(i) {
            return Ok(o);
        }
    }
    from_bigint_typed(vm, &INT_TYPE, v)
}

/// Where the digits of an instance of `t` start: after the payload, or
/// after a subclass's `__dict__` slot when that sits right after it.
#[inline]
fn digits_offset(t: &TypeObj) -> usize {
    let base = core::mem::size_of::<IntObj>();
    if t.dictoffset == 0 || t.dictoffset == usize::MAX {
        base
    } else {
        base.max(t.dictoffset + core::mem::size_of::<usize>())
    }
}

/// A heap int of type `t` (int or a subclass), never a small int.
pub fn from_bigint_typed(vm: &Vm, t: &'static TypeObj, v: &crate::bigint::BigInt) -> PyResult<Obj> {
    let (neg, digits) = v.parts();
    let extra = if t.dictoffset == usize::MAX {
        core::mem::size_of::<usize>()
    } else {
        0
    };
    let off = digits_offset(t);
    let size = off + digits.len() * 4 + extra;
    let o = vm.alloc_obj_sized(
        IntObj {
            head: ObjHead {
                refcnt: crate::obj::RefCnt::new(0),
                ty: t,
            },
            neg,
            ndigits: digits.len(),
            digits: [],
        },
        size,
    )?;
    // SAFETY: room for the digits at `off` was allocated.
    unsafe {
        let p = (o.as_ptr() as *mut u8).add(off) as *mut u32;
        core::ptr::copy_nonoverlapping(digits.as_ptr(), p, digits.len());
    }
    Ok(o)
}

/// CPython's hash of an int (`hash(n)`).
pub fn hash_of_int(vm: &Vm, o: Obj) -> PyResult<isize> {
    match int_ref(o) {
        Some(IntRef::Small(v)) => Ok(small_hash(v)),
        Some(IntRef::Big(..)) => Ok(to_bigint(o)
            .map(|b| b.py_hash(HASH_BITS) as isize)
            .unwrap_or(0)),
        None => Err(vm.type_error("an integer is required")),
    }
}

/// Bits of the modulus used for numeric hashes (61 on 64-bit, 31 on 32-bit).
pub const HASH_BITS: u32 = crate::strhash::hash_bits(usize::BITS);

#[inline]
pub fn small_hash(v: isize) -> isize {
    crate::strhash::reduce(v as i64, HASH_BITS) as isize
}

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static INT_TYPE: TypeObj = TypeObj::builtin(
    "int",
    Layout::Int,
    Some(&super::typeobj::OBJECT_TYPE),
    super::intmethods::INT_SLOTS,
    &super::intmethods::INT_ATTRS,
    core::mem::size_of::<IntObj>(),
    super::tpflags::BASETYPE,
);

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static BOOL_TYPE: TypeObj = TypeObj::builtin(
    "bool",
    Layout::Bool,
    Some(&INT_TYPE),
    super::intmethods::BOOL_SLOTS,
    &super::intmethods::BOOL_ATTRS,
    core::mem::size_of::<BoolObj>(),
    0,
);

// ------------------------------------------------- boxed ints for the C API

/// A heap-layout int with one inline digit: the shape of an [`IntObj`]
/// holding a value of at most 32 bits, usable as an immortal static.
#[repr(C)]
pub struct StaticInt {
    pub head: ObjHead,
    pub neg: bool,
    pub ndigits: usize,
    pub digit: u32,
}
// SAFETY: repr(C), header first; same prefix and digit offset as IntObj.
unsafe impl PyPayload for StaticInt {
    const LAYOUT: Layout = Layout::Int;
}
const _: () = assert!(core::mem::offset_of!(StaticInt, digit) == core::mem::size_of::<IntObj>());

/// Smallest and largest value of the static boxed-int table (CPython's
/// small-int cache range).
pub const BOXED_MIN: isize = -5;
pub const BOXED_MAX: isize = 256;
const NBOXED: usize = (BOXED_MAX - BOXED_MIN + 1) as usize;

const fn static_int(v: isize) -> StaticInt {
    StaticInt {
        head: ObjHead::immortal(&INT_TYPE),
        neg: v < 0,
        ndigits: (v != 0) as usize,
        digit: v.unsigned_abs() as u32,
    }
}

const fn boxed_table() -> [StaticInt; NBOXED] {
    #[allow(clippy::declare_interior_mutable_const)]
    const ZERO: StaticInt = static_int(0);
    let mut t = [ZERO; NBOXED];
    let mut i = 0;
    while i < NBOXED {
        t[i] = static_int(BOXED_MIN + i as isize);
        i += 1;
    }
    t
}

/// Boxed ints -5..=256 for C code, which needs a real `PyObject*` where the
/// core keeps an immediate (immortal, never written: flash-safe).
pub static BOXED_INTS: [StaticInt; NBOXED] = boxed_table();

/// `o` as a pointer object: small ints become a boxed int (from the static
/// table, or a new heap int); every other value is returned as is.
pub fn boxed(vm: &Vm, o: Obj) -> PyResult<Obj> {
    match o.as_small() {
        None => Ok(o),
        Some(v) if (BOXED_MIN..=BOXED_MAX).contains(&v) => {
            Ok(Obj::from_static(&BOXED_INTS[(v - BOXED_MIN) as usize]))
        }
        Some(v) => from_bigint_typed(vm, &INT_TYPE, &crate::bigint::BigInt::from_i64(v as i64)),
    }
}

/// The core's canonical form of an int coming back from C: an exact `int`
/// object whose value fits a small int becomes the immediate. Anything else
/// (bigger ints, int subclasses, other objects) is returned as is.
#[inline]
pub fn unboxed(o: Obj) -> Obj {
    if o.is_small() || !o.ty().is(&INT_TYPE) {
        return o;
    }
    // SAFETY: exact int type, so the Int layout.
    let i = unsafe { o.cast::<IntObj>() };
    if i.ndigits > 2 {
        return o;
    }
    match to_i64(o).and_then(Obj::try_small) {
        Some(s) => s,
        None => o,
    }
}
