//! The `hashlib` module: MD5, SHA-1, SHA-256 and SHA-512, computed here.
//! Hash objects are instances of a class `_hashlib.HASH` created on import;
//! the running state is a bytearray `_s` in the instance `__dict__`.

use crate::method;
use crate::obj::attr::AttrEntry;
use crate::obj::{bytearray, bytes, dict, module, none, Args, Obj};
use crate::vm::{abs, PyResult, Vm};
use crate::{function, obj::str as pystr};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

const K256: [u32; 64] = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];
const K512: [u64; 80] = [
    0x428a2f98d728ae22,
    0x7137449123ef65cd,
    0xb5c0fbcfec4d3b2f,
    0xe9b5dba58189dbbc,
    0x3956c25bf348b538,
    0x59f111f1b605d019,
    0x923f82a4af194f9b,
    0xab1c5ed5da6d8118,
    0xd807aa98a3030242,
    0x12835b0145706fbe,
    0x243185be4ee4b28c,
    0x550c7dc3d5ffb4e2,
    0x72be5d74f27b896f,
    0x80deb1fe3b1696b1,
    0x9bdc06a725c71235,
    0xc19bf174cf692694,
    0xe49b69c19ef14ad2,
    0xefbe4786384f25e3,
    0x0fc19dc68b8cd5b5,
    0x240ca1cc77ac9c65,
    0x2de92c6f592b0275,
    0x4a7484aa6ea6e483,
    0x5cb0a9dcbd41fbd4,
    0x76f988da831153b5,
    0x983e5152ee66dfab,
    0xa831c66d2db43210,
    0xb00327c898fb213f,
    0xbf597fc7beef0ee4,
    0xc6e00bf33da88fc2,
    0xd5a79147930aa725,
    0x06ca6351e003826f,
    0x142929670a0e6e70,
    0x27b70a8546d22ffc,
    0x2e1b21385c26c926,
    0x4d2c6dfc5ac42aed,
    0x53380d139d95b3df,
    0x650a73548baf63de,
    0x766a0abb3c77b2a8,
    0x81c2c92e47edaee6,
    0x92722c851482353b,
    0xa2bfe8a14cf10364,
    0xa81a664bbc423001,
    0xc24b8b70d0f89791,
    0xc76c51a30654be30,
    0xd192e819d6ef5218,
    0xd69906245565a910,
    0xf40e35855771202a,
    0x106aa07032bbd1b8,
    0x19a4c116b8d2d0c8,
    0x1e376c085141ab53,
    0x2748774cdf8eeb99,
    0x34b0bcb5e19b48a8,
    0x391c0cb3c5c95a63,
    0x4ed8aa4ae3418acb,
    0x5b9cca4f7763e373,
    0x682e6ff3d6b2b8a3,
    0x748f82ee5defb2fc,
    0x78a5636f43172f60,
    0x84c87814a1f0ab72,
    0x8cc702081a6439ec,
    0x90befffa23631e28,
    0xa4506cebde82bde9,
    0xbef9a3f7b2c67915,
    0xc67178f2e372532b,
    0xca273eceea26619c,
    0xd186b8c721c0c207,
    0xeada7dd6cde0eb1e,
    0xf57d4f7fee6ed178,
    0x06f067aa72176fba,
    0x0a637dc5a2c898a6,
    0x113f9804bef90dae,
    0x1b710b35131c471b,
    0x28db77f523047d84,
    0x32caab7b40c72493,
    0x3c9ebe0a15c9bebc,
    0x431d67c49c100d4c,
    0x4cc5d4becb3e42b6,
    0x597f299cfc657e2a,
    0x5fcb6fab3ad6faec,
    0x6c44198c4a475817,
];
const H256: [u32; 8] = [
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
];
const H512: [u64; 8] = [
    0x6a09e667f3bcc908,
    0xbb67ae8584caa73b,
    0x3c6ef372fe94f82b,
    0xa54ff53a5f1d36f1,
    0x510e527fade682d1,
    0x9b05688c2b3e6c1f,
    0x1f83d9abfb41bd6b,
    0x5be0cd19137e2179,
];
const MD5K: [u32; 64] = [
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
    0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
    0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
    0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
    0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
    0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
    0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
    0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
];

