//! The matcher: a backtracking machine over the bytecode of `compile.rs`.
//!
//! It never recurses on the native stack: choice points, saved captures and
//! lookaround barriers live on one explicit stack in the heap (`Vec<Bt>`),
//! grown with `try_reserve`, so a pathological pattern ends in MemoryError
//! rather than a crash. Positions are byte offsets into the subject (UTF-8
//! for str, raw bytes for bytes).

use super::compile::*;
use super::parse::*;
use crate::text::unicode;
use alloc::vec::Vec;

/// Why a match stopped early: out of memory (`Oom(false)`), or Ctrl-C
/// (`Oom(true)`, the interrupt flag is still set).
pub struct Oom(pub bool);

#[derive(Clone, Copy)]
enum Bt {
    /// Resume at `pc` with `pos`.
    Choice { pc: u32, pos: u32 },
    /// Restore a slot.
    Undo { slot: u32, old: u32 },
    /// Greedy single-character repeat: give one character back (not below
    /// `min_pos`) and continue at `pc`.
    Greedy { pc: u32, min_pos: u32, pos: u32 },
    /// Lazy single-character repeat at op `pc`: take one more character.
    Lazy { pc: u32, pos: u32, count: u32 },
    /// A lookaround or atomic group started at op `pc` at `pos`.
    Look { pc: u32, pos: u32 },
}

const UNSET: usize = usize::MAX;

/// A slot value saved as 32 bits (subjects are shorter than 4 GB).
fn widen(v: u32) -> usize {
    if v == u32::MAX {
        UNSET
    } else {
        v as usize
    }
}

pub struct Matcher<'a> {
    code: &'a [u8],
    s: &'a [u8],
    utf8: bool,
    /// End of the subject (endpos).
    end: usize,
    /// Capture slots (2 per group, group 0 included), then `lastindex`,
    /// then loop registers.
    pub slots: Vec<usize>,
    stack: Vec<Bt>,
    ngroups: usize,
    /// Backtracking steps, to poll for Ctrl-C now and then.
    steps: u32,
}

#[inline]
fn word(code: &[u8], i: u32) -> u32 {
    let i = i as usize * 4;
    match code.get(i..i + 4) {
        Some(b) => u32::from_le_bytes([b[0], b[1], b[2], b[3]]),
        None => OP_MATCH,
    }
}

pub fn header(code: &[u8], i: usize) -> u32 {
    word(code, i as u32)
}

fn is_word_ascii(c: u32) -> bool {
    c < 128 && ((c as u8).is_ascii_alphanumeric() || c == 95)
}
fn is_word(c: u32, ascii: bool) -> bool {
    if ascii {
        return is_word_ascii(c);
    }
    if c < 128 {
        return is_word_ascii(c);
    }
    char::from_u32(c).is_some_and(|c| unicode::is_alnum(c))
}

pub fn category(k: u8, c: u32) -> bool {
    let ascii = k & CAT_ASCII != 0;
    let r = match k & !CAT_ASCII & !1 {
        CAT_DIGIT => {
            if ascii || c < 128 {
                (0x30..=0x39).contains(&c)
            } else {
                char::from_u32(c).is_some_and(unicode::is_decimal)
            }
        }
        CAT_WORD => is_word(c, ascii),
        _ => {
            if ascii || c < 128 {
                matches!(c, 9..=13 | 32) || (!ascii && (28..=31).contains(&c))
            } else {
                char::from_u32(c).is_some_and(unicode::is_space)
            }
        }
    };
    r != (k & 1 != 0)
}

pub(super) fn lower(c: u32, fold: u32) -> u32 {
    if fold == FOLD_ASCII as u32 {
        if (65..=90).contains(&c) {
            c + 32
        } else {
            c
        }
    } else {
        char::from_u32(c).map_or(c, |x| unicode::lower_simple(x) as u32)
    }
}
pub(super) fn upper(c: u32, fold: u32) -> u32 {
    if fold == FOLD_ASCII as u32 {
        if (97..=122).contains(&c) {
            c - 32
        } else {
            c
        }
    } else {
        char::from_u32(c).map_or(c, |x| unicode::upper_simple(x) as u32)
    }
}

