//! What ferropy's Cortex-M firmwares share (`ports/qemu-m4`,
//! `ports/metro-m4`): the REPL and raw-REPL driver, the console's receive
//! ring (with Ctrl-C), the `Port` implementation, the GC heap set-up, the
//! millisecond clock, the panic report (`ferropy_panic`, called by the C
//! API crate's panic handler; that crate also has Rust's global allocator on
//! the GC heap, `capi/src/runtime.rs`), and the C side of extension modules:
//! the C API installed on each VM, the modules' statics restored at each
//! soft reset, the console for C's `write` (`c/libc_glue.c` is newlib's
//! glue; `build/firmware.rs` is the build script part the ports include).
//!
//! A firmware provides a [`Board`] (how bytes go out and come in, the clock
//! rate, how to exit, its own modules, the [`Modules`] its build script
//! generated) and calls [`run`] from its entry
//! point. Its interrupt handlers feed received bytes to [`console::push_rx`]
//! and its SysTick handler calls [`clock::tick`].
//!
//! RAM layout expected from the linker script (see the ports' `memory.x`):
//! `_stack_bottom`..`_stack_start` is the native stack (at the bottom of RAM,
//! so an overflow faults), then `.data`/`.bss`, then the GC heap from
//! cortex-m-rt's `__sheap` to `_ferropy_heap_end`; the extensions' statics
//! between `__ferropy_ext_sdata`/`_edata` (initial values at
//! `__ferropy_ext_sidata`) and `__ferropy_ext_sbss`/`_ebss`.
#![no_std]

extern crate alloc;

mod chunks;
pub mod clock;
pub mod console;
#[cfg(feature = "fs")]
pub mod disk;
pub mod machine;
pub mod port;
pub mod repl;

use core::mem::MaybeUninit;
use core::sync::atomic::{AtomicBool, Ordering};
use ferropy_core::gc;
use ferropy_core::obj::Obj;
use ferropy_core::vm::{Config, PyResult, Vm};

pub use port::PORT;

/// What a board gives the shared firmware code.
pub trait Board: Sync {
    /// `sys.platform`.
    fn platform(&self) -> &'static str;
    /// The banner's description of the machine, e.g. `"qemu-m4 (mps2-an386,
    /// Cortex-M4)"`.
    fn description(&self) -> &'static str;
    /// Send bytes to the console as they are (blocking, best effort).
    fn write(&self, bytes: &[u8]);
    /// Thread mode found the receive ring empty: move input that is waiting
    /// in the hardware into it (with [`console::push_rx`]) if the interrupt
    /// handler left some there, and re-arm the receive interrupt.
    fn poll_input(&self) {}
    /// Core clock in Hz (SysTick counts it).
    fn cpu_hz(&self) -> u32;
    /// Seconds since the Unix epoch at start-up, if the board knows.
    fn boot_time(&self) -> Option<u32> {
        None
    }
    /// End the program (QEMU: exit with `code`; hardware: reset).
    fn exit(&self, code: i32) -> !;
    /// The board's pins: with them, `import machine` works (`machine.rs`).
    fn gpio(&self) -> Option<&'static dyn machine::Gpio> {
        None
    }
    /// Another module this board provides, `Ok(None)` if none.
    fn make_module(&self, _vm: &Vm, _name: &str) -> PyResult<Option<Obj>> {
        Ok(None)
    }
    /// The C extension modules and frozen Python modules linked into the
    /// image (the port's `[package.metadata.ferropy]`, turned into a
    /// [`Modules`] table by its build script).
    fn modules(&self) -> &'static Modules {
        &Modules::NONE
    }
    /// The block device the filesystem lives on (feature `fs`), if any.
    #[cfg(feature = "fs")]
    fn block_device(&self) -> Option<&'static dyn ferropy_core::vfs::BlockDevice> {
        None
    }
    /// Format the block device when it holds no FAT volume (a RAM disk at
    /// power-on). A board whose device keeps data (flash) answers false:
    /// its files are then unreachable until the user formats it.
    #[cfg(feature = "fs")]
    fn format_blank(&self) -> bool {
        false
    }
    /// The code object of the board's `main.py`, run in `__main__` after
    /// each (soft) reset into the friendly REPL; `None` if it has none.
    /// The default: the frozen module `main` of [`Board::modules`].
    fn main_py(&self, vm: &Vm) -> Option<PyResult<Obj>> {
        let &(_, data) = self.modules().frozen.iter().find(|(n, _)| *n == "main")?;
        Some(ferropy_core::vm::import::load_bytecode(
            vm,
            data,
            Some(data),
            "main.py",
        ))
    }
}

