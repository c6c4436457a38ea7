//! The firmware's filesystem: a block device ([`BlockDevice`]: 512-byte
//! blocks: a board's RAM disk or flash, [`MemDisk`] in tests), a FAT12/FAT16 volume on it
//! (`fat.rs`, with long file names and `format`), and [`Vfs`]: that volume
//! with a current directory and a table of open files, offering exactly the
//! file operations of [`crate::port::Port`] so a board's port forwards them
//! here (`ports/mcu-common/src/port.rs`).
//!
//! Nothing here trusts the image: a damaged boot sector makes `mount` fail
//! with ENODEV, damaged tables or directories make the operation that meets
//! them fail with EIO (cluster numbers are range-checked, chains are walked
//! a bounded number of steps); nothing panics.
//!
//! Paths are `/`-separated; relative ones start at the current directory;
//! `.` and `..` are resolved by name. Names are matched ignoring case (as
//! FAT does) and stored as given (a long-name entry unless the name is an
//! upper-case 8.3 name).

mod fat;
#[cfg(test)]
mod tests;

use crate::port::{errno, FileStat, IoResult, OpenFlags};
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::RefCell;

pub use fat::{format, Fat};

/// Bytes in a block (a sector).
pub const BLOCK: usize = 512;

/// A device of 512-byte blocks. Blocks can be rewritten in place (a flash
/// device erases for itself). Methods take `&self`: a device keeps its own
/// state; ferropy's firmware runs on one thread.
pub trait BlockDevice {
    /// Number of blocks.
    fn block_count(&self) -> u32;
    /// Read block `lba` into `buf`.
    fn read_block(&self, lba: u32, buf: &mut [u8; BLOCK]) -> IoResult<()>;
    /// Write `buf` to block `lba`.
    fn write_block(&self, lba: u32, buf: &[u8; BLOCK]) -> IoResult<()>;
    /// Make every write so far durable.
    fn sync(&self) -> IoResult<()> {
        Ok(())
    }
}

/// A block device in the heap (tests, hosts). A firmware's RAM disk lives
/// outside the heap, in memory of its own (`ports/mcu-common/src/disk.rs`).
pub struct MemDisk {
    mem: RefCell<Vec<u8>>,
}

impl MemDisk {
    /// A zeroed disk of `blocks` blocks.
    pub fn new(blocks: u32) -> MemDisk {
        MemDisk {
            mem: RefCell::new(alloc::vec![0; blocks as usize * BLOCK]),
        }
    }

    /// The disk's bytes (to make or inspect an image).
    pub fn bytes_mut(&mut self) -> &mut [u8] {
        self.mem.get_mut()
    }
}

impl BlockDevice for MemDisk {
    fn block_count(&self) -> u32 {
        (self.mem.borrow().len() / BLOCK) as u32
    }
    fn read_block(&self, lba: u32, buf: &mut [u8; BLOCK]) -> IoResult<()> {
        let mem = self.mem.borrow();
        let at = lba as usize * BLOCK;
        let src = mem.get(at..at + BLOCK).ok_or(errno::EIO)?;
        buf.copy_from_slice(src);
        Ok(())
    }
    fn write_block(&self, lba: u32, buf: &[u8; BLOCK]) -> IoResult<()> {
        let mut mem = self.mem.borrow_mut();
        let at = lba as usize * BLOCK;
        let dst = mem.get_mut(at..at + BLOCK).ok_or(errno::EIO)?;
        dst.copy_from_slice(buf);
        Ok(())
    }
}

/// Run `f` on the volume, then write the sector cache back.
fn run<'d, T>(fat: &mut Fat<'d>, f: impl FnOnce(&mut Fat<'d>) -> IoResult<T>) -> IoResult<T> {
    let r = f(fat);
    let flushed = fat.flush();
    let r = r?;
    flushed?;
    Ok(r)
}

/// An absolute path split into names (`.` and `..` resolved), and whether
/// it ended with `/` (then it must name a directory).
struct Path {
    names: Vec<String>,
    dir_only: bool,
}

/// An open file.
struct Handle {
    file: fat::OpenFile,
    read: bool,
    write: bool,
    append: bool,
}

/// Open files at once, at most.
const MAX_OPEN: usize = 32;
/// Handles start here (0-2 are the standard streams).
const FIRST_HANDLE: usize = 3;

/// A mounted volume, a current directory and the open files.
pub struct Vfs<'d> {
    fat: Fat<'d>,
    cwd: Vec<String>,
    files: Vec<Option<Handle>>,
}