/// Case-insensitive equality under `fold`.
pub fn fold_eq(a: u32, b: u32, fold: u32) -> bool {
    a == b || (fold != 0 && (lower(a, fold) == lower(b, fold) || upper(a, fold) == upper(b, fold)))
}

fn set_has(code: &[u8], pc: u32, c: u32) -> bool {
    let n = word(code, pc + 1);
    let mut i = pc + 4;
    let end = pc + 4 + n;
    while i < end {
        if word(code, i) == 0 {
            if (word(code, i + 1)..=word(code, i + 2)).contains(&c) {
                return true;
            }
            i += 3;
        } else {
            if category(word(code, i + 1) as u8, c) {
                return true;
            }
            i += 2;
        }
    }
    false
}

/// Does the single-character op at `pc` match `c`?
pub fn single_match(code: &[u8], pc: u32, c: u32) -> bool {
    match word(code, pc) {
        OP_CHAR => word(code, pc + 1) == c,
        OP_CHAR_I => fold_eq(c, word(code, pc + 1), word(code, pc + 2)),
        OP_ANY => c != 10,
        OP_ANY_ALL => true,
        OP_SET => {
            let neg = word(code, pc + 2) != 0;
            let fold = word(code, pc + 3);
            let mut r = set_has(code, pc, c);
            if !r && fold != 0 {
                let l = lower(c, fold);
                let u = upper(c, fold);
                r = (l != c && set_has(code, pc, l)) || (u != c && set_has(code, pc, u));
            }
            r != neg
        }
        _ => false,
    }
}

/// Words taken by the op at `pc`.
fn op_len(code: &[u8], pc: u32) -> u32 {
    match word(code, pc) {
        OP_CHAR => 2,
        OP_CHAR_I => 3,
        OP_SET => 4 + word(code, pc + 1),
        _ => 1,
    }
}

impl<'a> Matcher<'a> {
    pub fn new(code: &'a [u8], s: &'a [u8], utf8: bool, end: usize) -> Result<Self, Oom> {
        if s.len() >= u32::MAX as usize {
            return Err(Oom(false));
        }
        let ngroups = header(code, 0) as usize + 1;
        let n = 2 * ngroups + 1 + header(code, 1) as usize;
        let mut slots = Vec::new();
        slots.try_reserve_exact(n).map_err(|_| Oom(false))?;
        slots.resize(n, UNSET);
        Ok(Matcher {
            code,
            s,
            utf8,
            end: end.min(s.len()),
            slots,
            stack: Vec::new(),
            ngroups,
            steps: 0,
        })
    }

    /// The character at `pos` and the position after it.
    #[inline]
    fn next(&self, pos: usize) -> Option<(u32, usize)> {
        self.decode(pos, self.end)
    }
    /// Like `next` but ignoring `end` (a group's text before the end).
    fn next_any(&self, pos: usize) -> Option<(u32, usize)> {
        self.decode(pos, self.s.len())
    }
    #[inline]
    fn decode(&self, pos: usize, end: usize) -> Option<(u32, usize)> {
        if pos >= end {
            return None;
        }
        let b = self.s[pos];
        if !self.utf8 || b < 0x80 {
            return Some((b as u32, pos + 1));
        }
        let (n, init) = if b >= 0xf0 {
            (4, b & 7)
        } else if b >= 0xe0 {
            (3, b & 15)
        } else {
            (2, b & 31)
        };
        let mut c = init as u32;
        for i in 1..n {
            c = (c << 6) | (*self.s.get(pos + i)? & 0x3f) as u32;
        }
        Some((c, pos + n))
    }
    /// The character before `pos` and its position.
    fn prev(&self, pos: usize) -> Option<(u32, usize)> {
        if pos == 0 {
            return None;
        }
        let mut p = pos - 1;
        if self.utf8 {
            while p > 0 && self.s[p] & 0xc0 == 0x80 {
                p -= 1;
            }
        }
        let (c, _) = self.next_any(p)?;
        Some((c, p))
    }

