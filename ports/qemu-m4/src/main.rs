//! ferropy firmware for QEMU's Cortex-M4 board `mps2-an386`, with the memory
//! of an Adafruit Metro M4 (512 KB flash, 192 KB RAM, see `memory.x`).
//!
//! RAM: the bottom 16 KB is the native stack (an overflow faults at the
//! start of RAM instead of corrupting data); then `.data`/`.bss`; then the GC
//! heap: all the RAM that is left (`__sheap` to `_ferropy_heap_end`, from the
//! linker; not zeroed at reset, the collector zeroes what it hands out).
//! Rust's own allocations (the compiler's AST, `Vec`s, `String`s) are manual
//! blocks of that heap.
//!
//! UART0 carries a MicroPython-style REPL (friendly and raw, see `repl.rs`).
//! A soft reset (Ctrl-D) rebuilds the heap and the VM.
#![no_std]
#![no_main]

extern crate alloc;

mod chunks;
mod port;
mod repl;
mod uart;

use core::alloc::{GlobalAlloc, Layout};
use core::mem::MaybeUninit;
use core::sync::atomic::Ordering;
use cortex_m_rt::{entry, exception};
use ferropy_core::gc;
use ferropy_core::vm::{Config, Vm};

/// Native stack bytes kept free below the recursion check for interrupt
/// handlers (on top of `Config::stack_margin`).
const STACK_GUARD: usize = 512;

/// The interpreter, rebuilt at every soft reset.
static mut VM: MaybeUninit<Vm> = MaybeUninit::uninit();
/// Has `VM` been written (the allocator may collect through it)?
static VM_READY: core::sync::atomic::AtomicBool = core::sync::atomic::AtomicBool::new(false);

extern "C" {
    /// Lowest address of the native stack (from `memory.x`).
    static _stack_bottom: u8;
    /// One past the highest address of the native stack (cortex-m-rt).
    static _stack_start: u8;
    /// Start of the RAM left after the statics (cortex-m-rt).
    static __sheap: u8;
    /// End of the GC heap (from `memory.x`: the end of RAM).
    static _ferropy_heap_end: u8;
}

/// The GC heap's region: from the end of the statics to the end of RAM.
fn heap_region() -> (*mut u8, usize) {
    let start = core::ptr::addr_of!(__sheap) as usize;
    let end = core::ptr::addr_of!(_ferropy_heap_end) as usize;
    (start as *mut u8, end.saturating_sub(start))
}

/// Lowest native stack address the interpreter may use.
pub fn stack_bottom() -> usize {
    // SAFETY: only the address of the linker symbol is taken.
    let bottom = core::ptr::addr_of!(_stack_bottom) as usize;
    bottom + STACK_GUARD
}

fn stack_top() -> usize {
    // SAFETY: only the address of the linker symbol is taken.
    core::ptr::addr_of!(_stack_start) as usize
}

/// Configuration of the board's VM: `Config::small()` (its compiler
/// nesting limit is sized for a 16 KB stack; Python-to-Python calls use
/// value-stack chunks on the heap, not the native stack).
pub fn config() -> Config {
    Config::small()
}

/// Leave QEMU with an exit status (semihosting).
pub fn exit(code: i32) -> ! {
    use cortex_m_semihosting::debug;
    debug::exit(if code == 0 {
        debug::EXIT_SUCCESS
    } else {
        debug::EXIT_FAILURE
    });
    loop {
        cortex_m::asm::wfi();
    }
}

/// Free heap bytes as `gc.mem_free()` would report them.
pub fn heap_free() -> usize {
    let (used, total) = gc::usage();
    total - used
}

