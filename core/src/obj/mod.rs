//! The object model: values, the object header, type objects and slots.
//!
//! # Representation
//! An [`Obj`] is one machine word. Bit 0 set: a small int, the value is the
//! word shifted right by one (31 bits on Cortex-M4, 63 on 64-bit hosts).
//! Bit 0 clear: a pointer to an object, which starts with [`ObjHead`] =
//! `{ ob_refcnt, ob_type }`, exactly CPython's `PyObject`. A core object
//! pointer *is* a `PyObject*`.
//!
//! Objects live in the GC heap (see `gc`) or are immortal statics (None,
//! True, False, Ellipsis, NotImplemented, builtin types, builtin functions).
//! `ob_refcnt` counts pins held by C or Rust code outside the heap; the
//! collector treats a pinned object as a root. Statics carry
//! [`IMMORTAL`] and are never written, so they can sit in flash.
//!
//! # Typed access
//! Each object kind has a `#[repr(C)]` payload struct starting with
//! `ObjHead`, implementing [`PyPayload`]; [`Obj::downcast`] checks the type's
//! [`Layout`] (inherited by subclasses, so a `class L(list)` instance is a
//! `ListObj`). Mutable fields of heap objects are `Cell`s; statics have none.
#![allow(unsafe_code)]

pub mod attr;
pub mod bytearray;
pub mod bytes;
pub mod code;
pub mod complex;
pub mod dict;
pub mod dictmethods;
pub mod exc;
pub mod excgroup;
pub mod float;
pub mod frameobj;
pub mod func;
pub mod gen;
pub mod generic;
pub mod int;
pub mod intmethods;
pub mod iter;
pub mod list;
pub mod mappingproxy;
pub mod memoryview;
pub mod misc;
pub mod module;
pub mod range;
pub mod seqmethods;
pub mod set;
pub mod slice;
pub mod str;
pub mod strmethods;
pub mod traceback;
pub mod tuple;
pub mod typeobj;
pub mod weakref;

use crate::vm::{PyResult, Vm};
use core::num::NonZeroUsize;

/// Reference count given to immortal (static) objects.
pub const IMMORTAL: isize = isize::MAX / 4;

/// One Python value: a small int or a pointer to an object.
#[derive(Copy, Clone, PartialEq, Eq)]
#[repr(transparent)]
pub struct Obj(NonZeroUsize);

/// An object's `ob_refcnt`. Deliberately not a `Cell`: immortal statics must
/// have no interior mutability so that they live in flash. Heap objects'
/// counts are read and written through raw object pointers
/// ([`Obj::refcnt`], [`Obj::pin`]), never through a shared reference.
#[repr(transparent)]
#[derive(Debug)]
pub struct RefCnt(isize);

impl RefCnt {
    pub const fn new(v: isize) -> RefCnt {
        RefCnt(v)
    }
    /// The value (for a header reached by value or `&mut`).
    pub fn value(&self) -> isize {
        self.0
    }
    pub fn set_mut(&mut self, v: isize) {
        self.0 = v;
    }
}

/// The header every object starts with; CPython's `PyObject`.
#[repr(C)]
pub struct ObjHead {
    pub refcnt: RefCnt,
    pub ty: *const TypeObj,
}

// SAFETY: ferropy is single-threaded; statics holding headers are never
// written (immortal), heap objects are only touched by the interpreter thread.
unsafe impl Sync for ObjHead {}

impl ObjHead {
    /// Header of an immortal static object of type `ty`.
    pub const fn immortal(ty: &'static TypeObj) -> ObjHead {
        ObjHead {
            refcnt: RefCnt::new(IMMORTAL),
            ty: ty as *const TypeObj,
        }
    }
}

/// Object payloads: `#[repr(C)]` structs whose first field is `ObjHead`.
///
/// # Safety
/// Implementors must be `#[repr(C)]` with `ObjHead` first, and `LAYOUT` must
/// be unique to the struct.
pub unsafe trait PyPayload: Sized {
    const LAYOUT: Layout;
}

