//! Concrete types: `PyLong_*`, `PyFloat_*`, `PyBool_*`, `PyUnicode_*`,
//! `PyBytes_*`, `PyTuple_*`, `PyList_*`, `PyDict_*`.
//!
//! Borrowed references out of containers (`PyTuple_GetItem`,
//! `PyList_GetItem`, `PyDict_GetItem*`, `PyDict_Next`) box a small int in
//! place: the box is written back into the slot, so the borrowed pointer
//! lives as long as the container.

use crate::boundary::{api, cbytes, cstr, obj, opt, steal, utf8, write_out, Borrowed, CPtr, P};
use core::ffi::{c_char, c_double, c_int, c_long, c_longlong, c_ulong, c_ulonglong};
use ferropy_core::bigint::BigInt;
use ferropy_core::obj::{bytes, dict, float, int, list, py_bool, str as pystr, tuple, Obj};
use ferropy_core::vm::{abs, PyResult, Vm};

// ------------------------------------------------------------------ int

/// The value of an int (`__index__` for other objects when `index`).
fn int_value(vm: &Vm, o: Obj, index: bool) -> PyResult<BigInt> {
    let i = if int::is_int(o) {
        o
    } else if index {
        abs::index(vm, o)?
    } else {
        return Err(vm.type_error("an integer is required"));
    };
    Ok(int::to_bigint(i).unwrap_or(BigInt::zero()))
}

fn too_large(vm: &Vm, cname: &str) -> ferropy_core::vm::Raised {
    if cname.ends_with("long long") {
        // CPython converts these through its byte-array helper.
        return vm.overflow_error("int too big to convert");
    }
    vm.overflow_error(&alloc::format!(
        "Python int too large to convert to C {}",
        cname
    ))
}

/// A C signed integer of type `T` from an int (`__index__` when `index`).
pub fn as_signed<T: TryFrom<i128>>(vm: &Vm, o: Obj, index: bool, cname: &str) -> PyResult<T> {
    let v = int_value(vm, o, index)?;
    v.to_i128()
        .and_then(|v| T::try_from(v).ok())
        .ok_or_else(|| too_large(vm, cname))
}

/// A C unsigned integer of type `T` from an int (negative: OverflowError).
pub fn as_unsigned<T: TryFrom<u128>>(vm: &Vm, o: Obj, cname: &str) -> PyResult<T> {
    let v = int_value(vm, o, false)?;
    if v.is_negative() {
        return Err(vm.overflow_error(match cname {
            "size_t" => "can't convert negative value to size_t",
            "unsigned long long" => "can't convert negative int to unsigned",
            _ => "can't convert negative value to unsigned int",
        }));
    }
    v.to_u128()
        .and_then(|v| T::try_from(v).ok())
        .ok_or_else(|| too_large(vm, cname))
}

/// The low bits of an int (`PyLong_AsUnsignedLongMask`).
pub fn as_mask(vm: &Vm, o: Obj) -> PyResult<u64> {
    let v = int_value(vm, o, true)?;
    let m = v.and(&BigInt::from_u64(u64::MAX));
    Ok(m.to_u64().unwrap_or(0))
}

/// `PyLong_AsLongAndOverflow`: -1 with `*overflow` = ±1 when out of range.
pub fn as_long_overflow(vm: &Vm, o: Obj, overflow: *mut c_int) -> PyResult<i64> {
    write_out(overflow, 0);
    let v = int_value(vm, o, true)?;
    match v.to_i64() {
        Some(x) => Ok(x),
        None => {
            write_out(overflow, if v.is_negative() { -1 } else { 1 });
            Ok(-1)
        }
    }
}

pub fn long_as_double(vm: &Vm, o: Obj) -> PyResult<f64> {
    int_value(vm, o, false)?
        .to_f64()
        .map_err(|_| vm.overflow_error("int too large to convert to float"))
}

pub fn long_from_string(vm: &Vm, s: &str, base: c_int) -> PyResult<Obj> {
    if base != 0 && !(2..=36).contains(&base) {
        return Err(vm.value_error("int() arg 2 must be >= 2 and <= 36"));
    }
    let f = abs::getattr_str(
        vm,
        vm.builtins
            .get()
            .ok_or_else(|| crate::boundary::bad_internal_call(vm))?,
        "int",
    )?;
    let text = vm.new_str(s)?;
    match ferropy_core::vm::call::call(vm, f, &[text, Obj::small(base as isize)]) {
        Err(_) if base == 0 && vm.exc_matches(&ferropy_core::obj::exc::VALUE_ERROR) => {
            // CPython names the base the prefix selected.
            let digits = s.trim_start_matches(['+', '-']).to_ascii_lowercase();
            let base = match digits.get(..2) {
                Some("0x") => 16,
                Some("0o") => 8,
                Some("0b") => 2,
                _ => 10,
            };
            vm.take_exc();
            let r = abs::repr(vm, text)?;
            let r = ferropy_core::obj::str::as_str(r).unwrap_or("");
            Err(vm.value_error(&alloc::format!(
                "invalid literal for int() with base {base}: {r}"
            )))
        }
        r => r,
    }
}

