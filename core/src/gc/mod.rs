//! The garbage-collected heap.
//!
//! # Layout
//! One contiguous region handed over by the port is split into
//! `[ATB | FTB | OTB | MTB | NTB | pool]`. The pool is an array of blocks of
//! `BLOCK` bytes (four machine words: 16 bytes on Cortex-M4, 32 on x86_64).
//! Every allocation is a run of blocks: one *head* followed by zero or more
//! *tails*. The tables beside the pool describe each block:
//! - ATB, 2 bits/block: `FREE`, `HEAD`, `TAIL`, `MARK` (a marked head).
//! - FTB, 1 bit/block (heads only): the allocation has a finaliser.
//! - OTB, 1 bit/block (heads only): the allocation starts with an object
//!   header `{ob_refcnt, ob_type}`.
//! - MTB, 1 bit/block (heads only): *manual* memory (`PyMem_Malloc`, Rust's
//!   global allocator on a microcontroller): never collected, always a root,
//!   freed only explicitly.
//! - NTB, 1 bit/block (heads only): holds no pointers (string bytes, float
//!   payloads, bigint digits): never scanned.
//!
//! # Invariants
//! - Memory of a live allocation is never moved.
//! - A new allocation is zeroed, so a conservative scan never reads stale
//!   data as a pointer to something it should keep alive for safety (stale
//!   words may only retain garbage, never free live data).
//! - Roots: the native stack and callee-saved registers (conservatively, and
//!   interior pointers count), whatever the [`Roots`] callback marks
//!   (precisely), every manual block, and every object whose `ob_refcnt` is
//!   above zero (a pin held by C or Rust code).
//! - Inside the heap, every allocation that is not no-scan is scanned word by
//!   word, conservatively; there only pointers into a head block count.
//! - Nothing is freed while anything that could reach it is still marked:
//!   sweep runs after marking is complete. Finalisers are queued during the
//!   sweep and run by the VM after the collection, when allocating is safe.
#![allow(unsafe_code)]

mod arch;

use core::cell::UnsafeCell;
use core::ptr;

/// Bytes per block: four machine words.
pub const BLOCK: usize = 4 * core::mem::size_of::<usize>();
const WORD: usize = core::mem::size_of::<usize>();

const AT_FREE: u8 = 0;
const AT_HEAD: u8 = 1;
const AT_TAIL: u8 = 2;
const AT_MARK: u8 = 3;

/// Kinds of allocation (bit flags).
pub mod kind {
    /// Starts with an object header.
    pub const OBJECT: u8 = 1;
    /// Has a finaliser to run when found unreachable.
    pub const FINALISER: u8 = 2;
    /// Manual memory: never collected, always a root.
    pub const MANUAL: u8 = 4;
    /// Contains no pointers: never scanned.
    pub const NOSCAN: u8 = 8;
}

const MARK_STACK: usize = 64;
/// Finalisable objects found unreachable in one collection, queued for the VM.
pub const FINALISE_QUEUE: usize = 32;

/// Precise roots supplied by the VM at collection time.
pub trait Roots {
    fn trace(&self, m: &mut Marker);
}

struct Heap {
    atb: *mut u8,
    ftb: *mut u8,
    otb: *mut u8,
    mtb: *mut u8,
    ntb: *mut u8,
    pool: usize,
    pool_end: usize,
    nblocks: usize,
    first_free: usize,
    stack_top: usize,
    enabled: bool,
    collecting: bool,
    stress: bool,
    allocs_since: usize,
    collections: usize,
    threshold_blocks: usize,
    used_blocks: usize,
    fin_queue: [usize; FINALISE_QUEUE],
    fin_len: usize,
    /// Has any allocation ever had a finaliser (skips a pass when not)?
    any_finaliser: bool,
}

struct HeapCell(UnsafeCell<Heap>);
// SAFETY: ferropy is single-threaded; the heap is only touched from the
// interpreter's thread (documented contract of every port).
unsafe impl Sync for HeapCell {}