/// Instance layouts. A type's layout says which payload struct its instances
/// have; subclasses inherit it (adding a `__dict__` slot after it).
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
#[repr(u8)]
pub enum Layout {
    /// Plain instance: header + `__dict__`.
    Object,
    NoneType,
    Bool,
    Int,
    Float,
    Complex,
    Str,
    Bytes,
    ByteArray,
    Tuple,
    List,
    Dict,
    Set,
    Type,
    Function,
    Builtin,
    BoundMethod,
    Code,
    Cell,
    Module,
    Exception,
    Generator,
    Range,
    Slice,
    Property,
    ClassMethod,
    StaticMethod,
    Super,
    GetSet,
    /// A `__slots__` member descriptor.
    Member,
    Iter,
    Frame,
    Traceback,
    MemoryView,
    /// Files and memory streams (`modules::io::IoObj`).
    Io,
    /// A C function (`PyCFunction` from a `PyMethodDef`), defined by the C
    /// API layer (`capi`).
    CFunction,
    /// A getset or member descriptor of a C type (built from a
    /// `PyType_Spec`), defined by the C API layer.
    CDescr,
    /// An instance method of a builtin type read from the type
    /// (`attr::MethodDescr`).
    MethodDescr,
    /// A weak reference (`weakref::WeakRefObj`).
    WeakRef,
    /// Singletons and small fixed objects with no payload.
    Other,
}

impl Obj {
    pub const SMALL_MIN: isize = isize::MIN >> 1;
    pub const SMALL_MAX: isize = isize::MAX >> 1;