    fn push(&mut self, b: Bt) -> Result<(), Oom> {
        if self.stack.len() == self.stack.capacity() {
            let extra = self.stack.capacity().clamp(16, 4096);
            self.stack.try_reserve(extra).map_err(|_| Oom(false))?;
        }
        self.stack.push(b);
        Ok(())
    }
    fn set_slot(&mut self, slot: usize, v: usize) -> Result<(), Oom> {
        let old = self.slots[slot];
        if old != v {
            self.push(Bt::Undo {
                slot: slot as u32,
                old: old as u32,
            })?;
            self.slots[slot] = v;
        }
        Ok(())
    }

    fn at(&self, kind: u8, pos: usize) -> bool {
        match kind {
            AT_BOL | AT_BOS => pos == 0,
            AT_BOL_M => pos == 0 || self.s.get(pos - 1) == Some(&b'\n'),
            AT_EOL => pos == self.end || (pos + 1 == self.end && self.s[pos] == b'\n'),
            AT_EOL_M => pos == self.end || self.s.get(pos) == Some(&b'\n'),
            AT_EOS => pos == self.end,
            _ => {
                let ascii = kind >= AT_WORDB_A;
                let before = self.prev(pos).is_some_and(|(c, _)| is_word(c, ascii));
                let after = self.next(pos).is_some_and(|(c, _)| is_word(c, ascii));
                if kind == AT_WORDB || kind == AT_WORDB_A {
                    before != after
                } else {
                    self.end != 0 && before == after
                }
            }
        }
    }