static HEAP: HeapCell = HeapCell(UnsafeCell::new(Heap {
    atb: ptr::null_mut(),
    ftb: ptr::null_mut(),
    otb: ptr::null_mut(),
    mtb: ptr::null_mut(),
    ntb: ptr::null_mut(),
    pool: 0,
    pool_end: 0,
    nblocks: 0,
    first_free: 0,
    stack_top: 0,
    enabled: true,
    collecting: false,
    stress: false,
    allocs_since: 0,
    collections: 0,
    threshold_blocks: 0,
    used_blocks: 0,
    fin_queue: [0; FINALISE_QUEUE],
    fin_len: 0,
    any_finaliser: false,
}));

#[inline(always)]
fn heap() -> &'static mut Heap {
    // SAFETY: single-threaded (see HeapCell); no function of this module
    // holds the reference across a call that re-enters the heap.
    unsafe { &mut *HEAP.0.get() }
}

impl Heap {
    #[inline]
    fn at(&self, b: usize) -> u8 {
        // SAFETY: callers pass b < nblocks; the ATB has nblocks/4 bytes.
        unsafe { (*self.atb.add(b >> 2) >> ((b & 3) * 2)) & 3 }
    }
    #[inline]
    fn set_at(&mut self, b: usize, v: u8) {
        // SAFETY: as in `at`.
        unsafe {
            let p = self.atb.add(b >> 2);
            let sh = (b & 3) * 2;
            *p = (*p & !(3 << sh)) | (v << sh);
        }
    }
    #[inline]
    fn bit(t: *mut u8, b: usize) -> bool {
        // SAFETY: bit tables have nblocks/8 bytes and b < nblocks.
        unsafe { (*t.add(b >> 3) >> (b & 7)) & 1 != 0 }
    }
    #[inline]
    fn set_bit(t: *mut u8, b: usize, v: bool) {
        // SAFETY: as in `bit`.
        unsafe {
            let p = t.add(b >> 3);
            if v {
                *p |= 1 << (b & 7);
            } else {
                *p &= !(1 << (b & 7));
            }
        }
    }
    #[inline]
    fn block_of(&self, addr: usize) -> Option<usize> {
        if addr >= self.pool && addr < self.pool_end {
            Some((addr - self.pool) / BLOCK)
        } else {
            None
        }
    }
    #[inline]
    fn addr(&self, b: usize) -> usize {
        self.pool + b * BLOCK
    }
    fn nblocks_of(&self, head: usize) -> usize {
        let mut n = 1;
        while head + n < self.nblocks && self.at(head + n) == AT_TAIL {
            n += 1;
        }
        n
    }
}

/// Hand the heap its memory. `region` must stay valid and unused by anything
/// else for the life of the program; `stack_top` is the highest address of
/// the native stack that holds interpreter data (scanned down to the current
/// stack pointer at each collection).
///
/// # Safety
/// `region` must point to `len` writable bytes owned by the heap from now on.
pub unsafe fn init(region: *mut u8, len: usize, stack_top: usize) {
    let h = heap();
    let start = (region as usize + BLOCK - 1) & !(BLOCK - 1);
    let len = len.saturating_sub(start - region as usize);
    // Each block costs BLOCK bytes + 2 bits (ATB) + 4 bits (F/O/M/N tables).
    let nblocks = (len * 8) / (BLOCK * 8 + 6);
    let nblocks = nblocks & !7;
    let atb_len = nblocks / 4;
    let bit_len = nblocks / 8;
    let tables = atb_len + 4 * bit_len;
    let pool = (start + tables + BLOCK - 1) & !(BLOCK - 1);
    let nblocks = ((start + len).saturating_sub(pool) / BLOCK).min(nblocks) & !7;
    h.atb = start as *mut u8;
    h.ftb = (start + atb_len) as *mut u8;
    h.otb = (start + atb_len + bit_len) as *mut u8;
    h.mtb = (start + atb_len + 2 * bit_len) as *mut u8;
    h.ntb = (start + atb_len + 3 * bit_len) as *mut u8;
    // SAFETY: the tables lie inside the region handed to us.
    unsafe { ptr::write_bytes(start as *mut u8, 0, tables) };
    h.pool = pool;
    h.nblocks = nblocks;
    h.pool_end = pool + nblocks * BLOCK;
    h.first_free = 0;
    h.stack_top = stack_top;
    h.enabled = true;
    h.collecting = false;
    h.used_blocks = 0;
    h.threshold_blocks = nblocks / 2;
    h.fin_len = 0;
}

