//! The abstract object layer (`PyObject_*`, `PyNumber_*`, `PyIter_*`,
//! `PySequence_*`): each export is one call into `ferropy_core::vm::abs`.

use crate::boundary::{api, cstr, obj, opt, P};
use core::ffi::{c_char, c_int};
use ferropy_core::obj::{
    float, int, str as pystr, tuple, BinOp, CmpOp, Layout, Obj, TypeObj, UnOp,
};
use ferropy_core::vm::{abs, call, PyResult, Vm};

// ------------------------------------------------------------ safe layer

fn attr_name(vm: &Vm, name: Obj) -> PyResult<Obj> {
    if pystr::is_str(name) {
        Ok(name)
    } else {
        Err(vm.type_error(&alloc::format!(
            "attribute name must be string, not '{}'",
            name.ty().name()
        )))
    }
}

pub fn getattr(vm: &Vm, o: Obj, name: Obj) -> PyResult<Obj> {
    abs::getattr(vm, o, attr_name(vm, name)?)
}

pub fn setattr(vm: &Vm, o: Obj, name: Obj, v: Option<Obj>) -> PyResult<()> {
    abs::setattr(vm, o, attr_name(vm, name)?, v)
}

/// `hasattr`: any error counts as "no" and is cleared.
pub fn hasattr(vm: &Vm, o: Obj, name: &str) -> bool {
    match vm.intern(name).and_then(|n| abs::getattr(vm, o, n)) {
        Ok(_) => true,
        Err(_) => {
            vm.take_exc();
            false
        }
    }
}

pub fn rich_compare(vm: &Vm, a: Obj, b: Obj, op: c_int) -> PyResult<Obj> {
    let op = u16::try_from(op)
        .ok()
        .and_then(CmpOp::from_arg)
        .ok_or_else(|| crate::boundary::bad_internal_call(vm))?;
    abs::rich_compare(vm, a, b, op)
}

/// `PyObject_RichCompareBool`: identity implies equality.
pub fn rich_compare_bool(vm: &Vm, a: Obj, b: Obj, op: c_int) -> PyResult<bool> {
    if a.is(b) && (op == CmpOp::Eq as c_int || op == CmpOp::Ne as c_int) {
        return Ok(op == CmpOp::Eq as c_int);
    }
    let r = rich_compare(vm, a, b, op)?;
    abs::truthy(vm, r)
}

pub fn callable(o: Obj) -> bool {
    o.layout() == Layout::Function || o.ty().slots.call.is_some()
}

/// `PyObject_Call(f, args, kwargs)`: args must be a tuple.
pub fn call_tuple(vm: &Vm, f: Obj, args: Option<Obj>, kwargs: Option<Obj>) -> PyResult<Obj> {
    let args = match args {
        Some(a) if tuple::is_tuple(a) => a,
        Some(_) => return Err(vm.type_error("argument list must be a tuple")),
        None => tuple::new(vm, &[])?,
    };
    if let Some(k) = kwargs {
        if !ferropy_core::obj::dict::is_dict(k) {
            return Err(vm.type_error("keyword list must be a dictionary"));
        }
    }
    call::call_ex(vm, f, args, kwargs)
}

pub fn size(vm: &Vm, o: Obj) -> PyResult<isize> {
    Ok(abs::len(vm, o)? as isize)
}

pub fn binop(vm: &Vm, op: BinOp, a: Obj, b: Obj) -> PyResult<Obj> {
    abs::binary_op(vm, op, a, b, false)
}

pub fn power(vm: &Vm, a: Obj, b: Obj, m: Option<Obj>) -> PyResult<Obj> {
    match m.filter(|m| !m.is_none()) {
        None => binop(vm, BinOp::Pow, a, b),
        Some(m) => {
            let pow = abs::getattr_str(
                vm,
                vm.builtins
                    .get()
                    .ok_or_else(|| crate::boundary::bad_internal_call(vm))?,
                "pow",
            )?;
            call::call(vm, pow, &[a, b, m])
        }
    }
}

pub fn absolute(vm: &Vm, o: Obj) -> PyResult<Obj> {
    match abs::call_dunder(vm, o, "__abs__", &[])? {
        Some(r) => Ok(r),
        None => Err(vm.type_error(&alloc::format!(
            "bad operand type for abs(): '{}'",
            o.ty().name()
        ))),
    }
}

