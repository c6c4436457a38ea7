//! `BaseExceptionGroup`/`ExceptionGroup` (PEP 654): construction rules,
//! `split`/`subgroup`/`derive`, and the interpreter's `except*` support
//! (`CHECK_EG_MATCH`, `PREP_RERAISE_STAR`), as CPython 3.11's
//! `Objects/exceptions.c` and `ceval.c`.
//!
//! `message` and `exceptions` (a tuple) live in the instance `__dict__`;
//! `args` is `(message, exceptions-as-passed)`.

use super::exc::{self, exc_of, is_exception, EXCEPTION, EXCEPTION_GROUP};
use super::{dict, list, none, str as pystr, tuple, Args, Obj, TypeObj};
use crate::vm::{abs, call, PyResult, Vm};
use alloc::format;
use alloc::vec::Vec;

pub fn is_group(o: Obj) -> bool {
    o.ty().is_subtype(&exc::BASE_EXCEPTION_GROUP)
}

fn attr(vm: &Vm, e: Obj, name: &str) -> PyResult<Obj> {
    let d = exc_of(e).and_then(|x| x.dict.get());
    match d {
        Some(d) => Ok(dict::get_str(vm, d, name)?.unwrap_or(none())),
        None => Ok(none()),
    }
}

/// The tuple of sub-exceptions of a group.
pub fn exceptions(vm: &Vm, e: Obj) -> PyResult<Obj> {
    let t = attr(vm, e, "exceptions")?;
    if tuple::is_tuple(t) {
        Ok(t)
    } else {
        tuple::new(vm, &[])
    }
}

