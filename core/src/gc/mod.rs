//! The garbage-collected heap.
//!
//! # Layout
//! One contiguous region handed over by the port is split into
//! `[ATB | KTB | pool]`. The pool is an array of blocks of
//! `BLOCK` bytes (four machine words: 16 bytes on Cortex-M4, 32 on x86_64).
//! Every allocation is a run of blocks: one *head* followed by zero or more
//! *tails*. The tables beside the pool describe each block:
//! - ATB, 2 bits/block: `FREE`, `HEAD`, `TAIL`, `MARK` (a marked head).
//! - KTB, 4 bits/block (heads only): the allocation's [`kind`] bits, set
//!   together in one write when it is allocated:
//!   - `OBJECT`: it starts with an object header `{ob_refcnt, ob_type}`;
//!   - `FINALISER`: it has a finaliser;
//!   - `MANUAL`: *manual* memory (`PyMem_Malloc`, Rust's global allocator):
//!     never collected, always a root, freed only explicitly;
//!   - `NOSCAN`: it holds no pointers (string bytes, float payloads, bigint
//!     digits): never scanned.
//!
//! # Free memory
//! Free blocks form *spans*: maximal runs of free blocks (neighbouring free
//! runs are merged whenever a run is freed). Every span is on one of
//! `NCLASS` doubly linked lists chosen by its length: exact lengths 1 to 7
//! blocks, then power-of-two ranges `[8, 16)` ... `[128, 256)`, then
//! everything longer. The links live in the free memory itself: the span's
//! first block holds `next`, `prev` (block indexes) and the length, and the
//! last word of its last block repeats the length (a boundary tag, so a run
//! freed just after the span finds the span's head). An allocation of `n`
//! blocks takes the head of the exact list for `n`, else the first fitting
//! span of `n`'s range list, else the head of the smallest non-empty larger
//! class, and gives the unused end of the span back as a new span. Together
//! with the bit mask of non-empty lists this is constant time for small
//! requests. The sweep rebuilds all lists from the ATB.
//!
//! # Invariants
//! - Memory of a live allocation is never moved.
//! - Every free block belongs to exactly one listed span (except during a
//!   collection, whose sweep ends by rebuilding the lists).
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
//! - Weak references ([`weak`]) are cleared between marking and the
//!   finaliser pass; their referent words are disguised, so they never keep
//!   anything alive.
#![allow(unsafe_code)]

mod arch;
pub mod weak;

use core::cell::UnsafeCell;
use core::ptr;

/// Bytes per block: four machine words.
pub const BLOCK: usize = 4 * core::mem::size_of::<usize>();
const WORD: usize = core::mem::size_of::<usize>();

const AT_FREE: u8 = 0;
const AT_HEAD: u8 = 1;
const AT_TAIL: u8 = 2;
const AT_MARK: u8 = 3;
/// An ATB byte describing four tail blocks.
const ALL_TAIL: u8 = AT_TAIL * 0x55;

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

/// Number of free-span size classes (see "Free memory" above).
const NCLASS: usize = 13;
/// Largest span length with a list of its own.
const EXACT: usize = 7;
/// "No block" in the span links.
const NONE: usize = usize::MAX;

/// Size class of a span (or request) of `n >= 1` blocks.
#[inline]
fn class_of(n: usize) -> usize {
    if n <= EXACT {
        n - 1
    } else {
        let log2 = (usize::BITS - 1 - n.leading_zeros()) as usize;
        (EXACT + log2 - 3).min(NCLASS - 1)
    }
}

/// Allocation between collections is never held below this (or 1/16 of
/// the heap when that is smaller).
const MIN_THRESHOLD: usize = 1024 * 1024;

const MARK_STACK: usize = 64;
/// Finalisable objects found unreachable in one collection, queued for the VM.
pub const FINALISE_QUEUE: usize = 32;

/// Precise roots supplied by the VM at collection time.
pub trait Roots {
    fn trace(&self, m: &mut Marker);
}