/// `int(o)` / `float(o)` / `tuple(o)` / `list(o)`: call the type.
pub fn convert(vm: &Vm, t: &'static TypeObj, o: Obj) -> PyResult<Obj> {
    call::call(vm, t.as_obj(), &[o])
}

/// `PyNumber_AsSsize_t`: `__index__`, then clamp (exc NULL) or raise `exc`.
pub fn as_ssize(vm: &Vm, o: Obj, exc: Option<Obj>) -> PyResult<isize> {
    let i = abs::index(vm, o)?;
    match int::to_i64(i).and_then(|v| isize::try_from(v).ok()) {
        Some(v) => Ok(v),
        None => match exc {
            None => Ok(
                if int::to_bigint(i).map(|b| b.is_negative()).unwrap_or(false) {
                    isize::MIN
                } else {
                    isize::MAX
                },
            ),
            Some(e) => Err(crate::errors::set_string(
                vm,
                e,
                &alloc::format!("cannot fit '{}' into an index-sized integer", o.ty().name()),
            )),
        },
    }
}

pub fn seq_item(vm: &Vm, o: Obj, i: isize) -> PyResult<Obj> {
    abs::getitem(vm, o, seq_index(vm, o, i)?)
}

/// The index `PySequence_GetItem`/`SetItem`/`DelItem` pass on: a negative
/// `i` has the length added once (CPython's rule). A builtin sequence's own
/// item slot does not wrap again, so an index still negative is replaced by
/// the length (out of range: the type's own IndexError); a class's
/// `__getitem__` gets it as it is.
pub fn seq_index(vm: &Vm, o: Obj, i: isize) -> PyResult<Obj> {
    let i = if i < 0 {
        match o.ty().slots.len {
            Some(l) => {
                let n = l(vm, o)? as isize;
                if i + n < 0 && !o.ty().is_heap() {
                    n
                } else {
                    i + n
                }
            }
            None => i,
        }
    } else {
        i
    };
    int::new_i64(vm, i as i64)
}

pub fn is_sequence(o: Obj) -> bool {
    !ferropy_core::obj::dict::is_dict(o) && o.ty().slots.getitem.is_some()
}

pub fn call_method_str(vm: &Vm, o: Obj, name: &str, args: Option<Obj>) -> PyResult<Obj> {
    let f = abs::getattr_str(vm, o, name)?;
    call_tuple(vm, f, args, None)
}

// ------------------------------------------------------------- exports