#[entry]
fn main() -> ! {
    uart::init();
    start_systick();
    port::init_clock();
    let mut raw = false;
    loop {
        VM_READY.store(false, Ordering::Relaxed);
        // SAFETY: the heap region is RAM no static or stack uses (see
        // `memory.x`); every allocation of
        // the previous session (Rust's included) was dropped before the
        // session returned, so re-initialising invalidates no live pointer.
        unsafe {
            let (start, len) = heap_region();
            gc::init(start, len, stack_top());
        }
        ferropy_core::vm::eval::INTERRUPT.store(false, Ordering::Relaxed);
        // SAFETY: single-threaded; the previous VM (if any) is no longer
        // referenced (its session returned) and `Vm` has no destructor to run.
        let vm: &'static Vm = unsafe {
            let slot = &mut *core::ptr::addr_of_mut!(VM);
            slot.write(Vm::new(&port::PORT, config()))
        };
        VM_READY.store(true, Ordering::Relaxed);
        if vm.init().is_err() {
            uart::write_cooked(b"ferropy: heap too small\n");
            exit(1);
        }
        raw = repl::session(vm, raw);
        uart::write_cooked(b"ferropy: soft reboot\n");
    }
}

fn start_systick() {
    // SAFETY: called once at start-up, before anything else uses SysTick.
    let mut cp = unsafe { cortex_m::Peripherals::steal() };
    cp.SYST
        .set_clock_source(cortex_m::peripheral::syst::SystClkSource::Core);
    cp.SYST.set_reload(port::CPU_HZ / 1000 - 1);
    cp.SYST.clear_current();
    cp.SYST.enable_interrupt();
    cp.SYST.enable_counter();
}

#[exception]
fn SysTick() {
    port::tick();
}

#[exception]
unsafe fn HardFault(_frame: &cortex_m_rt::ExceptionFrame) -> ! {
    uart::write_cooked(b"\nferropy: HardFault (native stack overflow?)\n");
    exit(1)
}

/// The vector table's device interrupts: only UART0 RX (IRQ 0) is used.
#[link_section = ".vector_table.interrupts"]
#[no_mangle]
#[used]
pub static __INTERRUPTS: [unsafe extern "C" fn(); 1] = [uart_rx_vector];

unsafe extern "C" fn uart_rx_vector() {
    uart::UART0_RX();
}

#[panic_handler]
fn panic(info: &core::panic::PanicInfo) -> ! {
    use core::fmt::Write;
    struct Out;
    impl Write for Out {
        fn write_str(&mut self, s: &str) -> core::fmt::Result {
            uart::write_cooked(s.as_bytes());
            Ok(())
        }
    }
    let _ = write!(Out, "\nferropy: panic: {}\n", info);
    exit(1)
}

/// Rust's heap is the GC heap: every allocation is a manual block (never
/// collected, scanned as a root, freed by `dealloc`).
struct GcAllocator;

fn collect_for_rust() {
    if VM_READY.load(Ordering::Relaxed) {
        // SAFETY: VM_READY is set only after the VM was written.
        let vm = unsafe { (*core::ptr::addr_of!(VM)).assume_init_ref() };
        // Not `vm.collect()`: finalisers run Python code, which must not
        // happen inside an allocation. They run at the next VM collection.
        gc::collect(vm);
    }
}

// SAFETY: blocks are BLOCK-aligned (16 bytes) and at least the requested
// size; larger alignments are refused (null). The heap is single-threaded.
unsafe impl GlobalAlloc for GcAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.align() > gc::BLOCK {
            return core::ptr::null_mut();
        }
        if let Some(p) = gc::alloc(layout.size(), gc::kind::MANUAL) {
            return p;
        }
        collect_for_rust();
        gc::alloc(layout.size(), gc::kind::MANUAL).unwrap_or(core::ptr::null_mut())
    }
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        gc::free(ptr);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if layout.align() > gc::BLOCK {
            return core::ptr::null_mut();
        }
        if let Some(p) = gc::realloc(ptr, new_size, gc::kind::MANUAL) {
            return p;
        }
        collect_for_rust();
        gc::realloc(ptr, new_size, gc::kind::MANUAL).unwrap_or(core::ptr::null_mut())
    }
}

#[global_allocator]
static ALLOCATOR: GcAllocator = GcAllocator;
