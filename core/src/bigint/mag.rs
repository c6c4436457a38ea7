//! Magnitude primitives: unsigned numbers as little-endian `u32` digit
//! slices. Inputs to the public helpers are normalised (no high zero
//! digits) unless stated otherwise; outputs are normalised.

use alloc::vec;
use alloc::vec::Vec;
use core::cmp::Ordering;

/// Operand size (in digits) from which multiplication uses Karatsuba.
pub(super) const KARATSUBA_THRESHOLD: usize = 40;

/// Removes high zero digits.
pub(super) fn trim(v: &mut Vec<u32>) {
    while let Some(&0) = v.last() {
        v.pop();
    }
}

/// The slice without its high zero digits.
pub(super) fn trimmed(a: &[u32]) -> &[u32] {
    let mut n = a.len();
    while n > 0 && a[n - 1] == 0 {
        n -= 1;
    }
    &a[..n]
}

/// Compares two normalised magnitudes.
pub(super) fn cmp(a: &[u32], b: &[u32]) -> Ordering {
    if a.len() != b.len() {
        return a.len().cmp(&b.len());
    }
    for i in (0..a.len()).rev() {
        if a[i] != b[i] {
            return a[i].cmp(&b[i]);
        }
    }
    Ordering::Equal
}

/// `a + b`.
pub(super) fn add(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (a, b) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    let mut r = Vec::with_capacity(a.len() + 1);
    let mut carry = 0u64;
    for (i, &x) in a.iter().enumerate() {
        let y = b.get(i).copied().unwrap_or(0);
        let s = x as u64 + y as u64 + carry;
        r.push(s as u32);
        carry = s >> 32;
    }
    if carry != 0 {
        r.push(carry as u32);
    }
    trim(&mut r);
    r
}

/// `a + small`.
pub(super) fn add_small(a: &[u32], small: u32) -> Vec<u32> {
    add(a, &[small])
}

/// `a - b`, requires `a >= b`.
pub(super) fn sub(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut r = a.to_vec();
    sub_assign(&mut r, b);
    trim(&mut r);
    r
}

/// `acc += x`, propagating the carry through `acc`; returns the carry out.
pub(super) fn add_assign(acc: &mut [u32], x: &[u32]) -> bool {
    let mut carry = 0u64;
    let mut i = 0;
    while i < acc.len() && (i < x.len() || carry != 0) {
        let y = x.get(i).copied().unwrap_or(0);
        let s = acc[i] as u64 + y as u64 + carry;
        acc[i] = s as u32;
        carry = s >> 32;
        i += 1;
    }
    carry != 0
}

/// `acc -= x`, propagating the borrow through `acc`; returns the borrow out.
pub(super) fn sub_assign(acc: &mut [u32], x: &[u32]) -> bool {
    let mut borrow = false;
    let mut i = 0;
    while i < acc.len() && (i < x.len() || borrow) {
        let y = x.get(i).copied().unwrap_or(0);
        let (d1, b1) = acc[i].overflowing_sub(y);
        let (d2, b2) = d1.overflowing_sub(borrow as u32);
        acc[i] = d2;
        borrow = b1 || b2;
        i += 1;
    }
    borrow
}

/// `a * b`.
pub(super) fn mul(a: &[u32], b: &[u32]) -> Vec<u32> {
    let a = trimmed(a);
    let b = trimmed(b);
    if a.is_empty() || b.is_empty() {
        return Vec::new();
    }
    let mut r = vec![0u32; a.len() + b.len()];
    mul_into(a, b, &mut r);
    trim(&mut r);
    r
}

/// Schoolbook multiplication; `r` is zero and `a.len() + b.len()` long.
pub(super) fn mul_school(a: &[u32], b: &[u32], r: &mut [u32]) {
    for (i, &bi) in b.iter().enumerate() {
        if bi == 0 {
            continue;
        }
        let mut carry = 0u64;
        for (j, &aj) in a.iter().enumerate() {
            let t = aj as u64 * bi as u64 + r[i + j] as u64 + carry;
            r[i + j] = t as u32;
            carry = t >> 32;
        }
        r[i + a.len()] = carry as u32;
    }
}