/// Is the heap initialised?
pub fn is_ready() -> bool {
    heap().nblocks != 0
}

/// Set or clear the stress mode (collect before every allocation and poison
/// freed memory).
pub fn set_stress(on: bool) {
    heap().stress = on;
}

pub fn stress() -> bool {
    heap().stress
}

pub fn set_enabled(on: bool) {
    heap().enabled = on;
}

pub fn is_enabled() -> bool {
    heap().enabled
}

pub fn collections() -> usize {
    heap().collections
}

/// Highest address of the scanned native stack (given to `init`).
pub fn stack_top() -> usize {
    heap().stack_top
}

/// Bytes in use and total pool bytes.
pub fn usage() -> (usize, usize) {
    let h = heap();
    (h.used_blocks * BLOCK, h.nblocks * BLOCK)
}

/// Should the caller run a collection before allocating `n` more bytes?
/// (Automatic collections are driven by the VM so that it can supply roots.)
pub fn wants_collect(n: usize) -> bool {
    let h = heap();
    if !h.enabled || h.collecting {
        return false;
    }
    h.stress || h.allocs_since + n.div_ceil(BLOCK) > h.threshold_blocks
}

/// Allocate `size` bytes of the given `kind`; zeroed. `None` when no run of
/// free blocks is large enough (the caller collects and retries, then raises
/// MemoryError).
pub fn alloc(size: usize, kind_bits: u8) -> Option<*mut u8> {
    let h = heap();
    if h.nblocks == 0 {
        return None;
    }
    let n = size.max(1).div_ceil(BLOCK);
    let mut b = h.first_free;
    let mut run = 0;
    let mut start = b;
    while b < h.nblocks {
        // Skip whole bytes of used blocks quickly.
        if run == 0 && b & 3 == 0 && b + 4 <= h.nblocks {
            // SAFETY: b/4 < nblocks/4.
            let byte = unsafe { *h.atb.add(b >> 2) };
            if byte & 0x03 != 0 && byte & 0x0c != 0 && byte & 0x30 != 0 && byte & 0xc0 != 0 {
                b += 4;
                continue;
            }
        }
        if h.at(b) == AT_FREE {
            if run == 0 {
                start = b;
            }
            run += 1;
            if run == n {
                break;
            }
        } else {
            run = 0;
        }
        b += 1;
    }
    if run < n {
        return None;
    }
    h.set_at(start, AT_HEAD);
    for t in start + 1..start + n {
        h.set_at(t, AT_TAIL);
    }
    Heap::set_bit(h.ftb, start, kind_bits & kind::FINALISER != 0);
    h.any_finaliser |= kind_bits & kind::FINALISER != 0;
    Heap::set_bit(h.otb, start, kind_bits & kind::OBJECT != 0);
    Heap::set_bit(h.mtb, start, kind_bits & kind::MANUAL != 0);
    Heap::set_bit(h.ntb, start, kind_bits & kind::NOSCAN != 0);
    if n == 1 || start == h.first_free {
        h.first_free = start + n;
    }
    h.used_blocks += n;
    h.allocs_since += n;
    let p = h.addr(start) as *mut u8;
    // SAFETY: the run [start, start+n) is inside the pool and now ours.
    unsafe { ptr::write_bytes(p, 0, n * BLOCK) };
    Some(p)
}

