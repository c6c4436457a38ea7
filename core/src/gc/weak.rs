//! Weak references: a side table from referents to their weak references.
//!
//! Objects pay nothing for being weakly referenceable: the only state is a
//! hash table (a manual, no-scan block, two words per weakly referenced
//! object) mapping a referent's address to the newest of its weak
//! references; the others follow through each weak reference's `next`
//! word. A weak reference object has a fixed shape the collector reads:
//! word [`WR_OBJECT`] holds its referent and word [`WR_NEXT`] its link,
//! both *disguised* (bitwise complement, so a conservative scan of the weak
//! reference never sees a pointer into the heap), and word [`WR_CALLBACK`]
//! is its callback or 0.
//!
//! During a collection, after marking ([`clear_dead`]): every weak
//! reference whose referent is unmarked is cleared; those that are
//! themselves marked and have a callback go on the *pending* list (newest
//! of an object first, CPython's order), which the VM empties after the
//! collection ([`take_callback`]). Pending weak references stay alive
//! across collections until taken ([`mark_pending`]). After the finalisers
//! have been queued ([`prune`]), weak references about to be swept are
//! unlinked from their referent's chain.

use super::{heap, Heap, Marker, AT_HEAD, AT_MARK};

/// Word index of the disguised referent in a weak reference object.
pub const WR_OBJECT: usize = 2;
/// Word index of the disguised link to the next weak reference.
pub const WR_NEXT: usize = 3;
/// Word index of the callback (0 when none).
pub const WR_CALLBACK: usize = 4;

/// Table key of a deleted entry (never an object address: not aligned).
const TOMB: usize = 1;

/// The table: `cap` pairs `[referent, newest weak reference]` (key 0 =
/// empty), plus the pending list.
pub(super) struct WeakTable {
    slots: *mut usize,
    cap: usize,
    /// Live entries.
    used: usize,
    /// Live entries and tombstones.
    filled: usize,
    /// Pending callbacks: first and last weak reference (plain addresses).
    pending: usize,
    pending_tail: usize,
}

impl WeakTable {
    pub(super) const EMPTY: WeakTable = WeakTable {
        slots: core::ptr::null_mut(),
        cap: 0,
        used: 0,
        filled: 0,
        pending: 0,
        pending_tail: 0,
    };
}

#[inline]
fn disguise(a: usize) -> usize {
    if a == 0 {
        0
    } else {
        !a
    }
}

#[inline]
fn word(obj: usize, i: usize) -> usize {
    // SAFETY: callers pass live (or not yet swept) weak reference objects,
    // which are at least WR_CALLBACK + 1 words long.
    unsafe { *((obj + i * core::mem::size_of::<usize>()) as *const usize) }
}

#[inline]
fn set_word(obj: usize, i: usize, v: usize) {
    // SAFETY: as in `word`.
    unsafe { *((obj + i * core::mem::size_of::<usize>()) as *mut usize) = v }
}

/// The referent of weak reference `wr` (0 when dead).
pub fn referent(wr: usize) -> usize {
    disguise(word(wr, WR_OBJECT))
}

/// The next weak reference to the same referent (0 at the end).
pub fn next(wr: usize) -> usize {
    disguise(word(wr, WR_NEXT))
}

impl WeakTable {
    #[inline]
    fn key(&self, i: usize) -> usize {
        // SAFETY: i < cap; the block holds 2 * cap words.
        unsafe { *self.slots.add(2 * i) }
    }
    #[inline]
    fn val(&self, i: usize) -> usize {
        // SAFETY: as in `key`.
        unsafe { *self.slots.add(2 * i + 1) }
    }
    #[inline]
    fn set(&mut self, i: usize, k: usize, v: usize) {
        // SAFETY: as in `key`.
        unsafe {
            *self.slots.add(2 * i) = k;
            *self.slots.add(2 * i + 1) = v;
        }
    }
    fn start(&self, k: usize) -> usize {
        let h = (k / super::BLOCK).wrapping_mul(0x9E37_79B9);
        h & (self.cap - 1)
    }
    /// Index of the entry for `k`, if any.
    fn find(&self, k: usize) -> Option<usize> {
        if self.cap == 0 {
            return None;
        }
        let mut i = self.start(k);
        loop {
            match self.key(i) {
                0 => return None,
                x if x == k => return Some(i),
                _ => i = (i + 1) & (self.cap - 1),
            }
        }
    }
    fn remove_at(&mut self, i: usize) {
        self.set(i, TOMB, 0);
        self.used -= 1;
    }
}

/// Table size (in pairs) that [`insert`] needs before one more entry can be
/// added, when the current table is too full; `None` when it has room.
pub fn needs_grow() -> Option<usize> {
    let t = &heap().weak;
    if (t.filled + 1) * 4 <= t.cap * 3 {
        return None;
    }
    let mut cap = 8;
    while (t.used + 1) * 2 > cap {
        cap *= 2;
    }
    Some(cap)
}