impl<'d> Vfs<'d> {
    /// Mount the FAT volume on `dev` (ENODEV: no FAT12/16 volume there).
    pub fn mount(dev: &'d dyn BlockDevice) -> IoResult<Vfs<'d>> {
        Ok(Vfs {
            fat: Fat::mount(dev)?,
            cwd: Vec::new(),
            files: Vec::new(),
        })
    }

    /// The clock for new and changed entries, in seconds since the epoch.
    pub fn set_time(&mut self, secs: Option<f64>) {
        self.fat.now = secs.unwrap_or(0.0).max(0.0) as u64;
    }

    /// Write cached data back, close nothing.
    pub fn sync(&mut self) -> IoResult<()> {
        self.fat.flush()?;
        self.fat.dev.sync()
    }

    /// Close every file and write everything back.
    pub fn unmount(mut self) -> IoResult<()> {
        self.files.clear();
        self.sync()
    }

    /// Resolve `p` against the current directory. `..` after a name needs
    /// that name to be a directory, as POSIX has it (`file/..` is ENOTDIR).
    fn path(&mut self, p: &str) -> IoResult<Path> {
        if p.is_empty() {
            return Err(errno::ENOENT);
        }
        if p.contains('\0') {
            return Err(errno::EINVAL);
        }
        let mut names = if p.starts_with('/') {
            Vec::new()
        } else {
            self.cwd.clone()
        };
        for part in p.split('/') {
            match part {
                "" | "." => {}
                ".." => {
                    if !names.is_empty() {
                        run(&mut self.fat, |fat| fat.stat(&names, true))?;
                    }
                    names.pop();
                }
                n => names.push(String::from(n)),
            }
        }
        let last = p.rsplit('/').next().unwrap_or("");
        let dir_only = p.ends_with('/') || last == "." || last == "..";
        Ok(Path { names, dir_only })
    }

    /// Run `f` on the volume, then write the sector cache back.
    fn op<T>(&mut self, f: impl FnOnce(&mut Fat<'d>) -> IoResult<T>) -> IoResult<T> {
        run(&mut self.fat, f)
    }

    fn handle(&mut self, h: usize) -> IoResult<&mut Handle> {
        h.checked_sub(FIRST_HANDLE)
            .and_then(|i| self.files.get_mut(i))
            .and_then(|s| s.as_mut())
            .ok_or(errno::EBADF)
    }

    // ------------------------------------------------------ the port's ops

    pub fn open(&mut self, path: &str, flags: OpenFlags) -> IoResult<usize> {
        let p = self.path(path)?;
        let slot = match self.files.iter().position(|s| s.is_none()) {
            Some(i) => i,
            None if self.files.len() < MAX_OPEN => {
                self.files.push(None);
                self.files.len() - 1
            }
            None => return Err(errno::EMFILE),
        };
        let file = self.op(|fat| fat.open(&p.names, p.dir_only, flags))?;
        self.files[slot] = Some(Handle {
            file,
            read: flags.read,
            write: flags.write || flags.append,
            append: flags.append,
        });
        Ok(slot + FIRST_HANDLE)
    }

    pub fn read(&mut self, h: usize, buf: &mut [u8]) -> IoResult<usize> {
        let i = h.wrapping_sub(FIRST_HANDLE);
        let hd = self.handle(h)?;
        if !hd.read {
            return Err(errno::EBADF);
        }
        let mut file = hd.file.clone();
        let r = self.op(|fat| fat.read(&mut file, buf));
        if let Some(Some(hd)) = self.files.get_mut(i) {
            hd.file = file;
        }
        r
    }

    pub fn write(&mut self, h: usize, buf: &[u8]) -> IoResult<usize> {
        let i = h.wrapping_sub(FIRST_HANDLE);
        let hd = self.handle(h)?;
        if !hd.write {
            return Err(errno::EBADF);
        }
        let append = hd.append;
        let mut file = hd.file.clone();
        let r = self.op(|fat| {
            if append {
                file.pos = file.size as u64;
            }
            fat.write(&mut file, buf)
        });
        if let Some(Some(hd)) = self.files.get_mut(i) {
            hd.file = file;
        }
        // Other handles on the same file see its new size and clusters.
        self.share(i);
        r
    }

    /// Copy handle `i`'s idea of its file (size, first cluster) to the
    /// other handles on the same entry.
    fn share(&mut self, i: usize) {
        let Some(Some(src)) = self.files.get(i) else {
            return;
        };
        let (at, size, first) = (src.file.at, src.file.size, src.file.first);
        if at.is_none() {
            return;
        }
        for (k, s) in self.files.iter_mut().enumerate() {
            if let Some(hd) = s {
                if k != i && hd.file.at == at {
                    hd.file.size = size;
                    if hd.file.first != first {
                        hd.file.first = first;
                        hd.file.forget_position();
                    }
                }
            }
        }
    }

    pub fn seek(&mut self, h: usize, off: i64, whence: u8) -> IoResult<u64> {
        let hd = self.handle(h)?;
        let base: i64 = match whence {
            0 => 0,
            1 => hd.file.pos as i64,
            2 => hd.file.size as i64,
            _ => return Err(errno::EINVAL),
        };
        let pos = base.checked_add(off).ok_or(errno::EINVAL)?;
        if pos < 0 {
            return Err(errno::EINVAL);
        }
        hd.file.pos = pos as u64;
        Ok(pos as u64)
    }

    pub fn truncate(&mut self, h: usize, size: u64) -> IoResult<()> {
        let i = h.wrapping_sub(FIRST_HANDLE);
        let hd = self.handle(h)?;
        if !hd.write {
            return Err(errno::EINVAL);
        }
        let mut file = hd.file.clone();
        let r = self.op(|fat| fat.truncate(&mut file, size));
        if let Some(Some(hd)) = self.files.get_mut(i) {
            hd.file = file;
        }
        self.share(i);
        r
    }

    pub fn flush(&mut self, h: usize) -> IoResult<()> {
        self.handle(h)?;
        self.sync()
    }

    pub fn close(&mut self, h: usize) -> IoResult<()> {
        self.handle(h)?;
        let hd = self.files[h - FIRST_HANDLE].take();
        if let Some(hd) = hd {
            // A file removed while open: its clusters are freed with its
            // last handle.
            let first = hd.file.first;
            let shared = self
                .files
                .iter()
                .flatten()
                .any(|o| o.file.at.is_none() && o.file.first == first);
            if hd.file.at.is_none() && first != 0 && !shared {
                let first = hd.file.first;
                self.op(|fat| fat.free_chain(first))?;
            }
        }
        self.sync()
    }

    pub fn fstat(&mut self, h: usize) -> IoResult<FileStat> {
        let file = self.handle(h)?.file.clone();
        self.op(|fat| fat.stat_open(&file))
    }

    pub fn stat(&mut self, path: &str) -> IoResult<FileStat> {
        let p = self.path(path)?;
        self.op(|fat| fat.stat(&p.names, p.dir_only))
    }

    pub fn listdir(&mut self, path: &str) -> IoResult<Vec<String>> {
        let p = self.path(path)?;
        self.op(|fat| fat.listdir(&p.names))
    }

    pub fn mkdir(&mut self, path: &str) -> IoResult<()> {
        let p = self.path(path)?;
        self.op(|fat| fat.mkdir(&p.names))
    }

    pub fn rmdir(&mut self, path: &str) -> IoResult<()> {
        let p = self.path(path)?;
        self.op(|fat| fat.rmdir(&p.names))
    }

    pub fn remove(&mut self, path: &str) -> IoResult<()> {
        let p = self.path(path)?;
        let files = &self.files;
        let open = |at| files.iter().flatten().any(|h| h.file.at == Some(at));
        let at = run(&mut self.fat, |fat| fat.remove(&p.names, p.dir_only, &open))?;
        self.detach(at);
        Ok(())
    }

    /// The entry at `at` is gone: its open files keep their data.
    fn detach(&mut self, at: fat::EntryAt) {
        for hd in self.files.iter_mut().flatten() {
            if hd.file.at == Some(at) {
                hd.file.at = None;
            }
        }
    }

    pub fn rename(&mut self, from: &str, to: &str) -> IoResult<()> {
        let a = self.path(from)?;
        let b = self.path(to)?;
        let files = &self.files;
        let open = |at| files.iter().flatten().any(|h| h.file.at == Some(at));
        let moved = run(&mut self.fat, |fat| {
            fat.rename(&a.names, a.dir_only, &b.names, b.dir_only, &open)
        })?;
        if let Some(gone) = moved.replaced {
            self.detach(gone);
        }
        for hd in self.files.iter_mut().flatten() {
            if hd.file.at == Some(moved.old) {
                hd.file.at = Some(moved.new);
            }
        }
        Ok(())
    }

    pub fn getcwd(&self) -> String {
        let mut s = String::new();
        for n in &self.cwd {
            s.push('/');
            s.push_str(n);
        }
        if s.is_empty() {
            s.push('/');
        }
        s
    }

    pub fn chdir(&mut self, path: &str) -> IoResult<()> {
        let p = self.path(path)?;
        let st = self.op(|fat| fat.stat(&p.names, true))?;
        if !st.is_dir() {
            return Err(errno::ENOTDIR);
        }
        self.cwd = p.names;
        Ok(())
    }

    /// A whole file (imports), `None` if it cannot be read.
    pub fn read_file(&mut self, path: &str) -> Option<Vec<u8>> {
        let flags = OpenFlags {
            read: true,
            ..OpenFlags::default()
        };
        let h = self.open(path, flags).ok()?;
        let mut out = Vec::new();
        let mut buf = [0u8; 256];
        let ok = loop {
            match self.read(h, &mut buf) {
                Ok(0) => break true,
                Ok(n) => out.extend_from_slice(&buf[..n]),
                Err(_) => break false,
            }
        };
        let _ = self.close(h);
        ok.then_some(out)
    }

    pub fn is_dir(&mut self, path: &str) -> bool {
        self.stat(path).is_ok_and(|s| s.is_dir())
    }

    /// Free space in bytes (a `statvfs`'s worth).
    pub fn free_bytes(&mut self) -> IoResult<u64> {
        self.op(|fat| fat.free_bytes())
    }
}