/// Free an allocation explicitly (Rust's dealloc, `PyMem_Free`, a shrinking
/// container). Pointers that are not the start of a live allocation are
/// ignored.
pub fn free(p: *mut u8) {
    let h = heap();
    if h.collecting {
        return;
    }
    let Some(b) = h.block_of(p as usize) else {
        return;
    };
    if h.addr(b) != p as usize || h.at(b) != AT_HEAD {
        return;
    }
    free_run(h, b);
}

fn free_run(h: &mut Heap, b: usize) {
    let n = h.nblocks_of(b);
    if h.stress {
        // SAFETY: the run belongs to the allocation being freed.
        unsafe { ptr::write_bytes(h.addr(b) as *mut u8, 0xA5, n * BLOCK) };
    }
    for i in b..b + n {
        h.set_at(i, AT_FREE);
    }
    Heap::set_bit(h.ftb, b, false);
    h.used_blocks = h.used_blocks.saturating_sub(n);
    if b < h.first_free {
        h.first_free = b;
    }
}

/// Usable size of the allocation starting at `p` (0 if `p` is not one).
pub fn size_of(p: *const u8) -> usize {
    let h = heap();
    match h.block_of(p as usize) {
        Some(b) if h.addr(b) == p as usize && h.at(b) == AT_HEAD => h.nblocks_of(b) * BLOCK,
        _ => 0,
    }
}

/// Does `p` point at the first byte of a live allocation of this heap?
pub fn is_heap_ptr(p: *const u8) -> bool {
    size_of(p) != 0
}

/// Grow or shrink in place when possible, else allocate, copy and free.
pub fn realloc(p: *mut u8, new_size: usize, kind_bits: u8) -> Option<*mut u8> {
    if p.is_null() {
        return alloc(new_size, kind_bits);
    }
    let h = heap();
    let old = size_of(p);
    if old == 0 {
        return None;
    }
    let need = new_size.max(1).div_ceil(BLOCK);
    let have = old / BLOCK;
    let b = h.block_of(p as usize)?;
    if need <= have {
        // Shrink: free the surplus tail blocks.
        for i in b + need..b + have {
            h.set_at(i, AT_FREE);
        }
        h.used_blocks -= have - need;
        if b + need < h.first_free {
            h.first_free = b + need;
        }
        return Some(p);
    }
    // Try to extend into following free blocks.
    let mut avail = have;
    while avail < need && b + avail < h.nblocks && h.at(b + avail) == AT_FREE {
        avail += 1;
    }
    if avail >= need {
        for i in b + have..b + need {
            h.set_at(i, AT_TAIL);
        }
        h.used_blocks += need - have;
        h.allocs_since += need - have;
        // SAFETY: the extension blocks are ours now.
        unsafe {
            ptr::write_bytes(
                (p as usize + have * BLOCK) as *mut u8,
                0,
                (need - have) * BLOCK,
            )
        };
        if h.first_free >= b + have && h.first_free < b + need {
            h.first_free = b + need;
        }
        return Some(p);
    }
    let np = alloc(new_size, kind_bits)?;
    // SAFETY: both runs are live and distinct; copy the old contents.
    unsafe { ptr::copy_nonoverlapping(p, np, old.min(new_size)) };
    free(p);
    Some(np)
}

/// The marking state handed to [`Roots::trace`].
pub struct Marker {
    stack: [usize; MARK_STACK],
    sp: usize,
    overflow: bool,
}

