//! More of the C API that Cython's output calls: capsules (Cython keeps
//! the C method table of a `cdef class` in one), `PyOS_double_to_string`
//! (float formatting in f-strings), sets, slices, list slice assignment,
//! complex numbers, the remaining in-place number operations, a few
//! `PyUnicode_*` and `PyImport_*` functions.

use crate::boundary::{api, cstr, obj, opt, write_out, CPtr, P};
use core::cell::Cell;
use core::ffi::{c_char, c_double, c_int, c_void};
use ferropy_core::obj::{
    complex, dict, list, none, set, slice, str as pystr, BinOp, Layout, Obj, ObjHead, PyPayload,
    Slots, TypeObj,
};
use ferropy_core::vm::{abs, call, import, PyResult, Vm};

// ---------------------------------------------------------------- capsules

/// `PyCapsule_Destructor`.
pub type Destructor = Option<unsafe extern "C" fn(P)>;

/// A capsule: a C pointer with a name (compared by content), a context
/// pointer and a destructor (never called: the collector frees objects).
#[repr(C)]
pub struct CapsuleObj {
    pub head: ObjHead,
    pub pointer: Cell<*mut c_void>,
    pub name: Cell<*const c_char>,
    pub context: Cell<*mut c_void>,
    pub destructor: Cell<Destructor>,
}
// SAFETY: repr(C), header first. Layout::Other is shared with payload-less
// objects, so capsules are recognised by their type (`capsule_of`), never
// by `downcast`.
unsafe impl PyPayload for CapsuleObj {
    const LAYOUT: Layout = Layout::Other;
}

fn capsule_repr(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let name = capsule_of(o)
        .and_then(|c| name_str(c.name.get()))
        .map(|n| alloc::format!("\"{n}\""))
        .unwrap_or_else(|| "NULL".into());
    vm.new_string(alloc::format!(
        "<capsule object {name} at {:#x}>",
        o.as_ptr() as usize
    ))
}

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static CAPSULE_TYPE: TypeObj = TypeObj::builtin(
    "PyCapsule",
    Layout::Other,
    Some(&ferropy_core::obj::typeobj::OBJECT_TYPE),
    Slots {
        repr: Some(capsule_repr),
        getattr: Some(ferropy_core::obj::typeobj::generic_getattr),
        hash: Some(ferropy_core::obj::typeobj_hash_identity),
        ..Slots::EMPTY
    },
    &[],
    core::mem::size_of::<CapsuleObj>(),
    0,
);

fn capsule_of(o: Obj) -> Option<&'static CapsuleObj> {
    if o.is_small() || !core::ptr::eq(o.ty(), &CAPSULE_TYPE) {
        return None;
    }
    // SAFETY: objects of CAPSULE_TYPE are CapsuleObj (made by `capsule_new` only).
    Some(unsafe { o.cast::<CapsuleObj>() })
}

fn name_str(p: *const c_char) -> Option<&'static str> {
    if p.is_null() {
        return None;
    }
    // SAFETY: a capsule's name is a NUL-terminated string that the C code
    // keeps alive as long as the capsule (CPython's contract).
    unsafe { core::ffi::CStr::from_ptr(p) }.to_str().ok()
}

/// Capsule names are equal when both are NULL or both hold the same text.
fn same_name(a: *const c_char, b: *const c_char) -> bool {
    match (a.is_null(), b.is_null()) {
        (true, true) => true,
        (false, false) => {
            // SAFETY: both are NUL-terminated C strings (see `name_str`).
            unsafe { core::ffi::CStr::from_ptr(a) == core::ffi::CStr::from_ptr(b) }
        }
        _ => false,
    }
}

pub fn capsule_new(
    vm: &Vm,
    pointer: *mut c_void,
    name: *const c_char,
    destructor: Destructor,
) -> PyResult<Obj> {
    if pointer.is_null() {
        return Err(vm.value_error("PyCapsule_New called with null pointer"));
    }
    vm.alloc_obj(CapsuleObj {
        head: ObjHead {
            refcnt: ferropy_core::obj::RefCnt::new(0),
            ty: &CAPSULE_TYPE,
        },
        pointer: Cell::new(pointer),
        name: Cell::new(name),
        context: Cell::new(core::ptr::null_mut()),
        destructor: Cell::new(destructor),
    })
}