    /// Try a match starting at `start`. `Ok(Some(end))` on success (slots
    /// hold the groups). `must_advance`: an empty match at `start` does not
    /// count; `full`: the match must end at the end.
    pub fn run(
        &mut self,
        start: usize,
        must_advance: bool,
        full: bool,
    ) -> Result<Option<usize>, Oom> {
        let code = self.code;
        for s in self.slots.iter_mut() {
            *s = UNSET;
        }
        self.stack.clear();
        let mut pc = HEADER as u32;
        let mut pos = start;
        loop {
            let ok = match word(code, pc) {
                OP_MATCH => {
                    if (must_advance && pos == start) || (full && pos != self.end) {
                        false
                    } else {
                        self.slots[0] = start;
                        self.slots[1] = pos;
                        return Ok(Some(pos));
                    }
                }
                OP_CHAR | OP_CHAR_I | OP_ANY | OP_ANY_ALL | OP_SET => match self.next(pos) {
                    Some((c, np)) if single_match(code, pc, c) => {
                        pc += op_len(code, pc);
                        pos = np;
                        true
                    }
                    _ => false,
                },
                OP_AT => {
                    let r = self.at(word(code, pc + 1) as u8, pos);
                    pc += 2;
                    r
                }
                OP_SPLIT => {
                    self.push(Bt::Choice {
                        pc: word(code, pc + 1),
                        pos: pos as u32,
                    })?;
                    pc += 2;
                    true
                }
                OP_JMP => {
                    pc = word(code, pc + 1);
                    true
                }
                OP_SAVE => {
                    let slot = word(code, pc + 1) as usize;
                    self.set_slot(slot, pos)?;
                    if slot & 1 == 1 {
                        self.set_slot(2 * self.ngroups, slot / 2)?;
                    }
                    pc += 2;
                    true
                }
                OP_REPONE => {
                    let min = word(code, pc + 1);
                    let max = word(code, pc + 2);
                    let mode = word(code, pc + 3) as u8;
                    let item = pc + 4;
                    let cont = item + op_len(code, item);
                    let mut count = 0u32;
                    let mut p = pos;
                    let lim = if mode == REP_LAZY { min } else { max };
                    let mut min_pos = pos;
                    while count < lim {
                        match self.next(p) {
                            Some((c, np)) if single_match(code, item, c) => {
                                p = np;
                                count += 1;
                                if count == min {
                                    min_pos = p;
                                }
                            }
                            _ => break,
                        }
                    }
                    if count < min {
                        false
                    } else {
                        if min == 0 {
                            min_pos = pos;
                        }
                        if mode == REP_LAZY {
                            if count < max {
                                self.push(Bt::Lazy {
                                    pc,
                                    pos: p as u32,
                                    count,
                                })?;
                            }
                        } else if mode == REP_GREEDY && p > min_pos {
                            self.push(Bt::Greedy {
                                pc: cont,
                                min_pos: min_pos as u32,
                                pos: p as u32,
                            })?;
                        }
                        pos = p;
                        pc = cont;
                        true
                    }
                }
                OP_REP_INIT => {
                    let r = self.reg(word(code, pc + 1));
                    self.set_slot(r, 0)?;
                    self.set_slot(r + 1, UNSET)?;
                    pc += 2;
                    true
                }
                OP_REP_CHK => {
                    let r = self.reg(word(code, pc + 1));
                    let min = word(code, pc + 2) as usize;
                    let max = word(code, pc + 3);
                    let mode = word(code, pc + 4) as u8;
                    let exit = word(code, pc + 5);
                    let c = self.slots[r];
                    let body = pc + 6;
                    if c < min {
                        pc = body;
                    } else if (max != MAXREPEAT && c >= max as usize)
                        || (c > 0 && self.slots[r + 1] == pos)
                    {
                        pc = exit;
                    } else if mode == REP_LAZY {
                        self.push(Bt::Choice {
                            pc: body,
                            pos: pos as u32,
                        })?;
                        pc = exit;
                    } else {
                        self.push(Bt::Choice {
                            pc: exit,
                            pos: pos as u32,
                        })?;
                        pc = body;
                    }
                    true
                }
                OP_REP_MARK => {
                    let r = self.reg(word(code, pc + 1));
                    self.set_slot(r + 1, pos)?;
                    pc += 2;
                    true
                }
                OP_REP_INC => {
                    let r = self.reg(word(code, pc + 1));
                    let v = self.slots[r] + 1;
                    self.set_slot(r, v)?;
                    pc += 2;
                    true
                }
                OP_LOOK => {
                    let kind = word(code, pc + 1);
                    let width = word(code, pc + 2);
                    let end = word(code, pc + 3);
                    let mut from = pos;
                    let mut ok = true;
                    if kind == LOOK_BEHIND || kind == LOOK_BEHIND_NOT {
                        for _ in 0..width {
                            match self.prev(from) {
                                Some((_, p)) => from = p,
                                None => {
                                    ok = false;
                                    break;
                                }
                            }
                        }
                    }
                    if ok {
                        self.push(Bt::Look {
                            pc,
                            pos: pos as u32,
                        })?;
                        pos = from;
                        pc += 4;
                        true
                    } else if kind == LOOK_BEHIND_NOT {
                        pc = end + 1;
                        true
                    } else {
                        false
                    }
                }
                OP_LOOK_END => {
                    // Find our barrier (the innermost open one).
                    let Some(bi) = self
                        .stack
                        .iter()
                        .rposition(|b| matches!(b, Bt::Look { .. }))
                    else {
                        return Ok(None);
                    };
                    let Bt::Look { pc: lpc, pos: lpos } = self.stack[bi] else {
                        return Ok(None);
                    };
                    let lpos = lpos as usize;
                    let kind = word(code, lpc + 1);
                    let end = word(code, lpc + 3);
                    match kind {
                        LOOK_AHEAD_NOT | LOOK_BEHIND_NOT => {
                            // The body matched: undo it, remove the
                            // barrier, and fail.
                            while self.stack.len() > bi + 1 {
                                if let Some(Bt::Undo { slot, old }) = self.stack.pop() {
                                    self.slots[slot as usize] = widen(old);
                                }
                            }
                            self.stack.pop();
                            false
                        }
                        _ => {
                            if kind == LOOK_BEHIND && pos != lpos {
                                false
                            } else {
                                // Keep the captures, drop the choices.
                                let mut w = bi;
                                for r in bi + 1..self.stack.len() {
                                    if let Bt::Undo { .. } = self.stack[r] {
                                        self.stack[w] = self.stack[r];
                                        w += 1;
                                    }
                                }
                                self.stack.truncate(w);
                                if kind != LOOK_ATOMIC {
                                    pos = lpos;
                                }
                                pc = end + 1;
                                true
                            }
                        }
                    }
                }
                OP_BACKREF => {
                    let g = word(code, pc + 1) as usize;
                    let fold = word(code, pc + 2);
                    let (a, b) = (self.slots[2 * g], self.slots[2 * g + 1]);
                    if a == UNSET || b == UNSET || a > b {
                        false
                    } else {
                        let mut p = pos;
                        let mut q = a;
                        let mut ok = true;
                        while q < b {
                            let Some((c1, nq)) = self.next_any(q) else {
                                ok = false;
                                break;
                            };
                            match self.next(p) {
                                Some((c2, np)) if fold_eq(c1, c2, fold) => {
                                    p = np;
                                    q = nq;
                                }
                                _ => {
                                    ok = false;
                                    break;
                                }
                            }
                        }
                        if ok {
                            pos = p;
                            pc += 3;
                        }
                        ok
                    }
                }
                OP_GROUP_EXISTS => {
                    let g = word(code, pc + 1) as usize;
                    let set = 2 * g + 1 < 2 * self.ngroups
                        && self.slots[2 * g] != UNSET
                        && self.slots[2 * g + 1] != UNSET;
                    pc = if set { pc + 3 } else { word(code, pc + 2) };
                    true
                }
                _ => false,
            };
            if ok {
                continue;
            }
            // Backtrack.
            self.steps = self.steps.wrapping_add(1);
            if self.steps & 0xfff == 0
                && crate::vm::eval::INTERRUPT.load(core::sync::atomic::Ordering::Relaxed)
            {
                return Err(Oom(true));
            }
            loop {
                let Some(b) = self.stack.pop() else {
                    return Ok(None);
                };
                match b {
                    Bt::Undo { slot, old } => self.slots[slot as usize] = widen(old),
                    Bt::Choice { pc: p, pos: q } => {
                        pc = p;
                        pos = q as usize;
                        break;
                    }
                    Bt::Greedy {
                        pc: p,
                        min_pos,
                        pos: q,
                    } => {
                        let Some((_, np)) = self.prev(q as usize) else {
                            continue;
                        };
                        if np > min_pos as usize {
                            self.push(Bt::Greedy {
                                pc: p,
                                min_pos,
                                pos: np as u32,
                            })?;
                        }
                        pc = p;
                        pos = np;
                        break;
                    }
                    Bt::Lazy {
                        pc: p,
                        pos: q,
                        count,
                    } => {
                        let item = p + 4;
                        let max = word(code, p + 2);
                        match self.next(q as usize) {
                            Some((c, np)) if single_match(code, item, c) => {
                                if count + 1 < max {
                                    self.push(Bt::Lazy {
                                        pc: p,
                                        pos: np as u32,
                                        count: count + 1,
                                    })?;
                                }
                                pc = item + op_len(code, item);
                                pos = np;
                                break;
                            }
                            _ => continue,
                        }
                    }
                    Bt::Look { pc: p, pos: q } => {
                        let kind = word(code, p + 1);
                        if kind == LOOK_AHEAD_NOT || kind == LOOK_BEHIND_NOT {
                            pc = word(code, p + 3) + 1;
                            pos = q as usize;
                            break;
                        }
                    }
                }
            }
        }
    }

    fn reg(&self, r: u32) -> usize {
        2 * self.ngroups + 1 + r as usize
    }

    /// Search for a match starting at `pos` or later (up to the end).
    pub fn search(&mut self, mut pos: usize, must_advance: bool) -> Result<Option<usize>, Oom> {
        let initial = pos;
        let first = header(self.code, 2);
        let anchored = header(self.code, 3) != 0;
        let first_byte = if first < 0x80 || (!self.utf8 && first < 0x100) {
            Some(first as u8)
        } else {
            None
        };
        loop {
            if let Some(fb) = first_byte {
                match self.s[pos.min(self.end)..self.end]
                    .iter()
                    .position(|&b| b == fb)
                {
                    Some(o) => pos += o,
                    None => return Ok(None),
                }
            }
            if let Some(e) = self.run(pos, must_advance && pos == initial, false)? {
                return Ok(Some(e));
            }
            if anchored || pos >= self.end {
                return Ok(None);
            }
            pos = match self.next(pos) {
                Some((_, np)) => np,
                None => return Ok(None),
            };
        }
    }
}