impl Marker {
    /// Mark the allocation a word points into the head block of (precise or
    /// heap-internal references).
    #[inline]
    pub fn mark_word(&mut self, w: usize) {
        let h = heap();
        if let Some(b) = h.block_of(w) {
            if h.at(b) == AT_HEAD {
                self.push(h, b);
            }
        }
    }
    /// Mark the allocation containing `addr`, wherever inside it `addr` points
    /// (native stack, registers, frame pointers).
    pub fn mark_interior(&mut self, addr: usize) {
        let h = heap();
        if let Some(mut b) = h.block_of(addr) {
            loop {
                match h.at(b) {
                    AT_HEAD => {
                        self.push(h, b);
                        return;
                    }
                    AT_TAIL if b > 0 => b -= 1,
                    _ => return,
                }
            }
        }
    }
    /// Conservatively mark every word of `[start, end)` (interior pointers
    /// count).
    pub fn mark_range_interior(&mut self, start: usize, end: usize) {
        let mut p = (start + WORD - 1) & !(WORD - 1);
        while p + WORD <= end {
            // SAFETY: the caller guarantees [start, end) is readable memory.
            let w = unsafe { ptr::read_volatile(p as *const usize) };
            self.mark_interior(w);
            p += WORD;
        }
        self.drain();
    }
    #[inline]
    fn push(&mut self, h: &mut Heap, b: usize) {
        h.set_at(b, AT_MARK);
        if Heap::bit(h.ntb, b) {
            return;
        }
        if self.sp < MARK_STACK {
            self.stack[self.sp] = b;
            self.sp += 1;
        } else {
            self.overflow = true;
        }
    }
    fn scan_block(&mut self, h: &mut Heap, b: usize) {
        let n = h.nblocks_of(b);
        let start = h.addr(b);
        let words = n * BLOCK / WORD;
        for i in 0..words {
            // SAFETY: inside the allocation [start, start + n*BLOCK).
            let w = unsafe { *((start + i * WORD) as *const usize) };
            if let Some(c) = h.block_of(w) {
                if h.at(c) == AT_HEAD {
                    self.push(h, c);
                }
            }
        }
    }
    /// Process the mark stack until it is empty (and recover from overflow by
    /// rescanning marked blocks).
    pub fn drain(&mut self) {
        let h = heap();
        loop {
            while self.sp > 0 {
                self.sp -= 1;
                let b = self.stack[self.sp];
                self.scan_block(h, b);
            }
            if !self.overflow {
                break;
            }
            self.overflow = false;
            for b in 0..h.nblocks {
                if h.at(b) == AT_MARK && !Heap::bit(h.ntb, b) {
                    self.scan_block(h, b);
                    while self.sp > 0 {
                        self.sp -= 1;
                        let c = self.stack[self.sp];
                        self.scan_block(h, c);
                    }
                }
            }
        }
    }
}