/// The capsule `o` if it is a valid one named `name`, else ValueError
/// naming the function `what`.
fn valid_capsule(
    vm: &Vm,
    o: Option<Obj>,
    name: *const c_char,
    what: &str,
) -> PyResult<&'static CapsuleObj> {
    let c = o.and_then(capsule_of).ok_or_else(|| {
        vm.value_error(&alloc::format!(
            "{what} called with invalid PyCapsule object"
        ))
    })?;
    if !same_name(c.name.get(), name) {
        return Err(vm.value_error(&alloc::format!("{what} called with incorrect name")));
    }
    Ok(c)
}

#[no_mangle]
pub unsafe extern "C" fn PyCapsule_New(
    pointer: *mut c_void,
    name: *const c_char,
    destructor: Destructor,
) -> P {
    api(|vm| capsule_new(vm, pointer, name, destructor))
}
#[no_mangle]
pub unsafe extern "C" fn PyCapsule_GetPointer(o: P, name: *const c_char) -> *mut c_void {
    api(|vm| {
        let c = valid_capsule(vm, opt(o), name, "PyCapsule_GetPointer")?;
        Ok(CPtr(c.pointer.get()))
    })
}
#[no_mangle]
pub unsafe extern "C" fn PyCapsule_GetName(o: P) -> *const c_char {
    api(|vm| {
        let c = opt(o).and_then(capsule_of).ok_or_else(|| {
            vm.value_error("PyCapsule_GetName called with invalid PyCapsule object")
        })?;
        Ok(CPtr(c.name.get() as *mut c_char))
    })
}
#[no_mangle]
pub unsafe extern "C" fn PyCapsule_GetContext(o: P) -> *mut c_void {
    api(|vm| {
        let c = opt(o).and_then(capsule_of).ok_or_else(|| {
            vm.value_error("PyCapsule_GetContext called with invalid PyCapsule object")
        })?;
        Ok(CPtr(c.context.get()))
    })
}
#[no_mangle]
pub unsafe extern "C" fn PyCapsule_GetDestructor(o: P) -> Destructor {
    opt(o).and_then(capsule_of).and_then(|c| c.destructor.get())
}
#[no_mangle]
pub unsafe extern "C" fn PyCapsule_IsValid(o: P, name: *const c_char) -> c_int {
    match opt(o).and_then(capsule_of) {
        Some(c) => same_name(c.name.get(), name) as c_int,
        None => 0,
    }
}
#[no_mangle]
pub unsafe extern "C" fn PyCapsule_SetPointer(o: P, pointer: *mut c_void) -> c_int {
    api(|vm| {
        let c = opt(o).and_then(capsule_of).ok_or_else(|| {
            vm.value_error("PyCapsule_SetPointer called with invalid PyCapsule object")
        })?;
        if pointer.is_null() {
            return Err(vm.value_error("PyCapsule_SetPointer called with null pointer"));
        }
        c.pointer.set(pointer);
        Ok(())
    })
}
#[no_mangle]
pub unsafe extern "C" fn PyCapsule_SetName(o: P, name: *const c_char) -> c_int {
    api(|vm| {
        let c = opt(o).and_then(capsule_of).ok_or_else(|| {
            vm.value_error("PyCapsule_SetName called with invalid PyCapsule object")
        })?;
        c.name.set(name);
        Ok(())
    })
}
#[no_mangle]
pub unsafe extern "C" fn PyCapsule_SetContext(o: P, context: *mut c_void) -> c_int {
    api(|vm| {
        let c = opt(o).and_then(capsule_of).ok_or_else(|| {
            vm.value_error("PyCapsule_SetContext called with invalid PyCapsule object")
        })?;
        c.context.set(context);
        Ok(())
    })
}
#[no_mangle]
pub unsafe extern "C" fn PyCapsule_SetDestructor(o: P, d: Destructor) -> c_int {
    api(|vm| {
        let c = opt(o).and_then(capsule_of).ok_or_else(|| {
            vm.value_error("PyCapsule_SetDestructor called with invalid PyCapsule object")
        })?;
        c.destructor.set(d);
        Ok(())
    })
}
/// `PyCapsule_Import("module.attr", no_block)`: import the module, follow
/// the dotted attributes, return the pointer of the capsule found there.
#[no_mangle]
pub unsafe extern "C" fn PyCapsule_Import(name: *const c_char, _no_block: c_int) -> *mut c_void {
    api(|vm| {
        let full = cstr(vm, name)?;
        let mut parts = full.split('.');
        let first = parts.next().unwrap_or("");
        let mut o = crate::run::import_module(vm, first).map_err(|_| {
            vm.new_error(
                &ferropy_core::obj::exc::IMPORT_ERROR,
                &alloc::format!("PyCapsule_Import could not import module \"{first}\""),
            )
        })?;
        let mut path = alloc::string::String::from(first);
        for p in parts {
            path.push('.');
            path.push_str(p);
            // A submodule not imported yet, else the attribute (whose
            // AttributeError is the caller's).
            o = match abs::getattr_opt_str(vm, o, p)? {
                Some(v) => v,
                None => match crate::run::import_module(vm, &path) {
                    Ok(m) => m,
                    Err(_) => abs::getattr_str(vm, o, p)?,
                },
            };
        }
        match capsule_of(o) {
            Some(c) if same_name(c.name.get(), name) => Ok(CPtr(c.pointer.get())),
            _ => Err(vm.new_error(
                &ferropy_core::obj::exc::ATTRIBUTE_ERROR,
                &alloc::format!("PyCapsule_Import \"{full}\" is not valid"),
            )),
        }
    })
}

