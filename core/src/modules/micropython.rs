//! The `micropython` module (the parts that make sense for ferropy).

use crate::function;
use crate::obj::attr::AttrEntry;
use crate::obj::{int, none, Args, Obj};
use crate::vm::{abs, PyResult, Vm};
use alloc::format;

/// `const(x)`: `x` itself (constant folding is the compiler's business).
fn mp_const(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "const", 1, 1)?;
    Ok(args.pos[0])
}

/// Bytes of native stack in use.
fn stack_used() -> usize {
    crate::gc::stack_top().saturating_sub(crate::gc::stack_pointer())
}

fn mp_stack_use(vm: &Vm, args: &Args) -> PyResult<Obj> {
    crate::builtins::extra::noargs(vm, args, "stack_use")?;
    int::new_i64(vm, stack_used() as i64)
}

/// `mem_info()`: stack and heap usage, MicroPython's format.
fn mp_mem_info(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "mem_info", 0, 1)?;
    let (used, total) = crate::gc::usage();
    let stack = crate::gc::stack_top().saturating_sub(vm.stack_limit.get());
    vm.write_stdout(&format!(
        "stack: {} out of {}\nGC: total: {}, used: {}, free: {}\n",
        stack_used(),
        stack,
        total,
        used,
        total.saturating_sub(used)
    ))?;
    if let Some(v) = args.pos.first() {
        if abs::truthy(vm, *v)? {
            census(vm)?;
        }
    }
    Ok(none())
}

/// Rows of the heap census: at most this many kinds of allocation.
const CENSUS_ROWS: usize = 64;

/// `mem_info(1)`: live heap bytes by object type (and manual/raw memory),
/// largest first.
fn census(vm: &Vm) -> PyResult<()> {
    use crate::obj::Allocation;
    // (what, count, bytes); `None` = unused row, the last row collects
    // the types that did not fit.
    let mut rows: [(Option<Allocation>, usize, usize); CENSUS_ROWS] = [(None, 0, 0); CENSUS_ROWS];
    let same = |a: Allocation, b: Allocation| match (a, b) {
        (Allocation::Object(x), Allocation::Object(y)) => core::ptr::eq(x, y),
        (Allocation::Manual, Allocation::Manual) | (Allocation::Raw, Allocation::Raw) => true,
        _ => false,
    };
    let mut other = (0usize, 0usize);
    crate::obj::walk_heap(&mut |what, bytes| {
        let slot = rows.iter().position(|r| match r.0 {
            None => true,
            Some(w) => same(w, what),
        });
        match slot {
            Some(i) => {
                rows[i].0 = Some(what);
                rows[i].1 += 1;
                rows[i].2 += bytes;
            }
            None => {
                other.0 += 1;
                other.1 += bytes;
            }
        }
    });
    rows.sort_unstable_by_key(|r| core::cmp::Reverse(r.2));
    for (what, count, bytes) in rows.iter() {
        let name = match what {
            None => continue,
            Some(Allocation::Object(t)) => t.name(),
            Some(Allocation::Manual) => "(manual)",
            Some(Allocation::Raw) => "(raw)",
        };
        vm.write_stdout(&format!("{:>9} {:>6} {}\n", bytes, count, name))?;
    }
    if other.0 > 0 {
        vm.write_stdout(&format!("{:>9} {:>6} (other types)\n", other.1, other.0))?;
    }
    Ok(())
}

/// `opt_level([level])`: ferropy compiles at level 0 only.
fn mp_opt_level(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "opt_level", 0, 1)?;
    match args.pos.first() {
        None => Ok(Obj::small(0)),
        Some(l) if abs::index_isize(vm, *l)? == 0 => Ok(none()),
        Some(_) => Err(vm.value_error("only optimisation level 0 is supported")),
    }
}

/// `alloc_emergency_exception_buf(size)`: ferropy always keeps a
/// preallocated MemoryError, so there is nothing to do.
fn mp_emergency_buf(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "alloc_emergency_exception_buf", 1, 1)?;
    abs::index_isize(vm, args.pos[0])?;
    Ok(none())
}

static MP_FUNCS: [AttrEntry; 5] = [
    function!("const", mp_const),
    function!("mem_info", mp_mem_info),
    function!("stack_use", mp_stack_use),
    function!("opt_level", mp_opt_level),
    function!("alloc_emergency_exception_buf", mp_emergency_buf),
];

/// Build the `micropython` module.
pub fn make(vm: &Vm) -> PyResult<Obj> {
    super::gc::module_from(vm, "micropython", &MP_FUNCS)
}
