//! The one interface between the core and the machine it runs on.

use alloc::string::String;
use alloc::vec::Vec;

/// Error numbers reported by the file operations. Ports translate their
/// own errors to these (Linux's numbering, which CPython shows in
/// `[Errno N]`); `core::obj::exc::os_error` maps them to OSError subclasses.
pub mod errno {
    pub const EPERM: i32 = 1;
    pub const ENOENT: i32 = 2;
    pub const EIO: i32 = 5;
    pub const EBADF: i32 = 9;
    pub const EAGAIN: i32 = 11;
    pub const ENOMEM: i32 = 12;
    pub const EACCES: i32 = 13;
    pub const EBUSY: i32 = 16;
    pub const EEXIST: i32 = 17;
    pub const EXDEV: i32 = 18;
    pub const ENODEV: i32 = 19;
    pub const ENOTDIR: i32 = 20;
    pub const EISDIR: i32 = 21;
    pub const EINVAL: i32 = 22;
    pub const EMFILE: i32 = 24;
    pub const ENOTTY: i32 = 25;
    pub const EFBIG: i32 = 27;
    pub const ENOSPC: i32 = 28;
    pub const ESPIPE: i32 = 29;
    pub const EROFS: i32 = 30;
    pub const EPIPE: i32 = 32;
    pub const ENAMETOOLONG: i32 = 36;
    pub const ENOSYS: i32 = 38;
    pub const ENOTEMPTY: i32 = 39;
    pub const ELOOP: i32 = 40;
}

/// Result of a port file operation: the error is an [`errno`] number.
pub type IoResult<T> = Result<T, i32>;

/// How to open a file (`open()`'s mode letters, decoded).
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct OpenFlags {
    pub read: bool,
    pub write: bool,
    /// Every write goes to the end.
    pub append: bool,
    /// Create the file if missing.
    pub create: bool,
    /// Truncate an existing file to 0 bytes.
    pub truncate: bool,
    /// Fail with EEXIST if the file exists (with `create`).
    pub exclusive: bool,
}

/// What `stat` reports.
#[derive(Copy, Clone, Debug, Default, PartialEq)]
pub struct FileStat {
    /// `st_mode` (file type bits `0o170000` as POSIX: `0o040000` directory,
    /// `0o100000` regular file, plus permission bits).
    pub mode: u32,
    pub size: u64,
    /// Modification, access and status-change times, seconds since the epoch.
    pub mtime: f64,
    pub atime: f64,
    pub ctime: f64,
    pub ino: u64,
    pub dev: u64,
    pub nlink: u64,
    pub uid: u32,
    pub gid: u32,
}

impl FileStat {
    pub fn is_dir(&self) -> bool {
        self.mode & 0o170000 == 0o040000
    }
    pub fn is_file(&self) -> bool {
        self.mode & 0o170000 == 0o100000
    }
}