// ------------------------------------------------------------ floats to text

const DTSF_SIGN: c_int = 0x01;
const DTSF_ADD_DOT_0: c_int = 0x02;
const DTSF_ALT: c_int = 0x04;
const DTSF_NO_NEG_0: c_int = 0x08;
const DTST_FINITE: c_int = 0;
const DTST_INFINITE: c_int = 1;
const DTST_NAN: c_int = 2;

/// `PyOS_double_to_string`: the text in a `PyMem_Malloc` block (the caller
/// frees it with `PyMem_Free`).
pub fn double_to_string(
    vm: &Vm,
    x: f64,
    code: u8,
    precision: c_int,
    flags: c_int,
    kind: *mut c_int,
) -> PyResult<*mut c_char> {
    let code = code as char;
    if !matches!(code, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'r') {
        return Err(crate::boundary::bad_internal_call(vm));
    }
    if code == 'r' && precision != 0 {
        return Err(crate::boundary::bad_internal_call(vm));
    }
    let f = ferropy_core::text::floatfmt::DtoaFlags {
        alt: flags & DTSF_ALT != 0,
        add_dot_0: flags & DTSF_ADD_DOT_0 != 0,
        no_neg_0: flags & DTSF_NO_NEG_0 != 0,
    };
    let mut s =
        ferropy_core::text::floatfmt::double_to_string(x, code, precision.max(0) as usize, f)
            .map_err(|_| vm.memory_error())?;
    if flags & DTSF_SIGN != 0 && !s.starts_with('-') {
        s.insert(0, '+');
    }
    write_out(
        kind,
        if x.is_nan() {
            DTST_NAN
        } else if x.is_infinite() {
            DTST_INFINITE
        } else {
            DTST_FINITE
        },
    );
    let p = crate::mem::malloc(s.len() + 1) as *mut u8;
    if p.is_null() {
        return Err(vm.memory_error());
    }
    // SAFETY: `p` is a fresh block of s.len() + 1 bytes.
    unsafe {
        core::ptr::copy_nonoverlapping(s.as_ptr(), p, s.len());
        *p.add(s.len()) = 0;
    }
    Ok(p as *mut c_char)
}

#[no_mangle]
pub unsafe extern "C" fn PyOS_double_to_string(
    x: c_double,
    code: c_char,
    precision: c_int,
    flags: c_int,
    kind: *mut c_int,
) -> *mut c_char {
    api(|vm| double_to_string(vm, x, code as u8, precision, flags, kind).map(CPtr))
}