    /// A small int constant. `v` must be within `SMALL_MIN..=SMALL_MAX`
    /// (checked in debug builds; wraps otherwise).
    #[inline(always)]
    pub const fn small(v: isize) -> Obj {
        // SAFETY: bit 0 is set, so the word is never zero.
        Obj(unsafe { NonZeroUsize::new_unchecked(((v << 1) | 1) as usize) })
    }
    /// A small int if `v` fits.
    #[inline(always)]
    pub fn try_small(v: i64) -> Option<Obj> {
        if v >= Self::SMALL_MIN as i64 && v <= Self::SMALL_MAX as i64 {
            Some(Obj::small(v as isize))
        } else {
            None
        }
    }
    #[inline(always)]
    pub fn is_small(self) -> bool {
        self.0.get() & 1 != 0
    }
    /// The value of a small int (meaningless for other objects).
    #[inline(always)]
    pub fn small_value(self) -> isize {
        (self.0.get() as isize) >> 1
    }
    #[inline(always)]
    pub fn as_small(self) -> Option<isize> {
        if self.is_small() {
            Some(self.small_value())
        } else {
            None
        }
    }
    /// The raw word.
    #[inline(always)]
    pub fn raw(self) -> usize {
        self.0.get()
    }
    /// Rebuild from a raw word; `None` for 0.
    ///
    /// # Safety
    /// `w` must be a small-int word or the address of a live object.
    #[inline(always)]
    pub unsafe fn from_raw(w: usize) -> Option<Obj> {
        NonZeroUsize::new(w).map(Obj)
    }
    /// The object behind a static payload.
    #[inline(always)]
    pub fn from_static<T: PyPayload>(r: &'static T) -> Obj {
        // SAFETY: a reference is never null.
        Obj(unsafe { NonZeroUsize::new_unchecked(r as *const T as usize) })
    }
    /// The object at a heap address (from the allocator).
    ///
    /// # Safety
    /// `p` must point at an initialised object header.
    #[inline(always)]
    pub unsafe fn from_ptr<T>(p: *const T) -> Obj {
        // SAFETY: per contract p is a valid non-null object pointer.
        Obj(unsafe { NonZeroUsize::new_unchecked(p as usize) })
    }
    #[inline(always)]
    pub fn as_ptr(self) -> *mut ObjHead {
        self.0.get() as *mut ObjHead
    }
    #[inline(always)]
    pub fn is(self, other: Obj) -> bool {
        self.0 == other.0
    }
    /// The object's type.
    #[inline(always)]
    pub fn ty(self) -> &'static TypeObj {
        if self.is_small() {
            &int::INT_TYPE
        } else {
            // SAFETY: non-small words are live object pointers; types outlive
            // their instances (the instance references its type).
            unsafe { &*(*self.as_ptr()).ty }
        }
    }
    /// The type as an object.
    #[inline(always)]
    pub fn type_obj(self) -> Obj {
        Obj::from_static(self.ty())
    }
    #[inline(always)]
    pub fn layout(self) -> Layout {
        self.ty().layout
    }
    /// Typed view of the payload if the object's layout is `T`'s.
    #[inline(always)]
    pub fn downcast<T: PyPayload>(self) -> Option<&'static T> {
        if !self.is_small() && self.ty().layout == T::LAYOUT {
            // SAFETY: the layout check guarantees the payload struct.
            Some(unsafe { &*(self.as_ptr() as *const T) })
        } else {
            None
        }
    }
    /// Typed view without the check.
    ///
    /// # Safety
    /// The object's layout must be `T::LAYOUT`.
    #[inline(always)]
    pub unsafe fn cast<T: PyPayload>(self) -> &'static T {
        // SAFETY: per contract.
        unsafe { &*(self.as_ptr() as *const T) }
    }
    /// Is this object a type?
    #[inline(always)]
    pub fn as_type(self) -> Option<&'static TypeObj> {
        self.downcast::<TypeObj>()
    }
    #[inline(always)]
    pub fn is_none(self) -> bool {
        self.is(none())
    }
    /// The object's `ob_refcnt` (0 for small ints).
    #[inline]
    pub fn refcnt(self) -> isize {
        if self.is_small() {
            return 0;
        }
        // SAFETY: live object; read through the raw pointer.
        unsafe { core::ptr::read(core::ptr::addr_of!((*self.as_ptr()).refcnt.0)) }
    }
    /// Set `ob_refcnt` (never on immortal objects, which may be in flash).
    #[inline]
    pub fn set_refcnt(self, v: isize) {
        if self.is_small() || self.refcnt() >= IMMORTAL {
            return;
        }
        // SAFETY: a live heap object (immortals are excluded above); written
        // through the raw pointer, no reference to the header is held.
        unsafe { core::ptr::write(core::ptr::addr_of_mut!((*self.as_ptr()).refcnt.0), v) }
    }
    /// Pin (C or Rust holds a reference outside the heap).
    pub fn pin(self) {
        let rc = self.refcnt();
        if !self.is_small() && rc < IMMORTAL {
            self.set_refcnt(rc + 1);
        }
    }
    /// Drop one pin.
    pub fn unpin(self) {
        let rc = self.refcnt();
        if !self.is_small() && rc < IMMORTAL && rc > 0 {
            self.set_refcnt(rc - 1);
        }
    }
}

impl core::fmt::Debug for Obj {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        if self.is_small() {
            write!(f, "Obj({})", self.small_value())
        } else {
            write!(f, "Obj<{}>@{:#x}", self.ty().name(), self.raw())
        }
    }
}

/// Fixed objects with no payload (None, Ellipsis, NotImplemented).
#[repr(C)]
pub struct Singleton {
    pub head: ObjHead,
}
// SAFETY: repr(C), header first.
unsafe impl PyPayload for Singleton {
    const LAYOUT: Layout = Layout::Other;
}

pub static NONE: Singleton = Singleton {
    head: ObjHead::immortal(&misc::NONE_TYPE),
};
pub static ELLIPSIS: Singleton = Singleton {
    head: ObjHead::immortal(&misc::ELLIPSIS_TYPE),
};
pub static NOT_IMPLEMENTED: Singleton = Singleton {
    head: ObjHead::immortal(&misc::NOT_IMPLEMENTED_TYPE),
};

