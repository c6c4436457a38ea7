//! Calling objects: argument binding for Python functions and the generic
//! call path through the `call` slot.
#![allow(unsafe_code)]

use super::frame::{self, Frame};
use super::{PyResult, Vm};
use crate::bytecode::co;
use crate::obj::func::{CodeObj, FunctionObj};
use crate::obj::{dict, none, str as pystr, tuple, Args, Layout, Obj};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

/// Call `f` with positional arguments.
#[inline]
pub fn call(vm: &Vm, f: Obj, args: &[Obj]) -> PyResult<Obj> {
    call_args(vm, f, &Args::new(args))
}

/// Call `f` with full arguments.
pub fn call_args(vm: &Vm, f: Obj, args: &Args) -> PyResult<Obj> {
    if f.layout() == Layout::Function {
        return call_function(vm, f, None, args);
    }
    match f.ty().slots.call {
        Some(c) => {
            vm.check_stack()?;
            c(vm, f, args)
        }
        None => Err(vm.type_error(&format!("'{}' object is not callable", f.ty().name()))),
    }
}

/// Call `f(this, *args)` without allocating a bound method.
pub fn call_with_self(vm: &Vm, f: Obj, this: Obj, args: &Args) -> PyResult<Obj> {
    if f.layout() == Layout::Function {
        return call_function(vm, f, Some(this), args);
    }
    let mut small: [Obj; 8] = [none(); 8];
    let n = args.pos.len();
    if n < 8 {
        small[0] = this;
        small[1..=n].copy_from_slice(args.pos);
        return call_args(
            vm,
            f,
            &Args {
                pos: &small[..=n],
                kw: args.kw,
                kwnames: args.kwnames,
            },
        );
    }
    let mut v: Vec<Obj> = Vec::with_capacity(n + 1);
    v.push(this);
    v.extend_from_slice(args.pos);
    let l = crate::obj::list::new(vm, &v)?; // keeps the items visible to the GC
    let r = call_args(
        vm,
        f,
        &Args {
            pos: &v,
            kw: args.kw,
            kwnames: args.kwnames,
        },
    );
    core::hint::black_box(l);
    r
}

/// Call a Python function: bind arguments into a new frame and run it (or
/// make a generator/coroutine for generator code).
pub fn call_function(vm: &Vm, fobj: Obj, this: Option<Obj>, args: &Args) -> PyResult<Obj> {
    // SAFETY: callers check the Function layout.
    let f = unsafe { fobj.cast::<FunctionObj>() };
    let code = f.code();
    let is_gen = code.flags & (co::GENERATOR | co::COROUTINE | co::ASYNC_GENERATOR) != 0;
    vm.check_stack()?;
    let fr = frame::alloc_frame(vm, f.code.get(), f.globals, None, Some(fobj), is_gen)?;
    if let Err(e) =
        bind_args(vm, f, fr, this, args).and_then(|_| frame::init_cells(vm, fr, f.closure))
    {
        frame::free_frame(vm, fr);
        return Err(e);
    }
    if is_gen {
        return crate::obj::gen::new_generator(vm, fr, fobj);
    }
    super::eval::run_frame(vm, fr)
}

fn qualname(f: &FunctionObj) -> &'static str {
    pystr::as_str(f.qualname.get()).unwrap_or("?")
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn name_list(names: &[&str]) -> String {
    match names.len() {
        0 => String::new(),
        1 => format!("'{}'", names[0]),
        2 => format!("'{}' and '{}'", names[0], names[1]),
        n => {
            let mut s = String::new();
            for (i, x) in names.iter().enumerate() {
                if i == n - 1 {
                    s.push_str(&format!("and '{}'", x));
                } else {
                    s.push_str(&format!("'{}', ", x));
                }
            }
            s
        }
    }
}