/// `PyOS_string_to_double`: with `endptr` NULL the whole string must be a
/// float literal (no surrounding whitespace); else the longest prefix that
/// is one is converted and `*endptr` points after it (at `s` when there is
/// none). ValueError when nothing converts; a value too large for a double
/// is an infinity when `overflow_exception` is NULL, else that exception.
/// Returns -1.0 on error.
#[no_mangle]
pub unsafe extern "C" fn PyOS_string_to_double(
    s: *const c_char,
    endptr: *mut *mut c_char,
    overflow_exception: P,
) -> c_double {
    use ferropy_core::text::floatfmt::parse_float;
    write_out(endptr, s as *mut c_char);
    api(|vm| {
        let text = cstr(vm, s)?;
        let ok = |t: &str| {
            // No whitespace or digit separators inside a C literal.
            if t.is_empty() || t.starts_with(char::is_whitespace) || t.contains('_') {
                None
            } else {
                parse_float(t)
            }
        };
        let found = if endptr.is_null() {
            ok(text).map(|v| (v, text.len()))
        } else {
            // The longest prefix (ASCII boundaries: literals are ASCII).
            (1..=text.len())
                .rev()
                .filter(|&n| text.is_char_boundary(n))
                .find_map(|n| ok(&text[..n]).map(|v| (v, n)))
        };
        let Some((v, n)) = found else {
            return Err(vm.value_error(&alloc::format!(
                "could not convert string to float: '{text}'"
            )));
        };
        let lit = text[..n]
            .trim_start_matches(['+', '-'])
            .to_ascii_lowercase();
        if v.is_infinite() && !lit.starts_with("inf") {
            if let Some(e) = opt(overflow_exception) {
                let msg = vm.new_string(alloc::format!(
                    "value too large to convert to float: '{text}'"
                ))?;
                return Err(vm.raise(call::call(vm, e, &[msg])?));
            }
        }
        // SAFETY: `n` is within the NUL-terminated string at `s`.
        write_out(endptr, unsafe { s.add(n) } as *mut c_char);
        Ok(v)
    })
}

// -------------------------------------------------------------------- sets

fn set_arg(vm: &Vm, s: P) -> PyResult<Obj> {
    let o = obj(vm, s)?;
    if set::is_anyset(o) {
        Ok(o)
    } else {
        Err(crate::boundary::bad_internal_call(vm))
    }
}

fn call_method(vm: &Vm, o: Obj, name: &str, args: &[Obj]) -> PyResult<Obj> {
    let m = abs::getattr_str(vm, o, name)?;
    call::call(vm, m, args)
}

#[no_mangle]
pub unsafe extern "C" fn PySet_New(iterable: P) -> P {
    api(|vm| match opt(iterable) {
        Some(it) => set::new_from_iter(vm, &set::SET_TYPE, it),
        None => set::new(vm, &[]),
    })
}
#[no_mangle]
pub unsafe extern "C" fn PyFrozenSet_New(iterable: P) -> P {
    api(|vm| match opt(iterable) {
        Some(it) => set::new_from_iter(vm, &set::FROZENSET_TYPE, it),
        None => set::new_frozen(vm, &[]),
    })
}
#[no_mangle]
pub unsafe extern "C" fn PySet_Size(s: P) -> isize {
    api(|vm| Ok(set::len(set_arg(vm, s)?) as isize))
}
#[no_mangle]
pub unsafe extern "C" fn PySet_Add(s: P, key: P) -> c_int {
    api(|vm| set::add(vm, set_arg(vm, s)?, obj(vm, key)?))
}
#[no_mangle]
pub unsafe extern "C" fn PySet_Discard(s: P, key: P) -> c_int {
    api(|vm| set::discard(vm, set_arg(vm, s)?, obj(vm, key)?))
}
#[no_mangle]
pub unsafe extern "C" fn PySet_Contains(s: P, key: P) -> c_int {
    api(|vm| set::contains(vm, set_arg(vm, s)?, obj(vm, key)?))
}
#[no_mangle]
pub unsafe extern "C" fn PySet_Clear(s: P) -> c_int {
    api(|vm| call_method(vm, set_arg(vm, s)?, "clear", &[]).map(|_| ()))
}
#[no_mangle]
pub unsafe extern "C" fn PySet_Pop(s: P) -> P {
    api(|vm| call_method(vm, set_arg(vm, s)?, "pop", &[]))
}

// ------------------------------------------------------------------ slices

#[no_mangle]
pub unsafe extern "C" fn PySlice_New(start: P, stop: P, step: P) -> P {
    api(|vm| {
        slice::new(
            vm,
            opt(start).unwrap_or(none()),
            opt(stop).unwrap_or(none()),
            opt(step).unwrap_or(none()),
        )
    })
}