#[inline(always)]
pub fn none() -> Obj {
    Obj::from_static(&NONE)
}
#[inline(always)]
pub fn ellipsis() -> Obj {
    Obj::from_static(&ELLIPSIS)
}
#[inline(always)]
pub fn not_implemented() -> Obj {
    Obj::from_static(&NOT_IMPLEMENTED)
}
#[inline(always)]
pub fn py_bool(b: bool) -> Obj {
    if b {
        Obj::from_static(&int::TRUE)
    } else {
        Obj::from_static(&int::FALSE)
    }
}
#[inline(always)]
pub fn true_obj() -> Obj {
    Obj::from_static(&int::TRUE)
}
#[inline(always)]
pub fn false_obj() -> Obj {
    Obj::from_static(&int::FALSE)
}

/// Comparison operators, numbered as `COMPARE_OP`'s argument.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
#[repr(u8)]
pub enum CmpOp {
    Lt = 0,
    Le = 1,
    Eq = 2,
    Ne = 3,
    Gt = 4,
    Ge = 5,
}

impl CmpOp {
    pub fn from_arg(a: u16) -> Option<CmpOp> {
        Some(match a {
            0 => CmpOp::Lt,
            1 => CmpOp::Le,
            2 => CmpOp::Eq,
            3 => CmpOp::Ne,
            4 => CmpOp::Gt,
            5 => CmpOp::Ge,
            _ => return None,
        })
    }
    /// The operator with operands swapped (`a < b` == `b > a`).
    pub fn swapped(self) -> CmpOp {
        match self {
            CmpOp::Lt => CmpOp::Gt,
            CmpOp::Le => CmpOp::Ge,
            CmpOp::Eq => CmpOp::Eq,
            CmpOp::Ne => CmpOp::Ne,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::Ge => CmpOp::Le,
        }
    }
    pub fn symbol(self) -> &'static str {
        ["<", "<=", "==", "!=", ">", ">="][self as usize]
    }
    pub fn dunder(self) -> &'static str {
        ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"][self as usize]
    }
    /// Apply to an `Ordering`.
    pub fn test(self, o: core::cmp::Ordering) -> bool {
        use core::cmp::Ordering::*;
        match self {
            CmpOp::Lt => o == Less,
            CmpOp::Le => o != Greater,
            CmpOp::Eq => o == Equal,
            CmpOp::Ne => o != Equal,
            CmpOp::Gt => o == Greater,
            CmpOp::Ge => o != Less,
        }
    }
}

/// Binary operators, numbered as `BINARY_OP`'s argument (CPython 3.11's
/// `NB_*`); in-place forms are `op + 13`.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
#[repr(u8)]
pub enum BinOp {
    Add = 0,
    And = 1,
    FloorDiv = 2,
    LShift = 3,
    MatMul = 4,
    Mul = 5,
    Mod = 6,
    Or = 7,
    Pow = 8,
    RShift = 9,
    Sub = 10,
    TrueDiv = 11,
    Xor = 12,
}

impl BinOp {
    pub const ALL: [BinOp; 13] = [
        BinOp::Add,
        BinOp::And,
        BinOp::FloorDiv,
        BinOp::LShift,
        BinOp::MatMul,
        BinOp::Mul,
        BinOp::Mod,
        BinOp::Or,
        BinOp::Pow,
        BinOp::RShift,
        BinOp::Sub,
        BinOp::TrueDiv,
        BinOp::Xor,
    ];
    /// Decode `BINARY_OP`'s argument: `(op, inplace)`.
    pub fn from_arg(a: u16) -> Option<(BinOp, bool)> {
        let i = a as usize;
        if i < 13 {
            Some((Self::ALL[i], false))
        } else if i < 26 {
            Some((Self::ALL[i - 13], true))
        } else {
            None
        }
    }
    pub fn symbol(self) -> &'static str {
        [
            "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^",
        ][self as usize]
    }
    pub fn dunder(self) -> &'static str {
        [
            "__add__",
            "__and__",
            "__floordiv__",
            "__lshift__",
            "__matmul__",
            "__mul__",
            "__mod__",
            "__or__",
            "__pow__",
            "__rshift__",
            "__sub__",
            "__truediv__",
            "__xor__",
        ][self as usize]
    }
    pub fn rdunder(self) -> &'static str {
        [
            "__radd__",
            "__rand__",
            "__rfloordiv__",
            "__rlshift__",
            "__rmatmul__",
            "__rmul__",
            "__rmod__",
            "__ror__",
            "__rpow__",
            "__rrshift__",
            "__rsub__",
            "__rtruediv__",
            "__rxor__",
        ][self as usize]
    }
    pub fn idunder(self) -> &'static str {
        [
            "__iadd__",
            "__iand__",
            "__ifloordiv__",
            "__ilshift__",
            "__imatmul__",
            "__imul__",
            "__imod__",
            "__ior__",
            "__ipow__",
            "__irshift__",
            "__isub__",
            "__itruediv__",
            "__ixor__",
        ][self as usize]
    }
}