/// The `new` slot: validates the arguments and picks `ExceptionGroup` for
/// `BaseExceptionGroup(msg, [only Exceptions])`.
pub fn eg_new(vm: &Vm, t: &'static TypeObj, args: &Args) -> PyResult<Obj> {
    if args.has_kw() {
        return Err(vm.type_error(&format!("{}() takes no keyword arguments", t.name())));
    }
    if args.pos.len() != 2 {
        return Err(vm.type_error(&format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            args.pos.len()
        )));
    }
    let (msg, seq) = (args.pos[0], args.pos[1]);
    if !pystr::is_str(msg) {
        return Err(vm.type_error(&format!(
            "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
            msg.ty().name()
        )));
    }
    let is_seq = tuple::is_tuple(seq)
        || list::is_list(seq)
        || (seq.ty().slots.getitem.is_some() && !dict::is_dict(seq));
    if !is_seq {
        return Err(vm.type_error("second argument (exceptions) must be a sequence"));
    }
    let items = abs::to_vec(vm, seq)?;
    if items.is_empty() {
        return Err(vm.value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    let mut nested_base = false;
    for (i, x) in items.iter().enumerate() {
        if !is_exception(*x) {
            return Err(vm.value_error(&format!(
                "Item {} of second argument (exceptions) is not an exception",
                i
            )));
        }
        if !x.ty().is_subtype(&EXCEPTION) {
            nested_base = true;
        }
    }
    let mut cls = t;
    if t.is(&exc::BASE_EXCEPTION_GROUP) {
        if !nested_base {
            cls = &EXCEPTION_GROUP;
        }
    } else if t.is(&EXCEPTION_GROUP) {
        if nested_base {
            return Err(vm.type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
        }
    } else if nested_base && t.is_subtype(&EXCEPTION) {
        return Err(vm.type_error(&format!("Cannot nest BaseExceptions in '{}'", t.name())));
    }
    let e = exc::new_exception_raw(vm, cls, args.pos)?;
    Ok(e)
}

/// How `split`/`subgroup` decide a match.
enum Matcher {
    Type(Obj),
    Predicate(Obj),
    /// Identity with one of these leaves (PREP_RERAISE_STAR's projection).
    Ids(Vec<Obj>),
}

fn matcher_of(vm: &Vm, m: Obj) -> PyResult<Matcher> {
    let is_exc_class = |o: Obj| o.as_type().map(exc::is_exception_type).unwrap_or(false);
    if m.as_type().is_none() && crate::builtins::extra::is_callable(m) {
        return Ok(Matcher::Predicate(m));
    }
    if is_exc_class(m) {
        return Ok(Matcher::Type(m));
    }
    if m.ty().is(&tuple::TUPLE_TYPE) && tuple::tuple_items(m).iter().all(|x| is_exc_class(*x)) {
        return Ok(Matcher::Type(m));
    }
    Err(vm.type_error("expected a function, exception type or tuple of exception types"))
}

fn matches(vm: &Vm, e: Obj, m: &Matcher) -> PyResult<bool> {
    match m {
        Matcher::Type(t) => abs::is_instance(vm, e, *t),
        Matcher::Predicate(f) => {
            let r = call::call(vm, *f, &[e])?;
            abs::truthy(vm, r)
        }
        Matcher::Ids(ids) => Ok(ids.iter().any(|x| x.is(e))),
    }
}

/// `orig.derive(excs)` with `orig`'s traceback, cause, context and notes
/// copied (CPython's `exceptiongroup_subset`); `None` when `excs` is empty.
fn subset(vm: &Vm, orig: Obj, excs: &[Obj]) -> PyResult<Obj> {
    if excs.is_empty() {
        return Ok(none());
    }
    let l = list::new(vm, excs)?;
    let derive = abs::getattr_str(vm, orig, "derive")?;
    let eg = call::call(vm, derive, &[l])?;
    if !is_group(eg) {
        return Err(vm.type_error("derive must return an instance of BaseExceptionGroup"));
    }
    if let (Some(o), Some(n)) = (exc_of(orig), exc_of(eg)) {
        if let Some(tb) = o.traceback.get() {
            n.traceback.set(Some(tb));
        }
        n.context.set(o.context.get());
        n.cause.set(o.cause.get());
        n.suppress_context.set(true);
    }
    if let Some(notes) = abs::getattr_opt_str(vm, orig, "__notes__")? {
        if list::is_list(notes) || tuple::is_tuple(notes) {
            let copy = abs::to_list(vm, notes)?;
            let name = vm.intern("__notes__")?;
            abs::setattr(vm, eg, name, Some(copy))?;
        }
    }
    Ok(eg)
}

/// Split `e` into `(match, rest)` (`rest` only when `with_rest`); parts
/// that are empty are `None`.
fn split_rec(vm: &Vm, e: Obj, m: &Matcher, with_rest: bool) -> PyResult<(Obj, Obj)> {
    vm.check_stack()?;
    if matches(vm, e, m)? {
        return Ok((e, none()));
    }
    if !is_group(e) {
        return Ok((none(), if with_rest { e } else { none() }));
    }
    // Lists, not Rust Vecs: the collector must see the parts.
    let ml = list::new(vm, &[])?;
    let rl = list::new(vm, &[])?;
    let excs = exceptions(vm, e)?;
    for x in tuple::tuple_items(excs) {
        let (a, b) = split_rec(vm, *x, m, with_rest)?;
        if !a.is_none() {
            list::append(vm, ml, a)?;
        }
        if !b.is_none() {
            list::append(vm, rl, b)?;
        }
    }
    let mpart = subset(vm, e, &list::to_vec(ml))?;
    let rpart = if with_rest {
        subset(vm, e, &list::to_vec(rl))?
    } else {
        none()
    };
    Ok((mpart, rpart))
}

fn m_split(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "split", 2, 2)?;
    let m = matcher_of(vm, args.pos[1])?;
    let (a, b) = split_rec(vm, args.pos[0], &m, true)?;
    tuple::new(vm, &[a, b])
}

fn m_subgroup(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "subgroup", 2, 2)?;
    let m = matcher_of(vm, args.pos[1])?;
    Ok(split_rec(vm, args.pos[0], &m, false)?.0)
}

fn m_derive(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "derive", 2, 2)?;
    let msg = attr(vm, args.pos[0], "message")?;
    call::call(vm, exc::BASE_EXCEPTION_GROUP.as_obj(), &[msg, args.pos[1]])
}

fn m_new(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let Some(t) = args.pos.first().and_then(|t| t.as_type()) else {
        return Err(vm.type_error("BaseExceptionGroup.__new__(X): X is not a type object"));
    };
    if !t.is_subtype(&exc::BASE_EXCEPTION_GROUP) {
        return Err(vm.type_error(&format!(
            "BaseExceptionGroup.__new__({}): {} is not a subtype of BaseExceptionGroup",
            t.name(),
            t.name()
        )));
    }
    let rest = Args {
        pos: &args.pos[1..],
        kw: args.kw,
        kwnames: args.kwnames,
    };
    eg_new(vm, t, &rest)
}

fn m_class_getitem(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "__class_getitem__", 2, 2)?;
    super::generic::new_alias(vm, args.pos[0], args.pos[1])
}

pub static EG_ATTRS: [super::attr::AttrEntry; 5] = [
    crate::method!("split", m_split),
    crate::method!("subgroup", m_subgroup),
    crate::method!("derive", m_derive),
    crate::staticmethod!("__new__", m_new),
    crate::classmethod!("__class_getitem__", m_class_getitem),
];

// ------------------------------------------------------- except* support