// ----------------------------------------------------------------- float

pub fn float_as_double(vm: &Vm, o: Obj) -> PyResult<f64> {
    float::real_arg(vm, o)
}

// ------------------------------------------------------------------- str

/// The NUL-terminated UTF-8 data of a str object (lives as long as it).
pub fn utf8_ptr(s: Obj) -> *const c_char {
    pystr::as_str(s)
        .map(|t| t.as_ptr() as *const c_char)
        .unwrap_or(core::ptr::null())
}

fn str_arg(vm: &Vm, o: Obj) -> PyResult<&'static str> {
    pystr::as_str(o).ok_or_else(|| vm.type_error("bad argument type for built-in operation"))
}

pub fn as_utf8(vm: &Vm, o: Obj, size: *mut isize) -> PyResult<CPtr<c_char>> {
    let s = str_arg(vm, o)?;
    write_out(size, s.len() as isize);
    Ok(CPtr(s.as_ptr() as *mut c_char))
}

pub fn unicode_from_bytes(vm: &Vm, b: &[u8]) -> PyResult<Obj> {
    vm.new_str(utf8(vm, b)?)
}

pub fn unicode_compare(vm: &Vm, a: Obj, b: Obj) -> PyResult<i32> {
    let (Some(x), Some(y)) = (pystr::as_str(a), pystr::as_str(b)) else {
        return Err(vm.type_error(&alloc::format!(
            "Can't compare {} and {}",
            a.ty().name(),
            b.ty().name()
        )));
    };
    Ok(match x.cmp(y) {
        core::cmp::Ordering::Less => -1,
        core::cmp::Ordering::Equal => 0,
        core::cmp::Ordering::Greater => 1,
    })
}

pub fn from_ordinal(vm: &Vm, c: c_int) -> PyResult<Obj> {
    match u32::try_from(c).ok().and_then(char::from_u32) {
        Some(ch) => vm.new_str(ch.encode_utf8(&mut [0; 4])),
        None => Err(vm.value_error("chr() arg not in range(0x110000)")),
    }
}

// ----------------------------------------------------------------- bytes

pub fn bytes_new(vm: &Vm, p: *const c_char, n: isize) -> PyResult<Obj> {
    if p.is_null() && n >= 0 {
        // Uninitialised (zeroed) bytes for C to fill in.
        return bytes::new(vm, &alloc::vec![0u8; n as usize]);
    }
    bytes::new(vm, cbytes(vm, p, n)?)
}

fn bytes_arg(vm: &Vm, o: Obj) -> PyResult<&'static [u8]> {
    bytes::as_bytes(o)
        .ok_or_else(|| vm.type_error(&alloc::format!("expected bytes, {} found", o.ty().name())))
}

pub fn bytes_as_string_and_size(
    vm: &Vm,
    o: Obj,
    buf: *mut *mut c_char,
    len: *mut isize,
) -> PyResult<()> {
    let b = bytes_arg(vm, o)?;
    if len.is_null() && b.contains(&0) {
        return Err(vm.value_error("embedded null byte"));
    }
    write_out(buf, b.as_ptr() as *mut c_char);
    write_out(len, b.len() as isize);
    Ok(())
}

// ----------------------------------------------------------------- tuple

fn tuple_arg(vm: &Vm, t: Obj) -> PyResult<Obj> {
    if tuple::is_tuple(t) {
        Ok(t)
    } else {
        Err(crate::boundary::bad_internal_call(vm))
    }
}

fn index_in(vm: &Vm, i: isize, len: usize, what: &str) -> PyResult<usize> {
    if i < 0 || i as usize >= len {
        return Err(vm.index_error(&alloc::format!("{} index out of range", what)));
    }
    Ok(i as usize)
}

pub fn tuple_new(vm: &Vm, n: isize) -> PyResult<Obj> {
    if n < 0 {
        return Err(crate::boundary::bad_internal_call(vm));
    }
    tuple::alloc(vm, &tuple::TUPLE_TYPE, n as usize)
}

pub fn tuple_get(vm: &Vm, t: Obj, i: isize) -> PyResult<Borrowed> {
    let t = tuple_arg(vm, t)?;
    let items = tuple::tuple_items(t);
    let i = index_in(vm, i, items.len(), "tuple")?;
    let b = int::boxed(vm, items[i])?;
    if !b.is(items[i]) {
        tuple::set_item(t, i, b);
    }
    Ok(Borrowed(Some(b)))
}

/// `PyTuple_SetItem`: steals `v` (also on error, as CPython).
pub fn tuple_set(vm: &Vm, t: Obj, i: isize, v: Option<Obj>) -> PyResult<()> {
    let t = tuple_arg(vm, t)?;
    let i = index_in(vm, i, tuple::tuple_items(t).len(), "tuple assignment")?;
    tuple::set_item(t, i, v.unwrap_or(ferropy_core::obj::none()));
    Ok(())
}