/// `r = a * b`; `r` is zero and exactly `a.len() + b.len()` long.
fn mul_into(a: &[u32], b: &[u32], r: &mut [u32]) {
    let (a, b) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    if b.len() < KARATSUBA_THRESHOLD {
        mul_school(a, b, r);
        return;
    }
    let n = b.len();
    if a.len() >= 2 * n {
        // Unbalanced: multiply `b` by `n`-digit slices of `a`.
        let mut tmp = vec![0u32; 2 * n];
        for (k, chunk) in a.chunks(n).enumerate() {
            let t = &mut tmp[..chunk.len() + n];
            t.fill(0);
            mul_into(chunk, b, t);
            add_assign(&mut r[k * n..], trimmed(t));
        }
        return;
    }
    // Karatsuba: a = a1*B^h + a0, b = b1*B^h + b0 with b.len() > h.
    let h = a.len() / 2;
    let (a0, a1) = a.split_at(h);
    let (b0, b1) = b.split_at(h);
    {
        let (lo, hi) = r.split_at_mut(2 * h);
        mul_into(a0, b0, lo);
        mul_into(a1, b1, hi);
    }
    let sa = add(trimmed(a0), a1);
    let sb = add(trimmed(b0), b1);
    let mut mid = vec![0u32; sa.len() + sb.len()];
    if !sa.is_empty() && !sb.is_empty() {
        mul_into(&sa, &sb, &mut mid);
    }
    sub_assign(&mut mid, trimmed(&r[..2 * h]));
    sub_assign(&mut mid, trimmed(&r[2 * h..]));
    add_assign(&mut r[h..], trimmed(&mid));
}

/// `a *= m; a += c` in place.
pub(super) fn mul_small_add(a: &mut Vec<u32>, m: u32, c: u32) {
    let mut carry = c as u64;
    for x in a.iter_mut() {
        let t = *x as u64 * m as u64 + carry;
        *x = t as u32;
        carry = t >> 32;
    }
    if carry != 0 {
        a.push(carry as u32);
    }
}

/// Divides `a` in place by `d != 0`, returning the remainder. The
/// quotient may be left with high zero digits.
pub(super) fn divrem_small_in_place(a: &mut [u32], d: u32) -> u32 {
    let d = d as u64;
    let mut r = 0u64;
    for x in a.iter_mut().rev() {
        let cur = (r << 32) | *x as u64;
        *x = (cur / d) as u32;
        r = cur % d;
    }
    r as u32
}

/// `a << bits` for `bits < 32`, always `a.len() + 1` digits long.
fn shl_small_unnorm(a: &[u32], bits: u32) -> Vec<u32> {
    let mut r = Vec::with_capacity(a.len() + 1);
    if bits == 0 {
        r.extend_from_slice(a);
        r.push(0);
        return r;
    }
    let mut carry = 0u32;
    for &x in a {
        r.push((x << bits) | carry);
        carry = x >> (32 - bits);
    }
    r.push(carry);
    r
}

/// Truncating division of normalised magnitudes: `(a / b, a % b)`.
/// Requires `b` non-empty.
pub(super) fn divrem(a: &[u32], b: &[u32]) -> (Vec<u32>, Vec<u32>) {
    if cmp(a, b) == Ordering::Less {
        return (Vec::new(), a.to_vec());
    }
    if b.len() == 1 {
        let mut q = a.to_vec();
        let r = divrem_small_in_place(&mut q, b[0]);
        trim(&mut q);
        let r = if r == 0 { Vec::new() } else { vec![r] };
        return (q, r);
    }
    // Knuth, TAOCP vol. 2, 4.3.1, Algorithm D.
    let n = b.len();
    let s = b[n - 1].leading_zeros();
    let mut v = shl_small_unnorm(b, s);
    v.pop();
    let mut u = shl_small_unnorm(a, s);
    let m = a.len() - n;
    let mut q = vec![0u32; m + 1];
    let vtop = v[n - 1] as u64;
    let vnext = v[n - 2] as u64;
    const B: u64 = 1 << 32;
    for j in (0..=m).rev() {
        let num = ((u[j + n] as u64) << 32) | u[j + n - 1] as u64;
        let mut qhat = num / vtop;
        let mut rhat = num % vtop;
        while qhat >= B || qhat * vnext > ((rhat << 32) | u[j + n - 2] as u64) {
            qhat -= 1;
            rhat += vtop;
            if rhat >= B {
                break;
            }
        }
        // u[j..=j+n] -= qhat * v
        let mut borrow: i64 = 0;
        let mut carry: u64 = 0;
        for i in 0..n {
            let p = qhat * v[i] as u64 + carry;
            carry = p >> 32;
            let t = u[i + j] as i64 - (p & 0xffff_ffff) as i64 + borrow;
            u[i + j] = t as u32;
            borrow = t >> 32;
        }
        let t = u[j + n] as i64 - carry as i64 + borrow;
        u[j + n] = t as u32;
        if t < 0 {
            // qhat was one too large: add v back.
            qhat -= 1;
            let mut c = 0u64;
            for i in 0..n {
                let s2 = u[i + j] as u64 + v[i] as u64 + c;
                u[i + j] = s2 as u32;
                c = s2 >> 32;
            }
            u[j + n] = u[j + n].wrapping_add(c as u32);
        }
        q[j] = qhat as u32;
    }
    trim(&mut q);
    // Remainder: u[0..n] >> s.
    u.truncate(n);
    if s != 0 {
        for i in 0..n {
            let hi = if i + 1 < n { u[i + 1] << (32 - s) } else { 0 };
            u[i] = (u[i] >> s) | hi;
        }
    }
    trim(&mut u);
    (q, u)
}

