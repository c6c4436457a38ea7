//! FAT12 and FAT16 volumes (Microsoft's "FAT: General Overview of On-Disk
//! Format"): the boot sector's parameters, the allocation table, directories
//! of 32-byte entries with VFAT long names, and `format` (mkfs).
//!
//! One sector is cached (`cache`); `flush` writes it back and the VFS calls
//! it after every operation. Everything read from the device is checked
//! before use: a cluster number out of range or a chain that ends early is
//! EIO, directory scans stop after `MAX_DIR_ENTRIES`, chain walks after the
//! volume's cluster count.

use super::{BlockDevice, BLOCK};
use crate::port::{errno, FileStat, IoResult, OpenFlags};
use alloc::boxed::Box;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

/// FAT's limit on entries in one directory.
const MAX_DIR_ENTRIES: u32 = 65536;
/// Directory entry attributes.
const ATTR_READ_ONLY: u8 = 0x01;
const ATTR_VOLUME: u8 = 0x08;
const ATTR_DIR: u8 = 0x10;
const ATTR_ARCHIVE: u8 = 0x20;
const ATTR_LFN: u8 = 0x0F;
/// First byte of a deleted entry.
const DELETED: u8 = 0xE5;
/// Where the 13 UTF-16 units of a long-name entry are.
const LFN_POS: [usize; 13] = [1, 3, 5, 7, 9, 14, 16, 18, 20, 22, 24, 28, 30];
/// 1980-01-01, FAT's first day, in seconds since the epoch.
const FAT_EPOCH: u64 = 315_532_800;

#[derive(Copy, Clone, PartialEq, Eq, Debug)]
enum Kind {
    Fat12,
    Fat16,
}

/// A directory: the fixed root region, or a cluster chain.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum DirLoc {
    Root,
    Clus(u32),
}

/// Where a file's short entry is.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub struct EntryAt {
    dir: DirLoc,
    idx: u32,
}

/// A file open on the volume: a copy of its entry's cluster and size, the
/// position, and the last cluster reached (so sequential access does not
/// walk the chain from the start each time).
#[derive(Clone, Debug)]
pub struct OpenFile {
    /// `None` once the entry was removed (the data lives until closed).
    pub at: Option<EntryAt>,
    pub first: u32,
    pub size: u32,
    pub pos: u64,
    near: (u32, u32),
}

impl OpenFile {
    fn new(at: EntryAt, first: u32, size: u32) -> OpenFile {
        OpenFile {
            at: Some(at),
            first,
            size,
            pos: 0,
            near: (0, 0),
        }
    }
    pub fn forget_position(&mut self) {
        self.near = (0, 0);
    }
}

/// What `rename` did: the entry's old and new places, and the entry it
/// replaced.
pub struct Moved {
    pub old: EntryAt,
    pub new: EntryAt,
    pub replaced: Option<EntryAt>,
}

/// A directory entry, as found by a scan.
struct Entry {
    name: String,
    raw: [u8; 32],
    /// Index of its first slot (the first long-name part, or itself).
    first_idx: u32,
    at: EntryAt,
}

impl Entry {
    fn attr(&self) -> u8 {
        self.raw[11]
    }
    fn is_dir(&self) -> bool {
        self.attr() & ATTR_DIR != 0
    }
    fn cluster(&self) -> u32 {
        le16(&self.raw, 26) as u32
    }
    fn size(&self) -> u32 {
        le32(&self.raw, 28)
    }
}

/// Walking a cluster directory: the cluster reached and its number in the
/// chain.
#[derive(Default)]
struct Cursor {
    no: u32,
    clus: u32,
}

fn le16(b: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([b[at], b[at + 1]])
}
fn le32(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}
fn put16(b: &mut [u8], at: usize, v: u16) {
    b[at..at + 2].copy_from_slice(&v.to_le_bytes());
}
fn put32(b: &mut [u8], at: usize, v: u32) {
    b[at..at + 4].copy_from_slice(&v.to_le_bytes());
}

/// A mounted volume.
pub struct Fat<'d> {
    pub(super) dev: &'d dyn BlockDevice,
    kind: Kind,
    /// Sectors per cluster.
    spc: u32,
    fat_start: u32,
    fat_size: u32,
    nfats: u32,
    root_start: u32,
    root_entries: u32,
    data_start: u32,
    /// Data clusters: numbers 2 to `clusters + 1`.
    clusters: u32,
    /// Where to look for a free cluster next.
    hint: u32,
    cache: Box<[u8; BLOCK]>,
    cache_lba: u32,
    dirty: bool,
    /// The time new and changed entries get (seconds since the epoch).
    pub(super) now: u64,
}