pub fn tuple_slice(vm: &Vm, t: Obj, lo: isize, hi: isize) -> PyResult<Obj> {
    let items = tuple::tuple_items(tuple_arg(vm, t)?);
    let (lo, hi) = clamp(lo, hi, items.len());
    tuple::new(vm, &items[lo..hi])
}

fn clamp(lo: isize, hi: isize, len: usize) -> (usize, usize) {
    let lo = lo.clamp(0, len as isize) as usize;
    let hi = hi.clamp(lo as isize, len as isize) as usize;
    (lo, hi)
}

// ------------------------------------------------------------------ list

fn list_arg(vm: &Vm, l: Obj) -> PyResult<Obj> {
    if list::is_list(l) {
        Ok(l)
    } else {
        Err(crate::boundary::bad_internal_call(vm))
    }
}

pub fn list_new(vm: &Vm, n: isize) -> PyResult<Obj> {
    if n < 0 {
        return Err(crate::boundary::bad_internal_call(vm));
    }
    let l = list::new(vm, &[])?;
    for _ in 0..n {
        list::append(vm, l, ferropy_core::obj::none())?;
    }
    Ok(l)
}

pub fn list_get(vm: &Vm, l: Obj, i: isize) -> PyResult<Borrowed> {
    let l = list_arg(vm, l)?;
    let i = index_in(vm, i, list::len(l), "list")?;
    let item = list::get(l, i).unwrap_or(ferropy_core::obj::none());
    let b = int::boxed(vm, item)?;
    if !b.is(item) {
        list::set(l, i, b);
    }
    Ok(Borrowed(Some(b)))
}

pub fn list_set(vm: &Vm, l: Obj, i: isize, v: Option<Obj>) -> PyResult<()> {
    let l = list_arg(vm, l)?;
    let i = index_in(vm, i, list::len(l), "list assignment")?;
    list::set(l, i, v.unwrap_or(ferropy_core::obj::none()));
    Ok(())
}

pub fn list_insert(vm: &Vm, l: Obj, i: isize, v: Obj) -> PyResult<()> {
    let l = list_arg(vm, l)?;
    let n = list::len(l) as isize;
    let i = if i < 0 { (i + n).max(0) } else { i.min(n) };
    list::insert(vm, l, i as usize, v)
}

pub fn list_slice(vm: &Vm, l: Obj, lo: isize, hi: isize) -> PyResult<Obj> {
    let items = list::to_vec(list_arg(vm, l)?);
    let (lo, hi) = clamp(lo, hi, items.len());
    list::new(vm, &items[lo..hi])
}

// ------------------------------------------------------------------ dict

fn dict_arg(vm: &Vm, d: Obj) -> PyResult<Obj> {
    if dict::is_dict(d) {
        Ok(d)
    } else {
        Err(crate::boundary::bad_internal_call(vm))
    }
}

/// A dict value as a borrowed pointer, boxed in place.
fn dict_value_borrowed(vm: &Vm, d: Obj, k: Obj, v: Obj) -> PyResult<Borrowed> {
    let b = int::boxed(vm, v)?;
    if !b.is(v) {
        dict::set(vm, d, k, b)?;
    }
    Ok(Borrowed(Some(b)))
}

pub fn dict_get(vm: &Vm, d: Obj, k: Obj) -> PyResult<Borrowed> {
    let d = dict_arg(vm, d)?;
    match dict::get(vm, d, k)? {
        Some(v) => dict_value_borrowed(vm, d, k, v),
        None => Ok(Borrowed(None)),
    }
}

/// `PyDict_GetItem`: errors are swallowed (NULL without exception).
pub fn dict_get_quiet(vm: &Vm, d: Obj, k: Obj) -> PyResult<Borrowed> {
    let saved = vm.take_exc();
    let r = dict_get(vm, d, k);
    vm.restore_exc(saved);
    Ok(r.unwrap_or(Borrowed(None)))
}

pub fn dict_get_str(vm: &Vm, d: Obj, k: &str) -> PyResult<Borrowed> {
    let k = vm.intern(k)?;
    dict_get_quiet(vm, d, k)
}

pub fn dict_del(vm: &Vm, d: Obj, k: Obj) -> PyResult<()> {
    if dict::del(vm, dict_arg(vm, d)?, k)? {
        Ok(())
    } else {
        Err(vm.key_error(k))
    }
}

/// `PyDict_Next`: the next live entry at or after `*pos`.
pub fn dict_next(vm: &Vm, d: Obj, pos: *mut isize, pk: *mut P, pv: *mut P) -> PyResult<bool> {
    let d = dict_arg(vm, d)?;
    if pos.is_null() {
        return Ok(false);
    }
    // SAFETY: C passes a valid position pointer (checked non-NULL).
    let start = unsafe { *pos };
    let mut i = start.max(0) as usize;
    while i < dict::used(d) {
        if let Some((k, v)) = dict::entry_at(d, i) {
            let (bk, bv) = (int::boxed(vm, k)?, int::boxed(vm, v)?);
            if !bk.is(k) || !bv.is(v) {
                dict::replace_entry_at(d, i, bk, bv);
            }
            write_out(pos, i as isize + 1);
            write_out(pk, bk.as_ptr());
            write_out(pv, bv.as_ptr());
            return Ok(true);
        }
        i += 1;
    }
    Ok(false)
}

