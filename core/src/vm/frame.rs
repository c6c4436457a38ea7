//! Python frames: a fixed header followed by the fast locals (locals, then
//! cells, then free variables), the block stack and the value stack.
//!
//! Frames of ordinary calls are bump-allocated in the VM's value-stack
//! region (a manual heap block, so the collector scans it whole); frames of
//! generators and coroutines are separate heap blocks owned by the generator
//! object, so they survive suspension. The eval loop does not care which.
#![allow(unsafe_code)]

use super::{PyResult, Vm};
use crate::obj::func::{CodeObj, FunctionObj};
use crate::obj::{dict, func, none, tuple, Obj};
use core::mem::size_of;

/// A handler block pushed by `SETUP_*`.
#[repr(C)]
#[derive(Copy, Clone)]
pub struct Block {
    pub handler: u32,
    pub kind: u32,
    pub depth: usize,
}

pub const BLOCK_FINALLY: u32 = 0;
pub const BLOCK_CLEANUP: u32 = 1;
pub const BLOCK_WITH: u32 = 2;

#[repr(C)]
pub struct Frame {
    pub code: *const CodeObj,
    pub code_obj: Obj,
    pub func: Option<Obj>,
    pub globals: Obj,
    pub builtins: Obj,
    /// Namespace for `*_NAME` ops (module and class bodies), else None.
    pub locals: Option<Obj>,
    pub back: *mut Frame,
    /// Offset of the next instruction.
    pub pc: usize,
    /// Offset of the instruction being executed (for line numbers).
    pub lasti: usize,
    /// Number of items on the value stack.
    pub sp: usize,
    pub nblocks: usize,
    /// The generator/coroutine owning this frame, if any.
    pub gen: Option<Obj>,
    /// Words occupied in the VM stack region (0 for heap frames).
    pub words: usize,
    /// Number of fast slots (locals + cells + frees).
    pub nfast: usize,
    /// Set by YIELD_VALUE when the frame suspends.
    pub yielded: bool,
}

const WORD: usize = size_of::<usize>();

/// Words needed for a frame running `co`.
pub fn frame_words(co: &CodeObj) -> usize {
    let nfast = co.nlocals as usize + co.ncells() + co.nfrees();
    size_of::<Frame>() / WORD
        + nfast
        + co.maxblocks as usize * (size_of::<Block>() / WORD)
        + co.stacksize as usize
        + 1
}

impl Frame {
    #[inline(always)]
    pub fn code(&self) -> &'static CodeObj {
        // SAFETY: `code_obj` keeps the code alive for the frame's life.
        unsafe { &*self.code }
    }
    /// Pointer to the fast slots.
    #[inline(always)]
    pub fn fast(this: *mut Frame) -> *mut Option<Obj> {
        // SAFETY: the slots follow the header.
        unsafe { this.add(1) as *mut Option<Obj> }
    }
    #[inline(always)]
    pub fn blocks(this: *mut Frame) -> *mut Block {
        // SAFETY: blocks follow the fast slots.
        unsafe { Frame::fast(this).add((*this).nfast) as *mut Block }
    }
    #[inline(always)]
    pub fn stack(this: *mut Frame) -> *mut Option<Obj> {
        // SAFETY: the value stack follows the blocks.
        unsafe { Frame::blocks(this).add((*this).code().maxblocks as usize) as *mut Option<Obj> }
    }
    /// Current source line.
    pub fn line(&self) -> u32 {
        self.code().line_at(self.lasti)
    }
}

/// Allocate a frame for `code` on the VM stack region (`heap` false) or as
/// a heap block (generators). Slots are zeroed (unbound).
pub fn alloc_frame(
    vm: &Vm,
    code_obj: Obj,
    globals: Obj,
    locals: Option<Obj>,
    func: Option<Obj>,
    heap: bool,
) -> PyResult<*mut Frame> {
    // SAFETY: callers pass code objects.
    let co = unsafe { code_obj.cast::<CodeObj>() };
    let words = frame_words(co);
    let p: *mut usize = if heap {
        vm.alloc_raw(words * WORD, 0)? as *mut usize
    } else {
        let top = vm.vstack_top.get();
        let end = vm.vstack_end.get();
        if (end as usize - top as usize) / WORD < words
            || vm.depth.get() >= vm.recursion_limit.get()
        {
            return Err(vm.recursion_error());
        }
        // SAFETY: [top, top+words) lies inside the region (checked above).
        unsafe {
            core::ptr::write_bytes(top, 0, words);
            vm.vstack_top.set(top.add(words));
        }
        top
    };
    let builtins = match func.and_then(|f| f.downcast::<FunctionObj>()) {
        Some(f) => f.builtins,
        None => vm.builtins_dict.get().unwrap_or(none()),
    };
    let f = p as *mut Frame;
    // SAFETY: p points at `words` zeroed words we own.
    unsafe {
        f.write(Frame {
            code: co as *const CodeObj,
            code_obj,
            func,
            globals,
            builtins,
            locals,
            back: core::ptr::null_mut(),
            pc: 0,
            lasti: 0,
            sp: 0,
            nblocks: 0,
            gen: None,
            words: if heap { 0 } else { words },
            nfast: co.nlocals as usize + co.ncells() + co.nfrees(),
            yielded: false,
        });
    }
    Ok(f)
}

