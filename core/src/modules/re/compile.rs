//! [`Node`] tree → compact bytecode (a `Vec<u32>`, stored in the pattern
//! object as little-endian bytes). See `exec.rs` for what each op does.

use super::parse::{Node, SetItem, MAXREPEAT, REP_GREEDY, REP_LAZY, REP_POSSESSIVE};
use alloc::vec::Vec;

pub const OP_MATCH: u32 = 0;
/// `CHAR c`
pub const OP_CHAR: u32 = 1;
/// `CHAR_I c fold`
pub const OP_CHAR_I: u32 = 2;
pub const OP_ANY: u32 = 3;
pub const OP_ANY_ALL: u32 = 4;
/// `SET nwords neg fold items...`; items: `0 lo hi` (range) or `1 cat`.
pub const OP_SET: u32 = 5;
/// `AT kind`
pub const OP_AT: u32 = 6;
/// `SPLIT alt`: try the next op, on failure `alt`.
pub const OP_SPLIT: u32 = 7;
/// `JMP target`
pub const OP_JMP: u32 = 8;
/// `SAVE slot`
pub const OP_SAVE: u32 = 9;
/// `REPONE min max mode item...` (the item is one single-character op).
pub const OP_REPONE: u32 = 10;
/// `REP_INIT r`: counter r = 0.
pub const OP_REP_INIT: u32 = 11;
/// `REP_CHK r min max mode exit`
pub const OP_REP_CHK: u32 = 12;
/// `REP_MARK r`: register r+1 = position.
pub const OP_REP_MARK: u32 = 13;
/// `REP_INC r`
pub const OP_REP_INC: u32 = 14;
/// `LOOK kind width end`
pub const OP_LOOK: u32 = 15;
pub const OP_LOOK_END: u32 = 16;
/// `BACKREF group fold`
pub const OP_BACKREF: u32 = 17;
/// `GROUP_EXISTS group target`: jump to target unless the group matched.
pub const OP_GROUP_EXISTS: u32 = 18;

pub const LOOK_AHEAD: u32 = 0;
pub const LOOK_AHEAD_NOT: u32 = 1;
pub const LOOK_BEHIND: u32 = 2;
pub const LOOK_BEHIND_NOT: u32 = 3;
pub const LOOK_ATOMIC: u32 = 4;

/// Words before the code: groups, registers, first literal (or u32::MAX),
/// anchored at the start (1/0).
pub const HEADER: usize = 4;

struct C {
    code: Vec<u32>,
    regs: u32,
}

/// Code too large for the heap (or for u32 offsets).
pub struct TooBig;