/// A C extension module linked into the image: `import name` runs `init`.
pub struct Extension {
    pub name: &'static str,
    /// `PyInit_<name>`.
    pub init: unsafe extern "C" fn() -> *mut core::ffi::c_void,
}

/// What a firmware's build script links in besides the interpreter (see
/// `ports/mcu-common/build/firmware.rs`).
pub struct Modules {
    /// C extension modules (Cython or C), found after the core's native
    /// modules and the board's own.
    pub extensions: &'static [Extension],
    /// Frozen Python modules: (name, marshalled code). The one named `main`
    /// is the board's `main.py`: it is run after each reset into the
    /// friendly REPL and is not importable.
    pub frozen: &'static [(&'static str, &'static [u8])],
}

impl Modules {
    pub const NONE: Modules = Modules {
        extensions: &[],
        frozen: &[],
    };
}

/// Native stack bytes kept free below the recursion check for interrupt
/// handlers (on top of `Config::stack_margin`).
const STACK_GUARD: usize = 512;

/// The interpreter, rebuilt at every soft reset.
static mut VM: MaybeUninit<Vm> = MaybeUninit::uninit();

extern "C" {
    /// Lowest address of the native stack (from `memory.x`).
    static _stack_bottom: u8;
    /// One past the highest address of the native stack (cortex-m-rt).
    static _stack_start: u8;
    /// Start of the RAM left after the statics (cortex-m-rt).
    static __sheap: u8;
    /// The C extensions' initialised statics in RAM, and their initial
    /// values in flash (the build script's linker script fragment).
    static __ferropy_ext_sdata: u8;
    static __ferropy_ext_edata: u8;
    static __ferropy_ext_sidata: u8;
    /// The C extensions' zeroed statics.
    static __ferropy_ext_sbss: u8;
    static __ferropy_ext_ebss: u8;
    /// End of the GC heap (from `memory.x`: the end of RAM).
    static _ferropy_heap_end: u8;
}

/// The GC heap's region: from the end of the statics to the end of RAM.
fn heap_region() -> (*mut u8, usize) {
    let start = core::ptr::addr_of!(__sheap) as usize;
    let end = core::ptr::addr_of!(_ferropy_heap_end) as usize;
    (start as *mut u8, end.saturating_sub(start))
}

/// Give the C extensions (and the C library linked with them) their
/// statics as at reset: C keeps pointers into the heap in them, and a soft
/// reset makes a new heap (and a new VM the modules must initialise in).
fn reset_extension_statics() {
    let sdata = core::ptr::addr_of!(__ferropy_ext_sdata) as usize;
    let edata = core::ptr::addr_of!(__ferropy_ext_edata) as usize;
    let sidata = core::ptr::addr_of!(__ferropy_ext_sidata) as usize;
    let sbss = core::ptr::addr_of!(__ferropy_ext_sbss) as usize;
    let ebss = core::ptr::addr_of!(__ferropy_ext_ebss) as usize;
    // SAFETY: the linker script puts these two regions in RAM apart from
    // everything else (only extension and C library objects are in them,
    // and no C code runs now), and the initial values in flash are exactly
    // as long as the data region.
    unsafe {
        core::ptr::copy_nonoverlapping(
            sidata as *const u8,
            sdata as *mut u8,
            edata.saturating_sub(sdata),
        );
        core::ptr::write_bytes(sbss as *mut u8, 0, ebss.saturating_sub(sbss));
    }
}

/// Lowest native stack address the interpreter may use.
pub fn stack_bottom() -> usize {
    let bottom = core::ptr::addr_of!(_stack_bottom) as usize;
    bottom + STACK_GUARD
}

fn stack_top() -> usize {
    core::ptr::addr_of!(_stack_start) as usize
}

/// Configuration of the boards' VM: `Config::small()` (its compiler nesting
/// limit is sized for a 16 KB stack; Python-to-Python calls use value-stack
/// chunks on the heap, not the native stack).
pub fn config() -> Config {
    Config::small()
}

/// Free heap bytes as `gc.mem_free()` would report them.
pub fn heap_free() -> usize {
    let (used, total) = gc::usage();
    total - used
}