#[no_mangle]
pub unsafe extern "C" fn PyObject_Repr(o: P) -> P {
    api(|vm| abs::repr(vm, obj(vm, o)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_Str(o: P) -> P {
    api(|vm| abs::str(vm, obj(vm, o)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_ASCII(o: P) -> P {
    api(|vm| vm.new_string(pystr::ascii_of(vm, obj(vm, o)?)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_Bytes(o: P) -> P {
    api(|vm| {
        let o = obj(vm, o)?;
        if o.ty().is_subtype(&ferropy_core::obj::str::STR_TYPE) {
            return Err(vm.type_error(&alloc::format!(
                "cannot convert '{}' object to bytes",
                o.ty().name()
            )));
        }
        convert(vm, &ferropy_core::obj::bytes::BYTES_TYPE, o)
    })
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_GetAttr(o: P, name: P) -> P {
    api(|vm| getattr(vm, obj(vm, o)?, obj(vm, name)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_GenericGetAttr(o: P, name: P) -> P {
    // The generic lookup itself, not the type's slot: a C type whose
    // `tp_getattro` is this function would otherwise call itself.
    api(|vm| {
        let o = obj(vm, o)?;
        let name = attr_name(vm, obj(vm, name)?)?;
        match ferropy_core::obj::typeobj::generic_getattr(vm, o, name)? {
            Some(v) => Ok(v),
            None => Err(vm.attribute_error(o, name)),
        }
    })
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_GetAttrString(o: P, name: *const c_char) -> P {
    api(|vm| abs::getattr_str(vm, obj(vm, o)?, cstr(vm, name)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_SetAttr(o: P, name: P, v: P) -> c_int {
    api(|vm| setattr(vm, obj(vm, o)?, obj(vm, name)?, opt(v)))
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_SetAttrString(o: P, name: *const c_char, v: P) -> c_int {
    api(|vm| abs::setattr(vm, obj(vm, o)?, vm.intern(cstr(vm, name)?)?, opt(v)))
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_HasAttr(o: P, name: P) -> c_int {
    api(|vm| {
        Ok(pystr::as_str(obj(vm, name)?)
            .is_some_and(|n| hasattr(vm, obj(vm, o).unwrap_or(ferropy_core::obj::none()), n)))
    })
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_HasAttrString(o: P, name: *const c_char) -> c_int {
    api(|vm| Ok(hasattr(vm, obj(vm, o)?, cstr(vm, name)?)))
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_RichCompare(a: P, b: P, op: c_int) -> P {
    api(|vm| rich_compare(vm, obj(vm, a)?, obj(vm, b)?, op))
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_RichCompareBool(a: P, b: P, op: c_int) -> c_int {
    api(|vm| rich_compare_bool(vm, obj(vm, a)?, obj(vm, b)?, op))
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_Hash(o: P) -> isize {
    api(|vm| abs::hash(vm, obj(vm, o)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_IsTrue(o: P) -> c_int {
    api(|vm| abs::truthy(vm, obj(vm, o)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_Not(o: P) -> c_int {
    api(|vm| Ok(!abs::truthy(vm, obj(vm, o)?)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyCallable_Check(o: P) -> c_int {
    opt(o).is_some_and(callable) as c_int
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_Dir(o: P) -> P {
    api(|vm| {
        let dir = abs::getattr_str(
            vm,
            vm.builtins
                .get()
                .ok_or_else(|| crate::boundary::bad_internal_call(vm))?,
            "dir",
        )?;
        call::call(vm, dir, &[obj(vm, o)?])
    })
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_Call(f: P, args: P, kwargs: P) -> P {
    api(|vm| call_tuple(vm, obj(vm, f)?, Some(obj(vm, args)?), opt(kwargs)))
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_CallObject(f: P, args: P) -> P {
    api(|vm| call_tuple(vm, obj(vm, f)?, opt(args), None))
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_CallNoArgs(f: P) -> P {
    api(|vm| call::call(vm, obj(vm, f)?, &[]))
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_CallOneArg(f: P, a: P) -> P {
    api(|vm| call::call(vm, obj(vm, f)?, &[obj(vm, a)?]))
}
/// Helper for the C varargs layer: call method `name` of `o` with a tuple.
#[no_mangle]
pub unsafe extern "C" fn _PyFerro_CallMethodTuple(o: P, name: *const c_char, args: P) -> P {
    api(|vm| call_method_str(vm, obj(vm, o)?, cstr(vm, name)?, opt(args)))
}
/// Helper for the C varargs layer: call method `name` (a str) of `o`.
#[no_mangle]
pub unsafe extern "C" fn _PyFerro_CallMethodObj(o: P, name: P, args: P) -> P {
    api(|vm| {
        call_tuple(
            vm,
            getattr(vm, obj(vm, o)?, obj(vm, name)?)?,
            opt(args),
            None,
        )
    })
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_Type(o: P) -> P {
    api(|vm| Ok(obj(vm, o)?.type_obj()))
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_Size(o: P) -> isize {
    api(|vm| size(vm, obj(vm, o)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_Length(o: P) -> isize {
    api(|vm| size(vm, obj(vm, o)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_GetItem(o: P, k: P) -> P {
    api(|vm| abs::getitem(vm, obj(vm, o)?, obj(vm, k)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_SetItem(o: P, k: P, v: P) -> c_int {
    api(|vm| abs::setitem(vm, obj(vm, o)?, obj(vm, k)?, obj(vm, v)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_DelItem(o: P, k: P) -> c_int {
    api(|vm| abs::delitem(vm, obj(vm, o)?, obj(vm, k)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_GetIter(o: P) -> P {
    api(|vm| abs::iter(vm, obj(vm, o)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_IsInstance(o: P, cls: P) -> c_int {
    api(|vm| abs::is_instance(vm, obj(vm, o)?, obj(vm, cls)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_IsSubclass(o: P, cls: P) -> c_int {
    api(|vm| abs::is_subclass(vm, obj(vm, o)?, obj(vm, cls)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_Format(o: P, spec: P) -> P {
    api(|vm| {
        let spec = match opt(spec) {
            Some(s) => s,
            None => vm.new_str("")?,
        };
        abs::format(vm, obj(vm, o)?, spec)
    })
}
#[no_mangle]
pub unsafe extern "C" fn PyIter_Check(o: P) -> c_int {
    opt(o).is_some_and(|o| o.ty().slots.iternext.is_some()) as c_int
}
#[no_mangle]
pub unsafe extern "C" fn PyIter_Next(it: P) -> P {
    api(|vm| abs::next(vm, obj(vm, it)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyType_IsSubtype(a: P, b: P) -> c_int {
    match (
        opt(a).and_then(|a| a.as_type()),
        opt(b).and_then(|b| b.as_type()),
    ) {
        (Some(a), Some(b)) => a.is_subtype(b) as c_int,
        _ => 0,
    }
}
#[no_mangle]
pub unsafe extern "C" fn _PyType_Name(t: P) -> *const c_char {
    // Builtin type names are not NUL-terminated: go through a str object.
    api(|vm| {
        let n = vm.intern(obj(vm, t)?.as_type().map(|t| t.name()).unwrap_or("?"))?;
        Ok(crate::boundary::CPtr(
            crate::types::utf8_ptr(n) as *mut c_char
        ))
    })
}
#[no_mangle]
pub unsafe extern "C" fn PyType_GetName(t: P) -> P {
    api(|vm| abs::getattr_str(vm, obj(vm, t)?, "__name__"))
}

macro_rules! binops {
    ($($name:ident = $op:ident;)*) => {$(
        #[no_mangle]
        pub unsafe extern "C" fn $name(a: P, b: P) -> P {
            api(|vm| binop(vm, BinOp::$op, obj(vm, a)?, obj(vm, b)?))
        }
    )*};
}
binops! {
    PyNumber_Add = Add;
    PyNumber_Subtract = Sub;
    PyNumber_Multiply = Mul;
    PyNumber_TrueDivide = TrueDiv;
    PyNumber_FloorDivide = FloorDiv;
    PyNumber_Remainder = Mod;
    PyNumber_Lshift = LShift;
    PyNumber_Rshift = RShift;
    PyNumber_And = And;
    PyNumber_Or = Or;
    PyNumber_Xor = Xor;
}
#[no_mangle]
pub unsafe extern "C" fn PyNumber_Power(a: P, b: P, m: P) -> P {
    api(|vm| power(vm, obj(vm, a)?, obj(vm, b)?, opt(m)))
}
#[no_mangle]
pub unsafe extern "C" fn PyNumber_Negative(o: P) -> P {
    api(|vm| abs::unary_op(vm, UnOp::Neg, obj(vm, o)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyNumber_Positive(o: P) -> P {
    api(|vm| abs::unary_op(vm, UnOp::Pos, obj(vm, o)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyNumber_Invert(o: P) -> P {
    api(|vm| abs::unary_op(vm, UnOp::Invert, obj(vm, o)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyNumber_Absolute(o: P) -> P {
    api(|vm| absolute(vm, obj(vm, o)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyNumber_Index(o: P) -> P {
    api(|vm| abs::index(vm, obj(vm, o)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyNumber_Long(o: P) -> P {
    api(|vm| convert(vm, &int::INT_TYPE, obj(vm, o)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyNumber_Float(o: P) -> P {
    api(|vm| convert(vm, &float::FLOAT_TYPE, obj(vm, o)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyNumber_Check(o: P) -> c_int {
    opt(o).is_some_and(|o| {
        let s = &o.ty().slots;
        int::is_int(o)
            || s.index.is_some()
            || s.int.is_some()
            || s.float.is_some()
            || o.layout() == Layout::Complex
    }) as c_int
}
#[no_mangle]
pub unsafe extern "C" fn PyIndex_Check(o: P) -> c_int {
    opt(o).is_some_and(|o| int::is_int(o) || o.ty().slots.index.is_some()) as c_int
}
#[no_mangle]
pub unsafe extern "C" fn PyNumber_AsSsize_t(o: P, exc: P) -> isize {
    api(|vm| as_ssize(vm, obj(vm, o)?, opt(exc)))
}
#[no_mangle]
pub unsafe extern "C" fn PySequence_Check(o: P) -> c_int {
    opt(o).is_some_and(is_sequence) as c_int
}
#[no_mangle]
pub unsafe extern "C" fn PySequence_Size(o: P) -> isize {
    api(|vm| seq_size(vm, obj(vm, o)?))
}

/// `len()` of a sequence: a mapping (a dict) is not one, as in CPython.
pub fn seq_size(vm: &Vm, o: Obj) -> PyResult<isize> {
    if o.downcast::<ferropy_core::obj::dict::DictObj>().is_some() {
        return Err(vm.type_error(&alloc::format!("{} is not a sequence", o.ty().name())));
    }
    size(vm, o)
}
#[no_mangle]
pub unsafe extern "C" fn PySequence_GetItem(o: P, i: isize) -> P {
    api(|vm| seq_item(vm, obj(vm, o)?, i))
}
#[no_mangle]
pub unsafe extern "C" fn PySequence_Contains(o: P, v: P) -> c_int {
    api(|vm| abs::contains(vm, obj(vm, o)?, obj(vm, v)?))
}
#[no_mangle]
pub unsafe extern "C" fn PySequence_Tuple(o: P) -> P {
    api(|vm| convert(vm, &tuple::TUPLE_TYPE, obj(vm, o)?))
}
#[no_mangle]
pub unsafe extern "C" fn PySequence_List(o: P) -> P {
    api(|vm| abs::to_list(vm, obj(vm, o)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyMapping_Check(o: P) -> c_int {
    opt(o).is_some_and(|o| o.ty().slots.getitem.is_some()) as c_int
}

// ------------------------------------------------ in-place numbers, sequences

macro_rules! inplace {
    ($($name:ident = $op:ident),*) => {$(
        #[no_mangle]
        pub unsafe extern "C" fn $name(a: P, b: P) -> P {
            api(|vm| abs::binary_op(vm, BinOp::$op, obj(vm, a)?, obj(vm, b)?, true))
        }
    )*};
}
inplace!(
    PyNumber_InPlaceSubtract = Sub,
    PyNumber_InPlaceMultiply = Mul,
    PyNumber_InPlaceAnd = And,
    PyNumber_InPlaceOr = Or,
    PyNumber_InPlaceXor = Xor
);

/// `PySequence_Concat`: `a + b` for sequences only.
pub fn seq_concat(vm: &Vm, a: Obj, b: Obj) -> PyResult<Obj> {
    if !is_sequence(a) || !is_sequence(b) {
        return Err(vm.type_error(&alloc::format!(
            "'{}' object can't be concatenated",
            a.ty().name()
        )));
    }
    abs::binary_op(vm, BinOp::Add, a, b, false)
}

/// `PySequence_GetSlice`: `o[i1:i2]`.
pub fn seq_slice(vm: &Vm, o: Obj, i1: isize, i2: isize) -> PyResult<Obj> {
    if o.ty().slots.getitem.is_none() {
        return Err(vm.type_error(&alloc::format!("'{}' object is unsliceable", o.ty().name())));
    }
    let s = ferropy_core::obj::slice::new(
        vm,
        ferropy_core::obj::int::new_i64(vm, i1 as i64)?,
        ferropy_core::obj::int::new_i64(vm, i2 as i64)?,
        ferropy_core::obj::none(),
    )?;
    abs::getitem(vm, o, s)
}

/// `o.name(*args)` with `name` a str object.
pub fn call_method_obj(vm: &Vm, o: Obj, name: Obj, args: &[Obj]) -> PyResult<Obj> {
    let f = abs::getattr(vm, o, name)?;
    ferropy_core::vm::call::call(vm, f, args)
}

#[no_mangle]
pub unsafe extern "C" fn PySequence_Concat(a: P, b: P) -> P {
    api(|vm| seq_concat(vm, obj(vm, a)?, obj(vm, b)?))
}
#[no_mangle]
pub unsafe extern "C" fn PySequence_GetSlice(o: P, i1: isize, i2: isize) -> P {
    api(|vm| seq_slice(vm, obj(vm, o)?, i1, i2))
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_CallMethodNoArgs(o: P, name: P) -> P {
    api(|vm| call_method_obj(vm, obj(vm, o)?, obj(vm, name)?, &[]))
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_CallMethodOneArg(o: P, name: P, arg: P) -> P {
    api(|vm| call_method_obj(vm, obj(vm, o)?, obj(vm, name)?, &[obj(vm, arg)?]))
}