impl C {
    fn emit(&mut self, w: &[u32]) -> Result<(), TooBig> {
        self.code.try_reserve(w.len()).map_err(|_| TooBig)?;
        self.code.extend_from_slice(w);
        Ok(())
    }
    fn here(&self) -> u32 {
        self.code.len() as u32
    }
    fn patch(&mut self, at: u32, v: u32) {
        if let Some(w) = self.code.get_mut(at as usize) {
            *w = v;
        }
    }
    fn single(&mut self, n: &Node) -> Result<(), TooBig> {
        match n {
            Node::Lit(c, 0) => self.emit(&[OP_CHAR, *c]),
            Node::Lit(c, f) => self.emit(&[OP_CHAR_I, *c, *f as u32]),
            Node::Any(false) => self.emit(&[OP_ANY]),
            Node::Any(true) => self.emit(&[OP_ANY_ALL]),
            Node::Set(s) => {
                let at = self.here();
                self.emit(&[OP_SET, 0, s.neg as u32, s.fold as u32])?;
                for it in &s.items {
                    match it {
                        SetItem::Range(a, b) => self.emit(&[0, *a, *b])?,
                        SetItem::Cat(k) => self.emit(&[1, *k as u32])?,
                    }
                }
                let n = self.here() - at - 4;
                self.patch(at + 1, n);
                Ok(())
            }
            _ => Ok(()),
        }
    }
    fn node(&mut self, n: &Node) -> Result<(), TooBig> {
        match n {
            Node::Empty => Ok(()),
            Node::Lit(..) | Node::Any(_) | Node::Set(_) => self.single(n),
            Node::Cat(v) => {
                for x in v {
                    self.node(x)?;
                }
                Ok(())
            }
            Node::Alt(v) => {
                let mut jumps = Vec::new();
                for (i, x) in v.iter().enumerate() {
                    if i + 1 < v.len() {
                        let sp = self.here();
                        self.emit(&[OP_SPLIT, 0])?;
                        self.node(x)?;
                        jumps.try_reserve(1).map_err(|_| TooBig)?;
                        jumps.push(self.here());
                        self.emit(&[OP_JMP, 0])?;
                        let h = self.here();
                        self.patch(sp + 1, h);
                    } else {
                        self.node(x)?;
                    }
                }
                let end = self.here();
                for j in jumps {
                    self.patch(j + 1, end);
                }
                Ok(())
            }
            Node::Group(g, x) => {
                self.emit(&[OP_SAVE, 2 * g])?;
                self.node(x)?;
                self.emit(&[OP_SAVE, 2 * g + 1])
            }
            Node::At(k) => self.emit(&[super::compile::OP_AT, *k as u32]),
            Node::Backref(g, f, _) => self.emit(&[OP_BACKREF, *g, *f as u32]),
            Node::Look { behind, neg, node } => {
                let kind = match (behind, neg) {
                    (false, false) => LOOK_AHEAD,
                    (false, true) => LOOK_AHEAD_NOT,
                    (true, false) => LOOK_BEHIND,
                    (true, true) => LOOK_BEHIND_NOT,
                };
                let w = node.width().0 as u32;
                self.look(kind, w, node)
            }
            Node::Atomic(x) => self.look(LOOK_ATOMIC, 0, x),
            Node::Cond(g, yes, no) => {
                let at = self.here();
                self.emit(&[OP_GROUP_EXISTS, *g, 0])?;
                self.node(yes)?;
                let j = self.here();
                self.emit(&[OP_JMP, 0])?;
                let h = self.here();
                self.patch(at + 2, h);
                self.node(no)?;
                let h = self.here();
                self.patch(j + 1, h);
                Ok(())
            }
            Node::Rep {
                min,
                max,
                mode,
                node,
            } => self.rep(*min, *max, *mode, node),
        }
    }
    fn look(&mut self, kind: u32, width: u32, x: &Node) -> Result<(), TooBig> {
        let at = self.here();
        self.emit(&[OP_LOOK, kind, width, 0])?;
        self.node(x)?;
        let le = self.here();
        self.emit(&[OP_LOOK_END])?;
        self.patch(at + 3, le);
        Ok(())
    }
    fn rep(&mut self, min: u32, max: u32, mode: u8, x: &Node) -> Result<(), TooBig> {
        if x.is_single() {
            self.emit(&[OP_REPONE, min, max, mode as u32])?;
            return self.single(x);
        }
        if mode == REP_POSSESSIVE {
            let at = self.here();
            self.emit(&[OP_LOOK, LOOK_ATOMIC, 0, 0])?;
            self.rep(min, max, REP_GREEDY, x)?;
            let le = self.here();
            self.emit(&[OP_LOOK_END])?;
            self.patch(at + 3, le);
            return Ok(());
        }
        if max == 0 {
            return Ok(());
        }
        if min == 1 && max == 1 {
            return self.node(x);
        }
        let zero_width = x.width().1 == Some(0);
        if min == 0 && max == 1 && !zero_width {
            if mode == REP_LAZY {
                // SPLIT body; JMP end; body: x; end:
                let sp = self.here();
                self.emit(&[OP_SPLIT, 0, OP_JMP, 0])?;
                let b = self.here();
                self.patch(sp + 1, b);
                self.node(x)?;
                let e = self.here();
                self.patch(sp + 3, e);
            } else {
                let sp = self.here();
                self.emit(&[OP_SPLIT, 0])?;
                self.node(x)?;
                let e = self.here();
                self.patch(sp + 1, e);
            }
            return Ok(());
        }
        let r = self.regs;
        self.regs += 2;
        self.emit(&[OP_REP_INIT, r])?;
        let chk = self.here();
        self.emit(&[OP_REP_CHK, r, min, max, mode as u32, 0, OP_REP_MARK, r])?;
        self.node(x)?;
        self.emit(&[OP_REP_INC, r, OP_JMP, chk])?;
        let e = self.here();
        self.patch(chk + 5, e);
        Ok(())
    }
}

/// The first character every match must start with (case-sensitive), if
/// the pattern makes that plain.
fn first_char(n: &Node) -> Option<u32> {
    match n {
        Node::Lit(c, 0) => Some(*c),
        Node::Cat(v) => v.first().and_then(first_char),
        Node::Group(_, x) | Node::Atomic(x) => first_char(x),
        Node::Rep { min, node, .. } if *min > 0 => first_char(node),
        _ => None,
    }
}

fn anchored(n: &Node) -> bool {
    match n {
        Node::At(super::parse::AT_BOS) | Node::At(super::parse::AT_BOL) => true,
        Node::Cat(v) => v.first().is_some_and(anchored),
        Node::Group(_, x) | Node::Atomic(x) => anchored(x),
        _ => false,
    }
}

/// Compile a parsed pattern with `groups` capturing groups.
pub fn compile(n: &Node, groups: u32) -> Result<Vec<u32>, TooBig> {
    let mut c = C {
        code: Vec::new(),
        regs: 0,
    };
    c.emit(&[
        groups,
        0,
        first_char(n).unwrap_or(u32::MAX),
        anchored(n) as u32,
    ])?;
    c.node(n)?;
    c.emit(&[OP_MATCH])?;
    c.code[1] = c.regs;
    let _ = MAXREPEAT;
    Ok(c.code)
}