struct Heap {
    atb: *mut u8,
    /// The kind table: a nibble of `kind` bits per block (heads only).
    ktb: *mut u8,
    pool: usize,
    pool_end: usize,
    nblocks: usize,
    /// Heads of the free-span lists, one per size class (`NONE` = empty).
    free_heads: [usize; NCLASS],
    /// Bit `c` set: `free_heads[c]` is not empty.
    class_mask: u32,
    /// One past the highest block ever handed out since the last sweep
    /// (blocks from here on are free): collections only walk below it.
    high: usize,
    /// The bump region `[bump, bump_end)`: free blocks taken off the lists,
    /// from which allocations are cut in order (empty when equal).
    bump: usize,
    bump_end: usize,
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
    /// Weak references (see [`weak`]).
    weak: weak::WeakTable,
}

struct HeapCell(UnsafeCell<Heap>);
// SAFETY: ferropy is single-threaded; the heap is only touched from the
// interpreter's thread (documented contract of every port).
unsafe impl Sync for HeapCell {}

static HEAP: HeapCell = HeapCell(UnsafeCell::new(Heap {
    atb: ptr::null_mut(),
    ktb: ptr::null_mut(),
    pool: 0,
    pool_end: 0,
    nblocks: 0,
    free_heads: [NONE; NCLASS],
    class_mask: 0,
    high: 0,
    bump: 0,
    bump_end: 0,
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
    weak: weak::WeakTable::EMPTY,
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
    /// The `kind` bits of the allocation with head `b`.
    #[inline]
    fn kind(&self, b: usize) -> u8 {
        // SAFETY: the KTB has nblocks/2 bytes and b < nblocks.
        unsafe { (*self.ktb.add(b >> 1) >> ((b & 1) * 4)) & 15 }
    }
    #[inline]
    fn has(&self, b: usize, k: u8) -> bool {
        self.kind(b) & k != 0
    }
    #[inline]
    fn set_kind(&mut self, b: usize, k: u8) {
        // SAFETY: as in `kind`.
        unsafe {
            let p = self.ktb.add(b >> 1);
            let sh = (b & 1) * 4;
            *p = (*p & !(15 << sh)) | (k << sh);
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
    /// Word `i` of block `b` (span links live in free blocks).
    #[inline]
    fn word(&self, b: usize, i: usize) -> *mut usize {
        (self.addr(b) + i * WORD) as *mut usize
    }
    #[inline]
    fn get(&self, b: usize, i: usize) -> usize {
        // SAFETY: b < nblocks and i < 4: inside the pool.
        unsafe { *self.word(b, i) }
    }
    #[inline]
    fn put(&mut self, b: usize, i: usize, v: usize) {
        // SAFETY: as in `get`; only free blocks are written this way.
        unsafe { *self.word(b, i) = v }
    }
    /// Put the free span `[b, b + n)` on its list (the blocks must already
    /// be `AT_FREE`, and the span must not touch another listed span).
    fn link(&mut self, b: usize, n: usize) {
        let c = class_of(n);
        let head = self.free_heads[c];
        self.put(b, 0, head);
        self.put(b, 1, NONE);
        self.put(b, 2, n);
        self.put(b + n - 1, 3, n);
        if head != NONE {
            self.put(head, 1, b);
        }
        self.free_heads[c] = b;
        self.class_mask |= 1 << c;
    }
    /// Take the listed span starting at `b` off its list; returns its length.
    fn unlink(&mut self, b: usize) -> usize {
        let (next, prev, n) = (self.get(b, 0), self.get(b, 1), self.get(b, 2));
        let c = class_of(n);
        if prev == NONE {
            self.free_heads[c] = next;
            if next == NONE {
                self.class_mask &= !(1 << c);
            }
        } else {
            self.put(prev, 0, next);
        }
        if next != NONE {
            self.put(next, 1, prev);
        }
        n
    }
    /// Give the run `[b, b + n)`, already marked `AT_FREE`, back to the
    /// lists, merged with the free spans on either side.
    fn release(&mut self, mut b: usize, mut n: usize) {
        let end = b + n;
        let bumping = self.bump < self.bump_end;
        if end < self.nblocks && self.at(end) == AT_FREE {
            if bumping && end == self.bump {
                // The run (and a free span before it) joins the bump region.
                self.bump = b;
                if b > 0 && self.at(b - 1) == AT_FREE {
                    self.bump -= self.get(b - 1, 3);
                    self.unlink(self.bump);
                }
                return;
            }
            n += self.unlink(end);
        }
        if b > 0 && self.at(b - 1) == AT_FREE {
            if bumping && b == self.bump_end {
                self.bump_end = b + n;
                return;
            }
            let before = self.get(b - 1, 3);
            b -= before;
            self.unlink(b);
            n += before;
        }
        self.link(b, n);
    }
    /// Find `n` free blocks: cut from the bump region, else an exact-size
    /// span, else a new bump region (a span of at least `n` blocks: first
    /// fit in `n`'s range class, else the smallest larger class).
    #[inline]
    fn take(&mut self, n: usize) -> Option<usize> {
        let b = self.bump;
        if b + n <= self.bump_end {
            self.bump = b + n;
            self.high = self.high.max(b + n);
            return Some(b);
        }
        self.take_slow(n)
    }
    fn take_slow(&mut self, n: usize) -> Option<usize> {
        let c = class_of(n);
        if c < EXACT && self.class_mask & (1 << c) != 0 {
            let b = self.free_heads[c];
            self.unlink(b);
            self.high = self.high.max(b + n);
            return Some(b);
        }
        let mut found = NONE;
        if c >= EXACT && self.class_mask & (1 << c) != 0 {
            // First fit inside the range class; a short walk when a larger
            // class can serve the request anyway.
            let larger = self.class_mask >> (c + 1) != 0;
            let mut b = self.free_heads[c];
            let mut steps = 0;
            while b != NONE && !(larger && steps == 8) {
                if self.get(b, 2) >= n {
                    found = b;
                    break;
                }
                b = self.get(b, 0);
                steps += 1;
            }
        }
        if found == NONE {
            // The lowest-addressed head among the larger classes: keeping
            // allocations low leaves the top of the heap in one piece for
            // large requests (after a sweep each list is in address order).
            let mut larger = (self.class_mask >> c) & !1;
            if larger == 0 {
                return None;
            }
            while larger != 0 {
                let k = c + larger.trailing_zeros() as usize;
                found = found.min(self.free_heads[k]);
                larger &= larger - 1;
            }
        }
        let len = self.unlink(found);
        self.high = self.high.max(found + n);
        if c >= EXACT {
            // A large request keeps the bump region where it is; the rest
            // of its span goes back on the lists.
            if len > n {
                // The span was maximal: its remainder touches no free block.
                self.link(found + n, len - n);
            }
            return Some(found);
        }
        // A small request: the old bump region goes back on the lists (it
        // is a maximal free run: whatever was freed next to it joined it)
        // and the rest of the span found becomes the new one.
        if self.bump < self.bump_end {
            self.link(self.bump, self.bump_end - self.bump);
        }
        self.bump = found + n;
        self.bump_end = found + len;
        Some(found)
    }
    /// Rebuild every free list from the ATB (after a sweep): one span per
    /// maximal free run, lowest addresses first on each list.
    fn rebuild_free_lists(&mut self) {
        self.free_heads = [NONE; NCLASS];
        self.class_mask = 0;
        self.bump = 0;
        self.bump_end = 0;
        // Blocks from `high` on are free: they extend the topmost run, so
        // the walk starts at `high` (rounded up to a whole ATB byte).
        let mut end = self.nblocks; // one past the free run being collected
        let mut b = ((self.high + 3) & !3).min(self.nblocks);
        let mut new_high = 0;
        while b > 0 {
            // Whole ATB bytes (four blocks) at once where possible.
            if b & 3 == 0 && b >= 4 {
                // SAFETY: (b-4)/4 < nblocks/4.
                let byte = unsafe { *self.atb.add((b - 4) >> 2) };
                if byte == 0 {
                    b -= 4;
                    continue;
                }
                if byte & 0x03 != 0 && byte & 0x0c != 0 && byte & 0x30 != 0 && byte & 0xc0 != 0 {
                    if end > b {
                        self.link(b, end - b);
                    }
                    new_high = new_high.max(b);
                    b -= 4;
                    end = b;
                    continue;
                }
            }
            b -= 1;
            if self.at(b) != AT_FREE {
                if end > b + 1 {
                    self.link(b + 1, end - b - 1);
                }
                new_high = new_high.max(b + 1);
                end = b;
            }
        }
        if end > 0 {
            self.link(0, end);
        }
        self.high = new_high;
    }
    fn nblocks_of(&self, head: usize) -> usize {
        let mut b = head + 1;
        while b < self.nblocks && b & 3 != 0 {
            if self.at(b) != AT_TAIL {
                return b - head;
            }
            b += 1;
        }
        // Whole ATB bytes of four tails at once.
        // SAFETY: b/4 < nblocks/4 inside the loop condition.
        while b + 4 <= self.nblocks && unsafe { *self.atb.add(b >> 2) } == ALL_TAIL {
            b += 4;
        }
        while b < self.nblocks && self.at(b) == AT_TAIL {
            b += 1;
        }
        b - head
    }
    /// Set the ATB entries of blocks `[b, b + n)` to `v`.
    fn fill_at(&mut self, mut b: usize, n: usize, v: u8) {
        let end = b + n;
        while b < end && b & 3 != 0 {
            self.set_at(b, v);
            b += 1;
        }
        while b + 4 <= end {
            // SAFETY: b/4 < nblocks/4.
            unsafe { *self.atb.add(b >> 2) = v * 0x55 };
            b += 4;
        }
        while b < end {
            self.set_at(b, v);
            b += 1;
        }
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
    // SAFETY: the caller's contract is ours.
    unsafe { init_with(region, len, stack_top, false) }
}

/// [`init`] for a region the port knows to be all zero bytes (fresh
/// anonymous memory): the bit tables are not cleared, so a large heap costs
/// no page of RAM until it is used.
///
/// # Safety
/// As for [`init`], and every byte of `region` must be zero.
pub unsafe fn init_zeroed(region: *mut u8, len: usize, stack_top: usize) {
    // SAFETY: the caller's contract is ours.
    unsafe { init_with(region, len, stack_top, true) }
}

unsafe fn init_with(region: *mut u8, len: usize, stack_top: usize, zeroed: bool) {
    let h = heap();
    let start = (region as usize + BLOCK - 1) & !(BLOCK - 1);
    let len = len.saturating_sub(start - region as usize);
    // Each block costs BLOCK bytes + 2 bits (ATB) + 4 bits (KTB).
    let nblocks = (len * 8) / (BLOCK * 8 + 6);
    let nblocks = nblocks & !7;
    let atb_len = nblocks / 4;
    let tables = atb_len + nblocks / 2;
    let pool = (start + tables + BLOCK - 1) & !(BLOCK - 1);
    let nblocks = ((start + len).saturating_sub(pool) / BLOCK).min(nblocks) & !7;
    h.atb = start as *mut u8;
    h.ktb = (start + atb_len) as *mut u8;
    if !zeroed {
        // SAFETY: the tables lie inside the region handed to us.
        unsafe { ptr::write_bytes(start as *mut u8, 0, tables) };
    }
    h.pool = pool;
    h.nblocks = nblocks;
    h.pool_end = pool + nblocks * BLOCK;
    h.free_heads = [NONE; NCLASS];
    h.class_mask = 0;
    h.high = 0;
    h.bump = 0;
    h.bump_end = 0;
    if nblocks > 0 {
        h.link(0, nblocks);
    }
    h.stack_top = stack_top;
    h.enabled = true;
    h.collecting = false;
    h.used_blocks = 0;
    set_threshold(h);
    h.fin_len = 0;
    h.weak = weak::WeakTable::EMPTY;
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
    let n = size.max(1).div_ceil(BLOCK);
    // (An uninitialised heap has no free span, so `take` fails.)
    let start = h.take(n)?;
    h.set_at(start, AT_HEAD);
    if n > 1 {
        h.fill_at(start + 1, n - 1, AT_TAIL);
    }
    h.set_kind(start, kind_bits);
    h.any_finaliser |= kind_bits & kind::FINALISER != 0;
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
    let n = clear_run(h, b);
    h.release(b, n);
}

/// Mark the allocation at head `b` free in the tables (not yet on a list);
/// returns its length in blocks.
fn clear_run(h: &mut Heap, b: usize) -> usize {
    let n = h.nblocks_of(b);
    if h.stress {
        // SAFETY: the run belongs to the allocation being freed.
        unsafe { ptr::write_bytes(h.addr(b) as *mut u8, 0xA5, n * BLOCK) };
    }
    h.fill_at(b, n, AT_FREE);
    h.set_kind(b, h.kind(b) & !kind::FINALISER);
    h.used_blocks = h.used_blocks.saturating_sub(n);
    n
}

/// Call `f(address, bytes, kind bits)` for every live allocation, in
/// address order. `f` must not allocate or free GC memory.
pub fn walk(f: &mut dyn FnMut(usize, usize, u8)) {
    let h = heap();
    let mut b = 0;
    while b < h.high.min(h.nblocks) {
        match h.at(b) {
            AT_HEAD | AT_MARK => {
                let n = h.nblocks_of(b);
                f(h.addr(b), n * BLOCK, h.kind(b));
                b += n;
            }
            _ => b += 1,
        }
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

/// Does `p` point into this heap's blocks (anywhere in an allocation or
/// free space)?
pub fn in_heap(p: *const u8) -> bool {
    heap().block_of(p as usize).is_some()
}

/// Grow or shrink in place when possible, else allocate, copy and free.
pub fn realloc(p: *mut u8, new_size: usize, kind_bits: u8) -> Option<*mut u8> {
    if p.is_null() {
        return alloc(new_size, kind_bits);
    }
    let old = size_of(p);
    if old == 0 {
        return None;
    }
    if resize_in_place(p, old, new_size) {
        return Some(p);
    }
    let np = alloc(new_size, kind_bits)?;
    // SAFETY: both runs are live and distinct; copy the old contents.
    unsafe { ptr::copy_nonoverlapping(p, np, old.min(new_size)) };
    free(p);
    Some(np)
}

/// Grow (or shrink) the live allocation at `p` to at least `new_size` bytes
/// without moving it; false (nothing changed) when the blocks after it are
/// not free. New bytes are zero.
pub fn grow_in_place(p: *mut u8, new_size: usize) -> bool {
    let old = size_of(p);
    old != 0 && resize_in_place(p, old, new_size)
}

/// [`realloc`] without moving: `p` is a live allocation of `old` bytes.
fn resize_in_place(p: *mut u8, old: usize, new_size: usize) -> bool {
    let h = heap();
    let need = new_size.max(1).div_ceil(BLOCK);
    let have = old / BLOCK;
    let Some(b) = h.block_of(p as usize) else {
        return false;
    };
    if need <= have {
        // Shrink: give the surplus tail blocks back.
        if need < have && !h.collecting {
            h.fill_at(b + need, have - need, AT_FREE);
            h.used_blocks -= have - need;
            h.release(b + need, have - need);
        }
        return true;
    }
    // Try to extend into the free span that follows, if it is long enough.
    let next = b + have;
    let grown = if h.collecting || next >= h.nblocks || h.at(next) != AT_FREE {
        false
    } else if next == h.bump && h.bump < h.bump_end {
        // The bump region follows: cut the extension from it.
        let ok = b + need <= h.bump_end;
        if ok {
            h.bump = b + need;
        }
        ok
    } else if have + h.get(next, 2) >= need {
        let len = h.unlink(next);
        if have + len > need {
            h.link(b + need, have + len - need);
        }
        true
    } else {
        false
    };
    if grown {
        h.fill_at(next, b + need - next, AT_TAIL);
        h.high = h.high.max(b + need);
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
    }
    grown
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
        if h.has(b, kind::NOSCAN) {
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
            for b in 0..h.high {
                if h.at(b) == AT_MARK && !h.has(b, kind::NOSCAN) {
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
    weak::mark_pending(&mut m);
    // 3. Manual blocks and pinned objects (whole free bytes of the ATB are
    //    skipped).
    let mut b = 0;
    while b < h.high {
        if b & 3 == 0 {
            // SAFETY: b/4 < nblocks/4.
            let byte = unsafe { *h.atb.add(b >> 2) };
            if byte == 0 || byte == ALL_TAIL {
                b += 4;
                continue;
            }
        }
        let st = h.at(b);
        b += 1;
        let b = b - 1;
        if st == AT_HEAD {
            let pinned = h.has(b, kind::MANUAL)
                || (h.has(b, kind::OBJECT) && {
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
    // 3b. Weak references to unreachable objects are cleared (before any
    //     finaliser can resurrect their referents, as in CPython).
    weak::clear_dead(h);
    // 4. Unreachable objects with finalisers: keep them (and what they
    //    reference) for one more cycle and queue them for the VM.
    h.fin_len = 0;
    for b in 0..if h.any_finaliser { h.high } else { 0 } {
        if h.at(b) == AT_HEAD && h.has(b, kind::FINALISER) {
            if h.fin_len < FINALISE_QUEUE {
                h.set_kind(b, h.kind(b) & !kind::FINALISER);
                h.fin_queue[h.fin_len] = h.addr(b);
                h.fin_len += 1;
            }
            // Queued or not (a full queue keeps the rest, finaliser bit
            // still set, for a later collection), nothing it references
            // may go: every unmarked head left has no finaliser.
            m.push(h, b);
            m.drain();
        }
    }
    // 4b. Weak references about to be freed leave their referents' chains.
    weak::prune(h);
    // 5. Sweep: unmarked allocations become free, marks become heads.
    let freed = if h.stress {
        sweep_poisoning(h)
    } else {
        sweep(h)
    };
    h.allocs_since = 0;
    h.collections += 1;
    // Next automatic collection after half of what is free now is used.
    set_threshold(h);
    h.rebuild_free_lists();
    h.collecting = false;
    freed * BLOCK
}

/// The sweep, one ATB byte (four blocks) at a time through [`SWEEP`].
fn sweep(h: &mut Heap) -> usize {
    let mut freed = 0;
    let mut dead = 0; // inside the tail blocks of a freed allocation?
    for i in 0..h.high.div_ceil(4) {
        // SAFETY: i < nblocks/4.
        let p = unsafe { h.atb.add(i) };
        // SAFETY: as above.
        let byte = unsafe { *p };
        if byte == 0 {
            dead = 0;
            continue;
        }
        let e = SWEEP[dead][byte as usize];
        // SAFETY: as above.
        unsafe { *p = e as u8 };
        freed += (e >> 8) as usize & 7;
        dead = (e >> 11) as usize;
    }
    h.used_blocks -= freed;
    freed
}

/// The sweep of the stress mode: allocation by allocation, poisoning what
/// it frees.
fn sweep_poisoning(h: &mut Heap) -> usize {
    let mut freed = 0;
    let mut b = 0;
    while b < h.high {
        match h.at(b) {
            AT_MARK => {
                h.set_at(b, AT_HEAD);
                b += 1;
            }
            AT_HEAD => {
                let n = clear_run(h, b);
                freed += n;
                b += n;
            }
            _ => b += 1,
        }
    }
    freed
}

/// `SWEEP[dead][byte]`: the sweep of one ATB byte. `dead` says whether the
/// block before the byte belongs to an allocation being freed. Bits 0-7 of
/// an entry are the new byte, bits 8-10 the number of blocks freed, bit 11
/// whether the last block belongs to a freed allocation.
static SWEEP: [[u16; 256]; 2] = sweep_table();

const fn sweep_table() -> [[u16; 256]; 2] {
    let mut t = [[0u16; 256]; 2];
    let mut dead_in = 0;
    while dead_in < 2 {
        let mut byte = 0;
        while byte < 256 {
            let mut dead = dead_in == 1;
            let mut out = 0u16;
            let mut freed = 0u16;
            let mut f = 0;
            while f < 4 {
                let v = (byte >> (2 * f)) & 3;
                let nv = match v as u8 {
                    AT_FREE => {
                        dead = false;
                        AT_FREE
                    }
                    AT_HEAD => {
                        dead = true;
                        freed += 1;
                        AT_FREE
                    }
                    AT_TAIL if dead => {
                        freed += 1;
                        AT_FREE
                    }
                    AT_TAIL => AT_TAIL,
                    _ => {
                        dead = false;
                        AT_HEAD
                    }
                };
                out |= (nv as u16) << (2 * f);
                f += 1;
            }
            t[dead_in][byte] = out | (freed << 8) | ((dead as u16) << 11);
            byte += 1;
        }
        dead_in += 1;
    }
    t
}

/// Schedule the next automatic collection: after half of what is free now
/// is used, or (big heaps) once as much as is live has been allocated again,
/// but not before 1 MB. A large heap on a host then costs only about twice
/// what the program keeps, and each collection walks only up to the
/// high-water mark.
fn set_threshold(h: &mut Heap) {
    let free = h.nblocks - h.used_blocks;
    let min = (h.nblocks / 16).min(MIN_THRESHOLD / BLOCK);
    h.threshold_blocks = (free / 2)
        .min((2 * h.used_blocks).max(MIN_THRESHOLD / BLOCK))
        .max(min)
        .max(8);
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
            h.set_kind(b, h.kind(b) | kind::FINALISER);
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

    /// Every free block is in exactly one listed span or the bump region,
    /// spans are maximal, and the span words agree with the ATB.
    fn check_lists() {
        let h = heap();
        let mut owner = vec![0u8; h.nblocks];
        for b in h.bump..h.bump_end {
            owner[b] += 1;
        }
        for c in 0..NCLASS {
            let mut b = h.free_heads[c];
            let mut prev = NONE;
            assert_eq!(h.class_mask & (1 << c) != 0, b != NONE);
            while b != NONE {
                let n = h.get(b, 2);
                assert_eq!(class_of(n), c);
                assert_eq!(h.get(b, 1), prev);
                assert_eq!(h.get(b + n - 1, 3), n);
                assert!(b == 0 || h.at(b - 1) != AT_FREE, "span not maximal");
                assert!(
                    b + n == h.nblocks || h.at(b + n) != AT_FREE,
                    "span not maximal"
                );
                for i in b..b + n {
                    owner[i] += 1;
                }
                prev = b;
                b = h.get(b, 0);
            }
        }
        for b in 0..h.nblocks {
            let free = h.at(b) == AT_FREE;
            assert_eq!(owner[b], free as u8, "block {b}");
        }
    }

    #[test]
    fn allocator_model() {
        let _g = TEST_LOCK.lock().unwrap_or_else(|e| e.into_inner());
        let mem = vec![0u8; 256 * 1024].leak();
        let top = stack_pointer() + 4096;
        // SAFETY: the leaked buffer is ours for the rest of the test binary.
        unsafe { init(mem.as_mut_ptr(), mem.len(), top) };
        check_lists();
        let mut live: std::vec::Vec<(usize, usize)> = std::vec::Vec::new();
        let mut seed = 12345u32;
        let mut rnd = move |m: u32| {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            (seed % m) as usize
        };
        for round in 0..4000 {
            match rnd(10) {
                0..=4 => {
                    let size = if rnd(8) == 0 { rnd(3000) } else { rnd(200) };
                    if let Some(p) = alloc(size, kind::MANUAL) {
                        // Fresh memory is zeroed and overlaps nothing live.
                        // SAFETY: p has at least `size` bytes.
                        let bytes = unsafe { core::slice::from_raw_parts_mut(p, size) };
                        assert!(bytes.iter().all(|&x| x == 0));
                        bytes.fill(0x5a);
                        for &(q, n) in &live {
                            assert!(p as usize + size <= q || q + n <= p as usize);
                        }
                        live.push((p as usize, size));
                    }
                }
                5..=7 if !live.is_empty() => {
                    let (q, n) = live.swap_remove(rnd(live.len() as u32));
                    // SAFETY: q is a live allocation of n bytes.
                    let bytes = unsafe { core::slice::from_raw_parts(q as *const u8, n) };
                    assert!(bytes.iter().all(|&x| x == 0x5a));
                    free(q as *mut u8);
                }
                8 if !live.is_empty() => {
                    let i = rnd(live.len() as u32);
                    let (q, n) = live[i];
                    let size = rnd(600);
                    if let Some(p) = realloc(q as *mut u8, size, kind::MANUAL) {
                        // SAFETY: p has at least `size` bytes.
                        let bytes = unsafe { core::slice::from_raw_parts_mut(p, size) };
                        assert!(bytes[..n.min(size)].iter().all(|&x| x == 0x5a));
                        bytes.fill(0x5a);
                        live[i] = (p as usize, size);
                    }
                }
                _ => {
                    // Unreachable non-manual garbage, then a collection.
                    for _ in 0..rnd(20) {
                        let _ = alloc(rnd(100), 0);
                    }
                    if round % 7 == 0 {
                        collect(&NoRoots);
                    }
                }
            }
            check_lists();
        }
        for (q, _) in live {
            free(q as *mut u8);
        }
        collect(&NoRoots);
        check_lists();
        assert_eq!(usage().0, 0);
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
