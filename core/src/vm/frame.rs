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
    /// `except`/`finally` handlers entered and not left (PUSH_EXC_INFO
    /// minus POP_EXCEPT): a generator suspended with a non-zero count is
    /// handling its own exception.
    pub handlers: u16,
    /// The local that holds a str made by `local += str` and never read
    /// since (so nothing else refers to it and the next `+=` may extend it
    /// in place), or [`NO_OWNER`]. See `vm::eval`.
    pub owned: u16,
    /// `Vm::locals_read` when `owned` was set.
    pub owned_epoch: u32,
    /// Size of the allocation of the str the `owned` local holds.
    pub owned_cap: usize,
}

/// [`Frame::owned`] when no local owns its str.
pub const NO_OWNER: u16 = u16::MAX;

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
    if co.code_len == 0 {
        return Err(vm.new_error(
            &crate::obj::exc::SYSTEM_ERROR,
            "this code object has no ferropy bytecode and cannot be executed",
        ));
    }
    let words = frame_words(co);
    let p: *mut usize = if heap {
        vm.alloc_raw(words * WORD, 0)? as *mut usize
    } else {
        if vm.depth.get() >= vm.recursion_limit.get() {
            return Err(vm.recursion_error());
        }
        let mut top = vm.vstack_top.get();
        let end = vm.vstack_end.get();
        if (end as usize).saturating_sub(top as usize) / WORD < words {
            top = new_chunk(vm, words)?;
        }
        // SAFETY: [top, top+words) lies inside the current chunk (checked or
        // freshly allocated above).
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
            handlers: 0,
            owned: NO_OWNER,
            owned_epoch: 0,
            owned_cap: 0,
        });
    }
    Ok(f)
}

/// Words of a value-stack chunk header: previous chunk, its saved top, end.
pub const CHUNK_HEADER: usize = 3;
/// Words of a new value-stack chunk (more when one frame needs more).
pub const CHUNK_WORDS: usize = 512;

/// Start a new value-stack chunk able to hold `words`; returns its first
/// free word. Chunks are manual heap blocks linked to the previous chunk, so
/// deep recursion costs heap only while it lasts.
fn new_chunk(vm: &Vm, words: usize) -> PyResult<*mut usize> {
    let want = (words + CHUNK_HEADER).max(CHUNK_WORDS);
    let spare = vm.vstack_spare.take();
    let p = match spare {
        Some(sp) if crate::gc::size_of(sp as *const u8) / WORD >= want => sp,
        _ => {
            if let Some(sp) = spare {
                crate::gc::free(sp as *mut u8);
            }
            // No room for deeper calls: to the program this is recursion
            // too deep for this machine.
            match vm.alloc_raw(
                want * WORD,
                crate::gc::kind::MANUAL | crate::gc::kind::NOSCAN,
            ) {
                Ok(p) => p as *mut usize,
                Err(_) => {
                    vm.take_exc();
                    return Err(vm.recursion_error());
                }
            }
        }
    };
    let cap = crate::gc::size_of(p as *const u8) / WORD;
    // SAFETY: p is a manual block of `cap` words owned by the VM.
    unsafe {
        *p = vm.vstack_base.get() as usize;
        *p.add(1) = vm.vstack_top.get() as usize;
        *p.add(2) = p.add(cap) as usize;
        vm.vstack_base.set(p);
        vm.vstack_end.set(p.add(cap));
        Ok(p.add(CHUNK_HEADER))
    }
}

/// Release a stack-region frame (must be the topmost).
pub fn free_frame(vm: &Vm, f: *mut Frame) {
    // SAFETY: f is a live frame.
    let words = unsafe { (*f).words };
    if words == 0 {
        return;
    }
    let base = vm.vstack_base.get();
    vm.vstack_top.set(f as *mut usize);
    // SAFETY: base is the current chunk; its header words are valid.
    unsafe {
        let prev = *base as *mut usize;
        if f as *mut usize == base.add(CHUNK_HEADER) && !prev.is_null() {
            // The chunk is empty: go back to the previous one, keeping this
            // one as a spare.
            let prev_top = *base.add(1) as *mut usize;
            vm.vstack_base.set(prev);
            vm.vstack_top.set(prev_top);
            vm.vstack_end.set(*prev.add(2) as *mut usize);
            match vm.vstack_spare.get() {
                None => vm.vstack_spare.set(Some(base)),
                Some(_) => crate::gc::free(base as *mut u8),
            }
        }
    }
}

/// Mark the live part of every value-stack chunk.
pub fn trace_stack(vm: &Vm, m: &mut crate::gc::Marker) {
    let mut cur = vm.vstack_base.get();
    let mut top = vm.vstack_top.get();
    while !cur.is_null() {
        // SAFETY: cur is a chunk with a valid header; [data, top) are words
        // of live frames.
        unsafe {
            m.mark_range_interior(cur.add(CHUNK_HEADER) as usize, top as usize);
            top = *cur.add(1) as *mut usize;
            cur = *cur as *mut usize;
        }
    }
}

/// Clear the value-stack slots above the depth of the frame calling a
/// native function right now (`Vm::call_frame`), when that frame is the
/// current one: they are dead, but a collection scans them.
pub fn clear_stale_slots(vm: &Vm) {
    let f = vm.call_frame.get();
    if f.is_null() || f != vm.frame.get() {
        return;
    }
    // SAFETY: f is the live current frame; its sp was stored by CALL just
    // before the native call and `sp <= stacksize`.
    unsafe {
        let st = Frame::stack(f);
        let n = (*f).code().stacksize as usize;
        let mut i = (*f).sp;
        while i < n {
            *st.add(i) = None;
            i += 1;
        }
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
    // The first argument escapes into the super object.
    vm.locals_read.set(vm.locals_read.get().wrapping_add(1));
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