const H224: [u32; 8] = [
    0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939, 0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4,
];
const H384: [u64; 8] = [
    0xcbbb9d5dc1059ed8,
    0x629a292a367cd507,
    0x9159015a3070dd17,
    0x152fecd8f70e5939,
    0x67332667ffc00b31,
    0x8eb44a8768581511,
    0xdb0c2e0d64f98fa7,
    0x47b5481dbefa4fa4,
];

const MD5: u8 = 0;
const SHA1: u8 = 1;
const SHA256: u8 = 2;
const SHA512: u8 = 3;
const SHA224: u8 = 4;
const SHA384: u8 = 5;
/// Name, digest size, block size.
const ALGS: [(&str, usize, usize); 6] = [
    ("md5", 16, 64),
    ("sha1", 20, 64),
    ("sha256", 32, 64),
    ("sha512", 64, 128),
    ("sha224", 28, 64),
    ("sha384", 48, 128),
];
const STATE_LEN: usize = 1 + 8 + 64 + 128;

/// A running hash.
struct Hs {
    alg: u8,
    h: [u64; 8],
    len: u64,
    buf: [u8; 128],
}

fn be32(b: &[u8], i: usize) -> u32 {
    u32::from_be_bytes([b[i * 4], b[i * 4 + 1], b[i * 4 + 2], b[i * 4 + 3]])
}

impl Hs {
    fn new(alg: u8) -> Hs {
        let mut h = [0u64; 8];
        match alg {
            MD5 | SHA1 => {
                let init = [
                    0x67452301u32,
                    0xefcdab89,
                    0x98badcfe,
                    0x10325476,
                    0xc3d2e1f0,
                ];
                for (d, s) in h.iter_mut().zip(init) {
                    *d = s as u64;
                }
            }
            SHA256 | SHA224 => {
                let init = if alg == SHA256 { H256 } else { H224 };
                for (d, s) in h.iter_mut().zip(init) {
                    *d = s as u64;
                }
            }
            SHA384 => h = H384,
            _ => h = H512,
        }
        Hs {
            alg,
            h,
            len: 0,
            buf: [0; 128],
        }
    }
    fn block(&self) -> usize {
        ALGS[self.alg as usize].2
    }
    fn load(b: &[u8]) -> Option<Hs> {
        if b.len() != STATE_LEN || b[0] > SHA384 {
            return None;
        }
        let mut h = [0u64; 8];
        for (i, d) in h.iter_mut().enumerate() {
            let mut w = [0u8; 8];
            w.copy_from_slice(&b[9 + i * 8..17 + i * 8]);
            *d = u64::from_le_bytes(w);
        }
        let mut l = [0u8; 8];
        l.copy_from_slice(&b[1..9]);
        let mut buf = [0u8; 128];
        buf.copy_from_slice(&b[73..]);
        Some(Hs {
            alg: b[0],
            h,
            len: u64::from_le_bytes(l),
            buf,
        })
    }
    fn store(&self, b: &mut [u8]) {
        if b.len() != STATE_LEN {
            return;
        }
        b[0] = self.alg;
        b[1..9].copy_from_slice(&self.len.to_le_bytes());
        for (i, w) in self.h.iter().enumerate() {
            b[9 + i * 8..17 + i * 8].copy_from_slice(&w.to_le_bytes());
        }
        b[73..].copy_from_slice(&self.buf);
    }
    fn update(&mut self, mut data: &[u8]) {
        let bs = self.block();
        while !data.is_empty() {
            let fill = (self.len % bs as u64) as usize;
            let n = (bs - fill).min(data.len());
            self.buf[fill..fill + n].copy_from_slice(&data[..n]);
            self.len = self.len.wrapping_add(n as u64);
            data = &data[n..];
            if fill + n == bs {
                let blk = self.buf;
                self.compress(&blk[..bs]);
            }
        }
    }
    fn compress(&mut self, b: &[u8]) {
        match self.alg {
            MD5 => md5_block(&mut self.h, b),
            SHA1 => sha1_block(&mut self.h, b),
            SHA256 | SHA224 => sha256_block(&mut self.h, b),
            _ => sha512_block(&mut self.h, b),
        }
    }
    fn digest(&self) -> Vec<u8> {
        let mut s = Hs { ..*self };
        let bs = s.block();
        let lf = bs / 8;
        let bits = s.len.wrapping_mul(8);
        let mut pad = alloc::vec![0x80u8];
        while (s.len as usize + pad.len()) % bs != bs - lf {
            pad.push(0);
        }
        if s.alg == MD5 {
            pad.extend_from_slice(&bits.to_le_bytes());
        } else {
            pad.resize(pad.len() + lf - 8, 0);
            pad.extend_from_slice(&bits.to_be_bytes());
        }
        s.update(&pad);
        let mut out = Vec::new();
        match s.alg {
            MD5 => s.h[..4]
                .iter()
                .for_each(|w| out.extend_from_slice(&(*w as u32).to_le_bytes())),
            SHA1 => s.h[..5]
                .iter()
                .for_each(|w| out.extend_from_slice(&(*w as u32).to_be_bytes())),
            SHA256 | SHA224 => {
                s.h.iter()
                    .for_each(|w| out.extend_from_slice(&(*w as u32).to_be_bytes()))
            }
            _ => {
                s.h.iter()
                    .for_each(|w| out.extend_from_slice(&w.to_be_bytes()))
            }
        }
        out.truncate(ALGS[s.alg as usize].1);
        out
    }
}