/// Run a full collection. `roots` marks the VM's precise roots; `refcnt`
/// reads the pin count of an object allocation (its `ob_refcnt`).
/// Returns the number of bytes freed.
#[inline(never)]
pub fn collect(roots: &dyn Roots) -> usize {
    let h = heap();
    if h.nblocks == 0 || h.collecting {
        return 0;
    }
    h.collecting = true;
    let mut m = Marker {
        stack: [0; MARK_STACK],
        sp: 0,
        overflow: false,
    };
    // 1. Native stack and registers.
    let regs = arch::capture_registers();
    let sp = arch::stack_pointer();
    m.mark_range_interior(
        regs.as_ptr() as usize,
        regs.as_ptr() as usize + core::mem::size_of_val(&regs),
    );
    if h.stack_top > sp {
        m.mark_range_interior(sp, h.stack_top);
    }
    core::hint::black_box(&regs);
    // 2. Precise VM roots.
    roots.trace(&mut m);
    m.drain();
    // 3. Manual blocks and pinned objects (whole free bytes of the ATB are
    //    skipped).
    let mut b = 0;
    while b < h.nblocks {
        if b & 3 == 0 {
            // SAFETY: b/4 < nblocks/4.
            if unsafe { *h.atb.add(b >> 2) } == 0 {
                b += 4;
                continue;
            }
        }
        let st = h.at(b);
        b += 1;
        let b = b - 1;
        if st == AT_HEAD {
            let pinned = Heap::bit(h.mtb, b)
                || (Heap::bit(h.otb, b) && {
                    // SAFETY: object allocations start with `ob_refcnt: isize`.
                    let rc = unsafe { *(h.addr(b) as *const isize) };
                    rc > 0
                });
            if pinned {
                m.push(h, b);
                m.drain();
            }
        }
    }
    // 4. Unreachable objects with finalisers: keep them (and what they
    //    reference) for one more cycle and queue them for the VM.
    h.fin_len = 0;
    for b in 0..if h.any_finaliser { h.nblocks } else { 0 } {
        if h.at(b) == AT_HEAD && Heap::bit(h.ftb, b) && h.fin_len < FINALISE_QUEUE {
            Heap::set_bit(h.ftb, b, false);
            h.fin_queue[h.fin_len] = h.addr(b);
            h.fin_len += 1;
            m.push(h, b);
            m.drain();
        }
    }
    // 5. Sweep.
    let mut freed = 0;
    let mut b = 0;
    while b < h.nblocks {
        if b & 3 == 0 {
            // SAFETY: b/4 < nblocks/4.
            if unsafe { *h.atb.add(b >> 2) } == 0 {
                b += 4;
                continue;
            }
        }
        match h.at(b) {
            AT_MARK => {
                h.set_at(b, AT_HEAD);
                b += 1;
            }
            AT_HEAD => {
                let n = h.nblocks_of(b);
                freed += n;
                free_run(h, b);
                b += n;
            }
            _ => b += 1,
        }
    }
    h.allocs_since = 0;
    h.collections += 1;
    // Next automatic collection after half of what is free now is used.
    h.threshold_blocks = ((h.nblocks - h.used_blocks) / 2).max(h.nblocks / 16).max(8);
    h.first_free = 0;
    h.collecting = false;
    freed * BLOCK
}

/// Take the objects queued for finalisation by the last collection.
pub fn take_finalisers(out: &mut [usize; FINALISE_QUEUE]) -> usize {
    let h = heap();
    let n = h.fin_len;
    out[..n].copy_from_slice(&h.fin_queue[..n]);
    h.fin_len = 0;
    n
}

/// Mark an object allocation as having a finaliser.
pub fn set_finaliser(p: *const u8) {
    let h = heap();
    if let Some(b) = h.block_of(p as usize) {
        if h.at(b) == AT_HEAD {
            Heap::set_bit(h.ftb, b, true);
            h.any_finaliser = true;
        }
    }
}

/// Current native stack pointer (approximate: the address of a local).
#[inline(always)]
pub fn stack_pointer() -> usize {
    arch::stack_pointer()
}

/// The heap is process-global: unit tests that use it take this lock.
#[cfg(test)]
pub static TEST_LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());

#[cfg(test)]
extern crate std;

#[cfg(test)]
mod tests {
    extern crate std;
    use super::*;
    use std::vec;

    struct NoRoots;
    impl Roots for NoRoots {
        fn trace(&self, _m: &mut Marker) {}
    }

    #[test]
    fn alloc_free_collect() {
        let _g = TEST_LOCK.lock().unwrap_or_else(|e| e.into_inner());
        let mem = vec![0u8; 64 * 1024].leak();
        let top = stack_pointer() + 4096;
        // SAFETY: the leaked buffer is ours for the rest of the test binary.
        unsafe { init(mem.as_mut_ptr(), mem.len(), top) };
        let a = alloc(10, 0).unwrap();
        let b = alloc(100, kind::MANUAL).unwrap();
        assert!(size_of(a) >= 10);
        assert!(size_of(b) >= 100);
        free(a);
        assert_eq!(size_of(a), 0);
        let (used, total) = usage();
        assert!(used >= 100 && total > used);
        // Manual blocks survive a collection.
        collect(&NoRoots);
        assert!(size_of(b) >= 100);
        free(b);
    }
}