/// What a port provides. All methods have defaults so a minimal port only
/// implements output.
pub trait Port: Sync {
    /// Write bytes to standard output.
    fn write_out(&self, b: &[u8]);
    /// Write bytes to standard error.
    fn write_err(&self, b: &[u8]) {
        self.write_out(b)
    }
    /// Read one line from standard input (without the newline), `None` at EOF.
    fn read_line(&self, _buf: &mut alloc::vec::Vec<u8>) -> Option<()> {
        None
    }
    /// Milliseconds since an arbitrary start.
    fn ticks_ms(&self) -> u64 {
        0
    }
    /// Microseconds since an arbitrary start.
    fn ticks_us(&self) -> u64 {
        self.ticks_ms() * 1000
    }
    /// Seconds since the Unix epoch, if the port has a clock.
    fn time(&self) -> Option<f64> {
        None
    }
    /// Sleep (or busy-wait) for `ms` milliseconds.
    fn sleep_ms(&self, _ms: u64) {}
    /// Lowest usable native stack address, given the current stack pointer.
    fn stack_limit(&self, sp: usize) -> usize {
        sp.saturating_sub(16 * 1024)
    }
    /// Read a whole file (for imports and `open`), `None` if it is missing.
    fn read_file(&self, _path: &str) -> Option<alloc::vec::Vec<u8>> {
        None
    }
    /// Is `path` a directory?
    fn is_dir(&self, _path: &str) -> bool {
        false
    }
    /// Has the user asked to interrupt (Ctrl-C)? Clears the request.
    fn take_interrupt(&self) -> bool {
        false
    }
    /// Platform name for `sys.platform`.
    fn platform(&self) -> &'static str {
        "ferropy"
    }
    /// File name endings of C extension modules, tried in order for each
    /// directory of `sys.path` (e.g. `.cpython-311-x86_64-linux-gnu.so`,
    /// `.so`). Empty (the default): the port cannot load extensions.
    fn extension_suffixes(&self) -> &'static [&'static str] {
        &[]
    }
    /// Load the C extension at `path` and return the address of its init
    /// function `symbol` (`PyInit_name`). `None` when there is no file at
    /// `path`; `Some(Err(why))` when the file exists but cannot be loaded.
    fn load_extension(
        &self,
        _path: &str,
        _symbol: &str,
    ) -> Option<Result<usize, alloc::string::String>> {
        None
    }
    /// A module the port provides (a board's `machine`, say), built on its
    /// first import; `Ok(None)` when the port has no module `name`. Tried
    /// after the core's native modules, before C and frozen modules.
    fn make_module(
        &self,
        _vm: &crate::vm::Vm,
        _name: &str,
    ) -> crate::vm::PyResult<Option<crate::obj::Obj>> {
        Ok(None)
    }
    /// Exit the program with `code` (ports that cannot exit return).
    fn exit(&self, _code: i32) {}

    // ------------------------------------------------------------- files
    // Every operation defaults to ENOSYS ("Function not implemented"), so
    // a port without a filesystem needs none of them. Paths are UTF-8,
    // relative to the port's current directory. Handles are small numbers
    // chosen by the port (`fileno()` shows them).

    /// Open (and maybe create) a file.
    fn file_open(&self, _path: &str, _flags: OpenFlags) -> IoResult<usize> {
        Err(errno::ENOSYS)
    }
    /// Read up to `buf.len()` bytes; `Ok(0)` at end of file.
    fn file_read(&self, _h: usize, _buf: &mut [u8]) -> IoResult<usize> {
        Err(errno::ENOSYS)
    }
    /// Write some of `buf` (at least one byte unless `buf` is empty).
    fn file_write(&self, _h: usize, _buf: &[u8]) -> IoResult<usize> {
        Err(errno::ENOSYS)
    }
    /// Move the position: `whence` 0 start, 1 current, 2 end. Returns the
    /// new position.
    fn file_seek(&self, _h: usize, _off: i64, _whence: u8) -> IoResult<u64> {
        Err(errno::ESPIPE)
    }
    /// Cut or extend the file to `size` bytes.
    fn file_truncate(&self, _h: usize, _size: u64) -> IoResult<()> {
        Err(errno::ENOSYS)
    }
    /// Push written data to the device.
    fn file_flush(&self, _h: usize) -> IoResult<()> {
        Ok(())
    }
    /// Release the handle.
    fn file_close(&self, _h: usize) -> IoResult<()> {
        Ok(())
    }
    /// Is the handle a terminal?
    fn file_isatty(&self, _h: usize) -> bool {
        false
    }
    /// Status of an open file.
    fn file_stat(&self, _h: usize) -> IoResult<FileStat> {
        Err(errno::ENOSYS)
    }
    /// Status of a path (following symbolic links).
    fn stat(&self, _path: &str) -> IoResult<FileStat> {
        Err(errno::ENOSYS)
    }
    /// Names in a directory (without `.` and `..`), in the port's order.
    fn listdir(&self, _path: &str) -> IoResult<Vec<String>> {
        Err(errno::ENOSYS)
    }
    fn mkdir(&self, _path: &str, _mode: u32) -> IoResult<()> {
        Err(errno::ENOSYS)
    }
    fn rmdir(&self, _path: &str) -> IoResult<()> {
        Err(errno::ENOSYS)
    }
    /// Delete a file (not a directory).
    fn remove(&self, _path: &str) -> IoResult<()> {
        Err(errno::ENOSYS)
    }
    /// Rename, replacing an existing file at `to`.
    fn rename(&self, _from: &str, _to: &str) -> IoResult<()> {
        Err(errno::ENOSYS)
    }
    /// The current directory (boards without directories: `/`).
    fn getcwd(&self) -> IoResult<String> {
        Ok(String::from("/"))
    }
    fn chdir(&self, _path: &str) -> IoResult<()> {
        Err(errno::ENOSYS)
    }
    /// The process environment (`os.environ`); empty on boards.
    fn environ(&self) -> Vec<(String, String)> {
        Vec::new()
    }
}