/// Move the table into `block` (a fresh manual no-scan allocation of at
/// least `2 * cap` words, `cap` a power of two large enough) and free the
/// old one.
pub fn rehash_into(block: *mut u8, cap: usize) {
    let h = heap();
    let old = core::mem::replace(
        &mut h.weak,
        WeakTable {
            slots: block as *mut usize,
            cap,
            used: 0,
            filled: 0,
            pending: 0,
            pending_tail: 0,
        },
    );
    h.weak.pending = old.pending;
    h.weak.pending_tail = old.pending_tail;
    for i in 0..old.cap {
        let k = old.key(i);
        if k > TOMB {
            let mut j = h.weak.start(k);
            while h.weak.key(j) != 0 {
                j = (j + 1) & (cap - 1);
            }
            h.weak.set(j, k, old.val(i));
            h.weak.used += 1;
            h.weak.filled += 1;
        }
    }
    if !old.slots.is_null() {
        super::free(old.slots as *mut u8);
    }
}

/// Attach the new weak reference object `wr` to `referent` (as the newest
/// of its weak references). The caller made room with [`needs_grow`].
/// Returns false when the table is full (no room was made).
pub fn insert(wr: usize, referent: usize) -> bool {
    let t = &mut heap().weak;
    set_word(wr, WR_OBJECT, disguise(referent));
    if let Some(i) = t.find(referent) {
        set_word(wr, WR_NEXT, disguise(t.val(i)));
        t.set(i, referent, wr);
        return true;
    }
    if t.cap == 0 || (t.filled + 1) * 4 > t.cap * 3 {
        set_word(wr, WR_OBJECT, 0);
        return false;
    }
    set_word(wr, WR_NEXT, 0);
    let mut i = t.start(referent);
    loop {
        let k = t.key(i);
        if k == 0 || k == TOMB {
            if k == 0 {
                t.filled += 1;
            }
            t.used += 1;
            t.set(i, referent, wr);
            return true;
        }
        i = (i + 1) & (t.cap - 1);
    }
}

/// The newest weak reference to `referent` (0 when none); follow [`next`].
pub fn first(referent: usize) -> usize {
    let t = &heap().weak;
    t.find(referent).map_or(0, |i| t.val(i))
}

/// Take the next weak reference whose callback is due (0 when none).
pub fn take_callback() -> usize {
    let t = &mut heap().weak;
    let wr = t.pending;
    if wr != 0 {
        t.pending = next(wr);
        if t.pending == 0 {
            t.pending_tail = 0;
        }
        set_word(wr, WR_NEXT, 0);
    }
    wr
}

/// Is `addr` an object of the heap that the current collection has not
/// marked? (Objects outside the heap never die.)
fn unmarked(h: &Heap, addr: usize) -> bool {
    match h.block_of(addr) {
        Some(b) => h.at(b) == AT_HEAD,
        None => false,
    }
}

fn marked(h: &Heap, addr: usize) -> bool {
    match h.block_of(addr) {
        Some(b) => h.at(b) == AT_MARK,
        None => true,
    }
}

/// Collection, before marking is complete: pending weak references are
/// roots until the VM has run their callbacks.
pub(super) fn mark_pending(m: &mut Marker) {
    let mut wr = heap().weak.pending;
    while wr != 0 {
        m.mark_word(wr);
        m.drain();
        wr = next(wr);
    }
}

/// Collection, after marking and before finalisers resurrect anything:
/// clear every weak reference to an unmarked object; queue the callbacks
/// of those that are alive themselves.
pub(super) fn clear_dead(h: &mut Heap) {
    for i in 0..h.weak.cap {
        let k = h.weak.key(i);
        if k <= TOMB || !unmarked(h, k) {
            continue;
        }
        let mut wr = h.weak.val(i);
        h.weak.remove_at(i);
        while wr != 0 {
            let nx = next(wr);
            set_word(wr, WR_OBJECT, 0);
            set_word(wr, WR_NEXT, 0);
            if marked(h, wr) && word(wr, WR_CALLBACK) != 0 {
                if h.weak.pending_tail == 0 {
                    h.weak.pending = wr;
                } else {
                    set_word(h.weak.pending_tail, WR_NEXT, disguise(wr));
                }
                h.weak.pending_tail = wr;
            }
            wr = nx;
        }
    }
}

/// Collection, after finalisers were queued (nothing is marked any more):
/// unlink the weak references that the sweep is about to free.
pub(super) fn prune(h: &mut Heap) {
    for i in 0..h.weak.cap {
        let k = h.weak.key(i);
        if k <= TOMB {
            continue;
        }
        let mut head = 0;
        let mut last = 0;
        let mut wr = h.weak.val(i);
        while wr != 0 {
            let nx = next(wr);
            if marked(h, wr) {
                if last == 0 {
                    head = wr;
                } else {
                    set_word(last, WR_NEXT, disguise(wr));
                }
                last = wr;
            }
            wr = nx;
        }
        if last != 0 {
            set_word(last, WR_NEXT, 0);
        }
        if head == 0 {
            h.weak.remove_at(i);
        } else {
            h.weak.set(i, k, head);
        }
    }
}

/// Number of objects with weak references and table capacity (pairs).
pub fn stats() -> (usize, usize) {
    let t = &heap().weak;
    (t.used, t.cap)
}