/// Bind `this` + `args` to the parameters of `f` in frame `fr`, with
/// CPython's rules and error messages.
pub fn bind_args(
    vm: &Vm,
    f: &FunctionObj,
    fr: *mut Frame,
    this: Option<Obj>,
    args: &Args,
) -> PyResult<()> {
    let code: &CodeObj = f.code();
    let fast = Frame::fast(fr);
    let argcount = code.argcount as usize;
    let kwonly = code.kwonlyargcount as usize;
    let posonly = code.posonlyargcount as usize;
    let has_varargs = code.flags & co::VARARGS != 0;
    let has_varkw = code.flags & co::VARKEYWORDS != 0;
    let varnames = tuple::tuple_items(code.varnames);
    let total_pos = args.pos.len() + this.is_some() as usize;
    let get_pos = |i: usize| -> Obj {
        match this {
            Some(t) => {
                if i == 0 {
                    t
                } else {
                    args.pos[i - 1]
                }
            }
            None => args.pos[i],
        }
    };
    let set = |i: usize, v: Obj| {
        // SAFETY: i < nlocals <= nfast (verified code).
        unsafe { *fast.add(i) = Some(v) }
    };
    let get = |i: usize| -> Option<Obj> {
        // SAFETY: as above.
        unsafe { *fast.add(i) }
    };
    // Fast path: exact positional match, no keywords.
    if !args.has_kw() && total_pos == argcount && kwonly == 0 && !has_varargs && !has_varkw {
        for i in 0..argcount {
            set(i, get_pos(i));
        }
        return Ok(());
    }
    let kwdict = if has_varkw {
        let d = dict::new(vm)?;
        set(argcount + kwonly + has_varargs as usize, d);
        Some(d)
    } else {
        None
    };
    let n = total_pos.min(argcount);
    for i in 0..n {
        set(i, get_pos(i));
    }
    if has_varargs {
        let extra: Vec<Obj> = (argcount..total_pos.max(argcount)).map(get_pos).collect();
        let t = tuple::new(vm, &extra)?;
        set(argcount + kwonly, t);
    } else if total_pos > argcount {
        let given_kw = (0..args.kw.len())
            .filter(|&i| {
                let k = pystr::as_str(args.kwname(i)).unwrap_or("");
                varnames[argcount..argcount + kwonly]
                    .iter()
                    .any(|v| pystr::as_str(*v) == Some(k))
            })
            .count();
        let ndefaults = f
            .defaults
            .get()
            .map(|d| tuple::tuple_items(d).len())
            .unwrap_or(0);
        let takes = if ndefaults > 0 {
            format!(
                "from {} to {} positional argument{}",
                argcount - ndefaults,
                argcount,
                plural(argcount)
            )
        } else {
            format!("{} positional argument{}", argcount, plural(argcount))
        };
        let given = if given_kw > 0 {
            format!(
                "{} positional argument{} (and {} keyword-only argument{}) were given",
                total_pos,
                plural(total_pos),
                given_kw,
                plural(given_kw)
            )
        } else {
            format!(
                "{} {} given",
                total_pos,
                if total_pos == 1 { "was" } else { "were" }
            )
        };
        return Err(vm.type_error(&format!("{}() takes {} but {}", qualname(f), takes, given)));
    }
    // Keywords.
    let mut posonly_as_kw: Vec<&str> = Vec::new();
    for i in 0..args.kw.len() {
        let kname = args.kwname(i);
        let Some(ks) = pystr::as_str(kname) else {
            return Err(vm.type_error(&format!("{}() keywords must be strings", qualname(f))));
        };
        let found = (posonly..argcount + kwonly).find(|&j| pystr::as_str(varnames[j]) == Some(ks));
        match found {
            Some(j) => {
                if get(j).is_some() {
                    return Err(vm.type_error(&format!(
                        "{}() got multiple values for argument '{}'",
                        qualname(f),
                        ks
                    )));
                }
                set(j, args.kw[i]);
            }
            None => match kwdict {
                Some(d) => {
                    if dict::get(vm, d, kname)?.is_some() {
                        return Err(vm.type_error(&format!(
                            "{}() got multiple values for keyword argument '{}'",
                            qualname(f),
                            ks
                        )));
                    }
                    dict::set(vm, d, kname, args.kw[i])?
                }
                None => {
                    if (0..posonly).any(|j| pystr::as_str(varnames[j]) == Some(ks)) {
                        posonly_as_kw.push(ks);
                        continue;
                    }
                    return Err(vm.type_error(&format!(
                        "{}() got an unexpected keyword argument '{}'",
                        qualname(f),
                        ks
                    )));
                }
            },
        }
    }
    if !posonly_as_kw.is_empty() {
        return Err(vm.type_error(&format!(
            "{}() got some positional-only arguments passed as keyword arguments: '{}'",
            qualname(f),
            posonly_as_kw.join(", ")
        )));
    }
    // Defaults for missing positionals.
    let defaults = f.defaults.get().map(tuple::tuple_items).unwrap_or(&[]);
    let first_default = argcount.saturating_sub(defaults.len());
    let mut missing: Vec<&str> = Vec::new();
    for i in total_pos.min(argcount)..argcount {
        if get(i).is_none() {
            if i >= first_default {
                set(i, defaults[i - first_default]);
            } else {
                missing.push(pystr::as_str(varnames[i]).unwrap_or("?"));
            }
        }
    }
    if !missing.is_empty() {
        return Err(vm.type_error(&format!(
            "{}() missing {} required positional argument{}: {}",
            qualname(f),
            missing.len(),
            plural(missing.len()),
            name_list(&missing)
        )));
    }
    // Keyword-only defaults.
    for i in argcount..argcount + kwonly {
        if get(i).is_none() {
            let dv = match f.kwdefaults.get() {
                Some(kd) => dict::get(vm, kd, varnames[i])?,
                None => None,
            };
            match dv {
                Some(v) => set(i, v),
                None => missing.push(pystr::as_str(varnames[i]).unwrap_or("?")),
            }
        }
    }
    if !missing.is_empty() {
        return Err(vm.type_error(&format!(
            "{}() missing {} required keyword-only argument{}: {}",
            qualname(f),
            missing.len(),
            plural(missing.len()),
            name_list(&missing)
        )));
    }
    Ok(())
}

/// Call with a tuple of positional arguments and an optional dict of
/// keywords (`f(*args, **kwargs)`).
pub fn call_ex(vm: &Vm, f: Obj, posargs: Obj, kwargs: Option<Obj>) -> PyResult<Obj> {
    let pos = tuple::tuple_items(posargs);
    match kwargs {
        None => call_args(vm, f, &Args::new(pos)),
        Some(kd) => {
            let items = dict::items_vec(kd);
            if items.is_empty() {
                return call_args(vm, f, &Args::new(pos));
            }
            let mut names = Vec::with_capacity(items.len());
            let mut vals = Vec::with_capacity(items.len());
            for (k, v) in items {
                if !pystr::is_str(k) {
                    return Err(vm.type_error("keywords must be strings"));
                }
                names.push(k);
                vals.push(v);
            }
            let kwnames = tuple::new(vm, &names)?;
            let keep = tuple::new(vm, &vals)?;
            call_args(
                vm,
                f,
                &Args {
                    pos,
                    kw: tuple::tuple_items(keep),
                    kwnames: Some(kwnames),
                },
            )
        }
    }
}
