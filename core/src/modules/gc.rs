//! The `gc` module: control of ferropy's mark-sweep collector, with
//! MicroPython's `mem_free`/`mem_alloc`.

use crate::builtins::extra::noargs;
use crate::function;
use crate::obj::attr::AttrEntry;
use crate::obj::{dict, int, module, none, py_bool, Args, Obj};
use crate::vm::{abs, PyResult, Vm};

/// `collect(generation=2)`: a full collection; returns the number of
/// objects freed.
fn gc_collect(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let [g] = args.bind(vm, "collect", ["generation"], 0)?;
    if let Some(g) = g {
        if !(0..=2).contains(&abs::index_isize(vm, g)?) {
            return Err(vm.value_error("invalid generation"));
        }
    }
    crate::vm::frame::clear_stale_slots(vm);
    clear_native_stack();
    int::new_i64(vm, vm.collect() as i64)
}

/// Zero some native stack below this frame, where the collector's frames
/// will be: stale words left there by earlier deeper calls would otherwise
/// be scanned as roots (conservative scanning) and keep garbage alive.
#[inline(never)]
fn clear_native_stack() {
    let mut buf = [0usize; 1024];
    core::hint::black_box(&mut buf);
}
fn gc_enable(vm: &Vm, args: &Args) -> PyResult<Obj> {
    noargs(vm, args, "gc.enable")?;
    crate::gc::set_enabled(true);
    Ok(none())
}
fn gc_disable(vm: &Vm, args: &Args) -> PyResult<Obj> {
    noargs(vm, args, "gc.disable")?;
    crate::gc::set_enabled(false);
    Ok(none())
}
fn gc_isenabled(vm: &Vm, args: &Args) -> PyResult<Obj> {
    noargs(vm, args, "gc.isenabled")?;
    Ok(py_bool(crate::gc::is_enabled()))
}
fn gc_mem_alloc(vm: &Vm, args: &Args) -> PyResult<Obj> {
    noargs(vm, args, "gc.mem_alloc")?;
    int::new_i64(vm, crate::gc::usage().0 as i64)
}
fn gc_mem_free(vm: &Vm, args: &Args) -> PyResult<Obj> {
    noargs(vm, args, "gc.mem_free")?;
    let (used, total) = crate::gc::usage();
    int::new_i64(vm, total.saturating_sub(used) as i64)
}

static GC_FUNCS: [AttrEntry; 6] = [
    function!("collect", gc_collect),
    function!("enable", gc_enable),
    function!("disable", gc_disable),
    function!("isenabled", gc_isenabled),
    function!("mem_alloc", gc_mem_alloc),
    function!("mem_free", gc_mem_free),
];

/// Build a module named `name` from a table of functions.
pub fn module_from(vm: &Vm, name: &str, funcs: &[AttrEntry]) -> PyResult<Obj> {
    let m = module::new(vm, name)?;
    let d = module::dict_of(m);
    for e in funcs {
        dict::set_str(vm, d, e.name, e.obj.get())?;
    }
    Ok(m)
}

/// Build the `gc` module.
pub fn make(vm: &Vm) -> PyResult<Obj> {
    module_from(vm, "gc", &GC_FUNCS)
}