fn md5_block(h: &mut [u64; 8], b: &[u8]) {
    const S: [[u32; 4]; 4] = [
        [7, 12, 17, 22],
        [5, 9, 14, 20],
        [4, 11, 16, 23],
        [6, 10, 15, 21],
    ];
    let m: [u32; 16] = core::array::from_fn(|i| {
        u32::from_le_bytes([b[i * 4], b[i * 4 + 1], b[i * 4 + 2], b[i * 4 + 3]])
    });
    let [mut a, mut bb, mut c, mut d] = [h[0] as u32, h[1] as u32, h[2] as u32, h[3] as u32];
    for i in 0..64 {
        let (f, g) = match i / 16 {
            0 => ((bb & c) | (!bb & d), i),
            1 => ((d & bb) | (!d & c), (5 * i + 1) % 16),
            2 => (bb ^ c ^ d, (3 * i + 5) % 16),
            _ => (c ^ (bb | !d), (7 * i) % 16),
        };
        let f = f.wrapping_add(a).wrapping_add(MD5K[i]).wrapping_add(m[g]);
        a = d;
        d = c;
        c = bb;
        bb = bb.wrapping_add(f.rotate_left(S[i / 16][i % 4]));
    }
    for (x, v) in h.iter_mut().zip([a, bb, c, d]) {
        *x = (*x as u32).wrapping_add(v) as u64;
    }
}

fn sha1_block(h: &mut [u64; 8], b: &[u8]) {
    let mut w = [0u32; 80];
    for t in 0..80 {
        w[t] = if t < 16 {
            be32(b, t)
        } else {
            (w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16]).rotate_left(1)
        };
    }
    let mut v: [u32; 5] = core::array::from_fn(|i| h[i] as u32);
    for (t, wt) in w.iter().enumerate() {
        let [a, b, c, d, e] = v;
        let (f, k) = match t / 20 {
            0 => ((b & c) | (!b & d), 0x5a827999),
            1 => (b ^ c ^ d, 0x6ed9eba1),
            2 => ((b & c) | (b & d) | (c & d), 0x8f1bbcdc),
            _ => (b ^ c ^ d, 0xca62c1d6u32),
        };
        let t = a
            .rotate_left(5)
            .wrapping_add(f)
            .wrapping_add(e)
            .wrapping_add(k)
            .wrapping_add(*wt);
        v = [t, a, b.rotate_left(30), c, d];
    }
    for (x, y) in h.iter_mut().zip(v) {
        *x = (*x as u32).wrapping_add(y) as u64;
    }
}