fn dict_view(vm: &Vm, d: Obj, which: u8) -> PyResult<Obj> {
    let d = dict_arg(vm, d)?;
    let mut out = alloc::vec::Vec::new();
    for (k, v) in dict::items_vec(d) {
        out.push(match which {
            0 => k,
            1 => v,
            _ => tuple::new(vm, &[k, v])?,
        });
    }
    list::new(vm, &out)
}

// ------------------------------------------------------------- exports

#[no_mangle]
pub unsafe extern "C" fn PyLong_FromLong(v: c_long) -> P {
    api(|vm| int::new_i64(vm, i64::from(v)))
}
#[no_mangle]
pub unsafe extern "C" fn PyLong_FromUnsignedLong(v: c_ulong) -> P {
    api(|vm| int::from_bigint(vm, &BigInt::from_u64(u64::from(v))))
}
#[no_mangle]
pub unsafe extern "C" fn PyLong_FromLongLong(v: c_longlong) -> P {
    api(|vm| int::new_i64(vm, v))
}
#[no_mangle]
pub unsafe extern "C" fn PyLong_FromUnsignedLongLong(v: c_ulonglong) -> P {
    api(|vm| int::from_bigint(vm, &BigInt::from_u64(v)))
}
#[no_mangle]
pub unsafe extern "C" fn PyLong_FromSsize_t(v: isize) -> P {
    api(|vm| int::new_i64(vm, v as i64))
}
#[no_mangle]
pub unsafe extern "C" fn PyLong_FromSize_t(v: usize) -> P {
    api(|vm| int::from_bigint(vm, &BigInt::from_u64(v as u64)))
}
#[no_mangle]
pub unsafe extern "C" fn PyLong_FromDouble(v: c_double) -> P {
    api(|vm| float::f64_to_int(vm, v))
}
#[no_mangle]
pub unsafe extern "C" fn PyLong_FromVoidPtr(p: *mut core::ffi::c_void) -> P {
    api(|vm| int::from_bigint(vm, &BigInt::from_u64(p as usize as u64)))
}
#[no_mangle]
pub unsafe extern "C" fn PyLong_FromString(
    s: *const c_char,
    pend: *mut *mut c_char,
    base: c_int,
) -> P {
    write_out(pend, core::ptr::null_mut());
    api(|vm| {
        let text = cstr(vm, s)?;
        let v = long_from_string(vm, text.trim(), base)?;
        // On success the whole string was read: `*pend` is its end.
        // SAFETY: `text` is the NUL-terminated string at `s`.
        write_out(pend, unsafe { s.add(text.len()) } as *mut c_char);
        Ok(v)
    })
}
#[no_mangle]
pub unsafe extern "C" fn PyLong_AsLong(o: P) -> c_long {
    api(|vm| as_signed::<c_long>(vm, obj(vm, o)?, true, "long"))
}
#[no_mangle]
pub unsafe extern "C" fn PyLong_AsLongAndOverflow(o: P, overflow: *mut c_int) -> c_long {
    api(|vm| as_long_overflow(vm, obj(vm, o)?, overflow))
        .try_into()
        .unwrap_or(-1)
}
#[no_mangle]
pub unsafe extern "C" fn PyLong_AsLongLong(o: P) -> c_longlong {
    api(|vm| as_signed::<c_longlong>(vm, obj(vm, o)?, true, "long long"))
}
#[no_mangle]
pub unsafe extern "C" fn PyLong_AsLongLongAndOverflow(o: P, overflow: *mut c_int) -> c_longlong {
    api(|vm| as_long_overflow(vm, obj(vm, o)?, overflow))
}
#[no_mangle]
pub unsafe extern "C" fn PyLong_AsSsize_t(o: P) -> isize {
    api(|vm| as_signed::<isize>(vm, obj(vm, o)?, false, "ssize_t"))
}
#[no_mangle]
pub unsafe extern "C" fn PyLong_AsSize_t(o: P) -> usize {
    api(|vm| as_unsigned::<usize>(vm, obj(vm, o)?, "size_t"))
}
#[no_mangle]
pub unsafe extern "C" fn PyLong_AsUnsignedLong(o: P) -> c_ulong {
    api(|vm| as_unsigned::<c_ulong>(vm, obj(vm, o)?, "unsigned long"))
}
#[no_mangle]
pub unsafe extern "C" fn PyLong_AsUnsignedLongLong(o: P) -> c_ulonglong {
    api(|vm| as_unsigned::<c_ulonglong>(vm, obj(vm, o)?, "unsigned long long"))
}
#[no_mangle]
pub unsafe extern "C" fn PyLong_AsUnsignedLongMask(o: P) -> c_ulong {
    api(|vm| as_mask(vm, obj(vm, o)?)) as c_ulong
}
#[no_mangle]
pub unsafe extern "C" fn PyLong_AsUnsignedLongLongMask(o: P) -> c_ulonglong {
    api(|vm| as_mask(vm, obj(vm, o)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyLong_AsDouble(o: P) -> c_double {
    api(|vm| long_as_double(vm, obj(vm, o)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyLong_AsVoidPtr(o: P) -> *mut core::ffi::c_void {
    api(|vm| as_unsigned::<usize>(vm, obj(vm, o)?, "pointer")) as *mut core::ffi::c_void
}
#[no_mangle]
pub unsafe extern "C" fn PyBool_FromLong(v: c_long) -> P {
    api(|_| Ok(py_bool(v != 0)))
}
#[no_mangle]
pub unsafe extern "C" fn PyFloat_FromDouble(v: c_double) -> P {
    api(|vm| float::new(vm, v))
}
#[no_mangle]
pub unsafe extern "C" fn PyFloat_FromString(s: P) -> P {
    api(|vm| crate::abstract_::convert(vm, &float::FLOAT_TYPE, obj(vm, s)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyFloat_AsDouble(o: P) -> c_double {
    api(|vm| float_as_double(vm, obj(vm, o)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_FromString(s: *const c_char) -> P {
    api(|vm| vm.new_str(cstr(vm, s)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_FromStringAndSize(s: *const c_char, n: isize) -> P {
    api(|vm| unicode_from_bytes(vm, cbytes(vm, s, n)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_DecodeUTF8(
    s: *const c_char,
    n: isize,
    errors: *const c_char,
) -> P {
    api(|vm| {
        let data = cbytes(vm, s, n)?;
        match opt_cstr(vm, errors)? {
            None | Some("strict") => unicode_from_bytes(vm, data),
            // Other handlers: bytes.decode's.
            Some(h) => {
                let b = ferropy_core::obj::bytes::new(vm, data)?;
                let m = abs::getattr_str(vm, b, "decode")?;
                ferropy_core::vm::call::call(vm, m, &[vm.new_str("utf-8")?, vm.new_str(h)?])
            }
        }
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_FromOrdinal(c: c_int) -> P {
    api(|vm| from_ordinal(vm, c))
}
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_InternFromString(s: *const c_char) -> P {
    api(|vm| vm.intern(cstr(vm, s)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_InternInPlace(p: *mut P) {
    if p.is_null() {
        return;
    }
    // SAFETY: C passes a valid pointer to an object pointer.
    let cur = unsafe { *p };
    let new = api(|vm| {
        let o = obj(vm, cur)?;
        let i = vm.intern_obj(o)?;
        if !i.is(o) {
            i.pin();
            o.unpin();
        }
        Ok(CPtr(i.as_ptr()))
    });
    if !new.is_null() {
        write_out(p, new);
    }
}
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_AsUTF8(o: P) -> *const c_char {
    api(|vm| as_utf8(vm, obj(vm, o)?, core::ptr::null_mut()))
}
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_AsUTF8AndSize(o: P, size: *mut isize) -> *const c_char {
    api(|vm| as_utf8(vm, obj(vm, o)?, size))
}
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_AsUTF8String(o: P) -> P {
    api(|vm| bytes::new(vm, str_arg(vm, obj(vm, o)?)?.as_bytes()))
}
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_GetLength(o: P) -> isize {
    api(|vm| Ok(pystr::char_len(obj(vm, o).and_then(|o| str_arg(vm, o).map(|_| o))?) as isize))
}
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_Concat(a: P, b: P) -> P {
    api(|vm| crate::abstract_::binop(vm, ferropy_core::obj::BinOp::Add, obj(vm, a)?, obj(vm, b)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_Compare(a: P, b: P) -> c_int {
    api(|vm| unicode_compare(vm, obj(vm, a)?, obj(vm, b)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_CompareWithASCIIString(a: P, b: *const c_char) -> c_int {
    api(|vm| unicode_compare(vm, obj(vm, a)?, vm.new_str(cstr(vm, b)?)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_Contains(c: P, e: P) -> c_int {
    api(|vm| abs::contains(vm, obj(vm, c)?, obj(vm, e)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_Join(sep: P, seq: P) -> P {
    api(|vm| {
        crate::abstract_::call_method_str(
            vm,
            obj(vm, sep)?,
            "join",
            Some(tuple::new(vm, &[obj(vm, seq)?])?),
        )
    })
}
#[no_mangle]
pub unsafe extern "C" fn PyBytes_FromStringAndSize(p: *const c_char, n: isize) -> P {
    api(|vm| bytes_new(vm, p, n))
}
#[no_mangle]
pub unsafe extern "C" fn PyBytes_FromString(p: *const c_char) -> P {
    api(|vm| {
        if p.is_null() {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        // SAFETY: C passes a NUL-terminated string (any bytes, not only UTF-8).
        let b = unsafe { core::ffi::CStr::from_ptr(p) }.to_bytes();
        bytes::new(vm, b)
    })
}
#[no_mangle]
pub unsafe extern "C" fn PyBytes_AsString(o: P) -> *mut c_char {
    api(|vm| Ok(CPtr(bytes_arg(vm, obj(vm, o)?)?.as_ptr() as *mut c_char)))
}
#[no_mangle]
pub unsafe extern "C" fn PyBytes_Size(o: P) -> isize {
    api(|vm| Ok(bytes_arg(vm, obj(vm, o)?)?.len() as isize))
}
#[no_mangle]
pub unsafe extern "C" fn PyBytes_AsStringAndSize(
    o: P,
    buf: *mut *mut c_char,
    len: *mut isize,
) -> c_int {
    api(|vm| bytes_as_string_and_size(vm, obj(vm, o)?, buf, len))
}
#[no_mangle]
pub unsafe extern "C" fn PyTuple_New(n: isize) -> P {
    api(|vm| tuple_new(vm, n))
}
#[no_mangle]
pub unsafe extern "C" fn PyTuple_Size(t: P) -> isize {
    api(|vm| Ok(tuple::tuple_items(tuple_arg(vm, obj(vm, t)?)?).len() as isize))
}
#[no_mangle]
pub unsafe extern "C" fn PyTuple_GetItem(t: P, i: isize) -> P {
    api(|vm| tuple_get(vm, obj(vm, t)?, i))
}
#[no_mangle]
pub unsafe extern "C" fn PyTuple_SetItem(t: P, i: isize, v: P) -> c_int {
    let v = steal(v);
    api(|vm| tuple_set(vm, obj(vm, t)?, i, v))
}
#[no_mangle]
pub unsafe extern "C" fn PyTuple_GetSlice(t: P, lo: isize, hi: isize) -> P {
    api(|vm| tuple_slice(vm, obj(vm, t)?, lo, hi))
}
#[no_mangle]
pub unsafe extern "C" fn PyList_New(n: isize) -> P {
    api(|vm| list_new(vm, n))
}
#[no_mangle]
pub unsafe extern "C" fn PyList_Size(l: P) -> isize {
    api(|vm| Ok(list::len(list_arg(vm, obj(vm, l)?)?) as isize))
}
#[no_mangle]
pub unsafe extern "C" fn PyList_GetItem(l: P, i: isize) -> P {
    api(|vm| list_get(vm, obj(vm, l)?, i))
}
#[no_mangle]
pub unsafe extern "C" fn PyList_SetItem(l: P, i: isize, v: P) -> c_int {
    let v = steal(v);
    api(|vm| list_set(vm, obj(vm, l)?, i, v))
}
#[no_mangle]
pub unsafe extern "C" fn PyList_Insert(l: P, i: isize, v: P) -> c_int {
    api(|vm| list_insert(vm, obj(vm, l)?, i, obj(vm, v)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyList_Append(l: P, v: P) -> c_int {
    api(|vm| list::append(vm, list_arg(vm, obj(vm, l)?)?, obj(vm, v)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyList_GetSlice(l: P, lo: isize, hi: isize) -> P {
    api(|vm| list_slice(vm, obj(vm, l)?, lo, hi))
}
#[no_mangle]
pub unsafe extern "C" fn PyList_Sort(l: P) -> c_int {
    api(|vm| ferropy_core::obj::seqmethods::sort(vm, list_arg(vm, obj(vm, l)?)?, None, false))
}
#[no_mangle]
pub unsafe extern "C" fn PyList_Reverse(l: P) -> c_int {
    api(|vm| {
        list::reverse(list_arg(vm, obj(vm, l)?)?);
        Ok(())
    })
}
#[no_mangle]
pub unsafe extern "C" fn PyList_AsTuple(l: P) -> P {
    api(|vm| tuple::new(vm, &list::to_vec(list_arg(vm, obj(vm, l)?)?)))
}
#[no_mangle]
pub unsafe extern "C" fn PyDict_New() -> P {
    api(dict::new)
}
#[no_mangle]
pub unsafe extern "C" fn PyDict_GetItem(d: P, k: P) -> P {
    api(|vm| dict_get_quiet(vm, obj(vm, d)?, obj(vm, k)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyDict_GetItemWithError(d: P, k: P) -> P {
    api(|vm| dict_get(vm, obj(vm, d)?, obj(vm, k)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyDict_GetItemString(d: P, k: *const c_char) -> P {
    api(|vm| dict_get_str(vm, obj(vm, d)?, cstr(vm, k)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyDict_SetItem(d: P, k: P, v: P) -> c_int {
    api(|vm| dict::set(vm, dict_arg(vm, obj(vm, d)?)?, obj(vm, k)?, obj(vm, v)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyDict_SetItemString(d: P, k: *const c_char, v: P) -> c_int {
    api(|vm| {
        dict::set(
            vm,
            dict_arg(vm, obj(vm, d)?)?,
            vm.intern(cstr(vm, k)?)?,
            obj(vm, v)?,
        )
    })
}
#[no_mangle]
pub unsafe extern "C" fn PyDict_DelItem(d: P, k: P) -> c_int {
    api(|vm| dict_del(vm, obj(vm, d)?, obj(vm, k)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyDict_DelItemString(d: P, k: *const c_char) -> c_int {
    api(|vm| dict_del(vm, obj(vm, d)?, vm.intern(cstr(vm, k)?)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyDict_Contains(d: P, k: P) -> c_int {
    api(|vm| Ok(dict::get(vm, dict_arg(vm, obj(vm, d)?)?, obj(vm, k)?)?.is_some()))
}
#[no_mangle]
pub unsafe extern "C" fn PyDict_Clear(d: P) {
    if let Some(d) = opt(d).filter(|d| dict::is_dict(*d)) {
        dict::clear(d);
    }
}
#[no_mangle]
pub unsafe extern "C" fn PyDict_Next(d: P, pos: *mut isize, k: *mut P, v: *mut P) -> c_int {
    api(|vm| dict_next(vm, obj(vm, d)?, pos, k, v)).max(0)
}
#[no_mangle]
pub unsafe extern "C" fn PyDict_Size(d: P) -> isize {
    api(|vm| Ok(dict::len(dict_arg(vm, obj(vm, d)?)?) as isize))
}
#[no_mangle]
pub unsafe extern "C" fn PyDict_Keys(d: P) -> P {
    api(|vm| dict_view(vm, obj(vm, d)?, 0))
}
#[no_mangle]
pub unsafe extern "C" fn PyDict_Values(d: P) -> P {
    api(|vm| dict_view(vm, obj(vm, d)?, 1))
}
#[no_mangle]
pub unsafe extern "C" fn PyDict_Items(d: P) -> P {
    api(|vm| dict_view(vm, obj(vm, d)?, 2))
}
#[no_mangle]
pub unsafe extern "C" fn PyDict_Copy(d: P) -> P {
    api(|vm| dict::copy(vm, dict_arg(vm, obj(vm, d)?)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyDict_Update(d: P, other: P) -> c_int {
    api(|vm| dict_merge(vm, dict_arg(vm, obj(vm, d)?)?, obj(vm, other)?))
}

/// CPython's `dict_merge` with override: a dict is copied directly; any
/// other object must have `keys()` (AttributeError otherwise, which Cython
/// turns into "argument after ** must be a mapping") and is indexed.
fn dict_merge(vm: &Vm, d: Obj, other: Obj) -> PyResult<()> {
    if dict::is_dict(other) {
        return dict::update(vm, d, other);
    }
    let keys = abs::getattr_str(vm, other, "keys")?;
    let ks = ferropy_core::vm::call::call(vm, keys, &[])?;
    let it = abs::iter(vm, ks)?;
    while let Some(k) = abs::next(vm, it)? {
        let v = abs::getitem(vm, other, k)?;
        dict::set(vm, d, k, v)?;
    }
    Ok(())
}

/// `PyUnicode_DecodeLatin1`: every byte is the code point of that value.
pub fn decode_latin1(vm: &Vm, b: &[u8]) -> PyResult<Obj> {
    let s: alloc::string::String = b.iter().map(|&c| c as char).collect();
    vm.new_string(s)
}

/// `PyUnicode_Decode(s, size, encoding, errors)`: `bytes.decode` with the
/// core's codecs (NULL encoding: UTF-8; NULL errors: strict).
pub fn decode(vm: &Vm, b: &[u8], encoding: Option<&str>, errors: Option<&str>) -> PyResult<Obj> {
    if let Some(e) = encoding {
        let norm = e.to_ascii_lowercase().replace('_', "-");
        let wide = match norm.as_str() {
            "utf-16" | "utf16" => Some((2, 0)),
            "utf-16-le" | "utf-16le" => Some((2, -1)),
            "utf-16-be" | "utf-16be" => Some((2, 1)),
            "utf-32" | "utf32" => Some((4, 0)),
            "utf-32-le" | "utf-32le" => Some((4, -1)),
            "utf-32-be" | "utf-32be" => Some((4, 1)),
            _ => None,
        };
        if let Some((width, order)) = wide {
            let mut order = order;
            return decode_wide(vm, b, width, errors, &mut order);
        }
    }
    let by = bytes::new(vm, b)?;
    let enc = vm.new_str(encoding.unwrap_or("utf-8"))?;
    let err = vm.new_str(errors.unwrap_or("strict"))?;
    let f = abs::getattr_str(vm, by, "decode")?;
    ferropy_core::vm::call::call(vm, f, &[enc, err])
}

fn opt_cstr<'a>(vm: &Vm, p: *const c_char) -> PyResult<Option<&'a str>> {
    if p.is_null() {
        Ok(None)
    } else {
        cstr(vm, p).map(Some)
    }
}

/// Decode UTF-16 (`width` 2) or UTF-32 (4). `order`: -1 little endian, 1
/// big endian, 0 native unless the data starts with a byte order mark
/// (consumed); on return the order at the end of the data.
pub fn decode_wide(
    vm: &Vm,
    b: &[u8],
    width: usize,
    errors: Option<&str>,
    order: &mut c_int,
) -> PyResult<Obj> {
    let mut pos = 0;
    if *order == 0 {
        let (le, be): (&[u8], &[u8]) = if width == 2 {
            (b"\xff\xfe", b"\xfe\xff")
        } else {
            (b"\xff\xfe\0\0", b"\0\0\xfe\xff")
        };
        if b.starts_with(le) {
            *order = -1;
            pos = width;
        } else if b.starts_with(be) {
            *order = 1;
            pos = width;
        }
    }
    let little = match *order {
        0 => cfg!(target_endian = "little"),
        o => o < 0,
    };
    let encoding = match (width, little) {
        (2, true) => "utf-16-le",
        (2, false) => "utf-16-be",
        (_, true) => "utf-32-le",
        (_, false) => "utf-32-be",
    };
    let unit = |i: usize| -> u32 {
        let c = &b[i..i + width];
        let mut v = 0u32;
        for k in 0..width {
            let byte = if little { c[width - 1 - k] } else { c[k] };
            v = (v << 8) | byte as u32;
        }
        v
    };
    let mut out = alloc::string::String::with_capacity(b.len() / width);
    let errors = errors.unwrap_or("strict");
    while pos < b.len() {
        // (character, bytes used) or (reason, bytes in error).
        let step: Result<(char, usize), (&str, usize)> = if b.len() - pos < width {
            Err(("truncated data", b.len() - pos))
        } else if width == 4 {
            match char::from_u32(unit(pos)) {
                Some(c) => Ok((c, 4)),
                None => Err(("code point not in range(0x110000)", 4)),
            }
        } else {
            let u = unit(pos);
            if (0xd800..0xdc00).contains(&u) {
                if b.len() - pos < 4 {
                    Err(("unexpected end of data", b.len() - pos))
                } else {
                    let l = unit(pos + 2);
                    if (0xdc00..0xe000).contains(&l) {
                        let c = 0x10000 + ((u - 0xd800) << 10) + (l - 0xdc00);
                        Ok((char::from_u32(c).unwrap_or('\u{fffd}'), 4))
                    } else {
                        Err(("illegal UTF-16 surrogate", 2))
                    }
                }
            } else if (0xdc00..0xe000).contains(&u) {
                Err(("illegal encoding", 2))
            } else {
                Ok((char::from_u32(u).unwrap_or('\u{fffd}'), 2))
            }
        };
        match step {
            Ok((c, n)) => {
                out.push(c);
                pos += n;
            }
            Err((reason, n)) => {
                match errors {
                    "replace" => out.push('\u{fffd}'),
                    "ignore" => {}
                    _ => {
                        let what = if n == 1 {
                            "byte 0x"
                        } else {
                            "bytes in position "
                        };
                        let msg = if n == 1 {
                            alloc::format!(
                                "'{encoding}' codec can't decode {what}{:02x} in position {pos}: {reason}",
                                b[pos]
                            )
                        } else {
                            alloc::format!(
                                "'{encoding}' codec can't decode {what}{pos}-{}: {reason}",
                                pos + n - 1
                            )
                        };
                        return Err(ferropy_core::obj::exc::unicode_error(
                            vm,
                            &ferropy_core::obj::exc::UNICODE_DECODE_ERROR,
                            &msg,
                            encoding,
                            bytes::new(vm, b)?,
                            pos,
                            pos + n,
                            reason,
                        ));
                    }
                }
                pos += n;
            }
        }
    }
    if *order == 0 {
        *order = if little { -1 } else { 1 };
    }
    vm.new_string(out)
}

fn decode_wide_c(
    s: *const c_char,
    n: isize,
    errors: *const c_char,
    byteorder: *mut c_int,
    width: usize,
) -> P {
    api(|vm| {
        let data = cbytes(vm, s, n)?;
        // SAFETY: C passes NULL or a valid int pointer.
        let mut order = unsafe { byteorder.as_ref() }.copied().unwrap_or(0);
        let r = decode_wide(vm, data, width, opt_cstr(vm, errors)?, &mut order)?;
        write_out(byteorder, order);
        Ok(r)
    })
}

/// `PyUnicode_DecodeUTF16(s, size, errors, byteorder)`.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_DecodeUTF16(
    s: *const c_char,
    n: isize,
    errors: *const c_char,
    byteorder: *mut c_int,
) -> P {
    decode_wide_c(s, n, errors, byteorder, 2)
}

/// `PyUnicode_DecodeUTF32(s, size, errors, byteorder)`.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_DecodeUTF32(
    s: *const c_char,
    n: isize,
    errors: *const c_char,
    byteorder: *mut c_int,
) -> P {
    decode_wide_c(s, n, errors, byteorder, 4)
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_DecodeLatin1(
    s: *const c_char,
    n: isize,
    _errors: *const c_char,
) -> P {
    api(|vm| decode_latin1(vm, cbytes(vm, s, n)?))
}
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_Decode(
    s: *const c_char,
    n: isize,
    encoding: *const c_char,
    errors: *const c_char,
) -> P {
    api(|vm| {
        decode(
            vm,
            cbytes(vm, s, n)?,
            opt_cstr(vm, encoding)?,
            opt_cstr(vm, errors)?,
        )
    })
}