/// `a << n` bits (any `n`), normalised.
pub(super) fn shl(a: &[u32], n: usize) -> Vec<u32> {
    if a.is_empty() {
        return Vec::new();
    }
    let words = n / 32;
    let bits = (n % 32) as u32;
    let mut r = Vec::with_capacity(a.len() + words + 1);
    r.resize(words, 0);
    if bits == 0 {
        r.extend_from_slice(a);
    } else {
        let mut carry = 0u32;
        for &x in a {
            r.push((x << bits) | carry);
            carry = x >> (32 - bits);
        }
        r.push(carry);
    }
    trim(&mut r);
    r
}

/// `a >> n` bits (truncating), normalised.
pub(super) fn shr(a: &[u32], n: u64) -> Vec<u32> {
    let words = n / 32;
    if words >= a.len() as u64 {
        return Vec::new();
    }
    let words = words as usize;
    let bits = (n % 32) as u32;
    let src = &a[words..];
    let mut r = Vec::with_capacity(src.len());
    if bits == 0 {
        r.extend_from_slice(src);
    } else {
        for i in 0..src.len() {
            let hi = if i + 1 < src.len() {
                src[i + 1] << (32 - bits)
            } else {
                0
            };
            r.push((src[i] >> bits) | hi);
        }
    }
    trim(&mut r);
    r
}

/// Whether any of the low `n` bits of `a` is set.
pub(super) fn any_low_bits(a: &[u32], n: u64) -> bool {
    let words = n / 32;
    let full = core::cmp::min(words, a.len() as u64) as usize;
    if a[..full].iter().any(|&d| d != 0) {
        return true;
    }
    let bits = (n % 32) as u32;
    if bits != 0 && full < a.len() && words == full as u64 {
        return a[full] & ((1u32 << bits) - 1) != 0;
    }
    false
}

/// Number of significant bits.
pub(super) fn bit_length(a: &[u32]) -> u64 {
    match a.last() {
        None => 0,
        Some(&top) => (a.len() as u64 - 1) * 32 + (32 - top.leading_zeros()) as u64,
    }
}

/// `count` (<= 64) bits of `a` starting at bit `start`.
pub(super) fn get_bits(a: &[u32], start: u64, count: u32) -> u64 {
    let mut r = 0u64;
    let mut got = 0u32;
    let mut pos = start;
    while got < count {
        let w = (pos / 32) as usize;
        let off = (pos % 32) as u32;
        let d = a.get(w).copied().unwrap_or(0) >> off;
        let take = core::cmp::min(32 - off, count - got);
        let d = if take == 32 {
            d
        } else {
            d & ((1u32 << take) - 1)
        };
        r |= (d as u64) << got;
        got += take;
        pos += take as u64;
    }
    r
}

/// The magnitude of a `u64`.
pub(super) fn from_u64(v: u64) -> Vec<u32> {
    let mut r = vec![v as u32, (v >> 32) as u32];
    trim(&mut r);
    r
}

/// The magnitude as a `u64`, if it fits.
pub(super) fn to_u64(a: &[u32]) -> Option<u64> {
    match a.len() {
        0 => Some(0),
        1 => Some(a[0] as u64),
        2 => Some(a[0] as u64 | (a[1] as u64) << 32),
        _ => None,
    }
}