fn sha256_block(h: &mut [u64; 8], b: &[u8]) {
    let mut w = [0u32; 64];
    for t in 0..64 {
        w[t] = if t < 16 {
            be32(b, t)
        } else {
            let (x, y) = (w[t - 15], w[t - 2]);
            let s0 = x.rotate_right(7) ^ x.rotate_right(18) ^ (x >> 3);
            let s1 = y.rotate_right(17) ^ y.rotate_right(19) ^ (y >> 10);
            s1.wrapping_add(w[t - 7])
                .wrapping_add(s0)
                .wrapping_add(w[t - 16])
        };
    }
    let mut v: [u32; 8] = core::array::from_fn(|i| h[i] as u32);
    for t in 0..64 {
        let [a, b, c, d, e, f, g, hh] = v;
        let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
        let ch = (e & f) ^ (!e & g);
        let t1 = hh
            .wrapping_add(s1)
            .wrapping_add(ch)
            .wrapping_add(K256[t])
            .wrapping_add(w[t]);
        let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
        let t2 = s0.wrapping_add((a & b) ^ (a & c) ^ (b & c));
        v = [t1.wrapping_add(t2), a, b, c, d.wrapping_add(t1), e, f, g];
    }
    for (x, y) in h.iter_mut().zip(v) {
        *x = (*x as u32).wrapping_add(y) as u64;
    }
}

fn sha512_block(h: &mut [u64; 8], b: &[u8]) {
    let mut w = [0u64; 80];
    for t in 0..80 {
        w[t] = if t < 16 {
            let mut x = [0u8; 8];
            x.copy_from_slice(&b[t * 8..t * 8 + 8]);
            u64::from_be_bytes(x)
        } else {
            let (x, y) = (w[t - 15], w[t - 2]);
            let s0 = x.rotate_right(1) ^ x.rotate_right(8) ^ (x >> 7);
            let s1 = y.rotate_right(19) ^ y.rotate_right(61) ^ (y >> 6);
            s1.wrapping_add(w[t - 7])
                .wrapping_add(s0)
                .wrapping_add(w[t - 16])
        };
    }
    let mut v = *h;
    for t in 0..80 {
        let [a, b, c, d, e, f, g, hh] = v;
        let s1 = e.rotate_right(14) ^ e.rotate_right(18) ^ e.rotate_right(41);
        let ch = (e & f) ^ (!e & g);
        let t1 = hh
            .wrapping_add(s1)
            .wrapping_add(ch)
            .wrapping_add(K512[t])
            .wrapping_add(w[t]);
        let s0 = a.rotate_right(28) ^ a.rotate_right(34) ^ a.rotate_right(39);
        let t2 = s0.wrapping_add((a & b) ^ (a & c) ^ (b & c));
        v = [t1.wrapping_add(t2), a, b, c, d.wrapping_add(t1), e, f, g];
    }
    for (x, y) in h.iter_mut().zip(v) {
        *x = x.wrapping_add(y);
    }
}

/// SHA-512 of `data` (for `random.seed` of str/bytes).
pub fn sha512(data: &[u8]) -> Vec<u8> {
    let mut s = Hs::new(SHA512);
    s.update(data);
    s.digest()
}

/// The data argument of `update` and the constructors.
fn data_of(vm: &Vm, o: Obj) -> PyResult<&'static [u8]> {
    if pystr::is_str(o) {
        return Err(vm.type_error("Strings must be encoded before hashing"));
    }
    bytes::buffer_of(o).ok_or_else(|| vm.type_error("object supporting the buffer API required"))
}

fn state(vm: &Vm, o: Obj) -> PyResult<(Obj, Hs)> {
    let s = abs::getattr_str(vm, o, "_s")?;
    let h = Hs::load(bytearray::data(s)).ok_or_else(|| vm.value_error("invalid hash state"))?;
    Ok((s, h))
}

fn h_update(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "update", 2, 2)?;
    let (s, mut h) = state(vm, args.pos[0])?;
    h.update(data_of(vm, args.pos[1])?);
    h.store(bytearray::data_mut(s));
    Ok(none())
}
fn h_digest(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "digest", 1, 1)?;
    bytes::new(vm, &state(vm, args.pos[0])?.1.digest())
}
fn h_hexdigest(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "hexdigest", 1, 1)?;
    let d = state(vm, args.pos[0])?.1.digest();
    let mut s = String::new();
    for b in d {
        s.push_str(&format!("{:02x}", b));
    }
    vm.new_string(s)
}
fn h_copy(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "copy", 1, 1)?;
    let (_, h) = state(vm, args.pos[0])?;
    new_hash(vm, args.pos[0].type_obj(), h)
}