/// `PySlice_Unpack`: start, stop, step with None read as the defaults
/// (step 0: ValueError); clamped to `PY_SSIZE_T_MIN..=MAX`.
#[no_mangle]
pub unsafe extern "C" fn PySlice_Unpack(
    s: P,
    start: *mut isize,
    stop: *mut isize,
    step: *mut isize,
) -> c_int {
    api(|vm| {
        let s = obj(vm, s)?;
        let get = |name: &str| abs::getattr_str(vm, s, name);
        let as_isize = |o: Obj| -> PyResult<isize> {
            let i = abs::index(vm, o).map_err(|e| {
                if vm.exc_matches(&ferropy_core::obj::exc::TYPE_ERROR) {
                    vm.take_exc();
                    vm.type_error(
                        "slice indices must be integers or None or have an __index__ method",
                    )
                } else {
                    e
                }
            })?;
            Ok(slice::clamp_int(i))
        };
        let st = get("step")?;
        let stv = if st == none() { 1 } else { as_isize(st)? };
        if stv == 0 {
            return Err(vm.value_error("slice step cannot be zero"));
        }
        let stv = stv.max(-isize::MAX);
        let a = get("start")?;
        let b = get("stop")?;
        let av = if a == none() {
            if stv < 0 {
                isize::MAX
            } else {
                0
            }
        } else {
            as_isize(a)?
        };
        let bv = if b == none() {
            if stv < 0 {
                isize::MIN
            } else {
                isize::MAX
            }
        } else {
            as_isize(b)?
        };
        write_out(start, av);
        write_out(stop, bv);
        write_out(step, stv);
        Ok(())
    })
}

/// `PySlice_AdjustIndices`: clip to a sequence of `length`; the number of
/// items.
#[no_mangle]
pub unsafe extern "C" fn PySlice_AdjustIndices(
    length: isize,
    start: *mut isize,
    stop: *mut isize,
    step: isize,
) -> isize {
    if start.is_null() || stop.is_null() || step == 0 {
        return 0;
    }
    // SAFETY: C passes valid in/out pointers.
    let (mut a, mut b) = unsafe { (*start, *stop) };
    let clip = |v: isize, neg_floor: isize| -> isize {
        if v < 0 {
            let v = v.saturating_add(length);
            if v < 0 {
                neg_floor
            } else {
                v
            }
        } else if v >= length {
            if step < 0 {
                length - 1
            } else {
                length
            }
        } else {
            v
        }
    };
    let floor = if step < 0 { -1 } else { 0 };
    a = clip(a, floor);
    b = clip(b, floor);
    // SAFETY: as above.
    unsafe {
        *start = a;
        *stop = b;
    }
    if step < 0 {
        if b < a {
            (a - b - 1) / (-step) + 1
        } else {
            0
        }
    } else if a < b {
        (b - a - 1) / step + 1
    } else {
        0
    }
}

// ------------------------------------------------------------------- lists

/// `PyList_SetSlice`: `l[low:high] = items`, or `del l[low:high]` for NULL.
#[no_mangle]
pub unsafe extern "C" fn PyList_SetSlice(l: P, low: isize, high: isize, items: P) -> c_int {
    api(|vm| {
        let l = obj(vm, l)?;
        if !list::is_list(l) {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        let n = list::len(l) as isize;
        let lo = low.clamp(0, n);
        let hi = high.clamp(lo, n);
        let s = slice::new(vm, Obj::small(lo), Obj::small(hi), none())?;
        match opt(items) {
            Some(v) => abs::setitem(vm, l, s, v),
            None => abs::delitem(vm, l, s),
        }
    })
}

// ----------------------------------------------------------------- numbers

macro_rules! inplace {
    ($($name:ident = $op:ident;)*) => {$(
        #[no_mangle]
        pub unsafe extern "C" fn $name(a: P, b: P) -> P {
            api(|vm| abs::binary_op(vm, BinOp::$op, obj(vm, a)?, obj(vm, b)?, true))
        }
    )*};
}
inplace! {
    PyNumber_InPlaceLshift = LShift;
    PyNumber_InPlaceRshift = RShift;
    PyNumber_InPlaceTrueDivide = TrueDiv;
    PyNumber_InPlaceFloorDivide = FloorDiv;
    PyNumber_InPlaceRemainder = Mod;
    PyNumber_InPlaceMatrixMultiply = MatMul;
}
#[no_mangle]
pub unsafe extern "C" fn PyNumber_MatrixMultiply(a: P, b: P) -> P {
    api(|vm| abs::binary_op(vm, BinOp::MatMul, obj(vm, a)?, obj(vm, b)?, false))
}
/// `a **= b` (the three-argument form's modulus must be None).
#[no_mangle]
pub unsafe extern "C" fn PyNumber_InPlacePower(a: P, b: P, m: P) -> P {
    api(|vm| {
        if opt(m).is_some_and(|m| m != none()) {
            return Err(vm.type_error("3-argument pow() is not supported in place"));
        }
        abs::binary_op(vm, BinOp::Pow, obj(vm, a)?, obj(vm, b)?, true)
    })
}
#[no_mangle]
pub unsafe extern "C" fn PyNumber_Divmod(a: P, b: P) -> P {
    api(|vm| {
        let builtins = vm
            .builtins
            .get()
            .ok_or_else(|| crate::boundary::bad_internal_call(vm))?;
        let f = abs::getattr_str(vm, builtins, "divmod")?;
        call::call(vm, f, &[obj(vm, a)?, obj(vm, b)?])
    })
}

// ----------------------------------------------------------------- complex

fn complex_parts(vm: &Vm, o: P) -> PyResult<(f64, f64)> {
    let o = obj(vm, o)?;
    if let Some(c) = complex::as_complex(vm, o)? {
        return Ok(c);
    }
    Ok((crate::types::float_as_double(vm, o)?, 0.0))
}

#[no_mangle]
pub unsafe extern "C" fn PyComplex_FromDoubles(re: c_double, im: c_double) -> P {
    api(|vm| complex::new(vm, re, im))
}
#[no_mangle]
pub unsafe extern "C" fn PyComplex_RealAsDouble(o: P) -> c_double {
    api(|vm| complex_parts(vm, o).map(|c| c.0))
}
#[no_mangle]
pub unsafe extern "C" fn PyComplex_ImagAsDouble(o: P) -> c_double {
    api(|vm| complex_parts(vm, o).map(|c| c.1))
}

// ------------------------------------------------------------------- str

fn str_arg(vm: &Vm, s: P) -> PyResult<&'static str> {
    pystr::as_str(obj(vm, s)?).ok_or_else(|| crate::boundary::bad_internal_call(vm))
}

