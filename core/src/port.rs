//! The one interface between the core and the machine it runs on.

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
    /// Exit the program with `code` (ports that cannot exit return).
    fn exit(&self, _code: i32) {}
}