static HASH_METHODS: [AttrEntry; 4] = [
    method!("update", h_update),
    method!("digest", h_digest),
    method!("hexdigest", h_hexdigest),
    method!("copy", h_copy),
];

fn new_hash(vm: &Vm, cls: Obj, h: Hs) -> PyResult<Obj> {
    let o = crate::vm::call::call(vm, cls, &[])?;
    let mut st = [0u8; STATE_LEN];
    h.store(&mut st);
    let (name, ds, bs) = ALGS[h.alg as usize];
    for (k, v) in [
        ("_s", bytearray::new(vm, &st)?),
        ("name", vm.new_str(name)?),
        ("digest_size", Obj::small(ds as isize)),
        ("block_size", Obj::small(bs as isize)),
    ] {
        abs::setattr(vm, o, vm.new_str(k)?, Some(v))?;
    }
    Ok(o)
}

fn construct(vm: &Vm, alg: u8, data: Option<Obj>) -> PyResult<Obj> {
    let cls = super::module_attr(vm, "hashlib", "_HASH")
        .ok_or_else(|| vm.runtime_error("hashlib is not initialised"))?;
    let mut h = Hs::new(alg);
    if let Some(d) = data.filter(|d| !d.is_none()) {
        h.update(data_of(vm, d)?);
    }
    new_hash(vm, cls, h)
}

fn ctor(vm: &Vm, args: &Args, name: &str, alg: u8) -> PyResult<Obj> {
    let [d, s, _u] = args.bind(vm, name, ["string", "data", "usedforsecurity"], 0)?;
    construct(vm, alg, d.or(s))
}
fn f_md5(vm: &Vm, args: &Args) -> PyResult<Obj> {
    ctor(vm, args, "openssl_md5", MD5)
}
fn f_sha1(vm: &Vm, args: &Args) -> PyResult<Obj> {
    ctor(vm, args, "openssl_sha1", SHA1)
}
fn f_sha256(vm: &Vm, args: &Args) -> PyResult<Obj> {
    ctor(vm, args, "openssl_sha256", SHA256)
}
fn f_sha512(vm: &Vm, args: &Args) -> PyResult<Obj> {
    ctor(vm, args, "openssl_sha512", SHA512)
}
fn f_sha224(vm: &Vm, args: &Args) -> PyResult<Obj> {
    ctor(vm, args, "openssl_sha224", SHA224)
}
fn f_sha384(vm: &Vm, args: &Args) -> PyResult<Obj> {
    ctor(vm, args, "openssl_sha384", SHA384)
}
fn f_new(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let [n, d, s, _u] = args.bind(vm, "new", ["name", "data", "string", "usedforsecurity"], 1)?;
    let n = n.unwrap_or(none());
    let name = pystr::as_str(n).ok_or_else(|| {
        vm.type_error(&format!(
            "new() argument 'name' must be str, not {}",
            n.ty().name()
        ))
    })?;
    let lower = name.to_ascii_lowercase();
    match ALGS.iter().position(|a| a.0 == lower) {
        Some(i) => construct(vm, i as u8, d.or(s)),
        None => Err(vm.value_error(&format!("unsupported hash type {}", name))),
    }
}

static HASHLIB_FUNCS: [AttrEntry; 7] = [
    function!("sha224", f_sha224),
    function!("sha384", f_sha384),
    function!("md5", f_md5),
    function!("sha1", f_sha1),
    function!("sha256", f_sha256),
    function!("sha512", f_sha512),
    function!("new", f_new),
];

/// Build the `hashlib` module.
pub fn make(vm: &Vm) -> PyResult<Obj> {
    let m = super::gc::module_from(vm, "hashlib", &HASHLIB_FUNCS)?;
    let d = module::dict_of(m);
    let cls = super::new_class(vm, "HASH", "_hashlib", &[], &HASH_METHODS)?;
    dict::set_str(vm, d, "_HASH", cls)?;
    let mut names = Vec::new();
    for a in ALGS {
        names.push(vm.new_str(a.0)?);
    }
    let t = crate::obj::tuple::new(vm, &names)?;
    dict::set_str(vm, d, "algorithms_guaranteed", t)?;
    dict::set_str(vm, d, "algorithms_available", t)?;
    Ok(m)
}