/// Unary operators.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum UnOp {
    Neg,
    Pos,
    Invert,
}

impl UnOp {
    pub fn dunder(self) -> &'static str {
        match self {
            UnOp::Neg => "__neg__",
            UnOp::Pos => "__pos__",
            UnOp::Invert => "__invert__",
        }
    }
    pub fn symbol(self) -> &'static str {
        match self {
            UnOp::Neg => "-",
            UnOp::Pos => "+",
            UnOp::Invert => "~",
        }
    }
}

/// Call arguments, vectorcall-shaped: positional values, then keyword values
/// named by `kwnames` (a tuple of str), all borrowed from the caller.
#[derive(Copy, Clone)]
pub struct Args<'a> {
    pub pos: &'a [Obj],
    pub kw: &'a [Obj],
    pub kwnames: Option<Obj>,
}

impl<'a> Args<'a> {
    pub const EMPTY: Args<'static> = Args {
        pos: &[],
        kw: &[],
        kwnames: None,
    };
    pub fn new(pos: &'a [Obj]) -> Args<'a> {
        Args {
            pos,
            kw: &[],
            kwnames: None,
        }
    }
    #[inline]
    pub fn has_kw(&self) -> bool {
        !self.kw.is_empty()
    }
    /// Name of keyword argument `i`.
    pub fn kwname(&self, i: usize) -> Obj {
        match self.kwnames {
            Some(t) => tuple::tuple_items(t)[i],
            None => none(),
        }
    }
}