impl<'d> Fat<'d> {
    /// Read and check the boot sector of `dev`.
    pub fn mount(dev: &'d dyn BlockDevice) -> IoResult<Fat<'d>> {
        let mut b = [0u8; BLOCK];
        dev.read_block(0, &mut b)?;
        let bad = Err(errno::ENODEV);
        if b[510] != 0x55 || b[511] != 0xAA {
            return bad;
        }
        let bps = le16(&b, 11) as u64;
        let spc = b[13] as u64;
        let reserved = le16(&b, 14) as u64;
        let nfats = b[16] as u64;
        let root_entries = le16(&b, 17) as u64;
        let total = match le16(&b, 19) {
            0 => le32(&b, 32) as u64,
            n => n as u64,
        };
        let fat_size = le16(&b, 22) as u64;
        if bps != BLOCK as u64
            || !spc.is_power_of_two()
            || reserved == 0
            || !(1..=2).contains(&nfats)
            || root_entries == 0
            || fat_size == 0
            || total > dev.block_count() as u64
        {
            return bad;
        }
        let root_secs = (root_entries * 32).div_ceil(BLOCK as u64);
        let fat_start = reserved;
        let root_start = fat_start + nfats * fat_size;
        let data_start = root_start + root_secs;
        if data_start >= total {
            return bad;
        }
        let clusters = (total - data_start) / spc;
        let kind = if clusters < 4085 {
            Kind::Fat12
        } else if clusters < 65525 {
            Kind::Fat16
        } else {
            return bad;
        };
        if clusters == 0 || fat_bytes(kind, clusters) > fat_size * BLOCK as u64 {
            return bad;
        }
        Ok(Fat {
            dev,
            kind,
            spc: spc as u32,
            fat_start: fat_start as u32,
            fat_size: fat_size as u32,
            nfats: nfats as u32,
            root_start: root_start as u32,
            root_entries: root_entries as u32,
            data_start: data_start as u32,
            clusters: clusters as u32,
            hint: 2,
            cache: Box::new([0; BLOCK]),
            cache_lba: u32::MAX,
            dirty: false,
            now: 0,
        })
    }

    // ------------------------------------------------------------ sectors

    fn load(&mut self, lba: u32) -> IoResult<()> {
        if self.cache_lba == lba {
            return Ok(());
        }
        self.flush()?;
        self.cache_lba = u32::MAX;
        self.dev.read_block(lba, &mut self.cache)?;
        self.cache_lba = lba;
        Ok(())
    }

    /// Write the cached sector back if it changed.
    pub fn flush(&mut self) -> IoResult<()> {
        if self.dirty {
            self.dev.write_block(self.cache_lba, &self.cache)?;
            self.dirty = false;
        }
        Ok(())
    }

    fn get(&mut self, lba: u32, off: usize, out: &mut [u8]) -> IoResult<()> {
        self.load(lba)?;
        out.copy_from_slice(&self.cache[off..off + out.len()]);
        Ok(())
    }

    fn put(&mut self, lba: u32, off: usize, data: &[u8]) -> IoResult<()> {
        self.load(lba)?;
        self.cache[off..off + data.len()].copy_from_slice(data);
        self.dirty = true;
        Ok(())
    }

    /// Replace a whole sector (no read first).
    fn put_sector(&mut self, lba: u32, data: &[u8; BLOCK]) -> IoResult<()> {
        if self.cache_lba == lba {
            self.cache.copy_from_slice(data);
            self.dirty = true;
            Ok(())
        } else {
            self.dev.write_block(lba, data)
        }
    }

    // -------------------------------------------------------------- table

    fn in_range(&self, c: u32) -> bool {
        c >= 2 && c < self.clusters + 2
    }

    fn eoc(&self) -> u32 {
        match self.kind {
            Kind::Fat12 => 0xFFF,
            Kind::Fat16 => 0xFFFF,
        }
    }

    fn fat_pos(&self, copy: u32, byte: u32) -> (u32, usize) {
        let lba = self.fat_start + copy * self.fat_size + byte / BLOCK as u32;
        (lba, byte as usize % BLOCK)
    }

    fn fat_get(&mut self, c: u32) -> IoResult<u32> {
        if c >= self.clusters + 2 {
            return Err(errno::EIO);
        }
        match self.kind {
            Kind::Fat16 => {
                let (lba, off) = self.fat_pos(0, c * 2);
                let mut b = [0u8; 2];
                self.get(lba, off, &mut b)?;
                Ok(u16::from_le_bytes(b) as u32)
            }
            Kind::Fat12 => {
                let byte = c + c / 2;
                let mut b = [0u8; 2];
                for (k, v) in b.iter_mut().enumerate() {
                    let (lba, off) = self.fat_pos(0, byte + k as u32);
                    self.get(lba, off, core::slice::from_mut(v))?;
                }
                let v = u16::from_le_bytes(b) as u32;
                Ok(if c & 1 == 1 { v >> 4 } else { v & 0xFFF })
            }
        }
    }

    fn fat_set(&mut self, c: u32, v: u32) -> IoResult<()> {
        if c >= self.clusters + 2 {
            return Err(errno::EIO);
        }
        for copy in 0..self.nfats {
            match self.kind {
                Kind::Fat16 => {
                    let (lba, off) = self.fat_pos(copy, c * 2);
                    self.put(lba, off, &(v as u16).to_le_bytes())?;
                }
                Kind::Fat12 => {
                    let byte = c + c / 2;
                    let (l0, o0) = self.fat_pos(copy, byte);
                    let (l1, o1) = self.fat_pos(copy, byte + 1);
                    let mut lo = 0u8;
                    let mut hi = 0u8;
                    self.get(l0, o0, core::slice::from_mut(&mut lo))?;
                    self.get(l1, o1, core::slice::from_mut(&mut hi))?;
                    if c & 1 == 1 {
                        lo = (lo & 0x0F) | ((v << 4) as u8 & 0xF0);
                        hi = (v >> 4) as u8;
                    } else {
                        lo = v as u8;
                        hi = (hi & 0xF0) | ((v >> 8) as u8 & 0x0F);
                    }
                    self.put(l0, o0, &[lo])?;
                    self.put(l1, o1, &[hi])?;
                }
            }
        }
        Ok(())
    }

    /// The cluster after `c`: `None` at the end of the chain; EIO for a free,
    /// bad or out-of-range link.
    fn next(&mut self, c: u32) -> IoResult<Option<u32>> {
        let v = self.fat_get(c)?;
        if v >= self.eoc() - 7 {
            Ok(None)
        } else if self.in_range(v) {
            Ok(Some(v))
        } else {
            Err(errno::EIO)
        }
    }

    /// Take a free cluster, end a chain with it, and link it after `prev`
    /// (0: a new chain).
    fn alloc(&mut self, prev: u32) -> IoResult<u32> {
        let n = self.clusters;
        let start = self.hint.saturating_sub(2) % n;
        for k in 0..n {
            let c = 2 + (start + k) % n;
            if self.fat_get(c)? == 0 {
                self.fat_set(c, self.eoc())?;
                if prev != 0 {
                    self.fat_set(prev, c)?;
                }
                self.hint = c;
                return Ok(c);
            }
        }
        Err(errno::ENOSPC)
    }

    /// Free the chain that starts at `first`.
    pub fn free_chain(&mut self, first: u32) -> IoResult<()> {
        let mut c = first;
        for _ in 0..=self.clusters {
            if !self.in_range(c) {
                return Err(errno::EIO);
            }
            let next = self.next(c);
            self.fat_set(c, 0)?;
            match next? {
                None => return Ok(()),
                Some(n) => c = n,
            }
        }
        Err(errno::EIO)
    }

    fn cluster_lba(&self, c: u32) -> u32 {
        self.data_start + (c - 2) * self.spc
    }

    fn cluster_bytes(&self) -> u32 {
        self.spc * BLOCK as u32
    }

    fn zero_cluster(&mut self, c: u32) -> IoResult<()> {
        let zero = [0u8; BLOCK];
        for s in 0..self.spc {
            self.put_sector(self.cluster_lba(c) + s, &zero)?;
        }
        Ok(())
    }

    pub fn free_bytes(&mut self) -> IoResult<u64> {
        let mut free = 0u64;
        for c in 2..self.clusters + 2 {
            if self.fat_get(c)? == 0 {
                free += 1;
            }
        }
        Ok(free * self.cluster_bytes() as u64)
    }

    // --------------------------------------------------------- directories

    /// Sector and offset of entry `idx` of `dir`; `None` past its end (a
    /// cluster directory is extended first when `grow`).
    fn slot(
        &mut self,
        dir: DirLoc,
        idx: u32,
        cur: &mut Cursor,
        grow: bool,
    ) -> IoResult<Option<(u32, usize)>> {
        match dir {
            DirLoc::Root => {
                if idx >= self.root_entries {
                    return Ok(None);
                }
                Ok(Some((self.root_start + idx / 16, (idx % 16) as usize * 32)))
            }
            DirLoc::Clus(first) => {
                let per = self.spc * 16;
                let want = idx / per;
                if cur.clus == 0 || cur.no > want {
                    *cur = Cursor { no: 0, clus: first };
                }
                while cur.no < want {
                    cur.clus = match self.next(cur.clus)? {
                        Some(n) => n,
                        None if grow => {
                            let n = self.alloc(cur.clus)?;
                            self.zero_cluster(n)?;
                            n
                        }
                        None => return Ok(None),
                    };
                    cur.no += 1;
                }
                let within = idx % per;
                Ok(Some((
                    self.cluster_lba(cur.clus) + within / 16,
                    (within % 16) as usize * 32,
                )))
            }
        }
    }

    fn entry_slot(&mut self, at: EntryAt) -> IoResult<(u32, usize)> {
        self.slot(at.dir, at.idx, &mut Cursor::default(), false)?
            .ok_or(errno::EIO)
    }

    /// The entries of `dir` (long names joined, `.`, `..`, deleted entries
    /// and volume labels left out) until `stop` returns true for one: that
    /// one is returned.
    fn scan(
        &mut self,
        dir: DirLoc,
        mut stop: impl FnMut(&Entry) -> bool,
    ) -> IoResult<Option<Entry>> {
        let mut cur = Cursor::default();
        let mut long: Vec<u16> = Vec::new();
        // The long-name part expected next (counting down to 1), whether a
        // complete long name precedes, its checksum and first slot.
        let mut expect = 0u8;
        let mut complete = false;
        let mut sum = 0u8;
        let mut start = 0u32;
        for idx in 0..MAX_DIR_ENTRIES {
            let Some((lba, off)) = self.slot(dir, idx, &mut cur, false)? else {
                break;
            };
            let mut raw = [0u8; 32];
            self.get(lba, off, &mut raw)?;
            if raw[0] == 0 {
                break;
            }
            if raw[0] == DELETED {
                expect = 0;
                complete = false;
                continue;
            }
            if raw[11] & 0x3F == ATTR_LFN {
                let ord = raw[0] & 0x1F;
                if raw[0] & 0x40 != 0 && (1..=20).contains(&ord) {
                    long.clear();
                    long.resize(ord as usize * 13, 0xFFFF);
                    expect = ord;
                    sum = raw[13];
                    start = idx;
                }
                complete = false;
                if expect != 0 && ord == expect && raw[13] == sum {
                    let base = (ord as usize - 1) * 13;
                    for (k, &p) in LFN_POS.iter().enumerate() {
                        long[base + k] = le16(&raw, p);
                    }
                    expect -= 1;
                    complete = expect == 0;
                } else {
                    expect = 0;
                }
                continue;
            }
            let had_long = complete && checksum(&raw) == sum;
            expect = 0;
            complete = false;
            if raw[11] & ATTR_VOLUME != 0 || raw[0] == b'.' {
                continue;
            }
            let mut name = String::new();
            if had_long {
                let units = long.iter().copied().take_while(|&u| u != 0);
                for ch in char::decode_utf16(units) {
                    name.push(ch.unwrap_or('\u{FFFD}'));
                }
            }
            let first_idx = if had_long && !name.is_empty() {
                start
            } else {
                name = short_name(&raw);
                idx
            };
            let e = Entry {
                name,
                raw,
                first_idx,
                at: EntryAt { dir, idx },
            };
            if stop(&e) {
                return Ok(Some(e));
            }
        }
        Ok(None)
    }

    fn find(&mut self, dir: DirLoc, name: &str) -> IoResult<Option<Entry>> {
        self.scan(dir, |e| {
            same_name(&e.name, name) || same_name(&short_name(&e.raw), name)
        })
    }

    fn dir_of(&self, e: &Entry) -> IoResult<DirLoc> {
        let c = e.cluster();
        if !self.in_range(c) {
            return Err(errno::EIO);
        }
        Ok(DirLoc::Clus(c))
    }

    /// The directory `names` leads to.
    fn dir_at(&mut self, names: &[String]) -> IoResult<DirLoc> {
        let mut d = DirLoc::Root;
        for n in names {
            let e = self.find(d, n)?.ok_or(errno::ENOENT)?;
            if !e.is_dir() {
                return Err(errno::ENOTDIR);
            }
            d = self.dir_of(&e)?;
        }
        Ok(d)
    }

    /// The entry `names` names (`None`: the root), and its directory.
    fn lookup(&mut self, names: &[String]) -> IoResult<Option<Entry>> {
        let Some((last, parent)) = names.split_last() else {
            return Ok(None);
        };
        let d = self.dir_at(parent)?;
        Ok(Some(self.find(d, last)?.ok_or(errno::ENOENT)?))
    }

    fn is_empty_dir(&mut self, e: &Entry) -> IoResult<bool> {
        let d = self.dir_of(e)?;
        Ok(self.scan(d, |_| true)?.is_none())
    }

    /// Add an entry named `name` to `dir`, with the attributes, times,
    /// cluster and size of `raw` (its name bytes are filled in here).
    fn add_entry(&mut self, dir: DirLoc, name: &str, raw: &mut [u8; 32]) -> IoResult<EntryAt> {
        check_name(name)?;
        let units: Vec<u16> = name.encode_utf16().collect();
        let (short, parts) = match plain_short(name) {
            Some(s) => (s, 0),
            None => (self.alias(dir, name)?, units.len().div_ceil(13) as u32),
        };
        raw[..11].copy_from_slice(&short);
        raw[12] = 0;
        let need = parts + 1;
        // A run of `need` free slots (the directory grows if it has none).
        let mut cur = Cursor::default();
        let mut run = 0;
        let mut start = 0;
        for idx in 0..MAX_DIR_ENTRIES {
            let Some((lba, off)) = self.slot(dir, idx, &mut cur, true)? else {
                break;
            };
            let mut b0 = 0u8;
            self.get(lba, off, core::slice::from_mut(&mut b0))?;
            if b0 == 0 || b0 == DELETED {
                if run == 0 {
                    start = idx;
                }
                run += 1;
                if run == need {
                    break;
                }
            } else {
                run = 0;
            }
        }
        if run < need {
            return Err(errno::ENOSPC);
        }
        let sum = checksum(raw);
        let mut cur = Cursor::default();
        for k in 0..parts {
            let ord = parts - k;
            let mut e = [0u8; 32];
            e[0] = ord as u8 | if k == 0 { 0x40 } else { 0 };
            e[11] = ATTR_LFN;
            e[13] = sum;
            for (j, &p) in LFN_POS.iter().enumerate() {
                let i = (ord as usize - 1) * 13 + j;
                let u = match i.cmp(&units.len()) {
                    core::cmp::Ordering::Less => units[i],
                    core::cmp::Ordering::Equal => 0,
                    core::cmp::Ordering::Greater => 0xFFFF,
                };
                put16(&mut e, p, u);
            }
            let (lba, off) = self
                .slot(dir, start + k, &mut cur, false)?
                .ok_or(errno::EIO)?;
            self.put(lba, off, &e)?;
        }
        let idx = start + parts;
        let (lba, off) = self.slot(dir, idx, &mut cur, false)?.ok_or(errno::EIO)?;
        self.put(lba, off, raw)?;
        Ok(EntryAt { dir, idx })
    }

    /// A short name `BASE~N.EXT` no entry of `dir` has.
    fn alias(&mut self, dir: DirLoc, name: &str) -> IoResult<[u8; 11]> {
        let (base, ext) = match name.rfind('.') {
            Some(i) if i > 0 => (&name[..i], &name[i + 1..]),
            _ => (name, ""),
        };
        let squeeze = |s: &str, max: usize| -> Vec<u8> {
            s.chars()
                .filter(|&c| c != ' ' && c != '.')
                .map(|c| {
                    let u = c.to_ascii_uppercase();
                    if u.is_ascii() && short_char(u as u8) {
                        u as u8
                    } else {
                        b'_'
                    }
                })
                .take(max)
                .collect()
        };
        let base = squeeze(base, 6);
        let ext = squeeze(ext, 3);
        let mut taken: Vec<[u8; 11]> = Vec::new();
        self.scan(dir, |e| {
            let mut s = [0u8; 11];
            s.copy_from_slice(&e.raw[..11]);
            taken.push(s);
            false
        })?;
        for n in 1..1_000_000u32 {
            let tail = format!("~{}", n);
            let keep = base.len().min(8 - tail.len());
            let mut s = [b' '; 11];
            s[..keep].copy_from_slice(&base[..keep]);
            s[keep..keep + tail.len()].copy_from_slice(tail.as_bytes());
            s[8..8 + ext.len()].copy_from_slice(&ext);
            if !taken.contains(&s) {
                return Ok(s);
            }
        }
        Err(errno::ENOSPC)
    }

    fn delete_entry(&mut self, e: &Entry) -> IoResult<()> {
        let mut cur = Cursor::default();
        for idx in e.first_idx..=e.at.idx {
            let (lba, off) = self
                .slot(e.at.dir, idx, &mut cur, false)?
                .ok_or(errno::EIO)?;
            self.put(lba, off, &[DELETED])?;
        }
        Ok(())
    }

    /// The time and date fields for now.
    fn stamp(&self) -> (u16, u16) {
        let t = self.now.max(FAT_EPOCH);
        let days = (t / 86400) as i64;
        let secs = t % 86400;
        let (y, m, d) = civil(days);
        let y = (y - 1980).clamp(0, 127) as u16;
        let time = (((secs / 3600) << 11) | ((secs / 60 % 60) << 5) | ((secs % 60) / 2)) as u16;
        (time, y << 9 | (m as u16) << 5 | d as u16)
    }

    fn touch(&self, raw: &mut [u8; 32], created: bool) {
        let (t, d) = self.stamp();
        put16(raw, 22, t);
        put16(raw, 24, d);
        put16(raw, 18, d);
        if created {
            put16(raw, 14, t);
            put16(raw, 16, d);
        }
    }

    fn stat_of(&self, raw: &[u8; 32], ino: u64) -> FileStat {
        let attr = raw[11];
        let mode = if attr & ATTR_DIR != 0 {
            0o040777
        } else if attr & ATTR_READ_ONLY != 0 {
            0o100444
        } else {
            0o100666
        };
        let mtime = unstamp(le16(raw, 22), le16(raw, 24));
        FileStat {
            mode,
            size: if attr & ATTR_DIR != 0 {
                0
            } else {
                le32(raw, 28) as u64
            },
            mtime,
            atime: mtime,
            ctime: unstamp(le16(raw, 14), le16(raw, 16)),
            ino,
            dev: 0,
            nlink: 1,
            uid: 0,
            gid: 0,
        }
    }

    // ----------------------------------------------------------- the ops

    pub fn stat(&mut self, names: &[String], dir_only: bool) -> IoResult<FileStat> {
        match self.lookup(names)? {
            None => {
                let mut raw = [0u8; 32];
                raw[11] = ATTR_DIR;
                Ok(self.stat_of(&raw, 1))
            }
            Some(e) => {
                if dir_only && !e.is_dir() {
                    return Err(errno::ENOTDIR);
                }
                let ino = ino_of(&e.at, e.cluster());
                Ok(self.stat_of(&e.raw, ino))
            }
        }
    }

    pub fn stat_open(&mut self, f: &OpenFile) -> IoResult<FileStat> {
        let mut raw = [0u8; 32];
        raw[11] = ATTR_ARCHIVE;
        if let Some(at) = f.at {
            let (lba, off) = self.entry_slot(at)?;
            self.get(lba, off, &mut raw)?;
        }
        put32(&mut raw, 28, f.size);
        let ino = f.at.map_or(0, |at| ino_of(&at, f.first));
        Ok(self.stat_of(&raw, ino))
    }

    pub fn listdir(&mut self, names: &[String]) -> IoResult<Vec<String>> {
        let d = self.dir_at(names)?;
        let mut out = Vec::new();
        self.scan(d, |e| {
            out.push(e.name.clone());
            false
        })?;
        Ok(out)
    }

    pub fn open(
        &mut self,
        names: &[String],
        dir_only: bool,
        flags: OpenFlags,
    ) -> IoResult<OpenFile> {
        let Some((last, parent)) = names.split_last() else {
            return Err(errno::EISDIR);
        };
        let d = self.dir_at(parent)?;
        let writing = flags.write || flags.append;
        match self.find(d, last)? {
            Some(e) => {
                if flags.create && flags.exclusive {
                    return Err(errno::EEXIST);
                }
                if e.is_dir() {
                    return Err(errno::EISDIR);
                }
                if dir_only {
                    return Err(errno::ENOTDIR);
                }
                if writing && e.attr() & ATTR_READ_ONLY != 0 {
                    return Err(errno::EACCES);
                }
                let first = e.cluster();
                if first != 0 && !self.in_range(first) {
                    return Err(errno::EIO);
                }
                let mut f = OpenFile::new(e.at, first, e.size());
                if flags.truncate && writing && (f.size != 0 || f.first != 0) {
                    self.truncate(&mut f, 0)?;
                }
                Ok(f)
            }
            None => {
                if !flags.create {
                    return Err(errno::ENOENT);
                }
                if dir_only {
                    return Err(errno::EISDIR);
                }
                let mut raw = [0u8; 32];
                raw[11] = ATTR_ARCHIVE;
                self.touch(&mut raw, true);
                let at = self.add_entry(d, last, &mut raw)?;
                Ok(OpenFile::new(at, 0, 0))
            }
        }
    }

    /// The cluster number `no` of the file's chain (extending the chain when
    /// `grow`).
    fn file_cluster(&mut self, f: &mut OpenFile, no: u32, grow: bool) -> IoResult<u32> {
        if no >= self.clusters {
            return Err(if grow { errno::ENOSPC } else { errno::EIO });
        }
        if f.first == 0 {
            if !grow {
                return Err(errno::EIO);
            }
            f.first = self.alloc(0)?;
            f.near = (0, f.first);
        }
        let (mut i, mut c) = if f.near.1 != 0 && f.near.0 <= no {
            f.near
        } else {
            (0, f.first)
        };
        while i < no {
            c = match self.next(c)? {
                Some(n) => n,
                None if grow => self.alloc(c)?,
                None => return Err(errno::EIO),
            };
            i += 1;
        }
        f.near = (i, c);
        Ok(c)
    }

    pub fn read(&mut self, f: &mut OpenFile, buf: &mut [u8]) -> IoResult<usize> {
        let size = f.size as u64;
        if f.pos >= size || buf.is_empty() {
            return Ok(0);
        }
        let n = (buf.len() as u64).min(size - f.pos) as usize;
        let csize = self.cluster_bytes() as u64;
        let mut done = 0;
        while done < n {
            let c = self.file_cluster(f, (f.pos / csize) as u32, false)?;
            let within = (f.pos % csize) as u32;
            let lba = self.cluster_lba(c) + within / BLOCK as u32;
            let off = within as usize % BLOCK;
            let k = (BLOCK - off).min(n - done);
            self.get(lba, off, &mut buf[done..done + k])?;
            done += k;
            f.pos += k as u64;
        }
        Ok(n)
    }

    /// Write `data` at the position (no size or entry update).
    fn write_at(&mut self, f: &mut OpenFile, data: &[u8]) -> (usize, IoResult<()>) {
        let csize = self.cluster_bytes() as u64;
        let mut done = 0;
        while done < data.len() {
            let c = match self.file_cluster(f, (f.pos / csize) as u32, true) {
                Ok(c) => c,
                Err(e) => return (done, Err(e)),
            };
            let within = (f.pos % csize) as u32;
            let lba = self.cluster_lba(c) + within / BLOCK as u32;
            let off = within as usize % BLOCK;
            let k = (BLOCK - off).min(data.len() - done);
            let chunk = &data[done..done + k];
            let r = match <&[u8; BLOCK]>::try_from(chunk) {
                Ok(whole) => self.put_sector(lba, whole),
                Err(_) => self.put(lba, off, chunk),
            };
            if let Err(e) = r {
                return (done, Err(e));
            }
            done += k;
            f.pos += k as u64;
            f.size = f.size.max(f.pos as u32);
        }
        (done, Ok(()))
    }

    /// Zeros from the end of the file to `to`.
    fn extend(&mut self, f: &mut OpenFile, to: u64) -> IoResult<()> {
        let keep = f.pos;
        f.pos = f.size as u64;
        let zero = [0u8; BLOCK];
        let mut r = Ok(());
        while f.pos < to {
            let k = (to - f.pos).min(BLOCK as u64 - f.pos % BLOCK as u64) as usize;
            if let (_, Err(e)) = self.write_at(f, &zero[..k]) {
                r = Err(e);
                break;
            }
        }
        f.pos = keep;
        r
    }

    pub fn write(&mut self, f: &mut OpenFile, data: &[u8]) -> IoResult<usize> {
        if data.is_empty() {
            return Ok(0);
        }
        if f.pos + data.len() as u64 > u32::MAX as u64 {
            return Err(errno::EFBIG);
        }
        let mut r = Ok(0);
        if f.pos > f.size as u64 {
            if let Err(e) = self.extend(f, f.pos) {
                r = Err(e);
            }
        }
        if r.is_ok() {
            let (n, res) = self.write_at(f, data);
            r = match res {
                Err(e) if n == 0 => Err(e),
                _ => Ok(n),
            };
        }
        self.update_entry(f)?;
        r
    }

    pub fn truncate(&mut self, f: &mut OpenFile, size: u64) -> IoResult<()> {
        if size > u32::MAX as u64 {
            return Err(errno::EFBIG);
        }
        let size32 = size as u32;
        let mut r = Ok(());
        if size32 < f.size || (size32 == 0 && f.first != 0) {
            let keep = size32.div_ceil(self.cluster_bytes());
            if keep == 0 {
                if f.first != 0 {
                    let c = f.first;
                    f.first = 0;
                    r = self.free_chain(c);
                }
            } else {
                let last = self.file_cluster(f, keep - 1, false)?;
                if let Some(n) = self.next(last)? {
                    self.fat_set(last, self.eoc())?;
                    r = self.free_chain(n);
                }
            }
            f.size = size32;
            f.forget_position();
        } else if size32 > f.size {
            r = self.extend(f, size);
        }
        self.update_entry(f)?;
        r
    }

    fn update_entry(&mut self, f: &OpenFile) -> IoResult<()> {
        let Some(at) = f.at else {
            return Ok(());
        };
        let (lba, off) = self.entry_slot(at)?;
        let mut raw = [0u8; 32];
        self.get(lba, off, &mut raw)?;
        put16(&mut raw, 26, f.first as u16);
        put32(&mut raw, 28, f.size);
        raw[11] |= ATTR_ARCHIVE;
        self.touch(&mut raw, false);
        self.put(lba, off, &raw)
    }

    pub fn mkdir(&mut self, names: &[String]) -> IoResult<()> {
        let Some((last, parent)) = names.split_last() else {
            return Err(errno::EEXIST);
        };
        let d = self.dir_at(parent)?;
        if self.find(d, last)?.is_some() {
            return Err(errno::EEXIST);
        }
        check_name(last)?;
        let c = self.alloc(0)?;
        let r = self.make_dir(d, last, c);
        if r.is_err() {
            let _ = self.free_chain(c);
        }
        r
    }

    fn make_dir(&mut self, parent: DirLoc, name: &str, c: u32) -> IoResult<()> {
        self.zero_cluster(c)?;
        let mut raw = [0u8; 32];
        raw[..11].copy_from_slice(b".          ");
        raw[11] = ATTR_DIR;
        self.touch(&mut raw, true);
        put16(&mut raw, 26, c as u16);
        let lba = self.cluster_lba(c);
        self.put(lba, 0, &raw)?;
        raw[1] = b'.';
        let up = match parent {
            DirLoc::Root => 0,
            DirLoc::Clus(p) => p,
        };
        put16(&mut raw, 26, up as u16);
        self.put(lba, 32, &raw)?;
        put16(&mut raw, 26, c as u16);
        self.add_entry(parent, name, &mut raw)?;
        Ok(())
    }

    pub fn rmdir(&mut self, names: &[String]) -> IoResult<()> {
        let e = self.lookup(names)?.ok_or(errno::EBUSY)?;
        if !e.is_dir() {
            return Err(errno::ENOTDIR);
        }
        if !self.is_empty_dir(&e)? {
            return Err(errno::ENOTEMPTY);
        }
        self.delete_entry(&e)?;
        self.free_chain(e.cluster())
    }

    /// Remove a file; its clusters are kept when `open(at)` says the file is
    /// open (freed when it is closed).
    pub fn remove(
        &mut self,
        names: &[String],
        dir_only: bool,
        open: &dyn Fn(EntryAt) -> bool,
    ) -> IoResult<EntryAt> {
        let e = self.lookup(names)?.ok_or(errno::EISDIR)?;
        if e.is_dir() {
            return Err(errno::EISDIR);
        }
        if dir_only {
            return Err(errno::ENOTDIR);
        }
        self.drop_file(&e, open)?;
        Ok(e.at)
    }

    fn drop_file(&mut self, e: &Entry, open: &dyn Fn(EntryAt) -> bool) -> IoResult<()> {
        self.delete_entry(e)?;
        if e.cluster() != 0 && !open(e.at) {
            self.free_chain(e.cluster())?;
        }
        Ok(())
    }

    pub fn rename(
        &mut self,
        a: &[String],
        a_dir_only: bool,
        b: &[String],
        b_dir_only: bool,
        open: &dyn Fn(EntryAt) -> bool,
    ) -> IoResult<Moved> {
        let (Some((la, pa)), Some((lb, pb))) = (a.split_last(), b.split_last()) else {
            return Err(errno::EBUSY);
        };
        let da = self.dir_at(pa)?;
        let ea = self.find(da, la)?.ok_or(errno::ENOENT)?;
        if a_dir_only && !ea.is_dir() {
            return Err(errno::ENOTDIR);
        }
        let db = self.dir_at(pb)?;
        if ea.is_dir() && b.len() > a.len() && a.iter().zip(b).all(|(x, y)| same_name(x, y)) {
            return Err(errno::EINVAL);
        }
        let mut replaced = None;
        match self.find(db, lb)? {
            Some(eb) if eb.at == ea.at => {
                if eb.name == *lb {
                    return Ok(Moved {
                        old: ea.at,
                        new: ea.at,
                        replaced: None,
                    });
                }
            }
            Some(eb) => {
                if ea.is_dir() {
                    if !eb.is_dir() {
                        return Err(errno::ENOTDIR);
                    }
                    if !self.is_empty_dir(&eb)? {
                        return Err(errno::ENOTEMPTY);
                    }
                    self.delete_entry(&eb)?;
                    self.free_chain(eb.cluster())?;
                } else {
                    if eb.is_dir() {
                        return Err(errno::EISDIR);
                    }
                    if b_dir_only {
                        return Err(errno::ENOTDIR);
                    }
                    self.drop_file(&eb, open)?;
                }
                replaced = Some(eb.at);
            }
            None => {
                if b_dir_only && !ea.is_dir() {
                    return Err(errno::ENOTDIR);
                }
            }
        }
        let mut raw = ea.raw;
        let new = self.add_entry(db, lb, &mut raw)?;
        self.delete_entry(&ea)?;
        if ea.is_dir() && da != db {
            // The moved directory's `..` names its new parent.
            let dir = self.dir_of(&ea)?;
            let (lba, off) = self
                .slot(dir, 1, &mut Cursor::default(), false)?
                .ok_or(errno::EIO)?;
            let up = match db {
                DirLoc::Root => 0u16,
                DirLoc::Clus(c) => c as u16,
            };
            self.put(lba, off + 26, &up.to_le_bytes())?;
        }
        Ok(Moved {
            old: ea.at,
            new,
            replaced,
        })
    }
}

/// Bytes of table a volume of `clusters` needs (entries 0 and 1 included).
fn fat_bytes(kind: Kind, clusters: u64) -> u64 {
    match kind {
        Kind::Fat12 => ((clusters + 2) * 3).div_ceil(2),
        Kind::Fat16 => (clusters + 2) * 2,
    }
}

fn ino_of(at: &EntryAt, cluster: u32) -> u64 {
    if cluster != 0 {
        return cluster as u64;
    }
    let d = match at.dir {
        DirLoc::Root => 0,
        DirLoc::Clus(c) => c as u64,
    };
    (d << 16 | at.idx as u64) + 0x1_0000_0000
}

/// The long-name checksum of a short name.
fn checksum(raw: &[u8]) -> u8 {
    raw[..11]
        .iter()
        .fold(0u8, |s, &b| s.rotate_right(1).wrapping_add(b))
}

/// Characters allowed in short names (besides letters and digits).
fn short_char(c: u8) -> bool {
    c.is_ascii_uppercase() || c.is_ascii_digit() || b"!#$%&'()-@^_`{}~".contains(&c)
}

/// `name` as a short entry's 11 bytes, if it is an upper-case 8.3 name (it
/// then needs no long-name entry).
fn plain_short(name: &str) -> Option<[u8; 11]> {
    let (base, ext) = match name.split_once('.') {
        Some((b, e)) if !e.is_empty() => (b, e),
        Some(_) => return None,
        None => (name, ""),
    };
    if base.is_empty()
        || base.len() > 8
        || ext.len() > 3
        || !base.bytes().chain(ext.bytes()).all(short_char)
    {
        return None;
    }
    let mut s = [b' '; 11];
    s[..base.len()].copy_from_slice(base.as_bytes());
    s[8..8 + ext.len()].copy_from_slice(ext.as_bytes());
    Some(s)
}

/// A short entry's name as text (`NAME.EXT`, lower case where the entry's
/// case flags say so).
fn short_name(raw: &[u8; 32]) -> String {
    let mut s = String::new();
    let part = |s: &mut String, bytes: &[u8], lower: bool| {
        let end = bytes.iter().rposition(|&b| b != b' ').map_or(0, |i| i + 1);
        for &b in &bytes[..end] {
            let c = if b < 0x80 {
                let c = b as char;
                if lower {
                    c.to_ascii_lowercase()
                } else {
                    c
                }
            } else {
                char::from(b)
            };
            s.push(c);
        }
    };
    let mut base = [0u8; 8];
    base.copy_from_slice(&raw[..8]);
    if base[0] == 0x05 {
        base[0] = DELETED;
    }
    part(&mut s, &base, raw[12] & 0x08 != 0);
    if raw[8..11].iter().any(|&b| b != b' ') {
        s.push('.');
        part(&mut s, &raw[8..11], raw[12] & 0x10 != 0);
    }
    s
}

/// Names are equal ignoring case (with the interpreter's own case tables,
/// not `char::to_lowercase`'s, which would add theirs to the image).
fn same_name(a: &str, b: &str) -> bool {
    use crate::text::unicode::lower_simple;
    a.chars().map(lower_simple).eq(b.chars().map(lower_simple))
}

/// Names FAT cannot store: EINVAL (as Linux's vfat), ENAMETOOLONG.
fn check_name(name: &str) -> IoResult<()> {
    if name.is_empty()
        || name.chars().all(|c| c == '.' || c == ' ')
        || name
            .chars()
            .any(|c| (c as u32) < 0x20 || "\"*/:<>?\\|".contains(c))
    {
        return Err(errno::EINVAL);
    }
    if name.encode_utf16().count() > 255 {
        return Err(errno::ENAMETOOLONG);
    }
    Ok(())
}

/// (year, month, day) of a day number (days since 1970-01-01).
fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
    (y, m, d)
}