/// Run the interpreter on `board` forever: build the heap and the VM, run
/// `main.py` (if the board has one), then the REPL; a soft reset starts
/// over. Call once, from the entry point, after the console and SysTick
/// are running.
pub fn run(board: &'static dyn Board) -> ! {
    PORT.set_board(board);
    let mut raw = false;
    loop {
        ferropy_capi::uninstall();
        reset_extension_statics();
        // SAFETY: the heap region is RAM no static or stack uses (see
        // `memory.x`); every allocation of the previous session (Rust's
        // included) was dropped before the session returned, so
        // re-initialising invalidates no live pointer.
        unsafe {
            let (start, len) = heap_region();
            gc::init(start, len, stack_top());
        }
        ferropy_core::vm::eval::INTERRUPT.store(false, Ordering::Relaxed);
        let vm = new_vm();
        // From here on, C extensions reach this VM, and Rust's allocator
        // (`ferropy_capi`'s) collects through it when the heap is full.
        ferropy_capi::install(vm);
        if vm.init().is_err() {
            console::write_cooked(b"ferropy: heap too small\n");
            board.exit(1);
        }
        // The volume's state (open files, the sector cache) is on the heap:
        // mounted for each session, unmounted before the heap is remade.
        #[cfg(feature = "fs")]
        PORT.mount();
        raw = repl::session(vm, raw);
        #[cfg(feature = "fs")]
        PORT.unmount();
        console::write_cooked(b"ferropy: soft reboot\n");
    }
}

/// Make the session's VM in the static slot. A function of its own (never
/// inlined), so the `Vm` value built on the way (several KB) occupies the
/// stack only during this call, not for the whole session in `run`'s frame.
#[inline(never)]
fn new_vm() -> &'static Vm {
    // SAFETY: single-threaded; the previous VM (if any) is no longer
    // referenced (its session returned) and `Vm` has no destructor to run.
    unsafe {
        let slot = &mut *core::ptr::addr_of_mut!(VM);
        slot.write(Vm::new(&PORT, config()))
    }
}

/// A HardFault: print where it happened (the stacked program counter) and
/// end the program. Call from the firmware's HardFault handler. Formats by
/// hand, to use as little of a possibly exhausted stack as it can.
pub fn hard_fault(pc: u32) -> ! {
    if FATAL.swap(true, Ordering::Relaxed) {
        PORT.exit_now(1)
    }
    let mut hex = *b"00000000";
    for (k, d) in hex.iter_mut().enumerate() {
        let nibble = (pc >> (28 - 4 * k)) & 0xf;
        *d = b"0123456789abcdef"[nibble as usize];
    }
    console::write_cooked(b"\nferropy: HardFault at pc 0x");
    console::write_cooked(&hex);
    console::write_cooked(b" (native stack overflow?)\n");
    PORT.exit_now(1)
}

/// `write(2)` of C code on the console (newlib's `_write`, see
/// `c/libc_glue.c`): descriptor 2 is stderr, anything else stdout.
#[no_mangle]
pub unsafe extern "C" fn ferropy_console_write(fd: i32, buf: *const u8, len: usize) {
    if buf.is_null() {
        return;
    }
    // SAFETY: C passes `len` readable bytes at `buf`.
    let bytes = unsafe { core::slice::from_raw_parts(buf, len) };
    if fd == 2 {
        ferropy_core::port::Port::write_err(&PORT, bytes);
    } else {
        ferropy_core::port::Port::write_out(&PORT, bytes);
    }
}

/// `_exit` of C code (`exit`, `abort`): end the program through the board.
#[no_mangle]
pub extern "C" fn ferropy_c_exit(status: i32) -> ! {
    PORT.exit_now(status)
}

/// The console as a `core::fmt` sink.
struct Out;

impl core::fmt::Write for Out {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        console::write_cooked(s.as_bytes());
        Ok(())
    }
}

/// Set while a fault or panic is being reported.
static FATAL: AtomicBool = AtomicBool::new(false);

/// The panic handler (`ferropy_capi`'s `#[panic_handler]` calls this):
/// print the message on the console and end the program.
#[no_mangle]
fn ferropy_panic(info: &core::panic::PanicInfo) -> ! {
    use core::fmt::Write;
    if FATAL.swap(true, Ordering::Relaxed) {
        PORT.exit_now(1)
    }
    let _ = write!(Out, "\nferropy: panic: {}\n", info);
    PORT.exit_now(1)
}