/// `PyUnicode_FindChar`: index of `ch` in `s[start:end]` (from the end when
/// `direction` < 0), -1 when absent, -2 on error.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_FindChar(
    s: P,
    ch: u32,
    start: isize,
    end: isize,
    direction: c_int,
) -> isize {
    let r = api(|vm| {
        let text = str_arg(vm, s)?;
        let n = text.chars().count() as isize;
        let (a, b) = (start.clamp(0, n), end.clamp(0, n));
        if a >= b {
            return Ok(-1isize);
        }
        let target = char::from_u32(ch);
        let found = text
            .chars()
            .enumerate()
            .skip(a as usize)
            .take((b - a) as usize)
            .filter(|(_, c)| Some(*c) == target)
            .map(|(i, _)| i as isize);
        Ok(if direction < 0 {
            found.last().unwrap_or(-1)
        } else {
            found.into_iter().next().unwrap_or(-1)
        })
    });
    if r == -1 && crate::boundary::vm().is_some_and(|vm| vm.exc().is_some()) {
        -2
    } else {
        r
    }
}
/// `PyUnicode_Substring`: `s[start:end]` in code points.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_Substring(s: P, start: isize, end: isize) -> P {
    api(|vm| {
        let text = str_arg(vm, s)?;
        if start < 0 || end < 0 {
            return Err(vm.index_error("string index out of range"));
        }
        let sub: alloc::string::String = text
            .chars()
            .skip(start as usize)
            .take(end.saturating_sub(start).max(0) as usize)
            .collect();
        vm.new_str(&sub)
    })
}
/// `PyUnicode_ReadChar`: the code point at `index`.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_ReadChar(s: P, index: isize) -> u32 {
    api(|vm| {
        let text = str_arg(vm, s)?;
        let c = usize::try_from(index)
            .ok()
            .and_then(|i| text.chars().nth(i))
            .ok_or_else(|| vm.index_error("string index out of range"))?;
        Ok(c as u32)
    })
}

// ------------------------------------------------------------------ import

/// `PyImport_GetModule`: `sys.modules[name]` or NULL (no exception).
#[no_mangle]
pub unsafe extern "C" fn PyImport_GetModule(name: P) -> P {
    api(|vm| {
        let name = obj(vm, name)?;
        let Some(modules) = vm.modules.get() else {
            return Ok(None);
        };
        dict::get(vm, modules, name)
    })
}
/// `__import__(name, globals, locals, fromlist, level)`.
#[no_mangle]
pub unsafe extern "C" fn PyImport_ImportModuleLevelObject(
    name: P,
    globals: P,
    _locals: P,
    fromlist: P,
    level: c_int,
) -> P {
    api(|vm| {
        let globals = match opt(globals) {
            Some(g) => g,
            None => dict::new(vm)?,
        };
        import::import_name(
            vm,
            obj(vm, name)?,
            globals,
            opt(fromlist).unwrap_or(none()),
            Obj::small(level as isize),
        )
    })
}
#[no_mangle]
pub unsafe extern "C" fn PyImport_ImportModuleLevel(
    name: *const c_char,
    globals: P,
    locals: P,
    fromlist: P,
    level: c_int,
) -> P {
    let _ = locals;
    api(|vm| {
        let n = vm.new_str(cstr(vm, name)?)?;
        let globals = match opt(globals) {
            Some(g) => g,
            None => dict::new(vm)?,
        };
        import::import_name(
            vm,
            n,
            globals,
            opt(fromlist).unwrap_or(none()),
            Obj::small(level as isize),
        )
    })
}