/// Day number (since 1970-01-01) of a date.
fn days_of(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Seconds since the epoch of a FAT time and date.
fn unstamp(time: u16, date: u16) -> f64 {
    let y = 1980 + (date >> 9) as i64;
    let m = ((date >> 5) & 15).clamp(1, 12) as u32;
    let d = (date & 31).max(1) as u32;
    let secs = (time >> 11) as i64 * 3600 + ((time >> 5) & 63) as i64 * 60 + (time & 31) as i64 * 2;
    (days_of(y, m, d) * 86400 + secs) as f64
}

/// Make an empty FAT12 or FAT16 volume on the whole of `dev` (FAT12 below
/// 4085 clusters, as the format requires). ENOSPC: the device is too small
/// (fewer than 64 blocks).
pub fn format(dev: &dyn BlockDevice) -> IoResult<()> {
    let total = dev.block_count() as u64;
    if total < 64 {
        return Err(errno::ENOSPC);
    }
    let total = total.min(u32::MAX as u64);
    let root_entries: u64 = if total < 8192 { 128 } else { 512 };
    let root_secs = root_entries * 32 / BLOCK as u64;
    let reserved = 1u64;
    let nfats = 2u64;
    let mut chosen = None;
    'search: for shift in 0..8 {
        let spc = 1u64 << shift;
        for kind in [Kind::Fat12, Kind::Fat16] {
            // The table size and the cluster count depend on each other:
            // grow the table until it holds the clusters left.
            let mut fat_size = 1u64;
            let clusters = loop {
                let meta = reserved + nfats * fat_size + root_secs;
                if meta >= total {
                    continue 'search;
                }
                let clusters = (total - meta) / spc;
                let need = fat_bytes(kind, clusters).div_ceil(BLOCK as u64);
                if need <= fat_size {
                    break clusters;
                }
                fat_size = need;
            };
            let fits = match kind {
                Kind::Fat12 => clusters < 4085,
                Kind::Fat16 => (4085..65525).contains(&clusters),
            };
            if fits && clusters > 0 && fat_size <= 0xFFFF {
                chosen = Some((kind, spc, fat_size));
                break 'search;
            }
        }
    }
    let (kind, spc, fat_size) = chosen.ok_or(errno::ENOSPC)?;
    let mut b = [0u8; BLOCK];
    b[..3].copy_from_slice(&[0xEB, 0x3C, 0x90]);
    b[3..11].copy_from_slice(b"FERROPY ");
    put16(&mut b, 11, BLOCK as u16);
    b[13] = spc as u8;
    put16(&mut b, 14, reserved as u16);
    b[16] = nfats as u8;
    put16(&mut b, 17, root_entries as u16);
    if total < 0x10000 {
        put16(&mut b, 19, total as u16);
    } else {
        put32(&mut b, 32, total as u32);
    }
    b[21] = 0xF8;
    put16(&mut b, 22, fat_size as u16);
    put16(&mut b, 24, 32);
    put16(&mut b, 26, 2);
    b[36] = 0x80;
    b[38] = 0x29;
    put32(&mut b, 39, 0x4652_5059);
    b[43..54].copy_from_slice(b"NO NAME    ");
    b[54..62].copy_from_slice(match kind {
        Kind::Fat12 => b"FAT12   ",
        Kind::Fat16 => b"FAT16   ",
    });
    b[510] = 0x55;
    b[511] = 0xAA;
    dev.write_block(0, &b)?;
    let zero = [0u8; BLOCK];
    let meta = reserved + nfats * fat_size + root_secs;
    for lba in reserved..meta {
        dev.write_block(lba as u32, &zero)?;
    }
    // Entries 0 and 1: the media byte and an end-of-chain mark.
    let head: &[u8] = match kind {
        Kind::Fat12 => &[0xF8, 0xFF, 0xFF],
        Kind::Fat16 => &[0xF8, 0xFF, 0xFF, 0xFF],
    };
    let mut first = [0u8; BLOCK];
    first[..head.len()].copy_from_slice(head);
    for copy in 0..nfats {
        dev.write_block((reserved + copy * fat_size) as u32, &first)?;
    }
    dev.sync()
}