fn check_star_type(vm: &Vm, t: Obj) -> PyResult<()> {
    let ok = |o: Obj| o.as_type().map(exc::is_exception_type).unwrap_or(false);
    let items: Vec<Obj> = if tuple::is_tuple(t) {
        tuple::tuple_items(t).to_vec()
    } else {
        alloc::vec![t]
    };
    if !items.iter().all(|x| ok(*x)) {
        return Err(
            vm.type_error("catching classes that do not inherit from BaseException is not allowed")
        );
    }
    if items.iter().any(|x| {
        x.as_type()
            .map(|t| t.is_subtype(&exc::BASE_EXCEPTION_GROUP))
            .unwrap_or(false)
    }) {
        return Err(vm.type_error(
            "catching ExceptionGroup with except* is not allowed. Use except instead.",
        ));
    }
    Ok(())
}

/// `CHECK_EG_MATCH`: `(rest, match)`. No match: `(e, None)` (the stack is
/// left as it was); a naked exception that matches is wrapped in a group.
pub fn check_eg_match(vm: &Vm, e: Obj, t: Obj) -> PyResult<(Obj, Obj)> {
    check_star_type(vm, t)?;
    if e.is_none() {
        return Ok((none(), none()));
    }
    if abs::is_instance(vm, e, t)? {
        if is_group(e) {
            return Ok((none(), e));
        }
        let excs = tuple::new(vm, &[e])?;
        let msg = vm.new_str("")?;
        let g = call::call(vm, exc::BASE_EXCEPTION_GROUP.as_obj(), &[msg, excs])?;
        if let (Some(o), Some(n)) = (exc_of(e), exc_of(g)) {
            n.traceback.set(o.traceback.get());
        }
        return Ok((none(), g));
    }
    if is_group(e) {
        let m = Matcher::Type(t);
        let (a, b) = split_rec(vm, e, &m, true)?;
        if a.is_none() {
            return Ok((e, none()));
        }
        return Ok((b, a));
    }
    Ok((e, none()))
}

fn leaf_ids(vm: &Vm, e: Obj, out: &mut Vec<Obj>) -> PyResult<()> {
    vm.check_stack()?;
    if e.is_none() {
        return Ok(());
    }
    if is_group(e) {
        let excs = exceptions(vm, e)?;
        for x in tuple::tuple_items(excs) {
            leaf_ids(vm, *x, out)?;
        }
    } else {
        out.push(e);
    }
    Ok(())
}

fn same_metadata(a: Obj, b: Obj) -> bool {
    match (exc_of(a), exc_of(b)) {
        (Some(x), Some(y)) => {
            let same = |p: Option<Obj>, q: Option<Obj>| match (p, q) {
                (None, None) => true,
                (Some(p), Some(q)) => p.is(q),
                _ => false,
            };
            same(x.traceback.get(), y.traceback.get())
                && same(x.cause.get(), y.cause.get())
                && same(x.context.get(), y.context.get())
        }
        _ => false,
    }
}

/// `PREP_RERAISE_STAR`: what to raise after the `except*` clauses, from
/// the original exception and the list of raised/re-raised/unhandled ones.
pub fn prep_reraise_star(vm: &Vm, orig: Obj, excs: Obj) -> PyResult<Obj> {
    let items = list::to_vec(excs);
    if items.is_empty() {
        return Ok(none());
    }
    if !is_group(orig) {
        return Ok(items.into_iter().find(|x| !x.is_none()).unwrap_or(none()));
    }
    let raised = list::new(vm, &[])?;
    let mut reraised: Vec<Obj> = Vec::new();
    for e in items.iter().copied() {
        if e.is_none() {
            continue;
        }
        if same_metadata(e, orig) {
            reraised.push(e);
        } else {
            list::append(vm, raised, e)?;
        }
    }
    // The part of `orig` whose leaves were re-raised (or left unhandled).
    let reraised_eg = if reraised.is_empty() {
        none()
    } else {
        let mut ids = Vec::new();
        for r in &reraised {
            leaf_ids(vm, *r, &mut ids)?;
        }
        split_rec(vm, orig, &Matcher::Ids(ids), false)?.0
    };
    if list::len(raised) == 0 {
        return Ok(reraised_eg);
    }
    if !reraised_eg.is_none() {
        list::append(vm, raised, reraised_eg)?;
    }
    if list::len(raised) > 1 {
        let msg = vm.new_str("")?;
        return call::call(vm, exc::BASE_EXCEPTION_GROUP.as_obj(), &[msg, raised]);
    }
    Ok(list::get(raised, 0).unwrap_or(none()))
}