// ------------------------------------------------------------------ types

#[no_mangle]
pub static _PyMemoryView_TypeRef: &TypeObj = &ferropy_core::obj::memoryview::MEMORYVIEW_TYPE;
#[no_mangle]
pub static _PyMethodDescr_TypeRef: &TypeObj = &crate::spec::METHOD_DESCR_TYPE;

// ------------------------------------------------- more sequences and str

/// A negative index counts from the end (as `PySequence_GetItem`).
use crate::abstract_::seq_index;

#[no_mangle]
pub unsafe extern "C" fn PySequence_SetItem(o: P, i: isize, v: P) -> c_int {
    api(|vm| {
        let o = obj(vm, o)?;
        let k = seq_index(vm, o, i)?;
        abs::setitem(vm, o, k, obj(vm, v)?)
    })
}
#[no_mangle]
pub unsafe extern "C" fn PySequence_DelItem(o: P, i: isize) -> c_int {
    api(|vm| {
        let o = obj(vm, o)?;
        let k = seq_index(vm, o, i)?;
        abs::delitem(vm, o, k)
    })
}
#[no_mangle]
pub unsafe extern "C" fn PySequence_Length(o: P) -> isize {
    api(|vm| crate::abstract_::seq_size(vm, obj(vm, o)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyMapping_Keys(o: P) -> P {
    api(|vm| {
        let k = call_method(vm, obj(vm, o)?, "keys", &[])?;
        abs::to_list(vm, k)
    })
}
#[no_mangle]
pub unsafe extern "C" fn PyMapping_Values(o: P) -> P {
    api(|vm| {
        let k = call_method(vm, obj(vm, o)?, "values", &[])?;
        abs::to_list(vm, k)
    })
}
#[no_mangle]
pub unsafe extern "C" fn PyMapping_Items(o: P) -> P {
    api(|vm| {
        let k = call_method(vm, obj(vm, o)?, "items", &[])?;
        abs::to_list(vm, k)
    })
}
/// `PyDict_Merge(a, b, override)`: `a.update(b)`, or only the missing keys
/// when `override` is 0.
#[no_mangle]
pub unsafe extern "C" fn PyDict_Merge(a: P, b: P, override_: c_int) -> c_int {
    api(|vm| {
        let (a, b) = (obj(vm, a)?, obj(vm, b)?);
        if a.downcast::<dict::DictObj>().is_none() {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        if override_ != 0 && b.downcast::<dict::DictObj>().is_some() {
            return call_method(vm, a, "update", &[b]).map(|_| ());
        }
        // Any other mapping: through its keys() (AttributeError without).
        let keys = call_method(vm, b, "keys", &[])?;
        for k in abs::to_vec(vm, keys)? {
            if override_ != 0 || dict::get(vm, a, k)?.is_none() {
                let v = abs::getitem(vm, b, k)?;
                abs::setitem(vm, a, k, v)?;
            }
        }
        Ok(())
    })
}
/// `bin()`, `oct()` or `hex()` of an int (base 2, 8, 16), `str()` for 10.
#[no_mangle]
pub unsafe extern "C" fn PyNumber_ToBase(n: P, base: c_int) -> P {
    api(|vm| {
        let name = match base {
            2 => "bin",
            8 => "oct",
            10 => "str",
            16 => "hex",
            _ => {
                return Err(vm.new_error(
                    &ferropy_core::obj::exc::SYSTEM_ERROR,
                    "PyNumber_ToBase: base must be 2, 8, 10 or 16",
                ))
            }
        };
        let builtins = vm
            .builtins
            .get()
            .ok_or_else(|| crate::boundary::bad_internal_call(vm))?;
        let f = abs::getattr_str(vm, builtins, name)?;
        let i = abs::index(vm, obj(vm, n)?)?;
        call::call(vm, f, &[i])
    })
}

/// `format % args`.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_Format(format: P, args: P) -> P {
    api(|vm| abs::binary_op(vm, BinOp::Mod, obj(vm, format)?, obj(vm, args)?, false))
}
/// An exact str with the text of `o` (a str or a str subclass).
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_FromObject(o: P) -> P {
    api(|vm| {
        let o = obj(vm, o)?;
        match pystr::as_str(o) {
            Some(s) => vm.new_str(s),
            None => Err(vm.type_error(&alloc::format!(
                "Can't convert '{}' object to str implicitly",
                o.ty().name()
            ))),
        }
    })
}
fn opt_cstr<'a>(vm: &Vm, p: *const c_char) -> PyResult<Option<&'a str>> {
    if p.is_null() {
        Ok(None)
    } else {
        cstr(vm, p).map(Some)
    }
}
/// `s.encode(encoding, errors)` (NULL: the defaults).
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_AsEncodedString(
    s: P,
    encoding: *const c_char,
    errors: *const c_char,
) -> P {
    api(|vm| {
        let enc = vm.new_str(opt_cstr(vm, encoding)?.unwrap_or("utf-8"))?;
        let err = vm.new_str(opt_cstr(vm, errors)?.unwrap_or("strict"))?;
        call_method(vm, obj(vm, s)?, "encode", &[enc, err])
    })
}
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_AsASCIIString(s: P) -> P {
    api(|vm| {
        let enc = vm.new_str("ascii")?;
        call_method(vm, obj(vm, s)?, "encode", &[enc])
    })
}
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_AsLatin1String(s: P) -> P {
    api(|vm| {
        let enc = vm.new_str("latin-1")?;
        call_method(vm, obj(vm, s)?, "encode", &[enc])
    })
}
fn isize_obj(vm: &Vm, i: isize) -> PyResult<Obj> {
    ferropy_core::obj::int::new_i64(vm, i as i64)
}
/// `s.split(sep, maxsplit)` (NULL `sep`: whitespace).
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_Split(s: P, sep: P, maxsplit: isize) -> P {
    api(|vm| {
        let m = isize_obj(vm, maxsplit)?;
        call_method(vm, obj(vm, s)?, "split", &[opt(sep).unwrap_or(none()), m])
    })
}
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_Splitlines(s: P, keepends: c_int) -> P {
    api(|vm| {
        let k = ferropy_core::obj::py_bool(keepends != 0);
        call_method(vm, obj(vm, s)?, "splitlines", &[k])
    })
}
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_Replace(s: P, old: P, new: P, maxcount: isize) -> P {
    api(|vm| {
        let m = isize_obj(vm, maxcount)?;
        call_method(
            vm,
            obj(vm, s)?,
            "replace",
            &[obj(vm, old)?, obj(vm, new)?, m],
        )
    })
}
/// `s[start:end].startswith(sub)` (direction -1) or `.endswith(sub)`.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_Tailmatch(
    s: P,
    sub: P,
    start: isize,
    end: isize,
    direction: c_int,
) -> isize {
    api(|vm| {
        let name = if direction < 0 {
            "startswith"
        } else {
            "endswith"
        };
        let (a, b) = (isize_obj(vm, start)?, isize_obj(vm, end)?);
        let r = call_method(vm, obj(vm, s)?, name, &[obj(vm, sub)?, a, b])?;
        Ok(abs::truthy(vm, r)? as isize)
    })
}
/// `s.find(sub, start, end)` (direction > 0) or `rfind`; -2 on error.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_Find(
    s: P,
    sub: P,
    start: isize,
    end: isize,
    direction: c_int,
) -> isize {
    let r = api(|vm| {
        let name = if direction > 0 { "find" } else { "rfind" };
        let (a, b) = (isize_obj(vm, start)?, isize_obj(vm, end)?);
        let r = call_method(vm, obj(vm, s)?, name, &[obj(vm, sub)?, a, b])?;
        abs::index_isize(vm, r)
    });
    if r == -1 && crate::boundary::vm().is_some_and(|vm| vm.exc().is_some()) {
        -2
    } else {
        r
    }
}
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_Count(s: P, sub: P, start: isize, end: isize) -> isize {
    api(|vm| {
        let (a, b) = (isize_obj(vm, start)?, isize_obj(vm, end)?);
        let r = call_method(vm, obj(vm, s)?, "count", &[obj(vm, sub)?, a, b])?;
        abs::index_isize(vm, r)
    })
}
