//! `_thread` for a single-threaded interpreter: the identity functions and
//! the lock types, so that pure-Python modules written for threads
//! (`reprlib`, `functools`-style caches, `logging`...) import and run.
//! Starting a thread raises `RuntimeError`. A lock that is already held
//! cannot be acquired with blocking (nothing could release it): that
//! raises `RuntimeError` instead of hanging.

use crate::obj::attr::AttrEntry;
use crate::obj::{dict, float, int, module, none, py_bool, Args, Obj};
use crate::vm::{abs, PyResult, Vm};
use crate::{function, method};

/// The lock's hold count (`_n` in the instance `__dict__`: 0 = free).
fn count(vm: &Vm, o: Obj) -> PyResult<isize> {
    match abs::getattr_opt_str(vm, o, "_n")? {
        Some(n) => int::to_i64(n)
            .map(|v| v as isize)
            .ok_or_else(|| vm.type_error("bad lock")),
        None => Ok(0),
    }
}

fn set_count(vm: &Vm, o: Obj, n: isize) -> PyResult<()> {
    let k = vm.new_str("_n")?;
    abs::setattr(vm, o, k, Some(Obj::small(n)))
}

fn is_rlock(vm: &Vm, o: Obj) -> PyResult<bool> {
    Ok(abs::getattr_opt_str(vm, o, "_reentrant")?.is_some_and(|v| v.is(py_bool(true))))
}

fn l_acquire(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let [o, blocking, _timeout] = args.bind(vm, "acquire", ["self", "blocking", "timeout"], 1)?;
    let o = o.unwrap_or(none());
    let n = count(vm, o)?;
    if n > 0 && !is_rlock(vm, o)? {
        let block = match blocking {
            Some(b) => abs::truthy(vm, b)?,
            None => true,
        };
        if !block {
            return Ok(py_bool(false));
        }
        return Err(vm.new_error(
            &crate::obj::exc::RUNTIME_ERROR,
            "deadlock: the lock is held and there is only one thread",
        ));
    }
    set_count(vm, o, n + 1)?;
    Ok(py_bool(true))
}

fn l_release(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "release", 1, 1)?;
    let o = args.pos[0];
    let n = count(vm, o)?;
    if n == 0 {
        let msg = if is_rlock(vm, o)? {
            "cannot release un-acquired lock"
        } else {
            "release unlocked lock"
        };
        return Err(vm.new_error(&crate::obj::exc::RUNTIME_ERROR, msg));
    }
    set_count(vm, o, n - 1)?;
    Ok(none())
}

fn l_locked(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "locked", 1, 1)?;
    Ok(py_bool(count(vm, args.pos[0])? > 0))
}

fn l_exit(vm: &Vm, args: &Args) -> PyResult<Obj> {
    l_release(vm, &Args::new(&args.pos[..1]))?;
    Ok(py_bool(false))
}

fn get_ident(_vm: &Vm, _args: &Args) -> PyResult<Obj> {
    Ok(Obj::small(1))
}

fn allocate_lock(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "allocate_lock", 0, 0)?;
    let cls = super::module_attr(vm, "_thread", "LockType")
        .ok_or_else(|| vm.type_error("_thread is not imported"))?;
    crate::vm::call::call(vm, cls, &[])
}

fn start_new_thread(vm: &Vm, _args: &Args) -> PyResult<Obj> {
    Err(vm.new_error(&crate::obj::exc::RUNTIME_ERROR, "can't start new thread"))
}

fn count_threads(_vm: &Vm, _args: &Args) -> PyResult<Obj> {
    Ok(Obj::small(0))
}

static LOCK_METHODS: [AttrEntry; 6] = [
    method!("acquire", l_acquire),
    method!("release", l_release),
    method!("locked", l_locked),
    method!("__enter__", l_acquire),
    method!("__exit__", l_exit),
    method!("acquire_lock", l_acquire),
];

static FUNCS: [AttrEntry; 6] = [
    function!("get_ident", get_ident),
    function!("get_native_id", get_ident),
    function!("allocate_lock", allocate_lock),
    function!("start_new_thread", start_new_thread),
    function!("_count", count_threads),
    function!("stack_size", count_threads),
];

/// Create the `_thread` module.
pub fn make(vm: &Vm) -> PyResult<Obj> {
    let m = module::new(vm, "_thread")?;
    let d = module::dict_of(m);
    for e in FUNCS.iter() {
        dict::set_str(vm, d, e.name, e.obj.get())?;
    }
    let lock = super::new_class(vm, "lock", "_thread", &[], &LOCK_METHODS)?;
    dict::set_str(vm, d, "LockType", lock)?;
    dict::set_str(vm, d, "allocate", FUNCS[2].obj.get())?;
    let rlock = super::new_class(vm, "RLock", "_thread", &[lock], &[])?;
    let k = vm.new_str("_reentrant")?;
    abs::setattr(vm, rlock, k, Some(py_bool(true)))?;
    dict::set_str(vm, d, "RLock", rlock)?;
    dict::set_str(vm, d, "error", crate::obj::exc::RUNTIME_ERROR.as_obj())?;
    let tmax = float::new(vm, 9223372036.0)?;
    dict::set_str(vm, d, "TIMEOUT_MAX", tmax)?;
    Ok(m)
}