pub type ReprFn = fn(&Vm, Obj) -> PyResult<Obj>;
pub type HashFn = fn(&Vm, Obj) -> PyResult<isize>;
/// Rich comparison; may return NotImplemented.
pub type CmpFn = fn(&Vm, Obj, Obj, CmpOp) -> PyResult<Obj>;
/// Attribute read: `Ok(None)` means "no such attribute" with no exception set.
pub type GetattrFn = fn(&Vm, Obj, Obj) -> PyResult<Option<Obj>>;
/// Attribute write (`None` value: delete).
pub type SetattrFn = fn(&Vm, Obj, Obj, Option<Obj>) -> PyResult<()>;
pub type CallFn = fn(&Vm, Obj, &Args) -> PyResult<Obj>;
pub type UnaryFn = fn(&Vm, Obj) -> PyResult<Obj>;
/// Next item: `Ok(None)` when exhausted (no StopIteration allocated).
pub type IterNextFn = fn(&Vm, Obj) -> PyResult<Option<Obj>>;
pub type LenFn = fn(&Vm, Obj) -> PyResult<usize>;
pub type BinFn = fn(&Vm, Obj, Obj) -> PyResult<Obj>;
/// Item write (`None` value: delete).
pub type SetItemFn = fn(&Vm, Obj, Obj, Option<Obj>) -> PyResult<()>;
pub type ContainsFn = fn(&Vm, Obj, Obj) -> PyResult<bool>;
/// Numeric binary operation; called with the type's instance on either side
/// (like CPython's `nb_*` slots); returns NotImplemented when it cannot.
/// The `bool` is true for the in-place form.
pub type NumBinFn = fn(&Vm, BinOp, Obj, Obj, bool) -> PyResult<Obj>;
pub type UnOpFn = fn(&Vm, UnOp, Obj) -> PyResult<Obj>;
pub type BoolFn = fn(&Vm, Obj) -> PyResult<bool>;
/// `descr.__get__(instance, owner)`.
pub type DescrGetFn = fn(&Vm, Obj, Option<Obj>, Obj) -> PyResult<Obj>;
/// `descr.__set__(instance, value)` / `__delete__` when `None`.
pub type DescrSetFn = fn(&Vm, Obj, Obj, Option<Obj>) -> PyResult<()>;
pub type NewFn = fn(&Vm, &'static TypeObj, &Args) -> PyResult<Obj>;
pub type InitFn = fn(&Vm, Obj, &Args) -> PyResult<()>;

/// The slot table every type dispatches through (core types fill it with
/// Rust functions, Python classes with functions that call dunders, C types
/// with functions that call the C slots).
#[derive(Copy, Clone)]
pub struct Slots {
    pub repr: Option<ReprFn>,
    pub str: Option<ReprFn>,
    pub hash: Option<HashFn>,
    pub richcmp: Option<CmpFn>,
    pub getattr: Option<GetattrFn>,
    pub setattr: Option<SetattrFn>,
    pub call: Option<CallFn>,
    pub iter: Option<UnaryFn>,
    pub iternext: Option<IterNextFn>,
    pub len: Option<LenFn>,
    pub getitem: Option<BinFn>,
    pub setitem: Option<SetItemFn>,
    pub contains: Option<ContainsFn>,
    pub num: Option<NumBinFn>,
    pub unary: Option<UnOpFn>,
    pub bool: Option<BoolFn>,
    pub index: Option<UnaryFn>,
    pub int: Option<UnaryFn>,
    pub float: Option<UnaryFn>,
    pub descr_get: Option<DescrGetFn>,
    pub descr_set: Option<DescrSetFn>,
    pub new: Option<NewFn>,
    pub init: Option<InitFn>,
}

impl Slots {
    pub const EMPTY: Slots = Slots {
        repr: None,
        str: None,
        hash: None,
        richcmp: None,
        getattr: None,
        setattr: None,
        call: None,
        iter: None,
        iternext: None,
        len: None,
        getitem: None,
        setitem: None,
        contains: None,
        num: None,
        unary: None,
        bool: None,
        index: None,
        int: None,
        float: None,
        descr_get: None,
        descr_set: None,
        new: None,
        init: None,
    };
}

/// Type flags.
pub mod tpflags {
    /// Python code may subclass this type.
    pub const BASETYPE: u32 = 1 << 0;
    /// Allocated on the heap (a class statement or `type(...)`).
    pub const HEAPTYPE: u32 = 1 << 1;
    /// Instances have a `__dict__` at `dictoffset`.
    pub const HAS_DICT: u32 = 1 << 2;
    /// A subclass of BaseException.
    pub const EXCEPTION: u32 = 1 << 3;
    /// Instances are immutable (no attribute assignment on the type).
    pub const IMMUTABLE: u32 = 1 << 4;
    /// Instances need `__del__` run by the collector.
    pub const FINALIZE: u32 = 1 << 5;
    /// The class defines `__getattr__` (checked by the generic getattr).
    pub const HAS_GETATTR: u32 = 1 << 6;
    /// Subclass of int/str/tuple etc. has `__eq__`/`__hash__` overrides etc.
    pub const OVERRIDES: u32 = 1 << 7;
    pub const ABSTRACT: u32 = 1 << 8;
    /// A Python class (or base) defines `__init__` / `__new__` / numeric
    /// dunders. Slot *identity* is never compared (function addresses are
    /// not reliable under LTO: identical functions may be merged).
    pub const PY_INIT: u32 = 1 << 9;
    pub const PY_NEW: u32 = 1 << 10;
    pub const PY_NUM: u32 = 1 << 11;
    /// Instances may be weakly referenced (classes and C types; builtin
    /// types decide by layout, see `weakref::type_weakrefable`).
    pub const WEAKREF: u32 = 1 << 12;
    /// The class adds `__slots__` members to its base's instance layout, so
    /// it is a solid base: it cannot be combined with another such base.
    pub const SLOTS: u32 = 1 << 13;
}

/// A type object. Builtin types are immortal statics (no interior
/// mutability, so they can live in flash); classes are heap objects whose
/// `dict`, `mro` and `slots` are written only by `typeobj` through raw
/// pointers while no reference to them is held across the write.
#[repr(C)]
pub struct TypeObj {
    pub head: ObjHead,
    /// Name of a builtin type (`"list"`); heap types use `name_obj`.
    pub name: &'static str,
    pub layout: Layout,
    pub flags: u32,
    pub base: Option<&'static TypeObj>,
    pub slots: Slots,
    /// Attributes of a builtin type (methods, properties, constants).
    pub attrs: &'static [attr::AttrEntry],
    /// Size in bytes of an instance (payload + dict slot).
    pub basicsize: usize,
    /// Offset of the `__dict__` slot in an instance, or 0.
    pub dictoffset: usize,
    pub doc: &'static str,
    /// Heap types: the class namespace (a dict).
    pub dict: Option<Obj>,
    /// Heap types: the name (str).
    pub name_obj: Option<Obj>,
    /// Heap types: `__qualname__` (str).
    pub qualname: Option<Obj>,
    /// Heap types: `__bases__` (tuple).
    pub bases: Option<Obj>,
    /// Heap types: `__mro__` (tuple). Builtin types walk `base`.
    pub mro: Option<Obj>,
    /// Extension data of C types (the C API's slot table), or null. A type
    /// with `ext` set is a C type: it counts as a solid base (its slots are
    /// adapters calling C, kept by Python subclasses) even though it lives
    /// on the heap.
    pub ext: *const (),
    /// Heap types are written after creation (slots, flags, names, MRO)
    /// through raw pointers; this zero-sized cell tells the compiler not to
    /// assume a `&TypeObj` points at unchanging memory. Builtin type statics
    /// are never written; firmware places them in flash (see `static_type!`).
    pub mutable: core::cell::UnsafeCell<()>,
}

// SAFETY: see ObjHead.
unsafe impl Sync for TypeObj {}
// SAFETY: repr(C), header first.
unsafe impl PyPayload for TypeObj {
    const LAYOUT: Layout = Layout::Type;
}

impl TypeObj {
    /// A builtin type with the given name, layout and base.
    pub const fn builtin(
        name: &'static str,
        layout: Layout,
        base: Option<&'static TypeObj>,
        slots: Slots,
        attrs: &'static [attr::AttrEntry],
        basicsize: usize,
        flags: u32,
    ) -> TypeObj {
        TypeObj {
            head: ObjHead::immortal(&typeobj::TYPE_TYPE),
            name,
            layout,
            flags,
            base,
            slots,
            attrs,
            basicsize,
            dictoffset: 0,
            doc: "",
            dict: None,
            name_obj: None,
            qualname: None,
            bases: None,
            mro: None,
            ext: core::ptr::null(),
            mutable: core::cell::UnsafeCell::new(()),
        }
    }
    /// The type's `__name__`.
    pub fn name(&self) -> &str {
        match self.name_obj {
            Some(n) => str::as_str(n).unwrap_or(self.name),
            None => self.name,
        }
    }
    #[inline]
    pub fn is_heap(&self) -> bool {
        self.flags & tpflags::HEAPTYPE != 0
    }
    #[inline]
    pub fn as_obj(&'static self) -> Obj {
        Obj::from_static(self)
    }
    #[inline]
    pub fn is(&self, other: &TypeObj) -> bool {
        core::ptr::eq(self, other)
    }
    /// Is `self` a subtype of `other` (MRO check)?
    pub fn is_subtype(&'static self, other: &TypeObj) -> bool {
        if self.is(other) {
            return true;
        }
        let found = match self.mro {
            Some(m) => tuple::tuple_items(m)
                .iter()
                .any(|t| core::ptr::eq(t.as_ptr() as *const TypeObj, other)),
            None => {
                let mut t = self.base;
                let mut f = false;
                while let Some(b) = t {
                    if b.is(other) {
                        f = true;
                        break;
                    }
                    t = b.base;
                }
                f
            }
        };
        // ExceptionGroup's second base, Exception.
        found || (other.is(&exc::EXCEPTION) && self.is_subtype(&exc::EXCEPTION_GROUP))
    }
}

/// Identity hash (objects that compare by identity).
pub fn typeobj_hash_identity(_vm: &Vm, o: Obj) -> PyResult<isize> {
    Ok((o.raw() >> 4) as isize)
}

// Object sizes, checked at compile time on every target (32-bit Cortex-M4
// and 64-bit hosts): on 192 KB of RAM a grown object is a bug.
const W: usize = core::mem::size_of::<usize>();
const _: () = assert!(core::mem::size_of::<Obj>() == W);
const _: () = assert!(core::mem::size_of::<Option<Obj>>() == W);
const _: () = assert!(core::mem::size_of::<ObjHead>() == 2 * W);
const _: () = assert!(core::mem::size_of::<list::ListObj>() == 5 * W);
const _: () = assert!(core::mem::size_of::<tuple::TupleObj>() == 4 * W);
const _: () = assert!(core::mem::size_of::<str::StrObj>() == 5 * W);
const _: () = assert!(core::mem::size_of::<dict::DictObj>() == 9 * W);
const _: () = assert!(core::mem::size_of::<float::FloatObj>() == if W == 4 { 16 } else { 24 });
const _: () = assert!(core::mem::size_of::<func::CellObj>() == 3 * W);
const _: () = assert!(core::mem::size_of::<func::BoundMethodObj>() == 4 * W);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        let w = core::mem::size_of::<usize>();
        assert_eq!(core::mem::size_of::<Obj>(), w);
        assert_eq!(core::mem::size_of::<Option<Obj>>(), w);
        assert_eq!(core::mem::size_of::<ObjHead>(), 2 * w);
    }

    #[test]
    fn boxed_ints_unbox_to_immediates() {
        for (i, b) in int::BOXED_INTS.iter().enumerate() {
            let o = Obj::from_static(b);
            let v = int::BOXED_MIN + i as isize;
            assert_eq!(int::to_i64(o), Some(v as i64));
            assert!(int::unboxed(o).is(Obj::small(v)));
            assert_eq!(o.as_ptr() as usize % 2, 0);
        }
    }

    #[test]
    fn small_ints() {
        for v in [0isize, 1, -1, 12345, -99999, Obj::SMALL_MAX, Obj::SMALL_MIN] {
            let o = Obj::small(v);
            assert!(o.is_small());
            assert_eq!(o.small_value(), v);
        }
        assert!(Obj::try_small(i64::MAX).is_none() || core::mem::size_of::<usize>() > 8);
    }
}

/// What a live heap allocation holds, for [`walk_heap`].
#[derive(Clone, Copy)]
pub enum Allocation {
    Object(&'static TypeObj),
    /// Manual memory (Rust's allocator, `PyMem_*`).
    Manual,
    /// Other memory owned by an object (buffers, tables).
    Raw,
}

/// Call `f(what, bytes)` for every live heap allocation. `f` must not
/// allocate or free heap memory.
pub fn walk_heap(f: &mut dyn FnMut(Allocation, usize)) {
    crate::gc::walk(&mut |addr, bytes, k| {
        let what = if k & crate::gc::kind::OBJECT != 0 {
            // SAFETY: an OBJECT allocation starts with a valid header whose
            // type outlives it.
            Allocation::Object(unsafe { &*(*(addr as *const ObjHead)).ty })
        } else if k & crate::gc::kind::MANUAL != 0 {
            Allocation::Manual
        } else {
            Allocation::Raw
        };
        f(what, bytes)
    });
}
