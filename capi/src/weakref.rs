//! Weak references (`weakrefobject.h`): `ref` objects are the core's
//! `weakref.ReferenceType`; proxies are the classes of the frozen
//! `_weakproxy` module (made on first use).

use crate::boundary::{api, obj, opt, Borrowed, P};
use crate::run::import_module;
use core::ffi::c_int;
use ferropy_core::obj::{none, weakref, Obj, TypeObj};
use ferropy_core::vm::{abs, call, PyResult, Vm};

/// The referent of a ref or proxy (`None` when dead); TypeError for other
/// objects.
fn referent(vm: &Vm, w: Obj) -> PyResult<Option<Obj>> {
    if weakref::is_ref(w) {
        return Ok(weakref::get(w));
    }
    if is_proxy(vm, w)? {
        // The proxy's `_r` slot, read through its member descriptor (the
        // proxy forwards ordinary attribute reads to the referent).
        let d = abs::getattr_str(vm, proxy_class(vm, "ProxyType")?, "_r")?;
        let get = d
            .ty()
            .slots
            .descr_get
            .ok_or_else(|| vm.type_error("expected a weakref"))?;
        let inner = get(vm, d, Some(w), w.type_obj())?;
        return Ok(weakref::get(inner));
    }
    Err(vm.type_error("expected a weakref"))
}

fn proxy_class(vm: &Vm, name: &str) -> PyResult<Obj> {
    let m = import_module(vm, "_weakproxy")?;
    abs::getattr_str(vm, m, name)
}

fn is_proxy(vm: &Vm, o: Obj) -> PyResult<bool> {
    if o.ty().flags & ferropy_core::obj::tpflags::HEAPTYPE == 0 {
        return Ok(false);
    }
    let t = proxy_class(vm, "ProxyType")?;
    Ok(t.as_type().is_some_and(|t| o.ty().is_subtype(t)))
}

/// The callback argument: NULL and None mean none (CPython does not check
/// that it is callable here; calling it later reports the error).
fn callback_of(callback: P) -> Option<Obj> {
    opt(callback).filter(|c| !c.is_none())
}

/// `PyWeakref_NewRef(ob, callback)`: a new reference to a `weakref.ref`.
#[no_mangle]
pub unsafe extern "C" fn PyWeakref_NewRef(ob: P, callback: P) -> P {
    api(|vm| {
        let o = obj(vm, ob)?;
        let cb = callback_of(callback);
        weakref::new_ref(vm, &weakref::REF_TYPE, o, cb)
    })
}

/// `PyWeakref_NewProxy(ob, callback)`: a new reference to a weak proxy.
#[no_mangle]
pub unsafe extern "C" fn PyWeakref_NewProxy(ob: P, callback: P) -> P {
    api(|vm| {
        let o = obj(vm, ob)?;
        let cb = callback_of(callback).unwrap_or(none());
        let f = proxy_class(vm, "proxy")?;
        call::call(vm, f, &[o, cb])
    })
}

/// `PyWeakref_GetObject(ref)`: the referent, borrowed; `Py_None` once it
/// is dead.
#[no_mangle]
pub unsafe extern "C" fn PyWeakref_GetObject(r: P) -> P {
    api(|vm| {
        let w = obj(vm, r)?;
        match referent(vm, w) {
            Ok(o) => Ok(Borrowed(Some(o.unwrap_or(none())))),
            Err(_) => {
                let _ = vm.take_exc();
                Err(crate::boundary::bad_internal_call(vm))
            }
        }
    })
}

/// `PyWeakref_GetRef(ref, &obj)` (3.13): 1 and a new reference, 0 and NULL
/// when dead, -1 (TypeError) when `ref` is not a weak reference.
#[no_mangle]
pub unsafe extern "C" fn PyWeakref_GetRef(r: P, pobj: *mut P) -> c_int {
    if !pobj.is_null() {
        // SAFETY: the caller passes a writable PyObject* slot.
        unsafe { *pobj = core::ptr::null_mut() };
    }
    api(|vm| {
        let w = obj(vm, r)?;
        match referent(vm, w)? {
            Some(o) => {
                let b = ferropy_core::obj::int::boxed(vm, o)?;
                b.pin();
                if !pobj.is_null() {
                    // SAFETY: as above.
                    unsafe { *pobj = b.as_ptr() as P };
                }
                Ok(1i32)
            }
            None => Ok(0i32),
        }
    })
}

/// `PyWeakref_CheckRef` and friends are macros over these.
#[no_mangle]
pub unsafe extern "C" fn _PyFerropy_WeakrefCheckProxy(o: P) -> c_int {
    api(|vm| {
        let o = obj(vm, o)?;
        is_proxy(vm, o)
    })
}

/// The proxy types for `_PyWeakref_ProxyType`/`_PyWeakref_CallableProxyType`
/// (`callable` 0 or 1); made on first use.
#[no_mangle]
pub unsafe extern "C" fn _PyFerropy_WeakProxyType(callable: c_int) -> *mut TypeObj {
    let t: P = api(|vm| {
        let name = if callable != 0 {
            "CallableProxyType"
        } else {
            "ProxyType"
        };
        Ok(Borrowed(Some(proxy_class(vm, name)?)))
    });
    t as *mut TypeObj
}