/// Release a stack-region frame (must be the topmost).
pub fn free_frame(vm: &Vm, f: *mut Frame) {
    // SAFETY: f is a live frame.
    let words = unsafe { (*f).words };
    if words != 0 {
        vm.vstack_top.set(f as *mut usize);
    }
}

/// Create the cells and copy the free variables of a new frame.
pub fn init_cells(vm: &Vm, f: *mut Frame, closure: Option<Obj>) -> PyResult<()> {
    // SAFETY: f is a freshly allocated frame.
    let co = unsafe { (*f).code() };
    let nc = co.ncells();
    if nc == 0 && closure.is_none() {
        return Ok(());
    }
    let nl = co.nlocals as usize;
    let fast = Frame::fast(f);
    let c2a = tuple::tuple_items(co.cell2arg);
    for i in 0..nc {
        let init = match c2a.get(i).and_then(|o| o.as_small()) {
            // SAFETY: arg index < nlocals (verified).
            Some(a) if a > 0 => unsafe { *fast.add(a as usize - 1) },
            _ => None,
        };
        let cell = func::new_cell(vm, init)?;
        // SAFETY: nl + i < nfast.
        unsafe { *fast.add(nl + i) = Some(cell) };
    }
    if let Some(cl) = closure {
        for (j, c) in tuple::tuple_items(cl).iter().enumerate() {
            if j < co.nfrees() {
                // SAFETY: nl + nc + j < nfast.
                unsafe { *fast.add(nl + nc + j) = Some(*c) };
            }
        }
    }
    Ok(())
}

/// The `__name__` of the globals of the running frame.
pub fn current_globals_name(vm: &Vm) -> PyResult<Option<Obj>> {
    let f = vm.frame.get();
    if f.is_null() {
        return Ok(None);
    }
    // SAFETY: vm.frame is the live innermost frame.
    let g = unsafe { (*f).globals };
    dict::get_str(vm, g, "__name__")
}

/// The globals of the running frame, if any.
pub fn current_globals(vm: &Vm) -> Option<Obj> {
    let f = vm.frame.get();
    if f.is_null() {
        None
    } else {
        // SAFETY: live frame.
        Some(unsafe { (*f).globals })
    }
}

/// Zero-argument `super()`: `(__class__, first argument)` of the running
/// function.
pub fn super_args_from_frame(vm: &Vm) -> PyResult<(Obj, Obj)> {
    let f = vm.frame.get();
    if f.is_null() {
        return Err(vm.runtime_error("super(): no current frame"));
    }
    // SAFETY: live frame.
    let fr = unsafe { &*f };
    let co = fr.code();
    if co.argcount == 0 && co.flags & crate::bytecode::co::VARARGS == 0 {
        return Err(vm.runtime_error("super(): no arguments"));
    }
    let fast = Frame::fast(f);
    // The first argument, or its cell if it was captured.
    let mut first = unsafe { *fast };
    let nl = co.nlocals as usize;
    let c2a = tuple::tuple_items(co.cell2arg);
    for (i, a) in c2a.iter().enumerate() {
        if a.as_small() == Some(1) {
            // SAFETY: nl + i < nfast.
            if let Some(c) = unsafe { *fast.add(nl + i) } {
                first = c.downcast::<func::CellObj>().and_then(|c| c.value.get());
            }
        }
    }
    if co.flags & crate::bytecode::co::VARARGS != 0 && co.argcount == 0 {
        // SAFETY: varargs slot index is argcount + kwonly.
        let va = unsafe { *fast.add(co.kwonlyargcount as usize) };
        first = va.and_then(|t| tuple::tuple_items(t).first().copied());
    }
    let first = first.ok_or_else(|| vm.runtime_error("super(): arg[0] deleted"))?;
    let frees = tuple::tuple_items(co.freevars);
    for (j, n) in frees.iter().enumerate() {
        if crate::obj::str::as_str(*n) == Some("__class__") {
            // SAFETY: index < nfast.
            let cell = unsafe { *fast.add(nl + co.ncells() + j) };
            let cls = cell
                .and_then(|c| c.downcast::<func::CellObj>())
                .and_then(|c| c.value.get());
            return match cls {
                Some(c) => Ok((c, first)),
                None => Err(vm.runtime_error("super(): empty __class__ cell")),
            };
        }
    }
    Err(vm.runtime_error("super(): __class__ cell not found"))
}
